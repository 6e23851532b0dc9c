/**
 * The form of one decision for the decision log: when, what kind, what was decided, why, by
 * whom and what it concerns. Presentational: it is given its starting values and the items a
 * decision can concern, and hands back what to record; the caller stores it. Enter in a
 * one-line field never submits half a form: Save (or Ctrl+Enter) does, after checking that
 * every required field says something.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../shared/portfolio/limits';
import {
  DECISION_KINDS,
  type DecisionConcern,
  type DecisionConcernKind,
  type DecisionKind,
  type Portfolio,
} from '../../shared/portfolio/types';
import type { DecisionInput } from '../../shared/store/operations/decisions';
import { localToday } from '../format';
import { Modal } from './Modal';
import './decisions.css';

/** The kinds of decision in the words of the screens. */
export const DECISION_KIND_LABELS: Readonly<Record<DecisionKind, string>> = {
  gate: 'Gate decision',
  prioritization: 'Prioritization',
  'scenario-commit': 'Scenario committed as plan',
  'stop-continue': 'Stop / continue',
  'workshop-outcome': 'Workshop outcome',
  review: 'Review decision',
  other: 'Other',
};

/** What a decision can concern, as a word before its name. */
export const CONCERN_KIND_LABELS: Readonly<Record<DecisionConcernKind, string>> = {
  initiative: 'Initiative',
  scenario: 'Scenario',
  objective: 'Objective',
  review: 'Review',
  metric: 'Metric',
};

/** One item a decision can concern, with the name it is shown by. */
export type ConcernOption = DecisionConcern & { readonly name: string };

/** The key of a concern in maps and option values: `initiative:crm-revamp`. */
export function concernKey(concern: DecisionConcern): string {
  return `${concern.kind}:${concern.id}`;
}

/** Every initiative, scenario, objective and review of the portfolio, in that order, by name. */
export function decisionConcernOptions(portfolio: Portfolio): ConcernOption[] {
  return [
    ...portfolio.initiatives.map((item) => ({
      kind: 'initiative' as const,
      id: item.id,
      name: item.name,
    })),
    ...portfolio.scenarios.map((item) => ({
      kind: 'scenario' as const,
      id: item.id,
      name: item.name,
    })),
    ...portfolio.objectives.map((item) => ({
      kind: 'objective' as const,
      id: item.id,
      name: item.name,
    })),
    ...(portfolio.reviews ?? []).map((item) => ({
      kind: 'review' as const,
      id: item.id,
      name: `${item.title} (${item.date})`,
    })),
  ];
}

/** How a concern reads: its kind and name, or its id marked deleted when the item is gone. */
export function concernLabel(concern: DecisionConcern, name: string | undefined): string {
  return `${CONCERN_KIND_LABELS[concern.kind] ?? concern.kind}: ${name ?? `${concern.id} (deleted)`}`;
}

/** What the form starts with; anything left out starts empty (the date: today). */
export type DecisionDraft = {
  readonly date?: string;
  readonly kind?: DecisionKind;
  readonly title?: string;
  readonly decision?: string;
  readonly rationale?: string;
  readonly decidedBy?: string;
  readonly concerns?: readonly DecisionConcern[];
};

export type DecisionFormProps = {
  readonly initial: DecisionDraft;
  /** The items a decision can concern. */
  readonly options: readonly ConcernOption[];
  /**
   * Records the decision; resolves with the reason it was refused, or null when it was
   * recorded (the caller then closes the form).
   */
  readonly onSave: (input: DecisionInput) => Promise<string | null> | string | null;
  readonly onCancel: () => void;
  readonly saveLabel?: string;
  /** Shown above the fields: what saving does besides recording (amends, forces out). */
  readonly intro?: ReactNode;
  /** The portfolio's fingerprint the decision will carry, shown for the record. */
  readonly fingerprint?: string;
};

type FieldName = 'date' | 'kind' | 'title' | 'decision';
type Problems = Partial<Record<FieldName, string>>;

type Values = {
  readonly date: string;
  readonly dateUnreadable: boolean;
  readonly kind: DecisionKind | '';
  readonly title: string;
  readonly decision: string;
};

function problemsOf(values: Values): Problems {
  const problems: Problems = {};
  if (values.dateUnreadable) problems.date = 'Enter a whole date: day, month and year.';
  else if (!values.date) problems.date = 'Enter the date the decision was taken.';
  if (!values.kind) problems.kind = 'Choose what kind of decision this is.';
  if (!values.title.trim()) problems.title = 'Give the decision a title.';
  if (!values.decision.trim()) problems.decision = 'Say what was decided.';
  return problems;
}

const FIELD_ORDER: readonly FieldName[] = ['date', 'kind', 'title', 'decision'];

