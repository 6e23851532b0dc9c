import { describe, expect, it } from 'vitest';
import { portfolioScorer } from '../../shared/strategy/scoring';
import { localWeights } from '../../shared/strategy/weights';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { readPortfolioText, restorePortfolio } from '../../shared/portfolio/restore';
import { PORTFOLIO_FORMAT, PORTFOLIO_VERSION } from '../../shared/portfolio/types';
import type { Initiative } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';

const demo = DEMO_PORTFOLIO;
const TODAY = '2026-11-25';
const periodIds = demo.periods.map((period) => period.id);
const periodIndex = new Map(periodIds.map((id, index) => [id, index]));
const initiativeById = new Map(demo.initiatives.map((initiative) => [initiative.id, initiative]));
const themes = demo.objectives.filter((objective) => objective.parentId == null);
const objectives = demo.objectives.filter((objective) => objective.parentId != null);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Number of periods an initiative is active: longest demand array, spend, or duration. */
function lengthOf(initiative: Initiative): number {
  return Math.max(
    initiative.duration ?? 0,
    initiative.spend?.length ?? 0,
    ...Object.values(initiative.demand ?? {}).map((values) => values.length),
  );
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value))
    value.forEach((item, index) => numbersIn(item, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) numbersIn(item, `${path}.${key}`, out);
  }
  return out;
}

/** A dependency cycle found by depth-first search, or null. */
function findDependencyCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of initiativeById.get(id)?.dependsOn ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const initiative of demo.initiatives) {
    if (!state.has(initiative.id)) {
      const cycle = visit(initiative.id);
      if (cycle) return cycle;
    }
  }
  return null;
}

/**
 * Earliest period index an initiative can start: its fixed start, else its earliest start (or
 * the first period), and never before all its prerequisites have finished at their earliest.
 */
function earliestPossibleStart(id: string, memo = new Map<string, number>()): number {
  const known = memo.get(id);
  if (known !== undefined) return known;
  const initiative = initiativeById.get(id);
  if (!initiative) throw new Error(`unknown initiative ${id}`);
  let start = periodIndex.get(initiative.start ?? initiative.earliestStart ?? periodIds[0]!) ?? 0;
  for (const prerequisite of initiative.dependsOn ?? []) {
    const finish =
      earliestPossibleStart(prerequisite, memo) + lengthOf(initiativeById.get(prerequisite)!);
    start = Math.max(start, finish);
  }
  memo.set(id, start);
  return start;
}

