/** `baton score` as a pure command: the report of a WSJF portfolio with themes compared by AHP. */
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../../../shared/cli/commands';
import { fixtureText } from '../portfolio/fixtures';

const FILE = 'strategy/ahp-wsjf.baton.json';

function report() {
  const run = scoreCommand(FILE, fixtureText(FILE));
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('baton score', () => {
  it('names the model and its criteria with their scales', () => {
    expect(report().model).toEqual({
      kind: 'wsjf',
      name: 'WSJF',
      criteria: [
        { id: 'businessValue', name: 'Business value', scale: 'fibonacci' },
        { id: 'timeCriticality', name: 'Time criticality', scale: 'fibonacci' },
        {
          id: 'riskReduction',
          name: 'Risk reduction / opportunity enablement',
          scale: 'fibonacci',
        },
        { id: 'jobSize', name: 'Job size', scale: 'fibonacci' },
      ],
    });
  });

  it('gives each objective its local and global weight, and the consistency of the comparison', () => {
    const { objectives, comparisons } = report();
    const byId = Object.fromEntries(
      objectives.map((objective: { id: string }) => [objective.id, objective]),
    );
    // Saaty's 3 × 3 example: 0.6370 / 0.2583 / 0.1047, CR 0.033.
    expect(byId.grow.local).toBeCloseTo(0.637, 4);
    expect(byId.cost.local).toBeCloseTo(0.2583, 4);
    expect(byId.risk.local).toBeCloseTo(0.1047, 4);
    expect(byId.grow.from).toBe('judgments');
    // Weights 3 : 1 under "grow": global = local × the theme's weight.
    expect(byId.smb).toMatchObject({ local: 0.75, from: 'weights' });
    expect(byId.smb.global).toBeCloseTo(0.75 * 0.637, 4);
    expect(comparisons).toEqual([
      { parentId: null, consistencyRatio: expect.closeTo(0.033, 3), consistent: true },
    ]);
  });

  it('values by cost of delay, ranks by cost of delay ÷ job size, and shows a typed value', () => {
    const { initiatives } = report();
    expect(initiatives.map((entry: { id: string }) => entry.id)).toEqual([
      'portal',
      'erp',
      'case',
      'idea',
    ]);
    const [portal, erp, businessCase, idea] = initiatives;
    expect(portal).toMatchObject({ rank: 1, value: 15, priority: 5 });
    expect(erp).toMatchObject({ rank: 2, value: 29, priority: 1.45 });
    // 40 typed: the value counted, but no rank, since the model has no cost of delay for it.
    expect(businessCase).toMatchObject({ value: 40, valueTyped: true });
    expect(businessCase).not.toHaveProperty('rank');
    expect(businessCase).not.toHaveProperty('priority');
    expect(idea).toEqual({
      id: 'idea',
      name: 'Unscored idea',
      breakdown: [
        { criterion: 'businessValue' },
        { criterion: 'timeCriticality' },
        { criterion: 'riskReduction' },
        { criterion: 'jobSize' },
      ],
      missing: [
        'Business value',
        'Time criticality',
        'Risk reduction / opportunity enablement',
        'Job size',
      ],
    });
  });

  it('refuses a file that breaks a rule, as the other commands do', () => {
    const text = fixtureText(FILE).replace('"jobSize": 3', '"jobSize": 4');
    const run = scoreCommand(FILE, text);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Initiative Self-service portal, score for Job size: must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale",
    );
  });
});
