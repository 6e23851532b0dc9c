import { describe, expect, it } from 'vitest';
import { buildModel, prerequisitesFirst } from '../../../shared/optimize/model';
import { item, small } from './small-portfolio';

describe('the optimizer model', () => {
  it('orders items after their prerequisites, ignoring an edge that closes a cycle', () => {
    expect(prerequisitesFirst([[1], [2], []])).toEqual([2, 1, 0]);
    expect(prerequisitesFirst([[], [0], [0, 1]])).toEqual([0, 1, 2]);
    const cyclic = prerequisitesFirst([[1], [0]]);
    expect([...cyclic].sort()).toEqual([0, 1]);
  });

  it('builds a chain of 5,000 prerequisites without overflowing the stack', () => {
    const count = 5000;
    const portfolio = small(
      Array.from({ length: count }, (_, index) =>
        item(`i${index}`, 1, [0.001], index + 1 < count ? { dependsOn: [`i${index + 1}`] } : {}),
      ),
    );
    const model = buildModel(portfolio);
    // Two quarters: the last two of the chain can start, the rest need a third period.
    expect(model.items.filter((entry) => entry.starts.length > 0)).toHaveLength(2);
    expect(model.items[0]?.blocked).toEqual({ kind: 'needs', prerequisite: 'i1' });
  });

  it('keeps cancelled work out and holds committed work in, whatever a what-if asks', () => {
    const portfolio = small([
      item('voice', 9, [1], { status: 'cancelled' }),
      item('wms', 1, [1], { status: 'active' }),
    ]);
    const model = buildModel(portfolio, { forced: { voice: 'in' } });
    expect(model.items[0]).toMatchObject({ forced: 'out', blocked: { kind: 'cancelled' } });
    expect(model.items[1]).toMatchObject({ forced: 'in' });
  });
});
