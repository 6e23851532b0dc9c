import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { queryInitiatives } from '../../../renderer/areas/portfolio/initiative-query';
import { DEFAULT_INITIATIVE_QUERY } from '../../../renderer/state/slices/uiSlice';

describe('queryInitiatives', () => {
  it('lists every initiative in file order by default', () => {
    const rows = queryInitiatives(DEMO_PORTFOLIO, DEFAULT_INITIATIVE_QUERY);
    expect(rows.map((row) => row.initiative.id)).toEqual(
      DEMO_PORTFOLIO.initiatives.map((initiative) => initiative.id),
    );
  });

  it('sorts by value, highest first, ties in file order', () => {
    const rows = queryInitiatives(DEMO_PORTFOLIO, {
      ...DEFAULT_INITIATIVE_QUERY,
      sort: 'value',
      descending: true,
    });
    const values = rows.map((row) => row.value ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('finds unaligned work and forced items', () => {
    const unaligned = queryInitiatives(DEMO_PORTFOLIO, {
      ...DEFAULT_INITIATIVE_QUERY,
      objectiveId: 'none',
    });
    expect(unaligned.length).toBeGreaterThan(0);
    expect(unaligned.every((row) => !row.initiative.objectives?.length)).toBe(true);
    const forcedIn = queryInitiatives(DEMO_PORTFOLIO, {
      ...DEFAULT_INITIATIVE_QUERY,
      flag: 'forced-in',
    });
    expect(forcedIn.map((row) => row.initiative.forced)).toEqual(forcedIn.map(() => 'in'));
  });

  it('filters by a team only where it has demand above zero', () => {
    const team = DEMO_PORTFOLIO.teams[0]!.id;
    const rows = queryInitiatives(DEMO_PORTFOLIO, { ...DEFAULT_INITIATIVE_QUERY, teamId: team });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every((row) => (row.initiative.demand?.[team] ?? []).some((amount) => amount > 0)),
    ).toBe(true);
  });
});
