/**
 * The governance calendar as an iCalendar (.ics) file, built with ical-generator: one event per
 * meeting series (its start in its time zone, its rule, its cancelled meetings left out) and one
 * per review without a series. Each time zone used gets its VTIMEZONE, built from the zone's own
 * offsets (found with @date-fns/tz) over the years the calendar covers, so that calendar programs
 * place every meeting at the same instant Baton does.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { addMinutes } from 'date-fns';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Portfolio } from '../portfolio/types';
import { cadenceUsable } from './calendar';
import { floatingDate, localParts, occurrences, placeInZone, zonedInstant } from './recurrence';
import { MEETING_KIND_LABELS, type Cadence, type Review } from './types';

/** How many years after the later of now and the last dated meeting the time zones are described. */
export const ICS_ZONE_YEARS_AHEAD = 10;
/** How long a one-off review lasts in the calendar, in minutes (a review has no duration). */
export const ONE_OFF_MINUTES = 60;

/** "+0130", "-0500" for an offset in minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${String(Math.floor(size / 60)).padStart(2, '0')}${String(size % 60).padStart(2, '0')}`;
}

/** A floating Date's wall clock as an iCalendar local date-time, 20260303T100000. */
function wallText(floating: Date): string {
  return floating.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The VTIMEZONE of `zone` from the start of `fromYear` to the end of `toYear`. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = new Date(Date.UTC(fromYear, 0, 1));
  const end = new Date(Date.UTC(toYear + 1, 0, 1));
  const first = tzOffset(zone, start);
  const changes = tzScan(zone, { start, end });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const part = (kind: 'STANDARD' | 'DAYLIGHT', onset: Date, from: number, to: number) => {
    lines.push(
      `BEGIN:${kind}`,
      // The onset in the local time that was in force before it.
      `DTSTART:${wallText(addMinutes(onset, from))}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  const lowest = Math.min(first, ...changes.map((entry) => entry.offset));
  part(first > lowest ? 'DAYLIGHT' : 'STANDARD', start, first, first);
  let previous = first;
  for (const entry of changes) {
    part(entry.offset > previous ? 'DAYLIGHT' : 'STANDARD', entry.date, previous, entry.offset);
    previous = entry.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/**
 * The rule as the file writes it: Baton reads UNTIL as the last local date-time in the series'
 * zone; iCalendar wants it as a UTC instant when DTSTART has a zone.
 */
function icsRule(rule: string, zone: string): string {
  return rule
    .trim()
    .toUpperCase()
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(part);
      if (!match) return part;
      const [, y, mo, d, h = '23', mi = '59', s = '59'] = match;
      const floating = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
      return `UNTIL=${wallText(placeInZone(floating, zone))}Z`;
    })
    .join(';');
}

function description(kind: Review['kind'], attendees: readonly string[] | undefined): string {
  const label = MEETING_KIND_LABELS[kind] ?? kind;
  return attendees && attendees.length > 0
    ? `${label}. Attendees: ${attendees.join(', ')}.`
    : `${label}.`;
}

function yearOf(text: string): number {
  return Number(text.slice(0, 4));
}

/**
 * An .ics file with one event per meeting series (its rule, cancelled meetings excluded) and one
 * per review without a series, each with its time zone's definition. UIDs are stable
 * (`cadence-<id>@baton`, `review-<id>@baton`), so importing a newer file updates the events.
 */
export function calendarFile(portfolio: Portfolio, options: { readonly now: string }): string {
  const cadences = (portfolio.cadences ?? []).filter(cadenceUsable);
  const reviews = portfolio.reviews ?? [];
  const years = [
    yearOf(options.now),
    ...cadences.map((cadence) => yearOf(cadence.start)),
    ...reviews.map((review) => yearOf(review.date)),
  ].filter(Number.isFinite);
  // iCalendar writes four-digit years: the zones are described up to 9999 at most.
  const fromYear = Math.min(...years);
  const toYear = Math.min(9999, Math.max(...years) + ICS_ZONE_YEARS_AHEAD);
  const calendar = ical({
    prodId: { company: 'Baton', product: 'Governance calendar', language: 'EN' },
    name: `${portfolio.name}: governance calendar`,
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) },
  });
  const stamp = new Date(options.now);
  /** Events whose start falls in a gap of the clocks: their UID and start as written in Baton. */
  const gapStarts = new Map<string, { readonly wall: string; readonly minutes: number }>();
  for (const cadence of cadences) {
    const start = zonedInstant(cadence.start, cadence.timeZone);
    const local = localParts(start, cadence.timeZone);
    if (`${local.date}T${local.time}` !== cadence.start) {
      gapStarts.set(`cadence-${cadence.id}@baton`, {
        wall: wallText(floatingDate(cadence.start)),
        minutes: cadence.durationMinutes,
      });
    }
    const event = calendar.createEvent({
      id: `cadence-${cadence.id}@baton`,
      stamp,
      start: new TZDate(start.getTime(), cadence.timeZone),
      end: new TZDate(addMinutes(start, cadence.durationMinutes).getTime(), cadence.timeZone),
      timezone: cadence.timeZone,
      summary: cadence.name,
      description: description(cadence.kind, cadence.attendees),
      ...(cadence.location !== undefined && { location: cadence.location }),
    });
    if (cadence.rule !== undefined) {
      event.repeating(repeatLines(cadence, reviews));
    }
  }
  for (const review of reviews) {
    if (review.cadenceId !== undefined && cadences.some((c) => c.id === review.cadenceId)) continue;
    const floating = new Date(`${review.date}T${review.time ?? '00:00'}:00Z`);
    if (Number.isNaN(floating.getTime())) continue;
    const invited = review.attendance?.map((entry) => entry.name);
    calendar.createEvent({
      id: `review-${review.id}@baton`,
      stamp,
      ...(review.time !== undefined
        ? { start: floating, end: addMinutes(floating, ONE_OFF_MINUTES), floating: true }
        : { start: floating, allDay: true }),
      summary: review.title,
      description: description(review.kind, invited),
      ...(review.status === 'cancelled' && { status: ICalEventStatus.CANCELLED }),
    });
  }
  return withGapStarts(calendar.toString(), gapStarts);
}

/**
 * A series whose first meeting falls in the hour the clocks skip keeps its own wall-clock time in
 * DTSTART (RFC 5545 reads such a time with the offset before the gap, as Baton does), so that
 * calendar programs repeat it at that time and not an hour later; DURATION stands for DTEND, which
 * would otherwise stretch each meeting by the gap.
 */
function withGapStarts(
  text: string,
  gapStarts: ReadonlyMap<string, { readonly wall: string; readonly minutes: number }>,
): string {
  if (gapStarts.size === 0) return text;
  return text
    .split('BEGIN:VEVENT')
    .map((block) => {
      const uid = /\r\nUID:([^\r]*(?:\r\n[ \t][^\r]*)*)/
        .exec(block)?.[1]
        ?.replace(/\r\n[ \t]/g, '');
      const gap = uid === undefined ? undefined : gapStarts.get(uid);
      if (!gap) return block;
      return block
        .replace(/\r\nDTSTART;TZID=([^:\r]*):\d{8}T\d{6}/, `\r\nDTSTART;TZID=$1:${gap.wall}`)
        .replace(/\r\nDTEND;TZID=[^:\r]*:\d{8}T\d{6}/, `\r\nDURATION:PT${gap.minutes}M`);
    })
    .join('BEGIN:VEVENT');
}

/** RRULE and EXDATE lines of a series: the cancelled meetings are excluded. */
function repeatLines(cadence: Cadence, reviews: readonly Review[]): string {
  const lines = [`RRULE:${icsRule(cadence.rule!, cadence.timeZone)}`];
  const cancelled = reviews
    .filter((review) => review.cadenceId === cadence.id && review.status === 'cancelled')
    .flatMap((review) => occurrences(cadence, review.date, review.date, 1))
    .map(
      (occurrence) => `${occurrence.date.replace(/-/g, '')}T${occurrence.time.replace(':', '')}00`,
    )
    .sort();
  if (cancelled.length > 0) lines.push(`EXDATE;TZID=${cadence.timeZone}:${cancelled.join(',')}`);
  return lines.join('\r\n');
}
