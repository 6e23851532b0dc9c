/**
 * Fuzzing the import end to end (fast-check, 16,500 cases in all): CSV text with quotes,
 * delimiters, byte-order marks, decimal commas and hostile names (`__proto__`, `constructor`) as
 * headers, ids and cells; Jira exports with both header sets, repeated columns and hostile
 * projects, teams, statuses and keys; MS Project XML with hostile names, UIDs, dates, work and
 * element names. Nothing throws or hangs, nothing pollutes Object.prototype, and every refusal
 * (and every warning about a part of the file) names its row, column or path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectImportFormat,
  describeIssue,
  draftFromTable,
  guessMapping,
  jiraDraft,
  mergeDraft,
  msProjectDraft,
  parseMappingFile,
  applyMappingFile,
  readCsv,
  readNumberText,
  type ImportIssue,
} from '../../../../shared/exchange/import';
import type { DraftResult } from '../../../../shared/exchange/import/types';
import type { Portfolio } from '../../../../shared/portfolio/types';

const PORTFOLIO: Portfolio = {
  name: 'Fuzz',
  periods: [
    { id: '2027-Q1', label: 'Q1 2027' },
    { id: '__proto__', label: 'constructor' },
  ],
  teams: [{ id: 'platform', name: 'Platform', capacity: { '2027-Q1': 3 } }],
  objectives: [{ id: 'grow', name: 'Grow' }],
  scoring: { model: 'weighted', criteria: [{ id: 'reach', name: 'Reach' }] },
  initiatives: [
    { id: 'hr', name: 'HR portal', status: 'active', demand: { platform: [1] } },
    { id: 'constructor', name: '__proto__', status: 'proposed' },
  ],
  scenarios: [{ id: 'base', name: 'Base', ranking: ['hr'] }],
};

const HEADERS = [
  'id',
  'name',
  'Project',
  'status',
  'owner',
  'value',
  'spend',
  'duration',
  'start',
  'dependsOn',
  'excludes',
  'forced',
  'estimateRange',
  'objectives',
  'score: reach',
  'demand: platform',
  'demand: __proto__',
  'Demand constructor',
  '__proto__',
  'constructor',
  'toString',
  'team',
  'capacity: __proto__',
  '2027-Q1',
  'Q2 2027',
  'initiativeId',
  'periodId',
  'progress',
  'effort: __proto__',
  'note',
  '',
  'hasOwnProperty',
];
const CELLS = [
  '',
  ' ',
  'hr',
  'HR portal',
  '__proto__',
  'constructor',
  'prototype',
  '1',
  '1,5',
  '1.234,5',
  '1 234,5',
  '12k€',
  '-3',
  '1e309',
  '0.5',
  '50%',
  '2 2 1,5',
  'in',
  'out',
  'done',
  'blocked',
  'Q1 2027',
  '2027-Q4',
  'grow:3',
  'grow:9',
  'nope',
  '=HYPERLINK("x")',
  "'=1+1",
  'a"b',
  '"',
  '""',
  'x\ny',
  'é',
  '\u0000',
  '\ud800',
  'x'.repeat(250),
];

/** Cells most columns take: names, numbers, periods, ids. */
const GOOD_CELLS = [
  '',
  'hr',
  'HR portal',
  '__proto__',
  'constructor',
  '1',
  '2,5',
  '3 1',
  'active',
  'Q1 2027',
  'grow:2',
  'platform',
  'New',
];

/** A CSV text from cells, sometimes quoted, sometimes with broken quotes. */
const csvText = fc
  .record({
    bom: fc.boolean(),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    header: fc.oneof(
      fc.array(fc.constantFrom(...HEADERS), { maxLength: 7 }),
      fc.array(fc.constantFrom(...HEADERS), { maxLength: 6 }).map((rest) => ['name', ...rest]),
    ),
    rows: fc.array(
      fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom(...GOOD_CELLS), weight: 6 },
          { arbitrary: fc.constantFrom(...CELLS), weight: 1 },
        ),
        { maxLength: 8 },
      ),
      { maxLength: 6 },
    ),
    quoting: fc.constantFrom('none', 'all', 'random'),
    seed: fc.integer(),
  })
  .map(({ bom, delimiter, newline, header, rows, quoting, seed }) => {
    const quote = (cell: string, index: number) =>
      quoting === 'all' || (quoting === 'random' && (seed >> (index % 30)) & 1)
        ? `"${cell.replace(/"/g, '""')}"`
        : cell;
    const lines = [header, ...rows].map((row) => row.map(quote).join(delimiter));
    return `${bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`;
  });

