/**
 * Reading a sheet's rows into records, by a column mapping: initiatives, team capacity or
 * actuals. Every cell is checked where it is, so a refusal names its row and column
 * (`row 14, column Spend Q2: "12k€" is not a number`); the file is refused whole.
 *
 * An empty cell leaves the field as it is (a new record gets the default). Records are matched to
 * the portfolio's by id, then by name, so a file without ids updates what it names. Teams and
 * periods the file names that the portfolio lacks are added to the draft.
 */
import { slugify, uniqueId } from '../../portfolio/ids';
import {
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  isEstimateRange,
  ESTIMATE_RANGE_MESSAGE,
  isWellFormedText,
  BROKEN_TEXT_MESSAGE,
  tooLongMessage,
} from '../../portfolio/limits';
import { TSHIRT_SIZES, type Proposal, type TShirtSize } from '../../intake/types';
import { setOwn } from '../../portfolio/paths';
import { idProblem, nameProblem } from '../../portfolio/restore';
import {
  CONFIDENCE_LEVELS,
  INITIATIVE_STATUSES,
  RAG_STATUSES,
  type Actual,
  type Initiative,
  type InitiativeStatus,
  type ObjectiveLink,
  type Period,
  type Portfolio,
  type Team,
} from '../../portfolio/types';
import { isFieldOf, splitFieldId, importFields } from './fields';
import { problemList, shownCell } from './issues';
import { cellText, columnLabel, headerTexts } from './mapping';
import {
  decimalFromEvidence,
  eitherWords,
  numberListShapes,
  numberShape,
  readNumberText,
  shapeValue,
  type DecimalEvidenceSet,
  type DecimalSeparator,
  type NumberShape,
} from './numbers';
import { findPeriod, newPeriodId, periodFromId } from './periods';
import type {
  ColumnMapping,
  DraftResult,
  ImportDraft,
  ImportFormat,
  ImportIssue,
  ImportRecordSource,
  RawCell,
  RawTable,
} from './types';

/** How a sheet is read. */
export type DraftOptions = {
  /**
   * The decimal separator of the user's locale (the number format chosen in Settings; the CLI's
   * `--decimal`). It decides a number such as `1,500` or `2.000`, which reads two ways, when
   * neither its column nor the sheet's other numbers show which separator is the decimal one.
   */
  readonly decimal?: DecimalSeparator;
};

/** The number fields of each kind of table, and which of them hold a number per period. */
function numberField(kind: ColumnMapping['kind'], fieldId: string): 'one' | 'list' | null {
  const { field } = splitFieldId(fieldId);
  if (kind === 'initiatives') {
    if (field === 'spend' || field === 'demand') return 'list';
    return ['value', 'score', 'duration', 'estimateRange'].includes(field) ? 'one' : null;
  }
  if (kind === 'capacity') return field === 'capacity' ? 'one' : null;
  if (kind === 'proposals') return null;
  return ['spend', 'effort', 'progress', 'benefit'].includes(field) ? 'one' : null;
}

/** The first headers of Baton's own export of initiatives and of actuals. */
const EXPORT_HEADERS: readonly (readonly string[])[] = [
  ['id', 'name', 'status', 'owner', 'description', 'objectives'],
  ['initiativeId', 'periodId', 'spend'],
];

/**
 * Whether the sheet is a CSV file of Baton's own export, delimited by commas as Baton writes it:
 * its numbers are written with a decimal point, so that an export imports back unchanged in any
 * locale. (Saved again from a spreadsheet where the comma is the decimal one, it is `;`-delimited.)
 */
function isBatonCsv(table: RawTable, headers: readonly string[]): boolean {
  return (
    table.delimiter === ',' &&
    EXPORT_HEADERS.some((words) => words.every((word, index) => headers[index] === word))
  );
}

/** The text of a number cell without a trailing percent sign. */
function withoutPercent(text: string): string {
  return text.replace(/%\s*$/, '');
}

/** Status words people use, mapped to Baton's statuses (Baton's own are matched as well). */
const STATUS_WORDS: Readonly<Record<string, InitiativeStatus>> = {
  proposed: 'proposed',
  proposal: 'proposed',
  new: 'proposed',
  idea: 'proposed',
  backlog: 'proposed',
  'to do': 'proposed',
  todo: 'proposed',
  open: 'proposed',
  draft: 'proposed',
  approved: 'approved',
  ready: 'approved',
  planned: 'approved',
  committed: 'approved',
  active: 'active',
  'in progress': 'active',
  started: 'active',
  ongoing: 'active',
  running: 'active',
  doing: 'active',
  done: 'done',
  complete: 'done',
  completed: 'done',
  closed: 'done',
  finished: 'done',
  delivered: 'done',
  resolved: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  stopped: 'cancelled',
  dropped: 'cancelled',
  "won't do": 'cancelled',
  'wont do': 'cancelled',
  rejected: 'cancelled',
};

