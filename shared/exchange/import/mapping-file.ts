/**
 * A mapping file for `baton import --mapping M.json`: which field each column fills, by the
 * column's header text (or by position), the kind of table, the header row and the sheet.
 *
 *   { "kind": "initiatives", "headerRow": 1, "sheet": "Portfolio",
 *     "columns": { "Project": "name", "Spend Q2": null, "Cost": "spend" } }
 *
 * Columns the file does not name keep Baton's guess; `null` leaves a column out.
 */
import type { Portfolio } from '../../portfolio/types';
import { guessMapping, headerTexts, normalizeHeader } from './mapping';
import {
  IMPORT_TABLE_KINDS,
  type ColumnMapping,
  type ImportIssue,
  type ImportTableKind,
  type RawTable,
} from './types';

export type MappingFile = {
  readonly kind?: ImportTableKind;
  readonly headerRow?: number;
  readonly sheet?: string;
  /** Field per header text, or per position (one entry per column). */
  readonly columns: ReadonlyMap<string, string | null> | readonly (string | null)[];
};

const KEYS = ['kind', 'headerRow', 'sheet', 'columns'];

/** Reads a parsed mapping file; the message names the key that is wrong. */
export function parseMappingFile(
  value: unknown,
):
  | { readonly ok: true; readonly mapping: MappingFile }
  | { readonly ok: false; readonly message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('a mapping file holds a JSON object, such as {"columns": {"Project": "name"}}');
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !KEYS.includes(key));
  if (unknown !== undefined) {
    return fail(`"${unknown}" is not a key of a mapping file; it has ${KEYS.join(', ')}`);
  }
  const kind = record.kind;
  if (kind !== undefined && !(IMPORT_TABLE_KINDS as readonly unknown[]).includes(kind)) {
    return fail(`kind: expected one of ${IMPORT_TABLE_KINDS.join(', ')}`);
  }
  const headerRow = record.headerRow;
  if (
    headerRow !== undefined &&
    !(typeof headerRow === 'number' && Number.isSafeInteger(headerRow) && headerRow >= 1)
  ) {
    return fail('headerRow: expected a row number from 1 on');
  }
  const sheet = record.sheet;
  if (sheet !== undefined && typeof sheet !== 'string') return fail('sheet: expected a sheet name');
  const columns = record.columns;
  const isField = (field: unknown) => field === null || typeof field === 'string';
  let parsed: MappingFile['columns'];
  if (Array.isArray(columns)) {
    const wrong = columns.findIndex((field) => !isField(field));
    if (wrong >= 0) return fail(`columns[${wrong}]: expected a field id or null`);
    parsed = columns as (string | null)[];
  } else if (typeof columns === 'object' && columns !== null) {
    const map = new Map<string, string | null>();
    for (const [header, field] of Object.entries(columns)) {
      if (!isField(field))
        return fail(`columns[${JSON.stringify(header)}]: expected a field id or null`);
      map.set(header, field as string | null);
    }
    parsed = map;
  } else {
    return fail('columns: expected an object of header text to field id, or a list of field ids');
  }
  return {
    ok: true,
    mapping: {
      ...(kind !== undefined && { kind: kind as ImportTableKind }),
      ...(headerRow !== undefined && { headerRow: headerRow as number }),
      ...(sheet !== undefined && { sheet: sheet as string }),
      columns: parsed,
    },
  };
}

/**
 * The mapping for `table`: Baton's guess, with the columns the mapping file names set as it
 * says. A header the file names that the sheet does not have is a problem.
 */
export function applyMappingFile(
  file: MappingFile,
  table: RawTable,
  portfolio: Portfolio,
):
  | { readonly ok: true; readonly mapping: ColumnMapping }
  | { readonly ok: false; readonly problems: readonly ImportIssue[] } {
  const guess = guessMapping(table, portfolio, file.kind, file.headerRow);
  const headerRow = guess.headerRow;
  const headers = headerTexts(table, headerRow);
  const columns = [...guess.columns];
  while (columns.length < headers.length) columns.push(null);
  const problems: ImportIssue[] = [];
  if (Array.isArray(file.columns)) {
    const list = file.columns as readonly (string | null)[];
    list.forEach((field, index) => {
      if (index < headers.length) columns[index] = field;
      else
        problems.push({
          row: headerRow,
          message: `the mapping names column ${index + 1}, but the sheet has ${headers.length}`,
        });
    });
  } else {
    const byHeader = file.columns as ReadonlyMap<string, string | null>;
    for (const [header, field] of byHeader) {
      let index = headers.indexOf(header.trim());
      if (index < 0)
        index = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(header));
      if (index < 0) {
        problems.push({
          row: headerRow,
          column: header,
          message: 'the mapping names this column, but the sheet has no column with that header',
        });
        continue;
      }
      if (field !== null) {
        // A field set here is no longer filled by another guessed column.
        columns.forEach((other, position) => {
          if (other === field && position !== index) columns[position] = null;
        });
      }
      columns[index] = field;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, mapping: { kind: file.kind ?? guess.kind, headerRow, columns } };
}
