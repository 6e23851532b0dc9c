/**
 * The board pack's "Metrics that drive action" section: the dashboard numbers, each metric's
 * trend with its band, the worst offenders behind it and the suggested action, and the PMO's
 * latest self-review with the scores of the reviews before it. The metrics themselves come with
 * the pack's input (`PackInput.metrics`, computed by the caller with `computeMetrics` from the
 * portfolio, its snapshots and the pack's date), so that every renderer stays pure.
 */
import type { Snapshot } from '../cadence/types';
import { computeMetrics } from '../metrics/compute';
import {
  METRIC_IDS,
  METRIC_NAMES,
  type DashboardNumber,
  type DrillRow,
  type MetricDefinition,
  type MetricId,
  type MetricTrend,
  type MetricsReport,
  type SelfReview,
} from '../metrics/types';
import type { Portfolio } from '../portfolio/types';
import type { PackInput, PackSettings } from './types';

/** Most rows behind a metric the pack lists; the Metrics area lists them all. */
export const MAX_OFFENDERS = 3;
/** Most self-reviews whose scores the pack prints side by side (the latest and those before it). */
export const SELF_REVIEWS_SHOWN = 4;

/** One metric as the pack prints it: its trend, the rows behind it and what to do. */
export type PackMetric = {
  readonly id: MetricId;
  readonly definition: MetricDefinition;
  readonly trend: MetricTrend;
  /** The worst rows behind the metric, worst first: at most MAX_OFFENDERS. */
  readonly offenders: readonly DrillRow[];
  /** Rows out of band that are not listed. */
  readonly moreOffenders: number;
  /**
   * Whether `offenders` are out of band ('out'), or just the first rows of a metric that has no
   * bands per row ('first'); 'none' when nothing behind it is out of band.
   */
  readonly offendersAre: 'out' | 'first' | 'none';
};

/** A metric with no value at any point, and why. */
export type UnmeasuredMetric = {
  readonly id: MetricId;
  readonly name: string;
  readonly reason: string;
};

export type PackSelfReviewRow = {
  readonly questionId: string;
  readonly question: string;
  /** The scores of the reviews in `dates`, oldest first; undefined where it was not asked. */
  readonly scores: readonly (number | undefined)[];
  readonly note?: string;
};

export type PackSelfReview = {
  /** The latest self-review on or before the pack's date. */
  readonly latest: SelfReview;
  /** The dates of the reviews shown side by side, oldest first, ending with the latest's. */
  readonly dates: readonly string[];
  readonly rows: readonly PackSelfReviewRow[];
  /** The mean score of each review in `dates`; undefined for a review without answers. */
  readonly averages: readonly (number | undefined)[];
  /** The self-review in a sentence or two. */
  readonly lead: string;
};

/** Utilization per team (rows) and period (columns): actual beside planned, shares of capacity. */
export type PackUtilization = {
  /** The periods with an actual for some team, at most UTILIZATION_PERIODS, oldest first. */
  readonly periods: readonly { readonly id: string; readonly label: string }[];
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly cells: readonly MetricsReport['utilization'][number][];
  }[];
};

/** Most periods the utilization table shows: the latest ones with actuals. */
export const UTILIZATION_PERIODS = 4;

/** The report's utilization as a table, over the latest periods that have actuals. */
export function packUtilization(report: MetricsReport): PackUtilization | undefined {
  const periods: { id: string; label: string }[] = [];
  for (const cell of report.utilization) {
    if (cell.actual !== undefined && !periods.some((period) => period.id === cell.periodId)) {
      periods.push({ id: cell.periodId, label: cell.periodLabel });
    }
  }
  // In the report's period order (the cells come team by team, each in period order).
  const order = [...new Set(report.utilization.map((cell) => cell.periodId))];
  periods.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const shown = periods.slice(-UTILIZATION_PERIODS);
  if (shown.length === 0) return undefined;
  type Cell = MetricsReport['utilization'][number];
  const teams = new Map<string, { id: string; name: string; cells: Cell[] }>();
  const column = (cell: Cell) => shown.findIndex((period) => period.id === cell.periodId);
  for (const cell of report.utilization) {
    if (column(cell) < 0) continue;
    const team = teams.get(cell.teamId) ?? { id: cell.teamId, name: cell.teamName, cells: [] };
    team.cells.push(cell);
    teams.set(cell.teamId, team);
  }
  return {
    periods: shown,
    teams: [...teams.values()].map((team) => ({
      ...team,
      cells: [...team.cells].sort((a, b) => column(a) - column(b)),
    })),
  };
}

