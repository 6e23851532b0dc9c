/** Search, filter and sort of the initiative list, as a pure function of the portfolio. */
import {
  initiativeDuration,
  initiativeValue,
  totalEffort,
  totalSpend,
} from '../../../shared/portfolio/measures';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import type { InitiativeQuery } from '../../state/slices/uiSlice';

export type InitiativeListRow = {
  readonly initiative: Initiative;
  /** Position in the portfolio's list, from 1. */
  readonly order: number;
  readonly value: number | undefined;
  readonly spend: number;
  readonly effort: number;
  readonly duration: number;
  readonly teamIds: readonly string[];
};

const STATUS_ORDER = ['active', 'approved', 'proposed', 'done', 'cancelled'];

function matchesSearch(initiative: Initiative, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [
    initiative.name,
    initiative.id,
    initiative.owner ?? '',
    initiative.description ?? '',
  ].some((text) => text.toLowerCase().includes(needle));
}

function matchesFlag(initiative: Initiative, flag: InitiativeQuery['flag']): boolean {
  switch (flag) {
    case 'all':
      return true;
    case 'forced-in':
      return initiative.forced === 'in';
    case 'forced-out':
      return initiative.forced === 'out';
    case 'has-dependencies':
      return (initiative.dependsOn?.length ?? 0) > 0;
    case 'fixed-start':
      return initiative.start !== undefined;
  }
}

/** The rows of the initiative list for a query: filtered, then sorted (stable). */
export function queryInitiatives(
  portfolio: Portfolio,
  query: InitiativeQuery,
): InitiativeListRow[] {
  const rows = portfolio.initiatives.map((initiative, index): InitiativeListRow => ({
    initiative,
    order: index + 1,
    value: initiativeValue(initiative, portfolio),
    spend: totalSpend(initiative),
    effort: totalEffort(initiative),
    duration: initiativeDuration(initiative),
    teamIds: Object.keys(initiative.demand ?? {}).filter((teamId) =>
      (initiative.demand?.[teamId] ?? []).some((amount) => amount > 0),
    ),
  }));
  const filtered = rows.filter(({ initiative, teamIds }) => {
    if (!matchesSearch(initiative, query.search)) return false;
    if (query.status !== 'all' && initiative.status !== query.status) return false;
    if (query.objectiveId === 'none' && (initiative.objectives?.length ?? 0) > 0) return false;
    if (
      query.objectiveId !== 'all' &&
      query.objectiveId !== 'none' &&
      !initiative.objectives?.some((link) => link.id === query.objectiveId)
    ) {
      return false;
    }
    if (query.teamId !== 'all' && !teamIds.includes(query.teamId)) return false;
    return matchesFlag(initiative, query.flag);
  });
  const direction = query.descending ? -1 : 1;
  const compare = (a: InitiativeListRow, b: InitiativeListRow): number => {
    switch (query.sort) {
      case 'order':
        return a.order - b.order;
      case 'name':
        return a.initiative.name.localeCompare(b.initiative.name);
      case 'status':
        return (
          STATUS_ORDER.indexOf(a.initiative.status) - STATUS_ORDER.indexOf(b.initiative.status)
        );
      case 'value':
        return (a.value ?? -Infinity) - (b.value ?? -Infinity);
      case 'spend':
        return a.spend - b.spend;
      case 'duration':
        return a.duration - b.duration;
      case 'effort':
        return a.effort - b.effort;
    }
  };
  return filtered
    .map((row, index) => ({ row, index }))
    .sort((a, b) => direction * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
