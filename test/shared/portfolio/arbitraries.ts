/**
 * Generated valid portfolios for property tests: ≤ 12 initiatives, ≤ 4 teams, ≤ 6 periods, with
 * windows, fixed starts, dependencies on earlier initiatives, exclusions, forced items and values;
 * no initiative longer than the plan.
 */
import fc from 'fast-check';
import type { Initiative, Portfolio, Scenario, Team } from '../../../shared/portfolio/types';

/** A value one time in eight, otherwise undefined. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary, weight: 1 });
}

/** A value one time in four, otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });
}

/** A value three times in four, otherwise undefined. */
function often<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary, weight: 3 });
}

/** Amounts in tenths, like the FTE and money figures people type. */
const amount = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);

/** Keeps the defined values of `values`, keyed by the matching entry of `keys`. */
function recordOf<T>(keys: readonly string[], values: readonly (T | undefined)[]) {
  const entries = keys.flatMap((key, index) => {
    const value = values[index];
    return value === undefined ? [] : [[key, value] as const];
  });
  return Object.fromEntries(entries) as Record<string, T>;
}

function initiativeArbitrary(index: number, ids: string[], teamIds: string[], periodIds: string[]) {
  const periodIndex = fc.integer({ min: 0, max: periodIds.length - 1 });
  // An initiative fits the plan: it runs at most as many periods as there are.
  const longest = Math.min(3, periodIds.length);
  return fc
    .record({
      demand: often(
        fc.array(often(fc.array(amount(5), { maxLength: longest })), {
          minLength: teamIds.length,
          maxLength: teamIds.length,
        }),
      ),
      spend: often(fc.array(amount(40), { maxLength: longest })),
      duration: sometimes(fc.integer({ min: 0, max: longest })),
      earliest: sometimes(periodIndex),
      latest: sometimes(periodIndex),
      start: rarely(periodIndex),
      dependsOn: fc.option(fc.subarray(ids.slice(0, index), { maxLength: Math.min(2, index) }), {
        nil: undefined,
        freq: 2,
      }),
      excludes: sometimes(
        fc.subarray(
          ids.filter((_, other) => other !== index),
          { maxLength: Math.min(2, ids.length - 1) },
        ),
      ),
      forced: rarely(fc.constantFrom('in' as const, 'out' as const)),
      status: fc.oneof(
        { arbitrary: fc.constant('proposed' as const), weight: 6 },
        fc.constantFrom('approved' as const, 'active' as const, 'done' as const),
        fc.constant('cancelled' as const),
      ),
      value: often(fc.integer({ min: 0, max: 100 })),
    })
    .map((fields): Initiative => {
      const [earliest, latest] =
        fields.earliest !== undefined && fields.latest !== undefined
          ? [Math.min(fields.earliest, fields.latest), Math.max(fields.earliest, fields.latest)]
          : [fields.earliest, fields.latest];
      const id = ids[index] as string;
      return {
        id,
        name: `Initiative ${index + 1}`,
        status: fields.status,
        ...(fields.demand && { demand: recordOf(teamIds, fields.demand) }),
        ...(fields.spend && { spend: fields.spend }),
        ...(fields.duration !== undefined && { duration: fields.duration }),
        ...(earliest !== undefined && { earliestStart: periodIds[earliest] as string }),
        ...(latest !== undefined && { latestStart: periodIds[latest] as string }),
        ...(fields.start !== undefined && { start: periodIds[fields.start] as string }),
        ...(fields.dependsOn?.length && { dependsOn: fields.dependsOn }),
        ...(fields.excludes?.length && { excludes: fields.excludes }),
        ...(fields.forced && { forced: fields.forced }),
        ...(fields.value !== undefined && { value: fields.value }),
      };
    });
}

/** Valid portfolios: ≤ 12 initiatives, ≤ 4 teams, ≤ 6 periods, dependencies only on earlier ones. */
export const portfolioArbitrary: fc.Arbitrary<Portfolio> = fc
  .record({
    periodCount: fc.oneof({ arbitrary: fc.integer({ min: 2, max: 6 }), weight: 5 }, fc.constant(1)),
    teamCount: fc.integer({ min: 1, max: 4 }),
    initiativeCount: fc.integer({ min: 0, max: 12 }),
  })
  .chain(({ periodCount, teamCount, initiativeCount }) => {
    const periodIds = Array.from({ length: periodCount }, (_, i) => `P${i + 1}`);
    const teamIds = Array.from({ length: teamCount }, (_, i) => `team-${i + 1}`);
    const ids = Array.from({ length: initiativeCount }, (_, i) => `i${i + 1}`);
    const perPeriod = (value: fc.Arbitrary<number>) =>
      fc.array(often(value), { minLength: periodCount, maxLength: periodCount });
    return fc.record({
      teams: fc.tuple(
        ...teamIds.map((id, i) =>
          perPeriod(amount(10)).map((capacity): Team => ({
            id,
            name: `Team ${i + 1}`,
            capacity: recordOf(periodIds, capacity),
          })),
        ),
      ),
      budget: fc.option(
        perPeriod(amount(60)).map((values) => recordOf(periodIds, values)),
        { nil: undefined, freq: 2 },
      ),
      initiatives: fc.tuple(
        ...ids.map((_, index) => initiativeArbitrary(index, ids, teamIds, periodIds)),
      ),
      scenarios: fc
        .array(fc.shuffledSubarray(ids), { maxLength: 2 })
        .map((rankings) =>
          rankings.map((ranking, i): Scenario => ({ id: `s${i + 1}`, name: `S${i + 1}`, ranking })),
        ),
      periodIds: fc.constant(periodIds),
    });
  })
  .map(({ teams, budget, initiatives, scenarios, periodIds }): Portfolio => ({
    name: 'Generated',
    capacityUnit: 'FTE',
    currency: 'EUR',
    periods: periodIds.map((id, i) => ({ id, label: `Period ${i + 1}` })),
    teams,
    ...(budget && { budget }),
    objectives: [],
    initiatives,
    scenarios,
  }));
