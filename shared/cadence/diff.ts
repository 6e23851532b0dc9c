/**
 * What changed between two portfolios (`before` → `after`): initiatives added, removed and
 * changed, initiatives that crossed a scenario's cut line, capacity and budget per period, and
 * the decisions recorded in between.
 */
import { formatNumber, plural } from '../format';
import { initiativeValue, totalEffort, totalSpend } from '../portfolio/measures';
import type { Initiative, Portfolio } from '../portfolio/types';
import { scenarioCutLine, stackOrder } from '../prioritize/cutline';
import type {
  BudgetChange,
  CapacityChange,
  CutLineMove,
  InitiativeChange,
  PortfolioDiff,
  ValueChange,
} from './types';

/** Differences smaller than this are rounding, not a change. */
const TOLERANCE = 1e-9;

function byName<T extends { readonly name: string; readonly id: string }>(a: T, b: T): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function numberChange(before: number, after: number): ValueChange<number> | undefined {
  return Math.abs(before - after) > TOLERANCE ? { before, after } : undefined;
}

/** The value as shown: one decimal. */
function shownValue(initiative: Initiative, portfolio: Portfolio): number | undefined {
  const value = initiativeValue(initiative, portfolio);
  return value === undefined ? undefined : Math.round(value * 10) / 10;
}

function initiativeChange(
  before: Initiative,
  after: Initiative,
  beforePortfolio: Portfolio,
  afterPortfolio: Portfolio,
): InitiativeChange | undefined {
  const status =
    before.status !== after.status ? { before: before.status, after: after.status } : undefined;
  const valueBefore = shownValue(before, beforePortfolio);
  const valueAfter = shownValue(after, afterPortfolio);
  // A value that appears or goes is a change from or to 0.
  const value =
    valueBefore === undefined && valueAfter === undefined
      ? undefined
      : numberChange(valueBefore ?? 0, valueAfter ?? 0);
  const spend = numberChange(totalSpend(before), totalSpend(after));
  const demand = numberChange(totalEffort(before), totalEffort(after));
  const renamed =
    before.name !== after.name ? { before: before.name, after: after.name } : undefined;
  if (!renamed && !status && !value && !spend && !demand) return undefined;
  return {
    id: after.id,
    name: after.name,
    ...(renamed && { renamed }),
    ...(status && { status }),
    ...(value && { value }),
    ...(spend && { spend }),
    ...(demand && { demand }),
  };
}

function cutLineMoves(before: Portfolio, after: Portfolio, scenarioId: string): CutLineMove[] {
  const lineBefore = scenarioCutLine(before, scenarioId);
  const lineAfter = scenarioCutLine(after, scenarioId);
  const rankOf = (portfolio: Portfolio) => {
    const ranked = new Set(portfolio.scenarios.find((s) => s.id === scenarioId)?.ranking ?? []);
    const ranks = new Map<string, number>();
    stackOrder(portfolio, scenarioId).forEach((id, index) => {
      if (ranked.has(id)) ranks.set(id, index + 1);
    });
    return ranks;
  };
  const ranksBefore = rankOf(before);
  const ranksAfter = rankOf(after);
  const beforeIds = new Set(before.initiatives.map((initiative) => initiative.id));
  const moves: CutLineMove[] = [];
  for (const initiative of after.initiatives) {
    if (!beforeIds.has(initiative.id)) continue;
    const was = lineBefore.byId.get(initiative.id)?.above === true;
    const is = lineAfter.byId.get(initiative.id)?.above === true;
    if (was === is) continue;
    const rankBefore = ranksBefore.get(initiative.id);
    const rankAfter = ranksAfter.get(initiative.id);
    moves.push({
      id: initiative.id,
      name: initiative.name,
      direction: is ? 'in' : 'out',
      ...(rankBefore !== undefined && { rankBefore }),
      ...(rankAfter !== undefined && { rankAfter }),
    });
  }
  // In first, then by rank after (unranked last), then name.
  return moves.sort((a, b) => {
    if (a.direction !== b.direction) return a.direction === 'in' ? -1 : 1;
    const ra = a.rankAfter ?? Number.POSITIVE_INFINITY;
    const rb = b.rankAfter ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
    return byName(a, b);
  });
}