/** T-shirt sizes as people write them ("xl", "Medium"), mapped to Baton's. */
const SIZE_WORDS: Readonly<Record<string, TShirtSize>> = {
  s: 'S',
  small: 'S',
  m: 'M',
  medium: 'M',
  l: 'L',
  large: 'L',
  xl: 'XL',
  'extra large': 'XL',
  xxl: 'XXL',
  'extra extra large': 'XXL',
};

/** Text a spreadsheet was kept from running as a formula: the apostrophe Baton's export adds. */
function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function isBlankRow(row: readonly RawCell[]): boolean {
  return row.every((cell) => cellText(cell) === '');
}

/** Lowercase, trimmed, single-spaced: how names are matched. */
function nameKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A list of ids or names separated by commas or semicolons. */
function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The records a sheet holds, read by `mapping`, against the portfolio they will meet (its
 * criteria, teams, periods, objectives, and the records to match). `format` is the draft's
 * format (csv unless told). A number that reads two ways (`1,500`: a thousand five hundred, or
 * one and a half) is read by the decimal separator its column's other numbers show, else the
 * sheet's, else Baton's own CSV export's point, else `options.decimal`, else a `;`-delimited
 * file's decimal comma; when none says, or its column shows both, it is refused. A refusal carries the records of the rows that did
 * read, for `mergeDrafted` to find the portfolio's problems as well.
 */
