/**
 * The strategy tree's operations on the demo portfolio: where an objective or a measure ends up,
 * what a label says, what a delete takes with it or moves, what is refused, and that the file's
 * reader accepts every result.
 */
import { describe, expect, it } from 'vitest';
import { withoutNoOps, type EditPlan } from '../../../../shared/store/changes';
import { problemsAfter } from '../../../../shared/store/check';
import { OperationError } from '../../../../shared/store/context';
import { keyText } from '../../../../shared/store/entities';
import {
  addMeasure,
  addMeasureActual,
  childrenOf,
  createObjective,
  deleteMeasure,
  deleteMeasureActual,
  deleteObjective,
  describeObjective,
  descendantIds,
  moveMeasure,
  moveObjective,
  objectiveDeletion,
  renameObjective,
  updateMeasure,
} from '../../../../shared/store/operations/objectives';
import * as portfolio from '../../../../shared/store/operations/portfolio';
import {
  applyChanges,
  stateToPortfolio,
  type ObjectiveRecord,
  type PortfolioState,
} from '../../../../shared/store/state';
import { acceptPlan, demoState, testContext } from '../edit-context';

const STATE = demoState();

const accepted = (plan: EditPlan, state: PortfolioState = STATE) => acceptPlan(plan, state);

/** The problems the store finds in the plan, as it checks an edit. */
function refused(plan: EditPlan, state: PortfolioState = STATE): string[] {
  const changes = withoutNoOps(plan.changes);
  return problemsAfter(applyChanges(state, changes), changes).map((problem) => problem.message);
}

function touched(plan: EditPlan): string[] {
  return withoutNoOps(plan.changes).map((change) => `${change.table}:${keyText(change.key)}`);
}

function objective(state: PortfolioState, id: string): ObjectiveRecord {
  const found = state.objectives.find((record) => record.id === id);
  if (!found) throw new Error(`no objective ${id}`);
  return found;
}

/** The ids of the children of `parentId`, in order. */
function children(state: PortfolioState, parentId: string | null): string[] {
  return childrenOf(state.objectives, parentId).map((record) => record.id);
}

function measureIds(state: PortfolioState, id: string): string[] {
  return (objective(state, id).measures ?? []).map((measure) => measure.id);
}

function measure(state: PortfolioState, objectiveId: string, measureId: string) {
  return objective(state, objectiveId).measures?.find((entry) => entry.id === measureId);
}

describe('the tree', () => {
  it('childrenOf and descendantIds read the tree in order', () => {
    expect(children(STATE, null)).toEqual(['customers', 'operations', 'foundations']);
    expect(children(STATE, 'customers')).toEqual([
      'grow-ecommerce',
      'delivery-experience',
      'self-service',
    ]);
    const deeper = accepted(
      createObjective(STATE, testContext(), 'Marketplaces', 'grow-ecommerce'),
    );
    expect([...descendantIds(deeper.objectives, 'customers')].sort()).toEqual(
      ['delivery-experience', 'grow-ecommerce', 'new-objectives-1', 'self-service'].sort(),
    );
    expect(descendantIds(deeper.objectives, 'self-service').size).toBe(0);
  });
});