/**
 * The differences from `before` to `after`. The cut line is compared on `options.scenarioId`
 * (when both have it), else on the first scenario of `after` that `before` has too. Capacity is
 * compared for the teams and periods both have (a missing capacity is 0); the budget for the
 * periods both have.
 */
export function diffPortfolios(
  before: Portfolio,
  after: Portfolio,
  options?: { readonly scenarioId?: string },
): PortfolioDiff {
  const beforeById = new Map(before.initiatives.map((initiative) => [initiative.id, initiative]));
  const afterById = new Map(after.initiatives.map((initiative) => [initiative.id, initiative]));
  const added = after.initiatives
    .filter((initiative) => !beforeById.has(initiative.id))
    .map(({ id, name }) => ({ id, name }))
    .sort(byName);
  const removed = before.initiatives
    .filter((initiative) => !afterById.has(initiative.id))
    .map(({ id, name }) => ({ id, name }))
    .sort(byName);
  const changed = after.initiatives
    .flatMap((initiative) => {
      const earlier = beforeById.get(initiative.id);
      const change = earlier && initiativeChange(earlier, initiative, before, after);
      return change ? [change] : [];
    })
    .sort(byName);

  const inBoth = (id: string) =>
    before.scenarios.some((scenario) => scenario.id === id) &&
    after.scenarios.some((scenario) => scenario.id === id);
  const scenarioId =
    options?.scenarioId !== undefined && inBoth(options.scenarioId)
      ? options.scenarioId
      : after.scenarios.find((scenario) => inBoth(scenario.id))?.id;
  const scenario = after.scenarios.find((entry) => entry.id === scenarioId);
  const cutLine = scenarioId !== undefined ? cutLineMoves(before, after, scenarioId) : [];

  const periodsBefore = new Set(before.periods.map((period) => period.id));
  const periods = after.periods.filter((period) => periodsBefore.has(period.id));
  const capacity: CapacityChange[] = [];
  for (const team of after.teams) {
    const earlier = before.teams.find((entry) => entry.id === team.id);
    if (!earlier) continue;
    for (const period of periods) {
      const change = numberChange(earlier.capacity[period.id] ?? 0, team.capacity[period.id] ?? 0);
      if (change) {
        capacity.push({
          teamId: team.id,
          teamName: team.name,
          periodId: period.id,
          periodLabel: period.label,
          change,
        });
      }
    }
  }
  const budget: BudgetChange[] = [];
  for (const period of periods) {
    const was = before.budget?.[period.id];
    const is = after.budget?.[period.id];
    if (was === undefined && is === undefined) continue;
    if (was !== undefined && is !== undefined && Math.abs(was - is) <= TOLERANCE) continue;
    budget.push({
      periodId: period.id,
      periodLabel: period.label,
      change: { before: was, after: is },
    });
  }

  const known = new Set((before.decisions ?? []).map((decision) => decision.id));
  const decisions = (after.decisions ?? [])
    .map((decision, index) => ({ decision, index }))
    .filter(({ decision }) => !known.has(decision.id))
    .sort((a, b) =>
      a.decision.date !== b.decision.date
        ? a.decision.date < b.decision.date
          ? -1
          : 1
        : a.index - b.index,
    )
    .map(({ decision }) => ({ id: decision.id, date: decision.date, title: decision.title }));

  return {
    added,
    removed,
    changed,
    ...(scenario && { scenario: { id: scenario.id, name: scenario.name } }),
    cutLine,
    capacity,
    budget,
    decisions,
  };
}

/** Whether nothing changed. */
export function diffIsEmpty(diff: PortfolioDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.cutLine.length === 0 &&
    diff.capacity.length === 0 &&
    diff.budget.length === 0 &&
    diff.decisions.length === 0
  );
}

/** "A", "A and B", "A, B and C". */
/** How many entries a sentence names before it says "and N more" (the tables list them all). */
export const SENTENCE_ENTRIES = 4;

