/**
 * Form fields that store every change at once. Each keeps what the user typed while it is not a
 * valid value, shows why inline, and stores nothing until it is valid; when the stored value
 * changes elsewhere (undo, another window) the field shows the stored value again.
 */
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { EditResult } from '../../shared/store/changes';
import { formatNumberText, parseNumberText, screenLocale } from './number-text';

type CommitResult = EditResult | void;

/**
 * Counts undos, redos and resets of the history: the app provides it, and a field shows the
 * stored value again at once when it moves, even while it has focus.
 */
export const ReplayCount = createContext(0);

function problemText(result: CommitResult): string | null {
  if (!result || result.ok) return null;
  return result.problems[0]?.message ?? 'This change was refused.';
}

/**
 * What a field shows while the user edits it. Every valid change is stored at once, and the
 * stored value comes back a moment later: while the field has focus those echoes are not shown
 * (they may lag what was typed), except after an undo or redo, which the field shows at once.
 * Without focus, the field always shows the stored value.
 */
function useDraft<T>(
  value: T,
  format: (value: T) => string,
  matches: (draft: string, value: T) => boolean,
) {
  const replays = useContext(ReplayCount);
  const [draft, setDraft] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState({ value, replays, replayed: false });
  if (!Object.is(value, seen.value) || replays !== seen.replays) {
    const valueChanged = !Object.is(value, seen.value);
    const replayed = seen.replayed || replays !== seen.replays;
    setSeen({ value, replays, replayed: replayed && !valueChanged });
    if ((!focused || (replayed && valueChanged)) && !matches(draft, value)) {
      setDraft(format(value));
      setError(null);
    }
  }
  // What the field held when the user came into it. Every valid step of typing is stored, so a
  // refused entry ("11" on a 1–10 scale) would leave its valid first steps ("1") stored: the
  // stored value goes back to this instead, and a refused entry changes nothing.
  const start = useRef(value);
  const stored = useRef(value);
  stored.current = value;
  const keepStart = async (restore: (value: T) => Promise<CommitResult> | CommitResult) => {
    if (focused && !Object.is(stored.current, start.current)) await restore(start.current);
  };
  const commit = async (
    write: () => Promise<CommitResult> | CommitResult,
    restore?: (value: T) => Promise<CommitResult> | CommitResult,
  ) => {
    try {
      const problem = problemText(await write());
      setError(problem);
      if (problem && restore) await keepStart(restore);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };
  /**
   * Notes a new text: typed on from the one before (or deleted back), it is the same entry; put in
   * its place (all of it selected and typed over), it is a new entry, which starts from what is
   * stored now.
   */
  const typed = (text: string) => {
    if (!text.startsWith(draft) && !draft.startsWith(text)) start.current = stored.current;
    // Typing after an undo or redo: what the field is given next is the echo of this typing, not
    // the undo's value, so it must not replace what is being typed.
    if (seen.replayed) setSeen({ ...seen, replayed: false });
  };
  /** Refused before it was stored (not a number, out of range): the start value is kept. */
  const refuse = (message: string, restore: (value: T) => Promise<CommitResult> | CommitResult) => {
    setError(message);
    void keepStart(restore).catch(() => undefined);
  };
  return {
    draft,
    setDraft,
    error,
    setError,
    commit,
    refuse,
    typed,
    onFocus: () => {
      start.current = value;
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      if (!error && !matches(draft, value)) setDraft(format(value));
    },
  };
}

type FieldFrameProps = {
  readonly id: string;
  readonly label: string;
  readonly hideLabel?: boolean;
  readonly hint?: string;
  readonly error: string | null;
  readonly children: ReactNode;
  readonly className?: string;
};

function FieldFrame({ id, label, hideLabel, hint, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {error ?? ''}
      </p>
    </div>
  );
}

function describedBy(
  id: string,
  hint: string | undefined,
  error: string | null,
): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

type TextFieldProps = {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => Promise<CommitResult> | CommitResult;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly hideLabel?: boolean;
  readonly hint?: string;
  readonly maxLength?: number;
  readonly className?: string;
  readonly placeholder?: string;
};

/** A text field; `required` refuses an empty value with a message. */
export function TextField(props: TextFieldProps) {
  const { label, value, onCommit, required, multiline, hideLabel, hint, maxLength = 2000 } = props;
  const id = useId();
  const { draft, setDraft, error, setError, commit, refuse, typed, onFocus, onBlur } = useDraft(
    value,
    (stored) => stored,
    (typed, stored) => (required ? typed.trim() : typed) === stored,
  );
  const change = (text: string) => {
    typed(text);
    setDraft(text);
    if (required && text.trim() === '') {
      refuse(`${label} cannot be empty.`, onCommit);
      return;
    }
    setError(null);
    void commit(() => onCommit(required ? text.trim() : text), onCommit);
  };
  const common = {
    id,
    value: draft,
    maxLength,
    placeholder: props.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': required || undefined,
    onFocus,
    onBlur,
  } as const;
  return (
    <FieldFrame
      id={id}
      label={label}
      hideLabel={hideLabel}
      hint={hint}
      error={error}
      className={props.className}
    >
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => change(event.target.value)} />
      )}
    </FieldFrame>
  );
}

