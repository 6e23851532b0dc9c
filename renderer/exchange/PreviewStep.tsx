/**
 * The preview step of Import: exactly what the import stores, as counts and as the records
 * themselves, what it read but did not take, and whether it merges or starts a new portfolio.
 */
import { useId, type Ref } from 'react';
import type { ImportIssue, MergeMode, MergeSummary } from '../../shared/exchange/import/types';
import { formatNumber } from '../format';
import { IssueList } from './IssueList';
import {
  importsNothing,
  nothingToImportText,
  portfolioNameOfFile,
  summaryText,
  type PreviewTable,
} from './preview-model';

/** The text with its first letter in capitals. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const CHANGE_LABELS = { added: 'Added', updated: 'Updated', unchanged: 'Unchanged' } as const;

type PreviewStepProps = {
  readonly fileName: string;
  /** The name of the portfolio open now. */
  readonly portfolioName: string;
  readonly mode: MergeMode;
  readonly onModeChange: (mode: MergeMode) => void;
  readonly summary: MergeSummary;
  readonly tables: readonly PreviewTable[];
  readonly warnings: readonly ImportIssue[];
  /** Said above the preview when it had to be made again (the portfolio changed meanwhile). */
  readonly notice?: string;
  readonly headingRef?: Ref<HTMLHeadingElement>;
};

function PreviewRecords({ table }: { readonly table: PreviewTable }) {
  const id = useId();
  const hidden = table.total - table.rows.length;
  // Columns the import leaves empty in every row listed say nothing: they are left out. The
  // first two (id and name, or initiative and period) always show.
  const shown = table.header.flatMap((column, index) =>
    index < 2 || table.rows.some((row) => (row.cells[index] ?? '') !== '') ? [index] : [],
  );
  const changes = table.rows.some((row) => row.changes.length > 0);
  return (
    <section className="import-preview__records" aria-labelledby={id}>
      <h4 id={id}>
        {table.title} ({formatNumber(table.total)})
      </h4>
      <div className="table-scroll import-preview__scroll">
        <table className="data-table data-table--compact" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Change</th>
              {shown.map((index) => (
                <th key={index} scope="col">
                  {table.header[index]}
                </th>
              ))}
              {changes && <th scope="col">What changes</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} className={`import-preview__row--${row.change}`}>
                <td>{CHANGE_LABELS[row.change]}</td>
                {shown.map((index) => (
                  <td key={index}>{row.cells[index]}</td>
                ))}
                {changes && (
                  <td className="import-preview__what">
                    {row.changes.length > 0 && (
                      <ul className="import-preview__changes">
                        {row.changes.map((change) => (
                          <li key={change}>{change}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <p className="field__hint">
          The first {formatNumber(table.rows.length)} are listed; all {formatNumber(table.total)}{' '}
          are imported.
        </p>
      )}
    </section>
  );
}

export function PreviewStep({
  fileName,
  portfolioName,
  mode,
  onModeChange,
  summary,
  tables,
  warnings,
  notice,
  headingRef,
}: PreviewStepProps) {
  const id = useId();
  // Merged into the open portfolio, a file whose records are all there as they are changes nothing.
  const nothing = mode === 'merge' && importsNothing(summary);
  return (
    <section className="import-step" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="import-step__heading" tabIndex={-1} ref={headingRef}>
        Check what will be imported
      </h3>
      {notice && <p className="hint-box">{notice}</p>}
      <fieldset className="radio-group radio-group--stacked">
        <legend className="field__label">Import into</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            value="merge"
            checked={mode === 'merge'}
            onChange={() => onModeChange('merge')}
          />
          The open portfolio, {portfolioName}: records with the same id (or else name) are updated
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            value="new"
            checked={mode === 'new'}
            onChange={() => onModeChange('new')}
          />
          A new portfolio made from {fileName} alone, named {portfolioNameOfFile(fileName)}, in
          place of {portfolioName}
        </label>
      </fieldset>
      <p className="import-preview__summary" aria-live="polite">
        {sentence(summaryText(summary))}.
      </p>
      <p className="field__hint">
        {nothing
          ? nothingToImportText(fileName)
          : 'Baton backs up the portfolio first, and the import is one change you can undo with Ctrl+Z.'}
      </p>
      {warnings.length > 0 && (
        <div className="import-preview__warnings">
          <h4>Warnings ({formatNumber(warnings.length)})</h4>
          <IssueList issues={warnings} label="Warnings about the file" />
        </div>
      )}
      {tables.map((table) => (
        <PreviewRecords key={table.kind} table={table} />
      ))}
    </section>
  );
}
