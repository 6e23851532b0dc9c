/**
 * What a board pack is made of: the sections a user can choose, the settings of the builder, and
 * the one input every renderer of the pack takes (the app's preview, the desktop's PDF export,
 * the browser's print and the command line all render the same `PackInput`).
 */
import type { MeetingKind, Review, ReviewAction } from '../cadence/types';
import type { MetricsReport } from '../metrics/types';
import type { CurvePoint, FrontierPoint } from '../optimize/frontier';
import type { Portfolio } from '../portfolio/types';

export const PACK_SECTIONS = [
  'cover',
  'summary',
  'changes',
  'metrics',
  'alignment',
  'ranked',
  'heatmap',
  'roadmap',
  'value-effort',
  'frontier',
  'scenarios',
  'workshop',
  'intake',
  'decisions',
  'minutes',
  'appendix',
] as const;
export type PackSectionId = (typeof PACK_SECTIONS)[number];

/** Each section's heading in the pack, and a line on what it holds for the builder. */
export const SECTION_INFO: Readonly<Record<PackSectionId, { title: string; about: string }>> = {
  cover: { title: 'Cover', about: 'Title, organisation, date and logo.' },
  summary: {
    title: 'Executive summary',
    about: 'What changed, the decisions needed and the key figures, written from the data.',
  },
  changes: {
    title: 'What changed since the last review',
    about:
      'Initiatives added, removed and changed, moves across the cut line, capacity, budget and decisions since the previous review’s snapshot (in a pack made for a review).',
  },
  metrics: {
    title: 'Metrics that drive action',
    about:
      'The metrics dashboard, each metric’s trend with its band, the worst offenders and the suggested action, and the PMO’s latest self-review (when the portfolio has actuals or a self-review).',
  },
  alignment: {
    title: 'Strategy and alignment',
    about: 'Objectives with their weights and the share of spend and capacity each one gets.',
  },
  ranked: {
    title: 'Ranked portfolio',
    about: 'Every initiative in rank order, the cut line, and why each one below it is out.',
  },
  heatmap: { title: 'Capacity heatmap', about: 'Capacity and budget use per team and period.' },
  roadmap: { title: 'Roadmap', about: 'When each funded initiative runs, with its dependencies.' },
  'value-effort': {
    title: 'Value and effort',
    about: 'Each initiative as a bubble: value against effort, sized by spend.',
  },
  frontier: {
    title: 'Efficient frontier',
    about: 'The most value each level of spend can buy (when the optimizer has computed it).',
  },
  scenarios: {
    title: 'Scenario comparison',
    about: 'The saved scenarios side by side: value, spend, capacity, what comes in and out.',
  },
  workshop: {
    title: 'Workshop summary',
    about:
      'The latest finished workshop session on one page: who took part, where they disagreed, the consensus, how the ranking moved and the dot vote.',
  },
  intake: {
    title: 'Intake',
    about:
      'The gate decisions since the last pack and what waits at the gate: stage, age, fit and what blocks it (when the portfolio has proposals).',
  },
  decisions: {
    title: 'Risks and decisions',
    about:
      'The decisions recorded since the last pack, the initiatives that need one, and the risks.',
  },
  minutes: {
    title: 'Minutes and decisions',
    about:
      'The review’s attendance, agenda items with notes and outcome, decisions recorded, actions raised and open actions carried (in a pack made for a review).',
  },
  appendix: {
    title: 'Appendix: decision record',
    about:
      'Scoring, weights, constraints, forced items, the decision log and the optimizer, frozen.',
  },
};

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** A logo image, carried as a data URL so that the pack needs no file access to draw it. */
export type PackLogo = { readonly name: string; readonly dataUrl: string };

export type PackSettings = {
  readonly title: string;
  readonly organisation: string;
  /** ISO date (YYYY-MM-DD) printed on the pack. */
  readonly date: string;
  /**
   * ISO date (YYYY-MM-DD) of the previous pack, on or before `date`: the decision log is listed
   * from that day to `date`, both included. Absent: from the latest review in the log dated
   * before `date`, else from 90 days before it (`decisionWindow` in content.ts says why).
   */
  readonly since?: string;
  readonly logo?: PackLogo;
  /** `#rrggbb`. */
  readonly accent: string;
  readonly pageSize: PageSize;
  readonly orientation: Orientation;
  /** The chosen sections, in print order. */
  readonly sections: readonly PackSectionId[];
  /** The scenario the pack presents; absent: the last saved one (or file order without any). */
  readonly scenarioId?: string;
  /** The scenario "what changed" compares with; absent: the one saved before `scenarioId`. */
  readonly compareWithId?: string;
  /** The finished workshop session the workshop summary shows; absent: the latest one. */
  readonly workshopId?: string;
};

