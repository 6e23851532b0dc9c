/**
 * Tables as CSV (RFC 4180: commas, double quotes around a cell that needs them, CRLF line ends),
 * UTF-8 with a byte-order mark so that spreadsheets read accents and symbols right. A text cell
 * that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage
 * return) is written with a leading apostrophe, so opening the file never runs it; numbers are
 * written as numbers.
 */
import Papa from 'papaparse';
import type { Table } from './tables';

const BOM = '\ufeff';

/** `table` as the text of a CSV file. */
export function tableToCsv(table: Table): string {
  const text = Papa.unparse(
    { fields: [...table.header], data: table.rows.map((row) => [...row]) },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return `${BOM}${text}\r\n`;
}
