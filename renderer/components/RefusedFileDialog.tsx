import { useAppStore } from '../state/store';
import { Modal } from './Modal';

/** Why a file was refused: every problem with the place in the file where it is. */
export function RefusedFileDialog() {
  const refused = useAppStore((state) => state.refusedFile);
  const close = useAppStore((state) => state.setRefusedFile);
  if (!refused) return null;
  const count = refused.problems.length;
  return (
    <Modal
      title={`${refused.fileName} was not opened`}
      wide
      onCancel={() => close(null)}
      actions={
        <button
          type="button"
          className="button button--primary"
          autoFocus
          onClick={() => close(null)}
        >
          Close
        </button>
      }
    >
      <p>
        The file has {count === 1 ? 'a problem' : `${count} problems`}, so nothing was imported and
        your portfolio is unchanged. Fix {count === 1 ? 'it' : 'them'} and open the file again.
      </p>
      <ul className="problem-list" aria-label="Problems in the file">
        {refused.problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
