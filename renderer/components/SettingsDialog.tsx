/** The Settings dialog: "your name", which Baton records as who made each change. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { profileNameProblem } from '../../shared/profile';
import { Modal } from './Modal';

export const PROFILE_NAME_HINT =
  'Shown in the change history and the decision log as who made a change.';

type SettingsDialogProps = {
  /** The name saved now; "" when there is none. */
  readonly name: string;
  /** The name recorded while none is saved (the OS account's); "" when there is none. */
  readonly defaultName: string;
  /** Called with the name as typed once it is valid; an empty name clears the saved one. */
  readonly onSave: (name: string) => void;
  /** Called on Cancel and on Escape. */
  readonly onCancel: () => void;
};

export function SettingsDialog({ name, defaultName, onSave, onCancel }: SettingsDialogProps) {
  const id = useId();
  const formId = `${id}-form`;
  const [draft, setDraft] = useState(name);
  const problem = profileNameProblem(draft);

  // Back to where the user was (the menu button, the page) when the dialog goes. Read while
  // rendering: by the time effects run, the field has taken the focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      document.getElementById(id)?.focus();
      return;
    }
    onSave(draft);
  };

  const hint = defaultName
    ? `${PROFILE_NAME_HINT} Left empty, Baton uses your account name, ${defaultName}.`
    : PROFILE_NAME_HINT;

  return (
    <Modal
      title="Settings"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary">
            Save
          </button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={submit}>
        <div className={`field${problem ? ' field--invalid' : ''}`}>
          <label htmlFor={id} className="field__label">
            Your name
          </label>
          <input
            id={id}
            type="text"
            // The dialog opens to change this one field.
            autoFocus
            autoComplete="name"
            spellCheck={false}
            // Nothing is stored while typing: Ctrl+Z is the field's own text undo.
            data-native-undo
            value={draft}
            placeholder={defaultName || undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error ${id}-hint` : `${id}-hint`}
            onChange={(event) => setDraft(event.target.value)}
          />
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
          <p id={`${id}-error`} className="field__error" aria-live="polite">
            {problem ?? ''}
          </p>
        </div>
      </form>
    </Modal>
  );
}
