/**
 * Excel workbooks (.xlsx) in and out, with exceljs. Reading gives every worksheet as plain cells
 * (a formula as the result the file saved for it, a date as yyyy-mm-dd, rich text as its text, a
 * merged range as its value repeated over every cell of the range) and refuses, with a sentence,
 * a file that is not an XLSX workbook or is too large to import, or whose parts unpack to more
 * than its zip archive declares (a zip bomb: they are unpacked and counted, not kept, first). Writing gives one sheet per
 * export table, the header row bold and frozen, numbers as numbers, text that a spreadsheet
 * would take for a formula written with a leading apostrophe, as the CSV export does, and any
 * character of the text kept (control characters escaped as Excel escapes them).
 *
 * exceljs loads the whole workbook before it gives anything back, so progress is reported in
 * steps: the checks, the workbook loaded, then each sheet's rows turned into cells.
 */
import ExcelJS from 'exceljs';
import type { ImportIssue, RawCell, RawTable } from './import/types';
import type { Cell, Table } from './tables';

/**
 * What an import reads at most. A file over a limit is refused with a sentence that names the
 * limit; nothing is read from it. `cells` counts every cell up to the last one that holds data in
 * its row, empty ones included.
 */
export const XLSX_LIMITS = {
  /** The file as stored (compressed). */
  bytes: 50 * 1024 * 1024,
  /**
   * The sizes its zip archive declares for its parts once unpacked: a guard against zip bombs,
   * with each part unpacked (and counted, not kept) before exceljs gets the file, and the file
   * refused as soon as one unpacks to more than its declared size.
   */
  unpackedBytes: 300 * 1024 * 1024,
  /** Rows of one sheet, up to its last row that holds data. */
  rowsPerSheet: 100_000,
  /** Cells of the whole workbook. */
  cells: 2_000_000,
} as const;

/**
 * Parts of a worksheet an import has no use for, left unparsed: less work, and fewer of the
 * places where exceljs has been seen to fail on real files (tables, drawings, extensions).
 * A hyperlink's cell keeps its text; merged ranges, columns and rows are read.
 */
const IGNORED_SHEET_PARTS = [
  'hyperlinks',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'drawing',
  'picture',
  'tableParts',
  'pageSetup',
  'pageMargins',
  'headerFooter',
  'printOptions',
  'rowBreaks',
  'sheetProtection',
  'autoFilter',
];

/** Warnings about formulas without a saved result: the first few by place, then a count. */
const FORMULA_WARNINGS_BY_PLACE = 20;

