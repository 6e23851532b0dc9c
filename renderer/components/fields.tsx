/**
 * Form fields that store every change at once. Each keeps what the user typed while it is not a
 * valid value, shows why inline, and stores nothing until it is valid; when the stored value
 * changes elsewhere (undo, another window) the field shows the stored value again.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { EditResult } from '../db/repository';
import { parseNumberInput } from '../format';

type CommitResult = EditResult | void;

function problemText(result: CommitResult): string | null {
  if (!result || result.ok) return null;
  return result.problems[0]?.message ?? 'This change was refused.';
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
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);
  if (value !== shown) {
    setShown(value);
    // While this field's own writes are under way, the stored value lags what was typed.
    if (pending.current === 0 && (required ? draft.trim() : draft) !== value) {
      setDraft(value);
      setError(null);
    }
  }
  const change = async (text: string) => {
    setDraft(text);
    if (required && text.trim() === '') {
      setError(`${label} cannot be empty.`);
      return;
    }
    setError(null);
    pending.current += 1;
    try {
      setError(problemText(await onCommit(required ? text.trim() : text)));
    } finally {
      pending.current -= 1;
    }
  };
  const common = {
    id,
    value: draft,
    maxLength,
    placeholder: props.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': required || undefined,
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
        <textarea {...common} rows={3} onChange={(event) => void change(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => void change(event.target.value)} />
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
};

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Large numbers read better grouped (1,400,000); the field accepts them typed either way. */
function formatResting(value: number | undefined): string {
  if (value === undefined) return '';
  return Math.abs(value) >= 10_000 ? GROUPED.format(value) : String(value);
}

/** A number field with range checks; what the user typed stays while it is invalid. */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, optional, min = 0, max, integer, hideLabel, hint } = props;
  const id = useId();
  const [draft, setDraft] = useState(formatResting(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);
  if (value !== shown) {
    setShown(value);
    const parsed = parseNumberInput(draft);
    if (pending.current === 0 && (parsed === 'empty' ? undefined : parsed) !== value) {
      setDraft(formatResting(value));
      setError(null);
    }
  }
  const change = async (text: string) => {
    setDraft(text);
    const parsed = parseNumberInput(text);
    let message: string | null = null;
    if (parsed === 'invalid') message = `${label}: enter a number, such as 2.5.`;
    else if (parsed === 'empty')
      message = optional ? null : `${label} is needed; enter 0 for none.`;
    else if (parsed < min) message = `${label} cannot be below ${min}.`;
    else if (max !== undefined && parsed > max) message = `${label} cannot be above ${max}.`;
    else if (integer && !Number.isInteger(parsed)) message = `${label} must be a whole number.`;
    setError(message);
    if (message) return;
    pending.current += 1;
    try {
      setError(problemText(await onCommit(parsed === 'empty' ? undefined : (parsed as number))));
    } finally {
      pending.current -= 1;
    }
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
          onChange={(event) => void change(event.target.value)}
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

/** A select that stores the choice at once, and shows a refusal's reason. */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onCommit, hideLabel, hint } = props;
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const change = async (next: T) => {
    setError(problemText(await onCommit(next)));
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
