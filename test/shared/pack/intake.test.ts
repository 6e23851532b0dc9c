import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { Proposal } from '../../../shared/intake/types';
import { intakeSummary, MAX_WAITING_LISTED, proposalFit } from '../../../shared/pack/intake';
import type { Decision, Portfolio } from '../../../shared/portfolio/types';

const demo = DEMO_PORTFOLIO;

function summaryOf(portfolio: Portfolio, date: string, since?: string) {
  const summary = intakeSummary(portfolio, { date, ...(since !== undefined && { since }) });
  if (summary.kind !== 'summary') throw new Error('no intake summary');
  return summary;
}

const GATE_DECISION: Decision = {
  id: 'decision-1',
  date: '2026-11-20',
  kind: 'gate',
  title: 'Gate: approved “Depot energy monitoring”',
  decision: 'Approved “Depot energy monitoring”.',
  rationale: 'Energy prices doubled; the board wants the numbers before the next contract.',
  decidedBy: 'Intake board',
};

/** The demo with its screened energy proposal sent back and then approved, with its decision. */
function withDecisions(): Portfolio {
  const proposals = (demo.proposals ?? []).map((proposal): Proposal => {
    if (proposal.id !== 'depot-energy') return proposal;
    return {
      ...proposal,
      stage: 'approved',
      history: [
        ...proposal.history,
        { stage: 'submitted', date: '2026-10-20' },
        { stage: 'screening', date: '2026-11-02' },
        { stage: 'approved', date: '2026-11-20', decisionId: GATE_DECISION.id },
      ],
      initiativeId: 'handheld-refresh',
      decisionIds: [GATE_DECISION.id],
    };
  });
  return { ...demo, proposals, decisions: [GATE_DECISION] };
}