type NumberFieldProps = {
  readonly label: string;
  readonly value: number | undefined;
  readonly onCommit: (value: number | undefined) => Promise<CommitResult> | CommitResult;
  /** When true an empty field stores `undefined`; otherwise it is refused. */
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly hideLabel?: boolean;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly className?: string;
  readonly unit?: string;
  /** The locale numbers are typed and shown in; the screens' locale unless given. */
  readonly locale?: string;
};

/**
 * A number field with range checks; what the user typed stays while it is invalid. Numbers are
 * typed and shown in the user's locale ("9,5" where a comma is the decimal separator).
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, optional, min = 0, max, integer, hideLabel, hint } = props;
  const locale = props.locale ?? screenLocale();
  const id = useId();
  const { draft, setDraft, error, setError, commit, refuse, typed, onFocus, onBlur } = useDraft(
    value,
    (stored) => formatNumberText(stored, locale),
    (typed, stored) => {
      const parsed = parseNumberText(typed, locale);
      return (parsed === 'empty' ? undefined : parsed) === stored;
    },
  );
  const shown = (number: number) => formatNumberText(number, locale);
  const change = (text: string) => {
    typed(text);
    setDraft(text);
    const parsed = parseNumberText(text, locale);
    let message: string | null = null;
    if (parsed === 'invalid') message = `${label}: enter a number, such as ${shown(2.5)}.`;
    else if (parsed === 'empty')
      message = optional ? null : `${label} is needed; enter 0 for none.`;
    else if (parsed < min) message = `${label} cannot be below ${shown(min)}.`;
    else if (max !== undefined && parsed > max) {
      message = `${label} cannot be above ${shown(max)}.`;
    } else if (integer && !Number.isInteger(parsed)) message = `${label} must be a whole number.`;
    if (message) {
      refuse(message, onCommit);
      return;
    }
    setError(null);
    void commit(() => onCommit(parsed === 'empty' ? undefined : (parsed as number)), onCommit);
  };
  return (
    <FieldFrame
      id={id}
      label={label}
      hideLabel={hideLabel}
      hint={hint}
      error={error}
      className={props.className}
    >
      <span className="number-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          placeholder={props.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onFocus={onFocus}
          onBlur={onBlur}
          onChange={(event) => change(event.target.value)}
        />
        {props.unit && (
          <span className="number-input__unit" aria-hidden="true">
            {props.unit}
          </span>
        )}
      </span>
    </FieldFrame>
  );
}

type SelectFieldProps<T extends string> = {
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onCommit: (value: T) => Promise<CommitResult> | CommitResult;
  readonly hideLabel?: boolean;
  readonly hint?: string;
  readonly className?: string;
};

/** Stores through `commit`; the reason it was refused or failed, or null when it was stored. */
async function commitProblem(
  commit: () => Promise<CommitResult> | CommitResult,
): Promise<string | null> {
  try {
    return problemText(await commit());
  } catch (reason) {
    return reason instanceof Error ? reason.message : String(reason);
  }
}

