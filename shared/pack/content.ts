/**
 * The board pack's content, computed from the portfolio alone: the scenario it presents and its
 * cut line, the key figures and what changed since the scenario it is compared with, the
 * decisions needed, the decision log since the last pack, alignment to objectives, the ranked
 * table, risks, and the frozen decision record. Pure: every renderer of the pack draws from this.
 */
import { formatMoney, formatNumber, formatPercent, plural } from '../format';
import { METRIC_NAMES } from '../metrics/types';
import { textFingerprint } from '../portfolio/fingerprint';
import { initiativeValue, totalEffort, totalSpend } from '../portfolio/measures';
import { writePortfolio } from '../portfolio/write';
import type {
  Decision as RecordedDecision,
  DecisionConcernKind,
  DecisionKind as RecordedDecisionKind,
  Initiative,
  InitiativeStatus,
  Portfolio,
  Scenario,
} from '../portfolio/types';
import {
  computeCutLine,
  cutLineReport,
  lineOf,
  stackOrder,
  type CutLine,
  type Line,
} from '../prioritize/cutline';
import { scenarioFigures, type ScenarioFigures } from '../prioritize/scenario-comparison';
import { isCommitted, isPinned } from '../prioritize/status';
import {
  fundedSplit,
  objectiveTree,
  portfolioAlignment,
  type ObjectiveFunding,
  type PortfolioAlignment,
} from '../strategy/alignment';
import { localWeights } from '../strategy/weights';
import { reviewChanges, type ReviewChanges } from './changes';
import { optimizedOrigin, readOptimizedFrom } from './optimized';
import type {
  FrozenAnalysis,
  FrozenOptimizeResult,
  PackReviewContext,
  PackSettings,
} from './types';

/** The pack prints the same text whichever machine renders it. */
export const PACK_LOCALE = 'en-GB';

/** Utilization above this share of a team's capacity in a period is a risk worth naming. */
export const TIGHT_UTILIZATION = 0.95;

export type Direction = 'up' | 'down' | 'same';

export type KeyFigure = {
  readonly label: string;
  readonly value: string;
  /** The change against the compared scenario, written out ("+120", "−4 pts"). */
  readonly change?: string;
  readonly direction?: Direction;
  /** Whether the change is good news for the board (more value is, more spend is not). */
  readonly good?: boolean;
  readonly note?: string;
};

export type DecisionKind = 'approve' | 'stop' | 'no-room' | 'forced-conflict' | 'optimizer';

export type Decision = {
  readonly kind: DecisionKind;
  readonly initiativeId?: string;
  /** The initiative's name (or the subject of the decision). */
  readonly subject: string;
  readonly detail: string;
};

/** A decision log kind as the pack names it. */
export const DECISION_KIND_LABEL: Readonly<Record<RecordedDecisionKind, string>> = {
  gate: 'Gate',
  prioritization: 'Prioritisation',
  'scenario-commit': 'Scenario commitment',
  'stop-continue': 'Stop or continue',
  'workshop-outcome': 'Workshop outcome',
  review: 'Review',
  other: 'Other',
};

/** Without a previous pack's date or an earlier review, the log is listed for this many days. */
export const DECISION_LOG_DAYS = 90;

/** The dates whose decisions the pack lists, both included, and where the first comes from. */
export type DecisionWindow = {
  /** ISO date (YYYY-MM-DD) of the first day listed. */
  readonly since: string;
  /** The pack's date: the last day listed. */
  readonly until: string;
  /** `settings`: the previous pack's date; `review`: the latest review; `days`: 90 days back. */
  readonly basis: 'settings' | 'review' | 'days';
  /** The review whose date starts the window, when `basis` is `review`. */
  readonly review?: { readonly id: string; readonly title: string };
};

/** Another decision of the log, named where one decision amends another. */
export type DecisionLink = { readonly id: string; readonly title: string; readonly date?: string };

export type DecisionConcernName = {
  readonly kind: DecisionConcernKind;
  readonly id: string;
  /** The item's name; its id when it is no longer in the portfolio. */
  readonly name: string;
  /** Whether the portfolio still holds it (a decision outlives what it was about). */
  readonly known: boolean;
};

/** One decision of the log, as the pack prints it. */
export type DecisionLogEntry = {
  readonly id: string;
  readonly date: string;
  readonly kind: RecordedDecisionKind;
  /** The kind as the pack names it ("Stop or continue"). */
  readonly kindLabel: string;
  readonly title: string;
  readonly decision: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  readonly concerns: readonly DecisionConcernName[];
  readonly fingerprint?: string;
  /** The earlier decision this one amends (its id alone when the log no longer holds it). */
  readonly amends?: DecisionLink;
  /** The decision that amends this one by the pack's date: it is printed as superseded. */
  readonly supersededBy?: DecisionLink;
};

export type DecisionLog = DecisionWindow & {
  /** The decisions dated in the window, newest first (the later recorded first on a day). */
  readonly entries: readonly DecisionLogEntry[];
};

export type RiskKind = 'capacity' | 'budget' | 'unvalued' | 'unaligned' | 'dependency';

export type Risk = {
  readonly kind: RiskKind;
  readonly subject: string;
  readonly detail: string;
};

/** Where a card sits against the board's line: in front of it, funded in a gap behind it, out. */
export type LinePlace = 'above' | 'gap' | 'below';

