/**
 * The domain model of a portfolio, as the portfolio file (format `baton-portfolio`, version 1)
 * describes it. Every entity may carry `extras`: keys a reader did not know, kept in their
 * original order so that an import followed by an export gives them back unchanged.
 */
import type { Cadence, Review, ReviewAction, Snapshot } from '../cadence/types';
import type { IntakeSettings, Proposal } from '../intake/types';
import type { SelfReview } from '../metrics/types';

export type Extras = Readonly<Record<string, unknown>>;

export const PORTFOLIO_FORMAT = 'baton-portfolio';
export const PORTFOLIO_VERSION = 1;

export const INITIATIVE_STATUSES = ['proposed', 'approved', 'active', 'done', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const SCORING_MODELS = ['weighted', 'wsjf', 'rice', 'value-effort'] as const;
export type ScoringModelKind = (typeof SCORING_MODELS)[number];

export type Period = {
  readonly id: string;
  readonly label: string;
  /** ISO date (YYYY-MM-DD) the period starts. */
  readonly start?: string;
  /** ISO date (YYYY-MM-DD) the period ends, inclusive. */
  readonly end?: string;
  readonly extras?: Extras;
};

export type Team = {
  readonly id: string;
  readonly name: string;
  /** Capacity per period id. A period missing here means 0. */
  readonly capacity: Readonly<Record<string, number>>;
  readonly extras?: Extras;
};

export type MeasureActual = {
  readonly date: string;
  readonly value: number;
  readonly extras?: Extras;
};

export type Measure = {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  readonly baseline?: number;
  readonly target?: number;
  readonly targetDate?: string;
  readonly actuals?: readonly MeasureActual[];
  readonly extras?: Extras;
};

export type Objective = {
  readonly id: string;
  readonly name: string;
  /** null or absent for a top-level theme. */
  readonly parentId?: string | null;
  readonly weight?: number;
  readonly description?: string;
  readonly measures?: readonly Measure[];
  readonly extras?: Extras;
};

/**
 * The scale a criterion is scored on: a range (any number from its low to its high end), or the
 * modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20 (one of those numbers).
 */
export const CRITERION_SCALES = ['1-5', '1-10', '0-10', '0-100', 'fibonacci'] as const;
export type CriterionScale = (typeof CRITERION_SCALES)[number];

/**
 * Where a criterion's score comes from: typed for each initiative (`score`, the default), or
 * computed from its objective links (`strategic-fit`: global weight × contribution).
 */
export const CRITERION_SOURCES = ['score', 'strategic-fit'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

export type Criterion = {
  readonly id: string;
  readonly name: string;
  readonly weight?: number;
  /** Baton extension: the scale scores are typed on. */
  readonly scale?: CriterionScale;
  /** Baton extension: where the score comes from. */
  readonly source?: CriterionSource;
  readonly extras?: Extras;
};

/** Baton extension: one pairwise judgment, `a` is `ratio` times as important as `b` (1/9..9). */
export type Judgment = {
  readonly a: string;
  readonly b: string;
  readonly ratio: number;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `objectiveComparisons`): the pairwise judgments of one sibling
 * group of objectives, the children of `parentId` (null: the top-level themes). A group with
 * judgments takes its weights from them (AHP's principal eigenvector).
 */
export type ObjectiveComparison = {
  readonly parentId: string | null;
  readonly judgments: readonly Judgment[];
  readonly extras?: Extras;
};

export type ScoringModel = {
  readonly model: ScoringModelKind;
  readonly criteria?: readonly Criterion[];
  readonly extras?: Extras;
};

export type ObjectiveLink = {
  readonly id: string;
  readonly contribution: number;
  readonly extras?: Extras;
};

export type Forced = 'in' | 'out';

export type Initiative = {
  readonly id: string;
  readonly name: string;
  readonly status: InitiativeStatus;
  /** Baton extension: free text. */
  readonly description?: string;
  /** Baton extension: the accountable person. */
  readonly owner?: string;
  readonly objectives?: readonly ObjectiveLink[];
  readonly scores?: Readonly<Record<string, number>>;
  /** Explicit value; overrides the scoring model. */
  readonly value?: number;
  /** Demand per team id, one number per active period from the start on. */
  readonly demand?: Readonly<Record<string, readonly number[]>>;
  /** Spend per active period, counts against the budget. */
  readonly spend?: readonly number[];
  readonly duration?: number;
  readonly earliestStart?: string;
  readonly latestStart?: string;
  /** Fixed start period (work already under way). */
  readonly start?: string;
  readonly dependsOn?: readonly string[];
  readonly excludes?: readonly string[];
  readonly forced?: Forced;
  readonly forcedReason?: string;
  /**
   * Baton extension: the ± share its value and demand may be off by, for the robustness runs of
   * Optimize (0.3 = ±30 %); from 0 (known exactly) up to, not including, 1.
   */
  readonly estimateRange?: number;
  /**
   * Baton extension: the benefit it is expected to bring in all once delivered, in the
   * portfolio's currency (what benefit realization measures realized benefit against).
   */
  readonly benefit?: number;
  readonly extras?: Extras;
};

export type Scenario = {
  readonly id: string;
  readonly name: string;
  /** Initiative ids, most important first. */
  readonly ranking: readonly string[];
  readonly description?: string;
  readonly extras?: Extras;
};

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type Rag = (typeof RAG_STATUSES)[number];

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Baton extension (top-level key `actuals`): what was really spent and delivered in a period. */
export type Actual = {
  readonly initiativeId: string;
  readonly periodId: string;
  readonly spend?: number;
  /** Effort per team id actually given in the period. */
  readonly effort?: Readonly<Record<string, number>>;
  /** Share of the initiative's scope complete at the end of the period, 0..1. */
  readonly progress?: number;
  /** Baton extension: the initiative's red/amber/green status at the end of the period. */
  readonly rag?: Rag;
  /** Baton extension: how sure the reporter is of the figures and the RAG. */
  readonly confidence?: Confidence;
  /** Baton extension: benefit realized in the period, in the portfolio's currency. */
  readonly benefit?: number;
  /** Why: a line, and the RAG's reason when it is amber or red. */
  readonly note?: string;
  readonly extras?: Extras;
};

export const DECISION_KINDS = [
  'gate',
  'prioritization',
  'scenario-commit',
  'stop-continue',
  'workshop-outcome',
  'review',
  'other',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_CONCERN_KINDS = [
  'initiative',
  'scenario',
  'objective',
  'review',
  'metric',
] as const;
export type DecisionConcernKind = (typeof DECISION_CONCERN_KINDS)[number];

/**
 * What a decision is about. The id need not exist in the portfolio: a decision outlives the
 * initiative, scenario or objective it was about.
 */
export type DecisionConcern = {
  readonly kind: DecisionConcernKind;
  readonly id: string;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `decisions`): the decision log, oldest first. A decision that
 * amends another names it in `supersedes`; amendments form chains, each amending the latest.
 */
export type Decision = {
  readonly id: string;
  /** ISO date (YYYY-MM-DD) the decision was taken. */
  readonly date: string;
  readonly kind: DecisionKind;
  readonly title: string;
  /** What was decided. */
  readonly decision: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  readonly concerns?: readonly DecisionConcern[];
  /** The fingerprint of the portfolio as it stood when the decision was taken. */
  readonly fingerprint?: string;
  /** The id of the earlier decision this one amends. */
  readonly supersedes?: string;
  /** ISO date-time the decision was recorded (2026-12-04T10:15:00.000Z). */
  readonly recordedAt?: string;
  readonly extras?: Extras;
};

/** The stages of a workshop session, in the order a session goes through them. */
export const WORKSHOP_STAGES = [
  'setup',
  'scoring',
  'reveal',
  'voting',
  'votes',
  'converge',
  'done',
] as const;
export type WorkshopStage = (typeof WORKSHOP_STAGES)[number];

export type WorkshopParticipant = {
  readonly id: string;
  readonly name: string;
  readonly extras?: Extras;
};

/** One participant's blind score of one initiative on one criterion, in one round. */
export type WorkshopScore = {
  readonly participantId: string;
  readonly initiativeId: string;
  readonly criterionId: string;
  readonly value: number;
  /** 1 for the first pass; each re-score is a later round, and the latest round counts. */
  readonly round: number;
  readonly extras?: Extras;
};

/**
 * Some dots one participant placed on one initiative. A participant's votes, in file order, are
 * their dots in order of preference (what weighted voting counts by).
 */
export type WorkshopVote = {
  readonly participantId: string;
  readonly initiativeId: string;
  readonly dots: number;
  readonly extras?: Extras;
};

/** The facilitator's own consensus score for one initiative on one criterion, with why. */
export type WorkshopCall = {
  readonly initiativeId: string;
  readonly criterionId: string;
  readonly value: number;
  readonly note: string;
  readonly extras?: Extras;
};

export const WORKSHOP_TIMER_KINDS = ['item', 'round'] as const;
export type WorkshopTimer = {
  /** Whether the time is for each initiative or for each participant's whole pass. */
  readonly per: (typeof WORKSHOP_TIMER_KINDS)[number];
  readonly seconds: number;
  readonly extras?: Extras;
};

export type WorkshopDots = {
  /** Dots per participant (3 for the classic 3-2-1). */
  readonly perPerson: number;
  /** Count dots by the order placed (perPerson, …, 2, 1 points) instead of one point each. */
  readonly weighted: boolean;
  /** The most dots one participant may put on one initiative. */
  readonly maxPerItem: number;
  readonly extras?: Extras;
};

/** What a re-score pass covers: one initiative, on one criterion or all of the session's. */
export type WorkshopRescore = {
  readonly initiativeId: string;
  readonly criterionId?: string;
  readonly extras?: Extras;
};

/** What a session changed, recorded when its outcome is applied. */
export type WorkshopOutcome = {
  /** The scenario the session's consensus ranked. */
  readonly scenarioId: string;
  /** The decision-log entry that records the outcome. */
  readonly decisionId?: string;
  /** The scenario's ranking before the session (empty for a new scenario) and after it. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** ISO date-time the outcome was applied. */
  readonly recordedAt?: string;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `workshops`): a prioritization session. Participants score the
 * initiatives in play blind, on the scoring model's criteria; the spread is revealed and
 * discussed; optionally they dot-vote; the consensus scores become the initiatives' scores and
 * rank a scenario.
 */
export type Workshop = {
  readonly id: string;
  readonly title: string;
  readonly purpose?: string;
  /** ISO date (YYYY-MM-DD) the session is held. */
  readonly date?: string;
  readonly facilitator?: string;
  readonly participants: readonly WorkshopParticipant[];
  /** The initiatives in play, in the order they are scored. */
  readonly initiatives: readonly string[];
  /** The ids of the scoring model's criteria the room scores. */
  readonly criteria: readonly string[];
  readonly timer?: WorkshopTimer;
  /** Present when the session has a dot-voting round. */
  readonly dots?: WorkshopDots;
  /** The scenario the outcome ranks; absent: the outcome makes a new one. */
  readonly scenarioId?: string;
  readonly stage: WorkshopStage;
  /** Whose pass it is (an index into participants) while scoring or voting. */
  readonly turn?: number;
  /** The participants (ids) who have finished the current pass; the reveal waits for all. */
  readonly finished?: readonly string[];
  /** The round being scored: 1, then one more for each re-score. */
  readonly round?: number;
  /** While re-scoring: what the pass covers. */
  readonly rescore?: WorkshopRescore;
  readonly scores?: readonly WorkshopScore[];
  readonly votes?: readonly WorkshopVote[];
  readonly calls?: readonly WorkshopCall[];
  /** The facilitator's notes, which go into the decision log with the outcome. */
  readonly notes?: string;
  readonly outcome?: WorkshopOutcome;
  readonly extras?: Extras;
};

export type Portfolio = {
  readonly name: string;
  readonly currency?: string;
  readonly capacityUnit?: string;
  readonly periods: readonly Period[];
  readonly teams: readonly Team[];
  /** Spend limit per period id. Absent: no budget constraint; a missing key: none that period. */
  readonly budget?: Readonly<Record<string, number>>;
  readonly objectives: readonly Objective[];
  /** Baton extension: pairwise judgments per sibling group of objectives. */
  readonly objectiveComparisons?: readonly ObjectiveComparison[];
  readonly scoring?: ScoringModel;
  readonly initiatives: readonly Initiative[];
  readonly scenarios: readonly Scenario[];
  readonly actuals?: readonly Actual[];
  readonly decisions?: readonly Decision[];
  /** Baton extension: workshop sessions. */
  readonly workshops?: readonly Workshop[];
  /** Baton extension: the PMO's intake settings (stage names, size templates, gate rules). */
  readonly intakeSettings?: IntakeSettings;
  /** Baton extension: proposals for new work, on their way through the intake gate. */
  readonly proposals?: readonly Proposal[];
  /** Baton extension: the governance calendar's meeting series. */
  readonly cadences?: readonly Cadence[];
  /** Baton extension: governance meetings, planned and held, with agenda and minutes. */
  readonly reviews?: readonly Review[];
  /** Baton extension: actions raised in reviews. */
  readonly actions?: readonly ReviewAction[];
  /**
   * Baton extension: the portfolio frozen at each held review. Kept apart from the live
   * portfolio by the store; a file may leave them out.
   */
  readonly snapshots?: readonly Snapshot[];
  /** Baton extension: the PMO's quarterly self-reviews, oldest first. */
  readonly selfReviews?: readonly SelfReview[];
  /** Unknown top-level keys, kept as read. */
  readonly extras?: Extras;
};