/** The optimizer's result for the pack's scenario, frozen when the pack was made. */
export type FrozenOptimizeResult = {
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  readonly objective: number;
  readonly bound?: number;
  readonly gap?: number;
  /** Seconds the solve took. */
  readonly elapsed: number;
  readonly stopped: boolean;
  readonly selected: readonly { readonly id: string; readonly start: string }[];
  readonly spend: number;
  /** A sentence naming the conflicting forced items, when infeasible. */
  readonly conflict?: string;
};

export type FrozenFrontier = {
  readonly points: readonly FrontierPoint[];
  readonly greedy: readonly CurvePoint[];
  readonly current?: CurvePoint;
};

/** What the optimizer knew about the pack's scenario; absent when it was not run. */
export type FrozenAnalysis = {
  /** ISO date-time the analysis was frozen. */
  readonly frozenAt: string;
  readonly optimize?: FrozenOptimizeResult;
  readonly frontier?: FrozenFrontier;
};

/** The sections that print only in a pack made for a review; a general pack leaves them out. */
export const REVIEW_SECTIONS: readonly PackSectionId[] = ['changes', 'minutes'];

/** The sections a review's kind picks for its pack, in print order. */
export const REVIEW_PACK_SECTIONS: Readonly<Record<MeetingKind, readonly PackSectionId[]>> = {
  'portfolio-review': [
    'cover',
    'summary',
    'changes',
    'metrics',
    'ranked',
    'heatmap',
    'decisions',
    'minutes',
  ],
  'alignment-checkpoint': ['cover', 'summary', 'alignment', 'changes', 'minutes'],
  'value-review': ['cover', 'summary', 'value-effort', 'metrics', 'changes', 'minutes'],
  other: ['cover', 'summary', 'changes', 'decisions', 'minutes'],
};

/**
 * The review a pack is made for, handed to the renderers with the portfolio so that they stay
 * pure: the review itself, the previous held review and the portfolio as its snapshot froze it
 * (opened by the caller), and the actions the minutes list.
 */
export type PackReviewContext = {
  readonly review: Review;
  /** The latest held review dated before this one; absent: this is the first. */
  readonly previous?: Review;
  /** The portfolio as the previous review's snapshot froze it; absent when there is none. */
  readonly baseline?: Portfolio;
  /** ISO date-time the previous review's snapshot was taken. */
  readonly baselineTakenAt?: string;
  /** Why there is no baseline although there is a previous review, in a sentence. */
  readonly baselineProblem?: string;
  /**
   * For a held review whose snapshot is stored: the portfolio as that snapshot froze it. What
   * changed is then measured between the two meetings, as the review screen shows it, however
   * long after the meeting the pack is made.
   */
  readonly held?: Portfolio;
  /** ISO date-time this review's own snapshot was taken. */
  readonly heldTakenAt?: string;
  /** Actions raised at this review, and those still open from earlier ones. */
  readonly actions: readonly ReviewAction[];
};

/** Everything a pack renderer needs; plain JSON, so it crosses IPC and process boundaries. */
export type PackInput = {
  readonly portfolio: Portfolio;
  readonly settings: PackSettings;
  readonly analysis?: FrozenAnalysis;
  /** The review the pack is made for: its kind picks the sections, and it fills two of them. */
  readonly review?: PackReviewContext;
  /**
   * The metrics as of the pack's date, computed by the caller (`computeMetrics` on the portfolio
   * and its snapshots) for the metrics section; absent when the pack has no such section or the
   * portfolio no actuals.
   */
  readonly metrics?: MetricsReport;
};

/** What the print page reports once the pack is laid out and ready to print. */
export type PackRendered = {
  readonly pageSize: PageSize;
  readonly landscape: boolean;
  readonly pages: number;
};

/** The function the print page (`pack.html`) puts on `window` for whoever prints it. */
export const RENDER_PACK_GLOBAL = 'batonRenderPack';
