/**
 * When a cadence's meetings fall: month ends, the nth weekday, time zones and the changes to and
 * from daylight saving time, worked out by hand from the calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  choiceFromRule,
  describeRecurrence,
  localDateTimeProblem,
  occurrences,
  ruleFromChoice,
  ruleProblem,
  timeZoneProblem,
  type RecurrenceChoice,
} from '../../../shared/cadence/recurrence';
import type { Cadence } from '../../../shared/cadence/types';

function cadence(fields: Partial<Cadence>): Cadence {
  return {
    id: 'c1',
    name: 'Portfolio review',
    kind: 'portfolio-review',
    start: '2026-01-06T10:00',
    durationMinutes: 90,
    timeZone: 'Europe/Berlin',
    ...fields,
  };
}

const dates = (list: readonly { date: string }[]) => list.map((entry) => entry.date);

describe('occurrences', () => {
  it('puts a monthly first-Tuesday meeting at 10:00 Berlin time, summer and winter', () => {
    const list = occurrences(
      cadence({ rule: 'FREQ=MONTHLY;BYDAY=+1TU' }),
      '2026-01-01',
      '2026-12-31',
    );
    expect(dates(list)).toEqual([
      '2026-01-06',
      '2026-02-03',
      '2026-03-03',
      '2026-04-07',
      '2026-05-05',
      '2026-06-02',
      '2026-07-07',
      '2026-08-04',
      '2026-09-01',
      '2026-10-06',
      '2026-11-03',
      '2026-12-01',
    ]);
    expect(list.every((entry) => entry.time === '10:00')).toBe(true);
    // CET (UTC+1) in March, CEST (UTC+2) from 29 March to 25 October.
    expect(list[2]).toEqual({
      cadenceId: 'c1',
      date: '2026-03-03',
      time: '10:00',
      start: '2026-03-03T09:00:00.000Z',
      end: '2026-03-03T10:30:00.000Z',
    });
    expect(list[3]!.start).toBe('2026-04-07T08:00:00.000Z');
    expect(list[9]!.start).toBe('2026-10-06T08:00:00.000Z');
    expect(list[10]!.start).toBe('2026-11-03T09:00:00.000Z');
  });

  it('keeps a weekly 09:00 New York meeting at 09:00 across both changes of the clocks', () => {
    // 2026: clocks go forward on Sunday 8 March, back on Sunday 1 November.
    const weekly = cadence({
      start: '2026-03-02T09:00',
      timeZone: 'America/New_York',
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      durationMinutes: 30,
    });
    const march = occurrences(weekly, '2026-03-01', '2026-03-16');
    expect(march.map((entry) => [entry.date, entry.start])).toEqual([
      ['2026-03-02', '2026-03-02T14:00:00.000Z'],
      ['2026-03-09', '2026-03-09T13:00:00.000Z'],
      ['2026-03-16', '2026-03-16T13:00:00.000Z'],
    ]);
    const november = occurrences(weekly, '2026-10-26', '2026-11-02');
    expect(november.map((entry) => entry.start)).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('moves a meeting in the skipped hour forward and takes the first of a repeated hour', () => {
    // Berlin, Sunday 29 March 2026: 02:00 → 03:00. Sunday 25 October: 03:00 → 02:00.
    const sunday = cadence({ start: '2026-03-22T02:30', rule: 'FREQ=WEEKLY;BYDAY=SU' });
    const spring = occurrences(sunday, '2026-03-29', '2026-03-29');
    expect(spring).toEqual([
      {
        cadenceId: 'c1',
        date: '2026-03-29',
        time: '03:30',
        start: '2026-03-29T01:30:00.000Z',
        end: '2026-03-29T03:00:00.000Z',
      },
    ]);
    const autumn = occurrences(sunday, '2026-10-25', '2026-10-25');
    // 02:30 happens at 00:30 UTC (still summer time) and at 01:30 UTC: the first.
    expect(autumn.map((entry) => [entry.time, entry.start])).toEqual([
      ['02:30', '2026-10-25T00:30:00.000Z'],
    ]);
    // The same in New York: 1:30 on 1 November 2026 is first at 05:30 UTC (EDT).
    const ny = cadence({
      start: '2026-11-01T01:30',
      timeZone: 'America/New_York',
      rule: 'FREQ=WEEKLY;BYDAY=SU',
    });
    expect(occurrences(ny, '2026-11-01', '2026-11-01')[0]!.start).toBe('2026-11-01T05:30:00.000Z');
  });

  it('falls on the last day of months without the 31st', () => {
    const rule = ruleFromChoice(
      { frequency: 'monthly', interval: 1, monthlyBy: 'day' },
      '2026-01-31T10:00',
    );
    expect(rule).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(
      dates(occurrences(cadence({ start: '2026-01-31T10:00', rule }), '2026-01-01', '2026-06-30')),
    ).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    // A leap year: 29 February.
    expect(
      dates(occurrences(cadence({ start: '2028-01-31T10:00', rule }), '2028-02-01', '2028-02-29')),
    ).toEqual(['2028-02-29']);
    // The 30th: February's last day, then back to the 30th.
    const thirtieth = ruleFromChoice(
      { frequency: 'monthly', interval: 1, monthlyBy: 'day' },
      '2026-01-30T10:00',
    );
    expect(
      dates(
        occurrences(
          cadence({ start: '2026-01-30T10:00', rule: thirtieth }),
          '2026-01-01',
          '2026-03-31',
        ),
      ),
    ).toEqual(['2026-01-30', '2026-02-28', '2026-03-30']);
  });

  it('takes the last day of the month, quarterly from the end of March', () => {
    const rule = ruleFromChoice(
      { frequency: 'quarterly', interval: 1, monthlyBy: 'last-day' },
      '2026-03-31T14:00',
    );
    expect(rule).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1');
    expect(
      dates(occurrences(cadence({ start: '2026-03-31T14:00', rule }), '2026-01-01', '2027-03-31')),
    ).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31']);
  });

  it('turns a fifth weekday into the last one', () => {
    // Tuesday 31 March 2026 is the fifth Tuesday of March.
    const rule = ruleFromChoice(
      { frequency: 'monthly', interval: 1, monthlyBy: 'weekday' },
      '2026-03-31T10:00',
    );
    expect(rule).toBe('FREQ=MONTHLY;BYDAY=-1TU');
    expect(
      dates(occurrences(cadence({ start: '2026-03-31T10:00', rule }), '2026-03-01', '2026-05-31')),
    ).toEqual(['2026-03-31', '2026-04-28', '2026-05-26']);
  });

  it('ends on the until date (inclusive, local) or after a count, and honours the limit', () => {
    const until = ruleFromChoice(
      { frequency: 'weekly', interval: 2, monthlyBy: 'day', until: '2026-02-03' },
      '2026-01-06T10:00',
    );
    expect(until).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260203T235959Z');
    expect(dates(occurrences(cadence({ rule: until }), '2026-01-01', '2026-12-31'))).toEqual([
      '2026-01-06',
      '2026-01-20',
      '2026-02-03',
    ]);
    const count = ruleFromChoice(
      { frequency: 'half-yearly', interval: 1, monthlyBy: 'day', count: 3 },
      '2026-01-06T10:00',
    );
    expect(count).toBe('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=6;COUNT=3');
    expect(dates(occurrences(cadence({ rule: count }), '2026-01-01', '2030-12-31'))).toEqual([
      '2026-01-06',
      '2026-07-06',
      '2027-01-06',
    ]);
    expect(
      occurrences(cadence({ rule: 'FREQ=WEEKLY' }), '2026-01-01', '2026-12-31', 4),
    ).toHaveLength(4);
  });

  it('gives a one-off meeting once, inside the range only, in its zone', () => {
    const once = cadence({ start: '2026-06-15T16:00', timeZone: 'Asia/Tokyo' });
    expect(occurrences(once, '2026-06-01', '2026-06-30')).toEqual([
      {
        cadenceId: 'c1',
        date: '2026-06-15',
        time: '16:00',
        start: '2026-06-15T07:00:00.000Z',
        end: '2026-06-15T08:30:00.000Z',
      },
    ]);
    expect(occurrences(once, '2026-07-01', '2026-07-31')).toEqual([]);
  });

  it('counts the start as the first meeting even when the rule would not give it', () => {
    // Wednesday start, rule on Mondays.
    const list = occurrences(
      cadence({ start: '2026-01-07T10:00', rule: 'FREQ=WEEKLY;BYDAY=MO' }),
      '2026-01-01',
      '2026-01-15',
    );
    expect(dates(list)).toEqual(['2026-01-07', '2026-01-12']);
  });
});

describe('the editor choice and the rule', () => {
  it('makes yearly rules on the start month', () => {
    expect(
      ruleFromChoice({ frequency: 'yearly', interval: 1, monthlyBy: 'day' }, '2026-03-15T10:00'),
    ).toBe('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15');
    expect(
      ruleFromChoice(
        { frequency: 'yearly', interval: 2, monthlyBy: 'weekday' },
        '2026-03-03T10:00',
      ),
    ).toBe('FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYDAY=+1TU');
    expect(
      ruleFromChoice({ frequency: 'none', interval: 1, monthlyBy: 'day' }, '2026-03-03T10:00'),
    ).toBeUndefined();
  });

  it('reads back every choice it makes', () => {
    const choices = fc.record({
      frequency: fc.constantFrom(
        'weekly',
        'monthly',
        'quarterly',
        'half-yearly',
        'yearly' as const,
      ),
      interval: fc.integer({ min: 1, max: 4 }),
      monthlyBy: fc.constantFrom('day', 'weekday', 'last-day' as const),
      end: fc.oneof(
        fc.constant({}),
        fc.integer({ min: 1, max: 30 }).map((count) => ({ count })),
        fc.constant({ until: '2030-06-30' }),
      ),
    });
    const starts = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => `${date.toISOString().slice(0, 10)}T09:30`);
    fc.assert(
      fc.property(choices, starts, ({ end, ...rest }, start) => {
        const choice: RecurrenceChoice = { ...rest, ...end };
        const rule = ruleFromChoice(choice, start)!;
        expect(ruleProblem(rule)).toBeNull();
        const back = choiceFromRule(rule, start);
        expect(back).toBeDefined();
        // Same rule again (quarterly every 2 = monthly every 6 reads as half-yearly: same meetings).
        expect(ruleFromChoice(back!, start)).toBe(rule);
      }),
    );
  });

  it('says when a rule is not one the editor makes', () => {
    expect(choiceFromRule(undefined, '2026-01-06T10:00')).toEqual({
      frequency: 'none',
      interval: 1,
      monthlyBy: 'day',
    });
    expect(choiceFromRule('FREQ=MONTHLY;BYDAY=+1TU', '2026-01-06T10:00')).toEqual({
      frequency: 'monthly',
      interval: 1,
      monthlyBy: 'weekday',
    });
    expect(choiceFromRule('FREQ=MONTHLY;INTERVAL=3;BYDAY=+1TU', '2026-01-06T10:00')).toMatchObject({
      frequency: 'quarterly',
      interval: 1,
    });
    // Not the start's weekday, two days a week, daily: kept as written.
    expect(choiceFromRule('FREQ=MONTHLY;BYDAY=+2TU', '2026-01-06T10:00')).toBeUndefined();
    expect(choiceFromRule('FREQ=WEEKLY;BYDAY=MO,TH', '2026-01-05T10:00')).toBeUndefined();
    expect(choiceFromRule('FREQ=DAILY', '2026-01-05T10:00')).toBeUndefined();
  });
});

describe('describeRecurrence', () => {
  it('says the series in words', () => {
    expect(describeRecurrence(cadence({ rule: 'FREQ=MONTHLY;BYDAY=+1TU' }))).toBe(
      'Monthly on the first Tuesday at 10:00 (Europe/Berlin)',
    );
    expect(
      describeRecurrence(
        cadence({
          start: '2026-01-30T10:00',
          rule: 'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1',
        }),
      ),
    ).toBe('Monthly on the 30th (the last day in shorter months) at 10:00 (Europe/Berlin)');
    expect(
      describeRecurrence(
        cadence({ start: '2026-01-31T10:00', rule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }),
      ),
    ).toBe('Monthly on the last day at 10:00 (Europe/Berlin)');
    expect(describeRecurrence(cadence({ rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6' }))).toBe(
      'Every 2 weeks on Tuesday at 10:00 (Europe/Berlin), 6 times',
    );
    expect(
      describeRecurrence(
        cadence({
          start: '2026-03-31T10:00',
          rule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;UNTIL=20271231T235959Z',
        }),
      ),
    ).toBe(
      'Quarterly on the last day of the month at 10:00 (Europe/Berlin), until 31 December 2027',
    );
    expect(
      describeRecurrence(
        cadence({ start: '2026-03-15T10:00', rule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15' }),
      ),
    ).toBe('Yearly on 15 March at 10:00 (Europe/Berlin)');
    expect(describeRecurrence(cadence({}))).toBe(
      'Once, on Tuesday 6 January 2026 at 10:00 (Europe/Berlin)',
    );
    expect(describeRecurrence(cadence({ rule: 'FREQ=WEEKLY;BYDAY=MO,TH' }))).toBe(
      'Every week on Monday, Thursday at 10:00 (Europe/Berlin)',
    );
  });
});

describe('problems', () => {
  it('refuses rules Baton cannot use, with a reason', () => {
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=+1TU')).toBeNull();
    expect(ruleProblem('FREQ=WEEKLY;INTERVAL=x')).toBe(
      `The repeat rule's INTERVAL is not valid: "x".`,
    );
    expect(ruleProblem('FREQ=HOURLY')).toBe('A meeting series repeats at most daily.');
    expect(ruleProblem('BYDAY=TU')).toMatch(/needs a FREQ/);
    expect(ruleProblem('RRULE:FREQ=WEEKLY')).toMatch(/without "RRULE:"/);
    expect(ruleProblem('FREQ=WEEKLY;FOO=1')).toBe(
      'The repeat rule has a part Baton does not know: FOO.',
    );
    expect(ruleProblem('FREQ=WEEKLY;BYHOUR=9')).toMatch(/BYHOUR/);
    expect(ruleProblem('FREQ=WEEKLY;COUNT=3;UNTIL=20261231')).toMatch(/not both/);
    expect(ruleProblem('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31')).toBe(
      'The repeat rule\'s BYMONTHDAY gives days its months do not have: "31".',
    );
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6')).toBe(
      'The repeat rule gives no meetings at all.',
    );
    expect(ruleProblem('FREQ=WEEKLY;UNTIL=20261331')).toMatch(/not a real date/);
    expect(ruleProblem('')).toBe('The repeat rule is empty.');
  });

  it('refuses unknown time zones and impossible date-times', () => {
    expect(timeZoneProblem('Europe/Berlin')).toBeNull();
    expect(timeZoneProblem('UTC')).toBeNull();
    expect(timeZoneProblem('Europe/Atlantis')).toMatch(/not a time zone/);
    expect(timeZoneProblem('')).toBe('The time zone is empty.');
    expect(localDateTimeProblem('2026-01-06T10:00')).toBeNull();
    expect(localDateTimeProblem('2026-02-30T10:00')).toMatch(/not a real date/);
    expect(localDateTimeProblem('2026-01-06T24:00')).toMatch(/not a real date/);
    expect(localDateTimeProblem('2026-01-06 10:00')).toMatch(/YYYY-MM-DDTHH:mm/);
  });
});