/** A select that stores the choice at once, and shows a refusal's reason. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onCommit, hideLabel, hint } = props;
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const change = async (next: T) => {
    setError(await commitProblem(() => onCommit(next)));
  };
  return (
    <FieldFrame
      id={id}
      label={label}
      hideLabel={hideLabel}
      hint={hint}
      error={error}
      className={props.className}
    >
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => void change(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type DateFieldProps = {
  readonly label: string;
  readonly value: string | undefined;
  readonly onCommit: (value: string | undefined) => Promise<CommitResult> | CommitResult;
  readonly hideLabel?: boolean;
  readonly hint?: string;
  readonly className?: string;
};

/**
 * A date stored when the user leaves the field or presses Enter, not at every keystroke. A date
 * the browser cannot read (typed half-way) or one the portfolio refuses is marked invalid, with
 * the reason tied to the field.
 */
export function DateField(props: DateFieldProps) {
  const { label, value, onCommit, hideLabel, hint } = props;
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (value !== shown) {
    setShown(value);
    setDraft(value ?? '');
    setError(null);
  }
  const store = async (input: HTMLInputElement) => {
    if (input.validity.badInput) {
      setError(`${label}: enter a whole date, day, month and year.`);
      return;
    }
    setError(null);
    if ((draft || undefined) === value) return;
    setError(await commitProblem(() => onCommit(draft || undefined)));
  };
  return (
    <FieldFrame
      id={id}
      label={label}
      hideLabel={hideLabel}
      hint={hint}
      error={error}
      className={props.className}
    >
      <input
        id={id}
        type="date"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={(event) => void store(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void store(event.currentTarget);
        }}
      />
    </FieldFrame>
  );
}

/** Where the keyboard asks a grid cell to go: Tab, Shift+Tab, Enter, Shift+Enter. */
export type CellMove = 'next' | 'previous' | 'down' | 'up';

type NumberCellProps = {
  /** The cell's accessible name ("Customer value of CRM revamp"). */
  readonly label: string;
  readonly value: number | undefined;
  readonly onCommit: (value: number | undefined) => Promise<CommitResult> | CommitResult;
  /** Why a number cannot be stored (off its scale, say), or null when it can. */
  readonly check?: (value: number) => string | null;
  /** Typed and shown as value × factor: 100 for a share typed as a percentage. */
  readonly factor?: number;
  /**
   * Moves the focus to a neighbouring cell; false when there is none that way (Tab then leaves
   * the grid as usual).
   */
  readonly onMove?: (move: CellMove) => boolean;
  /** The element that says what is wrong, when the grid shows messages itself. */
  readonly describedBy?: string;
  /** Told the cell's message (null: none), when the grid shows messages itself. */
  readonly onProblem?: (message: string | null) => void;
  readonly placeholder?: string;
  readonly className?: string;
  readonly locale?: string;
  /** Where the cell sits in its grid, for the grid to find it (data-row, data-column). */
  readonly row?: number;
  readonly column?: number;
};

/**
 * A grid cell for a number, edited as in a spreadsheet: focusing it selects what it holds, so
 * typing replaces it; what is typed is checked as it is typed and stored when the cell is left
 * (Tab, Shift+Tab, Enter, Shift+Enter, or a click elsewhere), as one edit. Escape puts back the
 * stored value. A refused entry stays in the cell, marked and explained, and Tab or Enter do not
 * leave it until it is changed or Escape puts the stored value back. An empty cell clears the
 * value.
 */
