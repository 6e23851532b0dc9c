/**
 * An independent feasibility checker for optimizer plans: it reads only the portfolio and the
 * plan's `{ id, start }` list and recomputes every rule of `optimize` from the file format's
 * documentation. It shares no code with the optimizer.
 */
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';

const SLACK = 1e-6;

function durationOf(initiative: Initiative): number {
  const lengths = [
    initiative.duration ?? 0,
    initiative.spend?.length ?? 0,
    ...Object.values(initiative.demand ?? {}).map((list) => list.length),
  ];
  return Math.max(1, ...lengths);
}

/** Every broken rule of the plan, as a sentence; empty when the plan is feasible. */
export function planViolations(
  portfolio: Portfolio,
  selected: readonly { readonly id: string; readonly start: string }[],
): string[] {
  const problems: string[] = [];
  const periodOf = new Map(portfolio.periods.map((period, index) => [period.id, index]));
  const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
  const chosen = new Map<string, number>();
  for (const { id, start } of selected) {
    if (chosen.has(id)) problems.push(`${id} is selected twice`);
    const index = periodOf.get(start);
    if (!byId.has(id)) problems.push(`${id} is not an initiative`);
    if (index === undefined) problems.push(`${id} starts in unknown period ${start}`);
    else chosen.set(id, index);
  }
  const last = portfolio.periods.length - 1;
  const used = new Map<string, number>();
  const spent = new Map<number, number>();
  for (const [id, start] of chosen) {
    const item = byId.get(id);
    if (!item) continue;
    const duration = durationOf(item);
    const end = start + duration - 1;
    if (item.forced === 'out') problems.push(`${id} is forced out but selected`);
    if (item.status === 'cancelled') problems.push(`${id} is cancelled but selected`);
    if (end > last) problems.push(`${id} ends after the last period`);
    if (item.start !== undefined && periodOf.get(item.start) !== start) {
      problems.push(`${id} does not start at its fixed start`);
    }
    if (item.earliestStart !== undefined && start < (periodOf.get(item.earliestStart) as number)) {
      problems.push(`${id} starts before its earliest start`);
    }
    if (item.latestStart !== undefined && start > (periodOf.get(item.latestStart) as number)) {
      problems.push(`${id} starts after its latest start`);
    }
    for (const prerequisite of item.dependsOn ?? []) {
      const before = chosen.get(prerequisite);
      const other = byId.get(prerequisite);
      if (before === undefined || !other) {
        problems.push(`${id} needs ${prerequisite}, which is not selected`);
      } else if (before + durationOf(other) - 1 >= start) {
        problems.push(`${id} starts before ${prerequisite} finishes`);
      }
    }
    for (const other of item.excludes ?? []) {
      if (chosen.has(other)) problems.push(`${id} and ${other} exclude each other`);
    }
    for (const [team, list] of Object.entries(item.demand ?? {})) {
      list.forEach((amount, k) => {
        const key = `${team}|${start + k}`;
        used.set(key, (used.get(key) ?? 0) + amount);
      });
    }
    (item.spend ?? []).forEach((amount, k) => {
      spent.set(start + k, (spent.get(start + k) ?? 0) + amount);
    });
  }
  for (const item of portfolio.initiatives) {
    if (item.forced === 'in' && item.status !== 'cancelled' && !chosen.has(item.id))
      problems.push(`${item.id} is forced in but not selected`);
    const committed =
      (item.status === 'active' || item.status === 'done') &&
      item.forced !== 'out' &&
      item.status !== undefined;
    if (committed && !chosen.has(item.id)) {
      problems.push(`${item.id} is committed (${item.status}) but not selected`);
    }
  }
  for (const [key, amount] of used) {
    const [team, p] = key.split('|') as [string, string];
    const period = portfolio.periods[Number(p)];
    const capacity = portfolio.teams.find((t) => t.id === team)?.capacity[period?.id ?? ''] ?? 0;
    if (amount > capacity + SLACK)
      problems.push(`${team} over capacity in ${period?.id}: ${amount} > ${capacity}`);
  }
  for (const [p, amount] of spent) {
    const period = portfolio.periods[p];
    const limit = portfolio.budget?.[period?.id ?? ''];
    if (limit !== undefined && amount > limit + SLACK) {
      problems.push(`over budget in ${period?.id}: ${amount} > ${limit}`);
    }
  }
  return problems;
}

/** Total value of a plan, from the initiatives' explicit values (0 when absent). */
export function planValue(
  portfolio: Portfolio,
  selected: readonly { readonly id: string }[],
): number {
  return selected.reduce(
    (sum, { id }) => sum + (portfolio.initiatives.find((item) => item.id === id)?.value ?? 0),
    0,
  );
}