export type XlsxReadResult =
  | {
      readonly ok: true;
      /** Every worksheet in the workbook's order; row i is the sheet's row i + 1. */
      readonly tables: readonly RawTable[];
      readonly warnings: readonly ImportIssue[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly ImportIssue[];
      readonly problemCount: number;
    };

/** An error's message without its final full stop, to go inside a sentence. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

/** Why exceljs could not load a workbook, in words, with its own message after. */
function loadFailure(error: unknown): string {
  const detail = reason(error);
  // The XML parser's messages start with the line and column of the part it was reading.
  if (/^\d+:\d+: /.test(detail)) return `one of its parts is not well-formed XML (${detail})`;
  if (/zip|uncompressed data|end of data|compression/i.test(detail)) {
    return `its zip archive is damaged (${detail})`;
  }
  return detail;
}

function refuse(message: string, place: Omit<ImportIssue, 'message'> = {}): XlsxReadResult {
  return { ok: false, problems: [{ ...place, message }], problemCount: 1 };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Reads a little-endian unsigned integer of `size` bytes (2 or 4) at `at`. */
function uint(bytes: Uint8Array, at: number, size: 2 | 4): number {
  let value = 0;
  for (let index = size - 1; index >= 0; index -= 1) value = value * 256 + (bytes[at + index] ?? 0);
  return value;
}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
const ZIP_STORED = 0;
const ZIP_DEFLATED = 8;
/** An old Excel (.xls) file, or an encrypted (password-protected) .xlsx: both are OLE containers. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ZIP64 = 'it is a ZIP64 archive, larger than Baton reads';
const DIRECTORY_MISMATCH = 'its zip archive is damaged (its directory does not match its contents)';
const CUT_SHORT = 'its zip archive is cut short (the file may be damaged or incomplete)';

/** One part (file) of a zip archive, where its central directory and local header put it. */
type ZipPart = {
  readonly name: string;
  /** 0 stored, 8 deflated: the two that JSZip, which exceljs loads with, reads. */
  readonly method: number;
  /** Its size once unpacked, as the central directory declares it. */
  readonly declaredSize: number;
  /** Where its stored (compressed) bytes start and end in the file. */
  readonly start: number;
  readonly end: number;
};

/** A part's name for a message (part names in an XLSX archive are plain ASCII). */
function partName(bytes: Uint8Array, at: number, length: number): string {
  let name = '';
  for (let index = at; index < at + Math.min(length, 200); index += 1) {
    const code = bytes[index] ?? 0x3f;
    name += code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '?';
  }
  return name;
}

/**
 * The parts of a zip archive as its central directory lists them, placed as JSZip places them
 * (each one's data after its local header, as long as the directory says), or a sentence saying
 * why the bytes are not a zip archive Baton can read. Every offset is checked against the file,
 * so a damaged or crafted directory cannot point outside it.
 */
function zipParts(bytes: Uint8Array): readonly ZipPart[] | string {
  // The end-of-directory record is 22 bytes plus a comment of at most 65,535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (uint(bytes, at, 4) === ZIP_END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return CUT_SHORT;
  const entries = uint(bytes, end + 10, 2);
  let at = uint(bytes, end + 16, 4);
  if (entries === 0xffff || at === 0xffffffff) return ZIP64;
  const parts: ZipPart[] = [];
  for (let entry = 0; entry < entries; entry += 1) {
    if (at + 46 > bytes.length || uint(bytes, at, 4) !== ZIP_DIRECTORY_ENTRY) {
      return DIRECTORY_MISMATCH;
    }
    const flags = uint(bytes, at + 8, 2);
    const method = uint(bytes, at + 10, 2);
    const compressedSize = uint(bytes, at + 20, 4);
    const declaredSize = uint(bytes, at + 24, 4);
    const nameLength = uint(bytes, at + 28, 2);
    const local = uint(bytes, at + 42, 4);
    if ([compressedSize, declaredSize, local].includes(0xffffffff)) return ZIP64;
    if (at + 46 + nameLength > bytes.length) return DIRECTORY_MISMATCH;
    const name = partName(bytes, at + 46, nameLength);
    if (method !== ZIP_STORED && method !== ZIP_DEFLATED) {
      return `its part ${name} is compressed in a way Baton cannot read (zip method ${method})`;
    }
    // Bit 0 of the flags: the part is encrypted, which neither JSZip nor Baton reads.
    if ((flags & 1) === 1) return `its part ${name} is encrypted`;
    if (local + 30 > bytes.length || uint(bytes, local, 4) !== ZIP_LOCAL_HEADER) {
      return DIRECTORY_MISMATCH;
    }
    const start = local + 30 + uint(bytes, local + 26, 2) + uint(bytes, local + 28, 2);
    if (start + compressedSize > bytes.length) return CUT_SHORT;
    parts.push({ name, method, declaredSize, start, end: start + compressedSize });
    at += 46 + nameLength + uint(bytes, at + 30, 2) + uint(bytes, at + 32, 2);
  }
  return parts;
}

/**
 * Refuses what exceljs should never be given: not a zip, an .xls, too large by its size or by
 * the sizes it declares. The archive's parts when it is none of those.
 */
function checkContainer(
  bytes: Uint8Array,
): XlsxReadResult | { readonly parts: readonly ZipPart[] } {
  if (bytes.length === 0) return refuse('The file is empty: it is not an XLSX workbook.');
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    return refuse(
      'This is an Excel 97–2003 workbook (.xls) or a password-protected workbook, which Baton cannot read: open it in your spreadsheet app, remove any password and save it as an Excel Workbook (.xlsx).',
    );
  }
  if (bytes.length < 22 || uint(bytes, 0, 4) !== ZIP_LOCAL_HEADER) {
    return refuse(
      'This file is not an XLSX workbook (an .xlsx file is a zip archive, and this one is not). Save it from your spreadsheet app as an Excel Workbook (.xlsx), or import it as CSV.',
    );
  }
  if (bytes.length > XLSX_LIMITS.bytes) {
    return refuse(
      `This workbook is ${megabytes(bytes.length)}; Baton imports workbooks of up to ${megabytes(XLSX_LIMITS.bytes)}. Save the sheets you need in a smaller workbook, or as CSV.`,
    );
  }
  const parts = zipParts(bytes);
  if (typeof parts === 'string')
    return refuse(`This file is not a readable XLSX workbook: ${parts}.`);
  const unpacked = parts.reduce((sum, part) => sum + part.declaredSize, 0);
  if (unpacked > XLSX_LIMITS.unpackedBytes) {
    return refuse(
      `This workbook unpacks to ${megabytes(unpacked)}; Baton imports workbooks that unpack to at most ${megabytes(XLSX_LIMITS.unpackedBytes)}. Save the sheets you need in a smaller workbook.`,
    );
  }
  return { parts };
}

/**
 * The part of the Compression Streams API used here, typed here because shared/ is checked
 * without the DOM's types. Unlike the environment that shared/ keeps out (clock, timers,
 * network, storage), it is a pure computation, bytes in and bytes out, and a standard one:
 * global in browsers and their workers and in Node 18+, 'deflate-raw' since Chromium 103 and
 * Node 20.12. Undefined where there is none.
 */
type ByteReader = {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
};
type ByteWriter = {
  readonly ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
};
type DecompressionStreamClass = new (format: 'deflate-raw') => {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): ByteWriter };
};
declare const DecompressionStream: DecompressionStreamClass | undefined;

