/**
 * The steps of an import, without the screens: read the file into sheets (or straight into a
 * draft for Jira and MS Project), map a sheet's columns, merge the draft into the portfolio for
 * the preview, and store exactly that preview as one undoable edit after a backup. Nothing here
 * throws: every failure is a problem in words, and nothing changes until the last step.
 */
import {
  draftFromTable,
  guessMapping,
  headerSignature,
  importFields,
  isRankingSheet,
  jiraDraft,
  mergeDraft,
  mergeDrafted,
  msProjectDraft,
  readCsv,
} from '../../shared/exchange/import';
import type {
  ColumnMapping,
  ImportDraft,
  ImportIssue,
  ImportTableKind,
  MergeMode,
  MergeResult,
  MergeSummary,
  RawCell,
  RawTable,
} from '../../shared/exchange/import/types';
import type { Portfolio } from '../../shared/portfolio/types';
import { replaceState } from '../../shared/store/operations/portfolio';
import { portfolioToState, stateToPortfolio } from '../../shared/store/state';
import { backupNow } from '../backup/backups';
import { numberSeparators, screenLocale } from '../components/number-text';
import { ORDER_KEYS } from '../db/order-keys';
import { localToday } from '../format';
import { commit, readPortfolio } from '../db/repository';
import { StorageFailure, storageFailureText } from '../db/storage-health';
import type { ImportSource } from '../state/slices/importSlice';
import { rememberedMapping } from './mapping-memory';
import {
  importsNothing,
  nothingToImportText,
  portfolioNameOfFile,
  summaryText,
} from './preview-model';
import { sourceText } from './source';
import { readXlsxInWorker } from './xlsx-client';

/** What reading a file gives: sheets to map, a draft to preview, or the problems that refuse it. */
export type ReadOutcome =
  | {
      readonly kind: 'tables';
      readonly tables: readonly RawTable[];
      readonly warnings: readonly ImportIssue[];
    }
  | {
      readonly kind: 'draft';
      readonly draft: ImportDraft;
      readonly warnings: readonly ImportIssue[];
    }
  | Refusal;