export type RankedRow = {
  /** The place in the board's order: the pinned group first, then the rankable cards. */
  readonly rank: number;
  readonly id: string;
  readonly name: string;
  readonly status: InitiativeStatus;
  readonly owner?: string;
  readonly value?: number;
  readonly spend: number;
  readonly effort: number;
  /** Placed in the plan: in front of the line or funded in a gap behind it. */
  readonly above: boolean;
  readonly place: LinePlace;
  /** Committed or forced in: placed first, in the board's pinned group. */
  readonly pinned: boolean;
  /** Start and end period labels when placed. */
  readonly start?: string;
  readonly end?: string;
  /** Why it is not placed. */
  readonly reason?: string;
  readonly forced?: 'in' | 'out';
  readonly objectives: readonly string[];
};

/** One objective's share of the funded spend and capacity; see `fundedSplit`. */
export type AlignmentRow = ObjectiveFunding;

export type ValueEffortPoint = {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly effort: number;
  readonly spend: number;
  readonly above: boolean;
};

export type ScenarioColumn = ScenarioFigures & {
  readonly isPack: boolean;
  /** Names of what is above the line here but not in the pack's scenario, and the reverse. */
  readonly comesIn: readonly string[];
  readonly goesOut: readonly string[];
};

export type RecordEntry = { readonly label: string; readonly value: string };

export type DecisionRecord = {
  readonly entries: readonly RecordEntry[];
  readonly scoring: {
    readonly model: string;
    readonly criteria: readonly { name: string; weight: string }[];
  };
  readonly objectives: readonly { name: string; depth: number; weight: string }[];
  readonly capacity: {
    readonly periods: readonly string[];
    readonly rows: readonly { name: string; amounts: readonly string[] }[];
  };
  readonly forced: readonly { name: string; forced: 'in' | 'out'; reason: string }[];
  readonly rules: readonly { name: string; rule: string }[];
  readonly optimizer: readonly RecordEntry[];
  readonly ranking: readonly string[];
};

export type PackContent = {
  readonly portfolioName: string;
  readonly currency?: string;
  readonly capacityUnit?: string;
  readonly scenario?: Scenario;
  readonly compareWith?: Scenario;
  readonly cutLine: CutLine;
  /** The board's line over the pack's stack: what is above it, funded in a gap, and below. */
  readonly line: Line;
  /** "13 above the line · 17 funded in a gap · 32 below", as the board counts them. */
  readonly lineSummary: string;
  /** The optimizer's record for the pack's scenario: frozen with the pack, or kept with it. */
  readonly optimize?: FrozenOptimizeResult;
  /** Value and spend of what is above the line (what the frontier marks as the scenario). */
  readonly funded: { readonly value: number; readonly spend: number };
  readonly summary: readonly string[];
  readonly keyFigures: readonly KeyFigure[];
  readonly changes?: { readonly comesIn: readonly string[]; readonly goesOut: readonly string[] };
  /**
   * In a pack made for a review: the previous held review whose snapshot the key figures and
   * `changes` are compared with (instead of `compareWith`), when its snapshot could be opened.
   */
  readonly since?: { readonly title: string; readonly date: string };
  /** In a pack made for a review: what changed since the previous review's snapshot. */
  readonly reviewChanges?: ReviewChanges;
  readonly decisions: readonly Decision[];
  /** The decision log since the last pack. */
  readonly decisionLog: DecisionLog;
  readonly alignment: readonly AlignmentRow[];
  readonly unaligned: { readonly spendShare: number; readonly capacityShare: number };
  /**
   * The funded work against the objectives, as the Alignment view shows it: global weights,
   * call-outs, the contribution heatmap, what is linked to none, and the alignment score.
   */
  readonly portfolioAlignment: PortfolioAlignment;
  readonly ranked: readonly RankedRow[];
  readonly risks: readonly Risk[];
  readonly valueEffort: readonly ValueEffortPoint[];
  readonly scenarios: readonly ScenarioColumn[];
  readonly record: DecisionRecord;
};

const money = (amount: number, currency: string | undefined) =>
  formatMoney(amount, currency, true, PACK_LOCALE);
const number = (amount: number, digits = 1) => formatNumber(amount, digits, PACK_LOCALE);
const percent = (fraction: number) => formatPercent(fraction, PACK_LOCALE);

const counted = (count: number, one: string, many = `${one}s`) =>
  plural(count, one, many, number(count, 0));

