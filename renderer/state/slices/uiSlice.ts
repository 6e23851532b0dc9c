import type { StateCreator } from 'zustand';
import type { InitiativeStatus } from '../../../shared/portfolio/types';
import type { StorageProblem } from '../../db/storage-health';
import type { AppState } from '../store';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';
/** A button on a notice: "Undo" on a warning about what an edit did. */
export type NoticeAction = { readonly label: string; readonly run: () => void };
export type Notice = {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
  readonly action?: NoticeAction;
};

export const INITIATIVE_SORT_KEYS = [
  'order',
  'name',
  'status',
  'value',
  'spend',
  'duration',
  'effort',
] as const;
export type InitiativeSortKey = (typeof INITIATIVE_SORT_KEYS)[number];

export type InitiativeQuery = {
  readonly search: string;
  readonly status: InitiativeStatus | 'all';
  readonly objectiveId: string | 'all' | 'none';
  readonly teamId: string | 'all';
  readonly flag: 'all' | 'forced-in' | 'forced-out' | 'has-dependencies' | 'fixed-start';
  readonly sort: InitiativeSortKey;
  readonly descending: boolean;
};

export const DEFAULT_INITIATIVE_QUERY: InitiativeQuery = {
  search: '',
  status: 'all',
  objectiveId: 'all',
  teamId: 'all',
  flag: 'all',
  sort: 'order',
  descending: false,
};

/** Problems of a refused file, shown in a dialog until dismissed. */
export type RefusedFile = {
  readonly fileName: string;
  /** The first problems, each with its path and, when the reader could name it, its place in words. */
  readonly problems: readonly {
    readonly path: string;
    readonly message: string;
    readonly where?: string;
  }[];
  /** How many problems the file has in all, when more than `problems` lists. */
  readonly problemCount?: number;
};

export type UiSlice = {
  notices: readonly Notice[];
  notify: (kind: NoticeKind, text: string, action?: NoticeAction) => void;
  dismissNotice: (id: number) => void;
  initiativeQuery: InitiativeQuery;
  setInitiativeQuery: (patch: Partial<InitiativeQuery>) => void;
  refusedFile: RefusedFile | null;
  setRefusedFile: (refused: RefusedFile | null) => void;
  /**
   * Asks for Settings (the Settings… command): the app shows the Settings area and puts the
   * flag back. Kept as a flag so that anything that could open the old dialog still leads there.
   */
  settingsOpen: boolean;
  setSettingsOpen: (open: boolean) => void;
  /**
   * A problem of the storage that stays on screen until dismissed or solved (a full disk, another
   * window's upgrade); null when there is none.
   */
  storageProblem: StorageProblem | null;
  setStorageProblem: (problem: StorageProblem | null) => void;
};

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  notices: [],
  notify: (kind, text, action) =>
    set((state) => ({
      notices: [
        ...state.notices.slice(-1),
        { id: nextNoticeId++, kind, text, ...(action && { action }) },
      ],
    })),
  dismissNotice: (id) =>
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  initiativeQuery: DEFAULT_INITIATIVE_QUERY,
  setInitiativeQuery: (patch) =>
    set((state) => ({ initiativeQuery: { ...state.initiativeQuery, ...patch } })),
  refusedFile: null,
  setRefusedFile: (refusedFile) => set({ refusedFile }),
  settingsOpen: false,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  storageProblem: null,
  setStorageProblem: (storageProblem) => set({ storageProblem }),
});
