/**
 * Invariants of the cut line over generated valid portfolios. The checks below recompute
 * everything from the portfolio and the placements alone; they share no code with the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initiativeDuration } from '../../../shared/portfolio/measures';
import { checkPortfolioRules } from '../../../shared/portfolio/rules';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { portfolioArbitrary } from '../portfolio/arbitraries';
import {
  computeCutLine,
  cutLineReport,
  lineOf,
  scenarioCutLine,
  type AbovePlacement,
  type CutLine,
  type Placement,
} from '../../../shared/prioritize/cutline';

const TOLERANCE = 1e-9;
const RUNS = { numRuns: 400 };

const durationOf = (initiative: Initiative) => Math.max(1, initiativeDuration(initiative));

/** Committed (active or done, not forced out) or forced in, and not cancelled: placed first. */
function pinnedByRule(initiative: Initiative | undefined): boolean {
  if (!initiative || initiative.status === 'cancelled') return false;
  if (initiative.forced === 'in') return true;
  return (
    (initiative.status === 'active' || initiative.status === 'done') && initiative.forced !== 'out'
  );
}

/** The stack as the rules describe it: ranked ids, then the rest in file order; pinned first. */
function expectedStack(portfolio: Portfolio): string[] {
  const ids = portfolio.initiatives.map((item) => item.id);
  const ranking = portfolio.scenarios[0]?.ranking ?? [];
  const stack = [...new Set([...ranking, ...ids])];
  const pinned = new Set(portfolio.initiatives.filter(pinnedByRule).map((item) => item.id));
  return [...stack.filter((id) => pinned.has(id)), ...stack.filter((id) => !pinned.has(id))];
}

function byIdOf(portfolio: Portfolio): Map<string, Initiative> {
  return new Map(portfolio.initiatives.map((item) => [item.id, item]));
}

const aboveOf = (cutLine: CutLine) =>
  cutLine.placements.filter((placement): placement is AbovePlacement => placement.above);

/** Capacity per team and spend per period taken by `placements` that are above the line. */
function usageOf(portfolio: Portfolio, placements: readonly Placement[]) {
  const initiatives = byIdOf(portfolio);
  const periodCount = portfolio.periods.length;
  const teams = new Map(
    portfolio.teams.map((team) => [team.id, new Array<number>(periodCount).fill(0)]),
  );
  const spend = new Array<number>(periodCount).fill(0);
  for (const placement of placements) {
    if (!placement.above) continue;
    const initiative = initiatives.get(placement.id) as Initiative;
    for (let k = 0; k < durationOf(initiative); k += 1) {
      const p = placement.startIndex + k;
      for (const [team, amounts] of Object.entries(initiative.demand ?? {})) {
        const used = teams.get(team) as number[];
        used[p] = (used[p] as number) + (amounts[k] ?? 0);
      }
      spend[p] = (spend[p] as number) + (initiative.spend?.[k] ?? 0);
    }
  }
  return { teams, spend };
}

/** Period index bounds the rules allow for `initiative` given where its prerequisites ended. */
function allowedWindow(
  portfolio: Portfolio,
  initiative: Initiative,
  prerequisitesEnd: number,
): { low: number; high: number } {
  const index = (id: string | undefined) =>
    id === undefined ? undefined : portfolio.periods.findIndex((period) => period.id === id);
  const periodCount = portfolio.periods.length;
  let low = Math.max(prerequisitesEnd + 1, index(initiative.earliestStart) ?? 0);
  let high = Math.min(
    index(initiative.latestStart) ?? periodCount - 1,
    periodCount - durationOf(initiative),
  );
  const fixed = index(initiative.start);
  if (fixed !== undefined) {
    if (fixed < low || fixed > high) return { low: 1, high: 0 };
    low = fixed;
    high = fixed;
  }
  return { low, high };
}