export function NumberCell(props: NumberCellProps) {
  const { label, value, onCommit, check, factor = 1, onMove, onProblem } = props;
  const locale = props.locale ?? screenLocale();
  const id = useId();
  const replays = useContext(ReplayCount);
  const shown = (stored: number | undefined) =>
    stored === undefined ? '' : formatNumberText(Math.round(stored * factor * 1e9) / 1e9, locale);
  const [draft, setDraft] = useState(() => shown(value));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState({ value, replays, followReplay: false });
  /** The text being stored, so that leaving the cell while it is stored does not store it twice. */
  const storing = useRef<string | null>(null);
  // The grid that shows the message is told after the cell has drawn it, once per message.
  const tell = useRef(onProblem);
  useEffect(() => {
    tell.current = onProblem;
  });
  useEffect(() => {
    tell.current?.(error);
  }, [error]);
  const read = (text: string): { value: number | undefined } | { problem: string } => {
    const parsed = parseNumberText(text, locale);
    if (parsed === 'empty') return { value: undefined };
    if (parsed === 'invalid') {
      return { problem: `${label}: enter a number, such as ${formatNumberText(2.5, locale)}.` };
    }
    const number = factor === 1 ? parsed : Math.round((parsed / factor) * 1e12) / 1e12;
    const problem = check?.(number) ?? null;
    return problem ? { problem } : { value: number };
  };
  const matches = (text: string, stored: number | undefined) => {
    const typed = read(text);
    return 'value' in typed && typed.value === stored;
  };
  // The stored value changed (stored here, undone, or changed in another window): shown at once
  // unless the cell is being typed in, except after an undo or redo, which always shows.
  // An undo is counted before the value it brings back has arrived: the next value the cell is
  // given is the undo's too, until the user types again.
  if (!Object.is(value, seen.value) || replays !== seen.replays) {
    const replayed = replays !== seen.replays || seen.followReplay;
    setSeen({ value, replays, followReplay: replayed });
    if ((!focused || replayed) && storing.current === null && !matches(draft, value)) {
      setDraft(shown(value));
      setError(null);
    }
  }

  /** Stores what is typed; false when it is refused here (the cell then says why). */
  const store = (): boolean => {
    const typed = read(draft);
    if ('problem' in typed) {
      setError(typed.problem);
      return false;
    }
    if (typed.value === value || storing.current === draft) return true;
    const text = draft;
    storing.current = text;
    void (async () => {
      try {
        const result = await onCommit(typed.value);
        setError(problemText(result));
      } catch (reason) {
        setError(reason instanceof Error ? reason.message : String(reason));
      } finally {
        if (storing.current === text) storing.current = null;
      }
    })();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      if (!error && matches(draft, value)) return;
      // Escape takes back what was typed, not the dialog or panel around the grid.
      event.preventDefault();
      event.stopPropagation();
      setDraft(shown(value));
      setError(null);
      event.currentTarget.select();
      return;
    }
    const move: CellMove | null =
      event.key === 'Tab'
        ? event.shiftKey
          ? 'previous'
          : 'next'
        : event.key === 'Enter'
          ? event.shiftKey
            ? 'up'
            : 'down'
          : null;
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!store()) {
      // The message says what is wrong; the cell keeps the focus until it is put right.
      event.preventDefault();
      return;
    }
    if (onMove?.(move)) event.preventDefault();
    else if (move === 'down' || move === 'up') {
      event.preventDefault();
      event.currentTarget.select();
    }
  };

  const messageId = props.describedBy ?? `${id}-error`;
  return (
    <div className={`field field--cell${error ? ' field--invalid' : ''} ${props.className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        value={draft}
        placeholder={props.placeholder}
        data-row={props.row}
        data-column={props.column}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? messageId : undefined}
        onFocus={(event) => {
          setFocused(true);
          event.currentTarget.select();
        }}
        onBlur={() => {
          setFocused(false);
          store();
        }}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (seen.followReplay) setSeen({ ...seen, followReplay: false });
          const typed = read(text);
          setError('problem' in typed ? typed.problem : null);
        }}
        onKeyDown={onKeyDown}
      />
      {!onProblem && (
        <p id={messageId} className="field__error" aria-live="polite">
          {error ?? ''}
        </p>
      )}
    </div>
  );
}
