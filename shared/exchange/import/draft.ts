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
import { setOwn } from '../../portfolio/paths';
import { idProblem, nameProblem } from '../../portfolio/restore';
import {
  INITIATIVE_STATUSES,
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
import { readNumberCell, readNumberListCell, readNumberText } from './numbers';
import { findPeriod, newPeriodId, periodFromId } from './periods';
import type {
  ColumnMapping,
  DraftResult,
  ImportFormat,
  ImportIssue,
  RawCell,
  RawTable,
} from './types';

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
 * format (csv unless told).
 */
export function draftFromTable(
  table: RawTable,
  mapping: ColumnMapping,
  portfolio: Portfolio,
  format: ImportFormat = 'csv',
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
  const number = (cell: Cell, min = 0, percent = false): number | undefined => {
    let raw = cell.raw;
    let scale = 1;
    if (percent && typeof raw === 'string' && /%\s*$/.test(raw)) {
      raw = raw.replace(/%\s*$/, '');
      scale = 0.01;
    }
    const read = readNumberCell(raw);
    if (read === null) return undefined;
    const shown = shownCell(cellText(cell.raw));
    if (!read.ok) return void bad(cell, `${shown} is not a number`);
    const value = read.value * scale;
    if (value < min) {
      return void bad(
        cell,
        min === 0 ? `${shown} is negative; Baton takes 0 or more here` : `${shown} is below ${min}`,
      );
    }
    return value;
  };
  const numbers = (cell: Cell): number[] | undefined => {
    const read = readNumberListCell(cell.raw);
    if (read === null) return undefined;
    if (!read.ok) return void bad(cell, read.message);
    if (read.value.some((value) => value < 0)) {
      return void bad(
        cell,
        `${shownCell(cellText(cell.raw))} has a negative number; Baton takes 0 or more here`,
      );
    }
    return read.value;
  };

  const first = mapping.headerRow; // data start after the header row
  const dataRows: { row: readonly RawCell[]; number: number }[] = [];
  for (let index = first; index < table.rows.length; index += 1) {
    const row = table.rows[index] as readonly RawCell[];
    if (!isBlankRow(row)) dataRows.push({ row, number: index + 1 });
  }
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

  const done = (draft: {
    initiatives?: Initiative[];
    teams?: Team[];
    actuals?: Actual[];
  }): DraftResult =>
    problems.count() > 0
      ? fail()
      : {
          ok: true,
          draft: {
            format,
            initiatives: draft.initiatives ?? [],
            teams: [...(draft.teams ?? []), ...newTeams.values()],
            periods: [...newPeriods.values()],
            actuals: draft.actuals ?? [],
            warnings,
          },
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
          warnings.push({
            row: first,
            column: column(index),
            message: `the portfolio has no period "${col}"; the import adds it`,
          });
        }
      }
    }
    const teams: Team[] = [];
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
      teams.push({ id, name: teamName, capacity });
    }
    return done({ teams });
  }

  if (mapping.kind === 'actuals') {
    const effortTeams = itemFields('effort');
    for (const t of effortTeams) team(t, fieldColumn.get(`effort:${t}`) as number);
    const actuals: Actual[] = [];
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
      const noteCell = cellOf(row, rowNumber, 'note');
      const note = noteCell ? text(noteCell, MAX_TEXT_LENGTH) : undefined;
      if (note !== undefined) actual.note = note;
      actuals.push(actual);
    }
    return done({ actuals });
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
  const initiatives: Initiative[] = [];
  /** Cells naming other initiatives, resolved once every row's id is known. */
  const references: { cell: Cell; names: string[]; set: (ids: string[]) => void }[] = [];
  const draftNames = new Map<string, string>();
  /** Objectives the portfolio lacks: where first named, and how many links name them. */
  const missingObjectives = new Map<string, { row: number; col: number; count: number }>();
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
    const objectivesText = objectivesCell
      ? text(objectivesCell, Number.MAX_SAFE_INTEGER)
      : undefined;
    if (objectivesText !== undefined && objectivesCell) {
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
          else missingObjectives.set(ref, { row: rowNumber, col: objectivesCell.col, count: 1 });
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
      initiative.objectives = links;
    }

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
    initiatives.push(initiative);
  }
  for (const [ref, { row, col, count }] of missingObjectives) {
    warnings.push({
      row,
      column: column(col),
      message: `the portfolio has no objective ${shownCell(ref)}; ${count === 1 ? 'the link to it is' : `the ${count} links to it are`} left out`,
    });
  }
  // References by id, or by the name of an initiative in the file or the portfolio.
  const draftIds = new Set(initiatives.map((i) => i.id));
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
