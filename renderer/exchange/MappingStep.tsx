/** The mapping step of Import: which Baton field each column of the sheet fills. */
import { useId, type Ref } from 'react';
import type { ImportField } from '../../shared/exchange/import';
import {
  IMPORT_TABLE_KINDS,
  type ColumnMapping,
  type ImportTableKind,
  type RawCell,
} from '../../shared/exchange/import/types';

export const TABLE_KIND_LABELS: Readonly<Record<ImportTableKind, string>> = {
  initiatives: 'Initiatives, one a row',
  capacity: 'Team capacity, one team a row',
  actuals: 'Actuals, one initiative and period a row',
  proposals: 'Proposals, one a row',
};

type MappingStepProps = {
  readonly sheetName: string;
  readonly mapping: ColumnMapping;
  /** Whether the mapping is the one the user confirmed last time for this header. */
  readonly remembered: boolean;
  readonly fields: readonly ImportField[];
  /** The header of each column, as the file has it. */
  readonly headers: readonly string[];
  /** The first values of each column. */
  readonly samples: readonly (readonly RawCell[])[];
  /** What stops the mapping from being used, in sentences. */
  readonly problems: readonly string[];
  /** The rows the header may be in, each with its texts, for the user to choose from. */
  readonly headerRows: readonly HeaderRowChoice[];
  readonly onKindChange: (kind: ImportTableKind) => void;
  readonly onHeaderRowChange: (row: number) => void;
  readonly onColumnChange: (index: number, fieldId: string | null) => void;
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly problemsRef?: Ref<HTMLDivElement>;
};

/** A row the header may be in: its number (1-based, as a spreadsheet shows it) and its texts. */
export type HeaderRowChoice = { readonly row: number; readonly text: string };

const LEAVE_OUT = '';

function sampleText(samples: readonly RawCell[]): string {
  const shown = samples
    .filter((cell) => cell !== null && String(cell).trim() !== '')
    .map((cell) => String(cell));
  return shown.length > 0 ? shown.join(' · ') : '(empty)';
}

export function MappingStep({
  sheetName,
  mapping,
  remembered,
  fields,
  headers,
  samples,
  problems,
  headerRows,
  onKindChange,
  onHeaderRowChange,
  onColumnChange,
  headingRef,
  problemsRef,
}: MappingStepProps) {
  const id = useId();
  return (
    <section className="import-step" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="import-step__heading" tabIndex={-1} ref={headingRef}>
        Match the columns of {sheetName}
      </h3>
      <p>
        {remembered
          ? 'Baton matched the columns as you did last time for a sheet with these headers.'
          : 'Baton guessed what each column holds from its header.'}{' '}
        Change any that are wrong; a column left out is not imported.
      </p>
      <div className="field import-step__kind">
        <label htmlFor={`${id}-header-row`} className="field__label">
          The headers are in
        </label>
        <select
          id={`${id}-header-row`}
          value={mapping.headerRow}
          onChange={(event) => onHeaderRowChange(Number(event.target.value))}
        >
          {headerRows.map((choice) => (
            <option key={choice.row} value={choice.row}>
              Row {choice.row}: {choice.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field import-step__kind">
        <label htmlFor={`${id}-kind`} className="field__label">
          The sheet lists
        </label>
        <select
          id={`${id}-kind`}
          value={mapping.kind}
          onChange={(event) => onKindChange(event.target.value as ImportTableKind)}
        >
          {IMPORT_TABLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {TABLE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="table-scroll import-step__table">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">First values</th>
              <th scope="col">Imported as</th>
              <th scope="col">Baton reads it as</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((fieldId, index) => {
              const header = headers[index] ?? `Column ${index + 1}`;
              return (
                <tr key={index}>
                  <th scope="row" id={`${id}-column-${index}`}>
                    {header}
                  </th>
                  <td className="import-step__sample">{sampleText(samples[index] ?? [])}</td>
                  <td>
                    <select
                      aria-label={`Imported as, for column ${header}`}
                      value={fieldId ?? LEAVE_OUT}
                      onChange={(event) =>
                        onColumnChange(
                          index,
                          event.target.value === LEAVE_OUT ? null : event.target.value,
                        )
                      }
                    >
                      <option value={LEAVE_OUT}>Leave out</option>
                      {fields.map((field) => (
                        <option key={field.id} value={field.id}>
                          {field.required ? `${field.label} (required)` : field.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="import-step__hint">
                    {fields.find((field) => field.id === fieldId)?.hint ?? 'not imported'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div ref={problemsRef} tabIndex={-1} aria-live="polite" className="import-step__problems">
        {problems.length > 0 && (
          <ul className="problem-list" aria-label="Before the preview">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
