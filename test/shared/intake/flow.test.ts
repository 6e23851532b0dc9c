import { describe, expect, it } from 'vitest';
import { intakeFlow, median } from '../../../shared/intake/flow';
import type { IntakeStage, Proposal, StageChange } from '../../../shared/intake/types';

function proposal(
  id: string,
  moves: readonly (readonly [IntakeStage, string])[],
  extra: Partial<Proposal> = {},
): Proposal {
  const history: StageChange[] = moves.map(([stage, date]) => ({ stage, date }));
  return {
    id,
    title: `Proposal ${id}`,
    stage: history[history.length - 1]?.stage ?? 'draft',
    history,
    ...extra,
  };
}

const TODAY = '2027-03-01';

// Submitted on 1 Feb and approved 10 days later; submitted 5 Jan, rejected 35 days later; submitted
// 10 Jan, deferred 20 days later (to be revisited on 15 Feb, now overdue); one in screening since
// 20 Feb; a draft since 1 Jan; a deferred one revisited in April.
const PROPOSALS: readonly Proposal[] = [
  proposal('a', [
    ['draft', '2027-01-25'],
    ['submitted', '2027-02-01'],
    ['screening', '2027-02-03'],
    ['approved', '2027-02-11'],
  ]),
  proposal('b', [
    ['submitted', '2027-01-05'],
    ['screening', '2027-01-20'],
    ['rejected', '2027-02-09'],
  ]),
  proposal(
    'c',
    [
      ['submitted', '2027-01-10'],
      ['screening', '2027-01-15'],
      ['deferred', '2027-01-30'],
    ],
    {
      revisitOn: '2027-02-15',
    },
  ),
  proposal('d', [
    ['draft', '2027-02-01'],
    ['submitted', '2027-02-10'],
    ['screening', '2027-02-20'],
  ]),
  proposal('e', [['draft', '2027-01-01']]),
  proposal(
    'f',
    [
      ['submitted', '2027-02-01'],
      ['screening', '2027-02-02'],
      ['deferred', '2027-02-05'],
    ],
    {
      revisitOn: '2027-04-01',
    },
  ),
];

describe('intake flow figures', () => {
  const flow = intakeFlow(PROPOSALS, TODAY);

  it('counts proposals per stage, every stage present', () => {
    expect(flow.perStage).toEqual({
      draft: 1,
      submitted: 0,
      screening: 1,
      approved: 1,
      deferred: 2,
      rejected: 1,
    });
  });

  it('lists the open proposals by days in their stage, oldest first', () => {
    expect(
      flow.ageing.map((waiting) => [waiting.id, waiting.stage, waiting.since, waiting.days]),
    ).toEqual([
      ['e', 'draft', '2027-01-01', 59],
      ['c', 'deferred', '2027-01-30', 30],
      ['f', 'deferred', '2027-02-05', 24],
      ['d', 'screening', '2027-02-20', 9],
    ]);
  });

  it('puts proposals whose history does not say when they entered their stage last', () => {
    const odd = { ...proposal('g', [['draft', '2027-01-01']]), stage: 'screening' as const };
    const ageing = intakeFlow([odd, ...PROPOSALS], TODAY).ageing;
    expect(ageing[ageing.length - 1]).toEqual({ id: 'g', title: 'Proposal g', stage: 'screening' });
  });

  it('gives the approval rate over approved and rejected proposals', () => {
    expect(flow.approved).toBe(1);
    expect(flow.rejected).toBe(1);
    expect(flow.approvalRate).toBe(0.5);
  });

  it('gives the median days from first submission to first decision, deferrals included', () => {
    // a: 10 days, b: 35, c: 20, f: 4 → median of 4, 10, 20, 35 = 15.
    expect(flow.decided).toBe(4);
    expect(flow.medianDaysToDecision).toBe(15);
  });

  it('calls out deferred proposals past their revisit date, most overdue first', () => {
    const late = proposal(
      'h',
      [
        ['submitted', '2027-01-02'],
        ['screening', '2027-01-03'],
        ['deferred', '2027-01-04'],
      ],
      {
        revisitOn: '2027-01-10',
      },
    );
    expect(intakeFlow([...PROPOSALS, late], TODAY).overdueRevisits).toEqual([
      { id: 'h', title: 'Proposal h', revisitOn: '2027-01-10', daysOverdue: 50 },
      { id: 'c', title: 'Proposal c', revisitOn: '2027-02-15', daysOverdue: 14 },
    ]);
    // Due today is not overdue.
    expect(intakeFlow(PROPOSALS, '2027-02-15').overdueRevisits).toEqual([]);
  });

  it('counts only decisions since a date for the rate and the median', () => {
    const since = intakeFlow(PROPOSALS, TODAY, { since: '2027-02-10' });
    expect(since.approved).toBe(1);
    expect(since.rejected).toBe(0);
    expect(since.approvalRate).toBe(1);
    // a (decided 11 Feb) only: f was deferred on 5 Feb, c on 30 Jan, b rejected on 9 Feb.
    expect(since.medianDaysToDecision).toBe(10);
    expect(since.perStage).toEqual(flow.perStage);
  });

  it('leaves out the rate and the median when nothing was decided', () => {
    const empty = intakeFlow([proposal('x', [['draft', '2027-01-01']])], TODAY);
    expect(empty.approvalRate).toBeUndefined();
    expect(empty.medianDaysToDecision).toBeUndefined();
    expect(empty.decided).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeUndefined();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 35, 10, 20])).toBe(15);
  });
});
