import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  detectImportFormat,
  draftFromTable,
  guessMapping,
  headerSignature,
  importFields,
  mergeDraft,
  mergeDrafted,
  MAX_CSV_CELL_LENGTH,
  parseMappingFile,
  applyMappingFile,
  readCsv,
  readNumberText,
  type ColumnMapping,
  type ImportDraft,
  type RawTable,
} from '../../../../shared/exchange/import';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { fixtureText } from '../../portfolio/fixtures';
import { readXlsx } from '../../../../shared/exchange/xlsx';

const PORTFOLIO: Portfolio = {
  name: 'Acme',
  periods: [
    { id: '2027-Q1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
    { id: '2027-Q2', label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
  ],
  teams: [{ id: 'platform', name: 'Platform', capacity: { '2027-Q1': 4 } }],
  objectives: [{ id: 'grow', name: 'Grow revenue' }],
  scoring: { model: 'weighted', criteria: [{ id: 'reach', name: 'Reach', scale: '1-10' }] },
  initiatives: [
    { id: 'crm', name: 'CRM revamp', status: 'proposed', owner: 'Lin', scores: { reach: 3 } },
    { id: 'hr', name: 'HR portal', status: 'active', demand: { platform: [1] } },
  ],
  scenarios: [{ id: 'base', name: 'Base', ranking: ['hr', 'crm'] }],
};

function table(rows: (string | number | null)[][], name = 'sheet'): RawTable {
  return { name, rows };
}

function draftOf(
  rows: (string | number | null)[][],
  mapping?: Partial<ColumnMapping>,
): ImportDraft {
  const t = table(rows);
  const result = draftFromTable(t, { ...guessMapping(t, PORTFOLIO), ...mapping }, PORTFOLIO);
  if (!result.ok) throw new Error(result.problems.map(describeIssue).join('\n'));
  return result.draft;
}

function problemsOf(
  rows: (string | number | null)[][],
  mapping?: Partial<ColumnMapping>,
): string[] {
  const t = table(rows);
  const result = draftFromTable(t, { ...guessMapping(t, PORTFOLIO), ...mapping }, PORTFOLIO);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems.map(describeIssue);
}

describe('readCsv', () => {
  it('strips the byte-order mark, picks the semicolon and keeps quoted semicolons in a cell', () => {
    const result = readCsv(fixtureText('import/initiatives-semicolon.csv'), 'initiatives');
    if (!result.ok) throw new Error('refused');
    expect(result.delimiter).toBe(';');
    expect(result.table.rows[0]?.[0]).toBe('Project');
    expect(result.table.rows[2]).toEqual([
      'Data lake',
      'Grace; Hopper',
      'Approved',
      '12,5',
      '',
      '3',
      '',
    ]);
    expect(result.table.rows).toHaveLength(5);
  });

  it('picks tabs and commas, and keeps tabs inside a comma file as text', () => {
    const tabs = readCsv('a\tb\n1\t2\n', 't');
    expect(tabs.ok && tabs.delimiter).toBe('\t');
    const commas = readCsv('name,note\nCRM,"a\tb; c"\n', 'c');
    if (!commas.ok) throw new Error('refused');
    expect(commas.delimiter).toBe(',');
    expect(commas.table.rows[1]).toEqual(['CRM', 'a\tb; c']);
  });

  it('warns about a row wider than the header and refuses an unclosed quote by row', () => {
    const wide = readCsv('name,status\nCRM,active,extra\nERP,done,,\n', 'w');
    if (!wide.ok) throw new Error('refused');
    expect(wide.warnings.map(describeIssue)).toEqual([
      'row 2: the row has 3 cells but the header has 2; the cells beyond column 2 are not read',
    ]);
    // A reader that warns about wide rows itself (Jira's) asks for none, so each is told once.
    const quiet = readCsv('name,status\nCRM,active,extra\n', 'w', { warnWideRows: false });
    expect(quiet.ok && quiet.warnings).toEqual([]);
    const open = readCsv('name,status\nCRM,"active\nERP,done\n', 'o');
    expect(open.ok).toBe(false);
    if (!open.ok) expect(describeIssue(open.problems[0]!)).toMatch(/^row 2: a cell opens a quote/);
    const empty = readCsv('\ufeff\r\n', 'e');
    expect(empty.ok).toBe(false);
  });
});

describe('numbers', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1.000.000', 1_000_000],
    ['-3', -3],
    ['1e-7', 1e-7],
    ["1'234.5", 1234.5],
  ])('reads %s as %d', (text, value) => {
    expect(readNumberText(text)).toEqual({ ok: true, value });
  });

  it.each(['12k€', '1.2.3', '1,23,4', 'n/a', '-', '1 23,5', ''])('refuses %s', (text) => {
    expect(readNumberText(text).ok).toBe(false);
  });
});

