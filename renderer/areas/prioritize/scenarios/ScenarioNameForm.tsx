/** An inline form that asks for a scenario's name: Enter saves, Escape cancels. */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

export const EMPTY_NAME_MESSAGE = 'A scenario needs a name.';

type ScenarioNameFormProps = {
  readonly label: string;
  readonly initialName: string;
  readonly submitLabel: string;
  /** Stores the name; resolves with the reason when it was refused, or null when stored. */
  readonly onSubmit: (name: string) => Promise<string | null>;
  readonly onCancel: () => void;
};

export function ScenarioNameForm({
  label,
  initialName,
  submitLabel,
  onSubmit,
  onCancel,
}: ScenarioNameFormProps) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(EMPTY_NAME_MESSAGE);
      return;
    }
    setBusy(true);
    try {
      const refusal = await onSubmit(trimmed);
      if (refusal !== null) setError(refusal);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form
      className={`scenario-name-form field${error ? ' field--invalid' : ''}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="scenario-name-form__row">
        <input
          id={id}
          type="text"
          // The form opens from its own button: typing the name is what the user does next.
          autoFocus
          data-native-undo
          maxLength={120}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-required
          onChange={(event) => {
            setName(event.target.value);
            if (error && event.target.value.trim() !== '') setError(null);
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {error ?? ''}
      </p>
    </form>
  );
}
