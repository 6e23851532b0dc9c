/**
 * The governance calendar: the month as a grid or as a list, with today marked, every meeting a
 * button that opens its review (the first opening drafts the agenda), and the meeting series
 * beside it, each editable, with the calendar's export to .ics.
 */
import { useMemo, useRef, useState } from 'react';
import {
  calendarEntries,
  nextReviewOf,
  openActions,
  type CalendarEntry,
} from '../../../shared/cadence/calendar';
import { describeRecurrence } from '../../../shared/cadence/recurrence';
import { MEETING_KIND_LABELS, type Cadence } from '../../../shared/cadence/types';
import { plural } from '../../../shared/format';
import type { Portfolio } from '../../../shared/portfolio/types';
import { formatDay, localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { exportCalendar } from './cadence-files';
import {
  addDaysTo,
  longDay,
  monthLabel,
  monthOf,
  monthRange,
  monthWeeks,
  shiftMonth,
  weekdayNames,
} from './calendar-month';
import { OneOffDialog } from './OneOffDialog';
import { SeriesEditor } from './SeriesEditor';
import * as cadenceEdits from './review-edits';
import { safely } from './safely';

const STATUS_LABELS: Readonly<Record<CalendarEntry['status'], string>> = {
  upcoming: 'Upcoming',
  planned: 'Agenda drafted',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** What an entry's status says, a past meeting without a review being "not recorded". */
export function entryStatus(entry: CalendarEntry): string {
  return entry.status === 'upcoming' && entry.past ? 'Not recorded' : STATUS_LABELS[entry.status];
}

/** Opens an entry's review, making it (with its drafted agenda) the first time. */
export function useOpenEntry(): (entry: CalendarEntry) => Promise<void> {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  return async (entry) => {
    if (entry.reviewId) {
      navigate({ area: 'cadence', reviewId: entry.reviewId, snapshotId: null });
      return;
    }
    if (!entry.cadenceId) return;
    const result = await cadenceEdits.openReview(
      { cadenceId: entry.cadenceId, date: entry.date },
      localToday(),
    );
    if (!result.ok) {
      notify('error', `The review of ${formatDay(entry.date)} was not opened: ${result.message}`);
      return;
    }
    navigate({ area: 'cadence', reviewId: result.id, snapshotId: null });
  };
}

function EntryButton({
  entry,
  onOpen,
  compact,
}: {
  readonly entry: CalendarEntry;
  readonly onOpen: (entry: CalendarEntry) => void;
  readonly compact?: boolean;
}) {
  const status = entryStatus(entry);
  const kind = MEETING_KIND_LABELS[entry.kind];
  const label = [
    entry.title,
    kind,
    compact ? longDay(entry.date) : undefined,
    entry.time ? `at ${entry.time}` : undefined,
    status,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <button
      type="button"
      className={`cal-entry cal-entry--${entry.kind} cal-entry--${entry.status}${entry.past ? ' cal-entry--past' : ''}`}
      aria-label={label}
      title={`${entry.title} · ${kind}${entry.time ? ` · ${entry.time}` : ''} · ${status}`}
      onClick={() => onOpen(entry)}
    >
      {entry.time && <span className="cal-entry__time">{entry.time}</span>}
      <span className="cal-entry__title">{entry.title}</span>
      {!compact && <span className="cal-entry__kind">{kind}</span>}
      <span className={`cal-status cal-status--${entry.status}`}>{status}</span>
    </button>
  );
}

function MonthGrid({
  month,
  entries,
  today,
  onOpen,
}: {
  readonly month: string;
  readonly entries: readonly CalendarEntry[];
  readonly today: string;
  readonly onOpen: (entry: CalendarEntry) => void;
}) {
  const weeks = monthWeeks(month);
  const names = weekdayNames();
  const byDate = new Map<string, CalendarEntry[]>();
  for (const entry of entries) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
  return (
    <table className="cal-month">
      <caption className="visually-hidden">Meetings in {monthLabel(month)}</caption>
      <thead>
        <tr>
          {names.map((name) => (
            <th key={name.long} scope="col" abbr={name.long}>
              {name.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const outside = monthOf(date) !== month;
              const isToday = date === today;
              const dayEntries = byDate.get(date) ?? [];
              return (
                <td
                  key={date}
                  className={`cal-day${outside ? ' cal-day--outside' : ''}${isToday ? ' cal-day--today' : ''}`}
                  aria-current={isToday ? 'date' : undefined}
                >
                  <span className="cal-day__number" aria-hidden="true">
                    {Number(date.slice(8, 10))}
                  </span>
                  {isToday && <span className="visually-hidden">Today, {longDay(date)}</span>}
                  {dayEntries.length > 0 && (
                    <ul className="cal-day__entries" aria-label={longDay(date)}>
                      {dayEntries.map((entry) => (
                        <li key={entry.key}>
                          <EntryButton entry={entry} onOpen={onOpen} compact />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthList({
  month,
  entries,
  today,
  onOpen,
}: {
  readonly month: string;
  readonly entries: readonly CalendarEntry[];
  readonly today: string;
  readonly onOpen: (entry: CalendarEntry) => void;
}) {
  // An empty month says so, with the nearest meeting, above the list (NextMeetingHint).
  if (entries.length === 0) return null;
  const dates = [...new Set(entries.map((entry) => entry.date))];
  return (
    <ol className="cal-list" aria-label={`Meetings in ${monthLabel(month)}`}>
      {dates.map((date) => (
        <li
          key={date}
          className={`cal-list__day${date === today ? ' cal-list__day--today' : ''}`}
          aria-current={date === today ? 'date' : undefined}
        >
          <h4 className="cal-list__date">
            {longDay(date)}
            {date === today && <span className="cal-today-tag">Today</span>}
          </h4>
          <ul className="cal-list__entries">
            {entries
              .filter((entry) => entry.date === date)
              .map((entry) => (
                <li key={entry.key}>
                  <EntryButton entry={entry} onOpen={onOpen} />
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function SeriesPanel({
  portfolio,
  today,
  onEdit,
  onNew,
}: {
  readonly portfolio: Portfolio;
  readonly today: string;
  readonly onEdit: (cadence: Cadence) => void;
  readonly onNew: () => void;
}) {
  const cadences = portfolio.cadences ?? [];
  const actions = safely(() => openActions(portfolio), []);
  return (
    <aside className="cal-side" aria-label="Meeting series and open actions">
      <section aria-labelledby="cal-series-title" className="cal-side__section">
        <div className="cal-side__head">
          <h3 id="cal-series-title">Meeting series</h3>
          <button type="button" className="button button--small" onClick={onNew}>
            New series
          </button>
        </div>
        {cadences.length === 0 ? (
          <p className="muted small">No series yet.</p>
        ) : (
          <ul className="cal-series">
            {cadences.map((cadence) => {
              const next = safely(() => nextReviewOf(portfolio, cadence.id, today), undefined);
              return (
                <li
                  key={cadence.id}
                  className={`cal-series__item cal-series__item--${cadence.kind}`}
                >
                  <div className="cal-series__name">{cadence.name}</div>
                  <div className="cal-series__rule small">
                    {safely(() => describeRecurrence(cadence), cadence.rule ?? '')}
                  </div>
                  <div className="small muted">
                    {next
                      ? `Next: ${formatDay(next.date)}${next.time ? `, ${next.time}` : ''}`
                      : 'No meeting to come.'}
                  </div>
                  <button
                    type="button"
                    className="button button--small button--quiet cal-series__edit"
                    aria-label={`Edit the series “${cadence.name}”`}
                    onClick={() => onEdit(cadence)}
                  >
                    Edit
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="cal-actions-title" className="cal-side__section">
        <h3 id="cal-actions-title">Open actions</h3>
        {actions.length === 0 ? (
          <p className="muted small">
            No open action. Actions raised in a review show here until closed.
          </p>
        ) : (
          <ul className="cal-actions">
            {actions.slice(0, 8).map((action) => (
              <li key={action.id}>
                <a href={`#/cadence/review/${encodeURIComponent(action.reviewId)}`}>
                  {action.title}
                </a>
                <div className="small muted">
                  {[action.owner, action.due ? `due ${formatDay(action.due)}` : undefined]
                    .filter(Boolean)
                    .join(', ') || 'No owner or due date'}
                  {action.due && action.due < today && (
                    <span className="cal-overdue"> · overdue</span>
                  )}
                </div>
              </li>
            ))}
            {actions.length > 8 && (
              <li className="small muted">and {plural(actions.length - 8, 'more action')}</li>
            )}
          </ul>
        )}
      </section>
    </aside>
  );
}

/**
 * Said above a month without meetings: when the nearest meeting after (or, for a month after
 * the last one, before) it is, with a button that shows its month.
 */
function NextMeetingHint({
  portfolio,
  month,
  today,
  onMonth,
}: {
  readonly portfolio: Portfolio;
  readonly month: string;
  readonly today: string;
  readonly onMonth: (month: string) => void;
}) {
  const { from, to } = monthRange(month);
  const after = safely(
    () => calendarEntries(portfolio, addDaysTo(to, 1), addDaysTo(to, 732), today)[0],
    undefined,
  );
  const before = after
    ? undefined
    : safely(
        () => calendarEntries(portfolio, addDaysTo(from, -732), addDaysTo(from, -1), today).at(-1),
        undefined,
      );
  const nearest = after ?? before;
  if (!nearest) {
    return <p className="cal-hint muted">No meetings in {monthLabel(month)}.</p>;
  }
  return (
    <p className="cal-hint">
      No meetings in {monthLabel(month)}. The {after ? 'next' : 'last'} is “{nearest.title}” on{' '}
      {longDay(nearest.date)}
      {nearest.time ? `, ${nearest.time}` : ''}.{' '}
      <button
        type="button"
        className="button button--small"
        onClick={() => onMonth(monthOf(nearest.date))}
      >
        Show {monthLabel(monthOf(nearest.date))}
      </button>
    </p>
  );
}

export type CalendarViewProps = {
  readonly portfolio: Portfolio;
  readonly view: 'month' | 'list';
  readonly month: string;
  readonly onMonth: (month: string) => void;
};

export function CalendarView({ portfolio, view, month, onMonth }: CalendarViewProps) {
  const today = localToday();
  const openEntry = useOpenEntry();
  const navigate = useAppStore((state) => state.navigate);
  const [editing, setEditing] = useState<Cadence | 'new' | null>(null);
  const [oneOff, setOneOff] = useState(false);
  // The button that opened a dialog gets the focus back when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const open = (show: () => void) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    show();
  };
  const refocus = () =>
    requestAnimationFrame(() => {
      const target = opener.current?.isConnected ? opener.current : null;
      (target ?? document.getElementById('area-title'))?.focus();
    });
  const weeks = monthWeeks(month);
  const range =
    view === 'month'
      ? {
          from: weeks[0]?.[0] ?? monthRange(month).from,
          to: weeks.at(-1)?.[6] ?? monthRange(month).to,
        }
      : monthRange(month);
  const entries = useMemo(
    () => safely(() => calendarEntries(portfolio, range.from, range.to, today), []),
    [portfolio, range.from, range.to, today],
  );
  const nothingPlanned =
    (portfolio.cadences ?? []).length === 0 && (portfolio.reviews ?? []).length === 0;
  const monthEntries = entries.filter((entry) => monthOf(entry.date) === month);

  const editor = editing && (
    <SeriesEditor
      cadence={editing === 'new' ? undefined : editing}
      onClose={(savedId) => {
        setEditing(null);
        // A deleted series takes its Edit button with it, perhaps only after this frame.
        if (savedId === null) opener.current = null;
        refocus();
      }}
    />
  );
  const oneOffDialog = oneOff && (
    <OneOffDialog
      onClose={(reviewId) => {
        setOneOff(false);
        if (reviewId) navigate({ area: 'cadence', reviewId, snapshotId: null });
        else refocus();
      }}
    />
  );

  if (nothingPlanned) {
    return (
      <>
        <div className="empty-state">
          <p className="empty-state__lead">No meetings planned yet.</p>
          <p>
            Plan the governance rhythm as meeting series: a monthly portfolio review to surface risk
            early, a quarterly alignment checkpoint against the strategy, a half-yearly value
            review. Each meeting opens as a review whose agenda is drafted from the data; holding it
            records attendance, notes, decisions and actions, and freezes the portfolio in a
            snapshot to compare with later. The calendar exports to .ics for everyone’s calendar.
          </p>
          <div className="empty-state__buttons">
            <button
              type="button"
              className="button button--primary"
              onClick={() => open(() => setEditing('new'))}
            >
              Plan a meeting series
            </button>
            <button type="button" className="button" onClick={() => open(() => setOneOff(true))}>
              One-off meeting…
            </button>
          </div>
        </div>
        {editor}
        {oneOffDialog}
      </>
    );
  }

  return (
    <div className="cal">
      <div className="cal__main">
        <div className="cal-toolbar">
          <div className="cal-toolbar__nav" role="group" aria-label="Month">
            <button
              type="button"
              className="button button--small"
              aria-label="Previous month"
              onClick={() => onMonth(shiftMonth(month, -1))}
            >
              <span aria-hidden="true">‹</span>
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => onMonth(monthOf(today))}
              disabled={month === monthOf(today)}
            >
              Today
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label="Next month"
              onClick={() => onMonth(shiftMonth(month, 1))}
            >
              <span aria-hidden="true">›</span>
            </button>
          </div>
          <h3 className="cal-toolbar__month" aria-live="polite">
            {monthLabel(month)}
          </h3>
          <span className="muted small">{plural(monthEntries.length, 'meeting')}</span>
          <div className="cal-toolbar__end">
            <button type="button" className="button" onClick={() => open(() => setOneOff(true))}>
              One-off meeting…
            </button>
            <button type="button" className="button" onClick={() => void exportCalendar(portfolio)}>
              Export calendar (.ics)
            </button>
          </div>
        </div>
        {monthEntries.length === 0 && (
          <NextMeetingHint portfolio={portfolio} month={month} today={today} onMonth={onMonth} />
        )}
        {view === 'month' ? (
          <MonthGrid
            month={month}
            entries={entries}
            today={today}
            onOpen={(entry) => void openEntry(entry)}
          />
        ) : (
          <MonthList
            month={month}
            entries={monthEntries}
            today={today}
            onOpen={(entry) => void openEntry(entry)}
          />
        )}
      </div>
      <SeriesPanel
        portfolio={portfolio}
        today={today}
        onEdit={(cadence) => open(() => setEditing(cadence))}
        onNew={() => open(() => setEditing('new'))}
      />
      {editor}
      {oneOffDialog}
    </div>
  );
}
