import { describeProblem } from '../../shared/portfolio/restore';
import { formatNumber } from '../format';
import { useAppStore } from '../state/store';
import { Modal } from './Modal';

/**
 * Why a file was refused: every problem (up to the reader's limit) in words, with its path in the
 * file beneath, and how many there are in all.
 */
export function RefusedFileDialog() {
  const refused = useAppStore((state) => state.refusedFile);
  const close = useAppStore((state) => state.setRefusedFile);
  if (!refused) return null;
  const listed = refused.problems.length;
  const count = Math.max(refused.problemCount ?? listed, listed);
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
        The file has {count === 1 ? 'a problem' : `${formatNumber(count)} problems`}
        {count > listed ? ` (the first ${listed} are listed)` : ''}, so nothing was imported and
        your portfolio is unchanged. Fix {count === 1 ? 'it' : 'them'} and open the file again.
      </p>
      <ul className="problem-list" aria-label="Problems in the file">
        {refused.problems.map((problem, index) => {
          const { headline, detail } = describeProblem(problem);
          return (
            <li key={index}>
              {headline}
              {detail && (
                <>
                  <br />
                  <code className="problem-list__path">{detail}</code>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
