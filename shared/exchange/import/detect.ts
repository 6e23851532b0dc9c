/** Which kind of file an import is, from its name and first characters. */
import { pickDelimiter } from './csv-read';
import type { ImportFormat } from './types';

/** Whether a CSV header row (text) is a Jira export's: `Issue key` or `Issue id`, and `Summary`. */
export function isJiraHeader(firstLine: string): boolean {
  const delimiter = pickDelimiter(firstLine);
  const cells = firstLine
    .split(delimiter)
    .map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return (cells.includes('issue key') || cells.includes('issue id')) && cells.includes('summary');
}

/**
 * The first bytes of an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): an Excel 97–2003 workbook
 * (.xls), or a password-protected .xlsx. Given as the text that a lenient UTF-8 decoder (the
 * callers' `TextDecoder`) makes of them, and as Latin-1 / Windows-1252 makes of them.
 */
const OLE2_AS_UTF8 = '\ufffd\ufffd\u0011\u0871\u001a';
const OLE2_AS_LATIN1 = '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1';

/**
 * The format of a file to import: `.json` is a portfolio file; `.xlsx` a workbook; `.xml` with a
 * `<Project` element Microsoft Project XML; `.csv`, `.tsv` or `.txt` a Jira export when its header
 * has `Issue key` (or `Issue id`) and `Summary`, else a plain CSV. Other names are told by their
 * first characters; null when they say nothing. An `.xls` file, and any file that starts as one
 * (an OLE2 file: an Excel 97–2003 workbook or a password-protected one), is 'xlsx' too, so that
 * the workbook reader refuses it with its advice: save it as an Excel Workbook (.xlsx).
 */
export function detectImportFormat(
  fileName: string,
  head: string,
): ImportFormat | 'portfolio' | null {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  const text = head.startsWith('\ufeff') ? head.slice(1) : head;
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const start = text.trimStart();
  if (extension === 'json') return 'portfolio';
  if (extension === 'xlsx' || extension === 'xls') return 'xlsx';
  if (text.startsWith(OLE2_AS_UTF8) || text.startsWith(OLE2_AS_LATIN1)) return 'xlsx';
  if (extension === 'xml') return /<(?:\w+:)?Project[\s>]/.test(text) ? 'msproject' : null;
  if (['csv', 'tsv', 'txt'].includes(extension)) return isJiraHeader(firstLine) ? 'jira' : 'csv';
  if (start.startsWith('{')) return 'portfolio';
  if (start.startsWith('PK')) return 'xlsx';
  if (start.startsWith('<')) return /<(?:\w+:)?Project[\s>]/.test(text) ? 'msproject' : null;
  return null;
}
