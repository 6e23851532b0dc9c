/**
 * "One-off meeting…": a meeting outside any series (an extraordinary review, a steering call).
 * Adding it opens its review at once, with the agenda its kind drafts from the data.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
} from '../../../shared/cadence/types';
import { MAX_NAME_LENGTH } from '../../../shared/portfolio/limits';
import { Modal } from '../../components/Modal';
import { localToday } from '../../format';
import * as cadenceEdits from './review-edits';

type Field = 'title' | 'date' | 'time';

export type OneOffDialogProps = {
  /** Called with the new review's id once it is made, or undefined when cancelled. */
  readonly onClose: (reviewId?: string) => void;
};

export function OneOffDialog({ onClose }: OneOffDialogProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('portfolio-review');
  const [date, setDate] = useState(localToday());
  const [dateUnreadable, setDateUnreadable] = useState(false);
  const [time, setTime] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = (field: string) => `${id}-${field}`;

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = 'Give the meeting a title.';
    if (dateUnreadable || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      found.date = 'Enter the date of the meeting.';
    }
    if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      found.time = 'Enter a time such as 14:30, or leave it empty.';
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const found = check();
    setProblems(found);
    const first = (['title', 'date', 'time'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    setRefused(null);
    try {
      const result = await cadenceEdits.openReview(
        { title: title.trim(), kind, date, ...(time !== '' && { time }) },
        localToday(),
      );
      if (!result.ok) {
        setRefused(result.message || 'The meeting was not added.');
        return;
      }
      onClose(result.id);
    } finally {
      setSaving(false);
    }
  };

  const invalid = (field: Field) => (problems[field] ? true : undefined);
  const describedBy = (field: Field, hint?: string) =>
    problems[field] ? `${fieldId(field)}-error` : hint;
  const error = (field: Field) => (
    <p id={`${fieldId(field)}-error`} className="field__error" aria-live="polite">
      {problems[field] ?? ''}
    </p>
  );
  const fieldClass = (field: Field, extra = '') =>
    `field${problems[field] ? ' field--invalid' : ''}${extra ? ` ${extra}` : ''}`;

  return (
    <Modal title="One-off meeting" actions={null} onCancel={() => onClose(undefined)}>
      <form className="one-off" noValidate onSubmit={(event) => void submit(event)}>
        <p className="one-off__intro">
          A meeting outside the series. It opens as a review with an agenda drafted from the data
          for its kind.
        </p>
        <div className={fieldClass('title')}>
          <label htmlFor={fieldId('title')} className="field__label">
            Title
          </label>
          <input
            id={fieldId('title')}
            type="text"
            value={title}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
            autoFocus
            placeholder="Extraordinary portfolio review"
            aria-required="true"
            aria-invalid={invalid('title')}
            aria-describedby={describedBy('title')}
            onChange={(event) => setTitle(event.target.value)}
          />
          {error('title')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('kind')} className="field__label">
            Kind of meeting
          </label>
          <select
            id={fieldId('kind')}
            value={kind}
            aria-describedby={`${fieldId('kind')}-hint`}
            onChange={(event) => setKind(event.target.value as MeetingKind)}
          >
            {MEETING_KINDS.map((entry) => (
              <option key={entry} value={entry}>
                {MEETING_KIND_LABELS[entry]}
              </option>
            ))}
          </select>
          <p id={`${fieldId('kind')}-hint`} className="field__hint">
            The kind decides what its agenda is drafted from.
          </p>
        </div>
        <div className="one-off__when">
          <div className={fieldClass('date')}>
            <label htmlFor={fieldId('date')} className="field__label">
              Date
            </label>
            <input
              id={fieldId('date')}
              type="date"
              value={date}
              aria-required="true"
              aria-invalid={invalid('date')}
              aria-describedby={describedBy('date')}
              onChange={(event) => {
                setDate(event.target.value);
                setDateUnreadable(event.target.validity.badInput);
              }}
            />
            {error('date')}
          </div>
          <div className={fieldClass('time')}>
            <label htmlFor={fieldId('time')} className="field__label">
              Time (optional)
            </label>
            <input
              id={fieldId('time')}
              type="time"
              value={time}
              aria-invalid={invalid('time')}
              aria-describedby={describedBy('time')}
              onChange={(event) => setTime(event.target.value)}
            />
            {error('time')}
          </div>
        </div>
        <p className="series-editor__refusal" role="alert">
          {refused ?? ''}
        </p>
        <div className="series-editor__actions">
          <button type="button" className="button" onClick={() => onClose(undefined)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            Add and open
          </button>
        </div>
      </form>
    </Modal>
  );
}
