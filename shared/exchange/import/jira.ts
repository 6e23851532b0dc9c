/**
 * A Jira CSV export ("Export › CSV (all fields)") as a draft: epics become initiatives, the story
 * points of the issues under them roll up to demand, "blocks" links become dependencies and
 * statuses map onto Baton's. Both header sets are read: the classic Server/Data Center one
 * (`Custom field (Epic Link)`, `Custom field (Story Points)`, `Parent id`, `Fix Version/s`) and the
 * Cloud one (`Parent` holding the parent's issue id, `Parent key`, `Custom field (Story point
 * estimate)`, `Fix versions`). The table is read without a header map (papaparse `header: false`),
 * so repeated columns (`Sprint`, `Labels`, `Fix Version/s`, links) all count.
 */
import { slugify } from '../../portfolio/ids';
import { MAX_CAPACITY, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../portfolio/limits';
import type { Initiative, InitiativeStatus, Period, Portfolio, Team } from '../../portfolio/types';
import { periodCalendar, twoDecimals, validIsoDate, type PeriodCalendar } from './dated-work';
import { problemList, shownCell } from './issues';
import { readNumberCell } from './numbers';
import type { DraftResult, ImportIssue, RawCell, RawTable } from './types';

/** Options of a Jira import. */
export type JiraOptions = {
  /**
   * The team every story point goes to: an existing team's id or name, or the name of a new team.
   * Absent: each issue's Jira project (`Project name`) is its team, or "Delivery" when the export
   * has no project column.
   */
  readonly team?: string;
};

/** The team points go to when the export names no project and no team is chosen. */
export const DEFAULT_JIRA_TEAM = 'Delivery';

/** Most warnings of one kind listed one by one; the rest are summed up in one more. */
const WARNINGS_PER_KIND = 20;

/** Jira statuses (lower case) and the Baton status each becomes. */
export const JIRA_STATUSES: Readonly<Record<InitiativeStatus, readonly string[]>> = {
  proposed: [
    'to do',
    'open',
    'new',
    'backlog',
    'reopened',
    'funnel',
    'idea',
    'discovery',
    'analysis',
    'analyzing',
    'triage',
    'draft',
    'on hold',
  ],
  approved: [
    'selected for development',
    'ready',
    'ready for development',
    'approved',
    'committed',
    'planned',
    'accepted',
    'portfolio backlog',
  ],
  active: [
    'in progress',
    'in development',
    'development',
    'implementing',
    'doing',
    'in review',
    'review',
    'code review',
    'in test',
    'testing',
    'in qa',
    'qa',
    'validating',
    'blocked',
  ],
  done: ['done', 'closed', 'resolved', 'complete', 'completed', 'released', 'deployed', 'fixed'],
  cancelled: [
    "won't do",
    "won't fix",
    'cancelled',
    'canceled',
    'rejected',
    'declined',
    'abandoned',
    'obsolete',
    'duplicate',
  ],
};

/** Resolutions that make a finished issue a cancelled one. */
const CANCELLING_RESOLUTIONS = new Set([
  "won't do",
  "won't fix",
  'duplicate',
  'cannot reproduce',
  'declined',
  'rejected',
  'incomplete',
  'obsolete',
  'cancelled',
  'canceled',
  'abandoned',
]);

/** Jira's three status categories (the `Status Category` column of Cloud exports). */
// A Map, not an object: a category such as "constructor" must not find Object's own members.
const STATUS_CATEGORIES: ReadonlyMap<string, InitiativeStatus> = new Map([
  ['to do', 'proposed'],
  ['in progress', 'active'],
  ['done', 'done'],
]);

const STATUS_OF = new Map<string, InitiativeStatus>(
  (Object.entries(JIRA_STATUSES) as [InitiativeStatus, readonly string[]][]).flatMap(
    ([status, names]) => names.map((name) => [name, status] as const),
  ),
);

function normal(text: string): string {
  return text
    .trim()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** The columns a Jira import reads, by the header texts that name them (lower case). */
const COLUMNS = {
  key: ['issue key'],
  issueId: ['issue id'],
  summary: ['summary'],
  type: ['issue type'],
  status: ['status'],
  statusCategory: ['status category'],
  resolution: ['resolution'],
  parent: ['parent'],
  parentId: ['parent id'],
  parentKey: ['parent key'],
  epicLink: ['custom field (epic link)'],
  points: ['custom field (story points)', 'custom field (story point estimate)'],
  sprint: ['sprint'],
  fixVersion: ['fix version/s', 'fix versions'],
  due: ['due date'],
  blocks: ['outward issue link (blocks)'],
  blockedBy: ['inward issue link (blocks)'],
  labels: ['labels'],
  project: ['project name'],
  projectKey: ['project key'],
  assignee: ['assignee'],
  description: ['description'],
} as const;

type ColumnName = keyof typeof COLUMNS;

/** Whether a table is a Jira export: its header has `Issue key` (or `Issue id`) and `Summary`. */
export function isJiraTable(table: RawTable): boolean {
  const header = (table.rows[0] ?? []).map((cell) => normal(cellText(cell)));
  return (
    (header.includes('issue key') || header.includes('issue id')) && header.includes('summary')
  );
}

type Issue = {
  readonly row: number;
  readonly key: string;
  readonly issueId: string;
  readonly summary: string;
  readonly epic: boolean;
  readonly status: string;
  readonly statusCategory: string;
  readonly resolution: string;
  /** Parent references as written: [column, value]. */
  readonly parentRefs: readonly (readonly [string, string])[];
  readonly points: number | null;
  readonly pointsColumn: string;
  readonly sprints: readonly string[];
  readonly fixVersions: readonly string[];
  readonly due: string | null;
  readonly blocks: readonly string[];
  readonly blockedBy: readonly string[];
  readonly labels: readonly string[];
  readonly project: string;
  readonly assignee: string;
  readonly description: string;
};

/** Warnings in file order; past WARNINGS_PER_KIND of one kind, only counted. */
function warningList() {
  const listed: ImportIssue[] = [];
  const counts = new Map<string, { count: number; summary: string }>();
  return {
    add(kind: string, issue: ImportIssue, summary: string) {
      const entry = counts.get(kind) ?? { count: 0, summary };
      entry.count += 1;
      counts.set(kind, entry);
      if (entry.count <= WARNINGS_PER_KIND) listed.push(issue);
    },
    all(): ImportIssue[] {
      const more = [...counts.values()]
        .filter((entry) => entry.count > WARNINGS_PER_KIND)
        .map((entry) => ({
          message: `${entry.count - WARNINGS_PER_KIND} more ${entry.summary} (not listed one by one).`,
        }));
      return [...listed, ...more];
    },
  };
}

const JIRA_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * A Jira date as an ISO date: `2027-03-15` (with or without a time), Jira's default
 * `15/Mar/27 5:00 PM` (two- or four-digit year, English month names) or `15.03.2027`. Null when
 * it is none of these: day-month order is ambiguous in `03/04/27`.
 */
export function jiraDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(trimmed);
  if (iso) return validIsoDate(iso[1] as string);
  const jira = /^(\d{1,2})[/ -]([A-Za-z]{3})[A-Za-z]*[/ -](\d{2}|\d{4})(?:\s.*)?$/.exec(trimmed);
  if (jira) {
    const month = JIRA_MONTHS.indexOf((jira[2] as string).toLowerCase());
    if (month < 0) return null;
    const year = (jira[3] as string).length === 2 ? 2000 + Number(jira[3]) : Number(jira[3]);
    return validIsoDate(
      `${year}-${String(month + 1).padStart(2, '0')}-${(jira[1] as string).padStart(2, '0')}`,
    );
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/.exec(trimmed);
  if (dotted) {
    return validIsoDate(
      `${dotted[3]}-${(dotted[2] as string).padStart(2, '0')}-${(dotted[1] as string).padStart(2, '0')}`,
    );
  }
  return null;
}

/**
 * The period a sprint or version name points at, when it names one: a portfolio period's id or
 * label (`2027-Q1`, `Q1 2027`), or a quarter written into the name (`Release 2027 Q2`,
 * `Q3-2027 hardening`). Null for names without a period, such as `PROJ Sprint 14`.
 */
function namedSlot(name: string, portfolio: Portfolio, calendar: PeriodCalendar): number | null {
  const wanted = normal(name);
  const own = portfolio.periods.find(
    (period) => normal(period.id) === wanted || normal(period.label) === wanted,
  );
  if (own?.start && validIsoDate(own.start)) return calendar.slotOf(own.start);
  const quarter =
    /\b(20\d\d)\s*[-/]?\s*q([1-4])\b/i.exec(name) ?? /\bq([1-4])\s*[-/]?\s*(20\d\d)\b/i.exec(name);
  if (!quarter) return null;
  const [year, q] = /^20/.test(quarter[1] as string)
    ? [quarter[1] as string, Number(quarter[2])]
    : [quarter[2] as string, Number(quarter[1])];
  return calendar.slotOf(`${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`);
}

function statusOf(issue: Issue, warn: (issue: ImportIssue) => void): InitiativeStatus {
  let status = STATUS_OF.get(normal(issue.status));
  if (status === undefined) status = STATUS_CATEGORIES.get(normal(issue.statusCategory));
  if (status === undefined) {
    if (issue.status !== '') {
      warn({
        row: issue.row,
        column: 'Status',
        message: `${shownCell(issue.status)} is not a status Baton knows; ${issue.key} is read as proposed.`,
      });
    }
    status = 'proposed';
  }
  if (status === 'done' && CANCELLING_RESOLUTIONS.has(normal(issue.resolution))) return 'cancelled';
  return status;
}

function limited(
  text: string,
  max: number,
  place: ImportIssue,
  warn: (issue: ImportIssue) => void,
): string {
  if (text.length <= max) return text;
  warn({
    ...place,
    message: `${place.message} is ${text.length} characters long; Baton keeps the first ${max}.`,
  });
  return text.slice(0, max);
}

/**
 * The draft of a Jira CSV export, read with `header: false` so that repeated columns survive.
 *
 * - Every issue of type Epic becomes an initiative: id from its key (`PROJ-12` → `proj-12`, the
 *   key kept as `jiraKey`), Summary as name, Description, Assignee as owner, Status as status.
 * - The story points of the issues under an epic (through `Parent`, `Parent id`, `Parent key` or
 *   `Custom field (Epic Link)`, sub-tasks through their story) are its demand, in story points,
 *   on the issue's team (see JiraOptions), in the period of its Due date, else of a Fix Version or
 *   Sprint that names a period, else in the epic's first period. A sub-task's points count only when
 *   its story has none. An epic with no estimated issues under it keeps its own points.
 * - `Outward issue link (Blocks)` (and `Inward issue link (Blocks)`) between issues of two epics
 *   make the blocked epic depend on the other.
 */
export function jiraDraft(
  table: RawTable,
  portfolio: Portfolio,
  options: JiraOptions = {},
): DraftResult {
  const problems = problemList();
  const warnings = warningList();
  const warn = (issue: ImportIssue) => warnings.add('misc', issue, 'warnings');
  const header = (table.rows[0] ?? []).map((cell) => cellText(cell));
  const lowerHeader = header.map(normal);
  const columnsOf = (name: ColumnName): number[] =>
    lowerHeader.flatMap((text, index) =>
      (COLUMNS[name] as readonly string[]).includes(text) ? [index] : [],
    );
  const columns = Object.fromEntries(
    (Object.keys(COLUMNS) as ColumnName[]).map((name) => [name, columnsOf(name)]),
  ) as Record<ColumnName, number[]>;

  for (const needed of ['key', 'summary'] as const) {
    if (columns[needed].length === 0) {
      const label = needed === 'key' ? 'Issue key' : 'Summary';
      problems.add({
        row: 1,
        message: `the header has no "${label}" column; export the issues from Jira as CSV with all fields.`,
      });
    }
  }
  if (columns.type.length === 0) {
    problems.add({
      row: 1,
      message:
        'the header has no "Issue Type" column, so Baton cannot tell the epics; export the issues from Jira as CSV with all fields.',
    });
  }
  if (problems.count() > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.count() };
  }

  const first = (row: readonly RawCell[], name: ColumnName): string => {
    for (const index of columns[name]) {
      const text = cellText(row[index]);
      if (text !== '') return text;
    }
    return '';
  };
  const all = (row: readonly RawCell[], name: ColumnName): string[] =>
    columns[name].map((index) => cellText(row[index])).filter((text) => text !== '');

  // --- Rows into issues ------------------------------------------------------------------------
  const issues: Issue[] = [];
  /** Issues whose Issue Type is empty: any of them may be an epic. */
  const untyped: { readonly row: number; readonly key: string }[] = [];
  const byKey = new Map<string, Issue>();
  const byIssueId = new Map<string, Issue>();
  for (let index = 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] as readonly RawCell[];
    const rowNumber = index + 1;
    if (row.every((cell) => cellText(cell) === '')) continue;
    if (row.length > header.length) {
      const extra = row.slice(header.length).filter((cell) => cellText(cell) !== '').length;
      if (extra > 0) {
        warnings.add(
          'wide',
          {
            row: rowNumber,
            message: `has ${row.length} cells but the header has ${header.length}; the ${extra} filled cell${extra === 1 ? '' : 's'} past the last column ${extra === 1 ? 'is' : 'are'} left out.`,
          },
          'rows wider than the header',
        );
      }
    }
    const key = first(row, 'key');
    if (key === '') {
      problems.add({
        row: rowNumber,
        column: 'Issue key',
        message: 'is empty; every issue needs its key.',
      });
      continue;
    }
    if (byKey.has(key)) {
      problems.add({
        row: rowNumber,
        column: 'Issue key',
        message: `${shownCell(key)} is also on row ${(byKey.get(key) as Issue).row}; an issue may be listed once.`,
      });
      continue;
    }
    let points: number | null = null;
    let pointsColumn = '';
    let pointsRead = false;
    for (const column of columns.points) {
      const read = readNumberCell(row[column] ?? null);
      if (read === null) continue;
      const name = header[column] as string;
      if (pointsRead) {
        // Story Points and Story point estimate both filled (a site that moved from Server to
        // Cloud): the first is used; a second that says otherwise is named, never dropped unseen.
        if (points !== null && !(read.ok && read.value === points)) {
          warnings.add(
            'points',
            {
              row: rowNumber,
              column: name,
              message: `${shownCell(cellText(row[column]))} differs from the ${points} of ${pointsColumn}; Baton uses ${points} for ${key}.`,
            },
            'issues with two different story point estimates',
          );
        }
        continue;
      }
      pointsRead = true;
      if (!read.ok) {
        problems.add({ row: rowNumber, column: name, message: read.message });
      } else if (read.value < 0) {
        problems.add({
          row: rowNumber,
          column: name,
          message: `${read.value} is negative; story points are 0 or more.`,
        });
      } else if (read.value > MAX_CAPACITY) {
        problems.add({
          row: rowNumber,
          column: name,
          message: `${read.value} is more than ${MAX_CAPACITY.toLocaleString('en-US')}.`,
        });
      } else {
        points = read.value;
        pointsColumn = name;
      }
    }
    const dueText = first(row, 'due');
    let due: string | null = null;
    if (dueText !== '') {
      due = jiraDate(dueText);
      if (due === null) {
        warnings.add(
          'date',
          {
            row: rowNumber,
            column: header[columns.due[0] as number] as string,
            message: `${shownCell(dueText)} is not a date Baton reads (2027-03-15 or 15/Mar/27); the issue is placed as if it had none.`,
          },
          'dates Baton does not read',
        );
      }
    }
    const parentRefs: [string, string][] = [];
    for (const name of ['parent', 'parentId', 'parentKey', 'epicLink'] as const) {
      const value = first(row, name);
      if (value !== '') parentRefs.push([header[columns[name][0] as number] as string, value]);
    }
    const type = first(row, 'type');
    if (type === '') {
      untyped.push({ row: rowNumber, key });
      warnings.add(
        'type',
        {
          row: rowNumber,
          column: header[columns.type[0] as number] as string,
          message: `is empty, so ${key} ${shownCell(first(row, 'summary'))} is not read as an epic and does not become an initiative; if it is an epic, set its type in Jira and export again.`,
        },
        'issues with an empty Issue Type',
      );
    }
    const issue: Issue = {
      row: rowNumber,
      key,
      issueId: first(row, 'issueId'),
      summary: first(row, 'summary'),
      epic: normal(type) === 'epic',
      status: first(row, 'status'),
      statusCategory: first(row, 'statusCategory'),
      resolution: first(row, 'resolution'),
      parentRefs,
      points,
      pointsColumn,
      sprints: all(row, 'sprint'),
      fixVersions: all(row, 'fixVersion'),
      due,
      blocks: all(row, 'blocks')
        .flatMap((cell) => cell.split(/[\s,;]+/))
        .filter(Boolean),
      blockedBy: all(row, 'blockedBy')
        .flatMap((cell) => cell.split(/[\s,;]+/))
        .filter(Boolean),
      labels: all(row, 'labels'),
      project: first(row, 'project') || first(row, 'projectKey'),
      assignee: first(row, 'assignee'),
      description: first(row, 'description'),
    };
    issues.push(issue);
    byKey.set(key, issue);
    if (issue.issueId !== '') byIssueId.set(issue.issueId, issue);
  }

  const epics = issues.filter((issue) => issue.epic);
  if (epics.length === 0 && problems.count() === 0) {
    const shown = untyped
      .slice(0, 5)
      .map((each) => `row ${each.row}, ${each.key}`)
      .join('; ');
    problems.add({
      column: 'Issue Type',
      message: `no issue is an Epic; Baton makes an initiative of each epic, so export the epics together with their issues.${
        untyped.length > 0
          ? ` The Issue Type is empty on ${untyped.length === 1 ? 'one issue' : `${untyped.length} issues`} (${shown}${untyped.length > 5 ? '; …' : ''}): if ${untyped.length === 1 ? 'it is an epic' : 'they are epics'}, set the type in Jira and export again.`
          : ''
      }`,
    });
  }
  for (const epic of epics) {
    if (epic.summary === '') {
      problems.add({
        row: epic.row,
        column: 'Summary',
        message: `is empty; epic ${epic.key} needs a name.`,
      });
    }
  }
  if (problems.count() > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.count() };
  }

  // --- Who belongs to which epic ---------------------------------------------------------------
  const parentOf = (issue: Issue): Issue | null | undefined => {
    // undefined: no parent written; null: a parent the file does not have.
    if (issue.parentRefs.length === 0) return undefined;
    for (const [, value] of issue.parentRefs) {
      const found = byKey.get(value) ?? byIssueId.get(value);
      if (found && found !== issue) return found;
    }
    return null;
  };
  const epicOf = new Map<Issue, Issue | null>();
  const findEpic = (issue: Issue): Issue | null => {
    const known = epicOf.get(issue);
    if (known !== undefined) return known;
    let current: Issue | null | undefined = issue;
    const seen = new Set<Issue>();
    while (current && !current.epic && !seen.has(current)) {
      seen.add(current);
      current = parentOf(current);
    }
    const epic = current && current.epic ? current : null;
    epicOf.set(issue, epic);
    return epic;
  };

  // --- Teams -----------------------------------------------------------------------------------
  const teams = new Map<string, Team>();
  const takenTeamIds = new Set(portfolio.teams.map((team) => team.id));
  const teamFor = (name: string): Team => {
    const wanted = normal(name);
    const own = portfolio.teams.find(
      (team) => normal(team.id) === wanted || normal(team.name) === wanted,
    );
    const known = teams.get(own ? own.id : `new:${wanted}`);
    if (known) return known;
    if (own) {
      teams.set(own.id, own);
      return own;
    }
    let id = slugify(name) || 'team';
    for (let suffix = 2; takenTeamIds.has(id); suffix += 1)
      id = `${slugify(name) || 'team'}-${suffix}`;
    takenTeamIds.add(id);
    const team: Team = { id, name: name.slice(0, MAX_NAME_LENGTH), capacity: {} };
    teams.set(`new:${wanted}`, team);
    return team;
  };
  const teamOf = (issue: Issue): Team =>
    teamFor(options.team ?? (issue.project !== '' ? issue.project : DEFAULT_JIRA_TEAM));

  // --- Points into demand ----------------------------------------------------------------------
  const calendar = periodCalendar(portfolio);
  const slotOfIssue = (issue: Issue): number | null => {
    if (issue.due) return calendar.slotOf(issue.due);
    const versionSlots = issue.fixVersions
      .map((name) => namedSlot(name, portfolio, calendar))
      .filter((slot): slot is number => slot !== null);
    if (versionSlots.length > 0) return Math.min(...versionSlots);
    for (let index = issue.sprints.length - 1; index >= 0; index -= 1) {
      const slot = namedSlot(issue.sprints[index] as string, portfolio, calendar);
      if (slot !== null) return slot;
    }
    return null;
  };

  type Work = { team: Team; slot: number | null; points: number };
  const workOf = new Map<Issue, Work[]>();
  let orphanPoints = 0;
  const orphans: string[] = [];
  for (const issue of issues) {
    if (issue.epic || issue.points === null || issue.points === 0) continue;
    const parent = parentOf(issue);
    // A sub-task's points are already in its story's estimate when the story has one.
    if (parent && !parent.epic && parent.points !== null && parent.points > 0) continue;
    const epic = findEpic(issue);
    if (!epic) {
      orphanPoints += issue.points;
      orphans.push(issue.key);
      if (parent === null) {
        warnings.add(
          'parent',
          {
            row: issue.row,
            column: issue.parentRefs[0]?.[0] as string,
            message: `${shownCell(issue.parentRefs[0]?.[1] ?? '')} is not an issue in this file; the ${issue.points} points of ${issue.key} are left out.`,
          },
          'issues whose parent is not in the file',
        );
      }
      continue;
    }
    const list = workOf.get(epic) ?? [];
    list.push({ team: teamOf(issue), slot: slotOfIssue(issue), points: issue.points });
    workOf.set(epic, list);
  }
  const unparented = orphans.length;
  if (unparented > 0) {
    const shown = orphans.slice(0, 5).join(', ');
    warn({
      message: `${unparented} estimated issue${unparented === 1 ? '' : 's'} (${shown}${unparented > 5 ? ', …' : ''}) belong${unparented === 1 ? 's' : ''} to no epic in this file; ${twoDecimals(orphanPoints)} story points are left out.`,
    });
  }
  for (const epic of epics) {
    if ((workOf.get(epic) ?? []).length === 0 && epic.points !== null && epic.points > 0) {
      workOf.set(epic, [{ team: teamOf(epic), slot: slotOfIssue(epic), points: epic.points }]);
    }
  }

  // --- Periods ---------------------------------------------------------------------------------
  const usedSlots = new Set<number>();
  for (const list of workOf.values())
    for (const work of list) if (work.slot !== null) usedSlots.add(work.slot);
  const periods: Period[] | null = calendar.periodsFor(usedSlots);
  if (periods === null) {
    return {
      ok: false,
      problems: [
        {
          column: 'Due date',
          message:
            'the dates span too many periods to be one plan; check the due dates for typos (a year such as 2207).',
        },
      ],
      problemCount: 1,
    };
  }
  if (usedSlots.size > 0 && calendar.caveat) warn({ message: calendar.caveat });

  // --- Epics into initiatives ------------------------------------------------------------------
  const idOf = new Map<Issue, string>();
  const takenIds = new Set<string>();
  for (const epic of epics) {
    let id = slugify(epic.key) || 'epic';
    const base = id;
    for (let suffix = 2; takenIds.has(id); suffix += 1) id = `${base}-${suffix}`;
    takenIds.add(id);
    idOf.set(epic, id);
  }

  const epicById = new Map([...idOf].map(([epic, id]) => [id, epic]));
  const dependsOn = new Map<Issue, string[]>();
  const linkWarning = (row: number, column: string, message: string) =>
    warnings.add('link', { row, column, message }, 'links left out');
  const addDependency = (blocker: Issue, blocked: Issue, row: number, column: string) => {
    const from = findEpic(blocker);
    const to = findEpic(blocked);
    if (!from || !to) {
      const loose = !from ? blocker : blocked;
      linkWarning(
        row,
        column,
        `${loose.key} belongs to no epic in this file, so "${blocker.key} blocks ${blocked.key}" is left out.`,
      );
      return;
    }
    if (from === to) return;
    const list = dependsOn.get(to) ?? [];
    const id = idOf.get(from) as string;
    if (list.includes(id)) return;
    // A link that would close a cycle cannot be a dependency: say so and leave it out.
    const reaches = (start: Issue, target: Issue): boolean => {
      const stack = [start];
      const seen = new Set<Issue>();
      while (stack.length > 0) {
        const next = stack.pop() as Issue;
        if (next === target) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        for (const prerequisiteId of dependsOn.get(next) ?? []) {
          const prerequisite = epicById.get(prerequisiteId);
          if (prerequisite) stack.push(prerequisite);
        }
      }
      return false;
    };
    if (reaches(from, to)) {
      linkWarning(
        row,
        column,
        `"${blocker.key} blocks ${blocked.key}" would make ${from.key} and ${to.key} wait for each other; this link is left out.`,
      );
      return;
    }
    list.push(id);
    dependsOn.set(to, list);
  };
  for (const issue of issues) {
    for (const target of issue.blocks) {
      const blocked = byKey.get(target);
      if (!blocked) {
        linkWarning(
          issue.row,
          'Outward issue link (Blocks)',
          `${shownCell(target)} is not an issue in this file; the link is left out.`,
        );
      } else addDependency(issue, blocked, issue.row, 'Outward issue link (Blocks)');
    }
    for (const source of issue.blockedBy) {
      const blocker = byKey.get(source);
      if (!blocker) {
        linkWarning(
          issue.row,
          'Inward issue link (Blocks)',
          `${shownCell(source)} is not an issue in this file; the link is left out.`,
        );
      } else addDependency(blocker, issue, issue.row, 'Inward issue link (Blocks)');
    }
  }

  const initiatives: Initiative[] = epics.map((epic) => {
    const status = statusOf(epic, warn);
    const work = workOf.get(epic) ?? [];
    const dated = work.filter((each) => each.slot !== null).map((each) => each.slot as number);
    const firstSlot = dated.length > 0 ? Math.min(...dated) : null;
    // By team id in a Map: a team whose id is "__proto__" or "constructor" is a team like any.
    const byTeam = new Map<string, number[]>();
    for (const each of work) {
      const offset =
        each.slot === null || firstSlot === null ? 0 : calendar.offset(firstSlot, each.slot);
      const list = byTeam.get(each.team.id) ?? [];
      while (list.length <= offset) list.push(0);
      list[offset] = twoDecimals((list[offset] as number) + each.points);
      byTeam.set(each.team.id, list);
    }
    // Points that add up past the limit are refused, as a CSV file over it is: capping them would
    // plan with a number nobody wrote.
    for (const [teamId, list] of byTeam) {
      list.forEach((sum, index) => {
        if (sum <= MAX_CAPACITY) return;
        const team = [...teams.values()].find((each) => each.id === teamId)?.name ?? teamId;
        const period =
          firstSlot === null
            ? "the epic's first period"
            : calendar.periodOf(firstSlot + index * calendar.months).label;
        problems.add({
          row: epic.row,
          message: `the story points under ${epic.key} for team "${team}" add up to ${sum.toLocaleString('en-US')} in ${period}; a portfolio holds at most ${MAX_CAPACITY.toLocaleString('en-US')} per team and period.`,
        });
      });
    }
    // Object.fromEntries defines each key as the object's own, "__proto__" too.
    const demand: Record<string, number[]> = Object.fromEntries(byTeam);
    const startPeriod = firstSlot === null ? undefined : calendar.periodOf(firstSlot).id;
    const name = limited(
      epic.summary,
      MAX_NAME_LENGTH,
      { row: epic.row, column: 'Summary', message: `the summary of ${epic.key}` },
      warn,
    );
    const description = limited(
      epic.description,
      MAX_TEXT_LENGTH,
      { row: epic.row, column: 'Description', message: `the description of ${epic.key}` },
      warn,
    );
    const owner = limited(
      epic.assignee,
      MAX_NAME_LENGTH,
      { row: epic.row, column: 'Assignee', message: `the assignee of ${epic.key}` },
      warn,
    );
    const prerequisites = dependsOn.get(epic);
    return {
      id: idOf.get(epic) as string,
      name,
      status,
      ...(description !== '' && { description }),
      ...(owner !== '' && { owner }),
      ...(Object.keys(demand).length > 0 && { demand }),
      // Work under way (or finished) starts where its dated work does; other work not before.
      ...(startPeriod !== undefined &&
        (status === 'active' || status === 'done'
          ? { start: startPeriod }
          : { earliestStart: startPeriod })),
      ...(prerequisites && prerequisites.length > 0 && { dependsOn: prerequisites }),
      extras: { jiraKey: epic.key, ...(epic.labels.length > 0 && { jiraLabels: epic.labels }) },
    };
  });

  if (problems.count() > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.count() };
  }

  const draftTeams = [...teams.values()];
  const newTeams = draftTeams.filter((team) => !portfolio.teams.some((own) => own.id === team.id));
  if (newTeams.length > 0) {
    warn({
      message: `New team${newTeams.length === 1 ? '' : 's'} ${newTeams.map((team) => `"${team.name}"`).join(', ')} ${newTeams.length === 1 ? 'has' : 'have'} no capacity yet; give ${newTeams.length === 1 ? 'it' : 'them'} capacity in story points per period in Teams.`,
    });
  }
  if (
    draftTeams.length > 0 &&
    portfolio.capacityUnit !== undefined &&
    !/point/i.test(portfolio.capacityUnit)
  ) {
    warn({
      message: `Demand is in story points, but this portfolio counts capacity in ${portfolio.capacityUnit}; convert one or the other before you rely on the cut line.`,
    });
  }

  return {
    ok: true,
    draft: {
      format: 'jira',
      initiatives,
      teams: draftTeams,
      periods,
      actuals: [],
      warnings: warnings.all(),
    },
  };
}
