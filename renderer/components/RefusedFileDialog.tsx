import { describeProblem, type PortfolioProblem } from '../../shared/portfolio/restore';
import { formatNumber } from '../format';
import { Modal } from './Modal';

type RefusedFileDialogProps = {
  readonly fileName: string;
  /** The first problems, each with its path and, when the reader could name it, its place. */
  readonly problems: readonly PortfolioProblem[];
  /** How many problems the file has in all, when more than `problems` lists. */
  readonly problemCount?: number;
  readonly onClose: () => void;
};

/**
 * Why a file was refused: every problem (up to the reader's limit) in words, with its path in the
 * file beneath, and how many there are in all.
 */
export function RefusedFileDialog({
  fileName,
  problems,
  problemCount,
  onClose,
}: RefusedFileDialogProps) {
  const listed = problems.length;
  const count = Math.max(problemCount ?? listed, listed);
  return (
    <Modal
      title={`${fileName} was not opened`}
      wide
      onCancel={onClose}
      actions={
        <button
          type="button"
          className="button button--primary"
          autoFocus
          data-autofocus
          onClick={onClose}
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
        {problems.map((problem, index) => {
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