describe('guessMapping', () => {
  it('maps synonyms, a team column and a criterion by name', () => {
    const mapping = guessMapping(
      table([['Project', 'Owner', 'State', 'Reach', 'Platform demand', 'Cost', 'Whatever']]),
      PORTFOLIO,
    );
    expect(mapping).toEqual({
      kind: 'initiatives',
      headerRow: 1,
      columns: ['name', 'owner', 'status', 'score:reach', 'demand:platform', 'spend', null],
    });
  });

  it('tells capacity and actuals sheets by their headers, and skips blank rows above the header', () => {
    expect(guessMapping(table([[], ['team', 'name', '2027-Q1', 'Q2 2027']]), PORTFOLIO)).toEqual({
      kind: 'capacity',
      headerRow: 2,
      columns: ['team', 'name', 'capacity:2027-Q1', 'capacity:2027-Q2'],
    });
    expect(
      guessMapping(
        table([['initiativeId', 'periodId', 'spend', 'effort: platform', 'progress']]),
        PORTFOLIO,
      ).columns,
    ).toEqual(['initiativeId', 'periodId', 'spend', 'effort:platform', 'progress']);
  });

  it('takes the field names below a row of merged group headers as the header', () => {
    // As an XLSX reads: a merged group header repeated over every cell of its range.
    const grouped = table([
      ['Initiative', 'Initiative', 'Initiative', 'Demand (FTE)', 'Spend', 'Spend', 'Start'],
      ['id', 'name', 'owner', 'Platform', 'Q1', 'Q2', 'date'],
      ['crm', 'CRM renewal', 'Ana', 2, 100, 200, '2027-01-15'],
    ]);
    expect(guessMapping(grouped, PORTFOLIO)).toEqual({
      kind: 'initiatives',
      headerRow: 2,
      columns: ['id', 'name', 'owner', 'demand:platform', null, null, null],
    });
    // A title row above the header, too.
    expect(
      guessMapping(table([['Portfolio 2027'], ['Name', 'Owner'], ['CRM', 'Ana']]), PORTFOLIO),
    ).toMatchObject({ headerRow: 2, columns: ['name', 'owner'] });
  });

  it('keeps the first row as the header when the rows below it are data', () => {
    // "Notes" and "Status" read like headers, but a data row has to beat the header by two
    // fields, and rows after one holding numbers are never taken.
    expect(
      guessMapping(
        table([
          ['Projekt', 'Kosten'],
          ['Notes', 'x'],
          ['CRM', 12],
        ]),
        PORTFOLIO,
      ).headerRow,
    ).toBe(1);
    expect(
      guessMapping(
        table([
          ['Name', 'Budget'],
          ['CRM', 12],
          ['Name', 'Owner'],
        ]),
        PORTFOLIO,
      ).headerRow,
    ).toBe(1);
    // A header the user chose is kept, with its columns guessed from that row.
    expect(
      guessMapping(table([['Portfolio'], ['Name', 'Owner']]), PORTFOLIO, 'initiatives', 1),
    ).toEqual({ kind: 'initiatives', headerRow: 1, columns: [null] });
  });

  it('gives the same signature to the same headers, whatever their case and spacing', () => {
    const a = headerSignature(table([['Name', ' Spend Q2 ']]), 1);
    expect(headerSignature(table([['name', 'spend  q2', '']]), 1)).toBe(a);
    expect(headerSignature(table([['name', 'spend q3']]), 1)).not.toBe(a);
  });

  it('lists the fields of each kind with the portfolio’s criteria, teams and periods', () => {
    const ids = (kind: 'initiatives' | 'capacity' | 'actuals') =>
      importFields(kind, PORTFOLIO).map((field) => field.id);
    expect(ids('initiatives')).toContain('score:reach');
    expect(ids('initiatives')).toContain('demand:platform');
    expect(ids('capacity')).toEqual(['team', 'name', 'capacity:2027-Q1', 'capacity:2027-Q2']);
    expect(ids('actuals')).toContain('effort:platform');
    expect(importFields('initiatives', PORTFOLIO).find((f) => f.required)?.id).toBe('name');
  });
});

