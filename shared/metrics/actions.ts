/**
 * Suggested actions: for a metric whose latest value is out of band, one or two sentences that
 * say what is wrong, name the worst offender and a concrete move. Deterministic templates, the
 * same wording on screen and in the pack; the README lists them.
 */
import { formatMoney } from '../format';
import type { PortfolioAlignment } from '../strategy/alignment';
import type { InitiativeRealization, MeasureRealization } from './benefits';
import type { PredictabilityItem } from './predictability';
import type { UtilizationRow } from './utilization';
import type { EarnedValueReport, MetricPoint } from './types';

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

/** "three quarters", "one period", "12 periods". */
export function countOf(count: number, word: string): string {
  return `${NUMBER_WORDS[count] ?? String(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** A whole percentage with a true minus sign: "−26 %". */
const percentOf = (value: number) => `${Math.round(value)} %`.replace(/^-/, '−');
const shareText = (share: number) => `${Math.round(share * 100)} %`;
const outOfBand = (point: MetricPoint) => point.band === 'watch' || point.band === 'poor';

/**
 * Predictability. Low: "Predictability was 62 % in Q2 2027: Route optimisation made 10 % of the
 * 50 % planned. Re-plan it with its owner, or commit less next quarter." Over 100 %: more was
 * delivered than committed; commit more.
 */
export function predictabilityAction(
  latest: MetricPoint,
  items: readonly PredictabilityItem[],
  periodWord: string,
): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  const counted = items.filter((item) => item.value !== undefined);
  if (latest.value < 100) {
    const worst = counted[0];
    if (!worst) return undefined;
    return `Predictability was ${percentOf(latest.value)} in ${latest.label}: ${worst.name} made ${shareText(worst.made)} of the ${shareText(worst.plannedShare)} planned. Re-plan ${worst.name} with its owner, or commit less next ${periodWord}.`;
  }
  const best = counted[counted.length - 1];
  return `Predictability was ${percentOf(latest.value)} in ${latest.label}: more was delivered than committed${
    best
      ? ` (${best.name} made ${shareText(best.made)} against ${shareText(best.plannedShare)} planned)`
      : ''
  }. Commit more next ${periodWord}, or check that progress is reported against the plan.`;
}

type EvmRow = EarnedValueReport['initiatives'][number];

/** CPI, SPI and cost variance: the worst initiative, what it spent or how far behind, and a move. */
export function performanceAction(
  id: 'cpi' | 'spi' | 'cost-variance',
  latest: MetricPoint,
  rows: readonly EvmRow[],
  currency: string | undefined,
): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  const money = (amount: number) => formatMoney(amount, currency, true, 'en-GB');
  const worst = rows[0];
  if (id === 'spi') {
    const head = `Schedule performance is ${latest.value.toFixed(2)} in ${latest.label}: the work done is worth less than planned by now.`;
    if (!worst || worst.spi === undefined) return head;
    return `${head} ${worst.name} is furthest behind (${shareText(worst.progress)} done against ${shareText(worst.plannedShare)} planned): add capacity to it or move its dates and re-baseline at the next review.`;
  }
  const head =
    id === 'cpi'
      ? `Cost performance is ${latest.value.toFixed(2)} in ${latest.label}: each unit spent earns ${latest.value.toFixed(2)} of planned work.`
      : `Cost variance is ${percentOf(latest.value)} of the budget in ${latest.label}: more is spent than the work done is worth.`;
  if (!worst) return head;
  return `${head} ${worst.name} overruns most (spent ${money(worst.ac)} to earn ${money(worst.ev)}${
    worst.eac !== undefined
      ? `; at this rate it will cost ${money(worst.eac)} against ${money(worst.bac)}`
      : ''
  }): review its budget and scope with its owner, or stop it.`;
}

/** Success measures behind their line: name the furthest behind and the objective it serves. */
export function benefitMeasuresAction(
  latest: MetricPoint,
  measures: readonly MeasureRealization[],
): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  const worst = measures[0];
  const head = `Success measures are at ${percentOf(latest.value)} of the progress expected by ${latest.label}.`;
  if (!worst) return head;
  return `${head} ${worst.name} (${worst.objectiveName}) is furthest behind at ${shareText(worst.progress)} of the way against ${shareText(worst.expectedProgress)} expected: review the initiatives that serve ${worst.objectiveName}, or reset the target with a decision.`;
}

/** Delivered work realizing too little: name the worst and ask for its benefits to be tracked. */
export function benefitRealizedAction(
  latest: MetricPoint,
  initiatives: readonly InitiativeRealization[],
  money: (amount: number) => string,
): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  const worst = initiatives[0];
  const head = `Delivered work has realized ${percentOf(latest.value)} of its expected benefit by ${latest.label}.`;
  if (!worst) return head;
  return `${head} ${worst.name} has realized ${money(worst.realized)} of ${money(worst.expected)}: name an owner for its benefits and record them each period, or lower the expectation with a decision.`;
}

/** Alignment low: name the largest funded work serving no objective, or the most under-invested objective. */
export function alignmentAction(
  latest: MetricPoint,
  alignment: PortfolioAlignment,
  unlinked: readonly string[],
  objectiveName: (id: string) => string,
): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  const head = `Portfolio alignment is ${Math.round(latest.value)} of 100.`;
  const first = unlinked[0];
  if (first !== undefined) {
    return `${head} ${countOf(unlinked.length, 'funded initiative')} serve${unlinked.length === 1 ? 's' : ''} no objective, the largest ${first}: link ${first} to the objective it serves, or stop it.`;
  }
  const under = alignment.objectives
    .filter((objective) => objective.callOut === 'under-invested' && objective.leaf)
    .sort(
      (a, b) => (b.globalWeight ?? 0) - b.spendShare - ((a.globalWeight ?? 0) - a.spendShare),
    )[0];
  if (under) {
    return `${head} ${objectiveName(under.id)} gets ${shareText(alignment.basis === 'capacity' ? under.capacityShare : under.spendShare)} of the funded ${alignment.basis === 'capacity' ? 'capacity' : 'spend'} against a weight of ${shareText(under.globalWeight ?? 0)}: fund work that serves it, or lower its weight.`;
  }
  return `${head} The funded work’s split differs from the objectives’ weights: rebalance it in Prioritize, or revisit the weights in Strategy.`;
}

/**
 * Utilization: "Platform has been over 100 % for three quarters: add capacity or move Route
 * optimisation v2 later." Under-used: pull work forward or lend people.
 */
export function utilizationAction(
  worst: UtilizationRow,
  streak: number,
  periodWord: string,
  movable: string | undefined,
): string {
  const actual = percentOf(worst.actual ?? 0);
  if (worst.band === 'poor') {
    const head =
      streak >= 2
        ? `${worst.teamName} has been over 100 % for ${countOf(streak, periodWord)}`
        : `${worst.teamName} is at ${actual} of its capacity in ${worst.periodLabel}`;
    return `${head}: add capacity or move ${movable ?? 'work off it'} later.`;
  }
  const head =
    streak >= 2
      ? `${worst.teamName} has been under 70 % for ${countOf(streak, periodWord)}`
      : `${worst.teamName} used ${actual} of its capacity in ${worst.periodLabel}`;
  return `${head}: pull ${movable !== undefined ? `${movable} forward` : 'waiting work forward'}, or lend people to a team over capacity.`;
}

/** Intake approval out of range: the gate filters too much or too little. */
export function intakeAction(latest: MetricPoint): string | undefined {
  if (!outOfBand(latest) || latest.value === undefined) return undefined;
  return latest.value < 30
    ? `Only ${percentOf(latest.value)} of the proposals decided in ${latest.label} were approved: screen proposals earlier so fewer reach the gate, and publish the gate rules up front.`
    : `${percentOf(latest.value)} of the proposals decided in ${latest.label} were approved: the gate hardly filters; check its rules and ask for a business case before approval.`;
}
