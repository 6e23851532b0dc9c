/** "Your name": who Baton records as the maker of each change, kept on this computer. */
import { useId, useState, type FormEvent } from 'react';
import { profileNameProblem } from '../../../shared/profile';
import { savedProfileName, setProfileName, useProfileNames } from '../../state/profile';
import { useAppStore } from '../../state/store';

export const PROFILE_NAME_HINT =
  'Shown in the change history and the decision log as who made a change.';

/** What the notice says once a name is saved (or cleared). */
export function savedNameText(name: string, defaultName: string): string {
  if (name) return `Your changes are recorded as made by ${name}.`;
  return defaultName
    ? `No name saved: your changes are recorded as made by ${defaultName}, your account name.`
    : 'No name saved: your changes are recorded without a name.';
}

export function NameSection({ fieldId }: { readonly fieldId: string }) {
  const id = useId();
  const notify = useAppStore((state) => state.notify);
  const { saved, platformDefault } = useProfileNames();
  const [draft, setDraft] = useState(saved);
  // Another window saved a name: show it, unless this one is being edited.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    if (draft === shown) setDraft(saved);
  }
  const problem = profileNameProblem(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    const kept = setProfileName(draft);
    const now = savedProfileName();
    setDraft(now);
    const text = savedNameText(now, platformDefault);
    if (kept) notify('success', text);
    else {
      notify(
        'warning',
        `${text} This window's storage refused it, so Baton keeps it only until the window closes.`,
      );
    }
  };

  const hint = platformDefault
    ? `${PROFILE_NAME_HINT} Left empty, Baton uses your account name, ${platformDefault}.`
    : PROFILE_NAME_HINT;

  return (
    <section className="settings__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your name</h3>
      <form noValidate onSubmit={submit} className="settings__form">
        <div className={`field${problem ? ' field--invalid' : ''}`}>
          <label htmlFor={fieldId} className="field__label">
            Your name
          </label>
          <input
            id={fieldId}
            type="text"
            autoComplete="name"
            spellCheck={false}
            // Nothing is stored while typing: Ctrl+Z is the field's own text undo.
            data-native-undo
            value={draft}
            placeholder={platformDefault || undefined}
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
        <button type="submit" className="button button--primary" disabled={draft === saved}>
          Save name
        </button>
      </form>
    </section>
  );
}
