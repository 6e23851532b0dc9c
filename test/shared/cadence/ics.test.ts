/**
 * The calendar file, read back by another program's parser (ical.js): every meeting it expands
 * falls at the instant Baton's own `occurrences` gives, across changes of the clocks and month
 * ends, and cancelled meetings are left out.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../../shared/cadence/ics';
import { occurrences } from '../../../shared/cadence/recurrence';
import type { Cadence, Review } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';

const BERLIN: Cadence = {
  id: 'berlin',
  name: 'Portfolio review',
  kind: 'portfolio-review',
  start: '2026-01-06T10:00',
  durationMinutes: 90,
  timeZone: 'Europe/Berlin',
  rule: 'FREQ=MONTHLY;BYDAY=+1TU',
  location: 'Board room',
  attendees: ['Ana Ruiz', 'Ben Okafor'],
};
const NEW_YORK: Cadence = {
  id: 'ny',
  name: 'Value review',
  kind: 'value-review',
  start: '2026-01-31T09:00',
  durationMinutes: 60,
  timeZone: 'America/New_York',
  rule: 'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231T235959Z',
};

function portfolio(cadences: Cadence[], reviews: Review[] = []): Portfolio {
  return {
    name: 'Acme',
    periods: [],
    teams: [],
    objectives: [],
    initiatives: [],
    scenarios: [],
    cadences,
    reviews,
  };
}

/** The instants (ISO) ical.js expands for the event `uid`, up to `until`. */
function expanded(text: string, uid: string, until: string): string[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const vevent = root
    .getAllSubcomponents('vevent')
    .find((component) => component.getFirstPropertyValue('uid') === uid);
  if (!vevent) throw new Error(`no event ${uid}`);
  const event = new ICAL.Event(vevent);
  const iterator = event.iterator();
  const result: string[] = [];
  const end = new Date(until).getTime();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const instant = next.toJSDate().getTime();
    if (instant > end) break;
    result.push(new Date(instant).toISOString());
    if (result.length > 1000) break;
  }
  ICAL.TimezoneService.reset();
  return result;
}

describe('calendarFile', () => {
  it('expands in another parser to the same instants, across both changes of the clocks', () => {
    const text = calendarFile(portfolio([BERLIN, NEW_YORK]), { now: '2026-01-02T09:00:00.000Z' });
    const berlin = occurrences(BERLIN, '2026-01-01', '2027-12-31').map((entry) => entry.start);
    expect(expanded(text, 'cadence-berlin@baton', '2027-12-31T23:59:59Z')).toEqual(berlin);
    // Hand-checked: CET in March, CEST in April and October, CET again in November.
    expect(berlin.slice(2, 4)).toEqual(['2026-03-03T09:00:00.000Z', '2026-04-07T08:00:00.000Z']);
    expect(berlin[10]).toBe('2026-11-03T09:00:00.000Z');
    const ny = occurrences(NEW_YORK, '2026-01-01', '2027-12-31').map((entry) => entry.start);
    expect(ny).toHaveLength(12);
    // The month's last day at 09:00 New York: EST (UTC−5) in February, EDT (UTC−4) in March.
    expect(ny.slice(0, 3)).toEqual([
      '2026-01-31T14:00:00.000Z',
      '2026-02-28T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
    ]);
    expect(expanded(text, 'cadence-ny@baton', '2027-12-31T23:59:59Z')).toEqual(ny);
  });

  it('leaves cancelled meetings out and writes one-off reviews, with stable ids', () => {
    const reviews: Review[] = [
      {
        id: 'r-apr',
        title: 'Portfolio review',
        kind: 'portfolio-review',
        cadenceId: 'berlin',
        date: '2026-04-07',
        time: '10:00',
        status: 'cancelled',
        agenda: [],
      },
      {
        id: 'offsite',
        title: 'Strategy offsite',
        kind: 'alignment-checkpoint',
        date: '2026-05-20',
        time: '14:30',
        status: 'planned',
        agenda: [],
      },
    ];
    const text = calendarFile(portfolio([BERLIN], reviews), { now: '2026-01-02T09:00:00.000Z' });
    const instants = expanded(text, 'cadence-berlin@baton', '2026-06-30T00:00:00Z');
    expect(instants).toEqual([
      '2026-01-06T09:00:00.000Z',
      '2026-02-03T09:00:00.000Z',
      '2026-03-03T09:00:00.000Z',
      '2026-05-05T08:00:00.000Z',
      '2026-06-02T08:00:00.000Z',
    ]);
    expect(text).toContain('EXDATE;TZID=Europe/Berlin:20260407T100000');
    expect(text).toContain('UID:review-offsite@baton');
    expect(text).toContain('DTSTART:20260520T143000');
    expect(text).toContain('SUMMARY:Strategy offsite');
    expect(text).toContain('LOCATION:Board room');
    expect(text).toContain('DESCRIPTION:Portfolio review. Attendees: Ana Ruiz\\, Ben Okafor.');
    // The same portfolio gives the same file.
    expect(calendarFile(portfolio([BERLIN], reviews), { now: '2026-01-02T09:00:00.000Z' })).toBe(
      text,
    );
    // One VTIMEZONE per zone used.
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });
});
