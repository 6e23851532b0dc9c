import { useAppStore } from '../state/store';
import { Modal } from './Modal';

/** The question asked with askUser(), if any. */
export function ConfirmDialog() {
  const request = useAppStore((state) => state.confirmRequest);
  if (!request) return null;
  return (
    <Modal
      title={request.title}
      onCancel={() => request.resolve(null)}
      actions={request.actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className={`button${action.primary ? ' button--primary' : ''}`}
          autoFocus={action.primary}
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