describe('objective operations', () => {
  it('createObjective adds a theme last, or an objective as the last child of its parent', () => {
    const theme = createObjective(STATE, testContext(), 'People', null);
    expect(theme).toMatchObject({ id: 'new-objectives-1', label: 'Added theme “People”' });
    expect(children(accepted(theme), null).at(-1)).toBe('new-objectives-1');
    const child = createObjective(STATE, testContext(), 'Hire well', 'operations');
    expect(child.label).toBe('Added objective “Hire well”');
    expect(children(accepted(child), 'operations').at(-1)).toBe('new-objectives-1');
    expect(() => createObjective(STATE, testContext(), 'Orphan', 'ghost')).toThrow(OperationError);
  });

  it('is what the portfolio operations module still exports', () => {
    expect(portfolio.createObjective).toBe(createObjective);
    expect(portfolio.renameObjective).toBe(renameObjective);
    expect(portfolio.deleteObjective).toBe(deleteObjective);
  });

  it('renameObjective renames it; an empty name is refused by the store', () => {
    const plan = renameObjective(STATE, 'customers', 'Clients');
    expect(plan.label).toBe('Renamed “Win and keep customers” to “Clients”');
    expect(touched(plan)).toEqual(['objectives:customers']);
    expect(objective(accepted(plan), 'customers').name).toBe('Clients');
    expect(refused(renameObjective(STATE, 'customers', '  '))).toEqual(['must not be empty']);
    expect(() => renameObjective(STATE, 'ghost', 'x')).toThrow(OperationError);
  });

  it('describeObjective sets the description, and an empty one removes it', () => {
    const plan = describeObjective(STATE, 'operations', 'Cheaper and cleaner.');
    expect(plan.label).toBe('Changed the description of “Run a leaner, greener operation”');
    expect(objective(accepted(plan), 'operations').description).toBe('Cheaper and cleaner.');
    const cleared = describeObjective(STATE, 'operations', '');
    expect(cleared.label).toBe('Cleared the description of “Run a leaner, greener operation”');
    expect(objective(accepted(cleared), 'operations')).not.toHaveProperty('description');
    expect(refused(describeObjective(STATE, 'operations', 'x'.repeat(10_001)))).toEqual([
      'is 10,001 characters long; at most 10,000 are allowed',
    ]);
  });

  it('deleteObjective moves its children up into its place and removes links to it', () => {
    const plan = deleteObjective(STATE, 'operations', testContext());
    expect(plan.label).toBe('Deleted “Run a leaner, greener operation”');
    const next = accepted(plan);
    // The children take the deleted theme's place between the other two themes, in their order.
    expect(children(next, null)).toEqual([
      'customers',
      'warehouse-productivity',
      'greener-fleet',
      'trusted-data',
      'foundations',
    ]);
    for (const id of ['warehouse-productivity', 'greener-fleet', 'trusted-data']) {
      expect(objective(next, id).parentId).toBeNull();
    }
    // Links to the children stay; the demo has no initiative linked to the theme itself.
    expect(next.initiatives).toEqual(STATE.initiatives);

    const sub = accepted(deleteObjective(STATE, 'trusted-data', testContext()));
    expect(
      sub.initiatives.some((record) =>
        record.objectives?.some((link) => link.id === 'trusted-data'),
      ),
    ).toBe(false);
    // Without the keys, the children keep their own.
    expect(objective(accepted(deleteObjective(STATE, 'customers')), 'grow-ecommerce').order).toBe(
      objective(STATE, 'grow-ecommerce').order,
    );
    expect(() => deleteObjective(STATE, 'ghost')).toThrow(OperationError);
  });

  it('objectiveDeletion counts the links to an objective and below it, children and measures', () => {
    const demo = stateToPortfolio(STATE);
    const linkedTo = (id: string) =>
      demo.initiatives.filter((initiative) => initiative.objectives?.some((l) => l.id === id));
    const trusted = objectiveDeletion(demo, 'trusted-data');
    expect(trusted).toEqual({
      linkedInitiatives: linkedTo('trusted-data').length,
      linkedBelow: 0,
      children: 0,
      measures: 1,
    });
    const operations = objectiveDeletion(demo, 'operations');
    const below = new Set(['warehouse-productivity', 'greener-fleet', 'trusted-data']);
    expect(operations).toEqual({
      linkedInitiatives: 0,
      linkedBelow: demo.initiatives.filter((initiative) =>
        initiative.objectives?.some((link) => below.has(link.id)),
      ).length,
      children: 3,
      measures: 0,
    });
    expect(operations.linkedBelow).toBeGreaterThan(0);
  });

  describe('moveObjective', () => {
    it('moves an objective under another parent, as its last child or in front of one', () => {
      const plan = moveObjective(
        STATE,
        testContext(),
        'greener-fleet',
        'customers',
        'delivery-experience',
      );
      expect(plan.label).toBe(
        'Moved “Cut cost and emissions per delivery” under “Win and keep customers”, above “Improve the delivery experience”',
      );
      expect(touched(plan)).toEqual(['objectives:greener-fleet']);
      const next = accepted(plan);
      expect(children(next, 'customers')).toEqual([
        'grow-ecommerce',
        'greener-fleet',
        'delivery-experience',
        'self-service',
      ]);
      expect(children(next, 'operations')).toEqual(['warehouse-productivity', 'trusted-data']);
      const last = accepted(moveObjective(STATE, testContext(), 'compliance', 'customers', null));
      expect(children(last, 'customers').at(-1)).toBe('compliance');
    });

    it('reorders among siblings with a label that says where', () => {
      const up = moveObjective(STATE, testContext(), 'self-service', 'customers', 'grow-ecommerce');
      expect(up.label).toBe(
        'Moved “Shift customers to self-service” above “Grow e-commerce fulfilment revenue”',
      );
      expect(children(accepted(up), 'customers')).toEqual([
        'self-service',
        'grow-ecommerce',
        'delivery-experience',
      ]);
      const down = moveObjective(STATE, testContext(), 'grow-ecommerce', 'customers', null);
      expect(down.label).toBe(
        'Moved “Grow e-commerce fulfilment revenue” below “Shift customers to self-service”',
      );
      expect(children(accepted(down), 'customers')).toEqual([
        'delivery-experience',
        'self-service',
        'grow-ecommerce',
      ]);
    });

    it('makes an objective a theme, and a theme an objective with its subtree', () => {
      const theme = moveObjective(STATE, testContext(), 'compliance', null, 'operations');
      expect(theme.label).toBe(
        'Made “Stay compliant and audit-ready” a theme, above “Run a leaner, greener operation”',
      );
      expect(children(accepted(theme), null)).toEqual([
        'customers',
        'compliance',
        'operations',
        'foundations',
      ]);
      const nested = accepted(
        moveObjective(STATE, testContext(), 'foundations', 'operations', null),
      );
      expect(children(nested, null)).toEqual(['customers', 'operations']);
      expect(children(nested, 'operations').at(-1)).toBe('foundations');
      expect(children(nested, 'foundations')).toEqual(['cyber-resilience', 'compliance']);
    });

    it('changes nothing when the objective is already there', () => {
      expect(
        moveObjective(STATE, testContext(), 'delivery-experience', 'customers', 'self-service')
          .changes,
      ).toEqual([]);
      expect(
        moveObjective(STATE, testContext(), 'self-service', 'customers', null).changes,
      ).toEqual([]);
      expect(
        moveObjective(STATE, testContext(), 'self-service', 'customers', 'self-service').changes,
      ).toEqual([]);
    });

    it('refuses to move an objective under itself or one under it', () => {
      expect(() => moveObjective(STATE, testContext(), 'customers', 'customers', null)).toThrow(
        '“Win and keep customers” cannot move under itself.',
      );
      expect(() => moveObjective(STATE, testContext(), 'customers', 'self-service', null)).toThrow(
        '“Win and keep customers” cannot move under “Shift customers to self-service”, which is under it.',
      );
      const deeper = accepted(createObjective(STATE, testContext(), 'Deep', 'self-service'));
      expect(() =>
        moveObjective(deeper, testContext(), 'customers', 'new-objectives-1', null),
      ).toThrow(OperationError);
    });

    it('refuses a place that is not among the new parent’s children, or that is gone', () => {
      expect(() =>
        moveObjective(STATE, testContext(), 'compliance', 'customers', 'trusted-data'),
      ).toThrow('“Decide on trusted data” is not under “Win and keep customers”.');
      expect(() => moveObjective(STATE, testContext(), 'compliance', null, 'trusted-data')).toThrow(
        '“Decide on trusted data” is not a theme.',
      );
      expect(() => moveObjective(STATE, testContext(), 'ghost', null, null)).toThrow(
        OperationError,
      );
      expect(() => moveObjective(STATE, testContext(), 'compliance', 'ghost', null)).toThrow(
        OperationError,
      );
    });
  });
});