/** "A, B and 3 more" — a readable list that never runs on. */
export function nameList(names: readonly string[], most = 4): string {
  if (names.length === 0) return '';
  const shown = names.length > most ? names.slice(0, most - 1) : [...names];
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${number(rest, 0)} more`] : shown;
  if (items.length === 1) return items[0] as string;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A signed change with a true minus sign; "no change" for zero. */
/** Whether a change, as written, is nothing at all ("0", "€0", "0 pts"). */
function writesAsZero(delta: number, write: (magnitude: number) => string): boolean {
  return !/[1-9]/.test(write(Math.abs(delta)));
}

function signed(delta: number, write: (magnitude: number) => string): string {
  if (writesAsZero(delta, write)) return 'no change';
  return `${delta > 0 ? '+' : '−'}${write(Math.abs(delta))}`;
}

function directionOf(delta: number): Direction {
  if (Math.abs(delta) < 1e-9) return 'same';
  return delta > 0 ? 'up' : 'down';
}

/**
 * The scenario the pack presents: the chosen one (the app chooses the one on the board), else the
 * first, as the board and the `cutline` command take it; undefined without scenarios.
 */
export function packScenario(
  portfolio: Portfolio,
  settings: Pick<PackSettings, 'scenarioId'>,
): Scenario | undefined {
  return (
    portfolio.scenarios.find((scenario) => scenario.id === settings.scenarioId) ??
    portfolio.scenarios[0]
  );
}

/**
 * The one to compare with: the chosen one; else, for a scenario the optimizer made, the one it
 * was optimized from; else the one saved just before the pack's.
 */
export function comparedScenario(
  portfolio: Portfolio,
  settings: Pick<PackSettings, 'compareWithId'>,
  scenario: Scenario | undefined,
): Scenario | undefined {
  if (!scenario) return undefined;
  const chosen = portfolio.scenarios.find((candidate) => candidate.id === settings.compareWithId);
  if (chosen && chosen.id !== scenario.id) return chosen;
  const origin = optimizedOrigin(portfolio, scenario);
  if (origin) return origin;
  const index = portfolio.scenarios.indexOf(scenario);
  return index > 0 ? portfolio.scenarios[index - 1] : undefined;
}

/** "13 above the line · 17 funded in a gap · 32 below": the board's words for its line. */
export function describeLine(line: Pick<Line, 'above' | 'gap' | 'below'>): string {
  const gap = line.gap.length > 0 ? ` · ${number(line.gap.length, 0)} funded in a gap` : '';
  return `${number(line.above.length, 0)} above the line${gap} · ${number(line.below.length, 0)} below`;
}

/** The budget over all periods; undefined when a period has no limit (nor then does the whole). */
function totalBudget(portfolio: Portfolio): number | undefined {
  const budget = portfolio.budget;
  if (!budget || portfolio.periods.some((period) => budget[period.id] === undefined)) {
    return undefined;
  }
  return portfolio.periods.reduce((sum, period) => sum + (budget[period.id] ?? 0), 0);
}

/** Figures of the pack's ranking: the scenario's, or file order when there is no scenario. */
function figuresOf(portfolio: Portfolio, scenario: Scenario | undefined): ScenarioFigures {
  if (scenario) return scenarioFigures(portfolio, scenario.id);
  const withOrder: Portfolio = {
    ...portfolio,
    scenarios: [{ id: 'file-order', name: 'File order', ranking: stackOrder(portfolio) }],
  };
  return scenarioFigures(withOrder, 'file-order');
}

type Named = (id: string) => string;

function keyFigures(
  portfolio: Portfolio,
  figures: ScenarioFigures,
  before: ScenarioFigures | undefined,
): KeyFigure[] {
  const currency = portfolio.currency;
  const budget = totalBudget(portfolio);
  const total = figures.above.length + figures.below.length;
  const change = (
    now: number,
    then: number | undefined,
    write: (magnitude: number) => string,
    upIsGood: boolean | undefined,
  ): Pick<KeyFigure, 'change' | 'direction' | 'good'> => {
    if (then === undefined) return {};
    const delta = now - then;
    const direction = writesAsZero(delta, write) ? 'same' : directionOf(delta);
    return {
      change: signed(delta, write),
      direction,
      ...(direction !== 'same' &&
        upIsGood !== undefined && { good: (direction === 'up') === upIsGood }),
    };
  };
  const result: KeyFigure[] = [
    {
      label: 'Value funded',
      value: number(figures.valueAbove, 0),
      ...change(figures.valueAbove, before?.valueAbove, (v) => number(v, 0), true),
      ...(figures.unvaluedAbove > 0 && {
        note: `${counted(figures.unvaluedAbove, 'initiative')} without a value`,
      }),
    },
    {
      label: 'Initiatives funded',
      value: `${number(figures.above.length, 0)} of ${number(total, 0)}`,
      ...change(figures.above.length, before?.above.length, (v) => number(v, 0), true),
    },
    {
      label: 'Spend funded',
      value: money(figures.spendAbove, currency),
      ...change(figures.spendAbove, before?.spendAbove, (v) => money(v, currency), false),
      ...(budget !== undefined &&
        budget > 0 && { note: `${percent(figures.spendAbove / budget)} of the budget` }),
    },
  ];
  if (figures.utilization !== undefined) {
    result.push({
      label: 'Capacity used',
      value: percent(figures.utilization),
      ...change(
        figures.utilization * 100,
        before?.utilization === undefined ? undefined : before.utilization * 100,
        (v) => `${number(v, 0)} pts`,
        // More of the capacity used is more work done, and less slack: neither good nor bad.
        undefined,
      ),
      note: `${number(figures.capacityUsed)} of ${number(figures.capacity)}${
        portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : ''
      }`,
    });
  }
  return result;
}

function decisionsOf(
  portfolio: Portfolio,
  ranked: readonly RankedRow[],
  optimize: FrozenOptimizeResult | undefined,
  valueAbove: number,
): Decision[] {
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const decisions: Decision[] = [];
  for (const row of ranked) {
    const initiative = byId.get(row.id);
    if (!initiative) continue;
    const subject = { initiativeId: initiative.id, subject: initiative.name };
    const why = row.reason || 'no room';
    if (row.above) {
      if (initiative.status === 'proposed') {
        decisions.push({
          kind: 'approve',
          ...subject,
          detail: `Approve to start in ${row.start ?? ''}${row.place === 'gap' ? ' (funded in a gap behind the line)' : ''}.`,
        });
      }
      continue;
    }
    if (initiative.status === 'cancelled') continue;
    if (initiative.forced === 'in') {
      decisions.push({
        kind: 'forced-conflict',
        ...subject,
        detail: `Must be done but does not fit: ${why}. Add capacity or budget, or release other work.`,
      });
    } else if (isCommitted(initiative)) {
      decisions.push({
        kind: 'no-room',
        ...subject,
        detail: `${initiative.status === 'active' ? 'Under way' : 'Done'} but does not fit the plan: ${why}. Add capacity or budget, or decide to stop it.`,
      });
    } else if (initiative.forced === 'out' && initiative.status === 'active') {
      const reason = initiative.forcedReason?.trim();
      decisions.push({
        kind: 'stop',
        ...subject,
        detail: `Under way but forced out${reason ? ` (${reason})` : ''}: confirm that it stops.`,
      });
    } else if (initiative.status === 'approved') {
      const reason = initiative.forcedReason?.trim();
      decisions.push({
        kind: 'stop',
        ...subject,
        detail:
          initiative.forced === 'out'
            ? `Approved but forced out${reason ? ` (${reason})` : ''}: confirm that it stops.`
            : `Approved but below the line (${why}): stop, defer or fund it.`,
      });
    }
  }
  if (optimize && optimize.status !== 'infeasible' && optimize.objective > valueAbove + 1e-6) {
    const gain = optimize.objective - valueAbove;
    const proof =
      optimize.status === 'optimal'
        ? 'proven the best possible'
        : optimize.gap !== undefined
          ? `within ${number(optimize.gap * 100, 2)}% of the best possible`
          : 'not proven the best';
    decisions.push({
      kind: 'optimizer',
      subject: 'Optimized plan',
      detail: `The optimizer found a plan worth ${number(gain, 0)} more value (${number(optimize.objective, 0)}, ${proof}). Adopt it as a scenario, or keep this ranking.`,
    });
  }
  const order: Record<DecisionKind, number> = {
    'forced-conflict': 0,
    'no-room': 0,
    stop: 1,
    optimizer: 2,
    approve: 3,
  };
  return decisions
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) => order[a.decision.kind] - order[b.decision.kind] || a.index - b.index)
    .map(({ decision }) => decision);
}

/** The ISO date `days` days before `date` (calendar days, in UTC: no clock change moves it). */
function daysBefore(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

/**
 * Which decisions the pack lists: those dated from `since` to the pack's date, both included.
 *
 * - `since` is the settings' `since` (the previous pack's date) when they have one.
 * - Otherwise, in a pack made for a review, it is the date of the previous held review
 *   (`previous`).
 * - Otherwise it is the date of the latest decision of kind `review` dated before the pack's date
 *   (a review dated on the pack's date is this meeting's own, not the last one); the later in the
 *   log when two share that date.
 * - Otherwise it is 90 days (`DECISION_LOG_DAYS`) before the pack's date: about a quarter, the
 *   usual time between board reviews.
 *
 * The first day is included: a pack is made before the meeting it is for, so what was decided
 * at the last review, and on the day of the last pack, came after that pack. Repeating a decision
 * of that day is better than missing one. Decisions dated after the pack's date are left out:
 * a pack dated in the past shows the log as it stood then.
 */
export function decisionWindow(
  portfolio: Portfolio,
  settings: Pick<PackSettings, 'date' | 'since'>,
  previous?: { readonly id: string; readonly title: string; readonly date: string },
): DecisionWindow {
  const until = settings.date;
  if (settings.since !== undefined) return { since: settings.since, until, basis: 'settings' };
  if (previous && previous.date <= until) {
    return {
      since: previous.date,
      until,
      basis: 'review',
      review: { id: previous.id, title: previous.title },
    };
  }
  let review: RecordedDecision | undefined;
  for (const decision of portfolio.decisions ?? []) {
    if (decision.kind !== 'review' || decision.date >= until) continue;
    if (!review || decision.date >= review.date) review = decision;
  }
  if (review) {
    return {
      since: review.date,
      until,
      basis: 'review',
      review: { id: review.id, title: review.title },
    };
  }
  return { since: daysBefore(until, DECISION_LOG_DAYS), until, basis: 'days' };
}

/** The decision log since the last pack, newest first, each with what it amends and concerns. */
function decisionLogOf(
  portfolio: Portfolio,
  settings: PackSettings,
  previous?: PackReviewContext['previous'],
): DecisionLog {
  const window = decisionWindow(portfolio, settings, previous);
  const log = portfolio.decisions ?? [];
  const byId = new Map<string, RecordedDecision>();
  for (const decision of log) if (!byId.has(decision.id)) byId.set(decision.id, decision);
  // The first amendment of each decision by the pack's date (the log's rules allow only one).
  const amendedBy = new Map<string, RecordedDecision>();
  for (const decision of log) {
    if (decision.supersedes === undefined || decision.date > window.until) continue;
    if (!amendedBy.has(decision.supersedes)) amendedBy.set(decision.supersedes, decision);
  }
  const link = (decision: RecordedDecision): DecisionLink => ({
    id: decision.id,
    title: decision.title,
    date: decision.date,
  });
  const names: Record<DecisionConcernKind, Map<string, string>> = {
    initiative: new Map(portfolio.initiatives.map((item) => [item.id, item.name])),
    scenario: new Map(portfolio.scenarios.map((item) => [item.id, item.name])),
    objective: new Map(portfolio.objectives.map((item) => [item.id, item.name])),
    review: new Map((portfolio.reviews ?? []).map((item) => [item.id, item.title])),
    metric: new Map(Object.entries(METRIC_NAMES)),
  };
  const entries = log
    .map((decision, index) => ({ decision, index }))
    .filter(({ decision }) => decision.date >= window.since && decision.date <= window.until)
    // Newest first; on one day, the one recorded later (later in the log) first.
    .sort((a, b) =>
      a.decision.date === b.decision.date
        ? b.index - a.index
        : a.decision.date < b.decision.date
          ? 1
          : -1,
    )
    .map(({ decision }): DecisionLogEntry => {
      const amended = decision.supersedes === undefined ? undefined : byId.get(decision.supersedes);
      const amender = amendedBy.get(decision.id);
      const rationale = decision.rationale?.trim();
      const decidedBy = decision.decidedBy?.trim();
      const fingerprintText = decision.fingerprint?.trim();
      return {
        id: decision.id,
        date: decision.date,
        kind: decision.kind,
        kindLabel: DECISION_KIND_LABEL[decision.kind] ?? decision.kind,
        title: decision.title,
        decision: decision.decision.trim(),
        ...(rationale && { rationale }),
        ...(decidedBy && { decidedBy }),
        concerns: (decision.concerns ?? []).map((concern) => {
          const name = names[concern.kind]?.get(concern.id);
          return {
            kind: concern.kind,
            id: concern.id,
            name: name ?? concern.id,
            known: name !== undefined,
          };
        }),
        ...(fingerprintText && { fingerprint: fingerprintText }),
        ...(decision.supersedes !== undefined && {
          amends: amended ? link(amended) : { id: decision.supersedes, title: decision.supersedes },
        }),
        ...(amender && { supersededBy: link(amender) }),
      };
    });
  return { ...window, entries };
}

function risksOf(
  portfolio: Portfolio,
  cutLine: CutLine,
  funded: readonly Initiative[],
  name: Named,
): Risk[] {
  const risks: Risk[] = [];
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  for (const team of portfolio.teams) {
    const used = cutLine.usage[team.id] ?? [];
    const tight: string[] = [];
    let highest = 0;
    portfolio.periods.forEach((period, index) => {
      const capacity = team.capacity[period.id] ?? 0;
      const amount = used[index] ?? 0;
      if (capacity > 0 && amount / capacity >= TIGHT_UTILIZATION) {
        tight.push(period.label);
        highest = Math.max(highest, amount / capacity);
      }
    });
    if (tight.length > 0) {
      risks.push({
        kind: 'capacity',
        subject: team.name,
        detail: `${percent(highest)} of capacity used at the peak (${nameList(tight)}): no slack for slips or urgent work.`,
      });
    }
  }
  if (portfolio.budget) {
    const tight: string[] = [];
    portfolio.periods.forEach((period, index) => {
      const budget = portfolio.budget?.[period.id];
      if (budget !== undefined && budget > 0 && (cutLine.spend[index] ?? 0) / budget >= 0.95) {
        tight.push(period.label);
      }
    });
    if (tight.length > 0) {
      risks.push({
        kind: 'budget',
        subject: 'Budget',
        detail: `At least 95% of the budget is committed in ${nameList(tight)}.`,
      });
    }
  }
  const unvalued = funded.filter(
    (initiative) => initiativeValue(initiative, portfolio) === undefined,
  );
  for (const initiative of unvalued) {
    risks.push({
      kind: 'unvalued',
      subject: initiative.name,
      detail: 'Funded without a value or scores: its benefit is not stated.',
    });
  }
  const objectiveIds = new Set(portfolio.objectives.map((objective) => objective.id));
  if (objectiveIds.size > 0) {
    for (const initiative of funded) {
      // Linked means as alignment counts it: to an objective that exists, with a contribution.
      const linked = (initiative.objectives ?? []).some(
        (link) => objectiveIds.has(link.id) && link.contribution > 0,
      );
      if (linked) continue;
      risks.push({
        kind: 'unaligned',
        subject: initiative.name,
        detail: `Funded (${money(totalSpend(initiative), portfolio.currency)}${
          totalEffort(initiative) > 0 ? `, ${number(totalEffort(initiative))}${unit}` : ''
        }) but linked to no objective.`,
      });
    }
  }
  const fundedIds = new Set(funded.map((initiative) => initiative.id));
  const dependants = new Map<string, string[]>();
  for (const initiative of funded) {
    for (const prerequisite of initiative.dependsOn ?? []) {
      const list = dependants.get(prerequisite) ?? [];
      list.push(initiative.name);
      dependants.set(prerequisite, list);
    }
  }
  for (const [prerequisite, names] of dependants) {
    if (names.length < 2 || !fundedIds.has(prerequisite)) continue;
    risks.push({
      kind: 'dependency',
      subject: name(prerequisite),
      detail: `${counted(names.length, 'funded initiative')} wait for it (${nameList(names)}): a slip delays them all.`,
    });
  }
  return risks;
}

function scenarioColumns(
  portfolio: Portfolio,
  pack: ScenarioFigures | undefined,
  name: Named,
): ScenarioColumn[] {
  return portfolio.scenarios.map((scenario) => {
    const figures =
      pack && pack.scenarioId === scenario.id ? pack : scenarioFigures(portfolio, scenario.id);
    const here = new Set(figures.above);
    const there = new Set(pack?.above ?? []);
    return {
      ...figures,
      isPack: pack?.scenarioId === scenario.id,
      comesIn: figures.above.filter((id) => !there.has(id)).map(name),
      goesOut: (pack?.above ?? []).filter((id) => !here.has(id)).map(name),
    };
  });
}

/**
 * A short, stable fingerprint of the portfolio (FNV-1a, 64 bits) to tell versions apart: the one
 * function snapshots use too (shared/portfolio/fingerprint.ts), so the two always agree.
 */
export const fingerprint: (text: string) => string = textFingerprint;

const SCORING_NAMES: Record<string, string> = {
  weighted: 'Weighted criteria (weighted mean of the scores)',
  wsjf: 'WSJF: (business value + time criticality + risk reduction) / job size',
  rice: 'RICE: reach × impact × confidence / effort',
  'value-effort': 'Value / effort',
};

/** "2027-03-15 09:30 UTC" from an ISO date-time. */
function utcMinute(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

/** Where the optimizer's record of an optimized scenario comes from, for the appendix. */
type OptimizerSource = {
  /** The scenario it was optimized from. */
  readonly from?: Scenario;
  /** When the plan was made into the scenario (as the scenario records it). */
  readonly at?: string;
};

function optimizerEntries(
  analysis: FrozenAnalysis | undefined,
  optimize: FrozenOptimizeResult | undefined,
  source: OptimizerSource,
  portfolio: Portfolio,
): RecordEntry[] {
  const origin: RecordEntry[] = source.from
    ? [{ label: 'Optimized from', value: `“${source.from.name}”` }]
    : [];
  if (!optimize) {
    return [...origin, { label: 'Optimizer', value: 'Not run for this pack.' }];
  }
  const status = {
    optimal: 'Proven optimal',
    feasible: optimize.stopped ? 'Stopped early; best plan found' : 'Time limit reached',
    infeasible: 'Infeasible: the forced items cannot all be done',
    unknown: 'No plan found',
  }[optimize.status];
  const entries: RecordEntry[] = [
    ...origin,
    { label: 'Optimizer status', value: status },
    { label: 'Best plan value', value: number(optimize.objective, 2) },
  ];
  if (optimize.bound !== undefined) {
    entries.push({ label: 'Proven upper bound', value: number(optimize.bound, 2) });
  }
  if (optimize.gap !== undefined) {
    entries.push({ label: 'Gap to the bound', value: `${number(optimize.gap * 100, 2)}%` });
  }
  entries.push(
    { label: 'Solve time', value: `${number(optimize.elapsed, 1)} s` },
    {
      label: 'Plan',
      value: `${counted(optimize.selected.length, 'initiative')}, ${money(optimize.spend, portfolio.currency)} of spend`,
    },
  );
  if (source.at) entries.push({ label: 'Plan made', value: utcMinute(source.at) });
  if (analysis) entries.push({ label: 'Frozen at', value: utcMinute(analysis.frozenAt) });
  if (optimize.conflict) entries.push({ label: 'Conflict', value: optimize.conflict });
  return entries;
}

function recordOf(
  portfolio: Portfolio,
  settings: PackSettings,
  scenario: Scenario | undefined,
  ranked: readonly RankedRow[],
  line: Line,
  optimizer: readonly RecordEntry[],
  name: Named,
  fingerprintText: string,
): DecisionRecord {
  const rules: { name: string; rule: string }[] = [];
  for (const initiative of portfolio.initiatives) {
    const parts: string[] = [];
    if (initiative.dependsOn?.length)
      parts.push(`needs ${nameList(initiative.dependsOn.map(name), 6)}`);
    if (initiative.excludes?.length)
      parts.push(`excludes ${nameList(initiative.excludes.map(name), 6)}`);
    const label = (id: string) => portfolio.periods.find((p) => p.id === id)?.label ?? id;
    if (initiative.start) parts.push(`fixed start ${label(initiative.start)}`);
    if (initiative.earliestStart) parts.push(`not before ${label(initiative.earliestStart)}`);
    if (initiative.latestStart) parts.push(`start by ${label(initiative.latestStart)}`);
    if (parts.length > 0) rules.push({ name: initiative.name, rule: parts.join('; ') });
  }
  const budgetRow = portfolio.budget
    ? [
        {
          name: `Budget${portfolio.currency ? ` (${portfolio.currency})` : ''}`,
          amounts: portfolio.periods.map((period) => {
            const amount = portfolio.budget?.[period.id];
            return amount === undefined ? 'no limit' : money(amount, portfolio.currency);
          }),
        },
      ]
    : [];
  return {
    entries: [
      { label: 'Portfolio', value: portfolio.name },
      { label: 'Scenario', value: scenario ? scenario.name : 'File order (no saved scenario)' },
      { label: 'Pack date', value: settings.date },
      {
        label: 'Cut line',
        value: `${describeLine(line)}, of ${counted(ranked.length, 'initiative')}`,
      },
      { label: 'Portfolio fingerprint', value: fingerprint(fingerprintText) },
    ],
    scoring: {
      model: portfolio.scoring
        ? (SCORING_NAMES[portfolio.scoring.model] ?? portfolio.scoring.model)
        : 'None: values are entered directly',
      criteria: (portfolio.scoring?.criteria ?? []).map((criterion) => ({
        name: criterion.name,
        weight: criterion.weight === undefined ? '1 (default)' : number(criterion.weight, 3),
      })),
    },
    objectives: objectiveTree(portfolio.objectives).map(({ objective, depth }) => ({
      name: objective.name,
      depth,
      weight: objective.weight === undefined ? '—' : number(objective.weight, 3),
    })),
    capacity: {
      periods: portfolio.periods.map((period) => period.label),
      rows: [
        ...portfolio.teams.map((team) => ({
          name: `${team.name}${portfolio.capacityUnit ? ` (${portfolio.capacityUnit})` : ''}`,
          amounts: portfolio.periods.map((period) => number(team.capacity[period.id] ?? 0, 2)),
        })),
        ...budgetRow,
      ],
    },
    forced: portfolio.initiatives.flatMap((initiative) =>
      initiative.forced
        ? [
            {
              name: initiative.name,
              forced: initiative.forced,
              reason: initiative.forcedReason?.trim() || 'No reason recorded.',
            },
          ]
        : [],
    ),
    rules,
    optimizer,
    ranking: ranked.map((row) => row.name),
  };
}

function summaryOf(
  portfolio: Portfolio,
  line: Line,
  scenario: Scenario | undefined,
  compareWith: Scenario | undefined,
  figures: ScenarioFigures,
  before: ScenarioFigures | undefined,
  decisions: readonly Decision[],
  risks: readonly Risk[],
  name: Named,
  review?: ReviewChanges,
): string[] {
  const total = figures.above.length + figures.below.length;
  if (total === 0) {
    return [
      'The portfolio has no initiatives yet: there is nothing to fund or decide. Add initiatives, teams and periods, then make the pack again.',
    ];
  }
  const lines: string[] = [];
  const subject = scenario ? `The “${scenario.name}” scenario` : 'The portfolio in file order';
  const utilization =
    figures.utilization === undefined
      ? ''
      : `, using ${percent(figures.utilization)} of the teams’ capacity`;
  lines.push(
    `${subject} funds ${number(figures.above.length, 0)} of ${counted(total, 'initiative')} (${describeLine(line)}), worth ${number(figures.valueAbove, 0)} in value for ${money(figures.spendAbove, portfolio.currency)} of spend${utilization}.`,
  );
  if (review) {
    // A pack for a review says what changed since the last review, not since a scenario.
    lines.push(
      review.kind === 'none'
        ? review.sentence
        : [review.lead, ...(review.empty ? [] : review.sentences)].join(' '),
    );
  } else if (compareWith && before) {
    const comesIn = figures.above.filter((id) => !before.above.includes(id)).map(name);
    const goesOut = before.above.filter((id) => !figures.above.includes(id)).map(name);
    if (comesIn.length === 0 && goesOut.length === 0) {
      lines.push(`It funds the same initiatives as “${compareWith.name}”.`);
    } else {
      const parts: string[] = [];
      const verb = (count: number, one: string, many: string) => (count === 1 ? one : many);
      if (comesIn.length > 0)
        parts.push(
          `${counted(comesIn.length, 'initiative')} ${verb(comesIn.length, 'comes', 'come')} in (${nameList(comesIn)})`,
        );
      if (goesOut.length > 0)
        parts.push(
          `${counted(goesOut.length, 'initiative')} ${verb(goesOut.length, 'goes', 'go')} out (${nameList(goesOut)})`,
        );
      const value = figures.valueAbove - before.valueAbove;
      const spend = figures.spendAbove - before.spendAbove;
      lines.push(
        `Against “${compareWith.name}”, ${parts.join(' and ')}; value ${signed(value, (v) => number(v, 0))}, spend ${signed(spend, (v) => money(v, portfolio.currency))}.`,
      );
    }
  } else if (portfolio.scenarios.length <= 1) {
    lines.push('There is no earlier scenario to compare with: save one to track what changes.');
  } else {
    const others = portfolio.scenarios.filter((other) => other.id !== scenario?.id);
    lines.push(
      `It is the first saved scenario; ${nameList(others.map((other) => `“${other.name}”`))} ${others.length === 1 ? 'is' : 'are'} compared with it in the scenario comparison.`,
    );
  }
  if (decisions.length === 0) {
    lines.push('No decision is needed: everything above the line is approved or under way.');
  } else {
    const counts = (kind: Decision['kind']) => decisions.filter((d) => d.kind === kind).length;
    const parts: string[] = [];
    if (counts('forced-conflict') > 0) {
      const conflicts = counts('forced-conflict');
      parts.push(
        `${counted(conflicts, 'mandatory initiative')} that ${conflicts === 1 ? 'does' : 'do'} not fit`,
      );
    }
    if (counts('no-room') > 0) {
      const short = counts('no-room');
      parts.push(
        `${counted(short, 'committed initiative')} that ${short === 1 ? 'does' : 'do'} not fit`,
      );
    }
    if (counts('stop') > 0)
      parts.push(`${counted(counts('stop'), 'approved or under-way initiative')} out of the plan`);
    if (counts('optimizer') > 0) parts.push('a better plan from the optimizer');
    if (counts('approve') > 0) parts.push(`${counted(counts('approve'), 'proposal')} to approve`);
    lines.push(
      `The board is asked to decide on ${counted(decisions.length, 'item')}: ${nameList(parts, 5)}.`,
    );
  }
  const capacityRisks = risks
    .filter((risk) => risk.kind === 'capacity')
    .map((risk) => risk.subject);
  if (capacityRisks.length > 0) {
    lines.push(
      `${nameList(capacityRisks)} ${capacityRisks.length === 1 ? 'is' : 'are'} at or near full capacity.`,
    );
  }
  return lines;
}

/** The optimizer's record for the pack: frozen with it, else the one the scenario keeps. */
function optimizerOf(
  portfolio: Portfolio,
  scenario: Scenario | undefined,
  analysis: FrozenAnalysis | undefined,
): { optimize?: FrozenOptimizeResult; source: OptimizerSource } {
  const kept = readOptimizedFrom(scenario);
  const from = optimizedOrigin(portfolio, scenario);
  const source: OptimizerSource = {
    ...(from && { from }),
    ...(kept && !analysis?.optimize && { at: kept.at }),
  };
  const optimize = analysis?.optimize ?? kept?.result;
  return optimize ? { optimize, source } : { source };
}

/**
 * The figures of the previous review's snapshot for the pack's scenario (file order when neither
 * has a scenario); undefined when the snapshot does not hold that scenario.
 */
function baselineFigures(
  baseline: Portfolio,
  scenario: Scenario | undefined,
): ScenarioFigures | undefined {
  if (!scenario)
    return baseline.scenarios.length === 0 ? figuresOf(baseline, undefined) : undefined;
  return baseline.scenarios.some((other) => other.id === scenario.id)
    ? scenarioFigures(baseline, scenario.id)
    : undefined;
}

/**
 * Everything the pack shows, from the portfolio, the builder's settings and frozen analysis; with
 * `review` (a pack made for a review), "what changed" is measured from the previous review's
 * snapshot instead of another scenario.
 */
export function buildPackContent(
  portfolio: Portfolio,
  settings: PackSettings,
  analysis?: FrozenAnalysis,
  fingerprintText = writePortfolio(portfolio),
  review?: PackReviewContext,
): PackContent {
  const scenario = packScenario(portfolio, settings);
  const sinceReview = review ? reviewChanges(portfolio, review, scenario?.id) : undefined;
  const baseline = review?.baseline;
  const baselineBefore = baseline ? baselineFigures(baseline, scenario) : undefined;
  // With a review, figures are compared with its previous snapshot, never with a scenario.
  const compareWith = review ? undefined : comparedScenario(portfolio, settings, scenario);
  // The board's stack: the scenario's ranking (file order without a scenario).
  const order = scenario ? stackOrder(portfolio, scenario.id) : stackOrder(portfolio);
  const cutLine = computeCutLine(portfolio, order);
  const line = lineOf(portfolio, cutLine, order);
  const figures = figuresOf(portfolio, scenario);
  const before = review
    ? baselineBefore
    : compareWith
      ? scenarioFigures(portfolio, compareWith.id)
      : undefined;
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  // An initiative removed since the last review is named as the snapshot named it.
  const formerly = new Map((baseline?.initiatives ?? []).map((item) => [item.id, item.name]));
  const name: Named = (id) => byId.get(id)?.name ?? formerly.get(id) ?? id;
  const report = cutLineReport(portfolio, cutLine);
  const reasons = new Map(report.below.map((entry) => [entry.id, entry.reason]));
  const periodLabel = (index: number) => portfolio.periods[index]?.label ?? '';
  const objectiveName = new Map(portfolio.objectives.map((o) => [o.id, o.name]));
  const funded = figures.above.flatMap((id) => byId.get(id) ?? []);
  const gap = new Set(line.gap);
  // The board's order: the pinned group first, then the rankable cards in stack order.
  const ranked: RankedRow[] = [...line.pinned, ...line.rankable].flatMap((id, index) => {
    const initiative = byId.get(id);
    const placement = cutLine.byId.get(id);
    if (!initiative || !placement) return [];
    const value = initiativeValue(initiative, portfolio);
    const place: LinePlace = !placement.above ? 'below' : gap.has(id) ? 'gap' : 'above';
    return [
      {
        rank: index + 1,
        id: initiative.id,
        name: initiative.name,
        status: initiative.status,
        ...(initiative.owner && { owner: initiative.owner }),
        ...(value !== undefined && { value }),
        spend: totalSpend(initiative),
        effort: totalEffort(initiative),
        above: placement.above,
        place,
        pinned: isPinned(initiative),
        ...(placement.above
          ? { start: periodLabel(placement.startIndex), end: periodLabel(placement.endIndex) }
          : { reason: reasons.get(initiative.id) ?? '' }),
        ...(initiative.forced && { forced: initiative.forced }),
        objectives: (initiative.objectives ?? []).flatMap(
          (link) => objectiveName.get(link.id) ?? [],
        ),
      },
    ];
  });
  const { optimize, source } = optimizerOf(portfolio, scenario, analysis);
  const decisions = decisionsOf(portfolio, ranked, optimize, figures.valueAbove);
  const risks = risksOf(portfolio, cutLine, funded, name);
  const alignment = fundedSplit(portfolio, funded);
  const globalWeights = new Map(
    [...localWeights(portfolio).objectives].map(([id, weight]) => [id, weight.global]),
  );
  const valueEffort: ValueEffortPoint[] = ranked.flatMap((row) =>
    row.value === undefined
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            value: row.value,
            effort: row.effort,
            spend: row.spend,
            above: row.above,
          },
        ],
  );
  return {
    portfolioName: portfolio.name,
    ...(portfolio.currency && { currency: portfolio.currency }),
    ...(portfolio.capacityUnit && { capacityUnit: portfolio.capacityUnit }),
    ...(scenario && { scenario }),
    ...(compareWith && { compareWith }),
    cutLine,
    line,
    lineSummary: describeLine(line),
    ...(optimize && { optimize }),
    funded: { value: figures.valueAbove, spend: figures.spendAbove },
    summary: summaryOf(
      portfolio,
      line,
      scenario,
      compareWith,
      figures,
      before,
      decisions,
      risks,
      name,
      sinceReview,
    ),
    keyFigures: keyFigures(portfolio, figures, before),
    ...(review?.previous &&
      baselineBefore && { since: { title: review.previous.title, date: review.previous.date } }),
    ...(sinceReview && { reviewChanges: sinceReview }),
    ...(before && {
      changes: {
        comesIn: figures.above.filter((id) => !before.above.includes(id)).map(name),
        goesOut: before.above.filter((id) => !figures.above.includes(id)).map(name),
      },
    }),
    decisions,
    decisionLog: decisionLogOf(portfolio, settings, review?.previous),
    alignment: alignment.rows,
    unaligned: alignment.unaligned,
    portfolioAlignment: portfolioAlignment(portfolio, new Set(figures.above), globalWeights),
    ranked,
    risks,
    valueEffort,
    scenarios: scenarioColumns(portfolio, scenario ? figures : undefined, name),
    record: recordOf(
      portfolio,
      settings,
      scenario,
      ranked,
      line,
      optimizerEntries(analysis, optimize, source, portfolio),
      name,
      fingerprintText,
    ),
  };
}
