/**
 * Hostile inputs to the governance calendar: rules that never match, series whose COUNT or UNTIL
 * is read differently by another calendar program, a start in a gap of the clocks, year 9999 and
 * years before 1900. Each case was a defect; the calendar file is read back by ical.js.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../../shared/cadence/ics';
import { localDateTimeProblem, occurrences, ruleProblem } from '../../../shared/cadence/recurrence';
import type { Cadence } from '../../../shared/cadence/types';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';

function series(fields: Partial<Cadence>): Cadence {
  return {
    id: 'c',
    name: 'Review',
    kind: 'portfolio-review',
    start: '2026-01-01T10:00',
    durationMinutes: 60,
    timeZone: 'Europe/Berlin',
    ...fields,
  };
}

function portfolio(cadences: Cadence[]): Portfolio {
  return {
    name: 'Acme',
    periods: [],
    teams: [],
    objectives: [],
    initiatives: [],
    scenarios: [],
    cadences,
  };
}

/** The instants ical.js expands for the event `uid`, up to `until`. */
function expanded(text: string, uid: string, until: string): string[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = root
    .getAllSubcomponents('vevent')
    .find((component) => component.getFirstPropertyValue('uid') === uid);
  if (!vevent) throw new Error(`no event ${uid}`);
  const iterator = new ICAL.Event(vevent).iterator();
  const result: string[] = [];
  for (let next = iterator.next(); next && result.length < 100; next = iterator.next()) {
    const instant = next.toJSDate().getTime();
    if (instant > new Date(until).getTime()) break;
    result.push(new Date(instant).toISOString());
  }
  ICAL.TimezoneService.reset();
  return result;
}

function sameInIcalJs(cadence: Cadence, until: string): void {
  const text = calendarFile(portfolio([cadence]), { now: '2026-01-01T00:00:00.000Z' });
  const baton = occurrences(cadence, '1900-01-01', until.slice(0, 10)).map((entry) => entry.start);
  expect(expanded(text, `cadence-${cadence.id}@baton`, until)).toEqual(baton);
}

