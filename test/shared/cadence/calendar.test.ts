/** The calendar: occurrences merged with stored reviews, one-offs, and what comes next. */
import { describe, expect, it } from 'vitest';
import {
  calendarEntries,
  nextReviewOf,
  openActions,
  previousHeldReview,
} from '../../../shared/cadence/calendar';
import type { Review } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { MONTHLY, agendaPortfolio } from './fixture';

function review(fields: Partial<Review> & Pick<Review, 'id' | 'date' | 'status'>): Review {
  return { title: MONTHLY.name, kind: 'portfolio-review', agenda: [], ...fields };
}

const REVIEWS: Review[] = [
  review({ id: 'jan', cadenceId: 'monthly', date: '2027-01-05', time: '10:00', status: 'held' }),
  review({
    id: 'feb',
    cadenceId: 'monthly',
    date: '2027-02-02',
    time: '10:00',
    status: 'cancelled',
  }),
  review({ id: 'off', title: 'Offsite', kind: 'other', date: '2027-02-10', status: 'planned' }),
];

function portfolio(): Portfolio {
  return {
    ...agendaPortfolio(),
    reviews: REVIEWS,
    actions: [
      { id: 'a1', title: 'Later', reviewId: 'jan', due: '2027-03-01' },
      { id: 'a2', title: 'Undated', reviewId: 'jan' },
      { id: 'a3', title: 'Sooner', reviewId: 'jan', due: '2027-02-01' },
      { id: 'a4', title: 'Done', reviewId: 'jan', closedOn: '2027-01-20' },
    ],
  };
}

describe('calendarEntries', () => {
  it('merges the series with its stored reviews and adds one-offs, by date', () => {
    const entries = calendarEntries(portfolio(), '2027-01-01', '2027-03-31', '2027-02-05');
    expect(
      entries.map((entry) => [entry.key, entry.date, entry.time, entry.status, entry.past]),
    ).toEqual([
      ['review:jan', '2027-01-05', '10:00', 'held', true],
      ['review:feb', '2027-02-02', '10:00', 'cancelled', true],
      ['review:off', '2027-02-10', undefined, 'planned', false],
      ['monthly:2027-03-02', '2027-03-02', '10:00', 'upcoming', false],
    ]);
    // London is on GMT in March until the 28th: 10:00 is 10:00 UTC.
    expect(entries[3]).toMatchObject({
      cadenceId: 'monthly',
      start: '2027-03-02T10:00:00.000Z',
      end: '2027-03-02T11:30:00.000Z',
    });
  });

  it('finds the previous held review, the open actions and the next meeting', () => {
    const p = portfolio();
    const march = review({
      id: 'mar',
      cadenceId: 'monthly',
      date: '2027-03-02',
      status: 'planned',
    });
    expect(previousHeldReview(p, march)?.id).toBe('jan');
    expect(previousHeldReview(p, REVIEWS[0]!)).toBeUndefined();
    expect(openActions(p).map((action) => action.id)).toEqual(['a3', 'a1', 'a2']);
    expect(nextReviewOf(p, 'monthly', '2027-01-06')).toMatchObject({
      key: 'monthly:2027-03-02',
      status: 'upcoming',
    });
  });
});