describe('draftFromTable', () => {
  it('reads decimal commas, lists, statuses and periods from a semicolon file', () => {
    const read = readCsv(fixtureText('import/initiatives-semicolon.csv'), 'initiatives');
    if (!read.ok) throw new Error('refused');
    const result = draftFromTable(read.table, guessMapping(read.table, PORTFOLIO), PORTFOLIO);
    if (!result.ok) throw new Error(result.problems.map(describeIssue).join('\n'));
    const [crm, lake, erp] = result.draft.initiatives;
    expect(crm).toMatchObject({
      id: 'crm',
      name: 'CRM revamp',
      status: 'active',
      value: 1234.5,
      spend: [1200.5, 300],
      demand: { platform: [1.5, 2] },
      start: '2027-Q1',
    });
    expect(lake).toMatchObject({
      id: 'data-lake',
      owner: 'Grace; Hopper',
      status: 'approved',
      value: 12.5,
    });
    expect(erp).toMatchObject({
      id: 'erp-lite',
      status: 'done',
      value: 1_000_000,
      start: '2027-Q2',
    });
    expect(result.draft.periods).toEqual([]);
  });

  it('refuses "12k€" and an unknown status by row and column, and names every problem', () => {
    const problems = problemsOf(
      [
        ['Name', 'Status', 'Spend Q2'],
        ['CRM', 'proposed', '100'],
        ['Billing', 'active', '12k€'],
        ['Payroll', 'blocked', '5'],
      ],
      { columns: ['name', 'status', 'value'] },
    );
    expect(problems).toEqual([
      'row 3, column Spend Q2: "12k€" is not a number',
      'row 4, column Status: "blocked" is not a status Baton knows; use one of proposed, approved, active, done, cancelled',
    ]);
  });

  it('refuses a mapping without a name column, a field mapped twice and a field of another kind', () => {
    expect(problemsOf([['Owner'], ['Ada']], { columns: ['owner'] })).toEqual([
      'row 1: no column is mapped to Name, which initiatives need',
    ]);
    expect(
      problemsOf(
        [
          ['A', 'B'],
          ['x', 'y'],
        ],
        { columns: ['name', 'name'] },
      )[0],
    ).toBe('row 1, column B: column A already fills this field; map only one column to it');
    expect(problemsOf([['A'], ['x']], { columns: ['progress'] })[0]).toMatch(
      /^row 1, column A: "progress" is not a field/,
    );
  });

  it('matches rows without ids by name, and refuses the same initiative twice', () => {
    const draft = draftOf([
      ['Name', 'Reach'],
      ['crm  REVAMP', '7'],
      ['New thing', '2'],
    ]);
    expect(draft.initiatives.map((i) => [i.id, i.status, i.scores])).toEqual([
      ['crm', 'proposed', { reach: 7 }],
      ['new-thing', 'proposed', { reach: 2 }],
    ]);
    expect(
      problemsOf([
        ['id', 'name'],
        ['a', 'A'],
        ['a', 'B'],
      ]),
    ).toEqual([
      'row 3, column id: the initiative "a" is also on row 2; give each initiative one row',
    ]);
  });

  it('adds teams and periods the portfolio lacks, with a warning for each', () => {
    const draft = draftOf([
      ['name', 'demand: data', 'start'],
      ['X', '1 1', '2027-Q4'],
    ]);
    expect(draft.teams).toEqual([{ id: 'data', name: 'data', capacity: {} }]);
    expect(draft.periods).toEqual([
      { id: '2027-Q4', label: 'Q4 2027', start: '2027-10-01', end: '2027-12-31' },
    ]);
    expect(draft.warnings.map(describeIssue)).toEqual([
      'row 1, column demand: data: the portfolio has no team "data"; the import adds it',
      'row 2, column start: the portfolio has no period "2027-Q4"; the import adds it',
    ]);
  });

  it('resolves dependencies by id or name, and refuses one that names nothing', () => {
    const draft = draftOf([
      ['name', 'depends on'],
      ['A', 'hr, B'],
      ['B', ''],
    ]);
    expect(draft.initiatives[0]?.dependsOn).toEqual(['hr', 'b']);
    expect(
      problemsOf([
        ['name', 'depends on'],
        ['A', 'nothing'],
      ]),
    ).toEqual([
      'row 2, column depends on: there is no initiative with the id or name "nothing" in the file or the portfolio',
    ]);
  });

  it('reads capacity and actuals sheets', () => {
    const capacity = draftOf([
      ['team', 'name', 'Q1 2027', '2027-Q3'],
      ['platform', 'Platform', '5,5', '6'],
      ['', 'Data', '2', ''],
    ]);
    expect(capacity.teams).toEqual([
      { id: 'platform', name: 'Platform', capacity: { '2027-Q1': 5.5, '2027-Q3': 6 } },
      { id: 'data', name: 'Data', capacity: { '2027-Q1': 2 } },
    ]);
    expect(capacity.periods.map((p) => p.id)).toEqual(['2027-Q3']);
    const actuals = draftOf(
      [
        ['initiative', 'period', 'spend', 'Platform', 'progress'],
        ['HR portal', 'Q1 2027', '1.20', '2', '40%'],
      ],
      {
        kind: 'actuals',
        columns: ['initiativeId', 'periodId', 'spend', 'effort:platform', 'progress'],
      },
    );
    expect(actuals.actuals).toEqual([
      {
        initiativeId: 'hr',
        periodId: '2027-Q1',
        spend: 1.2,
        effort: { platform: 2 },
        progress: 0.4,
      },
    ]);
  });

  it('reads the RAG, confidence and benefit realized of actuals, and names a word it does not know', () => {
    const columns = ['initiativeId', 'periodId', 'rag', 'confidence', 'benefit', 'note'];
    const read = draftOf(
      [
        ['initiative', 'period', 'RAG', 'Confidence', 'Benefit realized', 'Reason'],
        ['HR portal', 'Q1 2027', 'Amber', 'low', '1200', 'Vendor late'],
      ],
      { kind: 'actuals', columns },
    );
    expect(read.actuals).toEqual([
      {
        initiativeId: 'hr',
        periodId: '2027-Q1',
        rag: 'amber',
        confidence: 'low',
        benefit: 1200,
        note: 'Vendor late',
      },
    ]);
    expect(() =>
      draftOf(
        [
          ['initiative', 'period', 'RAG', 'Confidence', 'Benefit realized', 'Reason'],
          ['HR portal', 'Q1 2027', 'purple', 'low', '', ''],
        ],
        { kind: 'actuals', columns },
      ),
    ).toThrow('row 2, column RAG: "purple" is not a RAG status; use green, amber, red');
  });
});

