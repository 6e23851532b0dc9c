import { describe, expect, it } from 'vitest';
import type { Judgment, Objective, ObjectiveComparison } from '../../../shared/portfolio/types';
import { derivedWeights, localWeights } from '../../../shared/strategy/weights';

function objective(id: string, parentId: string | null, weight?: number): Objective {
  return { id, name: id, parentId, ...(weight === undefined ? {} : { weight }) };
}

function strategy(objectives: Objective[], objectiveComparisons?: ObjectiveComparison[]) {
  return { objectives, ...(objectiveComparisons ? { objectiveComparisons } : {}) };
}

const judgmentsXyz: Judgment[] = [
  { a: 'x', b: 'y', ratio: 3 },
  { a: 'x', b: 'z', ratio: 5 },
  { a: 'y', b: 'z', ratio: 3 },
];

describe('localWeights', () => {
  it('multiplies local weights down a three-level tree', () => {
    const { objectives } = localWeights(
      strategy([
        objective('grow', null, 3),
        objective('keep', null, 1),
        objective('new-markets', 'grow', 1),
        objective('new-products', 'grow', 1),
        objective('europe', 'new-markets', 2),
        objective('asia', 'new-markets', 3),
        objective('retain', 'keep'),
      ]),
    );
    expect(objectives.get('grow')).toEqual({ local: 0.75, global: 0.75, source: 'weights' });
    expect(objectives.get('keep')).toEqual({ local: 0.25, global: 0.25, source: 'weights' });
    expect(objectives.get('new-markets')?.global).toBeCloseTo(0.375, 12);
    expect(objectives.get('europe')?.local).toBeCloseTo(0.4, 12);
    expect(objectives.get('europe')?.global).toBeCloseTo(0.75 * 0.5 * 0.4, 12);
    expect(objectives.get('asia')?.global).toBeCloseTo(0.75 * 0.5 * 0.6, 12);
    expect(objectives.get('retain')).toEqual({ local: 1, global: 0.25, source: 'weights' });
    // The leaves share the whole: each level passes its weight on undivided.
    const leaves = ['europe', 'asia', 'new-products', 'retain'];
    const total = leaves.reduce((sum, id) => sum + (objectives.get(id)?.global ?? 0), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('normalizes direct weights within each group', () => {
    const { objectives } = localWeights(
      strategy([objective('a', null, 2), objective('b', null, 6), objective('c', 'a', 10)]),
    );
    expect(objectives.get('a')?.local).toBe(0.25);
    expect(objectives.get('b')?.local).toBe(0.75);
    expect(objectives.get('c')?.local).toBe(1);
  });

  it('shares equally when no weight is set, or all are zero', () => {
    const none = localWeights(strategy([objective('a', null), objective('b', null)]));
    expect(none.objectives.get('a')?.local).toBe(0.5);
    const zero = localWeights(strategy([objective('a', null, 0), objective('b', null, 0)]));
    expect(zero.objectives.get('b')?.local).toBe(0.5);
  });

  it('gives an objective without a weight the mean of its weighted siblings', () => {
    const { objectives } = localWeights(
      strategy([objective('a', null, 1), objective('b', null, 3), objective('c', null)]),
    );
    // c counts as 2: shares 1/6, 3/6, 2/6.
    expect(objectives.get('a')?.local).toBeCloseTo(1 / 6, 12);
    expect(objectives.get('b')?.local).toBeCloseTo(1 / 2, 12);
    expect(objectives.get('c')?.local).toBeCloseTo(1 / 3, 12);
  });

  it('takes a group with judgments from the judgments, over its weight fields', () => {
    const result = localWeights(
      strategy(
        [
          objective('theme', null),
          objective('x', 'theme', 1),
          objective('y', 'theme', 1),
          objective('z', 'theme', 1),
        ],
        [{ parentId: 'theme', judgments: judgmentsXyz }],
      ),
    );
    expect(result.objectives.get('x')?.local).toBeCloseTo(0.637, 4);
    expect(result.objectives.get('y')?.local).toBeCloseTo(0.2583, 4);
    expect(result.objectives.get('z')?.local).toBeCloseTo(0.1047, 4);
    expect(result.objectives.get('x')?.source).toBe('judgments');
    expect(result.objectives.get('theme')?.source).toBe('weights');
    const group = result.groups.find((g) => g.parentId === 'theme');
    expect(group?.ids).toEqual(['x', 'y', 'z']);
    expect(group?.consistencyRatio).toBeCloseTo(0.033, 3);
    expect(group?.consistent).toBe(true);
    expect(group?.problems).toBeUndefined();
  });

  it('reports bad judgments and falls back to the weight fields', () => {
    const result = localWeights(
      strategy(
        [objective('x', null, 1), objective('y', null, 1), objective('z', null, 2)],
        [{ parentId: null, judgments: judgmentsXyz.slice(0, 2) }],
      ),
    );
    expect(result.objectives.get('z')).toEqual({ local: 0.5, global: 0.5, source: 'weights' });
    expect(result.groups).toEqual([
      { parentId: null, ids: ['x', 'y', 'z'], problems: ['no judgment between "y" and "z"'] },
    ]);
  });

  it('names the judgment to revisit in an inconsistent group', () => {
    const result = localWeights(
      strategy(
        [objective('x', null), objective('y', null), objective('z', null), objective('w', null)],
        [
          {
            parentId: null,
            // Consistent with 4:2:1:1, except that w is judged four times as important as x.
            judgments: [
              { a: 'x', b: 'y', ratio: 2 },
              { a: 'x', b: 'z', ratio: 4 },
              { a: 'w', b: 'x', ratio: 4 },
              { a: 'y', b: 'z', ratio: 2 },
              { a: 'y', b: 'w', ratio: 2 },
              { a: 'z', b: 'w', ratio: 1 },
            ],
          },
        ],
      ),
    );
    const [themes] = result.groups;
    expect(result.objectives.get('x')?.source).toBe('judgments');
    expect(themes?.consistent).toBe(false);
    expect(themes?.consistencyRatio).toBeGreaterThan(0.1);
    // The weights the other judgments pull towards put w and x about level: suggest 1.
    expect(themes?.mostInconsistent).toEqual({ a: 'w', b: 'x', ratio: 4, suggested: 1 });
  });

  it('ignores a comparison entry without judgments', () => {
    const result = localWeights(
      strategy(
        [objective('x', null, 1), objective('y', null, 3)],
        [{ parentId: null, judgments: [] }],
      ),
    );
    expect(result.objectives.get('y')).toEqual({ local: 0.75, global: 0.75, source: 'weights' });
    expect(result.groups).toEqual([{ parentId: null, ids: ['x', 'y'] }]);
  });

  it('reads several comparison entries for one group as one', () => {
    const result = localWeights(
      strategy(
        [objective('x', null), objective('y', null), objective('z', null)],
        [
          { parentId: null, judgments: judgmentsXyz.slice(0, 1) },
          { parentId: null, judgments: judgmentsXyz.slice(1) },
        ],
      ),
    );
    expect(result.objectives.get('x')?.source).toBe('judgments');
    expect(result.objectives.get('x')?.local).toBeCloseTo(0.637, 4);
  });

  it('counts an objective whose parent does not exist as a theme', () => {
    const result = localWeights(
      strategy([objective('a', null, 1), objective('orphan', 'gone', 1)]),
    );
    expect(result.objectives.get('orphan')).toEqual({ local: 0.5, global: 0.5, source: 'weights' });
    expect(result.groups).toEqual([{ parentId: null, ids: ['a', 'orphan'] }]);
  });

  it('ends on a parent cycle, giving the objectives no theme reaches global weight 0', () => {
    const result = localWeights(
      strategy([
        objective('theme', null),
        objective('p', 'q'),
        objective('q', 'p'),
        objective('r', 'q'),
      ]),
    );
    expect(result.objectives.get('theme')?.global).toBe(1);
    for (const id of ['p', 'q', 'r']) expect(result.objectives.get(id)?.global).toBe(0);
    expect(result.objectives.get('r')?.local).toBe(0.5);
  });

  it('walks a chain thousands of objectives deep without recursion', () => {
    const depth = 20_000;
    const chain = Array.from({ length: depth }, (_, i) =>
      objective(`o${i}`, i === 0 ? null : `o${i - 1}`),
    );
    const result = localWeights(strategy(chain));
    expect(result.objectives.get(`o${depth - 1}`)).toEqual({
      local: 1,
      global: 1,
      source: 'weights',
    });
    expect(result.groups).toHaveLength(depth);
  });
});

describe('derivedWeights', () => {
  const tree = strategy(
    [
      objective('theme', null, 2),
      objective('other', null, 1),
      objective('x', 'theme'),
      objective('y', 'theme'),
      objective('z', 'theme'),
    ],
    [{ parentId: 'theme', judgments: judgmentsXyz }],
  );

  it('gives the AHP weights of groups with judgments only', () => {
    const derived = derivedWeights(tree);
    expect([...derived.keys()]).toEqual(['x', 'y', 'z']);
    expect(derived.get('x')).toBeCloseTo(0.637, 4);
  });

  it('lets a reader without judgments see the same weights', () => {
    const derived = derivedWeights(tree);
    const withWeights = tree.objectives.map((o) => {
      const weight = derived.get(o.id);
      return weight === undefined ? o : { ...o, weight };
    });
    const before = localWeights(tree).objectives;
    const after = localWeights(strategy(withWeights)).objectives;
    for (const [id, weight] of before) {
      expect(after.get(id)?.local).toBeCloseTo(weight.local, 15);
      expect(after.get(id)?.global).toBeCloseTo(weight.global, 15);
    }
  });
});
