/**
 * Reading a CSV file into a sheet of text cells. The delimiter (comma, semicolon or tab) is
 * chosen here from the header row and pinned for papaparse, whose own detection corrupts a comma
 * file that holds tabs. Rows are kept as the file has them (header: false), so repeated column
 * names survive and row numbers are the ones a spreadsheet shows.
 */
import Papa from 'papaparse';
import type { ImportIssue, RawTable } from './types';
import { MAX_IMPORT_PROBLEMS } from './issues';

export type CsvDelimiter = ',' | ';' | '\t';

export type CsvReadResult =
  | {
      readonly ok: true;
      readonly table: RawTable;
      readonly delimiter: CsvDelimiter;
      readonly warnings: readonly ImportIssue[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly ImportIssue[];
      readonly problemCount: number;
    };

/** The most rows a CSV import reads; a larger file is refused (split it). */
export const MAX_CSV_ROWS = 200_000;
/** The most columns a row may have. */
export const MAX_CSV_COLUMNS = 2_000;
/**
 * The most characters a cell may have: as many as a spreadsheet cell holds (Excel's limit, and
 * Jira's for a text field). No field Baton imports takes more than 10,000 (a description), so a
 * longer cell is either in a column left out or a quote left open; a larger one is refused while
 * the file is read, before a table of it is made.
 */
export const MAX_CSV_CELL_LENGTH = 32_767;

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/** How many times each delimiter occurs outside quotes in the first non-empty line. */
function headerCounts(text: string): Map<CsvDelimiter, number> {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  let sawContent = false;
  for (let index = 0; index < text.length && index < 1_000_000; index += 1) {
    const char = text[index] as string;
    if (char === '"') {
      quoted = !quoted;
      sawContent = true;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      if (sawContent) break;
    } else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
      sawContent = true;
    } else if (char.trim() !== '') sawContent = true;
  }
  return counts;
}

/** The delimiter the header row uses most; a comma when it has none (a one-column file). */
export function pickDelimiter(text: string): CsvDelimiter {
  const counts = headerCounts(text);
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** How a CSV file is read. */
export type CsvReadOptions = {
  /**
   * Whether to warn about rows wider than the header (true unless told). A reader that warns
   * about them itself (jiraDraft) turns this off, so that each such row is reported once.
   */
  readonly warnWideRows?: boolean;
};

/** A column in a message: its header's text, or its position when the header says nothing. */
function columnName(header: readonly string[] | null, index: number): string {
  const text = header?.[index]?.trim() ?? '';
  return text === '' || text.length > 60 ? `${index + 1} (no header)` : text;
}

/**
 * The rows of a CSV file's text as one sheet named `name`, with the delimiter it was read with.
 * Strips a byte-order mark; refuses a quote that is never closed, a cell longer than
 * `MAX_CSV_CELL_LENGTH`, an empty file, and files beyond the size caps; warns about rows wider
 * than the header (their extra cells are not read) unless `warnWideRows` is false.
 */
export function readCsv(
  text: string,
  name: string,
  { warnWideRows = true }: CsvReadOptions = {},
): CsvReadResult {
  const refuse = (problems: ImportIssue[]): CsvReadResult => ({
    ok: false,
    problems: problems.slice(0, MAX_IMPORT_PROBLEMS),
    problemCount: problems.length,
  });
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.includes('\u0000')) {
    return refuse([
      {
        row: 1,
        message:
          'the file holds NUL characters, so it is not a text CSV file (UTF-16 or binary?); save it as CSV UTF-8 and try again',
      },
    ]);
  }
  const delimiter = pickDelimiter(body);
  const rows: string[][] = [];
  const problems: ImportIssue[] = [];
  let problemCount = 0;
  const problem = (issue: ImportIssue) => {
    problemCount += 1;
    if (problems.length < MAX_IMPORT_PROBLEMS) problems.push(issue);
  };
  /** The first row with anything in it: it names the columns in messages. */
  let header: string[] | null = null;
  // Row by row, so that a cell too long to import is refused as it is met, before a table is
  // made of the rest; the rows are kept only while the file has no problem.
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    preview: MAX_CSV_ROWS + 2,
    step: (result) => {
      const row = Array.isArray(result.data) ? result.data.map(String) : [];
      const rowNumber = rows.length + 1;
      const quoteErrors = result.errors.filter((error) => error.type === 'Quotes');
      for (const error of quoteErrors) {
        problem({
          row: rowNumber,
          message:
            error.code === 'MissingQuotes'
              ? 'a cell opens a quote (") that is never closed, so the rest of the file would be read into it; close the quote or double it ("")'
              : 'a quoted cell has text after its closing quote; put the whole cell in quotes and double the quotes inside it ("")',
        });
      }
      if (quoteErrors.length === 0) {
        row.forEach((cell, index) => {
          if (cell.length <= MAX_CSV_CELL_LENGTH) return;
          problem({
            row: rowNumber,
            column: columnName(header, index),
            message: `the cell is ${cell.length.toLocaleString('en')} characters long, more than the ${MAX_CSV_CELL_LENGTH.toLocaleString('en')} a spreadsheet cell holds; shorten it, or look for a quote (") that opens the cell and is closed far below`,
          });
        });
      }
      if (header === null && !isBlank(row)) header = row;
      // Counted rows keep their place even when the file is refused: row numbers stay right.
      rows.push(problemCount === 0 ? row : []);
    },
  });
  if (problemCount > 0) {
    return { ok: false, problems, problemCount };
  }
  // A final line end leaves one empty row behind.
  while (rows.length > 0 && isBlank(rows[rows.length - 1] as string[])) rows.pop();
  if (rows.length === 0 || rows.every(isBlank)) {
    return refuse([{ row: 1, message: 'the file is empty: it has no header row and no data' }]);
  }
  if (rows.length > MAX_CSV_ROWS) {
    return refuse([
      {
        row: MAX_CSV_ROWS + 1,
        message: `the file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows, more than Baton imports at once; split it`,
      },
    ]);
  }
  const wide = rows.findIndex((row) => row.length > MAX_CSV_COLUMNS);
  if (wide >= 0) {
    return refuse([
      {
        row: wide + 1,
        message: `the row has ${rows[wide]?.length} cells, more than the ${MAX_CSV_COLUMNS.toLocaleString('en')} columns Baton reads`,
      },
    ]);
  }
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  const headerWidth = (rows[headerIndex] as string[]).length;
  const warnings: ImportIssue[] = [];
  let widerRows = 0;
  rows.forEach((row, index) => {
    if (!warnWideRows || index <= headerIndex || row.length <= headerWidth) return;
    if (row.slice(headerWidth).every((cell) => cell.trim() === '')) return;
    widerRows += 1;
    if (widerRows <= MAX_IMPORT_PROBLEMS) {
      warnings.push({
        row: index + 1,
        message: `the row has ${row.length} cells but the header has ${headerWidth}; the cells beyond column ${headerWidth} are not read`,
      });
    }
  });
  if (widerRows > MAX_IMPORT_PROBLEMS) {
    warnings.push({
      message: `${widerRows} rows in all are wider than the header; the first ${MAX_IMPORT_PROBLEMS} are listed`,
    });
  }
  return { ok: true, table: { name, rows, delimiter }, delimiter, warnings };
}
