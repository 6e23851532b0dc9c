/**
 * What an import reads and makes: the sheets of a file as plain cells, how their columns map onto
 * Baton's fields, the draft of records read from them, and what merging the draft into a
 * portfolio adds, updates and leaves unchanged. Every step refuses with problems that name the
 * row and the column (or the path) in words, and changes nothing.
 */
import type { Proposal } from '../../intake/types';
import type { Actual, Initiative, Period, Portfolio, Team } from '../../portfolio/types';

/** The kinds of file Baton imports. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'jira', 'msproject'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A cell as a file holds it: text, a number, a truth value, or nothing. */
export type RawCell = string | number | boolean | null;

/** One sheet (a CSV file is one sheet): every row as read, the header row included. */
export type RawTable = {
  /** The sheet's name (a CSV file's name without its extension). */
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
  /**
   * The delimiter of the CSV file the sheet was read from. A file delimited by `;` comes from a
   * spreadsheet where the comma is the decimal separator, which decides numbers such as `1,500`
   * when nothing else does.
   */
  readonly delimiter?: ',' | ';' | '\t';
};

/** The kinds of table a spreadsheet import fills. */
export const IMPORT_TABLE_KINDS = ['initiatives', 'capacity', 'actuals', 'proposals'] as const;
export type ImportTableKind = (typeof IMPORT_TABLE_KINDS)[number];

/**
 * Where an import problem or warning is. `row` is the row number a spreadsheet shows (the header
 * is row 1); `column` is the column's header text as the file has it; `path` is for files that
 * are not tables (an MSPDI element, a JSON key).
 */
export type ImportPlace = {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly path?: string;
};

/** A problem that refuses the import, or a warning that does not; `message` is a full sentence. */
export type ImportIssue = ImportPlace & { readonly message: string };

/**
 * How a sheet's columns map onto Baton's fields: for each column (by its position), the field it
 * fills, or null to leave it out. Field ids are those of `importFields(kind, portfolio)`, e.g.
 * `name`, `status`, `score:reach`, `demand:platform`.
 */
export type ColumnMapping = {
  readonly kind: ImportTableKind;
  /** One entry per column of the header row. */
  readonly columns: readonly (string | null)[];
  /** The row of the header (1-based as a spreadsheet shows it); the data follow it. */
  readonly headerRow: number;
};

/** Where a drafted record (or a team or period the file adds) was read: its row, maybe a column. */
export type ImportRecordSource = { readonly row: number; readonly column?: string };

/**
 * Where the records of a draft read from a sheet came from, so that a problem the merge finds
 * with a record (`initiatives[0].demand.platform[0]`) is told by the row and column it came from.
 */
export type ImportSources = {
  /** The column each field was read from: field id (`demand:platform`) → header text. */
  readonly columns: Readonly<Record<string, string>>;
  /** One per record of the draft's list of the same name, in the same order. */
  readonly initiatives: readonly ImportRecordSource[];
  readonly teams: readonly ImportRecordSource[];
  readonly periods: readonly ImportRecordSource[];
  readonly actuals: readonly ImportRecordSource[];
  /** One per proposal of the draft, when it has proposals. */
  readonly proposals?: readonly ImportRecordSource[];
};

/** Records read from a file, before they meet the portfolio. */
export type ImportDraft = {
  readonly format: ImportFormat;
  readonly initiatives: readonly Initiative[];
  /** Teams with the capacity the file gives (capacity sheets, MSPDI resources). */
  readonly teams: readonly Team[];
  /** Periods the file needs that the portfolio may not have yet (dates turned into periods). */
  readonly periods: readonly Period[];
  readonly actuals: readonly Actual[];
  /**
   * Proposals for the intake gate. Their `stage` and `history` are not the file's: the merge
   * brings a new one in as a Draft dated the day of the import, and a matched one keeps its own.
   */
  readonly proposals?: readonly Proposal[];
  /** What was read but not taken, and why (a wide row, an SS link, an unknown status). */
  readonly warnings: readonly ImportIssue[];
  /** Where each record was read, when the draft was read from a sheet (`draftFromTable`). */
  readonly sources?: ImportSources;
};

export type DraftResult =
  | { readonly ok: true; readonly draft: ImportDraft }
  | {
      readonly ok: false;
      /** The first problems found, at most 100, in file order. */
      readonly problems: readonly ImportIssue[];
      /** How many problems there are in all. */
      readonly problemCount: number;
      /**
       * The records of the rows that did read, when the mapping itself was sound: merging them
       * (`mergeDrafted`) finds the portfolio's problems too, so that all are told at once.
       */
      readonly draft?: ImportDraft;
    };

/** Merge into the current portfolio (match by id, then by name), or start a new one from it. */
export type MergeMode = 'merge' | 'new';

/** The ids a merge adds, updates and finds unchanged, for one kind of record. */
export type MergeCounts = {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
};

export type MergeSummary = {
  readonly initiatives: MergeCounts;
  readonly teams: MergeCounts;
  readonly periods: MergeCounts;
  readonly actuals: MergeCounts;
  /** Present when the draft had proposals. */
  readonly proposals?: MergeCounts;
};

export type MergeResult =
  | { readonly ok: true; readonly portfolio: Portfolio; readonly summary: MergeSummary }
  | {
      readonly ok: false;
      readonly problems: readonly ImportIssue[];
      readonly problemCount: number;
    };