describe('mergeDraft', () => {
  it('updates by id and name, adds the rest, and counts what is unchanged', () => {
    const draft = draftOf([
      ['name', 'owner', 'status'],
      ['CRM revamp', 'Lin', ''],
      ['HR portal', 'Ana', 'done'],
      ['Billing', '', ''],
    ]);
    const result = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-02');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.summary.initiatives).toEqual({
      added: ['billing'],
      updated: ['hr'],
      unchanged: ['crm'],
    });
    const hr = result.portfolio.initiatives.find((i) => i.id === 'hr');
    expect(hr).toMatchObject({ owner: 'Ana', status: 'done', demand: { platform: [1] } });
    expect(result.portfolio.initiatives.find((i) => i.id === 'crm')?.scores).toEqual({ reach: 3 });
  });

  it('keeps scores and demand of other keys when a file gives some', () => {
    const draft = draftOf([
      ['id', 'name', 'demand: data'],
      ['hr', 'HR portal', '2'],
    ]);
    const result = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-02');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.portfolio.initiatives.find((i) => i.id === 'hr')?.demand).toEqual({
      platform: [1],
      data: [2],
    });
    expect(result.summary.teams.added).toEqual(['data']);
  });

  it('refuses a draft that breaks a portfolio rule, naming the record, and changes nothing', () => {
    const draft: ImportDraft = {
      format: 'csv',
      initiatives: [{ id: 'x', name: 'X', status: 'proposed', dependsOn: ['x'] }],
      teams: [],
      periods: [],
      actuals: [],
      warnings: [],
    };
    const before = JSON.stringify(PORTFOLIO);
    const result = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-02');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeIssue(result.problems[0]!)).toMatch(/^initiatives\[2\]\.dependsOn.*X/);
    expect(JSON.stringify(PORTFOLIO)).toBe(before);
  });

  it('starts a new portfolio from the draft’s periods, or six quarters', () => {
    const draft = draftOf([['name'], ['A']]);
    const result = mergeDraft(PORTFOLIO, draft, 'new', '2026-11-02');
    if (!result.ok) throw new Error('refused');
    expect(result.portfolio.initiatives.map((i) => i.name)).toEqual(['A']);
    expect(result.portfolio.periods[0]?.id).toBe('2027-Q1');
    expect(result.portfolio.periods).toHaveLength(6);
  });
});

