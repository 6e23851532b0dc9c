/**
 * The meeting series editor, in a dialog: what the meetings are, when the first one is, how they
 * repeat and when they stop, where and with whom. The repeat reads back as a sentence with the
 * next five dates while it is set; Save stores the series as one edit (undone with Ctrl+Z).
 */
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  choiceFromRule,
  describeRecurrence,
  localDateTimeProblem,
  occurrences,
  ruleFromChoice,
  ruleProblem,
  timeZoneProblem,
  type RecurrenceChoice,
  type RecurrenceFrequency,
} from '../../../shared/cadence/recurrence';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type Cadence,
  type MeetingKind,
} from '../../../shared/cadence/types';
import { MAX_NAME_LENGTH } from '../../../shared/portfolio/limits';
import { askUser } from '../../components/dialogs';
import { Modal } from '../../components/Modal';
import { localToday } from '../../format';
import { undoLastEdit } from '../../state/history-actions';
import { useAppStore } from '../../state/store';
import { addDaysTo, localTimeZone, longDay, timeZoneChoices } from './calendar-month';
import * as cadenceEdits from './review-edits';
import { safely } from './safely';

const FREQUENCY_LABELS: Readonly<Record<RecurrenceFrequency, string>> = {
  none: 'Does not repeat (one meeting)',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  'half-yearly': 'Half-yearly',
  yearly: 'Yearly',
};

const INTERVAL_UNITS: Readonly<Record<RecurrenceFrequency, readonly [string, string]>> = {
  none: ['', ''],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  quarterly: ['quarter', 'quarters'],
  'half-yearly': ['half-year', 'half-years'],
  yearly: ['year', 'years'],
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'last'];

/** How the "on" choice of a monthly (or longer) series reads for a first meeting on `date`. */
function monthlyByLabels(date: string): Record<RecurrenceChoice['monthlyBy'], string> {
  const dayOfMonth = Number(date.slice(8, 10)) || 1;
  const weekday = date
    ? new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
        new Date(`${date}T12:00:00Z`),
      )
    : 'weekday';
  return {
    day: `On day ${dayOfMonth}${dayOfMonth > 28 ? ' (the last day in shorter months)' : ''}`,
    weekday: `On the ${ORDINALS[Math.min(Math.ceil(dayOfMonth / 7), 5) - 1] ?? 'first'} ${weekday}`,
    'last-day': 'On the last day of the month',
  };
}

type Ends = 'never' | 'on' | 'after';

type Draft = {
  readonly name: string;
  readonly kind: MeetingKind;
  readonly date: string;
  readonly dateUnreadable: boolean;
  readonly time: string;
  readonly duration: string;
  readonly timeZone: string;
  readonly frequency: RecurrenceFrequency;
  readonly interval: string;
  readonly monthlyBy: RecurrenceChoice['monthlyBy'];
  readonly ends: Ends;
  readonly until: string;
  readonly count: string;
  readonly location: string;
  readonly attendees: string;
  /** A rule the editor does not make, kept as it is unless the user replaces it. */
  readonly customRule: string | undefined;
};

type FieldName =
  'name' | 'date' | 'time' | 'duration' | 'timeZone' | 'interval' | 'until' | 'count' | 'rule';
type Problems = Partial<Record<FieldName, string>>;
const FIELD_ORDER: readonly FieldName[] = [
  'name',
  'date',
  'time',
  'duration',
  'timeZone',
  'interval',
  'until',
  'count',
  'rule',
];