/**
 * Compressed bytes handed to the inflater at a time. The output of one step is at most about
 * 1,032 times as much (deflate's best ratio), all of it at once in Chromium, which inflates a
 * whole chunk before it looks at the reader: 16 KB in gives at most some 16 MB out.
 */
const INFLATE_STEP = 16 * 1024;

type Unpacked =
  | { readonly kind: 'size'; readonly bytes: number }
  | { readonly kind: 'over' }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * The size of a deflated part once unpacked, counted as it streams out and never kept; 'over' as
 * soon as it passes `most` bytes, at which point inflating stops.
 */
async function unpackedSize(
  Inflater: DecompressionStreamClass,
  data: Uint8Array,
  most: number,
): Promise<Unpacked> {
  const inflater = new Inflater('deflate-raw');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      await writer.ready;
      await writer.write(data.subarray(at, at + INFLATE_STEP));
    }
    await writer.close();
  })();
  // A failure to write (bad data, or the reader cancelled) shows on the reader's side too.
  feeding.catch(() => undefined);
  let bytes = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return { kind: 'size', bytes };
      bytes += chunk.value?.byteLength ?? 0;
      if (bytes > most) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'over' };
      }
    }
  } catch (error) {
    return { kind: 'error', error };
  }
}

/** 1 KB, 3 MB: a size for a message. */
function byteSize(bytes: number): string {
  if (bytes < 1024) return exactSize(bytes);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return megabytes(bytes);
}

