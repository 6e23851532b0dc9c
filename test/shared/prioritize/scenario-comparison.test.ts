import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { initiativeValue, totalSpend } from '../../../shared/portfolio/measures';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { scenarioCutLine } from '../../../shared/prioritize/cutline';
import {
  compareScenarios,
  scenarioFigures,
  teamCapacity,
} from '../../../shared/prioritize/scenario-comparison';

function initiative(id: string, fields: Partial<Initiative> = {}): Initiative {
  return { id, name: id.toUpperCase(), status: 'proposed', ...fields };
}

/**
 * Two quarters; Platform has 10 FTE and Data 4 FTE in each (28 in all). "Alpha first" fits
 * alpha, cora and dex and leaves bravo below; "Bravo first" fits bravo and dex only.
 */
const PLAN: Portfolio = {
  name: 'Comparison plan',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: [
    { id: 'q1', label: 'Q1' },
    { id: 'q2', label: 'Q2' },
  ],
  teams: [
    { id: 'platform', name: 'Platform', capacity: { q1: 10, q2: 10 } },
    { id: 'data', name: 'Data', capacity: { q1: 4, q2: 4 } },
  ],
  objectives: [],
  initiatives: [
    initiative('alpha', { value: 100, demand: { platform: [6, 6] }, spend: [100, 100] }),
    initiative('bravo', { value: 50, demand: { platform: [6], data: [2] }, spend: [300] }),
    // No value: counted as 0 and reported as unvalued.
    initiative('cora', { demand: { data: [4, 4] }, spend: [50, 50] }),
    initiative('dex', { value: 30, demand: { platform: [3, 3] } }),
  ],
  scenarios: [
    { id: 'alpha-first', name: 'Alpha first', ranking: ['alpha', 'bravo', 'cora', 'dex'] },
    { id: 'bravo-first', name: 'Bravo first', ranking: ['bravo', 'alpha', 'cora', 'dex'] },
    { id: 'same', name: 'Same as alpha first', ranking: ['alpha', 'bravo', 'cora', 'dex'] },
  ],
};

describe('scenario figures', () => {
  it('totals value, spend and capacity of what is above the line', () => {
    expect(scenarioFigures(PLAN, 'alpha-first')).toEqual({
      scenarioId: 'alpha-first',
      name: 'Alpha first',
      above: ['alpha', 'cora', 'dex'],
      // Bravo does not fit, so the line falls after alpha: cora and dex are funded in a gap.
      inGap: 2,
      below: ['bravo'],
      valueAbove: 130,
      unvaluedAbove: 1,
      spendAbove: 300,
      capacityUsedByTeam: { platform: 18, data: 8 },
      capacityUsed: 26,
      capacity: 28,
      utilization: 26 / 28,
    });
    const bravo = scenarioFigures(PLAN, 'bravo-first');
    expect(bravo.above).toEqual(['bravo', 'dex']);
    expect(bravo.inGap).toBe(1);
    expect(bravo.below).toEqual(['alpha', 'cora']);
    expect(bravo.valueAbove).toBe(80);
    expect(bravo.unvaluedAbove).toBe(0);
    expect(bravo.spendAbove).toBe(300);
    expect(bravo.capacityUsedByTeam).toEqual({ platform: 12, data: 2 });
    expect(bravo.utilization).toBe(0.5);
  });

  it('has no utilization when the portfolio has no capacity', () => {
    const empty: Portfolio = {
      ...PLAN,
      teams: PLAN.teams.map((team) => ({ ...team, capacity: {} })),
      initiatives: [initiative('paper', { value: 5 })],
    };
    const figures = scenarioFigures(empty, 'alpha-first');
    expect(figures.above).toEqual(['paper']);
    expect(figures.capacity).toBe(0);
    expect(figures.utilization).toBeUndefined();
  });

  it('sums each team’s capacity over the periods', () => {
    expect(teamCapacity(PLAN)).toEqual({ platform: 20, data: 8 });
  });
});

