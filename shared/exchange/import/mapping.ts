/**
 * Guessing how a sheet's columns map onto Baton's fields, from their headers: Baton's own export
 * headers map exactly, common English names by synonyms, and columns named after a criterion, a
 * team or a period fill that item's field.
 */
import { slugify } from '../../portfolio/ids';
import { RANKING_HEADER } from '../tables';
import type { Portfolio } from '../../portfolio/types';
import { modelCriteria } from '../../strategy/scoring';
import { importFields, isFieldOf } from './fields';
import { numberShape } from './numbers';
import { findPeriod, looksLikePeriod, newPeriodId } from './periods';
import {
  IMPORT_TABLE_KINDS,
  type ColumnMapping,
  type ImportTableKind,
  type RawCell,
  type RawTable,
} from './types';

/** A cell as header text: trimmed, numbers as written. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/** A header reduced to compare by: lower case, words separated by single spaces. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** Synonyms per plain field, normalized; Baton's export headers are among them. */
const SYNONYMS: Readonly<Record<ImportTableKind, Readonly<Record<string, readonly string[]>>>> = {
  initiatives: {
    id: ['id', 'initiative id', 'project id', 'key', 'ref', 'reference', 'code'],
    name: ['name', 'initiative', 'initiative name', 'project', 'project name', 'title', 'summary'],
    status: ['status', 'state', 'stage', 'phase'],
    owner: ['owner', 'lead', 'sponsor', 'responsible', 'accountable', 'project manager', 'pm'],
    description: ['description', 'details', 'notes', 'comment', 'comments'],
    objectives: ['objectives', 'objective', 'goals', 'goal', 'okr', 'okrs'],
    value: ['value', 'business value', 'benefit', 'benefits'],
    spend: ['spend', 'cost', 'costs', 'budget', 'spend per period'],
    duration: ['duration', 'periods'],
    earliestStart: ['earliest start', 'not before'],
    latestStart: ['latest start', 'start by'],
    start: ['start', 'start period', 'started'],
    dependsOn: [
      'depends on',
      'dependencies',
      'dependency',
      'prerequisites',
      'predecessors',
      'blocked by',
    ],
    excludes: ['excludes', 'excludes with', 'mutually exclusive with', 'conflicts with'],
    forced: ['forced', 'force'],
    forcedReason: ['forced reason', 'reason forced'],
    estimateRange: ['estimate range', 'uncertainty', 'estimate uncertainty'],
  },
  capacity: {
    team: ['team', 'team id', 'id'],
    name: ['name', 'team name'],
  },
  actuals: {
    initiativeId: ['initiative id', 'initiative', 'project', 'project id', 'initiative name'],
    periodId: ['period id', 'period', 'quarter', 'month'],
    spend: ['spend', 'actual spend', 'cost', 'actual cost'],
    progress: ['progress', 'complete', '% complete', 'percent complete', 'done %'],
    rag: ['rag', 'rag status', 'status', 'health'],
    confidence: ['confidence', 'confidence level'],
    benefit: [
      'benefit',
      'benefit realized',
      'benefit realised',
      'realized benefit',
      'value realized',
    ],
    note: ['note', 'notes', 'comment', 'comments', 'reason'],
  },
  proposals: {
    id: ['id', 'proposal id', 'idea id', 'key', 'ref', 'reference', 'code'],
    title: ['title', 'proposal', 'proposal title', 'idea', 'idea title'],
    problem: ['problem', 'problem statement', 'opportunity', 'problem or opportunity'],
    outcome: ['outcome', 'intended outcome', 'expected outcome', 'benefit', 'benefits'],
    sponsor: ['sponsor', 'business sponsor', 'requested by', 'requester'],
    owner: ['owner', 'lead', 'delivery owner', 'accountable'],
    size: ['size', 't shirt', 't shirt size', 'tshirt', 'tshirt size', 'shirt size'],
    objectives: ['objectives', 'objective', 'goals', 'goal', 'okr', 'okrs'],
    earliestStart: ['earliest start', 'not before'],
    businessCase: ['business case', 'case', 'justification'],
  },
};

const ITEM_HEADER = /^\s*(score|demand|effort|capacity)\s*:\s*(.+?)\s*$/i;

/** The first row with a non-empty cell, 1-based; 1 for a sheet without one. */
export function firstHeaderRow(table: RawTable): number {
  const index = table.rows.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  return index < 0 ? 1 : index + 1;
}

/** The header texts of `headerRow` (1-based). */
export function headerTexts(table: RawTable, headerRow: number): string[] {
  return (table.rows[headerRow - 1] ?? []).map(cellText);
}

