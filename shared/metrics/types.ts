/**
 * The domain model of the metrics that drive action: each metric's value per period (a trend),
 * its band, the initiatives or teams behind it, and a suggested action in words; the dashboard of
 * at most ten numbers; and the PMO's own quarterly self-review.
 */
import type { Extras } from '../portfolio/types';

/** Every metric Baton computes, in dashboard order. */
export const METRIC_IDS = [
  'predictability',
  'cpi',
  'spi',
  'cost-variance',
  'benefit-measures',
  'benefit-realized',
  'alignment',
  'utilization',
  'throughput',
  'intake-approval',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** What each metric is called on screen, in the pack and in the decision log. */
export const METRIC_NAMES: Readonly<Record<MetricId, string>> = {
  predictability: 'Predictability',
  cpi: 'Cost performance (CPI)',
  spi: 'Schedule performance (SPI)',
  'cost-variance': 'Cost variance',
  'benefit-measures': 'Benefit realization (measures)',
  'benefit-realized': 'Benefit realization (initiatives)',
  alignment: 'Portfolio alignment',
  utilization: 'Capacity utilization',
  throughput: 'Throughput',
  'intake-approval': 'Intake approval rate',
};

/** How a value reads against its metric's bands. */
export const BANDS = ['good', 'watch', 'poor', 'none'] as const;
export type Band = (typeof BANDS)[number];

/** Whether a higher value is better, worse, or best inside a range (utilization, predictability). */
export type Better = 'higher' | 'lower' | 'in-range';

export type MetricDefinition = {
  readonly id: MetricId;
  readonly name: string;
  /** The unit a value is shown in: '%', a ratio ('×'), money ('currency'), a count. */
  readonly unit: '%' | 'ratio' | 'currency' | 'count';
  readonly better: Better;
  /** The formula and what counts, in a sentence or two (the README says the same). */
  readonly definition: string;
  /** The bands, in words ("80–100 % predictable; below 80 % low; over 100 % committed too little"). */
  readonly bandsText: string;
  /** The bands as numbers in the metric's unit, for shading a chart; absent: no bands. */
  readonly limits?: MetricLimits;
};

/**
 * Band limits, each inclusive: a value from `goodMin` to `goodMax` is good; otherwise from
 * `watchMin` to `watchMax` it is watch; otherwise poor. An absent limit is open (no bound on
 * that side). Predictability: good 80..100, watch 80..∞ (over 100), below 80 poor.
 */
export type MetricLimits = {
  readonly goodMin?: number;
  readonly goodMax?: number;
  readonly watchMin?: number;
  readonly watchMax?: number;
};

/** One value of a metric: for a period, a snapshot, or as of a date. */
export type MetricPoint = {
  /** The period id, or the snapshot id for alignment over snapshots, or 'now'. */
  readonly key: string;
  readonly label: string;
  /** ISO date the point stands for (the period's end, the snapshot's day, the as-of date). */
  readonly date: string;
  /** Undefined when it cannot be computed; `reason` says why. */
  readonly value?: number;
  readonly reason?: string;
  readonly band: Band;
  /** Where the committed plan behind this point came from (metrics measured against a plan). */
  readonly baseline?: 'snapshot' | 'current';
  /** The snapshot the committed plan was read from, when `baseline` is 'snapshot'. */
  readonly snapshotId?: string;
  /** A short line about the point ("in progress: counted up to 15 May 2027"). */
  readonly detail?: string;
};

/** What a drill-down row is about. */
export type DrillSubject =
  | { readonly kind: 'initiative'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'team';
      readonly id: string;
      readonly name: string;
      readonly periodId?: string;
    }
  | { readonly kind: 'measure'; readonly id: string; readonly name: string };

/** One row behind a metric, worst first: what it contributes and why it matters. */
export type DrillRow = {
  readonly subject: DrillSubject;
  /** This subject's own value of the metric (its CPI, its predictability, its utilization). */
  readonly value?: number;
  readonly band: Band;
  /** A short line: "planned 40 % done, 10 % done: 30 points behind". */
  readonly detail: string;
};

export type MetricTrend = {
  readonly id: MetricId;
  /** Oldest first. */
  readonly points: readonly MetricPoint[];
  /** The latest point with a value, if any. */
  readonly latest?: MetricPoint;
  /** The change from the point before the latest: up, down or flat, and whether it is better. */
  readonly direction?: {
    readonly change: 'up' | 'down' | 'flat';
    readonly better: boolean;
    /**
     * For a metric best inside a range: it moved but stayed in its good range, which is neither
     * better nor worse.
     */
    readonly inRange?: boolean;
  };
  readonly drill: readonly DrillRow[];
  /** When the latest value is out of band: what to do, in words, naming the worst offenders. */
  readonly action?: string;
  /**
   * Where the committed plan came from: the snapshot taken at or before each period's start, or
   * (no snapshot yet) the current plan.
   */
  readonly baseline?: 'snapshot' | 'current';
};

export type DashboardNumber = {
  readonly id: MetricId;
  readonly name: string;
  readonly value?: number;
  readonly unit: MetricDefinition['unit'];
  readonly band: Band;
  readonly direction?: MetricTrend['direction'];
};

/** Everything `computeMetrics` answers: one trend per metric and the dashboard. */
export type MetricsReport = {
  /** ISO date the metrics are computed as of. */
  readonly asOf: string;
  /**
   * Snapshots that could not be opened and so were not used as a committed plan, each in a
   * sentence (absent when every snapshot opened).
   */
  readonly snapshotProblems?: readonly string[];
  readonly currency?: string;
  readonly definitions: readonly MetricDefinition[];
  readonly trends: readonly MetricTrend[];
  /** At most ten numbers. */
  readonly dashboard: readonly DashboardNumber[];
  /** Utilization per team and period, actual beside planned (both as shares of capacity). */
  readonly utilization: readonly {
    readonly teamId: string;
    readonly teamName: string;
    readonly periodId: string;
    readonly periodLabel: string;
    readonly actual?: number;
    readonly planned?: number;
    readonly band: Band;
  }[];
  /** Earned value as of the as-of date, per initiative (worst CPI first) and for the portfolio. */
  readonly earnedValue?: EarnedValueReport;
};

/**
 * Earned-value figures (money in the portfolio's currency). A ratio whose denominator is 0 is
 * absent, and `reasons` says why (by figure name: 'cpi', 'spi', 'eac', 'cvPercent', 'svPercent').
 */
export type EarnedValueFigures = {
  /** Budget at completion: Σ planned spend. */
  readonly bac: number;
  /** Planned value: BAC × the share the baseline plan had done by the date. */
  readonly pv: number;
  /** Earned value: latest progress × BAC. */
  readonly ev: number;
  /** Actual cost: Σ actual spend to the date. */
  readonly ac: number;
  readonly cpi?: number;
  readonly spi?: number;
  /** Estimate at completion: BAC ÷ CPI. */
  readonly eac?: number;
  /** Cost variance EV − AC, and as a % of BAC. */
  readonly cv: number;
  readonly cvPercent?: number;
  /** Schedule variance EV − PV, and as a % of BAC. */
  readonly sv: number;
  readonly svPercent?: number;
  readonly reasons?: Readonly<Record<string, string>>;
};

export type EarnedValueReport = {
  readonly asOf: string;
  readonly baseline: 'snapshot' | 'current';
  readonly snapshotId?: string;
  readonly portfolio: EarnedValueFigures;
  readonly initiatives: readonly (EarnedValueFigures & {
    readonly id: string;
    readonly name: string;
    /** The share of its scope the baseline plan had done by the date, 0..1. */
    readonly plannedShare: number;
    /** Its latest reported progress, 0..1. */
    readonly progress: number;
  })[];
};

/** One answer of a self-review: a question scored 1 (not at all) to 5 (fully), with a note. */
export type SelfReviewAnswer = {
  /** A built-in question's id (`SELF_REVIEW_QUESTIONS`), or `custom-…` for the PMO's own. */
  readonly questionId: string;
  /** The question as it was asked (kept, so a reworded question keeps its history). */
  readonly question: string;
  /** 1..5. */
  readonly score: number;
  readonly note?: string;
  readonly extras?: Extras;
};

/**
 * Baton extension (top-level key `selfReviews`): the PMO's own quarterly review of itself
 * (continuous evolution: are the cadences still relevant, are we tracking what matters).
 */
export type SelfReview = {
  readonly id: string;
  /** ISO date (YYYY-MM-DD) it was taken. */
  readonly date: string;
  readonly answers: readonly SelfReviewAnswer[];
  readonly notes?: string;
  readonly extras?: Extras;
};