describe('mapping files and formats', () => {
  it('reads a mapping file by header text and applies it over the guess', () => {
    const parsed = parseMappingFile({
      kind: 'initiatives',
      columns: { 'Spend Q2': 'value', Status: null },
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const t = table([
      ['Name', 'Status', 'Spend Q2'],
      ['A', 'x', '3'],
    ]);
    const applied = applyMappingFile(parsed.mapping, t, PORTFOLIO);
    expect(applied).toEqual({
      ok: true,
      mapping: { kind: 'initiatives', headerRow: 1, columns: ['name', null, 'value'] },
    });
    expect(parseMappingFile({ columns: { a: 3 } })).toEqual({
      ok: false,
      message: 'columns["a"]: expected a field id or null',
    });
    expect(parseMappingFile({ kinds: 'x', columns: {} }).ok).toBe(false);
    const missing = applyMappingFile({ columns: new Map([['Nope', 'name']]) }, t, PORTFOLIO);
    expect(missing.ok).toBe(false);
  });

  it('tells formats from names and first lines', () => {
    expect(detectImportFormat('a.json', '{')).toBe('portfolio');
    expect(detectImportFormat('a.XLSX', 'PK')).toBe('xlsx');
    expect(detectImportFormat('p.xml', '<?xml version="1.0"?><Project xmlns="x">')).toBe(
      'msproject',
    );
    expect(detectImportFormat('p.xml', '<?xml version="1.0"?><html>')).toBe(null);
    expect(detectImportFormat('jira.csv', '\ufeffSummary,Issue key,Issue id,Status\r\n')).toBe(
      'jira',
    );
    expect(detectImportFormat('j.csv', 'Summary;Issue id\n')).toBe('jira');
    expect(detectImportFormat('plain.tsv', 'name\tstatus\n')).toBe('csv');
    expect(detectImportFormat('noext', 'name,status')).toBe(null);
  });
});

/** A CSV text read, mapped, drafted and merged into a new portfolio, as the CLI does. */
function importProblems(text: string, portfolio: Portfolio = PORTFOLIO): string[] {
  const read = readCsv(text, 'sheet');
  if (!read.ok) return read.problems.map(describeIssue);
  const drafted = draftFromTable(read.table, guessMapping(read.table, portfolio), portfolio);
  const merged = mergeDrafted(portfolio, drafted, 'merge', '2026-11-02');
  return merged.ok ? [] : merged.problems.map(describeIssue);
}

describe('problems told at once, by row and column', () => {
  it('tells the merge’s problems with the draft’s (limits2.csv), by the row and column they came from', () => {
    const text =
      'Name,Demand Platform,Spend,Value\r\nBig demand,2000000,1e3,n/a\r\nMany periods,1 1 1,,1.5\r\n';
    const read = readCsv(text, 'limits2');
    if (!read.ok) throw new Error('unread');
    const drafted = draftFromTable(read.table, guessMapping(read.table, PORTFOLIO), PORTFOLIO);
    expect(drafted.ok).toBe(false);
    const merged = mergeDrafted(PORTFOLIO, drafted, 'merge', '2026-11-02');
    if (merged.ok) throw new Error('expected a refusal');
    expect(merged.problemCount).toBe(3);
    // In the order of the rows; in a row, the draft's problems first.
    expect(merged.problems.map(describeIssue)).toEqual([
      'row 2, column Value: "n/a" is not a number',
      'row 2, column Demand Platform: Initiative Big demand, demand of Platform in its 1st active period: must be at most 1,000,000',
      'row 3, column Demand Platform: Initiative Many periods, demand of Platform: lasts 3 periods, but the portfolio has only 2 periods; an initiative must fit the plan',
    ]);
  });

  it('names the row and column of a dependency on itself and of a cycle (deps.csv)', () => {
    expect(importProblems('id,Name,Depends on\na,A,b\nb,B,a\nc,C,c\n')).toEqual([
      'row 2, column Depends on: Initiative A, depends on: dependencies form a cycle: a → b → a',
      'row 4, column Depends on: Initiative C, prerequisite 1: an initiative cannot depend on itself',
    ]);
  });

  it('tells a refused cell once, in the draft’s words', () => {
    const long = 'N'.repeat(201);
    const problems = importProblems(`Name,Depends on\n${long},\nB,B\n`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^row 2, column Name: is 201 characters long/);
    expect(problems[1]).toMatch(/^row 3, column Depends on: .*cannot depend on itself$/);
  });

  it('names the row and column of a team’s capacity and an actual’s effort', () => {
    expect(importProblems('team,name,Q1 2027\nplatform,Platform,2000000\n')).toEqual([
      'row 2, column Q1 2027: Team Platform, capacity in Q1 2027: must be at most 1,000,000',
    ]);
    expect(importProblems('initiative,period,Platform\nHR portal,Q1 2027,2000000\n')).toEqual([
      expect.stringMatching(/^row 2, column Platform: .*must be at most 1,000,000$/),
    ]);
  });

  it('merges as before when the draft reads', () => {
    const read = readCsv('name\nA\n', 's');
    if (!read.ok) throw new Error('unread');
    const drafted = draftFromTable(read.table, guessMapping(read.table, PORTFOLIO), PORTFOLIO);
    const merged = mergeDrafted(PORTFOLIO, drafted, 'new', '2026-11-02');
    expect(merged.ok && merged.summary.initiatives.added).toEqual(['a']);
  });
});

describe('columns without a header', () => {
  it('warns about data under an empty header cell, by position (emptyhdr.csv)', () => {
    const read = readCsv('Name,,Value,\nA,x,1,y\nB,,2,z\n', 'emptyhdr');
    if (!read.ok) throw new Error('unread');
    const drafted = draftFromTable(read.table, guessMapping(read.table, PORTFOLIO), PORTFOLIO);
    if (!drafted.ok) throw new Error(drafted.problems.map(describeIssue).join('\n'));
    expect(drafted.draft.warnings.map(describeIssue)).toEqual([
      'row 1, column 2 (no header): 1 cell with data is not imported; give the column a header, or choose a field for it',
      'row 1, column 4 (no header): 2 cells with data are not imported; give the column a header, or choose a field for it',
    ]);
    // A column without a header that a field was chosen for is imported, without a warning.
    const mapped = draftFromTable(
      read.table,
      { kind: 'initiatives', headerRow: 1, columns: ['name', 'owner', 'value', null] },
      PORTFOLIO,
    );
    if (!mapped.ok) throw new Error('refused');
    expect(mapped.draft.initiatives[0]?.owner).toBe('x');
    expect(mapped.draft.warnings.map((w) => w.column)).toEqual(['4 (no header)']);
  });
});

describe('cells too long to import', () => {
  it('refuses a huge quoted cell while reading the CSV, naming its row and column', () => {
    const huge = 'x'.repeat(5_000_000);
    const read = readCsv(`Name,Description\nA,"${huge}"\nB,ok\n`, 'hugecell');
    expect(read).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: 'Description',
          message:
            'the cell is 5,000,000 characters long, more than the 32,767 a spreadsheet cell holds; shorten it, or look for a quote (") that opens the cell and is closed far below',
        },
      ],
      problemCount: 1,
    });
  });

  it('reads a cell as long as a spreadsheet cell holds, and tells an open quote once', () => {
    const full = 'y'.repeat(MAX_CSV_CELL_LENGTH);
    const read = readCsv(`Name,Notes\nA,"${full}"\n`, 'full');
    expect(read.ok && read.table.rows[1]?.[1]).toBe(full);
    const open = readCsv(`Name,Notes\nA,"${full}\nB,x\n`, 'open');
    expect(!open.ok && open.problems.map(describeIssue)).toEqual([
      'row 2: a cell opens a quote (") that is never closed, so the rest of the file would be read into it; close the quote or double it ("")',
    ]);
  });
});

describe('Excel 97–2003 workbooks', () => {
  it('sends an .xls file to the workbook reader, which says to save it as .xlsx', () => {
    const ole = new TextDecoder('utf-8').decode(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    );
    expect(detectImportFormat('fake.xls', ole)).toBe('xlsx');
    expect(detectImportFormat('Budget.XLS', '')).toBe('xlsx');
    expect(detectImportFormat('export', ole)).toBe('xlsx');
    expect(detectImportFormat('renamed.csv', ole)).toBe('xlsx');
    const latin1 = String.fromCharCode(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    expect(detectImportFormat('export.bin', latin1)).toBe('xlsx');
  });

  it('the workbook reader refuses the .xls with the advice to save it as an Excel Workbook', async () => {
    const read = await readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(!read.ok && read.problems[0]?.message).toMatch(
      /Excel 97–2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/,
    );
  });
});
