/** The pack's workshop summary, worked by hand from a three-person session. */
import { describe, expect, it } from 'vitest';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import {
  WORKSHOP_SPREAD_CELLS,
  finishedWorkshops,
  packWorkshop,
  workshopSummary,
  type WorkshopSummary,
} from '../../../shared/pack/workshop';
import { FINISHED_SESSION, WORKSHOP_PORTFOLIO } from './workshop-portfolio';

function summaryOf(portfolio: Portfolio = WORKSHOP_PORTFOLIO, id?: string): WorkshopSummary {
  const summary = workshopSummary(portfolio, id);
  if (summary.kind !== 'session') throw new Error(summary.sentence);
  return summary;
}

/** The portfolio with only `session` as its workshops. */
function withSession(session: Workshop, change: Partial<Portfolio> = {}): Portfolio {
  return { ...WORKSHOP_PORTFOLIO, workshops: [session], ...change };
}

describe('which session the pack summarises', () => {
  it('takes the latest finished session, not a later one still under way', () => {
    expect(finishedWorkshops(WORKSHOP_PORTFOLIO).map((w) => w.id)).toEqual(['ws-q1', 'ws-old']);
    expect(packWorkshop(WORKSHOP_PORTFOLIO)?.id).toBe('ws-q1');
    expect(summaryOf().title).toBe('Q1 prioritisation workshop');
  });

  it('takes the finished session the settings name, and falls back when it is not finished', () => {
    expect(summaryOf(WORKSHOP_PORTFOLIO, 'ws-old').title).toBe('Autumn scoring session');
    expect(summaryOf(WORKSHOP_PORTFOLIO, 'ws-next').id).toBe('ws-q1');
    expect(summaryOf(WORKSHOP_PORTFOLIO, 'gone').id).toBe('ws-q1');
  });

  it('orders sessions without a date by the day their outcome was recorded, then by file order', () => {
    const { date: _date, ...undated } = FINISHED_SESSION;
    const portfolio = withSession(undated, {
      workshops: [
        { ...undated, id: 'a', outcome: { scenarioId: 'after', before: [], after: [] } },
        { ...undated, id: 'b' },
        { ...undated, id: 'c', date: '2026-12-01' },
        { ...undated, id: 'd' },
      ],
    });
    // b and d were recorded on 2027-01-12, after c's date; of those, d comes later in the file.
    expect(finishedWorkshops(portfolio).map((w) => w.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('says so in one sentence when no session has finished', () => {
    expect(workshopSummary({ ...WORKSHOP_PORTFOLIO, workshops: undefined })).toEqual({
      kind: 'none',
      sentence: 'No workshop session has been held, so there is no workshop to summarise.',
    });
    const underWay = WORKSHOP_PORTFOLIO.workshops?.filter((w) => w.stage !== 'done') ?? [];
    expect(workshopSummary({ ...WORKSHOP_PORTFOLIO, workshops: underWay })).toEqual({
      kind: 'none',
      sentence:
        'No workshop session has finished yet (1 session in progress), so there is no workshop to summarise.',
    });
  });
});

describe('the workshop summary', () => {
  it('names the session: title, date, facilitator, participants, purpose and criteria', () => {
    const summary = summaryOf();
    expect(summary).toMatchObject({
      title: 'Q1 prioritisation workshop',
      date: '2027-01-12',
      facilitator: 'Dana Okafor',
      purpose: 'Agree which of the three platform bets goes first in 2027.',
      participants: ['Priya', 'Sam', 'Lee'],
      criteria: [
        { id: 'value', name: 'Customer value', scale: '1–5' },
        { id: 'urgency', name: 'Urgency', scale: '1–10' },
      ],
    });
    expect(summary.lead).toBe(
      '3 participants scored 3 initiatives on 2 criteria; 1 cell was re-scored after discussion; 1 score stood far from the others.',
    );
  });

  it('lists the cells from the least agreement to the most, with the outlier and the re-score', () => {
    const { spread } = summaryOf();
    expect(spread.more).toBe(0);
    expect(spread.cells.map((cell) => `${cell.initiativeId}/${cell.criterionId}`)).toEqual([
      'data/value',
      'data/urgency',
      'crm/value',
      'wms/value',
      'crm/urgency',
      'wms/urgency',
    ]);
    const [first] = spread.cells;
    expect(first?.outliers).toEqual(['Sam scored 1, the others 4–5']);
    // Round 2 replaced the split 2 / 9 / 5: the room now agrees on 6–7.
    const rescored = spread.cells.find((cell) => cell.rescored);
    expect(rescored?.initiativeId).toBe('wms');
    expect(rescored?.spread).toMatchObject({ min: 6, max: 7, median: 6 });
  });

  it(`shows at most ${WORKSHOP_SPREAD_CELLS} cells, the least agreed, and counts the rest`, () => {
    const extra = ['e1', 'e2', 'e3'];
    const portfolio = withSession(
      {
        ...FINISHED_SESSION,
        initiatives: [...FINISHED_SESSION.initiatives, ...extra],
        // Everyone agrees on the extra initiatives: they are the ones left out.
        scores: [
          ...(FINISHED_SESSION.scores ?? []),
          ...extra.flatMap((initiativeId) =>
            ['priya', 'sam', 'lee'].flatMap((participantId) => [
              { participantId, initiativeId, criterionId: 'value', value: 3, round: 1 },
              { participantId, initiativeId, criterionId: 'urgency', value: 5, round: 1 },
            ]),
          ),
        ],
      },
      {
        initiatives: [
          ...WORKSHOP_PORTFOLIO.initiatives,
          ...extra.map((id) => ({ id, name: `Extra ${id}`, status: 'proposed' as const })),
        ],
      },
    );
    const { spread } = summaryOf(portfolio);
    expect(spread.cells).toHaveLength(WORKSHOP_SPREAD_CELLS);
    expect(spread.more).toBe(2);
    expect(spread.cells[0]?.initiativeId).toBe('data');
    expect(spread.cells.filter((cell) => cell.initiativeId.startsWith('e'))).toHaveLength(4);
  });

  it('gives the consensus of each initiative: the median, or the facilitator’s call with its note', () => {
    const summary = summaryOf();
    expect(
      summary.consensus.map((row) => [row.name, ...row.entries.map((entry) => entry.score)]),
    ).toEqual([
      ['Data platform', '4', '8'],
      ['CRM renewal', '4', '7'],
      // The re-scored urgency: the median of round 2's 6, 7, 6, not round 1's 5.
      ['Warehouse scanning', '2', '6'],
    ]);
    expect(summary.consensus[0]?.entries[1]).toEqual({
      criterionId: 'urgency',
      score: '8',
      rule: 'facilitator',
      call: 1,
    });
    expect(summary.calls).toEqual([
      {
        number: 1,
        initiative: 'Data platform',
        criterion: 'Urgency',
        score: '8',
        median: '6',
        note: 'The regulator’s reporting deadline in Q3 makes this urgent.',
      },
    ]);
  });

  it('says how each of the session’s initiatives moved in the scenario’s ranking', () => {
    const { outcome } = summaryOf();
    expect(outcome).toMatchObject({
      scenarioId: 'after',
      scenarioName: 'After the workshop',
      scenarioKnown: true,
      newScenario: false,
    });
    // The HR portal is in the ranking but not in the session: it is not listed, yet it counts
    // for the places.
    expect(
      outcome?.moves.map((move) => [move.name, move.before, move.after, move.direction, move.text]),
    ).toEqual([
      ['Data platform', 4, 1, 'up', '↑ 3 places'],
      ['CRM renewal', 3, 2, 'up', '↑ 1 place'],
      ['Warehouse scanning', 1, 4, 'down', '↓ 3 places'],
    ]);
  });

  it('marks a new scenario’s places as new, and names a removed scenario by its id', () => {
    const old = summaryOf(WORKSHOP_PORTFOLIO, 'ws-old');
    expect(old.outcome?.newScenario).toBe(true);
    expect(old.outcome?.moves.map((move) => move.text)).toEqual(['new', 'new', 'new']);
    expect(old.consensus.map((row) => row.name)).toEqual([
      'Warehouse scanning',
      'CRM renewal',
      'Data platform',
    ]);
    const removed = summaryOf(withSession(FINISHED_SESSION, { scenarios: [] }));
    expect(removed.outcome).toMatchObject({ scenarioName: 'after', scenarioKnown: false });
    const dropped = summaryOf(
      withSession({
        ...FINISHED_SESSION,
        outcome: { scenarioId: 'after', before: ['crm', 'wms', 'data'], after: ['crm', 'data'] },
      }),
    );
    expect(dropped.outcome?.moves.map((move) => move.text)).toEqual([
      'no change',
      '↑ 1 place',
      'left the ranking',
    ]);
  });

  it('keeps the session’s order and leaves the ranking out when no outcome was recorded', () => {
    const summary = summaryOf(withSession({ ...FINISHED_SESSION, outcome: undefined }));
    expect(summary.outcome).toBeUndefined();
    expect(summary.consensus.map((row) => row.initiativeId)).toEqual(['crm', 'wms', 'data']);
  });

  it('gives the dot vote, most points first, with who voted', () => {
    expect(summaryOf().dots).toEqual({
      weighted: true,
      perPerson: 3,
      tally: [
        { itemId: 'data', name: 'Data platform', points: 10, dots: 4, voters: 2 },
        { itemId: 'crm', name: 'CRM renewal', points: 7, dots: 4, voters: 3 },
        { itemId: 'wms', name: 'Warehouse scanning', points: 1, dots: 1, voters: 1 },
      ],
      voters: 3,
      refused: 0,
    });
  });

  it('counts a ballot that broke the rules as refused, and has no dot vote without the round', () => {
    const fourDots = summaryOf(
      withSession({
        ...FINISHED_SESSION,
        votes: [
          ...(FINISHED_SESSION.votes ?? []),
          { participantId: 'sam', initiativeId: 'data', dots: 1 },
        ],
      }),
    );
    expect(fourDots.dots).toMatchObject({ voters: 2, refused: 1 });
    expect(fourDots.dots?.tally[0]).toMatchObject({ itemId: 'data', points: 10 });
    const { dots: _dots, ...noVote } = FINISHED_SESSION;
    expect(summaryOf(withSession(noVote)).dots).toBeUndefined();
  });
});
