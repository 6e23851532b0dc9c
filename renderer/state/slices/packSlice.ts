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

/**
 * What the user changed in the pack for one review (`#/board-pack?review=<id>`): kept apart from
 * the general draft, for this session only, so that making a review's pack leaves the general
 * pack's choices as they were. Fields left unset follow the review (title, date, the sections its
 * kind picks) and the general draft's style.
 */
export type ReviewPackDraft = { readonly reviewId: string; readonly draft: PackDraft };

export type PackSlice = {
  packDraft: PackDraft;
  changePackDraft: (patch: PackDraft) => void;
  resetPackDraft: () => void;
  reviewPackDraft: ReviewPackDraft | null;
  /** Changes the draft of the pack for `reviewId` (starting afresh for another review). */
  changeReviewPackDraft: (reviewId: string, patch: PackDraft) => void;
  resetReviewPackDraft: () => void;
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
  reviewPackDraft: null,
  changeReviewPackDraft: (reviewId, patch) => {
    const current = get().reviewPackDraft;
    const draft = current?.reviewId === reviewId ? current.draft : {};
    set({ reviewPackDraft: { reviewId, draft: { ...draft, ...patch } } });
  },
  resetReviewPackDraft: () => set({ reviewPackDraft: null }),
});
