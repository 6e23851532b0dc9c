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
 * The format of a file to import: `.json` is a portfolio file; `.xlsx` a workbook; `.xml` with a
 * `<Project` element Microsoft Project XML; `.csv`, `.tsv` or `.txt` a Jira export when its header
 * has `Issue key` (or `Issue id`) and `Summary`, else a plain CSV. Other names are told by their
 * first characters; null when they say nothing.
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
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'xml') return /<(?:\w+:)?Project[\s>]/.test(text) ? 'msproject' : null;
  if (['csv', 'tsv', 'txt'].includes(extension)) return isJiraHeader(firstLine) ? 'jira' : 'csv';
  if (start.startsWith('{')) return 'portfolio';
  if (start.startsWith('PK')) return 'xlsx';
  if (start.startsWith('<')) return /<(?:\w+:)?Project[\s>]/.test(text) ? 'msproject' : null;
  return null;
}
