/**
 * The details of the item chosen in the strategy tree, beside it: an objective's name,
 * description, what it holds and which initiatives contribute to it; a measure's figures, its
 * progress to target and its dated actuals. Every field stores its change at once and shows why
 * the portfolio refuses a value beside it. Escape goes back to the item in the tree.
 */
import { EditorSection } from '../../components/EditorSection';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MAX_MEASURE, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';
import type { Measure, Objective, Portfolio } from '../../../shared/portfolio/types';
import { measureProgress } from '../../../shared/strategy/measure-progress';
import { CONTRIBUTION_LABELS } from '../../components/labels';
import { DateField, NumberField, TextField } from '../../components/fields';
import { parseNumberText, screenLocale } from '../../components/number-text';
import * as edits from '../../db/edits';
import type { CommitOptions } from '../../db/edits';
import {
  MEASURE_STATUS_LABELS,
  formatDay,
  formatFigure,
  formatShare,
  progressWidth,
} from './measure-view';

type Shell = {
  readonly eyebrow: string;
  readonly title: string;
  readonly actions: ReactNode;
  readonly children: ReactNode;
  /** Escape: back to the item in the tree. */
  readonly onBack: () => void;
};

function DetailsShell({ eyebrow, title, actions, children, onBack }: Shell) {
  const id = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onBack();
  };
  return (
    <section className="strategy-details" aria-labelledby={id} onKeyDown={onKeyDown}>
      <div className="strategy-details__header">
        <p className="editor__eyebrow">{eyebrow}</p>
        <h3 id={id}>{title}</h3>
        <div className="strategy-details__actions">{actions}</div>
      </div>
      <div className="strategy-details__body">{children}</div>
    </section>
  );
}

/** Focuses the first input inside the returned ref when `now` (Enter on the tree's item). */
function useFocusWhen(now: boolean, onFocused: () => void, selector = 'input, textarea') {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!now) return;
    const input = ref.current?.querySelector<HTMLElement>(selector);
    input?.focus();
    if (input instanceof HTMLInputElement) input.select();
    onFocused();
  }, [now, onFocused, selector]);
  return ref;
}

// ---- An objective ----------------------------------------------------------------------------

type ObjectiveDetailsProps = {
  readonly portfolio: Portfolio;
  readonly objective: Objective;
  readonly parent: Objective | undefined;
  /** Opened from the tree: the Name field takes the focus, then `onFocused` is called. */
  readonly focusNow: boolean;
  readonly onFocused: () => void;
  readonly onAddObjective: () => void;
  readonly onAddMeasure: () => void;
  readonly onDelete: () => void;
  readonly onBack: () => void;
};

export function ObjectiveDetails({
  portfolio,
  objective,
  parent,
  focusNow,
  onFocused,
  onAddObjective,
  onAddMeasure,
  onDelete,
  onBack,
}: ObjectiveDetailsProps) {
  const fieldsRef = useFocusWhen(focusNow, onFocused);
  const merge = (field: string): CommitOptions => ({
    mergeKey: `objective:${objective.id}:${field}`,
  });
  const theme = !parent;
  const what = theme ? 'theme' : 'objective';
  const links = portfolio.initiatives.flatMap((initiative) => {
    const link = initiative.objectives?.find((entry) => entry.id === objective.id);
    return link ? [{ initiative, contribution: link.contribution }] : [];
  });
  const children = portfolio.objectives.filter((entry) => entry.parentId === objective.id);
  return (
    <DetailsShell
      eyebrow={theme ? 'Theme' : `Objective under “${parent.name}”`}
      title={objective.name}
      onBack={onBack}
      actions={
        <>
          <button type="button" className="button button--small" onClick={onAddObjective}>
            Add objective
          </button>
          <button type="button" className="button button--small" onClick={onAddMeasure}>
            Add measure
          </button>
          <button type="button" className="button button--small button--danger" onClick={onDelete}>
            Delete {what}…
          </button>
        </>
      }
    >
      <div ref={fieldsRef}>
        <TextField
          label="Name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={objective.name}
          onCommit={(name) => edits.renameObjective(objective.id, name, merge('name'))}
        />
        <TextField
          label="Description"
          multiline
          maxLength={MAX_TEXT_LENGTH}
          value={objective.description ?? ''}
          onCommit={(text) => edits.describeObjective(objective.id, text, merge('description'))}
        />
      </div>
      <EditorSection title="What it holds">
        <p className="strategy-details__facts">
          {count(objective.measures?.length ?? 0, 'success measure', 'success measures')} ·{' '}
          {count(children.length, 'objective', 'objectives')} under it
        </p>
      </EditorSection>
      <EditorSection title="Initiatives contributing">
        {links.length === 0 ? (
          <p className="muted">
            No initiative links to this {what} yet. Link work to it in an initiative’s editor
            (Portfolio).
          </p>
        ) : (
          <ul className="strategy-details__links">
            {links.map(({ initiative, contribution }) => (
              <li key={initiative.id}>
                <a href={`#/portfolio/initiatives/${encodeURIComponent(initiative.id)}`}>
                  {initiative.name}
                </a>{' '}
                <span className="muted">
                  · {CONTRIBUTION_LABELS[contribution] ?? contribution} contribution
                </span>
              </li>
            ))}
          </ul>
        )}
      </EditorSection>
    </DetailsShell>
  );
}

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