export type MetricsPackSummary =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'section';
      readonly asOf: string;
      /** The opening paragraph; or why there are no metrics (no actuals, not computed). */
      readonly lead: string;
      /** Whether there are metrics to print (false: only the lead and the self-review). */
      readonly measured: boolean;
      readonly dashboard: readonly DashboardNumber[];
      readonly metrics: readonly PackMetric[];
      readonly unmeasured: readonly UnmeasuredMetric[];
      /** When some period's committed plan is the current plan (no snapshot before it). */
      readonly baselineNote?: string;
      readonly currency?: string;
      /** Utilization per team and period, printed with the utilization metric. */
      readonly utilization?: PackUtilization;
      readonly selfReview?: PackSelfReview;
    };

/** Whether the portfolio has any actuals: without them the metrics measure nothing delivered. */
export function hasActuals(portfolio: Pick<Portfolio, 'actuals'>): boolean {
  return (portfolio.actuals ?? []).length > 0;
}

/**
 * Whether a pack made with `sections` for `portfolio` needs the metrics computed: it prints the
 * metrics section and the portfolio has actuals. Callers compute `PackInput.metrics` only then.
 */
export function packNeedsMetrics(
  portfolio: Pick<Portfolio, 'actuals'>,
  sections: readonly string[],
): boolean {
  return sections.includes('metrics') && hasActuals(portfolio);
}

/**
 * The metrics a pack made with `settings` prints, as of the pack's date (a review's pack: the
 * review's date), measured against `snapshots` (the file's, or the app's snapshot store); undefined
 * when the pack has no metrics section or the portfolio no actuals.
 */
export function packMetrics(
  portfolio: Portfolio,
  snapshots: readonly Snapshot[],
  settings: Pick<PackSettings, 'date' | 'sections'>,
): MetricsReport | undefined {
  if (!packNeedsMetrics(portfolio, settings.sections)) return undefined;
  return computeMetrics(portfolio, snapshots, settings.date);
}

/** The self-reviews dated on or before `date`, oldest first (file order on one day). */
function reviewsUpTo(portfolio: Portfolio, date: string): SelfReview[] {
  return (portfolio.selfReviews ?? [])
    .map((review, order) => ({ review, order }))
    .filter(({ review }) => review.date <= date)
    .sort((a, b) =>
      a.review.date === b.review.date ? a.order - b.order : a.review.date < b.review.date ? -1 : 1,
    )
    .map(({ review }) => review);
}