/** The first team (file order) or budget short in the earliest period, at `start`; or undefined. */
function firstShortfall(
  portfolio: Portfolio,
  initiative: Initiative,
  start: number,
  taken: ReturnType<typeof usageOf>,
) {
  for (let k = 0; k < durationOf(initiative); k += 1) {
    const period = portfolio.periods[start + k]?.id as string;
    for (const team of portfolio.teams) {
      const need = initiative.demand?.[team.id]?.[k] ?? 0;
      const left =
        (team.capacity[period] ?? 0) -
        ((taken.teams.get(team.id) as number[])[start + k] as number);
      if (need > left + TOLERANCE) {
        return { kind: 'capacity', team: team.id, period, short: need - Math.max(0, left) };
      }
    }
    const limit = portfolio.budget?.[period];
    const cost = initiative.spend?.[k] ?? 0;
    const left = limit === undefined ? Infinity : limit - (taken.spend[start + k] as number);
    if (cost > left + TOLERANCE) {
      return { kind: 'budget', period, short: cost - Math.max(0, left) };
    }
  }
  return undefined;
}

function excludes(portfolio: Portfolio, a: string, b: string): boolean {
  const initiatives = byIdOf(portfolio);
  return (
    (initiatives.get(a)?.excludes ?? []).includes(b) ||
    (initiatives.get(b)?.excludes ?? []).includes(a)
  );
}

/** Returns a copy in which every object has its keys in reverse order (arrays keep their order). */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reverseKeys(inner)]),
    ) as T;
  }
  return value;
}