describe('the intake section of the board pack', () => {
  it('is left out of a portfolio without proposals', () => {
    const { proposals: _none, ...bare } = demo;
    expect(intakeSummary(bare, { date: '2026-11-25' })).toEqual({ kind: 'none' });
    expect(intakeSummary({ ...demo, proposals: [] }, { date: '2026-11-25' })).toEqual({
      kind: 'none',
    });
  });

  it('lists the gate decisions of the last 90 days, newest first, with the PMO’s stage names', () => {
    const summary = summaryOf(demo, '2026-11-25');
    expect(summary.window).toMatchObject({ since: '2026-08-27', until: '2026-11-25' });
    expect(
      summary.decisions.map((decision) => [decision.date, decision.outcomeLabel, decision.title]),
    ).toEqual([
      ['2026-10-19', 'Deferred', 'Driver wellbeing app'],
      ['2026-10-14', 'Rejected', 'Own parcel lockers in Belgium'],
      ['2026-09-21', 'Approved', 'Marketplace & webshop connectors'],
      ['2026-09-16', 'Deferred', 'Drone stock counts in Venlo'],
    ]);
    // What came of each: the initiative it became, the date to look at it again.
    expect(summary.decisions[0]?.detail).toBe('To be looked at again on 2027-02-01.');
    expect(summary.decisions[2]?.detail).toBe(
      'It became the initiative “Marketplace & webshop connectors”.',
    );
    expect(summary.lead).toBe(
      'From 2026-08-27 to 2026-11-25, 4 gate decisions: 1 approved, 2 deferred and 1 rejected. ' +
        'Of the proposals decided in that time, 50 % were approved (1 approved, 1 rejected). ' +
        'From submission to decision took 32.5 days (the median of 4 proposals). ' +
        '5 proposals wait at the gate, 1 of them passing every rule now. ' +
        '1 draft is still being written.',
    );
  });

  it('starts from the previous pack’s date when the settings give one, both days included', () => {
    const summary = summaryOf(demo, '2026-11-25', '2026-10-14');
    expect(summary.decisions.map((decision) => decision.title)).toEqual([
      'Driver wellbeing app',
      'Own parcel lockers in Belgium',
    ]);
    expect(summaryOf(demo, '2026-11-25', '2026-11-01').lead).toMatch(
      /^No gate decision was taken from 2026-11-01 to 2026-11-25\./,
    );
  });

  it('counts a move back along the pipeline as a decision, and takes the rationale from the log', () => {
    const summary = summaryOf(withDecisions(), '2026-11-25', '2026-10-01');
    const energy = summary.decisions.filter((decision) => decision.proposalId === 'depot-energy');
    expect(
      energy.map((decision) => [decision.date, decision.outcome, decision.outcomeLabel]),
    ).toEqual([
      ['2026-11-20', 'approved', 'Approved'],
      ['2026-10-20', 'sent-back', 'Sent back to Submitted'],
    ]);
    expect(energy[0]).toMatchObject({
      decisionId: 'decision-1',
      rationale: GATE_DECISION.rationale,
      decidedBy: 'Intake board',
      detail: 'It became the initiative “Handheld scanner refresh”.',
    });
    // A deferred proposal brought back is not a decision: it comes back to be decided.
    const back = summaryOf(
      {
        ...demo,
        proposals: (demo.proposals ?? []).map((proposal) =>
          proposal.id === 'drone-stock-counts'
            ? {
                ...proposal,
                stage: 'screening' as const,
                history: [...proposal.history, { stage: 'screening' as const, date: '2026-11-20' }],
              }
            : proposal,
        ),
      },
      '2026-11-25',
      '2026-11-01',
    );
    expect(back.decisions).toEqual([]);
  });

  it('shows what waits at the gate, longest first, with its fit and what blocks it', () => {
    const summary = summaryOf(demo, '2026-11-25');
    expect(
      summary.waiting.map((entry) => [entry.title, entry.stageLabel, entry.days, entry.size]),
    ).toEqual([
      ['Drone stock counts in Venlo', 'Deferred', 70, 'XL'],
      ['Depot energy monitoring', 'PMO review', 51, 'L'],
      ['Driver wellbeing app', 'Deferred', 37, 'S'],
      ['Cold-chain parcels for online pharmacies', 'Submitted', 30, 'M'],
      ['Same-day delivery in the Randstad', 'PMO review', 28, 'XL'],
    ]);
    expect(summary.drafts).toBe(1);
    const energy = summary.waiting[1];
    expect(energy?.sponsor).toBe('Sanne Bakker');
    expect(energy?.fit).toBeCloseTo(0.23, 2);
    expect(energy?.passes).toBe(false);
    expect(energy?.gate).toMatch(/^Blocked: .*no business case/);
    const coldChain = summary.waiting[3];
    expect(coldChain).toMatchObject({ passes: true, gate: 'Passes the gate' });
    // The overdue revisit is called out on its row and in the list.
    expect(summary.waiting[0]?.overdueDays).toBe(9);
    expect(summary.overdue).toEqual([
      {
        id: 'drone-stock-counts',
        title: 'Drone stock counts in Venlo',
        revisitOn: '2026-11-16',
        daysOverdue: 9,
      },
    ]);
  });

  it('takes objective fit as the best link’s global weight × contribution', () => {
    const proposal = demo.proposals?.find((entry) => entry.id === 'same-day-randstad');
    expect(proposal).toBeDefined();
    expect(proposalFit(demo, proposal as Proposal)).toBeCloseTo(0.56, 2);
    expect(proposalFit(demo, { ...(proposal as Proposal), objectives: [] })).toBeUndefined();
    expect(
      proposalFit(demo, {
        ...(proposal as Proposal),
        objectives: [{ id: 'gone', contribution: 3 }],
      }),
    ).toBeUndefined();
  });
});

describe('a long queue at the gate', () => {
  it(`lists the ${MAX_WAITING_LISTED} longest waiting and counts the rest`, () => {
    const queue: Proposal[] = Array.from({ length: 1_200 }, (_, index) => ({
      id: `queued-${index}`,
      title: `Queued idea ${index}`,
      stage: 'submitted',
      history: [
        { stage: 'draft', date: '2026-09-01' },
        { stage: 'submitted', date: `2026-10-${String((index % 28) + 1).padStart(2, '0')}` },
      ],
      sponsor: 'Queue sponsor',
      problem: 'Waiting.',
      size: 'S',
    }));
    const summary = summaryOf(
      { ...demo, proposals: [...(demo.proposals ?? []), ...queue] },
      '2026-12-07',
    );
    expect(summary.waiting).toHaveLength(MAX_WAITING_LISTED);
    expect(summary.waitingCount).toBe(1_205);
    expect(summary.lead).toContain('1,205 proposals wait at the gate');
    const days = summary.waiting.map((entry) => entry.days ?? 0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});