/** The form; put it inside a Modal (or use DecisionDialog, which does). */
export function DecisionForm(props: DecisionFormProps) {
  const { initial, options, onSave, onCancel } = props;
  const id = useId();
  const [date, setDate] = useState(initial.date ?? localToday());
  const [dateUnreadable, setDateUnreadable] = useState(false);
  const [kind, setKind] = useState<DecisionKind | ''>(initial.kind ?? '');
  const [title, setTitle] = useState(initial.title ?? '');
  const [decision, setDecision] = useState(initial.decision ?? '');
  const [rationale, setRationale] = useState(initial.rationale ?? '');
  const [decidedBy, setDecidedBy] = useState(initial.decidedBy ?? '');
  const [concerns, setConcerns] = useState<readonly DecisionConcern[]>(initial.concerns ?? []);
  // Problems show once Save was tried, and then follow the typing.
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const problems = tried ? problemsOf({ date, dateUnreadable, kind, title, decision }) : {};
  const fieldId = (field: string) => `${id}-${field}`;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setTried(true);
    const found = problemsOf({ date, dateUnreadable, kind, title, decision });
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first || !kind) {
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const refused = await onSave({
        date,
        kind,
        title: title.trim(),
        decision: decision.trim(),
        rationale,
        decidedBy,
        concerns,
        ...(props.fingerprint !== undefined && { fingerprint: props.fingerprint }),
      });
      if (refused !== null) setRefusal(refused);
    } catch (reason) {
      setRefusal(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
      return;
    }
    // Enter in a one-line field would submit the form as it is: it does nothing here instead.
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement) event.preventDefault();
  };

  const describedBy = (field: FieldName, hint?: string) =>
    problems[field] ? `${fieldId(field)}-error` : hint;
  const invalid = (field: FieldName) => (problems[field] ? true : undefined);
  const error = (field: FieldName) => (
    <p id={`${fieldId(field)}-error`} className="field__error" aria-live="polite">
      {problems[field] ?? ''}
    </p>
  );
  const fieldClass = (field: FieldName) => `field${problems[field] ? ' field--invalid' : ''}`;
  const required = (
    <span className="decision-form__required" aria-hidden="true">
      {' '}
      *
    </span>
  );

  return (
    <form
      className="decision-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      {props.intro && <div className="decision-form__intro">{props.intro}</div>}
      <p className="decision-form__legend muted small">
        Fields marked <span aria-hidden="true">*</span>
        <span className="visually-hidden">as required</span> are required. Ctrl+Enter saves.
      </p>
      <div className="decision-form__row">
        <div className={fieldClass('date')}>
          <label htmlFor={fieldId('date')} className="field__label">
            Date{required}
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
            onBlur={(event) => setDateUnreadable(event.currentTarget.validity.badInput)}
          />
          {error('date')}
        </div>
        <div className={fieldClass('kind')}>
          <label htmlFor={fieldId('kind')} className="field__label">
            Kind{required}
          </label>
          <select
            id={fieldId('kind')}
            value={kind}
            aria-required="true"
            aria-invalid={invalid('kind')}
            aria-describedby={describedBy('kind')}
            onChange={(event) => setKind(event.target.value as DecisionKind | '')}
          >
            <option value="">Choose a kind…</option>
            {DECISION_KINDS.map((value) => (
              <option key={value} value={value}>
                {DECISION_KIND_LABELS[value]}
              </option>
            ))}
          </select>
          {error('kind')}
        </div>
      </div>
      <div className={fieldClass('title')}>
        <label htmlFor={fieldId('title')} className="field__label">
          Title{required}
        </label>
        <input
          id={fieldId('title')}
          type="text"
          value={title}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          aria-required="true"
          aria-invalid={invalid('title')}
          aria-describedby={describedBy('title')}
          onChange={(event) => setTitle(event.target.value)}
        />
        {error('title')}
      </div>
      <div className={fieldClass('decision')}>
        <label htmlFor={fieldId('decision')} className="field__label">
          Decision{required}
        </label>
        <textarea
          id={fieldId('decision')}
          rows={3}
          value={decision}
          maxLength={MAX_TEXT_LENGTH}
          aria-required="true"
          aria-invalid={invalid('decision')}
          aria-describedby={describedBy('decision', `${fieldId('decision')}-hint`)}
          onChange={(event) => setDecision(event.target.value)}
        />
        {!problems.decision && (
          <p id={`${fieldId('decision')}-hint`} className="field__hint">
            What was decided, in a sentence or two.
          </p>
        )}
        {error('decision')}
      </div>
      <div className="field">
        <label htmlFor={fieldId('rationale')} className="field__label">
          Rationale
        </label>
        <textarea
          id={fieldId('rationale')}
          rows={3}
          value={rationale}
          maxLength={MAX_TEXT_LENGTH}
          aria-describedby={`${fieldId('rationale')}-hint`}
          onChange={(event) => setRationale(event.target.value)}
        />
        <p id={`${fieldId('rationale')}-hint`} className="field__hint">
          Why: the facts and trade-offs a reader will look for later.
        </p>
      </div>
      <div className="field">
        <label htmlFor={fieldId('decided-by')} className="field__label">
          Decided by
        </label>
        <input
          id={fieldId('decided-by')}
          type="text"
          value={decidedBy}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          onChange={(event) => setDecidedBy(event.target.value)}
        />
      </div>
      <ConcernPicker
        id={fieldId('concerns')}
        options={options}
        chosen={concerns}
        onChange={setConcerns}
      />
      {props.fingerprint && (
        <p className="decision-form__fingerprint muted small">
          Recorded with the portfolio as it stands now: fingerprint <code>{props.fingerprint}</code>
          .
        </p>
      )}
      <p className="decision-form__refusal" role="alert">
        {refusal ?? ''}
      </p>
      <div className="decision-form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {props.saveLabel ?? 'Save decision'}
        </button>
      </div>
    </form>
  );
}

