/** Objective weights as named edits: set directly, from pairwise judgments, and what a delete does. */
import { describe, expect, it } from 'vitest';
import type { EditPlan } from '../../../../shared/store/changes';
import { OperationError } from '../../../../shared/store/context';
import {
  judgmentChangesWithout,
  setGroupJudgments,
  setGroupWeights,
  siblingsOf,
} from '../../../../shared/store/operations/weights';
import {
  applyChanges,
  stateToPortfolio,
  type PortfolioState,
} from '../../../../shared/store/state';
import { localWeights } from '../../../../shared/strategy/weights';
import { writePortfolio } from '../../../../shared/portfolio/write';
import { readPortfolioText } from '../../../../shared/portfolio/restore';
import { deleteObjective, moveObjective } from '../../../../shared/store/operations/objectives';
import { acceptPlan, demoState, testContext } from '../edit-context';

const STATE = demoState();

const accepted = (plan: EditPlan, state: PortfolioState = STATE) => acceptPlan(plan, state);

const weightOf = (state: PortfolioState, id: string) =>
  localWeights(stateToPortfolio(state)).objectives.get(id);

/** Saaty's 3 × 3 example over the demo's three themes. */
const THEME_JUDGMENTS = [
  { a: 'customers', b: 'operations', ratio: 3 },
  { a: 'customers', b: 'foundations', ratio: 5 },
  { a: 'operations', b: 'foundations', ratio: 3 },
];

describe('setGroupWeights', () => {
  it('sets the themes’ weights as shares that sum to 1', () => {
    const plan = setGroupWeights(STATE, null, { customers: 50, operations: 30, foundations: 20 });
    expect(plan.label).toBe('Set the weights of the themes');
    const next = accepted(plan);
    expect(siblingsOf(next, null).map((objective) => objective.weight)).toEqual([0.5, 0.3, 0.2]);
    expect(weightOf(next, 'operations')).toMatchObject({ local: 0.3, source: 'weights' });
  });

  it('refuses a group with no weight above 0', () => {
    expect(() => setGroupWeights(STATE, null, { customers: 0 })).toThrow(OperationError);
  });

  it('drops the group’s judgments: the weights typed are now the weights', () => {
    const compared = accepted(setGroupJudgments(STATE, null, THEME_JUDGMENTS));
    const next = accepted(
      setGroupWeights(compared, null, { customers: 1, operations: 1, foundations: 2 }),
      compared,
    );
    expect(next.meta.objectiveComparisons).toBeUndefined();
    expect(weightOf(next, 'foundations')).toMatchObject({ local: 0.5, source: 'weights' });
  });
});

describe('setGroupJudgments', () => {
  it('stores the judgments and gives each objective the weight they yield', () => {
    const plan = setGroupJudgments(STATE, null, THEME_JUDGMENTS);
    expect(plan.label).toBe('Compared the themes pairwise (consistency ratio 0.03)');
    const next = accepted(plan);
    expect(next.meta.objectiveComparisons).toEqual([
      { parentId: null, judgments: THEME_JUDGMENTS },
    ]);
    const weights = siblingsOf(next, null).map((objective) => objective.weight ?? 0);
    expect(weights[0]).toBeCloseTo(0.637, 3);
    expect(weights[1]).toBeCloseTo(0.2583, 3);
    expect(weights[2]).toBeCloseTo(0.1047, 3);
    expect(weightOf(next, 'customers')?.source).toBe('judgments');
    // The file carries the judgments and the weights they give, and reads back the same.
    const text = writePortfolio(stateToPortfolio(next));
    const read = readPortfolioText(text);
    expect(read.ok && writePortfolio(read.portfolio)).toBe(text);
  });

  it('refuses an incomplete comparison, naming the pair missing', () => {
    expect(() => setGroupJudgments(STATE, null, THEME_JUDGMENTS.slice(0, 2))).toThrow(
      /no judgment between "operations" and "foundations"/,
    );
  });
});

describe('judgments when objectives leave their group', () => {
  it('go with a deleted objective: its group is no longer compared, its weights stay', () => {
    const compared = accepted(setGroupJudgments(STATE, null, THEME_JUDGMENTS));
    const changes = judgmentChangesWithout(compared, new Set(['foundations']), true);
    expect(changes).toHaveLength(1);
    const next = applyChanges(compared, changes);
    expect(next.meta.objectiveComparisons).toBeUndefined();
    expect(siblingsOf(next, null)[0]?.weight).toBeCloseTo(0.637, 3);
  });

  it('touch nothing when no judgment names the objective', () => {
    const compared = accepted(setGroupJudgments(STATE, null, THEME_JUDGMENTS));
    expect(judgmentChangesWithout(compared, new Set(['grow-ecommerce']), true)).toEqual([]);
    // Weights set directly: no judgment left to touch.
    const direct = accepted(
      setGroupWeights(STATE, null, { customers: 40, operations: 35, foundations: 25 }),
    );
    expect(direct.meta.objectiveComparisons).toBeUndefined();
    expect(judgmentChangesWithout(direct, new Set(['customers']), true)).toEqual([]);
  });

  it('are dropped when a compared objective is deleted or moves to another group', () => {
    const compared = accepted(setGroupJudgments(STATE, null, THEME_JUDGMENTS));
    const deleted = accepted(deleteObjective(compared, 'foundations', testContext()), compared);
    expect(deleted.meta.objectiveComparisons).toBeUndefined();
    const moved = accepted(
      moveObjective(compared, testContext(), 'foundations', 'operations', null),
      compared,
    );
    expect(moved.meta.objectiveComparisons).toBeUndefined();
    // A reorder among the same siblings keeps the comparison.
    const reordered = accepted(
      moveObjective(compared, testContext(), 'foundations', null, 'customers'),
      compared,
    );
    expect(reordered.meta.objectiveComparisons).toEqual(compared.meta.objectiveComparisons);
  });
});

describe('weights when objectives change group', () => {
  const globals = (state: PortfolioState) =>
    new Map(
      [...localWeights(stateToPortfolio(state)).objectives].map(([id, weight]) => [
        id,
        weight.global,
      ]),
    );

  it('a deleted theme’s objectives take its weight: no other global weight changes', () => {
    const before = globals(STATE);
    const next = accepted(deleteObjective(STATE, 'foundations', testContext()));
    const after = globals(next);
    for (const [id, weight] of after) expect(weight, id).toBeCloseTo(before.get(id)!, 10);
    // Its two objectives are themes now, with the share the theme had between them.
    expect(after.get('cyber-resilience')! + after.get('compliance')!).toBeCloseTo(
      before.get('foundations')!,
      10,
    );
  });

  it('an objective moved to another group gets an equal share there; the rest keep their ratios', () => {
    const before = globals(STATE);
    const next = accepted(moveObjective(STATE, testContext(), 'grow-ecommerce', null, null));
    const after = globals(next);
    // Four themes now, the newcomer with the mean of the three others' shares.
    expect(after.get('grow-ecommerce')).toBeCloseTo(0.25, 10);
    expect(after.get('customers')! / after.get('operations')!).toBeCloseTo(
      before.get('customers')! / before.get('operations')!,
      10,
    );
  });
});
