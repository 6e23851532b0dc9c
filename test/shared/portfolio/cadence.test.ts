/**
 * The governance calendar in the portfolio file: meeting series (`cadences`), `reviews`,
 * `actions` and `snapshots` read strictly (a file the editor could not have made is refused,
 * by path), written canonically, and round-tripped byte for byte.
 */
import { describe, expect, it } from 'vitest';
import {
  localDateTimeProblem,
  ruleProblem,
  timeZoneProblem,
} from '../../../shared/cadence/recurrence';
import { fingerprint } from '../../../shared/pack/content';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import {
  SNAPSHOT_FINGERPRINT_MESSAGE,
  checkRecord,
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { problemsAfter, problemsOf } from '../../../shared/store/check';
import { applyChanges, portfolioToState, stateToPortfolio } from '../../../shared/store/state';
import { smallPortfolioFile } from './fixtures';

/** Plain order keys for the store's lists (a0, a1, …). */
const KEYS = {
  between: () => 'm',
  spread: (_before: string | null, _after: string | null, count: number) =>
    Array.from({ length: count }, (_unused, index) => `a${index}`),
};

function read(file: unknown): Portfolio {
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

function problems(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('the file was accepted');
  return result.errors;
}

/** The text a snapshot of the small portfolio holds, and its fingerprint. */
function snapshotOfSmall(id: string, reviewId?: string) {
  const text = writePortfolio(read(smallPortfolioFile()));
  return {
    id,
    ...(reviewId !== undefined && { reviewId }),
    label: 'Portfolio review, 5 January 2027',
    takenAt: '2027-01-05T11:32:00.000Z',
    fingerprint: textFingerprint(text),
    text,
  };
}

/** The small file with reviews, actions and snapshots, and no meeting series. */
function fileWithReviews() {
  const file = smallPortfolioFile();
  file.reviews = [
    {
      id: 'rev-jan',
      title: 'Portfolio review',
      kind: 'portfolio-review',
      date: '2027-01-05',
      time: '10:00',
      status: 'held',
      agenda: [
        {
          id: 'item-1',
          kind: 'at-risk',
          title: 'CRM revamp is behind plan',
          detail: 'Progress 20 % against 50 % planned.',
          refs: [{ kind: 'initiative', id: 'crm-revamp' }],
          source: 'at-risk:crm-revamp',
          minutes: 10,
          notes: 'Rebaseline in February.',
          outcome: 'discussed',
          decisions: ['d-1'],
        },
        { id: 'item-2', kind: 'custom', title: 'Any other business', minutes: 5 },
      ],
      dismissed: ['capacity:platform:2027-Q1'],
      attendance: [
        { name: 'Ana', present: true },
        { name: 'Ben', present: false },
      ],
      notes: 'Quorum reached.',
      heldAt: '2027-01-05T11:32:00.000Z',
      snapshotId: 'snap-jan',
    },
    {
      id: 'rev-feb',
      title: 'Portfolio review',
      kind: 'portfolio-review',
      date: '2027-02-02',
      status: 'planned',
      agenda: [],
    },
  ];
  file.actions = [
    {
      id: 'act-1',
      title: 'Rebaseline the CRM revamp',
      owner: 'Ana',
      due: '2027-01-31',
      reviewId: 'rev-jan',
      agendaItemId: 'item-1',
    },
  ];
  file.decisions = [
    {
      id: 'd-1',
      date: '2027-01-05',
      kind: 'review',
      title: 'Rebaseline CRM',
      decision: 'The CRM revamp is rebaselined.',
      concerns: [
        { kind: 'review', id: 'rev-jan' },
        { kind: 'initiative', id: 'crm-revamp' },
      ],
    },
  ];
  file.actuals = [
    { initiativeId: 'crm-revamp', periodId: '2027-Q1', progress: 0.2, rag: 'amber', note: 'Late' },
  ];
  file.snapshots = [snapshotOfSmall('snap-jan', 'rev-jan')];
  return file;
}

describe('reviews, actions and snapshots in the file', () => {
  it('reads them, and writes them back byte for byte, in the documented key order', () => {
    const portfolio = read(fileWithReviews());
    expect(portfolio.reviews?.map((review) => review.id)).toEqual(['rev-jan', 'rev-feb']);
    expect(portfolio.reviews?.[0]?.agenda[0]?.refs).toEqual([
      { kind: 'initiative', id: 'crm-revamp' },
    ]);
    expect(portfolio.actuals?.[0]?.rag).toBe('amber');
    expect(portfolio.decisions?.[0]?.concerns?.[0]).toEqual({ kind: 'review', id: 'rev-jan' });
    const text = writePortfolio(portfolio);
    const again = readPortfolioText(text);
    expect(again.ok).toBe(true);
    expect(again.ok && writePortfolio(again.portfolio)).toBe(text);
    const document = JSON.parse(text);
    expect(Object.keys(document).slice(-4)).toEqual([
      'decisions',
      'reviews',
      'actions',
      'snapshots',
    ]);
    expect(Object.keys(document.actuals[0])).toEqual([
      'initiativeId',
      'periodId',
      'progress',
      'rag',
      'note',
    ]);
    expect(Object.keys(document.reviews[0])).toEqual([
      'id',
      'title',
      'kind',
      'date',
      'time',
      'status',
      'agenda',
      'dismissed',
      'attendance',
      'notes',
      'heldAt',
      'snapshotId',
    ]);
    expect(Object.keys(document.snapshots[0])).toEqual([
      'id',
      'reviewId',
      'label',
      'takenAt',
      'fingerprint',
      'text',
    ]);
  });

  it('reads a review without an agenda as one with an empty agenda', () => {
    const file = fileWithReviews();
    delete file.reviews[1].agenda;
    expect(read(file).reviews?.[1]?.agenda).toEqual([]);
  });

  it('keeps unknown keys of a review, an agenda item and an action', () => {
    const file = fileWithReviews();
    file.reviews[0].room = 'Board room';
    file.reviews[0].agenda[0].colour = 'red';
    file.actions[0].ticket = 'PMO-12';
    const portfolio = read(file);
    expect(portfolio.reviews?.[0]?.extras).toEqual({ room: 'Board room' });
    expect(portfolio.reviews?.[0]?.agenda[0]?.extras).toEqual({ colour: 'red' });
    expect(portfolio.actions?.[0]?.extras).toEqual({ ticket: 'PMO-12' });
    const document = JSON.parse(writePortfolio(portfolio));
    expect(Object.keys(document.reviews[0]).at(-1)).toBe('room');
  });

  it('accepts a review whose snapshot the file leaves out, and agenda items about records that are gone', () => {
    const file = fileWithReviews();
    delete file.snapshots;
    file.reviews[0].agenda[0].refs = [{ kind: 'initiative', id: 'long-gone' }];
    const portfolio = read(file);
    expect(portfolio.reviews?.[0]?.snapshotId).toBe('snap-jan');
    expect(portfolio.snapshots).toBeUndefined();
  });

  it('refuses a snapshot whose text was changed after it was taken', () => {
    const file = fileWithReviews();
    file.snapshots[0].text = file.snapshots[0].text.replace('CRM revamp', 'CRM rewrite');
    expect(problems(file)).toEqual([
      {
        path: 'snapshots[0].fingerprint',
        message: SNAPSHOT_FINGERPRINT_MESSAGE,
        where: 'Snapshot “Portfolio review, 5 January 2027”, fingerprint',
      },
    ]);
  });

  it('refuses bad dates, times, kinds and statuses, each by its path', () => {
    const file = fileWithReviews();
    file.reviews[0].date = '2027-02-30';
    file.reviews[0].time = '25:00';
    file.reviews[0].kind = 'stand-up';
    file.reviews[1].status = 'postponed';
    file.reviews[0].agenda[0].outcome = 'parked';
    file.reviews[0].agenda[1].kind = 'gossip';
    file.reviews[0].heldAt = '2027-01-05 11:32';
    file.actions[0].due = '2027-01-32';
    file.actuals[0].rag = 'purple';
    const found = problems(file).map((problem) => [problem.path, problem.message]);
    expect(found).toEqual([
      ['actuals[0].rag', 'expected one of green, amber, red'],
      [
        'reviews[0].kind',
        'expected one of portfolio-review, alignment-checkpoint, value-review, other',
      ],
      ['reviews[0].date', 'expected a real date'],
      ['reviews[0].time', 'expected a time of day as HH:MM, such as 10:00'],
      ['reviews[0].agenda[0].outcome', 'expected one of discussed, carried'],
      [
        'reviews[0].agenda[1].kind',
        'expected one of at-risk, capacity, budget, measure, benefit, gate, decisions, carried, actions, custom',
      ],
      [
        'reviews[0].heldAt',
        'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
      ],
      ['reviews[1].status', 'expected one of planned, held, cancelled'],
      ['actions[0].due', 'expected a real date'],
    ]);
  });

  it('names the place in words: the review by its title and date, the agenda item by its title', () => {
    const file = fileWithReviews();
    file.reviews[0].agenda[0].minutes = 2.5;
    expect(problems(file)).toEqual([
      {
        path: 'reviews[0].agenda[0].minutes',
        message: 'expected a whole number of minutes from 0 to 1,440',
        where:
          'Review “Portfolio review” of 2027-01-05, agenda item “CRM revamp is behind plan”, minutes',
      },
    ]);
  });

  it('refuses ids used twice, in the lists and in one agenda', () => {
    const file = fileWithReviews();
    file.reviews[1].id = 'rev-jan';
    file.reviews[0].agenda[1].id = 'item-1';
    file.actions.push({ ...file.actions[0] });
    file.snapshots.push({ ...file.snapshots[0] });
    const found = problems(file).map((problem) => [problem.path, problem.message]);
    expect(found).toEqual([
      ['reviews[1].id', 'review id "rev-jan" is used more than once; ids must be unique'],
      ['actions[1].id', 'action id "act-1" is used more than once; ids must be unique'],
      ['snapshots[1].id', 'snapshot id "snap-jan" is used more than once; ids must be unique'],
      [
        'reviews[0].agenda[1].id',
        'agenda item id "item-1" is used more than once in this review; ids must be unique',
      ],
    ]);
  });

  it('refuses an action of a review that is not in the file, and a review of a series that is not', () => {
    const file = fileWithReviews();
    file.actions[0].reviewId = 'rev-mar';
    file.reviews[1].cadenceId = 'monthly';
    const found = problems(file).map((problem) => [problem.path, problem.message]);
    expect(found).toEqual([
      ['reviews[1].cadenceId', 'meeting series "monthly" does not exist'],
      ['actions[0].reviewId', 'review "rev-mar" does not exist'],
    ]);
  });

  it('checks one review on its own as the reader does', () => {
    const portfolio = read(fileWithReviews());
    const review = portfolio.reviews?.[1];
    expect(checkRecord('reviews', { ...review, status: 'done' })).toEqual([
      {
        path: 'status',
        message: 'expected one of planned, held, cancelled',
        where: 'Review “Portfolio review” of 2027-02-02, status',
      },
    ]);
    expect(checkRecord('reviews', review as object)).toEqual([]);
  });

  it('takes the same fingerprint as the review pack', () => {
    const text = writePortfolio(read(smallPortfolioFile()));
    expect(textFingerprint(text)).toBe(fingerprint(text));
    expect(textFingerprint('')).toBe('cbf29ce484222325');
  });
});

describe('the store and the file', () => {
  it('keeps reviews and actions as records of their own, and snapshots out of the state', () => {
    const portfolio = read(fileWithReviews());
    const state = portfolioToState(portfolio, { kind: 'file', label: 'northwind.json' }, KEYS);
    expect(state.reviews.map((review) => [review.id, review.order])).toEqual([
      ['rev-jan', 'a0'],
      ['rev-feb', 'a1'],
    ]);
    expect(state.actions.map((action) => action.id)).toEqual(['act-1']);
    expect('snapshots' in state).toBe(false);
    const { snapshots: _snapshots, ...withoutSnapshots } = portfolio;
    expect(writePortfolio(stateToPortfolio(state))).toBe(writePortfolio(withoutSnapshots));
    expect(problemsOf(state)).toEqual([]);
  });

  it('an edit that leaves an action without its review is refused as the reader refuses it', () => {
    const portfolio = read(fileWithReviews());
    const state = portfolioToState(portfolio, { kind: 'file', label: 'northwind.json' }, KEYS);
    const broken = { ...state, reviews: state.reviews.filter((review) => review.id !== 'rev-jan') };
    expect(problemsOf(broken).map((problem) => [problem.path, problem.message])).toEqual([
      ['actions[0].reviewId', 'review "rev-jan" does not exist'],
    ]);
  });
});

/** The small file with a monthly meeting series and a review of it. */
function fileWithSeries() {
  const file = fileWithReviews();
  file.cadences = [
    {
      id: 'monthly',
      name: 'Monthly portfolio review',
      kind: 'portfolio-review',
      start: '2027-01-05T10:00',
      durationMinutes: 90,
      timeZone: 'Europe/London',
      rule: 'FREQ=MONTHLY;BYDAY=+1TU',
      location: 'Board room',
      attendees: ['Ana', 'Ben'],
    },
    {
      id: 'kick-off',
      name: 'Kick-off',
      kind: 'other',
      start: '2027-01-11T09:30',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    },
  ];
  file.reviews[0].cadenceId = 'monthly';
  file.reviews[1].cadenceId = 'monthly';
  return file;
}

describe('meeting series in the file', () => {
  it('reads them and writes them back byte for byte', () => {
    const portfolio = read(fileWithSeries());
    expect(portfolio.cadences?.map((cadence) => cadence.id)).toEqual(['monthly', 'kick-off']);
    const text = writePortfolio(portfolio);
    const document = JSON.parse(text);
    expect(Object.keys(document).indexOf('cadences')).toBe(
      Object.keys(document).indexOf('reviews') - 1,
    );
    expect(Object.keys(document.cadences[0])).toEqual([
      'id',
      'name',
      'kind',
      'start',
      'durationMinutes',
      'timeZone',
      'rule',
      'location',
      'attendees',
    ]);
    const again = readPortfolioText(text);
    expect(again.ok && writePortfolio(again.portfolio)).toBe(text);
  });

  it('refuses a time zone, a rule and a first date-time the editor refuses, by path', () => {
    const file = fileWithSeries();
    file.cadences[0].timeZone = 'Mars/Olympus_Mons';
    file.cadences[0].rule = 'FREQ=SOMETIMES';
    file.cadences[1].start = '2027-02-30T09:30';
    file.cadences[1].durationMinutes = 0;
    const found = problems(file);
    expect(found.map((problem) => problem.path)).toEqual([
      'cadences[0].timeZone',
      'cadences[0].rule',
      'cadences[1].start',
      'cadences[1].durationMinutes',
    ]);
    // The same words as the series editor's.
    expect(found.slice(0, 3).map((problem) => problem.message)).toEqual([
      timeZoneProblem('Mars/Olympus_Mons'),
      ruleProblem('FREQ=SOMETIMES'),
      localDateTimeProblem('2027-02-30T09:30'),
    ]);
    for (const problem of found) expect(problem.message).toBeTruthy();
    expect(found[0]?.where).toBe('Meeting series Monthly portfolio review, time zone');
    expect(found[3]?.message).toBe('expected a whole number of minutes from 1 to 1,440');
  });

  it('refuses two reviews of one series on one date', () => {
    const file = fileWithSeries();
    file.reviews[1].date = '2027-01-05';
    expect(problems(file).map((problem) => [problem.path, problem.message])).toEqual([
      [
        'reviews[1].date',
        'review "rev-jan" is already the meeting of series "monthly" on 2027-01-05; a series has one review per date',
      ],
    ]);
  });

  it('refuses a series id used twice', () => {
    const file = fileWithSeries();
    file.cadences[1].id = 'monthly';
    expect(problems(file).map((problem) => [problem.path, problem.message])).toEqual([
      ['cadences[1].id', 'meeting series id "monthly" is used more than once; ids must be unique'],
    ]);
  });

  it('an edit that gives a series a time zone the reader refuses is refused, by the same path', () => {
    const state = portfolioToState(read(fileWithSeries()), { kind: 'empty' }, KEYS);
    const before = state.cadences[1];
    const after = { ...before, timeZone: 'Atlantis/Capital' };
    const changes = [{ table: 'cadences' as const, key: 'kick-off', before, after }];
    const found = problemsAfter(applyChanges(state, changes), changes);
    expect(found.map((problem) => [problem.path, problem.message])).toEqual([
      ['cadences[1].timeZone', timeZoneProblem('Atlantis/Capital')],
    ]);
    // Dropping the series the reviews name is refused too.
    const drop = [{ table: 'cadences' as const, key: 'monthly', before: state.cadences[0] }];
    expect(problemsAfter(applyChanges(state, drop), drop).map((problem) => problem.path)).toEqual([
      'reviews[0].cadenceId',
      'reviews[1].cadenceId',
    ]);
  });
});
