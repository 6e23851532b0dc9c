import { describe, expect, it } from 'vitest';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { describeWorkTakenOut, workTakenOut } from '../../../shared/prioritize/plan-change';

const PERIODS = [
  { id: '2027-Q1', label: 'Q1 2027' },
  { id: '2027-Q2', label: 'Q2 2027' },
];

function portfolio(capacity: number, initiatives: Initiative[]): Portfolio {
  return {
    name: 'Plan',
    capacityUnit: 'FTE',
    periods: PERIODS,
    teams: [
      { id: 'platform', name: 'Platform', capacity: { '2027-Q1': capacity, '2027-Q2': capacity } },
    ],
    objectives: [],
    initiatives,
    scenarios: [],
  };
}

const wms: Initiative = {
  id: 'wms',
  name: 'WMS upgrade to v12',
  status: 'active',
  demand: { platform: [2.5] },
  start: '2027-Q1',
};
const portal: Initiative = {
  id: 'portal',
  name: 'Customer portal v2',
  status: 'approved',
  demand: { platform: [1, 1] },
};
const idea: Initiative = {
  id: 'idea',
  name: 'Idea',
  status: 'proposed',
  demand: { platform: [1] },
};
const order = ['portal', 'idea', 'wms'];

describe('work an edit takes out of the plan', () => {
  it('names committed work a capacity cut takes out, with the shortage', () => {
    const before = portfolio(4, [wms, portal, idea]);
    const after = portfolio(2, [wms, portal, idea]);
    const out = workTakenOut(before, order, after, order);
    expect(out).toEqual([
      {
        id: 'wms',
        name: 'WMS upgrade to v12',
        status: 'active',
        reason: 'Platform is 0.5 FTE short in Q1 2027',
      },
    ]);
    expect(describeWorkTakenOut(out)).toBe(
      'This change takes WMS upgrade to v12 (active) out of the plan: Platform is 0.5 FTE short in Q1 2027.',
    );
  });

  it('names approved work a move takes out, and lists the rest', () => {
    const before = portfolio(3.5, [wms, portal, { ...idea, status: 'approved' }]);
    const moved = ['idea', 'portal', 'wms'];
    const out = workTakenOut(before, order, before, moved);
    expect(out.map((item) => item.id)).toEqual(['portal']);
    const approvedIdea: Initiative = { ...idea, status: 'approved', start: '2027-Q1' };
    const both = workTakenOut(
      portfolio(5, [wms, portal, approvedIdea]),
      order,
      portfolio(2.5, [wms, portal, approvedIdea]),
      order,
    );
    expect(describeWorkTakenOut(both)).toBe(
      'This change takes Customer portal v2 (approved) out of the plan: Platform is 1 FTE short in Q1 2027. Also out: Idea (approved).',
    );
  });

  it('says nothing of proposals, of stop decisions and cancellations, or when nothing changes', () => {
    const fixedIdea: Initiative = { ...idea, start: '2027-Q1' };
    const before = portfolio(4, [wms, portal, idea]);
    expect(
      workTakenOut(portfolio(4, [wms, fixedIdea]), order, portfolio(2.5, [wms, fixedIdea]), order),
    ).toEqual([]);
    const stopped = portfolio(4, [
      { ...wms, forced: 'out' },
      { ...portal, status: 'cancelled' },
      idea,
    ]);
    expect(workTakenOut(before, order, stopped, order)).toEqual([]);
    expect(workTakenOut(before, order, before, order)).toEqual([]);
    expect(describeWorkTakenOut([])).toBeUndefined();
  });
});
