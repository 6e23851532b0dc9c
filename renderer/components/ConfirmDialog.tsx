import type { Question } from './dialogs';
import { Modal } from './Modal';

type ConfirmDialogProps = {
  readonly question: Question;
  /** Called with the chosen action's id, or null when the dialog is closed with Escape. */
  readonly onAnswer: (actionId: string | null) => void;
};

/** A question asked with askUser(), with a button for each way to answer it. */
export function ConfirmDialog({ question, onAnswer }: ConfirmDialogProps) {
  // The safe answer has the focus, so Enter never deletes or replaces by accident.
  const focusId =
    question.actions.find((action) => action.id === 'cancel')?.id ?? question.actions[0]?.id;
  return (
    <Modal
      title={question.title}
      onCancel={() => onAnswer(null)}
      actions={question.actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className={`button${action.primary ? ' button--primary' : ''}`}
          autoFocus={action.id === focusId}
          data-autofocus={action.id === focusId ? true : undefined}
          onClick={() => onAnswer(action.id)}
        >
          {action.label}
        </button>
      ))}
    >
      <p>{question.body}</p>
    </Modal>
  );
}