export type Refusal = {
  readonly kind: 'refused';
  readonly problems: readonly ImportIssue[];
  readonly problemCount: number;
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function refusal(message: string): Refusal {
  return { kind: 'refused', problems: [{ message }], problemCount: 1 };
}

/**
 * Reads the file into sheets (CSV, XLSX) or a draft (Jira, MS Project). `onProgress` hears the
 * share read so far of a workbook, which is read in a worker; `signal` ends that worker early.
 */
export async function readSource(
  source: ImportSource,
  portfolio: Portfolio,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ReadOutcome> {
  try {
    if (source.format === 'xlsx') {
      const read = await readXlsxInWorker(source.bytes, onProgress, signal);
      if (!read.ok) return { kind: 'refused', ...read };
      const tables = read.tables.filter((table) => table.rows.length > 0);
      if (tables.length === 0)
        return refusal(`${source.name} has no sheet with anything in it to import.`);
      if (tables.every(isRankingSheet)) return refusal(rankingRefusal(source.name));
      return { kind: 'tables', tables, warnings: read.warnings };
    }
    const { text, warnings: textWarnings } = sourceText(source.name, source.bytes);
    if (source.format === 'msproject') {
      const drafted = msProjectDraft(text, portfolio);
      if (!drafted.ok) return { kind: 'refused', ...drafted };
      return { kind: 'draft', draft: drafted.draft, warnings: textWarnings };
    }
    // The sheet of a CSV file is named after the file, without its extension.
    // jiraDraft warns about rows wider than the header itself (with the cells left out).
    const read = readCsv(text, source.name.replace(/\.[^.]+$/, '') || source.name, {
      warnWideRows: source.format !== 'jira',
    });
    if (!read.ok) return { kind: 'refused', ...read };
    const warnings = [...textWarnings, ...read.warnings];
    if (source.format === 'jira') {
      const drafted = jiraDraft(read.table, portfolio);
      if (!drafted.ok) return { kind: 'refused', ...drafted };
      return { kind: 'draft', draft: drafted.draft, warnings };
    }
    if (read.table.rows.length === 0) return refusal(`${source.name} is empty.`);
    if (isRankingSheet(read.table)) return refusal(rankingRefusal(source.name));
    return { kind: 'tables', tables: [read.table], warnings };
  } catch (error) {
    return refusal(`Baton could not read ${source.name}: ${errorText(error)}.`);
  }
}

/** Why a file that holds only Baton's ranking is not imported, in sentences. */
function rankingRefusal(fileName: string): string {
  return `${fileName} holds only a ranking of Baton’s export, which is computed from the rest, so it is not imported. Import the initiatives it ranks instead.`;
}

/**
 * The mapping a sheet starts with: the one remembered for its header, else Baton's guess. The
 * header is in `headerRow` when the user chose it, else in the row Baton guesses.
 */
export function startingMapping(
  table: RawTable,
  portfolio: Portfolio,
  kind?: ImportTableKind,
  headerRow?: number,
): { readonly mapping: ColumnMapping; readonly remembered: boolean } {
  const guess = guessMapping(table, portfolio, kind, headerRow);
  const remembered = rememberedMapping(headerSignature(table, guess.headerRow));
  if (
    !remembered ||
    (kind !== undefined && remembered.kind !== kind) ||
    remembered.headerRow !== guess.headerRow ||
    remembered.columns.length !== guess.columns.length
  )
    return { mapping: guess, remembered: false };
  // A field of a team or criterion that is no longer in the portfolio is left out.
  const known = new Set(importFields(remembered.kind, portfolio).map((field) => field.id));
  return {
    mapping: {
      ...remembered,
      columns: remembered.columns.map((column) => (column && known.has(column) ? column : null)),
    },
    remembered: true,
  };
}

/** The header row's cells as text, one per mapped column ("Column 3" for an empty one). */
export function headerNames(table: RawTable, mapping: ColumnMapping): readonly string[] {
  const header = table.rows[mapping.headerRow - 1] ?? [];
  return mapping.columns.map((_, index) => {
    const cell = header[index];
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    return text || `Column ${index + 1}`;
  });
}

/** The most rows offered as the header row: a header is near the top of a sheet. */
const HEADER_ROW_CHOICES = 20;

/**
 * The rows the header may be in: the first non-empty rows of the sheet, each with its texts cut
 * short, and the row the mapping has now even when it is further down.
 */
export function headerRowChoices(
  table: RawTable,
  current: number,
): readonly { readonly row: number; readonly text: string }[] {
  const describe = (row: number) => {
    const texts = (table.rows[row - 1] ?? [])
      .map((cell) => (cell === null ? '' : String(cell).trim()))
      .filter((text) => text !== '');
    const joined = texts.join(', ');
    return { row, text: joined.length > 60 ? `${joined.slice(0, 59)}…` : joined || '(empty)' };
  };
  const choices: { row: number; text: string }[] = [];
  for (let index = 0; index < table.rows.length && choices.length < HEADER_ROW_CHOICES; index++) {
    const row = table.rows[index] as readonly RawCell[];
    if (row.some((cell) => cell !== null && String(cell).trim() !== '')) {
      choices.push(describe(index + 1));
    }
  }
  if (!choices.some((choice) => choice.row === current)) {
    choices.push(describe(current));
    choices.sort((a, b) => a.row - b.row);
  }
  return choices;
}

/** The first few values under each column, for the user to recognise it by. */
export function sampleValues(
  table: RawTable,
  mapping: ColumnMapping,
  count = 3,
): readonly (readonly RawCell[])[] {
  const rows = table.rows.slice(mapping.headerRow, mapping.headerRow + count);
  return mapping.columns.map((_, index) => rows.map((row) => row[index] ?? null));
}

/** What stops a mapping from being drafted: a required field left out, a field chosen twice. */
export function mappingProblems(
  mapping: ColumnMapping,
  portfolio: Portfolio,
  headers: readonly string[],
): readonly string[] {
  const fields = importFields(mapping.kind, portfolio);
  const problems: string[] = [];
  for (const field of fields) {
    const columns = mapping.columns.flatMap((id, index) => (id === field.id ? [index] : []));
    if (field.required && columns.length === 0)
      problems.push(`Choose the column that holds ${field.label}: Baton needs it.`);
    if (columns.length > 1)
      problems.push(
        `${field.label} is chosen for ${columns.length} columns (${columns.map((index) => headers[index]).join(', ')}); choose it for one.`,
      );
  }
  return problems;
}

/**
 * The decimal separator of the number format chosen in Settings, for numbers a file leaves open
 * ("1,500"); undefined where that format's separator is neither a point nor a comma.
 */
export function chosenDecimal(): '.' | ',' | undefined {
  const { decimal } = numberSeparators(screenLocale());
  return decimal === '.' || decimal === ',' ? decimal : undefined;
}

/**
 * The records of a mapped sheet, or the problems by row and column: those of the rows that did
 * not read together with those the merge finds in the rows that did (a demand over the limit, a
 * dependency on itself), so the file's problems are told at once.
 */
export function draftSheet(
  table: RawTable,
  mapping: ColumnMapping,
  portfolio: Portfolio,
  decimal: '.' | ',' | undefined = chosenDecimal(),
): { readonly kind: 'draft'; readonly draft: ImportDraft } | Refusal {
  try {
    const drafted = draftFromTable(table, mapping, portfolio, 'csv', decimal ? { decimal } : {});
    if (drafted.ok) return { kind: 'draft', draft: drafted.draft };
    const merged = mergeDrafted(portfolio, drafted, 'merge', localToday());
    const told = merged.ok ? drafted : merged;
    return { kind: 'refused', problems: told.problems, problemCount: told.problemCount };
  } catch (error) {
    return refusal(`Baton could not read the sheet ${table.name}: ${errorText(error)}.`);
  }
}

/** The draft merged into the portfolio (or made a portfolio of its own): the preview. */
export function mergePreview(
  portfolio: Portfolio,
  draft: ImportDraft,
  mode: MergeMode,
  today: string,
): MergeResult {
  try {
    return mergeDraft(portfolio, draft, mode, today);
  } catch (error) {
    return {
      ok: false,
      problems: [{ message: `Baton could not merge the file: ${errorText(error)}.` }],
      problemCount: 1,
    };
  }
}

function sameSummary(a: MergeSummary, b: MergeSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Why nothing was imported, in words: for a failure of the storage (a full disk, another window's
 * upgrade) what happened and what to do, never a browser's "AbortError".
 */
export function importFailureText(error: unknown): string {
  const doing = 'Nothing was imported';
  if (error instanceof StorageFailure)
    return `${doing}. ${error.problem.happened} ${error.problem.advice}`;
  return storageFailureText(error, doing);
}

/** What storing an import did. */
export type ImportOutcome =
  | { readonly kind: 'imported'; readonly text: string }
  /** The import would change nothing, so nothing was stored (and there is nothing to undo). */
  | { readonly kind: 'unchanged'; readonly text: string }
  /**
   * The portfolio changed since the preview, so that the import would now do something else:
   * nothing was stored; here is the preview made afresh, and the portfolio it was made from.
   */
  | { readonly kind: 'stale'; readonly result: MergeResult; readonly portfolio: Portfolio }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Stores the import: backs the portfolio up first (or asks to go on without a backup), then, in
 * the one transaction that stores it, merges the draft into the portfolio as it is at that moment
 * and replaces it with the result as one undoable edit. An edit stored meanwhile (in this window
 * during the backup, or in another) is merged with, never overwritten; when it makes the import
 * do something other than the preview said, nothing is stored and the new preview is returned.
 */
export async function storeImport(
  fileName: string,
  draft: ImportDraft,
  mode: MergeMode,
  previewed: MergeSummary,
  today: string,
  confirmWithoutBackup: () => Promise<boolean>,
): Promise<ImportOutcome> {
  // Merging records that are all there as they are stores nothing: no backup, no undo step (an
  // undo would take back the edit before it, such as the last real import).
  const nothing = { kind: 'unchanged' as const, text: nothingToImportText(fileName) };
  if (mode === 'merge' && importsNothing(previewed)) {
    try {
      const portfolio = await readPortfolio();
      const result = mergePreview(portfolio, draft, mode, today);
      // The portfolio changed since the preview so that the import would now do something.
      if (!result.ok || !sameSummary(result.summary, previewed))
        return { kind: 'stale', result, portfolio };
      return nothing;
    } catch (error) {
      return { kind: 'failed', message: importFailureText(error) };
    }
  }
  try {
    const backup = await backupNow('before-import');
    if (!backup && !(await confirmWithoutBackup()))
      return { kind: 'failed', message: 'Nothing was imported.' };
    const label = `Import ${fileName}`;
    // What the merge gave on the state the transaction read (the last time it was planned).
    const planned: {
      merged?: { readonly result: MergeResult; readonly portfolio: Portfolio };
      stale: boolean;
    } = { stale: false };
    // Not replacePortfolio: an import is a change not yet saved to a portfolio file.
    const stored = await commit((before) => {
      const portfolio = stateToPortfolio(before);
      const result = mergePreview(portfolio, draft, mode, today);
      planned.merged = { result, portfolio };
      planned.stale = !result.ok || !sameSummary(result.summary, previewed);
      if (!result.ok || planned.stale) return { label, changes: [] };
      const origin =
        mode === 'new' ? { kind: 'file' as const, label: fileName } : before.meta.origin;
      // A new portfolio is named after its file, as `baton import` names it.
      const made =
        mode === 'new'
          ? { ...result.portfolio, name: portfolioNameOfFile(fileName) }
          : result.portfolio;
      const next = portfolioToState(made, origin, ORDER_KEYS);
      return { label, changes: replaceState(before, next) };
    });
    if (!stored.ok) {
      const first = stored.problems[0];
      return {
        kind: 'failed',
        message: `Nothing was imported: ${first ? `${first.path}: ${first.message}` : 'the portfolio refused it'}.`,
      };
    }
    const { merged, stale } = planned;
    if (!merged) return { kind: 'failed', message: 'Nothing was imported.' };
    if (stale) return { kind: 'stale', ...merged };
    if (stored.unchanged) return nothing;
    return {
      kind: 'imported',
      text: `Imported ${fileName}: ${summaryText(previewed)}. Undo with Ctrl+Z.`,
    };
  } catch (error) {
    return { kind: 'failed', message: importFailureText(error) };
  }
}