/** 1,025 bytes: a size for a message that compares two close ones. */
function exactSize(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes`;
}

/**
 * Unpacks every part of the archive (exceljs loads them all), counting the bytes and keeping
 * none, and refuses the workbook as soon as a part unpacks to more than its directory declares.
 * JSZip, which exceljs loads with, compares the sizes only once a part is wholly unpacked in
 * memory, so a small file whose directory understates its parts could otherwise fill the memory.
 * Held to the sizes declared, whose total is at most `XLSX_LIMITS.unpackedBytes`, the parts
 * together stay under that limit too. Null when every part unpacks to the size declared.
 */
async function checkUnpacked(
  bytes: Uint8Array,
  parts: readonly ZipPart[],
): Promise<XlsxReadResult | null> {
  // Looked up on each read (not once when the module loads), so that tests can stand in for it.
  const Inflater = typeof DecompressionStream === 'function' ? DecompressionStream : undefined;
  if (!Inflater) {
    return refuse(
      'Baton cannot check this workbook here (there is no DecompressionStream to unpack it with), so it does not read it. Import it as CSV, or use an up-to-date browser.',
    );
  }
  for (const part of parts) {
    const data = bytes.subarray(part.start, part.end);
    const unpacked: Unpacked =
      part.method === ZIP_STORED
        ? { kind: 'size', bytes: data.length }
        : await unpackedSize(Inflater, data, part.declaredSize);
    if (unpacked.kind === 'over') {
      return refuse(
        `This workbook's part ${part.name} unpacks to more than the ${byteSize(part.declaredSize)} its zip archive declares, so Baton does not read it (the file is damaged, or made to fill the memory). Save it again from your spreadsheet app as an Excel Workbook (.xlsx).`,
      );
    }
    const detail =
      unpacked.kind === 'error'
        ? `its part ${part.name} cannot be unpacked: ${reason(unpacked.error)}`
        : `its part ${part.name} holds ${exactSize(unpacked.bytes)}, not the ${exactSize(part.declaredSize)} its directory declares`;
    if (unpacked.kind === 'error' || unpacked.bytes !== part.declaredSize) {
      return refuse(
        `This file is not a readable XLSX workbook: its zip archive is damaged (${detail}).`,
      );
    }
  }
  return null;
}

/** A date as yyyy-mm-dd, with the time (yyyy-mm-ddThh:mm[:ss]) only when it has one. */
function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  // exceljs reads a spreadsheet's dates as UTC: the day is the UTC day.
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  return time.endsWith(':00') ? `${day}T${time.slice(0, 5)}` : `${day}T${time}`;
}

/** The plain value of a cell's content, as exceljs gives it (a formula's result included). */
function plainValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) {
      return record.richText
        .map((run: unknown) =>
          run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string'
            ? (run as { text: string }).text
            : '',
        )
        .join('');
    }
    // A hyperlink: its text, which may itself be rich text.
    if ('hyperlink' in record) return plainValue(record.text ?? record.hyperlink);
    // An error value such as #N/A or #DIV/0!: kept as the text a spreadsheet shows.
    if (typeof record.error === 'string') return record.error;
    if ('text' in record) return plainValue(record.text);
  }
  return null;
}

type SheetRead =
  | { readonly ok: true; readonly table: RawTable; readonly cells: number }
  | { readonly ok: false; readonly result: XlsxReadResult };