describe('comparing scenarios', () => {
  it('says what comes in and goes out against the baseline, with the deltas', () => {
    const comparison = compareScenarios(PLAN, ['alpha-first', 'bravo-first'], 'alpha-first');
    expect(comparison.baselineId).toBe('alpha-first');
    const [baseline, other] = comparison.scenarios;
    expect(baseline?.isBaseline).toBe(true);
    expect(baseline?.vsBaseline).toEqual({
      comesIn: [],
      goesOut: [],
      value: 0,
      unvalued: 0,
      spend: 0,
      capacityUsed: 0,
      utilization: 0,
      countAbove: 0,
    });
    expect(other?.isBaseline).toBe(false);
    expect(other?.vsBaseline).toEqual({
      comesIn: ['bravo'],
      goesOut: ['alpha', 'cora'],
      value: -50,
      unvalued: -1,
      spend: 0,
      capacityUsed: -12,
      utilization: 0.5 - 26 / 28,
      countAbove: -1,
    });
  });

  it('keeps the order asked for, and turns the deltas round with the other baseline', () => {
    const comparison = compareScenarios(
      PLAN,
      ['same', 'alpha-first', 'bravo-first'],
      'bravo-first',
    );
    expect(comparison.scenarios.map((entry) => entry.scenarioId)).toEqual([
      'same',
      'alpha-first',
      'bravo-first',
    ]);
    const [same, alpha] = comparison.scenarios;
    expect(alpha?.vsBaseline.comesIn).toEqual(['alpha', 'cora']);
    expect(alpha?.vsBaseline.goesOut).toEqual(['bravo']);
    expect(alpha?.vsBaseline.value).toBe(50);
    expect(alpha?.vsBaseline.capacityUsed).toBe(12);
    expect(same?.vsBaseline).toEqual(alpha?.vsBaseline);
  });

  it('refuses fewer than two, more than four, repeated or unknown scenarios and a stray baseline', () => {
    const many: Portfolio = {
      ...PLAN,
      scenarios: ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, name: id, ranking: [] })),
    };
    expect(() => compareScenarios(PLAN, ['alpha-first'], 'alpha-first')).toThrow(
      'Compare 2 to 4 scenarios; 1 were given.',
    );
    expect(() => compareScenarios(many, ['s1', 's2', 's3', 's4', 's5'], 's1')).toThrow(
      'Compare 2 to 4 scenarios; 5 were given.',
    );
    expect(() => compareScenarios(PLAN, ['same', 'same'], 'same')).toThrow('only once');
    expect(() => compareScenarios(PLAN, ['alpha-first', 'nope'], 'alpha-first')).toThrow(
      'Scenario "nope" does not exist.',
    );
    expect(() => compareScenarios(PLAN, ['alpha-first', 'same'], 'bravo-first')).toThrow(
      'not one of the compared scenarios',
    );
  });
});

describe('comparing the demo scenarios', () => {
  const comparison = compareScenarios(DEMO_PORTFOLIO, ['baseline', 'growth-push'], 'baseline');
  const [baseline, growth] = comparison.scenarios;
  const byId = new Map(DEMO_PORTFOLIO.initiatives.map((entry) => [entry.id, entry]));

  it('agrees with the cut line and the measures', () => {
    for (const entry of comparison.scenarios) {
      const cutLine = scenarioCutLine(DEMO_PORTFOLIO, entry.scenarioId);
      expect(entry.above.length + entry.below.length).toBe(DEMO_PORTFOLIO.initiatives.length);
      expect(entry.above).toEqual(
        cutLine.placements.filter((placement) => placement.above).map((placement) => placement.id),
      );
      const value = entry.above.reduce(
        (sum, id) => sum + (initiativeValue(byId.get(id)!, DEMO_PORTFOLIO) ?? 0),
        0,
      );
      expect(entry.valueAbove).toBeCloseTo(value, 9);
      expect(entry.spendAbove).toBe(cutLine.spend.reduce((sum, amount) => sum + amount, 0));
      expect(entry.spendAbove).toBe(
        entry.above.reduce((sum, id) => sum + totalSpend(byId.get(id)!), 0),
      );
    }
  });

  it('puts growth work in and takes some baseline work out, for less value and spend', () => {
    // Voice assistant booking (cancelled: value 15.7, spend 60,000, 2 FTE) is never planned.
    expect(baseline?.above).toHaveLength(29);
    expect(baseline?.above).not.toContain('voice-booking');
    // The sum of the model's values (two of them typed business cases) above the line.
    expect(baseline?.valueAbove).toBeCloseTo(1466.546, 3);
    expect(baseline?.spendAbove).toBe(7_950_000);
    expect(baseline?.capacityUsed).toBeCloseTo(219.5, 6);
    expect(baseline?.capacity).toBeCloseTo(289.5, 6);
    expect(growth?.above).toHaveLength(28);
    expect(growth?.vsBaseline.comesIn).toEqual([
      'customer-360',
      'churn-early-warning',
      'sme-loyalty',
      'driver-app-v3',
      'sorter-controls',
      'intranet-refresh',
    ]);
    expect(growth?.vsBaseline.goesOut).toEqual([
      'route-optimization',
      'realtime-tracking',
      'robotics-pilot',
      'iam-consolidation',
      'recipient-app',
      'cash-forecasting',
      'procure-to-pay',
    ]);
    expect(growth?.vsBaseline.value).toBeCloseTo(-36.274, 3);
    expect(growth?.vsBaseline.spend).toBe(-870_000);
    expect(growth?.vsBaseline.capacityUsed).toBeCloseTo(-22.5, 6);
    expect(growth?.vsBaseline.countAbove).toBe(-1);
  });
});