/** The header in messages: its text, or "N (no header)" for a column without one. */
export function columnLabel(headers: readonly string[], index: number): string {
  const text = headers[index];
  return text ? text : `${index + 1} (no header)`;
}

/** Finds a team id by id or name (normalized), or null. */
function teamByHeader(portfolio: Portfolio, text: string): string | null {
  const exact = portfolio.teams.find((team) => team.id === text);
  if (exact) return exact.id;
  const key = normalizeHeader(text);
  const named = portfolio.teams.find(
    (team) => normalizeHeader(team.id) === key || normalizeHeader(team.name) === key,
  );
  return named ? named.id : null;
}

/** The field one header fills in a `kind` table, or null. */
function guessField(kind: ImportTableKind, header: string, portfolio: Portfolio): string | null {
  if (header === '') return null;
  const item = ITEM_HEADER.exec(header);
  if (item) {
    const field = (item[1] as string).toLowerCase();
    const name = item[2] as string;
    let fieldId: string | null;
    if (field === 'score') {
      const criterion = modelCriteria(portfolio.scoring).find(
        (c) => !c.computed && (c.id === name || normalizeHeader(c.name) === normalizeHeader(name)),
      );
      fieldId = criterion ? `score:${criterion.id}` : null;
    } else if (field === 'capacity') {
      fieldId = `capacity:${findPeriod(portfolio.periods, name) ?? newPeriodId(name)}`;
    } else {
      fieldId = `${field}:${teamByHeader(portfolio, name) ?? name}`;
    }
    return fieldId !== null && isFieldOf(kind, fieldId, portfolio) ? fieldId : null;
  }
  const key = normalizeHeader(header);
  for (const [field, words] of Object.entries(SYNONYMS[kind])) {
    if (words.includes(key) || normalizeHeader(field) === key) return field;
  }
  if (kind === 'initiatives') {
    const criterion = modelCriteria(portfolio.scoring).find(
      (c) =>
        !c.computed &&
        (normalizeHeader(c.id) === key ||
          normalizeHeader(c.name) === key ||
          `score ${normalizeHeader(c.name)}` === key),
    );
    if (criterion) return `score:${criterion.id}`;
    const demand = /^(?:demand )?(.+?)(?: demand)?$/.exec(key);
    const team = demand ? teamByHeader(portfolio, demand[1] as string) : null;
    if (team) return `demand:${team}`;
    // "Demand Data" for a team the portfolio does not have yet: the import adds it.
    const named = /^demand (.+)$/.exec(key) ?? /^(.+) demand$/.exec(key);
    if (named && slugify(named[1] as string) !== '') return `demand:${slugify(named[1] as string)}`;
  }
  if (kind === 'actuals') {
    const effort = /^(?:effort )?(.+?)(?: effort)?$/.exec(key);
    const team = effort ? teamByHeader(portfolio, effort[1] as string) : null;
    if (team) return `effort:${team}`;
    const named = /^effort (.+)$/.exec(key) ?? /^(.+) effort$/.exec(key);
    if (named && slugify(named[1] as string) !== '') return `effort:${slugify(named[1] as string)}`;
  }
  if (kind === 'capacity') {
    const period = findPeriod(portfolio.periods, header);
    if (period !== null) return `capacity:${period}`;
    if (looksLikePeriod(header)) return `capacity:${newPeriodId(header)}`;
  }
  return null;
}