function mean(scores: readonly number[]): number | undefined {
  if (scores.length === 0) return undefined;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** "3.4", "3": a mean score with at most one decimal. */
export function scoreText(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * The latest self-review on or before `date`, beside the SELF_REVIEWS_SHOWN − 1 before it: each
 * of its questions with the score it had in each (matched by question id), its mean, and a lead.
 */
export function packSelfReview(portfolio: Portfolio, date: string): PackSelfReview | undefined {
  const reviews = reviewsUpTo(portfolio, date);
  const latest = reviews.at(-1);
  if (!latest) return undefined;
  const shown = reviews.slice(-SELF_REVIEWS_SHOWN);
  const rows: PackSelfReviewRow[] = latest.answers.map((answer) => {
    const note = answer.note?.trim();
    return {
      questionId: answer.questionId,
      question: answer.question,
      scores: shown.map(
        (review) => review.answers.find((other) => other.questionId === answer.questionId)?.score,
      ),
      ...(note ? { note } : {}),
    };
  });
  const averages = shown.map((review) => mean(review.answers.map((answer) => answer.score)));
  const now = averages.at(-1);
  const before = shown.length > 1 ? averages.at(-2) : undefined;
  const previous = shown.length > 1 ? shown[shown.length - 2] : undefined;
  const parts: string[] = [];
  if (now === undefined) {
    parts.push(`The PMO's self-review of ${latest.date} has no answers yet.`);
  } else {
    const questions = latest.answers.length;
    parts.push(
      `The PMO reviewed itself on ${latest.date}: ${questions} ${questions === 1 ? 'question' : 'questions'} scored from 1 (not at all) to 5 (fully), ${scoreText(now)} on average`,
    );
    if (before !== undefined && previous) {
      const change = Math.round((now - before) * 10) / 10;
      parts[0] +=
        change === 0
          ? `, the same as on ${previous.date}.`
          : `, ${change > 0 ? 'up' : 'down'} from ${scoreText(before)} on ${previous.date}.`;
    } else {
      parts[0] += reviews.length === 1 ? '; it is the first self-review.' : '.';
    }
    const lowest = latest.answers.reduce<(typeof latest.answers)[number] | undefined>(
      (worst, answer) => (worst === undefined || answer.score < worst.score ? answer : worst),
      undefined,
    );
    if (lowest && lowest.score <= 2) {
      parts.push(`Lowest: “${lowest.question}” (${lowest.score} of 5).`);
    }
  }
  return {
    latest,
    dates: shown.map((review) => review.date),
    rows,
    averages,
    lead: parts.join(' '),
  };
}

/** The rows behind a metric as the pack lists them: the worst few out of band. */
function offendersOf(
  trend: MetricTrend,
): Pick<PackMetric, 'offenders' | 'moreOffenders' | 'offendersAre'> {
  const out = trend.drill.filter((row) => row.band === 'poor' || row.band === 'watch');
  if (out.length > 0) {
    return {
      offenders: out.slice(0, MAX_OFFENDERS),
      moreOffenders: Math.max(0, out.length - MAX_OFFENDERS),
      offendersAre: 'out',
    };
  }
  // A metric whose rows carry no band (throughput, alignment): its first rows, worst first.
  if (trend.drill.length > 0 && trend.drill.every((row) => row.band === 'none')) {
    return {
      offenders: trend.drill.slice(0, MAX_OFFENDERS),
      moreOffenders: 0,
      offendersAre: 'first',
    };
  }
  return { offenders: [], moreOffenders: 0, offendersAre: 'none' };
}

function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why a metric has no value: the latest point's reason, else that nothing was measured. */
function reasonOf(trend: MetricTrend | undefined): string {
  const reason = [...(trend?.points ?? [])].reverse().find((point) => point.reason)?.reason;
  if (!reason) return 'nothing to measure it on yet';
  // "No initiative …" reads on after a colon as "no initiative …"; "NIS2 …" stays as it is.
  const sentence = /^[A-Z][a-z]/.test(reason)
    ? reason.charAt(0).toLowerCase() + reason.slice(1)
    : reason;
  return sentence.replace(/\.$/, '');
}

/** The opening paragraph: how many metrics are in band, which are poor, how many need action. */
function metricsLead(report: MetricsReport, metrics: readonly PackMetric[]): string {
  const name = (id: MetricId) =>
    report.definitions.find((definition) => definition.id === id)?.name ?? METRIC_NAMES[id];
  const valued = report.dashboard.filter((entry) => entry.value !== undefined);
  if (valued.length === 0) {
    return `As of ${report.asOf}, no metric has a value yet: the actuals recorded do not reach a period that can be measured.`;
  }
  const banded = valued.filter((entry) => entry.band !== 'none');
  const count = (band: DashboardNumber['band']) => banded.filter((entry) => entry.band === band);
  const good = count('good').length;
  const watch = count('watch');
  const poor = count('poor');
  const names = (entries: readonly DashboardNumber[]) =>
    nameList(entries.map((entry) => name(entry.id)));
  const bands = [
    ...(good > 0 ? [`${good} in the good band`] : []),
    ...(watch.length > 0 ? [`${watch.length} to watch`] : []),
    ...(poor.length > 0 ? [`${poor.length} poor (${names(poor)})`] : []),
  ];
  const parts = [
    `As of ${report.asOf}, ${valued.length} of the ${report.dashboard.length} dashboard metrics ${
      valued.length === 1 ? 'has' : 'have'
    } a value${bands.length === 0 ? '' : `: ${nameList(bands)}`}.`,
  ];
  const acting = metrics.filter((metric) => metric.trend.action);
  parts.push(
    acting.length === 0
      ? 'No metric is out of its band enough to suggest an action.'
      : acting.length <= 2
        ? `${acting.length === 1 ? 'An action is' : 'Actions are'} suggested for ${nameList(
            acting.map((metric) => metric.definition.name),
          )}.`
        : `${acting.length} metrics suggest an action, each set out below with the worst offenders behind it.`,
  );
  return parts.join(' ');
}

/**
 * The metrics section of the pack: `none` when the portfolio has neither actuals nor a
 * self-review on or before the pack's date (as the intake section is left out without
 * proposals). Without actuals, or without metrics in the input, the section says why in a
 * sentence and still shows the self-review.
 */
export function metricsSummary(
  input: Pick<PackInput, 'portfolio' | 'settings' | 'metrics'>,
): MetricsPackSummary {
  const { portfolio, settings, metrics: report } = input;
  const selfReview = packSelfReview(portfolio, settings.date);
  const actuals = hasActuals(portfolio);
  if (!actuals && !selfReview) return { kind: 'none' };
  const empty = {
    kind: 'section' as const,
    asOf: report?.asOf ?? settings.date,
    measured: false,
    dashboard: [],
    metrics: [],
    unmeasured: [],
    ...(portfolio.currency !== undefined && { currency: portfolio.currency }),
    ...(selfReview && { selfReview }),
  };
  if (!actuals) {
    return {
      ...empty,
      lead: 'No actuals are recorded yet, so there is nothing to measure delivery, spend or benefits against: enter each period’s spend, effort and progress in Metrics → Actuals.',
    };
  }
  if (!report) {
    return {
      ...empty,
      lead: 'The metrics were not computed for this pack. Make it again from the Board pack area or with baton pack, which compute them from the actuals.',
    };
  }
  const definitions = new Map(report.definitions.map((definition) => [definition.id, definition]));
  const trends = new Map(report.trends.map((trend) => [trend.id, trend]));
  const metrics: PackMetric[] = [];
  const unmeasured: UnmeasuredMetric[] = [];
  for (const id of METRIC_IDS) {
    const trend = trends.get(id);
    const definition = definitions.get(id);
    if (!trend || !definition) continue;
    if (trend.points.some((point) => point.value !== undefined)) {
      metrics.push({ id, definition, trend, ...offendersOf(trend) });
    } else {
      unmeasured.push({ id, name: definition.name, reason: reasonOf(trend) });
    }
  }
  const current = metrics.filter((metric) => metric.trend.baseline === 'current');
  const utilization = packUtilization(report);
  return {
    ...empty,
    asOf: report.asOf,
    measured: true,
    lead: metricsLead(report, metrics),
    dashboard: report.dashboard,
    metrics,
    unmeasured,
    ...((report.currency ?? portfolio.currency) !== undefined && {
      currency: report.currency ?? portfolio.currency,
    }),
    ...(utilization && { utilization }),
    ...(current.length > 0 && {
      baselineNote: `No snapshot was taken before the periods measured, so ${nameList(
        current.map((metric) => metric.definition.name),
      )} ${current.length === 1 ? 'is' : 'are'} measured against the current plan, not the plan committed at each period’s start. Holding a review in Cadence takes a snapshot.`,
    }),
  };
}