/** One worksheet as rows of plain cells, row i being the sheet's row i + 1. */
function readSheet(
  sheet: ExcelJS.Worksheet,
  cellsSoFar: number,
  formulaWarnings: { count: number; warnings: ImportIssue[] },
  onRow: (rowNumber: number) => void,
): SheetRead {
  const rows: RawCell[][] = [];
  let cells = cellsSoFar;
  let refusal: XlsxReadResult | null = null;
  const header: RawCell[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (refusal) return;
    if (rowNumber > XLSX_LIMITS.rowsPerSheet) {
      refusal = refuse(
        `Sheet "${sheet.name}" has data down to row ${rowNumber}; Baton imports up to ${XLSX_LIMITS.rowsPerSheet.toLocaleString('en')} rows per sheet. Split it into smaller sheets.`,
        { sheet: sheet.name, row: rowNumber },
      );
      return;
    }
    const cellsOfRow: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (each, columnNumber) => {
      // A cell inside a merged range shows the value of the range's first cell.
      const cell = each.type === ExcelJS.ValueType.Merge ? each.master : each;
      let value: RawCell;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const result: unknown = cell.result;
        value = plainValue(result);
        if ((result === undefined || result === null) && cell === each) {
          formulaWarnings.count += 1;
          if (formulaWarnings.warnings.length < FORMULA_WARNINGS_BY_PLACE) {
            formulaWarnings.warnings.push({
              sheet: sheet.name,
              row: rowNumber,
              column: columnName(header, columnNumber),
              message: `The formula =${cell.formula} has no saved result, so the cell is read as empty: open the workbook in your spreadsheet app and save it to store its results.`,
            });
          }
        }
      } else {
        value = plainValue(cell.value);
      }
      if (value === null) return;
      while (cellsOfRow.length < columnNumber - 1) cellsOfRow.push(null);
      cellsOfRow[columnNumber - 1] = value;
    });
    if (cellsOfRow.length === 0) return;
    cells += cellsOfRow.length;
    if (cells > XLSX_LIMITS.cells) {
      refusal = refuse(
        `This workbook has more than ${XLSX_LIMITS.cells.toLocaleString('en')} cells (counted up to row ${rowNumber} of sheet "${sheet.name}"), more than Baton imports. Save the sheets you need in a smaller workbook.`,
        { sheet: sheet.name, row: rowNumber },
      );
      return;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cellsOfRow;
    if (header.length === 0) header.push(...cellsOfRow);
    onRow(rowNumber);
  });
  if (refusal) return { ok: false, result: refusal };
  return { ok: true, table: { name: sheet.name, rows }, cells };
}

/**
 * A column's name for a message: its letter, as the spreadsheet shows it, and the text of the
 * sheet's first row in it when there is some: `H (Total)`.
 */
function columnName(header: readonly RawCell[], columnNumber: number): string {
  const text = header[columnNumber - 1];
  const letter = columnLetter(columnNumber);
  if (typeof text === 'string' && text.trim() !== '') return `${letter} (${text.trim()})`;
  if (typeof text === 'number') return `${letter} (${text})`;
  return letter;
}