// ---- A measure -------------------------------------------------------------------------------

type MeasureDetailsProps = {
  readonly objective: Objective;
  readonly measure: Measure;
  readonly today: string;
  /** Opened from the tree: the Add actual value takes the focus, then `onFocused` is called. */
  readonly focusNow: boolean;
  readonly onFocused: () => void;
  readonly onDelete: () => void;
  readonly onBack: () => void;
};

export function MeasureDetails({
  objective,
  measure,
  today,
  focusNow,
  onFocused,
  onDelete,
  onBack,
}: MeasureDetailsProps) {
  const actualRef = useFocusWhen(focusNow, onFocused, 'input[data-actual-value]');
  const ids = { objectiveId: objective.id, measureId: measure.id };
  const merge = (field: string): CommitOptions => ({
    mergeKey: `measure:${objective.id}:${measure.id}:${field}`,
  });
  const update = <K extends edits.MeasureField>(
    field: K,
    value: Measure[K] | undefined,
    options?: CommitOptions,
  ) => edits.updateMeasure(ids.objectiveId, ids.measureId, field, value, options);
  const actuals = [...(measure.actuals ?? [])].reverse();
  return (
    <DetailsShell
      eyebrow={`Measure of “${objective.name}”`}
      title={measure.name}
      onBack={onBack}
      actions={
        <button type="button" className="button button--small button--danger" onClick={onDelete}>
          Delete measure…
        </button>
      }
    >
      <MeasureProgressView measure={measure} today={today} />
      <div ref={actualRef}>
        <AddActual objectiveId={objective.id} measure={measure} today={today} />
      </div>
      <EditorSection title="Target">
        <TextField
          label="Name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={measure.name}
          onCommit={(name) => update('name', name, merge('name'))}
        />
        <div className="field-row">
          <TextField
            label="Unit"
            maxLength={MAX_NAME_LENGTH}
            value={measure.unit ?? ''}
            hint="EUR, %, days…"
            onCommit={(unit) => update('unit', unit, merge('unit'))}
          />
          <DateField
            label="Target date"
            value={measure.targetDate}
            onCommit={(date) => update('targetDate', date)}
          />
        </div>
        <div className="field-row">
          <NumberField
            label="Baseline"
            optional
            min={-MAX_MEASURE}
            unit={measure.unit}
            value={measure.baseline}
            onCommit={(value) => update('baseline', value, merge('baseline'))}
          />
          <NumberField
            label="Target"
            optional
            min={-MAX_MEASURE}
            unit={measure.unit}
            value={measure.target}
            onCommit={(value) => update('target', value, merge('target'))}
          />
        </div>
      </EditorSection>
      <EditorSection title="Actuals">
        {actuals.length === 0 ? (
          <p className="muted">No actual recorded yet.</p>
        ) : (
          <table className="data-table data-table--compact strategy-actuals">
            <caption className="visually-hidden">Actuals of {measure.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col">
                  <span className="visually-hidden">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {actuals.map((actual, index) => (
                <tr key={`${actual.date}-${index}`}>
                  <th scope="row">{formatDay(actual.date)}</th>
                  <td className="num">{formatFigure(actual.value, measure.unit)}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Delete the actual of ${formatDay(actual.date)}`}
                      onClick={() =>
                        void edits.deleteMeasureActual(ids.objectiveId, ids.measureId, actual)
                      }
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </EditorSection>
    </DetailsShell>
  );
}

/** The most decimals the measure's own figures have: what an expected value is shown with. */
function decimalsOf(measure: Measure): number {
  const figures = [
    measure.baseline,
    measure.target,
    ...(measure.actuals ?? []).map((actual) => actual.value),
  ];
  const decimals = figures.map((value) =>
    value === undefined || Number.isInteger(value) ? 0 : (String(value).split('.')[1]?.length ?? 0),
  );
  return Math.min(Math.max(0, ...decimals), 2);
}

/** The measure's progress to target in words and a bar, or what it needs to show one. */
function MeasureProgressView({
  measure,
  today,
}: {
  readonly measure: Measure;
  readonly today: string;
}) {
  const progress = measureProgress(measure, today);
  const { unit } = measure;
  const figure = (value: number) => formatFigure(value, unit);
  let missing: string | null = null;
  if (measure.baseline === undefined || measure.target === undefined) {
    missing = 'Set a baseline and a target to see its progress.';
  } else if (measure.baseline === measure.target) {
    missing = 'The baseline and the target are the same: there is nothing to move toward.';
  } else if (!progress.latest) missing = 'No actual yet: add the first one below.';
  else if (progress.status === 'no-data') {
    missing = 'Set a target date to see whether it is on track.';
  }
  return (
    <div className="strategy-progress">
      <p className="strategy-progress__head">
        <span className={`measure-status measure-status--${progress.status}`}>
          {MEASURE_STATUS_LABELS[progress.status]}
        </span>
        {progress.progress !== undefined && (
          <span>{formatShare(progress.progress)} of the way to target</span>
        )}
      </p>
      {progress.progress !== undefined && (
        <span className="progress-bar progress-bar--wide" aria-hidden="true">
          <span
            className={`progress-bar__fill progress-bar__fill--${progress.status}`}
            style={{ width: progressWidth(progress.progress) }}
          />
          {progress.expectedProgress !== undefined && (
            <span
              className="progress-bar__expected"
              style={{ left: progressWidth(progress.expectedProgress) }}
            />
          )}
        </span>
      )}
      <dl className="strategy-progress__figures">
        {progress.latest && (
          <div>
            <dt>Latest</dt>
            <dd>
              {figure(progress.latest.value)} on{' '}
              <span className="strategy-progress__date">{formatDay(progress.latest.date)}</span>
            </dd>
          </div>
        )}
        {measure.baseline !== undefined && (
          <div>
            <dt>Baseline</dt>
            <dd>{figure(measure.baseline)}</dd>
          </div>
        )}
        {measure.target !== undefined && (
          <div>
            <dt>Target</dt>
            <dd>
              {figure(measure.target)}
              {measure.targetDate && (
                <>
                  {' '}
                  by{' '}
                  <span className="strategy-progress__date">{formatDay(measure.targetDate)}</span>
                </>
              )}
            </dd>
          </div>
        )}
        {progress.expected !== undefined && (
          <div>
            <dt>Expected today</dt>
            <dd>{formatFigure(progress.expected, unit, decimalsOf(measure))}</dd>
          </div>
        )}
      </dl>
      {missing && <p className="strategy-progress__missing">{missing}</p>}
    </div>
  );
}

/**
 * A new actual: the date (today unless changed) and the value; Enter stores it and keeps the
 * value field ready for the next one.
 */
function AddActual({
  objectiveId,
  measure,
  today,
}: {
  readonly objectiveId: string;
  readonly measure: Measure;
  readonly today: string;
}) {
  const id = useId();
  const [date, setDate] = useState(today);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [stored, setStored] = useState('');
  const dateRef = useRef<HTMLInputElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const add = async () => {
    setStored('');
    if (dateRef.current?.validity.badInput || date === '') {
      setError('Enter the whole date of the actual.');
      return;
    }
    const parsed = parseNumberText(value, screenLocale());
    if (parsed === 'empty') {
      setError('Type the value first.');
      return;
    }
    if (parsed === 'invalid') {
      setError('Enter a number, such as 2.5.');
      return;
    }
    const replaces = measure.actuals?.some((actual) => actual.date === date) ?? false;
    const result = await edits.addMeasureActual(objectiveId, measure.id, { date, value: parsed });
    if (!result.ok) {
      setError(result.problems[0]?.message ?? 'The actual was refused.');
      return;
    }
    setError(null);
    setValue('');
    setStored(
      `${replaces ? 'Changed the actual of' : 'Recorded'} ${formatDay(date)}${replaces ? ' to' : ':'} ${formatFigure(parsed, measure.unit)}.`,
    );
    valueRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };
  return (
    <fieldset className="strategy-add-actual" aria-describedby={`${id}-status`}>
      <legend>Add actual</legend>
      <div className="strategy-add-actual__row">
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-value`} className="field__label">
            Value{measure.unit ? ` (${measure.unit})` : ''}
          </label>
          <input
            ref={valueRef}
            id={`${id}-value`}
            data-actual-value
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`} className="field__label">
            Date
          </label>
          <input
            ref={dateRef}
            id={`${id}-date`}
            type="date"
            value={date}
            max="9999-12-31"
            onChange={(event) => {
              setDate(event.target.value);
              setError(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="button" className="button" onClick={() => void add()}>
          Add
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        Type the value and press Enter; a date that has an actual gets the new value.
      </p>
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {error ?? ''}
      </p>
      <p id={`${id}-status`} className="strategy-add-actual__stored" aria-live="polite">
        {stored}
      </p>
    </fieldset>
  );
}