/** The columns of one kind: each header's field, a field given to its first column only. */
function mappingFor(
  kind: ImportTableKind,
  headers: readonly string[],
  portfolio: Portfolio,
): (string | null)[] {
  const used = new Set<string>();
  return headers.map((header) => {
    const field = guessField(kind, header, portfolio);
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** Headers that only one kind of Baton's tables has: they settle the kind. */
const TELLING: Readonly<Record<ImportTableKind, readonly string[]>> = {
  initiatives: [],
  capacity: ['team', 'team id', 'team name'],
  actuals: ['initiative id', 'period id', 'progress', 'effort'],
  // Not "sponsor" or "title": an initiatives sheet may have those.
  proposals: [
    'proposal',
    'proposal id',
    'idea',
    'problem',
    'outcome',
    'size',
    't shirt',
    't shirt size',
    'business case',
  ],
};

type KindGuess = {
  readonly kind: ImportTableKind;
  readonly columns: (string | null)[];
  /** How well the headers fit the kind: its required fields, telling headers, fields filled. */
  readonly score: number;
};

/** The kind whose fields `headers` fill best (`kind` alone when given; initiatives on a tie). */
function bestKind(
  headers: readonly string[],
  portfolio: Portfolio,
  kind: ImportTableKind | undefined,
): KindGuess {
  let best: KindGuess | null = null;
  for (const candidate of kind ? [kind] : IMPORT_TABLE_KINDS) {
    const columns = mappingFor(candidate, headers, portfolio);
    const required = importFields(candidate, portfolio).filter((field) => field.required);
    const hasRequired = required.every((field) => columns.includes(field.id));
    const telling = headers.filter((header) =>
      TELLING[candidate].some(
        (word) =>
          normalizeHeader(header) === word || normalizeHeader(header).startsWith(`${word} `),
      ),
    ).length;
    // A team sheet without a column per period is not capacity (an initiatives sheet may name
    // its team).
    const noPeriods =
      candidate === 'capacity' && !columns.some((column) => column?.startsWith('capacity:'));
    const score = noPeriods
      ? 0
      : columns.filter((column) => column !== null).length + (hasRequired ? 100 : 0) + telling * 10;
    if (best === null || score > best.score) best = { kind: candidate, columns, score };
  }
  return best as KindGuess;
}

/** How many rows from the top (non-empty ones) may be the header. */
const HEADER_CANDIDATES = 10;

/** A cell that holds a number (`12`, `1,5`, `1,500,000`, `1 000`): data, not a header. */
function isNumberCell(cell: RawCell | undefined): boolean {
  if (typeof cell === 'number') return true;
  const text = cellText(cell);
  return /\d/.test(text) && text.length <= 40 && numberShape(text).kind !== 'bad';
}

/** How many texts of a row repeat one before them: a row of merged group headers has many. */
function repeatedTexts(headers: readonly string[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (key === '') continue;
    if (seen.has(key)) repeats += 1;
    seen.add(key);
  }
  return repeats;
}

/**
 * The mapping Baton guesses for a sheet. The header is the row, among the first non-empty ones
 * and above the first row that holds numbers, whose texts fill the most fields and repeat the
 * least: so a title row or a row of merged group headers ("Initiative", "Initiative", "Demand
 * (FTE)", …) above the field names is passed over; on a tie, the first. `headerRow` (1-based)
 * fixes the header instead. The kind is `kind` when given, else the one whose fields the headers
 * fill best (initiatives on a tie): a sheet of titles with a problem, an outcome or a size is
 * one of proposals.
 */
export function guessMapping(
  table: RawTable,
  portfolio: Portfolio,
  kind?: ImportTableKind,
  headerRow?: number,
): ColumnMapping {
  if (headerRow !== undefined) {
    const chosen = bestKind(headerTexts(table, headerRow), portfolio, kind);
    return { kind: chosen.kind, headerRow, columns: chosen.columns };
  }
  const first = firstHeaderRow(table);
  let best: { headerRow: number; guess: KindGuess; score: number } | null = null;
  let candidates = 0;
  for (let index = first - 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] as readonly RawCell[];
    if (row.every((cell) => cellText(cell) === '')) continue;
    if (candidates > 0 && row.some(isNumberCell)) break;
    const headers = row.map(cellText);
    const guess = bestKind(headers, portfolio, kind);
    const mapped = guess.columns.filter((column) => column !== null).length;
    const score = guess.score - repeatedTexts(headers);
    // A row below the first must name at least two fields, so that a data row with one word
    // that reads like a header ("Notes") is not taken for it.
    if (best === null || (mapped >= 2 && score > best.score)) {
      best = { headerRow: index + 1, guess, score };
    }
    candidates += 1;
    if (candidates >= HEADER_CANDIDATES) break;
  }
  if (best === null) {
    const chosen = bestKind(headerTexts(table, first), portfolio, kind);
    return { kind: chosen.kind, headerRow: first, columns: chosen.columns };
  }
  return { kind: best.guess.kind, headerRow: best.headerRow, columns: best.guess.columns };
}

/**
 * Why a ranking sheet of Baton's export is not imported, as the end of a sentence: the CLI
 * skips it with this warning and the app's sheet step shows it beside the sheet.
 */
export const RANKING_NOT_IMPORTED =
  'a ranking of Baton’s export is computed from the rest, so it is not imported';

/**
 * Whether the sheet is the ranking of Baton's export (its first non-empty row is the ranking's
 * header): its values and starts are computed from the initiatives and the scenario, so
 * importing it as initiatives would fix what Baton computes.
 */
export function isRankingSheet(table: RawTable): boolean {
  const header = headerTexts(table, firstHeaderRow(table)).map((text) => text.toLowerCase());
  return RANKING_HEADER.every((word, index) => header[index] === word);
}

/**
 * The key under which a mapping is remembered: the header row's texts, normalized, so that the
 * next file with the same columns gets the same mapping.
 */
export function headerSignature(table: RawTable, headerRow: number): string {
  const headers = headerTexts(table, headerRow).map(normalizeHeader);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return `headers:${JSON.stringify(headers)}`;
}