type ConcernPickerProps = {
  readonly id: string;
  readonly options: readonly ConcernOption[];
  readonly chosen: readonly DecisionConcern[];
  readonly onChange: (concerns: readonly DecisionConcern[]) => void;
};

/** Most matches listed at once; typing more of the name narrows the list. */
const MAX_MATCHES = 50;

/**
 * A multi-pick of the items a decision concerns: a combobox that finds initiatives, scenarios
 * and objectives by name (arrows to move, Enter to add, Escape to close), and the chosen items
 * as chips, each with its Remove button.
 */
function ConcernPicker({ id, options, chosen, onChange }: ConcernPickerProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const names = useMemo(
    () => new Map(options.map((option) => [concernKey(option), option.name])),
    [options],
  );
  const chosenKeys = new Set(chosen.map(concernKey));
  const needle = query.trim().toLocaleLowerCase();
  const allMatches = options.filter(
    (option) =>
      !chosenKeys.has(concernKey(option)) &&
      (needle === '' || option.name.toLocaleLowerCase().includes(needle)),
  );
  const matches = allMatches.slice(0, MAX_MATCHES);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const activeIndex = Math.min(active, matches.length - 1);
  const expanded = open && matches.length > 0;

  // The open list is brought into sight in the dialog, and the active option into sight in the
  // list (scrolling the list alone, so that the dialog does not jump at every arrow key).
  useEffect(() => {
    if (expanded) listRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded]);
  useEffect(() => {
    const list = listRef.current;
    const option = expanded ? list?.querySelector<HTMLElement>('[aria-selected="true"]') : null;
    if (!list || !option) return;
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
    }
  }, [expanded, activeIndex]);

  const add = (option: ConcernOption) => {
    onChange([...chosen, { kind: option.kind, id: option.id }]);
    setQuery('');
    setActive(0);
    setOpen(false);
    inputRef.current?.focus();
  };

  const remove = (index: number) => {
    onChange(chosen.filter((_, at) => at !== index));
    // The focus moves to the next chip's Remove button, or back to the input.
    requestAnimationFrame(() => {
      const buttons = chipsRef.current?.querySelectorAll('button');
      const next = buttons?.[Math.min(index, (buttons?.length ?? 0) - 1)];
      (next ?? inputRef.current)?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : Math.max(matches.length - 1, 0));
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((matches.length + activeIndex + step) % Math.max(matches.length, 1));
    } else if (event.key === 'Enter') {
      // Enter adds the item shown as active; it never submits the form.
      event.preventDefault();
      const option = expanded ? matches[activeIndex] : undefined;
      if (option) add(option);
    } else if (event.key === 'Escape' && (open || query)) {
      // Closes the list (or clears the text) before Escape may close the dialog.
      event.preventDefault();
      event.stopPropagation();
      if (open) setOpen(false);
      else setQuery('');
    } else if (event.key === 'Home' || event.key === 'End') {
      if (!expanded) return;
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : matches.length - 1);
    }
  };

  return (
    <div className="field concern-picker">
      <label htmlFor={id} className="field__label">
        Concerns
      </label>
      {chosen.length > 0 && (
        <ul ref={chipsRef} className="chips" aria-label="Items the decision concerns">
          {chosen.map((concern, index) => {
            const label = concernLabel(concern, names.get(concernKey(concern)));
            return (
              <li key={concernKey(concern)} className="chip">
                <span>{label}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove ${label}`}
                  onClick={() => remove(index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        value={query}
        placeholder="Type a name, or press ↓ to browse"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field__hint">
        The initiatives, scenarios and objectives this decision is about.
        {open && needle !== '' && allMatches.length === 0 && ' Nothing else matches that name.'}
      </p>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label="Items to add"
        className="concern-picker__list"
        hidden={!expanded}
      >
        {matches.map((option, index) => (
          <li
            key={concernKey(option)}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="concern-picker__option"
            // Keeps the focus in the input, so that the click adds the item and typing goes on.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => add(option)}
          >
            <span className="concern-picker__kind">{CONCERN_KIND_LABELS[option.kind]}:</span>{' '}
            {option.name}
          </li>
        ))}
      </ul>
      {expanded && allMatches.length > matches.length && (
        <p className="concern-picker__more muted small">
          {allMatches.length - matches.length} more: type more of the name.
        </p>
      )}
    </div>
  );
}

export type DecisionDialogProps = DecisionFormProps & { readonly title: string };

/** The decision form in a modal dialog; Escape cancels, as Cancel does. */
export function DecisionDialog({ title, ...form }: DecisionDialogProps) {
  return (
    <Modal title={title} wide actions={null} onCancel={form.onCancel}>
      <DecisionForm {...form} />
    </Modal>
  );
}