function draftOf(cadence: Cadence | undefined, today: string): Draft {
  if (!cadence) {
    return {
      name: '',
      kind: 'portfolio-review',
      date: today,
      dateUnreadable: false,
      time: '10:00',
      duration: '60',
      timeZone: localTimeZone(),
      frequency: 'monthly',
      interval: '1',
      monthlyBy: 'weekday',
      ends: 'never',
      until: '',
      count: '',
      location: '',
      attendees: '',
      customRule: undefined,
    };
  }
  const [date = '', time = ''] = cadence.start.split('T');
  const choice = safely(() => choiceFromRule(cadence.rule, cadence.start), undefined);
  return {
    name: cadence.name,
    kind: cadence.kind,
    date,
    dateUnreadable: false,
    time,
    duration: String(cadence.durationMinutes),
    timeZone: cadence.timeZone,
    frequency: choice?.frequency ?? 'monthly',
    interval: String(choice?.interval ?? 1),
    monthlyBy: choice?.monthlyBy ?? 'day',
    ends: choice?.until ? 'on' : choice?.count ? 'after' : 'never',
    until: choice?.until ?? '',
    count: choice?.count ? String(choice.count) : '',
    location: cadence.location ?? '',
    attendees: (cadence.attendees ?? []).join('\n'),
    customRule: choice ? undefined : cadence.rule,
  };
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The series the draft describes, or the problems that stop it from being one. */
function readDraft(draft: Draft): {
  /** The series to store, when every field is valid. */
  readonly input?: cadenceEdits.CadenceInput;
  /** The series to preview, when its timing is valid. */
  readonly preview?: cadenceEdits.CadenceInput;
  readonly problems: Problems;
} {
  const problems: Problems = {};
  if (!draft.name.trim()) problems.name = 'Give the series a name.';
  if (draft.dateUnreadable) problems.date = 'Enter a whole date: day, month and year.';
  else if (!draft.date) problems.date = 'Enter the date of the first meeting.';
  if (!/^\d{2}:\d{2}$/.test(draft.time)) {
    problems.time = 'Enter the time the meetings start, such as 10:00.';
  }
  const start = `${draft.date}T${draft.time}`;
  if (!problems.date && !problems.time) {
    const problem = safely(() => localDateTimeProblem(start), null);
    if (problem) problems.date = problem;
  }
  const duration = wholeNumber(draft.duration);
  if (duration === undefined || duration < 1 || duration > 1440) {
    problems.duration = 'Enter the length in whole minutes, from 1 to 1440 (a day).';
  }
  const zoneProblem = safely(() => timeZoneProblem(draft.timeZone), null);
  if (zoneProblem) problems.timeZone = zoneProblem;

  let rule: string | undefined;
  if (draft.customRule !== undefined) {
    rule = draft.customRule;
    const problem = safely(() => ruleProblem(rule ?? ''), null);
    if (problem) problems.rule = problem;
  } else if (draft.frequency !== 'none') {
    const interval = wholeNumber(draft.interval);
    if (interval === undefined || interval < 1) {
      problems.interval = 'Enter how often in whole numbers: 1 or more.';
    }
    let until: string | undefined;
    let count: number | undefined;
    if (draft.ends === 'on') {
      if (!draft.until) problems.until = 'Enter the last date a meeting may fall on.';
      else if (draft.date && draft.until < draft.date) {
        problems.until = 'The series cannot end before its first meeting.';
      } else until = draft.until;
    } else if (draft.ends === 'after') {
      count = wholeNumber(draft.count);
      if (count === undefined || count < 1) {
        problems.count = 'Enter how many meetings in all: 1 or more.';
      }
    }
    if (!problems.interval && !problems.until && !problems.count && !problems.date) {
      const choice: RecurrenceChoice = {
        frequency: draft.frequency,
        interval: interval ?? 1,
        monthlyBy: draft.monthlyBy,
        ...(until !== undefined && { until }),
        ...(count !== undefined && { count }),
      };
      try {
        rule = ruleFromChoice(choice, start);
      } catch (error) {
        problems.rule = error instanceof Error ? error.message : String(error);
      }
    }
  }
  const attendees = draft.attendees
    .split(/[\n,;]/)
    .map((name) => name.trim())
    .filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  const input: cadenceEdits.CadenceInput = {
    name: draft.name.trim() || 'New series',
    kind: draft.kind,
    start,
    durationMinutes: duration ?? 60,
    timeZone: draft.timeZone,
    ...(rule !== undefined && { rule }),
    ...(draft.location.trim() && { location: draft.location.trim() }),
    ...(attendees.length > 0 && { attendees }),
  };
  // The dates can be shown as soon as the timing is complete, a name or not.
  const timingOk = FIELD_ORDER.every((field) => field === 'name' || !problems[field]);
  return {
    problems,
    ...(timingOk && { preview: input }),
    ...(!problems.name && timingOk && { input }),
  };
}

/** The series in words and its next five meetings, as the draft stands. */
function Preview({
  input,
  today,
}: {
  readonly input: cadenceEdits.CadenceInput;
  readonly today: string;
}) {
  const cadence: Cadence = { id: 'preview', ...input };
  const sentence = safely(() => describeRecurrence(cadence), '');
  const from = input.start.slice(0, 10) > today ? input.start.slice(0, 10) : today;
  const next = safely(() => occurrences(cadence, from, addDaysTo(from, 3660 * 2), 5), []);
  const elsewhere = input.timeZone !== localTimeZone();
  return (
    <div className="series-preview" aria-live="polite">
      {sentence && <p className="series-preview__sentence">{sentence}</p>}
      {next.length === 0 ? (
        <p className="muted">No meeting falls on or after today.</p>
      ) : (
        <>
          <p className="series-preview__lead">
            {next.length === 1 ? 'The next meeting:' : `The next ${next.length} meetings:`}
          </p>
          <ol className="series-preview__dates">
            {next.map((occurrence) => (
              <li key={occurrence.date}>
                {longDay(occurrence.date)}, {occurrence.time}
                {elsewhere && <span className="muted"> ({input.timeZone})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export type SeriesEditorProps = {
  /** The series to edit; a new one when absent. */
  readonly cadence?: Cadence;
  /** Called once saved (with the series' id), deleted (null) or cancelled (undefined). */
  readonly onClose: (savedId?: string | null) => void;
};

export function SeriesEditor({ cadence, onClose }: SeriesEditorProps) {
  const id = useId();
  const today = localToday();
  const notify = useAppStore((state) => state.notify);
  const [draft, setDraft] = useState<Draft>(() => draftOf(cadence, today));
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => {
    const choices = timeZoneChoices();
    return choices.includes(draft.timeZone) ? choices : [draft.timeZone, ...choices];
  }, [draft.timeZone]);

  const read = readDraft(draft);
  const problems = tried ? read.problems : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setTried(true);
    const first = FIELD_ORDER.find((field) => read.problems[field]);
    if (first || !read.input) {
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    setRefused(null);
    try {
      if (cadence) {
        const result = await cadenceEdits.updateCadence(cadence.id, read.input);
        const problem = cadenceEdits.refusal(result, 'The series was not saved.');
        if (problem) {
          setRefused(problem);
          return;
        }
        notify('success', `Saved the series “${read.input.name}”.`);
        onClose(cadence.id);
      } else {
        const result = await cadenceEdits.createCadence(read.input);
        if (!result.ok) {
          setRefused(result.message || 'The series was not added.');
          return;
        }
        notify('success', `Added the series “${read.input.name}” to the calendar.`);
        onClose(result.id);
      }
    } catch (error) {
      setRefused(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!cadence) return;
    const asker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const choice = await askUser({
      title: `Delete the series “${cadence.name}”?`,
      body: 'Its meetings leave the calendar, with the reviews planned for them. Reviews already held stay, as one-off meetings, with their minutes and snapshots. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete series', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') {
      // The question's dialog, closed, leaves the focus on nothing: back to "Delete series…".
      requestAnimationFrame(() => asker?.focus());
      return;
    }
    const result = await cadenceEdits.deleteCadence(cadence.id);
    const problem = cadenceEdits.refusal(result, 'The series was not deleted.');
    if (problem) {
      setRefused(problem);
      return;
    }
    notify('info', `Deleted the series “${cadence.name}”.`, {
      label: 'Undo',
      run: () => void undoLastEdit(),
    });
    onClose(null);
  };

  const fieldClass = (field: FieldName, extra = '') =>
    `field${problems[field] ? ' field--invalid' : ''}${extra ? ` ${extra}` : ''}`;
  const invalid = (field: FieldName) => (problems[field] ? true : undefined);
  const describedBy = (field: FieldName, hint?: string) =>
    problems[field] ? `${fieldId(field)}-error` : hint;
  const error = (field: FieldName): ReactNode => (
    <p id={`${fieldId(field)}-error`} className="field__error" aria-live="polite">
      {problems[field] ?? ''}
    </p>
  );
  const repeats = draft.customRule === undefined && draft.frequency !== 'none';
  const monthly = repeats && draft.frequency !== 'weekly';
  const byLabels = monthlyByLabels(draft.date);
  const units = INTERVAL_UNITS[draft.frequency];

  return (
    <Modal
      title={cadence ? `Edit the series “${cadence.name}”` : 'New meeting series'}
      wide
      actions={null}
      onCancel={() => onClose(undefined)}
    >
      <form className="series-editor" noValidate onSubmit={(event) => void submit(event)}>
        <div className="series-editor__grid">
          <div className={fieldClass('name', 'series-editor__wide')}>
            <label htmlFor={fieldId('name')} className="field__label">
              Name
            </label>
            <input
              id={fieldId('name')}
              type="text"
              value={draft.name}
              maxLength={MAX_NAME_LENGTH}
              autoComplete="off"
              autoFocus
              placeholder="Monthly portfolio review"
              aria-required="true"
              aria-invalid={invalid('name')}
              aria-describedby={describedBy('name')}
              onChange={(event) => set('name', event.target.value)}
            />
            {error('name')}
          </div>
          <div className="field">
            <label htmlFor={fieldId('kind')} className="field__label">
              Kind of meeting
            </label>
            <select
              id={fieldId('kind')}
              value={draft.kind}
              aria-describedby={`${fieldId('kind')}-hint`}
              onChange={(event) => set('kind', event.target.value as MeetingKind)}
            >
              {MEETING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {MEETING_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
            <p id={`${fieldId('kind')}-hint`} className="field__hint">
              The kind decides what its agenda is drafted from.
            </p>
          </div>
          <div className={fieldClass('date')}>
            <label htmlFor={fieldId('date')} className="field__label">
              First meeting
            </label>
            <input
              id={fieldId('date')}
              type="date"
              value={draft.date}
              aria-required="true"
              aria-invalid={invalid('date')}
              aria-describedby={describedBy('date')}
              onChange={(event) =>
                setDraft((current) => ({
                  ...current,
                  date: event.target.value,
                  dateUnreadable: event.target.validity.badInput,
                }))
              }
            />
            {error('date')}
          </div>
          <div className={fieldClass('time')}>
            <label htmlFor={fieldId('time')} className="field__label">
              Starts at
            </label>
            <input
              id={fieldId('time')}
              type="time"
              value={draft.time}
              aria-required="true"
              aria-invalid={invalid('time')}
              aria-describedby={describedBy('time')}
              onChange={(event) => set('time', event.target.value)}
            />
            {error('time')}
          </div>
          <div className={fieldClass('duration')}>
            <label htmlFor={fieldId('duration')} className="field__label">
              Length in minutes
            </label>
            <input
              id={fieldId('duration')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.duration}
              aria-invalid={invalid('duration')}
              aria-describedby={describedBy('duration')}
              onChange={(event) => set('duration', event.target.value)}
            />
            {error('duration')}
          </div>
          <div className={fieldClass('timeZone', 'series-editor__span2')}>
            <label htmlFor={fieldId('timeZone')} className="field__label">
              Time zone
            </label>
            <select
              id={fieldId('timeZone')}
              value={draft.timeZone}
              aria-invalid={invalid('timeZone')}
              aria-describedby={describedBy('timeZone', `${fieldId('timeZone')}-hint`)}
              onChange={(event) => set('timeZone', event.target.value)}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone === localTimeZone() ? `${zone} (this computer)` : zone}
                </option>
              ))}
            </select>
            {!problems.timeZone && (
              <p id={`${fieldId('timeZone')}-hint`} className="field__hint">
                The meeting keeps its time here when the clocks change.
              </p>
            )}
            {error('timeZone')}
          </div>
        </div>

        <fieldset className="series-editor__repeat">
          <legend>Repeat</legend>
          {draft.customRule !== undefined ? (
            <div className={fieldClass('rule')}>
              <p className="field__label">This series has a rule the editor does not make</p>
              <p>
                <code>{draft.customRule}</code>
              </p>
              {error('rule')}
              <button
                type="button"
                className="button button--small"
                onClick={() => set('customRule', undefined)}
              >
                Replace it with a simple repeat
              </button>
            </div>
          ) : (
            <div className="series-editor__grid">
              <div className="field">
                <label htmlFor={fieldId('frequency')} className="field__label">
                  Repeats
                </label>
                <select
                  id={fieldId('frequency')}
                  value={draft.frequency}
                  onChange={(event) => set('frequency', event.target.value as RecurrenceFrequency)}
                >
                  {(Object.keys(FREQUENCY_LABELS) as RecurrenceFrequency[]).map((frequency) => (
                    <option key={frequency} value={frequency}>
                      {FREQUENCY_LABELS[frequency]}
                    </option>
                  ))}
                </select>
              </div>
              {repeats && (
                <div className={fieldClass('interval')}>
                  <label htmlFor={fieldId('interval')} className="field__label">
                    Every
                  </label>
                  <span className="number-input">
                    <input
                      id={fieldId('interval')}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={draft.interval}
                      aria-invalid={invalid('interval')}
                      aria-describedby={describedBy('interval', `${fieldId('interval')}-unit`)}
                      onChange={(event) => set('interval', event.target.value)}
                    />
                    <span id={`${fieldId('interval')}-unit`} className="number-input__unit">
                      {wholeNumber(draft.interval) === 1 ? units[0] : units[1]}
                    </span>
                  </span>
                  {error('interval')}
                </div>
              )}
              {monthly && (
                <div className="field series-editor__span2">
                  <label htmlFor={fieldId('by')} className="field__label">
                    On
                  </label>
                  <select
                    id={fieldId('by')}
                    value={draft.monthlyBy}
                    onChange={(event) =>
                      set('monthlyBy', event.target.value as RecurrenceChoice['monthlyBy'])
                    }
                  >
                    {(['day', 'weekday', 'last-day'] as const).map((by) => (
                      <option key={by} value={by}>
                        {byLabels[by]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {repeats && (
                <fieldset className="series-editor__ends series-editor__wide">
                  <legend className="field__label">Ends</legend>
                  <label className="radio">
                    <input
                      type="radio"
                      name={fieldId('ends')}
                      checked={draft.ends === 'never'}
                      onChange={() => set('ends', 'never')}
                    />
                    Never
                  </label>
                  <div className="series-editor__end">
                    <label className="radio">
                      <input
                        type="radio"
                        name={fieldId('ends')}
                        checked={draft.ends === 'on'}
                        onChange={() => set('ends', 'on')}
                      />
                      On a date
                    </label>
                    {draft.ends === 'on' && (
                      <div className={fieldClass('until', 'field--inline')}>
                        <label htmlFor={fieldId('until')} className="visually-hidden">
                          Last date
                        </label>
                        <input
                          id={fieldId('until')}
                          type="date"
                          value={draft.until}
                          aria-invalid={invalid('until')}
                          aria-describedby={describedBy('until')}
                          onChange={(event) => set('until', event.target.value)}
                        />
                        {error('until')}
                      </div>
                    )}
                  </div>
                  <div className="series-editor__end">
                    <label className="radio">
                      <input
                        type="radio"
                        name={fieldId('ends')}
                        checked={draft.ends === 'after'}
                        onChange={() => set('ends', 'after')}
                      />
                      After a number of meetings
                    </label>
                    {draft.ends === 'after' && (
                      <div className={fieldClass('count', 'field--inline')}>
                        <label htmlFor={fieldId('count')} className="visually-hidden">
                          Number of meetings
                        </label>
                        <span className="number-input">
                          <input
                            id={fieldId('count')}
                            type="text"
                            inputMode="numeric"
                            autoComplete="off"
                            value={draft.count}
                            aria-invalid={invalid('count')}
                            aria-describedby={describedBy('count')}
                            onChange={(event) => set('count', event.target.value)}
                          />
                          <span className="number-input__unit">meetings</span>
                        </span>
                        {error('count')}
                      </div>
                    )}
                  </div>
                </fieldset>
              )}
              {error('rule')}
            </div>
          )}
          {read.preview ? (
            <Preview input={read.preview} today={today} />
          ) : (
            <p className="series-preview muted">
              The dates show here once the first meeting, the time and the repeat are complete.
            </p>
          )}
        </fieldset>

        <div className="series-editor__grid">
          <div className="field series-editor__wide">
            <label htmlFor={fieldId('location')} className="field__label">
              Location
            </label>
            <input
              id={fieldId('location')}
              type="text"
              value={draft.location}
              maxLength={MAX_NAME_LENGTH}
              autoComplete="off"
              placeholder="Board room, or a video call link"
              onChange={(event) => set('location', event.target.value)}
            />
          </div>
          <div className="field series-editor__wide">
            <label htmlFor={fieldId('attendees')} className="field__label">
              Attendees
            </label>
            <textarea
              id={fieldId('attendees')}
              rows={3}
              value={draft.attendees}
              aria-describedby={`${fieldId('attendees')}-hint`}
              onChange={(event) => set('attendees', event.target.value)}
            />
            <p id={`${fieldId('attendees')}-hint`} className="field__hint">
              One name a line (or separated by commas). Each review starts its attendance list with
              them.
            </p>
          </div>
        </div>

        <p className="series-editor__refusal" role="alert">
          {refused ?? ''}
        </p>
        <div className="series-editor__actions">
          {cadence && (
            <button
              type="button"
              className="button button--danger series-editor__delete"
              onClick={() => void remove()}
            >
              Delete series…
            </button>
          )}
          <button type="button" className="button" onClick={() => onClose(undefined)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {cadence ? 'Save series' : 'Add series'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
