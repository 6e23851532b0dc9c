import type { StateCreator } from 'zustand';
import type { PackSettings } from '../../../shared/pack/types';
import type { AppState } from '../store';

/**
 * What the user changed in the board pack builder. Fields left unset follow the portfolio and
 * the day (organisation: the portfolio's name; date: today), so a pack made next month is dated
 * next month unless a date was chosen. Kept in this browser's local storage between sessions.
 */
export type PackDraft = Partial<Omit<PackSettings, 'logo'>> & {
  readonly logo?: PackSettings['logo'] | null;
};

export type PackSlice = {
  packDraft: PackDraft;
  changePackDraft: (patch: PackDraft) => void;
  resetPackDraft: () => void;
};

export const PACK_DRAFT_KEY = 'baton.board-pack';

function readDraft(): PackDraft {
  try {
    const text = globalThis.localStorage?.getItem(PACK_DRAFT_KEY);
    const value: unknown = text ? JSON.parse(text) : {};
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as PackDraft)
      : {};
  } catch {
    return {};
  }
}

function writeDraft(draft: PackDraft): void {
  try {
    globalThis.localStorage?.setItem(PACK_DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the draft still lives for this session.
  }
}

export const createPackSlice: StateCreator<AppState, [], [], PackSlice> = (set, get) => ({
  packDraft: readDraft(),
  changePackDraft: (patch) => {
    const packDraft = { ...get().packDraft, ...patch };
    writeDraft(packDraft);
    set({ packDraft });
  },
  resetPackDraft: () => {
    writeDraft({});
    set({ packDraft: {} });
  },
});
