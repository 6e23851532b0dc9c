/**
 * Importing portfolios from spreadsheets and other tools: the public API. A file is read into
 * sheets of cells (CSV here, XLSX in ../xlsx.ts), its columns mapped onto Baton's fields, its rows
 * read into a draft, and the draft merged into a portfolio; Jira and MS Project files make drafts
 * directly.
 */
export * from './types';
export {
  readCsv,
  pickDelimiter,
  MAX_CSV_ROWS,
  MAX_CSV_COLUMNS,
  MAX_CSV_CELL_LENGTH,
} from './csv-read';
export type { CsvDelimiter, CsvReadOptions, CsvReadResult } from './csv-read';
export { importFields, fieldLabel, isFieldOf, splitFieldId } from './fields';
export type { ImportField } from './fields';
export {
  guessMapping,
  headerSignature,
  headerTexts,
  firstHeaderRow,
  isRankingSheet,
  RANKING_NOT_IMPORTED,
  columnLabel,
  normalizeHeader,
} from './mapping';
export { draftFromTable } from './draft';
export type { DraftOptions } from './draft';
export { mergeDraft, mergeDrafted } from './merge';
export { describeIssue, MAX_IMPORT_PROBLEMS } from './issues';
export { readNumberCell, readNumberText } from './numbers';
export type { DecimalSeparator } from './numbers';
export { parseMappingFile, applyMappingFile } from './mapping-file';
export type { MappingFile } from './mapping-file';
export { detectImportFormat, isJiraHeader } from './detect';
export { isJiraTable, jiraDraft, DEFAULT_JIRA_TEAM } from './jira';
export type { JiraOptions } from './jira';
export { isMsProjectXml, msProjectDraft } from './msproject';
