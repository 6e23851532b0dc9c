import { useAppStore } from '../state/store';
import { Modal } from './Modal';

/** The question asked with askUser(), if any. */
export function ConfirmDialog() {
  const request = useAppStore((state) => state.confirmRequest);
  if (!request) return null;
  // The safe answer has the focus, so Enter never deletes or replaces by accident.
  const focusId =
    request.actions.find((action) => action.id === 'cancel')?.id ?? request.actions[0]?.id;
  return (
    <Modal
      title={request.title}
      onCancel={() => request.resolve(null)}
      actions={request.actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className={`button${action.primary ? ' button--primary' : ''}`}
          autoFocus={action.id === focusId}
          onClick={() => request.resolve(action.id)}
        >
          {action.label}
        </button>
      ))}
    >
      <p>{request.body}</p>
    </Modal>
  );
}
