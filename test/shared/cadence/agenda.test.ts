/** The drafted agenda on the hand-worked example of ./fixture.ts. */
import { describe, expect, it } from 'vitest';
import { draftAgenda, fitToMeeting, plannedProgress } from '../../../shared/cadence/agenda';
import type { Review } from '../../../shared/cadence/types';
import { agendaPortfolio } from './fixture';

function review(kind: Review['kind']): Review {
  return { id: 'r1', title: 'Review', kind, date: '2027-03-01', status: 'planned', agenda: [] };
}

describe('draftAgenda', () => {
  it('drafts a portfolio review from the data, in a stable order', () => {
    const portfolio = agendaPortfolio();
    const items = draftAgenda({
      portfolio,
      review: review('portfolio-review'),
      today: '2027-02-20',
    });
    expect(items.map((item) => item.source)).toEqual([
      'at-risk:crm',
      'at-risk:wms',
      'capacity:platform:q1',
      'capacity:platform:q2',
      'budget:q1',
      'measure:nps',
      'benefit:nps',
      'unaligned',
      'gate:chat',
      'decisions:none',
    ]);
    const [crm, wms, capacity, , budget, measure, benefit, unaligned, gate, decisions] = items;
    expect(crm).toMatchObject({
      kind: 'at-risk',
      title: 'CRM is at risk',
      detail:
        'Reported amber for Q1 2027: Vendor late. 10% done against 33% planned by 1 Mar 2027: 23 points behind.',
      refs: [{ kind: 'initiative', id: 'crm' }],
      // 70 minutes suggested for a one-off meeting of an hour: each item shrinks by 60/70.
      minutes: 8,
    });
    expect(wms!.detail).toMatch(/^Under way but below the cut line of Plan: .*Platform/);
    expect(capacity).toMatchObject({
      title: 'Platform is over capacity in Q1 2027',
      detail:
        'Committed work asks 5 FTE of Platform in Q1 2027, against a capacity of 4 FTE: 1 FTE too much.',
    });
    expect(budget!.detail).toBe(
      'Committed work spends EUR 180 in Q1 2027, against a budget of EUR 150: EUR 30 too much.',
    );
    expect(measure!.title).toBe('NPS is behind (Growth)');
    expect(benefit!.title).toBe('NPS is due by 30 Apr 2027 (Growth)');
    expect(unaligned).toMatchObject({
      title: '1 initiative in the plan serves no objective',
      refs: [{ kind: 'initiative', id: 'portal' }],
    });
    expect(gate).toMatchObject({ title: 'Proposal: Customer chat' });
    expect(gate!.detail).toBe('Submitted since 15 Feb 2027; sponsor Head of service.');
    expect(decisions).toMatchObject({
      title: 'Decisions of the last 90 days',
      detail: '10 Feb 2027: Approve the CRM budget.',
    });
  });

  it('shrinks the suggested minutes to fit the meeting, never below two minutes an item', () => {
    const portfolio = agendaPortfolio();
    const oneOff = draftAgenda({
      portfolio,
      review: review('portfolio-review'),
      today: '2027-02-20',
    });
    // Suggested: 10 for each initiative at risk, the unaligned work and the proposal, 5 for the
    // rest: 70 in all. A one-off meeting lasts an hour, so 10 → floor(10 × 60/70) = 8, 5 → 4.
    expect(oneOff.map((item) => item.minutes)).toEqual([8, 8, 4, 4, 4, 4, 4, 8, 8, 4]);
    expect(oneOff.reduce((sum, item) => sum + (item.minutes ?? 0), 0)).toBe(56);
    // The same agenda for a meeting of 90 minutes fits as suggested.
    const cadence = { ...portfolio.cadences![0]!, durationMinutes: 90 };
    const long = draftAgenda({
      portfolio: { ...portfolio, cadences: [cadence] },
      review: { ...review('portfolio-review'), cadenceId: cadence.id },
      today: '2027-02-20',
    });
    expect(long.map((item) => item.minutes)).toEqual([10, 10, 5, 5, 5, 5, 5, 10, 10, 5]);
    // Ten minutes for ten items: each keeps two.
    expect(fitToMeeting(long, 10).map((item) => item.minutes)).toEqual(Array(10).fill(2));
  });

  it('drafts by the kind of meeting', () => {
    const portfolio = agendaPortfolio();
    const sources = (kind: Review['kind']) =>
      draftAgenda({ portfolio, review: review(kind), today: '2027-02-20' }).map(
        (item) => item.source,
      );
    expect(sources('alignment-checkpoint')).toEqual(['measure:nps', 'unaligned', 'decisions:none']);
    expect(sources('value-review')).toEqual(['benefit:nps', 'measure:nps', 'decisions:none']);
    expect(sources('other')).toEqual([]);
  });

  it('does not flag a benefit due after the 90-day window', () => {
    const portfolio = agendaPortfolio();
    const late = { ...review('value-review'), date: '2027-01-29' };
    // 2027-04-30 is 91 days after 2027-01-29.
    expect(
      draftAgenda({ portfolio, review: late, today: '2027-01-29' }).map((item) => item.source),
    ).not.toContain('benefit:nps');
    const edge = { ...review('value-review'), date: '2027-01-30' };
    expect(
      draftAgenda({ portfolio, review: edge, today: '2027-01-30' }).map((item) => item.source),
    ).toContain('benefit:nps');
  });

  it('counts planned progress by the days of each scheduled period', () => {
    const portfolio = agendaPortfolio();
    expect(plannedProgress(portfolio, 0, 1, '2027-03-01')).toBeCloseTo(60 / 90 / 2);
    expect(plannedProgress(portfolio, 0, 0, '2027-03-31')).toBe(1);
    expect(plannedProgress(portfolio, 0, 1, '2026-12-31')).toBe(0);
  });
});