describe('cut line properties', () => {
  it('generates valid portfolios', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        expect(checkPortfolioRules(portfolio)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(a) never exceeds a team’s capacity or the budget in any period', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const taken = usageOf(portfolio, cutLine.placements);
        portfolio.periods.forEach((period, p) => {
          for (const team of portfolio.teams) {
            const used = (taken.teams.get(team.id) as number[])[p] as number;
            expect(used).toBeLessThanOrEqual((team.capacity[period.id] ?? 0) + TOLERANCE);
            expect(cutLine.usage[team.id]?.[p]).toBeCloseTo(used, 9);
          }
          const limit = portfolio.budget?.[period.id];
          if (limit !== undefined) expect(taken.spend[p]).toBeLessThanOrEqual(limit + TOLERANCE);
          expect(cutLine.spend[p]).toBeCloseTo(taken.spend[p] as number, 9);
        });
      }),
      RUNS,
    );
  });

  it('(b) places an initiative above only with its prerequisites above and finished before it starts', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const initiatives = byIdOf(portfolio);
        for (const placement of aboveOf(cutLine)) {
          for (const prerequisite of initiatives.get(placement.id)?.dependsOn ?? []) {
            const before = cutLine.byId.get(prerequisite);
            expect(before?.above).toBe(true);
            const end =
              (before as AbovePlacement).startIndex +
              durationOf(initiatives.get(prerequisite) as Initiative) -
              1;
            expect(end).toBeLessThan(placement.startIndex);
          }
        }
      }),
      RUNS,
    );
  });

  it('(c) never puts both of a mutually exclusive pair above', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const above = aboveOf(scenarioCutLine(portfolio)).map((placement) => placement.id);
        for (const a of above) {
          for (const b of above) expect(excludes(portfolio, a, b)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('(d) moving an above-line card up, but not above its own prerequisites, keeps it above', () => {
    fc.assert(
      fc.property(portfolioArbitrary, fc.nat(), fc.nat(), (portfolio, pick, to) => {
        const stack = expectedStack(portfolio);
        const cutLine = computeCutLine(portfolio, stack);
        const initiatives = byIdOf(portfolio);
        const prerequisitesOf = (id: string): string[] =>
          (initiatives.get(id)?.dependsOn ?? []).flatMap((p) => [p, ...prerequisitesOf(p)]);
        const firstMovable = stack.filter((id) => pinnedByRule(initiatives.get(id))).length;
        const candidates = aboveOf(cutLine)
          .map((placement) => placement.id)
          .filter(
            (id) => initiatives.get(id)?.forced === undefined && !pinnedByRule(initiatives.get(id)),
          );
        if (candidates.length === 0) return;
        const card = candidates[pick % candidates.length] as string;
        const from = stack.indexOf(card);
        const lowest = Math.max(
          firstMovable,
          ...prerequisitesOf(card).map((prerequisite) => stack.indexOf(prerequisite) + 1),
        );
        if (lowest >= from) return;
        const target = lowest + (to % (from - lowest));
        const moved = stack.filter((id) => id !== card);
        moved.splice(target, 0, card);
        expect(computeCutLine(portfolio, moved).byId.get(card)?.above).toBe(true);
      }),
      RUNS,
    );
  });

  it('(e) does not depend on the order of keys in any object', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const reversed = reverseKeys(portfolio);
        expect(Object.keys(reversed)).toEqual(Object.keys(portfolio).reverse());
        for (const scenarioId of [undefined, ...portfolio.scenarios.map((s) => s.id)]) {
          const original = scenarioCutLine(portfolio, scenarioId);
          const other = scenarioCutLine(reversed, scenarioId);
          expect(cutLineReport(reversed, other)).toEqual(cutLineReport(portfolio, original));
          expect(other.placements).toEqual(original.placements);
        }
      }),
      RUNS,
    );
  });

  it('(f) places every initiative exactly once, in the stack order or pulled up by a dependant', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const placedIds = cutLine.placements.map((placement) => placement.id);
        expect([...placedIds].sort()).toEqual(portfolio.initiatives.map((item) => item.id).sort());
        expect(cutLine.byId.size).toBe(portfolio.initiatives.length);
        // Without pulls, the placements follow the stack exactly.
        const pulled = new Set(
          cutLine.placements.filter((placement) => placement.pulledBy).map((p) => p.id),
        );
        expect(placedIds.filter((id) => !pulled.has(id))).toEqual(
          expectedStack(portfolio).filter((id) => !pulled.has(id)),
        );
      }),
      RUNS,
    );
  });

  it('(g) starts above-line initiatives inside their window and finishes them by the last period', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const initiatives = byIdOf(portfolio);
        const index = (id: string) => portfolio.periods.findIndex((period) => period.id === id);
        for (const placement of aboveOf(cutLine)) {
          const initiative = initiatives.get(placement.id) as Initiative;
          const { startIndex, endIndex } = placement;
          expect(placement.start).toBe(portfolio.periods[startIndex]?.id);
          expect(endIndex).toBe(startIndex + durationOf(initiative) - 1);
          expect(endIndex).toBeLessThan(portfolio.periods.length);
          if (initiative.earliestStart) {
            expect(startIndex).toBeGreaterThanOrEqual(index(initiative.earliestStart));
          }
          if (initiative.latestStart) {
            expect(startIndex).toBeLessThanOrEqual(index(initiative.latestStart));
          }
          if (initiative.start) expect(placement.start).toBe(initiative.start);
        }
      }),
      RUNS,
    );
  });

  it('(h) every decision holds when replayed: earliest fitting start, or a true reason', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const initiatives = byIdOf(portfolio);
        cutLine.placements.forEach((placement, position) => {
          const initiative = initiatives.get(placement.id) as Initiative;
          const before = cutLine.placements.slice(0, position);
          const aboveBefore = new Set(before.filter((p) => p.above).map((p) => p.id));
          const reason = placement.above ? undefined : placement.reason;
          if (initiative.status === 'cancelled') {
            expect(reason).toEqual({ kind: 'cancelled' });
            return;
          }
          if (reason?.kind === 'forced-out' || initiative.forced === 'out') {
            expect(reason).toEqual({ kind: 'forced-out' });
            return;
          }
          if (reason?.kind === 'excluded') {
            expect(aboveBefore.has(reason.by) && excludes(portfolio, placement.id, reason.by)).toBe(
              true,
            );
            return;
          }
          const prerequisites = initiative.dependsOn ?? [];
          if (reason?.kind === 'needs') {
            expect(prerequisites).toContain(reason.prerequisite);
            expect(cutLine.byId.get(reason.prerequisite)?.above).toBe(false);
            return;
          }
          // Neither excluded nor missing a prerequisite: the rest is about time and room.
          for (const other of aboveBefore)
            expect(excludes(portfolio, placement.id, other)).toBe(false);
          const ends = prerequisites.map((id) => {
            const prerequisite = cutLine.byId.get(id);
            expect(prerequisite?.above && aboveBefore.has(id)).toBe(true);
            return (prerequisite as AbovePlacement).endIndex;
          });
          const { low, high } = allowedWindow(portfolio, initiative, Math.max(-1, ...ends));
          if (reason?.kind === 'no-start') {
            expect(low).toBeGreaterThan(high);
            return;
          }
          const taken = usageOf(portfolio, before);
          const fitsAt = (start: number) =>
            firstShortfall(portfolio, initiative, start, taken) === undefined;
          const firstFit = Array.from(
            { length: Math.max(0, high - low + 1) },
            (_, k) => low + k,
          ).find(fitsAt);
          if (placement.above) {
            expect(placement.startIndex).toBe(firstFit);
          } else {
            expect(firstFit).toBeUndefined();
            const expected = firstShortfall(portfolio, initiative, low, taken);
            expect(reason?.kind).toBe(expected?.kind);
            expect(reason).toMatchObject({ ...expected, short: expect.any(Number) });
            expect((reason as { short: number }).short).toBeCloseTo(expected?.short ?? NaN, 9);
          }
        });
      }),
      RUNS,
    );
  });

  it('(i) never places cancelled work, and never counts it above or in a gap', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const order = expectedStack(portfolio);
        const cutLine = computeCutLine(portfolio, order);
        const line = lineOf(portfolio, cutLine, order);
        for (const initiative of portfolio.initiatives) {
          if (initiative.status !== 'cancelled') continue;
          expect(cutLine.byId.get(initiative.id)).toMatchObject({
            above: false,
            reason: { kind: 'cancelled' },
          });
          expect(line.below).toContain(initiative.id);
        }
      }),
      RUNS,
    );
  });

  it('(j) places committed and forced-in work first: only prerequisites they pull up come between', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const cutLine = scenarioCutLine(portfolio);
        const initiatives = byIdOf(portfolio);
        const pinned = cutLine.placements.filter((p) => pinnedByRule(initiatives.get(p.id)));
        const last = cutLine.placements.indexOf(pinned[pinned.length - 1] as Placement);
        cutLine.placements.slice(0, last + 1).forEach((placement) => {
          if (pinnedByRule(initiatives.get(placement.id))) return;
          expect(placement.pulledBy).toBeDefined();
        });
        // Committed work leaves the plan only when it does not fit, and then it says why.
        for (const placement of pinned) {
          if (placement.above) continue;
          expect(['capacity', 'budget', 'no-start', 'needs', 'excluded']).toContain(
            placement.reason.kind,
          );
        }
      }),
      RUNS,
    );
  });

  it('(k) one line: above, in a gap and below partition the stack the way the board draws it', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (portfolio) => {
        const order = expectedStack(portfolio);
        const cutLine = computeCutLine(portfolio, order);
        const line = lineOf(portfolio, cutLine, order);
        const all = [...line.above, ...line.gap, ...line.below];
        expect([...all].sort()).toEqual(portfolio.initiatives.map((item) => item.id).sort());
        expect(new Set(all).size).toBe(all.length);
        expect([...line.pinned, ...line.rankable]).toEqual(order);
        const placedAbove = new Set(aboveOf(cutLine).map((p) => p.id));
        for (const id of [...line.above, ...line.gap]) expect(placedAbove.has(id)).toBe(true);
        for (const id of line.below) expect(placedAbove.has(id)).toBe(false);
        // In front of the line every rankable card is placed or out by a decision.
        line.rankable.slice(0, line.lineIndex).forEach((id) => {
          const placement = cutLine.byId.get(id) as Placement;
          if (placement.above) expect(line.above).toContain(id);
          else expect(['cancelled', 'forced-out', 'excluded']).toContain(placement.reason.kind);
        });
        // The card at the line does not fit for want of room, time or a prerequisite.
        const atLine = line.rankable[line.lineIndex];
        if (atLine !== undefined) {
          const placement = cutLine.byId.get(atLine) as Placement;
          expect(placement.above).toBe(false);
          if (!placement.above) {
            expect(['capacity', 'budget', 'no-start', 'needs']).toContain(placement.reason.kind);
          }
        }
        // A gap-filler sits behind the line and was not pulled up by work in front of it.
        for (const id of line.gap) {
          expect(line.rankable.indexOf(id)).toBeGreaterThan(line.lineIndex);
        }
      }),
      RUNS,
    );
  });
});