function expectPlaced(issues: readonly ImportIssue[]): void {
  for (const issue of issues) {
    expect(issue.row !== undefined || issue.column !== undefined || issue.path !== undefined).toBe(
      true,
    );
    expect(issue.message.length).toBeGreaterThan(0);
    expect(describeIssue(issue)).toMatch(/^(sheet |row |column |[\w([]).*: /s);
  }
}

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('fuzzing the CSV import', () => {
  it('reads, maps, drafts and merges any CSV without throwing, refusing by row/column or path', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom('merge', 'new') as fc.Arbitrary<'merge' | 'new'>,
        (text, mode) => {
          const read = readCsv(text, 'fuzz');
          if (!read.ok) {
            expect(read.problemCount).toBeGreaterThan(0);
            expectPlaced(read.problems);
            return;
          }
          expectPlaced(read.warnings);
          const mapping = guessMapping(read.table, PORTFOLIO);
          const drafted = draftFromTable(read.table, mapping, PORTFOLIO);
          if (!drafted.ok) {
            expect(drafted.problemCount).toBeGreaterThanOrEqual(drafted.problems.length);
            expectPlaced(drafted.problems);
            return;
          }
          expectPlaced(drafted.draft.warnings);
          const merged = mergeDraft(PORTFOLIO, drafted.draft, mode, '2026-11-02');
          if (!merged.ok) expectPlaced(merged.problems);
          else {
            // What merged is a portfolio the reader accepts, holding every drafted initiative.
            expect(merged.portfolio.initiatives.length).toBeGreaterThanOrEqual(
              drafted.draft.initiatives.length > 0 ? 1 : 0,
            );
          }
          expectNoPollution();
        },
      ),
      { numRuns: 6_000 },
    );
  });

  it('reads arbitrary text as CSV and tells its format without throwing', () => {
    const alphabet = fc.constantFrom(
      'a',
      '1',
      ',',
      ';',
      '\t',
      '"',
      '\n',
      '\r',
      ' ',
      '\ufeff',
      '.',
      '_',
      '{',
      '<',
      'é',
      '\u0000',
      '__proto__',
      'constructor',
      'Issue key',
      'Summary',
      '<Project>',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.constantFrom('a.csv', 'b.tsv', 'c.xml', 'd', 'e.json'),
        (text, name) => {
          const read = readCsv(text, name);
          if (!read.ok) expectPlaced(read.problems);
          else {
            expect(read.table.rows.length).toBeGreaterThan(0);
            const mapping = guessMapping(read.table, PORTFOLIO);
            expect(mapping.columns.length).toBe(
              (read.table.rows[mapping.headerRow - 1] ?? []).length,
            );
          }
          expect(['csv', 'xlsx', 'jira', 'msproject', 'portfolio', null]).toContain(
            detectImportFormat(name, text),
          );
          expectNoPollution();
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('reads numbers and mapping files without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const read = readNumberText(text);
        if (read.ok) expect(Number.isFinite(read.value)).toBe(true);
        else expect(read.message).toMatch(/is not a number$/);
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseMappingFile(value);
        if (!parsed.ok) {
          expect(parsed.message.length).toBeGreaterThan(0);
          return;
        }
        const applied = applyMappingFile(
          parsed.mapping,
          {
            name: 's',
            rows: [
              ['__proto__', 'name'],
              ['a', 'b'],
            ],
          },
          PORTFOLIO,
        );
        if (!applied.ok) expectPlaced(applied.problems);
        expectNoPollution();
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Warnings about the file as a whole, which have no one place: the story points of issues under
 * no epic, teams to give capacity, units, how periods were laid out, and the count of warnings of
 * one kind past those listed.
 */
const WHOLE_FILE_WARNING =
  /belongs? to no epic in this file|^New teams? |^Demand (is in story points|and capacity are in)|so dates are read as calendar quarters|more .*\(not listed one by one\)\.$/;

/** A draft and its merge: no throw, refusals and warnings placed, a portfolio the reader takes. */
function expectDraftMerges(drafted: DraftResult, portfolio: Portfolio, mode: 'merge' | 'new') {
  if (!drafted.ok) {
    expect(drafted.problemCount).toBeGreaterThanOrEqual(drafted.problems.length);
    expect(drafted.problems.length).toBeGreaterThan(0);
    expectPlaced(drafted.problems);
    return;
  }
  expectPlaced(drafted.draft.warnings.filter((issue) => !WHOLE_FILE_WARNING.test(issue.message)));
  for (const issue of drafted.draft.warnings) {
    // Never a member of Object (a function's source text) where a word was looked up.
    expect(issue.message).not.toMatch(/\[native code\]|\[object /);
  }
  const periodIds = drafted.draft.periods.map((period) => period.id);
  for (const team of drafted.draft.teams) {
    expect(Object.getPrototypeOf(team.capacity)).toBe(Object.prototype);
    // MS Project gives each of its teams capacity in every period of the plan.
    if (drafted.draft.format === 'msproject')
      for (const id of periodIds) expect(Object.hasOwn(team.capacity, id)).toBe(true);
  }
  for (const initiative of drafted.draft.initiatives) {
    // Demand is by team, each a list of numbers: never one of Object's own members.
    expect(Object.getPrototypeOf(initiative.demand ?? {})).toBe(Object.prototype);
    for (const [teamId, list] of Object.entries(initiative.demand ?? {})) {
      expect(
        drafted.draft.teams.some((team) => team.id === teamId) ||
          portfolio.teams.some((team) => team.id === teamId),
      ).toBe(true);
      expect(Array.isArray(list) && list.every((value) => Number.isFinite(value))).toBe(true);
    }
    expect(['proposed', 'approved', 'active', 'done', 'cancelled']).toContain(initiative.status);
  }
  const merged = mergeDraft(portfolio, drafted.draft, mode, '2026-11-02');
  if (!merged.ok) expectPlaced(merged.problems);
  else expect(merged.portfolio.initiatives.length).toBeGreaterThanOrEqual(1);
}

/** The portfolio Jira and MS Project files merge into: teams named and numbered with hostile ids. */
const HOSTILE_TEAMS: Portfolio = {
  ...PORTFOLIO,
  // Periods with dates, so that work lands in them: one of them is "__proto__".
  periods: [
    { id: '2027-Q1', label: 'Q1 2027', start: '2027-01-01' },
    { id: '__proto__', label: 'Q2 2027', start: '2027-04-01' },
  ],
  // JSON.parse makes "__proto__" an own key, as a portfolio file read from disk has it.
  teams: [
    ...PORTFOLIO.teams,
    ...(JSON.parse(
      '[{"id":"__proto__","name":"constructor","capacity":{"__proto__":2,"2027-Q1":1}},{"id":"hasOwnProperty","name":"Ops","capacity":{}}]',
    ) as Portfolio['teams']),
  ],
};

const JIRA_HEADERS = [
  'Issue key',
  'Issue id',
  'Summary',
  'Issue Type',
  'Status',
  'Status Category',
  'Resolution',
  'Parent',
  'Parent id',
  'Parent key',
  'Custom field (Epic Link)',
  'Custom field (Story Points)',
  'Custom field (Story point estimate)',
  'Sprint',
  'Sprint',
  'Labels',
  'Labels',
  'Fix Version/s',
  'Fix versions',
  'Due date',
  'Outward issue link (Blocks)',
  'Inward issue link (Blocks)',
  'Project name',
  'Project key',
  'Assignee',
  'Description',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '',
];
const JIRA_KEYS = [
  'P-1',
  'P-2',
  'P-3',
  'P-4',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '10001',
  '',
];
/** What a column holds: usable cells, and (less often) cells the import refuses or warns about. */
type JiraCells = { readonly good: readonly string[]; readonly bad?: readonly string[] };
const JIRA_CELLS: ReadonlyMap<string, JiraCells> = new Map<string, JiraCells>([
  // "own": the row's own key, P-1 on the first row.
  ['Issue key', { good: ['own'], bad: JIRA_KEYS }],
  ['Issue id', { good: ['10001', '10002', '__proto__', 'constructor', ''] }],
  ['Summary', { good: ['Checkout', '__proto__', 'constructor'], bad: ['', 'x'.repeat(210)] }],
  ['Issue Type', { good: ['Epic', 'Story', 'Sub-task'], bad: ['Task', 'epic', 'constructor', ''] }],
  [
    'Status',
    {
      good: [
        'To Do',
        'In Progress',
        'Done',
        "Won't Do",
        '__proto__',
        'constructor',
        'toString',
        '',
      ],
    },
  ],
  [
    'Status Category',
    { good: ['To Do', 'In Progress', 'Done', 'constructor', 'hasOwnProperty', '__proto__'] },
  ],
  ['Resolution', { good: ['Done', "Won't Do", 'Duplicate', 'constructor', ''] }],
  [
    'Custom field (Story Points)',
    { good: ['3', '0', '2,5', ''], bad: ['-1', '1e9', '12k', '__proto__'] },
  ],
  ['Custom field (Story point estimate)', { good: ['5', '0.5', '1 000', ''], bad: ['NaN'] }],
  ['Sprint', { good: ['P Sprint 1', 'Q1 2027', '2027-Q1', 'Release 2027 Q3', '__proto__', ''] }],
  ['Fix Version/s', { good: ['2027-Q1', 'Q2 2027', 'constructor', ''] }],
  ['Fix versions', { good: ['Q4 2027', '__proto__', ''] }],
  [
    'Due date',
    {
      good: ['2027-03-15', '15/Mar/27 5:00 PM', '15.03.2027', ''],
      bad: ['2207-01-01', '31/Feb/27', '03/04/27', 'x'],
    },
  ],
  [
    'Project name',
    { good: ['Platform', 'constructor', '__proto__', 'toString', 'Ops', 'hasOwnProperty', ''] },
  ],
  ['Project key', { good: ['P', '__proto__', ''] }],
  ['Assignee', { good: ['Grace Hopper', '__proto__', ''], bad: ['x'.repeat(250)] }],
  ['Description', { good: ['Why', '=HYPERLINK("x")', ''], bad: ['x'.repeat(10_050)] }],
  ['Labels', { good: ['__proto__', 'constructor', 'big', ''] }],
]);
const JIRA_PARENT_CELLS = [...JIRA_KEYS, '10002', 'P-9'];
const JIRA_LINK_CELLS = [...JIRA_KEYS, 'P-1, P-2', 'P-9', ''];
const JIRA_DEFAULT_CELLS = ['Anything', '__proto__', 'constructor', '1', ''];

/** The cells a Jira column holds: its real values, the keys of other issues, hostile names. */
function jiraCell(header: string): fc.Arbitrary<string> {
  if (['Parent', 'Parent id', 'Parent key', 'Custom field (Epic Link)'].includes(header))
    return fc.constantFrom(...JIRA_PARENT_CELLS);
  if (header.includes('issue link')) return fc.constantFrom(...JIRA_LINK_CELLS);
  const cells = JIRA_CELLS.get(header) ?? { good: JIRA_DEFAULT_CELLS };
  return cells.bad
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...cells.good), weight: 30 },
        { arbitrary: fc.constantFrom(...cells.bad), weight: 1 },
      )
    : fc.constantFrom(...cells.good);
}

/** A Jira export as CSV: a header of real (and hostile) names, rows of issues, some too wide. */
const jiraCsv = fc
  .record({
    header: fc.oneof(
      { arbitrary: fc.shuffledSubarray(JIRA_HEADERS, { minLength: 0, maxLength: 14 }), weight: 1 },
      {
        arbitrary: fc
          .shuffledSubarray(JIRA_HEADERS.slice(3), { maxLength: 12 })
          .map((rest) => ['Issue key', 'Summary', 'Issue Type', ...rest]),
        weight: 6,
      },
    ),
    rowCount: fc.nat({ max: 8 }),
    extra: fc.nat({ max: 2 }),
    seed: fc.integer(),
  })
  .chain(({ header, rowCount, extra }) =>
    fc
      .array(
        fc.tuple(
          ...header.map(jiraCell),
          fc.array(fc.constantFrom('x', '', '__proto__'), { maxLength: extra }),
        ),
        {
          minLength: rowCount,
          maxLength: rowCount,
        },
      )
      .map((rows) => {
        const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
        const keyed = rows.map((row, index) =>
          row.flat().map((cell) => (cell === 'own' ? `P-${index + 1}` : cell)),
        );
        const lines = [header, ...keyed].map((row) => row.map(quote).join(','));
        return `${lines.join('\r\n')}\r\n`;
      }),
  );

describe('fuzzing the Jira import', () => {
  it('drafts and merges any Jira-shaped export without throwing, placing what it refuses', () => {
    fc.assert(
      fc.property(
        jiraCsv,
        fc.constantFrom(undefined, 'Platform', '__proto__', 'constructor', 'hasOwnProperty'),
        fc.constantFrom(PORTFOLIO, HOSTILE_TEAMS),
        fc.constantFrom('merge', 'new') as fc.Arbitrary<'merge' | 'new'>,
        (text, team, portfolio, mode) => {
          const read = readCsv(text, 'jira', { warnWideRows: false });
          if (!read.ok) {
            expectPlaced(read.problems);
            return;
          }
          const drafted = jiraDraft(read.table, portfolio, team === undefined ? {} : { team });
          expectDraftMerges(drafted, portfolio, mode);
          expectNoPollution();
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

/** Mostly a usable value, sometimes a hostile one, now and then none at all. */
function xmlValue(
  good: readonly string[],
  bad: readonly string[],
): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 40 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const XML_UIDS = ['1', '2', '3', '4'];
const BAD_UIDS = ['0', '__proto__', 'constructor', '-1', '1.5', ''];
const XML_NAMES = ['Build', 'Launch', '__proto__', 'constructor', 'a &amp; b', '&lt;x&gt;'];
const BAD_NAMES = ['&#0;', '&#x1F600;', '&bogus;', '', 'x'.repeat(210)];
const XML_DATES = [
  '2027-01-04T08:00:00',
  '2027-03-31T17:00:00',
  '2027-05-03T08:00:00',
  '2027-06-30T17:00:00',
  '2027-01-09T08:00:00',
];
const BAD_DATES = ['2027-13-01T00:00:00', '2207-01-01T08:00:00', '1900-01-01T08:00:00', 'x', ''];
const XML_WORK = ['PT40H0M0S', 'P2DT4H', 'PT7H30M0S'];
const BAD_WORK = ['PT0H0M0S', 'PT99999999H0M0S', 'PT1e9H', 'x', ''];
/** Resources named like the portfolio's teams, hostile ids and names among them. */
const XML_RESOURCES = ['Platform', 'constructor', '__proto__', 'hasOwnProperty', 'Ops', 'toString'];
/** Elements MSPDI does not have, with names an object must not take from its prototype. */
const HOSTILE_ELEMENTS = ['__proto__', 'constructor', 'hasOwnProperty', 'prototype'];

const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${value}</${name}>`;
const hostileElement = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 30 },
  { arbitrary: fc.constantFrom(...HOSTILE_ELEMENTS), weight: 1 },
);

/** A task, given its place: its UID is its place in the list unless it is a bad one. */
const xmlTask = fc
  .record({
    uid: xmlValue(['own'], [...BAD_UIDS, '1']),
    name: xmlValue(XML_NAMES, BAD_NAMES),
    level: xmlValue(['1', '1', '2', '3'], ['0', '-1', 'x']),
    start: xmlValue(XML_DATES, BAD_DATES),
    finish: xmlValue(XML_DATES, BAD_DATES),
    milestone: xmlValue(['0'], ['1']),
    percent: xmlValue(['0', '50', '100'], ['x', '-5']),
    isNull: xmlValue(['0'], ['1']),
    links: fc.array(
      fc.record({
        uid: xmlValue(XML_UIDS, [...BAD_UIDS, '9']),
        type: xmlValue(['1'], ['0', '2', '3', '__proto__', 'constructor', 'toString']),
      }),
      { maxLength: 3 },
    ),
    hostile: hostileElement,
  })
  .map(
    (task) => (place: number) =>
      `<Task>${element('UID', task.uid === 'own' ? String(place) : task.uid)}${element('Name', task.name)}${element('OutlineLevel', task.level)}${element('Start', task.start)}${element('Finish', task.finish)}${element('Milestone', task.milestone)}${element('PercentComplete', task.percent)}${element('IsNull', task.isNull)}${task.links.map((link) => `<PredecessorLink>${element('PredecessorUID', link.uid)}${element('Type', link.type)}</PredecessorLink>`).join('')}${task.hostile ? `<${task.hostile}><polluted>1</polluted></${task.hostile}>` : ''}</Task>`,
  );
const xmlResource = fc
  .record({
    uid: xmlValue(['own'], [...BAD_UIDS, '1']),
    name: xmlValue(XML_RESOURCES, ['']),
    type: xmlValue(['1'], ['0', '2', 'constructor']),
    units: xmlValue(['1', '0.5', '3'], ['-1', '1e9', 'NaN', 'x']),
  })
  .map(
    (resource) => (place: number) =>
      `<Resource>${element('UID', resource.uid === 'own' ? String(place) : resource.uid)}${element('Name', resource.name)}${element('Type', resource.type)}${element('MaxUnits', resource.units)}</Resource>`,
  );
const xmlAssignment = fc
  .record({
    task: xmlValue(XML_UIDS, BAD_UIDS),
    resource: xmlValue(XML_UIDS, [...BAD_UIDS, '-65535']),
    work: xmlValue(XML_WORK, BAD_WORK),
    start: xmlValue(XML_DATES, BAD_DATES),
    finish: xmlValue(XML_DATES, BAD_DATES),
  })
  .map(
    (assignment) =>
      `<Assignment>${element('TaskUID', assignment.task)}${element('ResourceUID', assignment.resource)}${element('Work', assignment.work)}${element('Start', assignment.start)}${element('Finish', assignment.finish)}</Assignment>`,
  );

/** MSPDI text: tasks, links, resources, assignments; sometimes cut short or with a DOCTYPE. */
const mspdi = fc
  .record({
    minutes: xmlValue(['480', '450'], ['0', '2000', 'x']),
    tasks: fc.array(xmlTask, { maxLength: 7 }),
    resources: fc.array(xmlResource, { maxLength: 4 }),
    assignments: fc.array(xmlAssignment, { maxLength: 7 }),
    hostile: hostileElement,
    damage: fc.constantFrom(...Array<string>(12).fill('none'), 'cut', 'doctype', 'bom'),
    cut: fc.nat(),
  })
  .map(({ minutes, tasks, resources, assignments, hostile, damage, cut }) => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project">${element('MinutesPerDay', minutes)}${hostile ? `<${hostile}><polluted>1</polluted></${hostile}>` : ''}<Tasks>${tasks.map((task, index) => task(index + 1)).join('')}</Tasks><Resources>${resources.map((resource, index) => resource(index + 1)).join('')}</Resources><Assignments>${assignments.join('')}</Assignments></Project>\n`;
    if (damage === 'cut') return text.slice(0, cut % text.length);
    if (damage === 'doctype') return text.replace('?>', '?><!DOCTYPE p [<!ENTITY e "x">]>');
    return damage === 'bom' ? `\ufeff${text}` : text;
  });

describe('fuzzing the MS Project import', () => {
  it('drafts and merges any MSPDI-shaped file without throwing, placing what it refuses', () => {
    fc.assert(
      fc.property(
        mspdi,
        fc.constantFrom(PORTFOLIO, HOSTILE_TEAMS),
        fc.constantFrom('merge', 'new') as fc.Arbitrary<'merge' | 'new'>,
        (text, portfolio, mode) => {
          expectDraftMerges(msProjectDraft(text, portfolio), portfolio, mode);
          expectNoPollution();
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
