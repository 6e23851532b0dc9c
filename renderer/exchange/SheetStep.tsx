/** The first step of a workbook's import: which of its sheets to import. */
import { useId, type Ref } from 'react';
import { isRankingSheet, RANKING_NOT_IMPORTED } from '../../shared/exchange/import';
import type { RawTable } from '../../shared/exchange/import/types';
import { plural } from '../../shared/format';
import { formatNumber } from '../format';

type SheetStepProps = {
  readonly fileName: string;
  readonly tables: readonly RawTable[];
  readonly chosen: number;
  readonly onChoose: (index: number) => void;
  /** Goes on with the sheet: Enter on it, as Next does. */
  readonly onNext: (index: number) => void;
  readonly headingRef?: Ref<HTMLHeadingElement>;
};

/** Why a ranking sheet cannot be chosen, as a sentence (the CLI skips it with the same words). */
const RANKING_REASON = `${RANKING_NOT_IMPORTED.charAt(0).toUpperCase()}${RANKING_NOT_IMPORTED.slice(1)}.`;

/** The sheet a workbook's import starts on: the first one that can be imported. */
export function firstImportableSheet(tables: readonly RawTable[]): number {
  return Math.max(
    0,
    tables.findIndex((table) => !isRankingSheet(table)),
  );
}

export function SheetStep({
  fileName,
  tables,
  chosen,
  onChoose,
  onNext,
  headingRef,
}: SheetStepProps) {
  const id = useId();
  return (
    <section className="import-step" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="import-step__heading" tabIndex={-1} ref={headingRef}>
        Choose the sheet
      </h3>
      <p>
        {fileName} has {formatNumber(tables.length)} sheets with something in them. Baton imports
        one sheet at a time: initiatives, team capacity, actuals or proposals. Choose one with the
        arrow keys and press Enter to go on.
      </p>
      <fieldset className="radio-group radio-group--stacked">
        <legend className="field__label">Sheet to import</legend>
        {tables.map((table, index) => {
          // Baton's own ranking is computed from the other sheets: importing it as initiatives
          // would fix their values and starts, so it is shown but cannot be chosen.
          const ranking = isRankingSheet(table);
          return (
            <div key={index} className="import-sheet">
              <label className="radio">
                <input
                  type="radio"
                  name={`${id}-sheet`}
                  checked={index === chosen && !ranking}
                  disabled={ranking}
                  {...(ranking && { 'aria-describedby': `${id}-reason-${index}` })}
                  onChange={() => onChoose(index)}
                  // The arrow keys move among the sheets; Enter goes on with the one chosen.
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' || ranking) return;
                    event.preventDefault();
                    onNext(index);
                  }}
                />
                {table.name} (
                {plural(table.rows.length, 'row', 'rows', formatNumber(table.rows.length))})
              </label>
              {ranking && (
                <p id={`${id}-reason-${index}`} className="field__hint import-sheet__reason">
                  {RANKING_REASON}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
    </section>
  );
}