/** 1 → A, 27 → AA. */
function columnLetter(columnNumber: number): string {
  let letters = '';
  for (let rest = columnNumber; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Every worksheet of an XLSX workbook as rows of plain cells, or the problem that refuses it.
 * Never throws. `onProgress` gets fractions from 0 to 1.
 */
export async function readXlsx(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<XlsxReadResult> {
  const progress = (fraction: number): void => {
    try {
      onProgress?.(fraction);
    } catch {
      // A progress listener's failure is not the file's: reading goes on.
    }
  };
  try {
    progress(0);
    const container = checkContainer(bytes);
    if (!('parts' in container)) return container;
    const refusal = await checkUnpacked(bytes, container.parts);
    if (refusal) return refusal;
    progress(0.05);
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs types its input as a Node Buffer; a Uint8Array is what it reads in either place.
      // `maxRows` (not in exceljs's types, read by its sheet parser) stops parsing a sheet
      // past the row limit, before it fills the memory.
      const options = { maxRows: XLSX_LIMITS.rowsPerSheet, ignoreNodes: IGNORED_SHEET_PARTS };
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer, options);
    } catch (error) {
      if (error instanceof Error && /^Max row count/.test(error.message)) {
        return refuse(
          `A sheet of this workbook has more than ${XLSX_LIMITS.rowsPerSheet.toLocaleString('en')} rows; Baton imports up to ${XLSX_LIMITS.rowsPerSheet.toLocaleString('en')} rows per sheet. Split it into smaller sheets.`,
        );
      }
      return refuse(
        `This file is not a readable XLSX workbook: ${loadFailure(error)}. Open it in your spreadsheet app and save it as an Excel Workbook (.xlsx).`,
      );
    }
    const LOADED = 0.7;
    progress(LOADED);
    const sheets = workbook.worksheets;
    if (sheets.length === 0) {
      return refuse(
        'This file has no worksheets: it is not an Excel workbook (or its sheets are all charts).',
      );
    }
    const totalRows = sheets.reduce((sum, sheet) => sum + Math.max(sheet.actualRowCount, 1), 0);
    let rowsDone = 0;
    let nextReport = 0;
    const tables: RawTable[] = [];
    const formulaWarnings = { count: 0, warnings: [] as ImportIssue[] };
    let cells = 0;
    for (const sheet of sheets) {
      const read = readSheet(sheet, cells, formulaWarnings, () => {
        rowsDone += 1;
        if (rowsDone >= nextReport) {
          progress(LOADED + (1 - LOADED) * Math.min(1, rowsDone / totalRows));
          nextReport = rowsDone + Math.max(500, Math.floor(totalRows / 50));
        }
      });
      if (!read.ok) return read.result;
      cells = read.cells;
      tables.push(read.table);
    }
    const warnings: ImportIssue[] = [...formulaWarnings.warnings];
    const unlisted = formulaWarnings.count - formulaWarnings.warnings.length;
    if (unlisted > 0) {
      warnings.push({
        message: `${unlisted.toLocaleString('en')} more formulas have no saved result and are read as empty.`,
      });
    }
    progress(1);
    return { ok: true, tables, warnings };
  } catch (error) {
    return refuse(`This workbook could not be read: ${reason(error)}.`);
  }
}

/** Text a spreadsheet would run as a formula (as papaparse's `escapeFormulae` has it). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What text in an XLSX file escapes as `_xHHHH_` (OOXML's ST_Xstring, as Excel writes it, and as
 * exceljs decodes it when reading): the characters that exceljs would otherwise drop (control
 * characters but tab and line feed; DEL), that XML turns into a line feed (carriage return) or
 * that no XML reader accepts (U+FFFE, U+FFFF), and the underscore of text that already reads
 * `_xHHHH_`. Halves of surrogate pairs without their other half cannot be written at all: they
 * become U+FFFD.
 */
const TO_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeText(text: string): string {
  return text.replace(TO_ESCAPE, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
    return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}

/** The most characters a cell holds in Excel; a longer text would make the file unreadable. */
const MAX_CELL_TEXT = 32_767;

/**
 * A cell as the sheet holds it: text that a spreadsheet would run escaped with an apostrophe,
 * characters XML cannot hold escaped, text cut to what a cell holds.
 */
function sheetCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  const text = escapeText(FORMULA_START.test(value) ? `'${value}` : value);
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** A column's width in characters: its longest cell, within 8 and 60. */
function columnWidth(table: Table, column: number): number {
  let longest = String(table.header[column] ?? '').length;
  for (const row of table.rows) {
    const cell = row[column];
    if (cell !== undefined) longest = Math.max(longest, String(cell).length);
    if (longest >= 60) break;
  }
  return Math.min(60, Math.max(8, longest + 2));
}

/**
 * The tables as an XLSX workbook, one sheet per table named after it, in their order: the
 * header row bold and frozen, numbers as numbers, text as text (escaped like the CSV export).
 */
export async function writeXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Baton';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.header.map(sheetCell)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(sheetCell));
    table.header.forEach((_, column) => {
      sheet.getColumn(column + 1).width = columnWidth(table, column);
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  // A plain Uint8Array (not a Node Buffer), so that it crosses to and from a worker as is.
  return new Uint8Array(buffer as ArrayBuffer);
}