/** At most SENTENCE_ENTRIES entries: the first three and "N more" when there are more. */
function capped(entries: readonly string[]): string[] {
  if (entries.length <= SENTENCE_ENTRIES) return [...entries];
  const shown = entries.slice(0, SENTENCE_ENTRIES - 1);
  return [...shown, `${formatNumber(entries.length - shown.length, 0, 'en-GB')} more`];
}

function list(names: readonly string[]): string {
  const shown = capped(names);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Entries joined with semicolons, cut as `list` cuts them: "A; B; C; and 2 more". */
function series(entries: readonly string[]): string {
  const shown = capped(entries);
  if (shown.length < entries.length) {
    return `${shown.slice(0, -1).join('; ')}; and ${shown[shown.length - 1]}`;
  }
  return shown.join('; ');
}

function number(value: number): string {
  return formatNumber(value, 1, 'en-GB');
}

/**
 * The diff in a few plain sentences, one per kind of change (none when nothing changed). Each
 * sentence names at most SENTENCE_ENTRIES entries and counts the rest ("and 12 more").
 * `portfolio` (usually `after`) gives the currency and the capacity unit.
 */
export function diffSentences(diff: PortfolioDiff, portfolio?: Portfolio): string[] {
  const sentences: string[] = [];
  const currency = portfolio?.currency ? `${portfolio.currency} ` : '';
  const unit = portfolio?.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  if (diff.added.length > 0) {
    sentences.push(
      `Added ${plural(diff.added.length, 'initiative')}: ${list(diff.added.map((entry) => entry.name))}.`,
    );
  }
  if (diff.removed.length > 0) {
    sentences.push(
      `Removed ${plural(diff.removed.length, 'initiative')}: ${list(diff.removed.map((entry) => entry.name))}.`,
    );
  }
  if (diff.changed.length > 0) {
    const described = diff.changed.map((change) => {
      const parts = [
        change.renamed && `renamed from ${change.renamed.before}`,
        change.status && `status ${change.status.before} → ${change.status.after}`,
        change.value && `value ${number(change.value.before)} → ${number(change.value.after)}`,
        change.spend &&
          `spend ${currency}${number(change.spend.before)} → ${currency}${number(change.spend.after)}`,
        change.demand &&
          `demand ${number(change.demand.before)}${unit} → ${number(change.demand.after)}${unit}`,
      ].filter((part): part is string => typeof part === 'string');
      return `${change.name} (${parts.join(', ')})`;
    });
    sentences.push(`Changed ${plural(diff.changed.length, 'initiative')}: ${series(described)}.`);
  }
  if (diff.cutLine.length > 0) {
    const moved = (direction: 'in' | 'out') =>
      diff.cutLine.filter((move) => move.direction === direction).map((move) => move.name);
    const parts = [
      moved('in').length > 0 && `${list(moved('in'))} moved above it`,
      moved('out').length > 0 && `${list(moved('out'))} fell below it`,
    ].filter((part): part is string => typeof part === 'string');
    sentences.push(
      `The cut line${diff.scenario ? ` of ${diff.scenario.name}` : ''} moved: ${parts.join('; ')}.`,
    );
  }
  if (diff.capacity.length > 0) {
    sentences.push(
      `Capacity changed: ${series(
        diff.capacity.map(
          (entry) =>
            `${entry.teamName} in ${entry.periodLabel} ${number(entry.change.before)}${unit} → ${number(entry.change.after)}${unit}`,
        ),
      )}.`,
    );
  }
  if (diff.budget.length > 0) {
    const shown = (value: number | undefined) =>
      value === undefined ? 'none' : `${currency}${number(value)}`;
    sentences.push(
      `Budget changed: ${series(
        diff.budget.map(
          (entry) =>
            `${entry.periodLabel} ${shown(entry.change.before)} → ${shown(entry.change.after)}`,
        ),
      )}.`,
    );
  }
  if (diff.decisions.length > 0) {
    sentences.push(
      `${plural(diff.decisions.length, 'decision')} recorded: ${series(
        diff.decisions.map((decision) => `${decision.title} (${decision.date})`),
      )}.`,
    );
  }
  return sentences;
}