export function draftFromTable(
  table: RawTable,
  mapping: ColumnMapping,
  portfolio: Portfolio,
  format: ImportFormat = 'csv',
  options: DraftOptions = {},
): DraftResult {
  const problems = problemList();
  const warnings: ImportIssue[] = [];
  const headers = headerTexts(table, mapping.headerRow);
  const column = (index: number) => columnLabel(headers, index);
  const fail = (): DraftResult => ({
    ok: false,
    problems: problems.listed(),
    problemCount: problems.count(),
  });

  // --- The mapping itself ---
  const fieldColumn = new Map<string, number>();
  mapping.columns.forEach((fieldId, index) => {
    if (fieldId === null) return;
    if (!isFieldOf(mapping.kind, fieldId, portfolio)) {
      problems.add({
        row: mapping.headerRow,
        column: column(index),
        message: `"${fieldId}" is not a field of ${mapping.kind}; choose another field or leave the column out`,
      });
      return;
    }
    const earlier = fieldColumn.get(fieldId);
    if (earlier !== undefined) {
      problems.add({
        row: mapping.headerRow,
        column: column(index),
        message: `column ${column(earlier)} already fills this field; map only one column to it`,
      });
      return;
    }
    fieldColumn.set(fieldId, index);
  });
  for (const field of importFields(mapping.kind, portfolio)) {
    if (field.required && !fieldColumn.has(field.id)) {
      problems.add({
        row: mapping.headerRow,
        message: `no column is mapped to ${field.label}, which ${mapping.kind} need`,
      });
    }
  }
  if (problems.count() > 0) return fail();
  const sourceColumns: Record<string, string> = {};
  for (const [fieldId, index] of fieldColumn) setOwn(sourceColumns, fieldId, column(index));
  const leftOut = headers.filter(
    (header, index) => header !== '' && (mapping.columns[index] ?? null) === null,
  );
  if (leftOut.length > 0) {
    warnings.push({
      row: mapping.headerRow,
      message: `${leftOut.length === 1 ? 'this column is' : `these ${leftOut.length} columns are`} not imported (no field chosen): ${leftOut.join(', ')}`,
    });
  }

  // --- What the rows add besides their records ---
  const newTeams = new Map<string, Team>();
  const newPeriods = new Map<string, Period>();
  /** Where each team and period the file adds was named. */
  const teamSources = new Map<string, ImportRecordSource>();
  const periodSources = new Map<string, ImportRecordSource>();
  const periodsSoFar = (): Period[] => [...portfolio.periods, ...newPeriods.values()];
  /** The id of a period a cell names; a new period when the portfolio has none by that name. */
  const period = (text: string, row: number, col: number): string | null => {
    const found = findPeriod(periodsSoFar(), text);
    if (found !== null) return found;
    const id = newPeriodId(text);
    const problem = idProblem(id);
    if (problem) {
      problems.add({ row, column: column(col), message: `period ${shownCell(text)}: ${problem}` });
      return null;
    }
    newPeriods.set(id, periodFromId(id));
    periodSources.set(id, { row, column: column(col) });
    warnings.push({
      row,
      column: column(col),
      message: `the portfolio has no period ${shownCell(text)}; the import adds it`,
    });
    return id;
  };
  const team = (id: string, col: number): string => {
    if (!portfolio.teams.some((t) => t.id === id) && !newTeams.has(id)) {
      newTeams.set(id, { id, name: id, capacity: {} });
      teamSources.set(id, { row: mapping.headerRow, column: column(col) });
      warnings.push({
        row: mapping.headerRow,
        column: column(col),
        message: `the portfolio has no team "${id}"; the import adds it`,
      });
    }
    return id;
  };

  // --- Cells ---
  type Cell = { readonly raw: RawCell; readonly row: number; readonly col: number };
  const bad = (cell: Cell, message: string) =>
    problems.add({ row: cell.row, column: column(cell.col), message });
  const text = (cell: Cell, max: number): string | undefined => {
    const value = unescapeFormula(cellText(cell.raw));
    if (value === '') return undefined;
    if (!isWellFormedText(value)) return void bad(cell, BROKEN_TEXT_MESSAGE);
    if (value.length > max) return void bad(cell, tooLongMessage(max, value.length));
    return value;
  };
  /** The value of a number's shape in the column `col`, or undefined when it stays ambiguous. */
  const valueIn = (shape: NumberShape, text: string, cell: Cell): number | undefined => {
    if (shape.kind === 'bad') return void bad(cell, `${shownCell(text)} is not a number`);
    if (shape.kind === 'number') return shape.value;
    const decided = decimalOf(cell.col);
    if (typeof decided === 'string') return shapeValue(shape, decided);
    const whole = shownCell(cellText(cell.raw));
    const shown = shownCell(text);
    return void bad(
      cell,
      `${shown}${shown === whole ? '' : ` in ${whole}`} could be ${eitherWords(shape)}, and ${decided.why}; write it as ${shape.asGroup} or ${shape.asDecimal}${decided.hint}`,
    );
  };
  const number = (cell: Cell, min = 0, percent = false): number | undefined => {
    const raw = cell.raw;
    if (raw === null) return undefined;
    let scale = 1;
    let value: number | undefined;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw)) return void bad(cell, `${shownCell(String(raw))} is not a number`);
      value = raw;
    } else if (typeof raw === 'boolean') {
      return void bad(cell, `${shownCell(String(raw).toUpperCase())} is not a number`);
    } else {
      if (raw.trim() === '') return undefined;
      let body = raw;
      if (percent && /%\s*$/.test(body)) {
        body = withoutPercent(body);
        scale = 0.01;
      }
      const shape = numberShape(body);
      if (shape.kind === 'bad') return void bad(cell, `${shownCell(raw)} is not a number`);
      value = valueIn(shape, raw.trim(), cell);
      if (value === undefined) return undefined;
    }
    const shown = shownCell(cellText(cell.raw));
    value *= scale;
    if (value < min) {
      return void bad(
        cell,
        min === 0 ? `${shown} is negative; Baton takes 0 or more here` : `${shown} is below ${min}`,
      );
    }
    return value;
  };
  const numbers = (cell: Cell): number[] | undefined => {
    const read = numberListShapes(cell.raw);
    if (read === null) return undefined;
    if (!read.ok) return void bad(cell, read.message);
    const values: number[] = [];
    for (const { text: itemText, shape } of read.items) {
      const value = valueIn(shape, itemText, cell);
      if (value === undefined) return undefined;
      values.push(value);
    }
    if (values.some((value) => value < 0)) {
      return void bad(
        cell,
        `${shownCell(cellText(cell.raw))} has a negative number; Baton takes 0 or more here`,
      );
    }
    return values;
  };

  const first = mapping.headerRow; // data start after the header row
  const dataRows: { row: readonly RawCell[]; number: number }[] = [];
  for (let index = first; index < table.rows.length; index += 1) {
    const row = table.rows[index] as readonly RawCell[];
    if (!isBlankRow(row)) dataRows.push({ row, number: index + 1 });
  }

  // --- Columns of data without a header, which no field reads ---
  headers.forEach((header, index) => {
    if (header !== '' || (mapping.columns[index] ?? null) !== null) return;
    const filled = dataRows.filter(({ row }) => cellText(row[index]) !== '').length;
    if (filled === 0) return;
    warnings.push({
      row: mapping.headerRow,
      column: column(index),
      message: `${filled === 1 ? '1 cell with data is' : `${filled} cells with data are`} not imported; give the column a header, or choose a field for it`,
    });
  });

  // --- Which separator is the decimal one, per column of numbers ---
  /** Per column, the first numbers whose form shows a decimal point and a decimal comma. */
  const columnEvidence = new Map<number, DecimalEvidenceSet>();
  const sheetEvidence: DecimalEvidenceSet = {};
  const note = (col: number, shape: NumberShape, row: number, text: string) => {
    if (shape.kind !== 'number' || shape.decimal === undefined) return;
    const evidence = columnEvidence.get(col) ?? {};
    columnEvidence.set(col, evidence);
    evidence[shape.decimal] ??= { row, text };
    sheetEvidence[shape.decimal] ??= { row, text };
  };
  for (const [fieldId, col] of fieldColumn) {
    const kind = numberField(mapping.kind, fieldId);
    if (kind === null) continue;
    for (const { row, number: rowNumber } of dataRows) {
      const raw = row[col];
      if (typeof raw !== 'string') continue;
      if (kind === 'list') {
        const read = numberListShapes(raw);
        if (read?.ok) for (const item of read.items) note(col, item.shape, rowNumber, item.text);
      } else if (raw.trim() !== '') {
        note(col, numberShape(withoutPercent(raw)), rowNumber, raw.trim());
      }
    }
  }
  const shows = (evidence: DecimalEvidenceSet, decimal: DecimalSeparator) => {
    const example = evidence[decimal] as { row: number; text: string };
    return `row ${example.row}: ${shownCell(example.text)}`;
  };
  /** The decimal separator of a column, or why it stays open (and what else would settle it). */
  const decimalOf = (
    col: number,
  ): DecimalSeparator | { readonly why: string; readonly hint: string } => {
    const own = columnEvidence.get(col) ?? {};
    const mine = decimalFromEvidence(own);
    if (mine === 'both') {
      return {
        why: `this column has numbers written both ways, with "." as the decimal separator (${shows(own, '.')}) and with "," (${shows(own, ',')})`,
        hint: '',
      };
    }
    if (mine !== null) return mine;
    const sheet = decimalFromEvidence(sheetEvidence);
    if (sheet === '.' || sheet === ',') return sheet;
    if (isBatonCsv(table, headers)) return '.';
    if (options.decimal !== undefined) return options.decimal;
    if (table.delimiter === ';') return ',';
    return {
      why: 'nothing else in the file shows which separator is its decimal one',
      hint: ', or give the decimal separator the file uses (--decimal on the command line)',
    };
  };

  const cellOf = (row: readonly RawCell[], rowNumber: number, fieldId: string): Cell | null => {
    const col = fieldColumn.get(fieldId);
    if (col === undefined) return null;
    return { raw: row[col] ?? null, row: rowNumber, col };
  };
  const itemFields = (prefix: string) =>
    [...fieldColumn.keys()].flatMap((fieldId) => {
      const split = splitFieldId(fieldId);
      return 'item' in split && split.field === prefix ? [split.item] : [];
    });

  /** Where each record of a kind was read: its row. */
  const rowsOf = (records: readonly { readonly row: number }[]): ImportRecordSource[] =>
    records.map(({ row }) => ({ row }));
  const done = (read: {
    initiatives?: { record: Initiative; row: number }[];
    teams?: { record: Team; row: number }[];
    actuals?: { record: Actual; row: number }[];
    proposals?: { record: Proposal; row: number }[];
  }): DraftResult => {
    const draft: ImportDraft = {
      format,
      initiatives: (read.initiatives ?? []).map(({ record }) => record),
      teams: [...(read.teams ?? []).map(({ record }) => record), ...newTeams.values()],
      periods: [...newPeriods.values()],
      actuals: (read.actuals ?? []).map(({ record }) => record),
      ...(read.proposals && { proposals: read.proposals.map(({ record }) => record) }),
      warnings,
      sources: {
        columns: sourceColumns,
        initiatives: rowsOf(read.initiatives ?? []),
        teams: [
          ...rowsOf(read.teams ?? []),
          ...[...newTeams.keys()].map((id) => teamSources.get(id) as ImportRecordSource),
        ],
        periods: [...newPeriods.keys()].map((id) => periodSources.get(id) as ImportRecordSource),
        actuals: rowsOf(read.actuals ?? []),
        ...(read.proposals && { proposals: rowsOf(read.proposals) }),
      },
    };
    return problems.count() > 0 ? { ...fail(), draft } : { ok: true, draft };
  };

  if (mapping.kind === 'capacity') {
    const capacityPeriods = itemFields('capacity');
    for (const col of capacityPeriods) {
      const index = fieldColumn.get(`capacity:${col}`) as number;
      if (!portfolio.periods.some((p) => p.id === col) && !newPeriods.has(col)) {
        const problem = idProblem(col);
        if (problem) {
          problems.add({
            row: first,
            column: column(index),
            message: `period "${col}": ${problem}`,
          });
        } else {
          newPeriods.set(col, periodFromId(col));
          periodSources.set(col, { row: first, column: column(index) });
          warnings.push({
            row: first,
            column: column(index),
            message: `the portfolio has no period "${col}"; the import adds it`,
          });
        }
      }
    }
    const teams: { record: Team; row: number }[] = [];
    const seen = new Map<string, number>();
    const taken = new Set(portfolio.teams.map((t) => t.id));
    for (const { row, number: rowNumber } of dataRows) {
      const idCell = cellOf(row, rowNumber, 'team');
      const nameCell = cellOf(row, rowNumber, 'name') as Cell;
      const givenId = idCell ? text(idCell, Number.MAX_SAFE_INTEGER) : undefined;
      const name = text(nameCell, Number.MAX_SAFE_INTEGER);
      let id = givenId;
      const existing = portfolio.teams.find((t) =>
        givenId !== undefined
          ? t.id === givenId
          : name !== undefined && nameKey(t.name) === nameKey(name),
      );
      if (id === undefined)
        id =
          existing?.id ?? (name ? uniqueId(name, new Set([...taken, ...seen.keys()])) : undefined);
      if (id === undefined) {
        bad(nameCell, 'a team needs a name (or an id)');
        continue;
      }
      const idIssue = idProblem(id);
      if (idIssue && idCell) bad(idCell, idIssue);
      const teamName = name ?? existing?.name ?? id;
      const nameIssue = nameProblem(teamName);
      if (nameIssue) bad(nameCell, nameIssue);
      const again = seen.get(id);
      if (again !== undefined) {
        bad(idCell ?? nameCell, `the team "${id}" is also on row ${again}; give each team one row`);
        continue;
      }
      seen.set(id, rowNumber);
      const capacity: Record<string, number> = {};
      for (const p of capacityPeriods) {
        const amount = number(cellOf(row, rowNumber, `capacity:${p}`) as Cell);
        if (amount !== undefined) setOwn(capacity, p, amount);
      }
      teams.push({ record: { id, name: teamName, capacity }, row: rowNumber });
    }
    return done({ teams });
  }

  if (mapping.kind === 'actuals') {
    const effortTeams = itemFields('effort');
    for (const t of effortTeams) team(t, fieldColumn.get(`effort:${t}`) as number);
    const actuals: { record: Actual; row: number }[] = [];
    const seen = new Map<string, number>();
    const byName = new Map<string, string>();
    for (const i of portfolio.initiatives)
      if (!byName.has(nameKey(i.name))) byName.set(nameKey(i.name), i.id);
    const ids = new Set(portfolio.initiatives.map((i) => i.id));
    for (const { row, number: rowNumber } of dataRows) {
      const initiativeCell = cellOf(row, rowNumber, 'initiativeId') as Cell;
      const periodCell = cellOf(row, rowNumber, 'periodId') as Cell;
      const initiativeText = text(initiativeCell, Number.MAX_SAFE_INTEGER);
      const periodText = text(periodCell, Number.MAX_SAFE_INTEGER);
      let initiativeId: string | undefined;
      if (initiativeText === undefined)
        bad(initiativeCell, 'an actual needs the initiative it is for');
      else {
        initiativeId = ids.has(initiativeText)
          ? initiativeText
          : byName.get(nameKey(initiativeText));
        if (initiativeId === undefined) {
          bad(
            initiativeCell,
            `the portfolio has no initiative with the id or name ${shownCell(initiativeText)}`,
          );
        }
      }
      let periodId: string | null = null;
      if (periodText === undefined) bad(periodCell, 'an actual needs the period it is for');
      else periodId = period(periodText, rowNumber, periodCell.col);
      if (initiativeId === undefined || periodId === null) continue;
      const key = `${initiativeId}\u0000${periodId}`;
      const again = seen.get(key);
      if (again !== undefined) {
        bad(
          initiativeCell,
          `row ${again} already has the actuals of this initiative in this period`,
        );
        continue;
      }
      seen.set(key, rowNumber);
      const actual: { -readonly [K in keyof Actual]: Actual[K] } = { initiativeId, periodId };
      const spend = cellOf(row, rowNumber, 'spend');
      const spent = spend ? number(spend) : undefined;
      if (spent !== undefined) actual.spend = spent;
      const effort: Record<string, number> = {};
      for (const t of effortTeams) {
        const amount = number(cellOf(row, rowNumber, `effort:${t}`) as Cell);
        if (amount !== undefined) setOwn(effort, t, amount);
      }
      if (Object.keys(effort).length > 0) actual.effort = effort;
      const progressCell = cellOf(row, rowNumber, 'progress');
      const progress = progressCell ? number(progressCell, 0, true) : undefined;
      if (progress !== undefined) {
        if (progress > 1)
          bad(
            progressCell as Cell,
            `${shownCell(cellText(progressCell?.raw ?? null))} is more than all of it; give a share from 0 to 1 (0.5) or a percentage (50%)`,
          );
        else actual.progress = progress;
      }
      const word = <T extends string>(
        field: string,
        words: readonly T[],
        what: string,
      ): T | undefined => {
        const cell = cellOf(row, rowNumber, field);
        const given = cell ? text(cell, Number.MAX_SAFE_INTEGER) : undefined;
        if (given === undefined || !cell) return undefined;
        const found = words.find((entry) => entry === nameKey(given));
        if (found === undefined) {
          bad(cell, `${shownCell(given)} is not ${what}; use ${words.join(', ')}`);
        }
        return found;
      };
      const rag = word('rag', RAG_STATUSES, 'a RAG status');
      if (rag !== undefined) actual.rag = rag;
      const confidence = word('confidence', CONFIDENCE_LEVELS, 'a confidence level');
      if (confidence !== undefined) actual.confidence = confidence;
      const benefitCell = cellOf(row, rowNumber, 'benefit');
      const benefit = benefitCell ? number(benefitCell) : undefined;
      if (benefit !== undefined) actual.benefit = benefit;
      const noteCell = cellOf(row, rowNumber, 'note');
      const note = noteCell ? text(noteCell, MAX_TEXT_LENGTH) : undefined;
      if (note !== undefined) actual.note = note;
      actuals.push({ record: actual, row: rowNumber });
    }
    return done({ actuals });
  }

  /** Objectives the portfolio lacks: where first named, and how many links name them. */
  const missingObjectives = new Map<string, { row: number; col: number; count: number }>();
  /** The links of an objectives cell ("grow:3, retain"); undefined when it is empty. */
  const objectiveLinks = (objectivesCell: Cell): ObjectiveLink[] | undefined => {
    const objectivesText = text(objectivesCell, Number.MAX_SAFE_INTEGER);
    if (objectivesText === undefined) return undefined;
    const links: ObjectiveLink[] = [];
    for (const part of splitList(objectivesText)) {
      const match = /^(.*?)(?:\s*:\s*([^:]*))?$/.exec(part) as RegExpExecArray;
      const ref = (match[1] as string).trim();
      const contributionText = match[2];
      const objective =
        portfolio.objectives.find((o) => o.id === ref) ??
        portfolio.objectives.find((o) => nameKey(o.name) === nameKey(ref));
      if (!objective) {
        const missing = missingObjectives.get(ref);
        if (missing) missing.count += 1;
        else
          missingObjectives.set(ref, {
            row: objectivesCell.row,
            col: objectivesCell.col,
            count: 1,
          });
        continue;
      }
      let contribution = 1;
      if (contributionText !== undefined && contributionText.trim() !== '') {
        const read = readNumberText(contributionText);
        if (!read.ok || ![1, 2, 3].includes(read.value)) {
          bad(
            objectivesCell,
            `the contribution to ${shownCell(ref)} is ${shownCell(contributionText)}; give a whole number from 1 to 3, as in ${objective.id}:2`,
          );
          continue;
        }
        contribution = read.value;
      }
      if (links.some((link) => link.id === objective.id)) {
        bad(objectivesCell, `the objective ${shownCell(ref)} is named twice`);
        continue;
      }
      links.push({ id: objective.id, contribution });
    }
    return links;
  };
  const warnMissingObjectives = () => {
    for (const [ref, { row, col, count }] of missingObjectives) {
      warnings.push({
        row,
        column: column(col),
        message: `the portfolio has no objective ${shownCell(ref)}; ${count === 1 ? 'the link to it is' : `the ${count} links to it are`} left out`,
      });
    }
  };

  if (mapping.kind === 'proposals') {
    const existingProposals = portfolio.proposals ?? [];
    const proposalById = new Map(existingProposals.map((p) => [p.id, p]));
    const proposalByTitle = new Map<string, Proposal>();
    for (const p of existingProposals)
      if (!proposalByTitle.has(nameKey(p.title))) proposalByTitle.set(nameKey(p.title), p);
    const takenIds = new Set(proposalById.keys());
    const seenIds = new Map<string, number>();
    const proposals: { record: Proposal; row: number }[] = [];
    for (const { row, number: rowNumber } of dataRows) {
      const get = (fieldId: string) => cellOf(row, rowNumber, fieldId);
      const idCell = get('id');
      const titleCell = get('title') as Cell;
      const givenId = idCell ? text(idCell, Number.MAX_SAFE_INTEGER) : undefined;
      const givenTitle = text(titleCell, Number.MAX_SAFE_INTEGER);
      const existing =
        givenId !== undefined
          ? proposalById.get(givenId)
          : givenTitle !== undefined
            ? proposalByTitle.get(nameKey(givenTitle))
            : undefined;
      const title = givenTitle ?? existing?.title;
      if (title === undefined) {
        bad(titleCell, 'a proposal needs a title');
        continue;
      }
      const titleIssue = nameProblem(title);
      if (titleIssue) bad(titleCell, titleIssue);
      let id = givenId ?? existing?.id;
      if (id === undefined) {
        id = uniqueId(title, takenIds);
        if (slugify(title) === '') id = uniqueId('proposal', takenIds);
      }
      const idIssue = idProblem(id);
      if (idIssue) {
        bad(idCell ?? titleCell, idIssue);
        continue;
      }
      const again = seenIds.get(id);
      if (again !== undefined) {
        bad(
          idCell ?? titleCell,
          `the proposal ${shownCell(id)} is also on row ${again}; give each proposal one row`,
        );
        continue;
      }
      seenIds.set(id, rowNumber);
      takenIds.add(id);
      // The stage and history are the merge's to give (see ImportDraft.proposals).
      const proposal: { -readonly [K in keyof Proposal]: Proposal[K] } = {
        id,
        title,
        stage: 'draft',
        history: [],
      };
      for (const [key, max] of [
        ['problem', MAX_TEXT_LENGTH],
        ['outcome', MAX_TEXT_LENGTH],
        ['sponsor', MAX_NAME_LENGTH],
        ['owner', MAX_NAME_LENGTH],
        ['businessCase', MAX_TEXT_LENGTH],
      ] as const) {
        const cell = get(key);
        const value = cell ? text(cell, max) : undefined;
        if (value !== undefined) proposal[key] = value;
      }
      const sizeCell = get('size');
      const sizeText = sizeCell ? text(sizeCell, Number.MAX_SAFE_INTEGER) : undefined;
      if (sizeText !== undefined && sizeCell) {
        const size = SIZE_WORDS[nameKey(sizeText)];
        if (size === undefined) {
          bad(
            sizeCell,
            `${shownCell(sizeText)} is not a t-shirt size; use one of ${TSHIRT_SIZES.join(', ')}`,
          );
        } else proposal.size = size;
      }
      const objectivesCell = get('objectives');
      const links = objectivesCell ? objectiveLinks(objectivesCell) : undefined;
      if (links !== undefined) proposal.objectives = links;
      const startCell = get('earliestStart');
      const startText = startCell ? text(startCell, Number.MAX_SAFE_INTEGER) : undefined;
      if (startText !== undefined && startCell) {
        const periodId = period(startText, rowNumber, startCell.col);
        if (periodId !== null) proposal.earliestStart = periodId;
      }
      proposals.push({ record: proposal, row: rowNumber });
    }
    warnMissingObjectives();
    return done({ proposals });
  }

  // --- Initiatives ---
  const scoreIds = itemFields('score');
  const demandTeams = itemFields('demand');
  for (const t of demandTeams) team(t, fieldColumn.get(`demand:${t}`) as number);
  const byId = new Map(portfolio.initiatives.map((i) => [i.id, i]));
  const byName = new Map<string, Initiative>();
  for (const i of portfolio.initiatives)
    if (!byName.has(nameKey(i.name))) byName.set(nameKey(i.name), i);
  const taken = new Set(byId.keys());
  const seen = new Map<string, number>();
  const initiatives: { record: Initiative; row: number }[] = [];
  /** Cells naming other initiatives, resolved once every row's id is known. */
  const references: { cell: Cell; names: string[]; set: (ids: string[]) => void }[] = [];
  const draftNames = new Map<string, string>();
  for (const { row, number: rowNumber } of dataRows) {
    const get = (fieldId: string) => cellOf(row, rowNumber, fieldId);
    const idCell = get('id');
    const nameCell = get('name') as Cell;
    const givenId = idCell ? text(idCell, Number.MAX_SAFE_INTEGER) : undefined;
    const givenName = text(nameCell, Number.MAX_SAFE_INTEGER);
    const existing =
      givenId !== undefined
        ? byId.get(givenId)
        : givenName !== undefined
          ? byName.get(nameKey(givenName))
          : undefined;
    const name = givenName ?? existing?.name;
    if (name === undefined) {
      bad(nameCell, 'an initiative needs a name');
      continue;
    }
    const nameIssue = nameProblem(name);
    if (nameIssue) bad(nameCell, nameIssue);
    let id = givenId ?? existing?.id;
    if (id === undefined) {
      id = uniqueId(name, taken);
      if (slugify(name) === '') id = uniqueId('initiative', taken);
    }
    const idIssue = idProblem(id);
    if (idIssue) {
      bad(idCell ?? nameCell, idIssue);
      continue;
    }
    const again = seen.get(id);
    if (again !== undefined) {
      bad(
        idCell ?? nameCell,
        `the initiative ${shownCell(id)} is also on row ${again}; give each initiative one row`,
      );
      continue;
    }
    seen.set(id, rowNumber);
    taken.add(id);
    if (!draftNames.has(nameKey(name))) draftNames.set(nameKey(name), id);

    const initiative: { -readonly [K in keyof Initiative]: Initiative[K] } = {
      id,
      name,
      status: existing?.status ?? 'proposed',
    };
    const statusCell = get('status');
    const statusText = statusCell ? text(statusCell, Number.MAX_SAFE_INTEGER) : undefined;
    if (statusText !== undefined && statusCell) {
      const status =
        STATUS_WORDS[nameKey(statusText)] ??
        (INITIATIVE_STATUSES as readonly string[]).find((s) => s === nameKey(statusText));
      if (status === undefined) {
        bad(
          statusCell,
          `${shownCell(statusText)} is not a status Baton knows; use one of ${INITIATIVE_STATUSES.join(', ')}`,
        );
      } else initiative.status = status as InitiativeStatus;
    }
    const owner = get('owner');
    const ownerText = owner ? text(owner, MAX_NAME_LENGTH) : undefined;
    if (ownerText !== undefined) initiative.owner = ownerText;
    const description = get('description');
    const descriptionText = description ? text(description, MAX_TEXT_LENGTH) : undefined;
    if (descriptionText !== undefined) initiative.description = descriptionText;
    const forcedReason = get('forcedReason');
    const reasonText = forcedReason ? text(forcedReason, MAX_TEXT_LENGTH) : undefined;
    if (reasonText !== undefined) initiative.forcedReason = reasonText;

    const objectivesCell = get('objectives');
    const links = objectivesCell ? objectiveLinks(objectivesCell) : undefined;
    if (links !== undefined) initiative.objectives = links;

    const scores: Record<string, number> = {};
    for (const criterion of scoreIds) {
      const value = number(get(`score:${criterion}`) as Cell);
      if (value !== undefined) setOwn(scores, criterion, value);
    }
    if (Object.keys(scores).length > 0) initiative.scores = scores;
    const valueCell = get('value');
    const value = valueCell ? number(valueCell) : undefined;
    if (value !== undefined) initiative.value = value;
    const demand: Record<string, readonly number[]> = {};
    for (const t of demandTeams) {
      const list = numbers(get(`demand:${t}`) as Cell);
      if (list !== undefined) setOwn(demand, t, list);
    }
    if (Object.keys(demand).length > 0) initiative.demand = demand;
    const spendCell = get('spend');
    const spend = spendCell ? numbers(spendCell) : undefined;
    if (spend !== undefined) initiative.spend = spend;
    const durationCell = get('duration');
    const duration = durationCell ? number(durationCell, 1) : undefined;
    if (duration !== undefined && durationCell) {
      if (!Number.isInteger(duration))
        bad(
          durationCell,
          `${shownCell(cellText(durationCell.raw))} is not a whole number of periods`,
        );
      else initiative.duration = duration;
    }
    for (const key of ['earliestStart', 'latestStart', 'start'] as const) {
      const cell = get(key);
      const periodText = cell ? text(cell, Number.MAX_SAFE_INTEGER) : undefined;
      if (periodText !== undefined && cell) {
        const id = period(periodText, rowNumber, cell.col);
        if (id !== null) initiative[key] = id;
      }
    }
    for (const key of ['dependsOn', 'excludes'] as const) {
      const cell = get(key);
      const listText = cell ? text(cell, Number.MAX_SAFE_INTEGER) : undefined;
      if (listText !== undefined && cell) {
        references.push({
          cell,
          names: splitList(listText),
          set: (ids) => {
            initiative[key] = ids;
          },
        });
      }
    }
    const forcedCell = get('forced');
    const forcedText = forcedCell ? text(forcedCell, Number.MAX_SAFE_INTEGER) : undefined;
    if (forcedText !== undefined && forcedCell) {
      const key = nameKey(forcedText);
      if (key === 'in' || key === 'out') initiative.forced = key;
      else
        bad(
          forcedCell,
          `${shownCell(forcedText)} is not a way to force an initiative; use in or out, or leave the cell empty`,
        );
    }
    const rangeCell = get('estimateRange');
    const range = rangeCell ? number(rangeCell, 0, true) : undefined;
    if (range !== undefined && rangeCell) {
      if (!isEstimateRange(range))
        bad(rangeCell, `${shownCell(cellText(rangeCell.raw))}: ${ESTIMATE_RANGE_MESSAGE}`);
      else initiative.estimateRange = range;
    }
    initiatives.push({ record: initiative, row: rowNumber });
  }
  warnMissingObjectives();
  // References by id, or by the name of an initiative in the file or the portfolio.
  const draftIds = new Set(initiatives.map(({ record }) => record.id));
  for (const { cell, names, set } of references) {
    const ids: string[] = [];
    for (const ref of names) {
      const id =
        draftIds.has(ref) || byId.has(ref)
          ? ref
          : (draftNames.get(nameKey(ref)) ?? byName.get(nameKey(ref))?.id);
      if (id === undefined) {
        bad(
          cell,
          `there is no initiative with the id or name ${shownCell(ref)} in the file or the portfolio`,
        );
      } else if (!ids.includes(id)) ids.push(id);
    }
    set(ids);
  }
  return done({ initiatives });
}