describe('measure operations', () => {
  it('addMeasure adds a named measure at the end of the objective’s measures', () => {
    const plan = addMeasure(STATE, testContext(), 'compliance', 'Audit days');
    expect(plan.id).toBe('new-objectives-1');
    expect(plan.label).toBe('Added measure “Audit days” to “Stay compliant and audit-ready”');
    expect(touched(plan)).toEqual(['objectives:compliance']);
    const next = accepted(plan);
    expect(measureIds(next, 'compliance')).toEqual(['open-audit-findings', 'new-objectives-1']);
    expect(measure(next, 'compliance', plan.id)).toEqual({
      id: 'new-objectives-1',
      name: 'Audit days',
    });
    // A theme may have measures too.
    const first = accepted(addMeasure(STATE, testContext(), 'customers', 'Revenue'));
    expect(measureIds(first, 'customers')).toEqual(['new-objectives-1']);
    expect(() => addMeasure(STATE, testContext(), 'ghost', 'x')).toThrow(OperationError);
  });

  it('updateMeasure sets each detail, and clears the optional ones', () => {
    const rename = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'name', 'Certified KPIs');
    expect(rename.label).toBe(
      'Renamed measure “KPIs served from certified data products” to “Certified KPIs”',
    );
    expect(measure(accepted(rename), 'trusted-data', 'certified-kpis')?.name).toBe(
      'Certified KPIs',
    );
    const target = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'target', 80);
    expect(target.label).toBe('Changed the target of “KPIs served from certified data products”');
    expect(measure(accepted(target), 'trusted-data', 'certified-kpis')).toMatchObject({
      baseline: 20,
      target: 80,
      unit: '%',
    });
    const negative = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'baseline', -5);
    expect(measure(accepted(negative), 'trusted-data', 'certified-kpis')?.baseline).toBe(-5);
    const date = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'targetDate', '2028-06-30');
    expect(date.label).toBe(
      'Changed the target date of “KPIs served from certified data products”',
    );
    expect(measure(accepted(date), 'trusted-data', 'certified-kpis')?.targetDate).toBe(
      '2028-06-30',
    );
    const unit = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'unit', '');
    expect(unit.label).toBe('Cleared the unit of “KPIs served from certified data products”');
    expect(measure(accepted(unit), 'trusted-data', 'certified-kpis')).not.toHaveProperty('unit');
    const baseline = updateMeasure(STATE, 'trusted-data', 'certified-kpis', 'baseline', undefined);
    expect(measure(accepted(baseline), 'trusted-data', 'certified-kpis')).not.toHaveProperty(
      'baseline',
    );
    // The other measures of the objective are left as they were.
    expect(measureIds(accepted(target), 'trusted-data')).toEqual(measureIds(STATE, 'trusted-data'));
    expect(() => updateMeasure(STATE, 'trusted-data', 'ghost', 'unit', 'x')).toThrow(
      'Measure "ghost" no longer exists.',
    );
  });

  it('updateMeasure values that break the file’s rules are refused by the store, with why', () => {
    const id = ['trusted-data', 'certified-kpis'] as const;
    expect(refused(updateMeasure(STATE, ...id, 'name', ''))).toEqual(['must not be empty']);
    expect(refused(updateMeasure(STATE, ...id, 'target', 2e15))).toEqual([
      'must be at most 1,000,000,000,000,000',
    ]);
    expect(refused(updateMeasure(STATE, ...id, 'baseline', -2e15))).toEqual([
      'must be at least -1,000,000,000,000,000',
    ]);
    expect(refused(updateMeasure(STATE, ...id, 'targetDate', '2027-02-30'))).toEqual([
      'expected a real date',
    ]);
    expect(refused(updateMeasure(STATE, ...id, 'unit', 'u'.repeat(201)))).toEqual([
      'is 201 characters long; at most 200 are allowed',
    ]);
  });

  it('deleteMeasure removes it, and the list when it was the last', () => {
    const plan = deleteMeasure(STATE, 'greener-fleet', 'cost-per-parcel');
    expect(plan.label).toBe(
      'Deleted measure “Last-mile cost per parcel” of “Cut cost and emissions per delivery”',
    );
    expect(measureIds(accepted(plan), 'greener-fleet')).toEqual(['co2-per-parcel']);
    const last = accepted(deleteMeasure(STATE, 'compliance', 'open-audit-findings'));
    expect(objective(last, 'compliance')).not.toHaveProperty('measures');
    expect(() => deleteMeasure(STATE, 'compliance', 'ghost')).toThrow(OperationError);
  });

  it('moveMeasure reorders within an objective or moves to another one', () => {
    const up = moveMeasure(
      STATE,
      'greener-fleet',
      'co2-per-parcel',
      'greener-fleet',
      'cost-per-parcel',
    );
    expect(up.label).toBe('Moved measure “CO2 per parcel” above “Last-mile cost per parcel”');
    expect(measureIds(accepted(up), 'greener-fleet')).toEqual([
      'co2-per-parcel',
      'cost-per-parcel',
    ]);
    const end = moveMeasure(STATE, 'greener-fleet', 'cost-per-parcel', 'greener-fleet', null);
    expect(end.label).toBe(
      'Moved measure “Last-mile cost per parcel” to the end of “Cut cost and emissions per delivery”',
    );
    expect(measureIds(accepted(end), 'greener-fleet')).toEqual([
      'co2-per-parcel',
      'cost-per-parcel',
    ]);
    const away = moveMeasure(STATE, 'greener-fleet', 'co2-per-parcel', 'compliance', null);
    expect(away.label).toBe('Moved measure “CO2 per parcel” to “Stay compliant and audit-ready”');
    expect(touched(away)).toEqual(['objectives:greener-fleet', 'objectives:compliance']);
    const next = accepted(away);
    expect(measureIds(next, 'greener-fleet')).toEqual(['cost-per-parcel']);
    expect(measureIds(next, 'compliance')).toEqual(['open-audit-findings', 'co2-per-parcel']);
    expect(measure(next, 'compliance', 'co2-per-parcel')).toEqual(
      measure(STATE, 'greener-fleet', 'co2-per-parcel'),
    );
    expect(
      moveMeasure(STATE, 'greener-fleet', 'co2-per-parcel', 'greener-fleet', 'co2-per-parcel')
        .changes,
    ).toEqual([]);
    expect(() => moveMeasure(STATE, 'greener-fleet', 'co2-per-parcel', 'ghost', null)).toThrow(
      OperationError,
    );
  });

  it('addMeasureActual keeps actuals in date order, and a day has one actual', () => {
    const plan = addMeasureActual(STATE, 'grow-ecommerce', 'ecom-revenue', {
      date: '2026-12-04',
      value: 45_000_000,
    });
    expect(plan.label).toBe(
      'Recorded 45000000 EUR for “E-commerce fulfilment revenue” on 2026-12-04',
    );
    expect(measure(accepted(plan), 'grow-ecommerce', 'ecom-revenue')?.actuals).toEqual([
      { date: '2026-06-30', value: 43_100_000 },
      { date: '2026-09-30', value: 44_200_000 },
      { date: '2026-12-04', value: 45_000_000 },
    ]);
    const earlier = addMeasureActual(STATE, 'grow-ecommerce', 'ecom-revenue', {
      date: '2026-03-31',
      value: 42_500_000,
    });
    expect(
      measure(accepted(earlier), 'grow-ecommerce', 'ecom-revenue')?.actuals?.map((a) => a.date),
    ).toEqual(['2026-03-31', '2026-06-30', '2026-09-30']);
    const again = addMeasureActual(STATE, 'grow-ecommerce', 'ecom-revenue', {
      date: '2026-09-30',
      value: 44_300_000,
    });
    expect(again.label).toBe(
      'Changed the actual of “E-commerce fulfilment revenue” on 2026-09-30 to 44300000 EUR',
    );
    expect(measure(accepted(again), 'grow-ecommerce', 'ecom-revenue')?.actuals).toEqual([
      { date: '2026-06-30', value: 43_100_000 },
      { date: '2026-09-30', value: 44_300_000 },
    ]);
    // The first actual of a measure without any.
    const first = addMeasureActual(STATE, 'greener-fleet', 'co2-per-parcel', {
      date: '2026-12-01',
      value: 402,
    });
    expect(first.label).toBe('Recorded 402 g for “CO2 per parcel” on 2026-12-01');
    expect(measure(accepted(first), 'greener-fleet', 'co2-per-parcel')?.actuals).toEqual([
      { date: '2026-12-01', value: 402 },
    ]);
    expect(
      refused(
        addMeasureActual(STATE, 'greener-fleet', 'co2-per-parcel', {
          date: '2026-13-01',
          value: 1,
        }),
      ),
    ).toEqual(['expected a real date']);
    expect(
      refused(
        addMeasureActual(STATE, 'greener-fleet', 'co2-per-parcel', {
          date: '2026-12-01',
          value: 1e16,
        }),
      ),
    ).toEqual(['must be at most 1,000,000,000,000,000']);
  });

  it('deleteMeasureActual removes that actual, and the list with the last one', () => {
    const plan = deleteMeasureActual(STATE, 'grow-ecommerce', 'ecom-revenue', {
      date: '2026-06-30',
      value: 43_100_000,
    });
    expect(plan.label).toBe('Deleted the actual of “E-commerce fulfilment revenue” on 2026-06-30');
    expect(measure(accepted(plan), 'grow-ecommerce', 'ecom-revenue')?.actuals).toEqual([
      { date: '2026-09-30', value: 44_200_000 },
    ]);
    const last = accepted(
      deleteMeasureActual(STATE, 'self-service', 'online-bookings', {
        date: '2026-09-30',
        value: 63,
      }),
    );
    expect(measure(last, 'self-service', 'online-bookings')).not.toHaveProperty('actuals');
    expect(() =>
      deleteMeasureActual(STATE, 'self-service', 'online-bookings', {
        date: '2026-09-30',
        value: 64,
      }),
    ).toThrow(OperationError);
  });
});