describe('rules that can never match', () => {
  it.each([
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=DAILY;BYSETPOS=2',
    'FREQ=DAILY;BYYEARDAY=366;BYMONTH=1',
    'FREQ=MONTHLY;BYSETPOS=366;BYDAY=MO',
    'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=8',
  ])('%s is refused at once, not after searching to the year 9999', (rule) => {
    const started = performance.now();
    expect(ruleProblem(rule)).toMatch(/^The repeat rule/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('a file of many such series is refused by path, quickly', () => {
    const file = {
      format: 'baton-portfolio',
      version: 1,
      name: 'Hostile',
      cadences: Array.from({ length: 50 }, (_, index) => ({
        id: `c${index}`,
        name: 'Never',
        kind: 'other',
        start: '2026-01-01T10:00',
        durationMinutes: 60,
        timeZone: 'UTC',
        rule: `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=${30 + (index % 2)}`,
      })),
    };
    const started = performance.now();
    const read = restorePortfolio(file);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problemCount).toBe(50);
      expect(read.errors[0]!.path).toBe('cadences[0].rule');
      expect(read.errors[0]!.message).toMatch(/BYMONTHDAY gives days its months do not have/);
    }
  });

  it.each([
    // Each matches from some starts and never from others: refused whatever the start.
    ['FREQ=DAILY;INTERVAL=7;BYDAY=MO', /daily rule that skips days .* weekly, monthly or yearly/],
    ['FREQ=MONTHLY;INTERVAL=12;BYMONTH=3;BYMONTHDAY=1', /monthly rule that skips .* yearly rule/],
    ['FREQ=WEEKLY;INTERVAL=2;BYMONTH=2;BYDAY=MO;BYSETPOS=5', /weekly rule that skips/],
    ['FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=5', /BYSETPOS picks past the 1 meeting a week/],
    ['FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29', /may not skip years/],
  ])('%s, which can fall out of step with its start, is refused at once', (rule, message) => {
    const started = performance.now();
    expect(ruleProblem(rule, '2026-12-08T10:00')).toMatch(message);
    expect(ruleProblem(rule)).toMatch(message);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('checks a rule from the series’ own start when it is given', () => {
    // Ends before its start gives a meeting: the start alone is the series, found at once.
    const ended = 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20200301';
    expect(ruleProblem(ended, '2021-03-01T10:00')).toBeNull();
    const started = performance.now();
    const meetings = occurrences(
      series({ start: '2021-03-01T10:00', rule: ended }),
      '2021-01-01',
      '2030-12-31',
    );
    expect(meetings.map((meeting) => meeting.date)).toEqual(['2021-03-01']);
    expect(performance.now() - started).toBeLessThan(200);
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=+1TU', '2026-12-08T10:00')).toBeNull();
  });

  it('refuses parts RFC 5545 does not allow with the frequency', () => {
    expect(ruleProblem('FREQ=WEEKLY;BYWEEKNO=1')).toMatch(/only with FREQ=YEARLY/);
    expect(ruleProblem('FREQ=WEEKLY;BYMONTHDAY=1')).toMatch(/BYMONTHDAY with FREQ=WEEKLY/);
    expect(ruleProblem('FREQ=DAILY;BYDAY=+1MO')).toMatch(/only with FREQ=MONTHLY or YEARLY/);
    expect(ruleProblem('FREQ=MONTHLY;BYSETPOS=1')).toMatch(/another BY part/);
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1')).toBeNull();
  });
});

describe('COUNT and UNTIL as other calendar programs read them', () => {
  it('COUNT counts a start the rule does not give (RFC 5545): 5 meetings, not 6', () => {
    const cadence = series({ rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;COUNT=5' });
    expect(occurrences(cadence, '2026-01-01', '2030-12-31')).toHaveLength(5);
    sameInIcalJs(cadence, '2030-12-31T00:00:00Z');
    const once = series({ start: '2026-01-01T10:00', rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=1' });
    expect(occurrences(once, '2026-01-01', '2030-12-31').map((entry) => entry.date)).toEqual([
      '2026-01-01',
    ]);
  });

  it('an UNTIL date alone includes a meeting on that date, as the .ics file says', () => {
    const cadence = series({ rule: 'FREQ=DAILY;UNTIL=20260105' });
    expect(occurrences(cadence, '2026-01-01', '2026-12-31').at(-1)?.date).toBe('2026-01-05');
    sameInIcalJs(cadence, '2026-12-31T00:00:00Z');
  });
});

describe('dates at the edges', () => {
  it('a series in the year 9999 makes a calendar file another program reads', () => {
    const cadence = series({ start: '9999-01-01T10:00', rule: 'FREQ=MONTHLY;COUNT=3' });
    sameInIcalJs(cadence, '9999-12-31T00:00:00Z');
  });

  it('a start before 1900 (or a two-digit year) is refused, not moved to the 1900s', () => {
    expect(localDateTimeProblem('0050-01-01T10:00')).toMatch(/before 1900/);
    expect(localDateTimeProblem('1899-12-31T10:00')).toMatch(/before 1900/);
    expect(localDateTimeProblem('1900-01-01T10:00')).toBeNull();
  });

  it('a series starting in the hour the clocks skip repeats at its own time elsewhere too', () => {
    const cadence = series({ start: '2026-03-29T02:30', rule: 'FREQ=DAILY;COUNT=4' });
    const text = calendarFile(portfolio([cadence]), { now: '2026-01-01T00:00:00.000Z' });
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260329T023000');
    expect(text).toContain('DURATION:PT60M');
    const baton = occurrences(cadence, '2026-01-01', '2026-12-31').map((entry) => entry.start);
    expect(baton[1]).toBe('2026-03-30T00:30:00.000Z');
    // ical.js reads the first (skipped) time with the offset after the gap, RFC 5545 with the one
    // before it (as Baton does); every later meeting is at 02:30 in both.
    expect(expanded(text, 'cadence-c@baton', '2026-12-31T00:00:00Z').slice(1)).toEqual(
      baton.slice(1),
    );
  });
});