describe('the demo portfolio', () => {
  it('has the advertised shape', () => {
    expect(demo.name).toMatch(/2027 portfolio$/);
    expect(demo.currency).toBe('EUR');
    expect(demo.capacityUnit).toBe('FTE');
    expect(periodIds).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    for (const period of demo.periods) {
      expect(period.start && period.end && period.start < period.end).toBe(true);
    }
    expect(themes).toHaveLength(3);
    expect(objectives).toHaveLength(8);
    for (const objective of objectives) {
      expect(objective.description, objective.id).toBeTruthy();
      expect(objective.measures?.length ?? 0, objective.id).toBeGreaterThanOrEqual(1);
      expect(objective.measures?.length ?? 0, objective.id).toBeLessThanOrEqual(2);
    }
    expect(demo.teams).toHaveLength(6);
    for (const team of demo.teams) {
      for (const periodId of periodIds) {
        expect(team.capacity[periodId], `${team.id} ${periodId}`).toBeGreaterThan(0);
      }
    }
    for (const periodId of periodIds) {
      expect(demo.budget?.[periodId], periodId).toBeGreaterThan(0);
    }
    expect(demo.initiatives.length).toBeGreaterThanOrEqual(55);
    expect(demo.initiatives.length).toBeLessThanOrEqual(65);
    expect(demo.scenarios).toHaveLength(2);
  });

  it('values every initiative by its model: typed scores on each typed criterion, fit computed', () => {
    const criteria = demo.scoring?.criteria ?? [];
    expect(demo.scoring?.model).toBe('weighted');
    expect(criteria.length).toBeGreaterThanOrEqual(3);
    expect(sum(criteria.map((criterion) => criterion.weight ?? 0))).toBeCloseTo(1, 9);
    expect(criteria.filter((criterion) => criterion.source === 'strategic-fit')).toHaveLength(1);
    const typed = criteria.filter((criterion) => criterion.source !== 'strategic-fit');
    const { score } = portfolioScorer(demo);
    for (const initiative of demo.initiatives) {
      expect(Object.keys(initiative.scores ?? {}).sort(), initiative.id).toEqual(
        typed.map((criterion) => criterion.id).sort(),
      );
      for (const value of Object.values(initiative.scores ?? {})) {
        expect(Number.isInteger(value) && value >= 1 && value <= 10, initiative.id).toBe(true);
      }
      const result = score(initiative);
      expect(result.modelValue, initiative.id).toBeGreaterThanOrEqual(0);
      expect(result.modelValue, initiative.id).toBeLessThanOrEqual(100);
    }
    // Typed values only where a business case tells the story.
    expect(
      demo.initiatives.filter((initiative) => initiative.value !== undefined).map((i) => i.id),
    ).toEqual(['data-lakehouse', 'route-optimization']);
    // The themes are weighed by pairwise comparison, consistently.
    const weights = localWeights(demo);
    expect(weights.objectives.get('customers')?.source).toBe('judgments');
    expect(weights.groups.find((group) => group.parentId === null)?.consistent).toBe(true);
  });

  it('has unique ids and references that all resolve', () => {
    expect(duplicates(periodIds)).toEqual([]);
    expect(duplicates(demo.teams.map((team) => team.id))).toEqual([]);
    expect(duplicates(demo.objectives.map((objective) => objective.id))).toEqual([]);
    expect(duplicates(demo.initiatives.map((initiative) => initiative.id))).toEqual([]);
    expect(duplicates(demo.scenarios.map((scenario) => scenario.id))).toEqual([]);

    const teamIds = new Set(demo.teams.map((team) => team.id));
    const objectiveIds = new Set(demo.objectives.map((objective) => objective.id));
    const themeIds = new Set(themes.map((theme) => theme.id));
    const criterionIds = new Set((demo.scoring?.criteria ?? []).map((criterion) => criterion.id));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => {
      if (!ok) missing.push(what);
    };

    for (const team of demo.teams) {
      for (const periodId of Object.keys(team.capacity)) need(periodIndex.has(periodId), periodId);
    }
    for (const periodId of Object.keys(demo.budget ?? {}))
      need(periodIndex.has(periodId), periodId);
    for (const objective of objectives) {
      need(themeIds.has(objective.parentId ?? ''), `${objective.id}.parentId`);
      const measureIds = (objective.measures ?? []).map((measure) => measure.id);
      need(duplicates(measureIds).length === 0, `${objective.id}.measures`);
    }
    for (const initiative of demo.initiatives) {
      const at = initiative.id;
      for (const link of initiative.objectives ?? []) {
        need(objectiveIds.has(link.id), `${at} objective ${link.id}`);
        need(
          Number.isInteger(link.contribution) && link.contribution >= 1 && link.contribution <= 3,
          `${at} contribution`,
        );
      }
      for (const teamId of Object.keys(initiative.demand ?? {}))
        need(teamIds.has(teamId), `${at} team ${teamId}`);
      for (const criterionId of Object.keys(initiative.scores ?? {})) {
        need(criterionIds.has(criterionId), `${at} criterion ${criterionId}`);
      }
      for (const periodId of [initiative.start, initiative.earliestStart, initiative.latestStart]) {
        if (periodId !== undefined) need(periodIndex.has(periodId), `${at} period ${periodId}`);
      }
      for (const other of [...(initiative.dependsOn ?? []), ...(initiative.excludes ?? [])]) {
        need(initiativeById.has(other) && other !== at, `${at} → ${other}`);
      }
      if (initiative.earliestStart && initiative.latestStart) {
        need(
          periodIndex.get(initiative.earliestStart)! <= periodIndex.get(initiative.latestStart)!,
          `${at} start window`,
        );
      }
    }
    for (const scenario of demo.scenarios) {
      need(duplicates(scenario.ranking).length === 0, `${scenario.id} ranked twice`);
      for (const id of scenario.ranking) need(initiativeById.has(id), `${scenario.id} ranks ${id}`);
    }
    for (const actual of demo.actuals ?? []) {
      need(initiativeById.has(actual.initiativeId), `actual ${actual.initiativeId}`);
      need(periodIndex.has(actual.periodId), `actual ${actual.periodId}`);
      for (const teamId of Object.keys(actual.effort ?? {}))
        need(teamIds.has(teamId), `actual team ${teamId}`);
    }
    expect(missing).toEqual([]);
  });

  it('has only finite, non-negative numbers', () => {
    const bad = numbersIn(demo, 'demo').filter(([, value]) => !Number.isFinite(value) || value < 0);
    expect(bad).toEqual([]);
  });

  it('has dependency chains without cycles', () => {
    expect(findDependencyCycle()).toBeNull();
    const links = sum(demo.initiatives.map((initiative) => initiative.dependsOn?.length ?? 0));
    expect(links).toBeGreaterThanOrEqual(12);
    expect(links).toBeLessThanOrEqual(15);
    const depth = (id: string): number =>
      Math.max(0, ...(initiativeById.get(id)?.dependsOn ?? []).map((other) => depth(other) + 1));
    expect(Math.max(...demo.initiatives.map((initiative) => depth(initiative.id)))).toBe(3);
  });

  it('has exactly one mutually exclusive pair', () => {
    const pairs = new Set<string>();
    for (const initiative of demo.initiatives) {
      for (const other of initiative.excludes ?? [])
        pairs.add([initiative.id, other].sort().join(' | '));
    }
    expect([...pairs]).toHaveLength(1);
  });

  it('forces regulatory work in and vetoed work out, with reasons', () => {
    const forcedIn = demo.initiatives.filter((initiative) => initiative.forced === 'in');
    const forcedOut = demo.initiatives.filter((initiative) => initiative.forced === 'out');
    expect(forcedIn.length).toBeGreaterThanOrEqual(2);
    expect(forcedOut.length).toBeGreaterThanOrEqual(1);
    for (const initiative of [...forcedIn, ...forcedOut]) {
      expect(initiative.forcedReason?.trim().length ?? 0, initiative.id).toBeGreaterThan(20);
    }
  });

  it('mixes statuses, with work under way starting in the past or current quarter', () => {
    const withStatus = (status: Initiative['status']) =>
      demo.initiatives.filter((initiative) => initiative.status === status);
    expect(withStatus('active').length).toBeGreaterThanOrEqual(3);
    for (const initiative of withStatus('active')) {
      expect(['2026-Q3', '2026-Q4'], initiative.id).toContain(initiative.start);
    }
    expect(withStatus('done').length).toBeGreaterThanOrEqual(1);
    expect(withStatus('cancelled').length).toBeGreaterThanOrEqual(1);
    expect(withStatus('proposed').length).toBeGreaterThan(withStatus('approved').length);
  });

  it('fits every initiative inside the horizon from its earliest possible start', () => {
    const tooLong: string[] = [];
    for (const initiative of demo.initiatives) {
      const length = lengthOf(initiative);
      const start = earliestPossibleStart(initiative.id);
      if (length < 1 || start + length > periodIds.length) tooLong.push(initiative.id);
      if (initiative.latestStart && start > periodIndex.get(initiative.latestStart)!) {
        tooLong.push(`${initiative.id} (latest start)`);
      }
      for (const values of Object.values(initiative.demand ?? {})) {
        if (values.length > 4) tooLong.push(`${initiative.id} (demand)`);
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('asks for more than the teams can give, most of all from the bottleneck teams', () => {
    const ratio = (teamId: string) =>
      sum(demo.initiatives.map((initiative) => sum(initiative.demand?.[teamId] ?? []))) /
      sum(
        periodIds.map(
          (periodId) => demo.teams.find((team) => team.id === teamId)!.capacity[periodId] ?? 0,
        ),
      );
    const totalDemand = sum(
      demo.initiatives.flatMap((initiative) => Object.values(initiative.demand ?? {}).map(sum)),
    );
    const totalCapacity = sum(
      demo.teams.flatMap((team) => periodIds.map((id) => team.capacity[id] ?? 0)),
    );
    expect(totalDemand / totalCapacity).toBeGreaterThanOrEqual(1.3);
    expect(totalDemand / totalCapacity).toBeLessThanOrEqual(1.8);
    const byRatio = demo.teams.map((team) => team.id).sort((a, b) => ratio(b) - ratio(a));
    expect(byRatio.slice(0, 2).sort()).toEqual(['data-analytics', 'platform']);

    const totalSpend = sum(demo.initiatives.map((initiative) => sum(initiative.spend ?? [])));
    const totalBudget = sum(periodIds.map((id) => demo.budget?.[id] ?? 0));
    expect(totalSpend).toBeGreaterThan(totalBudget);
  });

  it('leaves a few initiatives unaligned', () => {
    const unaligned = demo.initiatives.filter(
      (initiative) => (initiative.objectives ?? []).length === 0,
    );
    expect(unaligned.length).toBeGreaterThanOrEqual(2);
    expect(unaligned.length).toBeLessThanOrEqual(5);
  });

  it('ranks every open initiative in both scenarios, differently', () => {
    const open = demo.initiatives
      .filter((initiative) => initiative.status !== 'done' && initiative.status !== 'cancelled')
      .map((initiative) => initiative.id)
      .sort();
    for (const scenario of demo.scenarios) expect([...scenario.ranking].sort()).toEqual(open);
    expect(demo.scenarios[0]!.ranking).not.toEqual(demo.scenarios[1]!.ranking);
  });

  it('records actuals only for past and current periods, within team capacity', () => {
    const actuals = demo.actuals ?? [];
    expect(actuals.length).toBeGreaterThan(0);
    const started = new Set(
      periodIds.filter((id) => demo.periods[periodIndex.get(id)!]!.start! <= TODAY),
    );
    expect([...started]).toEqual(['2026-Q3', '2026-Q4']);
    const used = new Map<string, number>();
    for (const actual of actuals) {
      expect(started.has(actual.periodId), `${actual.initiativeId} ${actual.periodId}`).toBe(true);
      const status = initiativeById.get(actual.initiativeId)?.status;
      expect(['active', 'done'], actual.initiativeId).toContain(status);
      expect(actual.progress ?? 0).toBeLessThanOrEqual(1);
      for (const [teamId, effort] of Object.entries(actual.effort ?? {})) {
        const key = `${teamId} ${actual.periodId}`;
        used.set(key, (used.get(key) ?? 0) + effort);
      }
    }
    for (const [key, effort] of used) {
      const [teamId, periodId] = key.split(' ') as [string, string];
      expect(effort, key).toBeLessThanOrEqual(
        demo.teams.find((team) => team.id === teamId)!.capacity[periodId]!,
      );
    }
  });

  it('is read back whole by the portfolio reader', () => {
    const document = {
      format: PORTFOLIO_FORMAT,
      version: PORTFOLIO_VERSION,
      ...(JSON.parse(JSON.stringify(DEMO_PORTFOLIO)) as object),
    };
    const restored = restorePortfolio(document);
    expect(restored.ok ? [] : restored.errors).toEqual([]);
    if (restored.ok) expect(restored.portfolio).toEqual(JSON.parse(JSON.stringify(DEMO_PORTFOLIO)));

    const fromFile = readPortfolioText(writePortfolio(DEMO_PORTFOLIO));
    expect(fromFile.ok ? [] : fromFile.errors).toEqual([]);
  });
});
