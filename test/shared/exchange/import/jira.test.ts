import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../shared/exchange/import/csv-read';
import { isJiraTable, jiraDate, jiraDraft } from '../../../../shared/exchange/import/jira';
import { mergeDraft } from '../../../../shared/exchange/import/merge';
import type { ImportDraft, RawTable } from '../../../../shared/exchange/import/types';
import { emptyPortfolio } from '../../../../shared/portfolio/empty';
import type { Portfolio } from '../../../../shared/portfolio/types';

/** A fixture read as the app reads a Jira export (readCsv: no header map, delimiter pinned). */
function fixture(name: string): RawTable {
  const text = readFileSync(
    fileURLToPath(new URL(`../../../fixtures/import/${name}`, import.meta.url)),
    'utf8',
  );
  const read = readCsv(text, name.replace(/\.csv$/, ''));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table;
}

function table(rows: string[][]): RawTable {
  return { name: 'issues', rows };
}

/** Six quarters, 2027-Q1 to 2028-Q2, in FTE; no teams. */
const PORTFOLIO: Portfolio = emptyPortfolio('2026-11-20', 'Acme');

function draftOf(source: RawTable, portfolio: Portfolio = PORTFOLIO): ImportDraft {
  const result = jiraDraft(source, portfolio);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.draft;
}

describe('isJiraTable', () => {
  it('knows a Jira export by Issue key (or Issue id) and Summary', () => {
    expect(isJiraTable(fixture('jira-cloud.csv'))).toBe(true);
    expect(isJiraTable(table([['Issue id', 'summary']]))).toBe(true);
    expect(isJiraTable(table([['id', 'name', 'status']]))).toBe(false);
    expect(isJiraTable(table([]))).toBe(false);
  });
});

describe('jiraDate', () => {
  it('reads Jira’s default format, ISO dates and day.month.year', () => {
    expect(jiraDate('12/Feb/27 5:00 PM')).toBe('2027-02-12');
    expect(jiraDate('2/Aug/2027')).toBe('2027-08-02');
    expect(jiraDate('2027-03-15')).toBe('2027-03-15');
    expect(jiraDate('2027-03-15T10:00:00.000+0100')).toBe('2027-03-15');
    expect(jiraDate('15.03.2027')).toBe('2027-03-15');
  });
  it('refuses what is ambiguous or not a date', () => {
    expect(jiraDate('03/04/27')).toBeNull();
    expect(jiraDate('31/Feb/27')).toBeNull();
    expect(jiraDate('soon')).toBeNull();
  });
});

describe('jiraDraft on a Cloud export with both header sets', () => {
  const draft = draftOf(fixture('jira-cloud.csv'));
  const byId = new Map(draft.initiatives.map((initiative) => [initiative.id, initiative]));

  it('makes an initiative of each epic, its key kept', () => {
    expect(draft.format).toBe('jira');
    expect(draft.initiatives.map((initiative) => initiative.id)).toEqual([
      'shop-1',
      'shop-2',
      'shop-3',
      'mob-1',
    ]);
    const checkout = byId.get('shop-1');
    expect(checkout?.name).toBe('Checkout revamp');
    expect(checkout?.owner).toBe('Dana Lee');
    expect(checkout?.description).toBe(
      'Replace the legacy checkout, one step at a time.\nStarts with the address form.',
    );
    expect(checkout?.extras).toEqual({ jiraKey: 'SHOP-1', jiraLabels: ['payments', '2027'] });
  });

  it('maps statuses, with the resolution and the status category', () => {
    expect(byId.get('shop-1')?.status).toBe('active');
    expect(byId.get('shop-2')?.status).toBe('proposed'); // "Parked", category To Do
    expect(byId.get('shop-3')?.status).toBe('cancelled'); // Done, resolution Won't Do
    expect(byId.get('mob-1')?.status).toBe('proposed'); // "Awaiting budget", category To Do
  });

  it('rolls story points up by Parent (issue id) and Epic Link, by period of due date or version', () => {
    // SHOP-11: 5 points due 12 Feb 2027 (Q1); SHOP-12: 8 points, fix version "Release 2027 Q2";
    // the sub-task SHOP-13 (3 points) is inside its story's 8.
    expect(byId.get('shop-1')?.demand).toEqual({ shop: [5, 8] });
    expect(byId.get('shop-1')?.start).toBe('2027-Q1');
    // SHOP-21: 13 due May (Q2); SHOP-22: 3 due September (Q3); SHOP-23: 2, undated, first period.
    expect(byId.get('shop-2')?.demand).toEqual({ shop: [15, 3] });
    expect(byId.get('shop-2')?.earliestStart).toBe('2027-Q2');
    expect(byId.get('shop-2')?.start).toBeUndefined();
    // An epic with no estimated issues keeps its own estimate, undated: one period, no start.
    expect(byId.get('mob-1')?.demand).toEqual({ mobile: [20] });
    expect(byId.get('mob-1')?.earliestStart).toBeUndefined();
    expect(byId.get('shop-3')?.demand).toBeUndefined();
  });

  it('turns blocks links (outward and inward) into dependencies of the blocked epic', () => {
    expect(byId.get('shop-2')?.dependsOn).toEqual(['shop-1', 'mob-1']);
    expect(byId.get('shop-1')?.dependsOn).toBeUndefined();
  });

  it('adds a team per Jira project and uses the portfolio’s periods', () => {
    expect(draft.teams).toEqual([
      { id: 'shop', name: 'Shop', capacity: {} },
      { id: 'mobile', name: 'Mobile', capacity: {} },
    ]);
    expect(draft.periods.map((period) => period.id)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(draft.periods[0]).toBe(PORTFOLIO.periods[0]);
  });

  it('warns about the wide row, loose issues, new teams and the unit', () => {
    const messages = draft.warnings.map((warning) => `${warning.row ?? '-'} ${warning.message}`);
    expect(messages).toContainEqual(
      '9 has 33 cells but the header has 31; the 1 filled cell past the last column is left out.',
    );
    expect(messages).toContainEqual(
      '13 "10999" is not an issue in this file; the 5 points of MOB-7 are left out.',
    );
    expect(
      messages.some((message) =>
        /2 estimated issues \(SHOP-30, MOB-7\) belong to no epic/.test(message),
      ),
    ).toBe(true);
    expect(
      messages.some((message) => /New teams "Shop", "Mobile" have no capacity yet/.test(message)),
    ).toBe(true);
    expect(messages.some((message) => /counts capacity in FTE/.test(message))).toBe(true);
  });
});

describe('jiraDraft on a classic Server export', () => {
  const draft = draftOf(fixture('jira-server.csv'));
  const byId = new Map(draft.initiatives.map((initiative) => [initiative.id, initiative]));

  it('reads Epic Link, Story Points, Fix Version/s, Parent id and repeated link columns', () => {
    // OPS-10: 5 in 2027-Q2 (a version named like a period); OPS-11: 3, sprints name no period.
    expect(byId.get('ops-1')?.demand).toEqual({ operations: [8] });
    expect(byId.get('ops-1')?.start).toBe('2027-Q2');
    expect(byId.get('ops-2')?.demand).toEqual({ operations: [10] });
    expect(byId.get('ops-2')?.earliestStart).toBe('2027-Q3');
    // OPS-11 blocks OPS-20 and OPS-21 in two "Outward issue link (Blocks)" columns: one dependency.
    expect(byId.get('ops-2')?.dependsOn).toEqual(['ops-1']);
    expect(byId.get('ops-2')?.status).toBe('proposed');
  });
});

describe('jiraDraft choices and refusals', () => {
  const HEADER = [
    'Issue key',
    'Summary',
    'Issue Type',
    'Status',
    'Custom field (Story Points)',
    'Custom field (Epic Link)',
    'Outward issue link (Blocks)',
    'Due date',
  ];

  it('puts every point on the team given, an existing one matched by name', () => {
    const portfolio: Portfolio = {
      ...PORTFOLIO,
      teams: [{ id: 'platform', name: 'Platform', capacity: {} }],
    };
    const result = jiraDraft(
      table([
        HEADER,
        ['P-1', 'Epic one', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'Story', 'Story', 'To Do', '4', 'P-1', '', ''],
      ]),
      portfolio,
      { team: 'platform' },
    );
    expect(result.ok && result.draft.initiatives[0]?.demand).toEqual({ platform: [4] });
    expect(result.ok && result.draft.teams).toEqual(portfolio.teams);
  });

  it('puts points on a "Delivery" team when the export names no project', () => {
    const draft = draftOf(
      table([
        HEADER,
        ['P-1', 'Epic one', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'Story', 'Story', 'To Do', '4', 'P-1', '', ''],
      ]),
    );
    expect(draft.teams.map((team) => team.name)).toEqual(['Delivery']);
  });

  it('warns about a status it does not know and reads it as proposed', () => {
    const draft = draftOf(
      table([HEADER, ['P-1', 'Epic one', 'Epic', 'Triage board', '', '', '', '']]),
    );
    expect(draft.initiatives[0]?.status).toBe('proposed');
    expect(draft.warnings).toContainEqual({
      row: 2,
      column: 'Status',
      message: '"Triage board" is not a status Baton knows; P-1 is read as proposed.',
    });
  });

  it('leaves out a link that would make two epics wait for each other, and says so', () => {
    const draft = draftOf(
      table([
        HEADER,
        ['A-1', 'Alpha', 'Epic', 'To Do', '', '', 'B-1', ''],
        ['B-1', 'Beta', 'Epic', 'To Do', '', '', 'A-1', ''],
      ]),
    );
    expect(draft.initiatives.find((initiative) => initiative.id === 'b-1')?.dependsOn).toEqual([
      'a-1',
    ]);
    expect(
      draft.initiatives.find((initiative) => initiative.id === 'a-1')?.dependsOn,
    ).toBeUndefined();
    expect(
      draft.warnings.some(
        (warning) => warning.row === 3 && /wait for each other/.test(warning.message),
      ),
    ).toBe(true);
  });

  it('adds new quarters for dates past the portfolio’s periods, without gaps', () => {
    const draft = draftOf(
      table([
        HEADER,
        ['P-1', 'Later', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'Story', 'Story', 'To Do', '4', 'P-1', '', '2029-01-10'],
      ]),
    );
    expect(draft.periods.map((period) => period.id)).toEqual(['2028-Q3', '2028-Q4', '2029-Q1']);
    expect(draft.periods[2]).toEqual({
      id: '2029-Q1',
      label: 'Q1 2029',
      start: '2029-01-01',
      end: '2029-03-31',
    });
    expect(draft.initiatives[0]?.earliestStart).toBe('2029-Q1');
  });

  it('follows a portfolio planned in months', () => {
    const months: Portfolio = {
      ...PORTFOLIO,
      periods: [
        { id: 'jan', label: 'January', start: '2027-01-01', end: '2027-01-31' },
        { id: 'feb', label: 'February', start: '2027-02-01', end: '2027-02-28' },
      ],
    };
    const draft = draftOf(
      table([
        HEADER,
        ['P-1', 'Epic', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'One', 'Story', 'To Do', '2', 'P-1', '', '2027-02-03'],
        ['P-3', 'Two', 'Story', 'To Do', '3', 'P-1', '', '2027-04-30'],
      ]),
      months,
    );
    expect(draft.periods.map((period) => period.id)).toEqual(['feb', '2027-03', '2027-04']);
    expect(draft.initiatives[0]?.demand).toEqual({ delivery: [2, 0, 3] });
    expect(draft.initiatives[0]?.earliestStart).toBe('feb');
  });

  it('refuses a file without the columns it needs, by row and column', () => {
    const result = jiraDraft(table([['Key', 'Title']]), PORTFOLIO);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      row: 1,
      message:
        'the header has no "Issue key" column; export the issues from Jira as CSV with all fields.',
    });
  });

  it('refuses points that are not a number, a repeated key and an export with no epics', () => {
    const bad = jiraDraft(
      table([
        HEADER,
        ['P-1', 'Epic', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'S', 'Story', 'To Do', '5 pts', 'P-1', '', ''],
        ['P-1', 'Again', 'Story', 'To Do', '', '', '', ''],
      ]),
      PORTFOLIO,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      { row: 3, column: 'Custom field (Story Points)', message: '"5 pts" is not a number' },
      {
        row: 4,
        column: 'Issue key',
        message: '"P-1" is also on row 2; an issue may be listed once.',
      },
    ]);
    const noEpics = jiraDraft(
      table([HEADER, ['P-2', 'S', 'Story', 'To Do', '5', '', '', '']]),
      PORTFOLIO,
    );
    expect(noEpics.ok).toBe(false);
    if (noEpics.ok) return;
    expect(noEpics.problems[0]?.column).toBe('Issue Type');
  });

  it('never loses an epic without a word: an empty Issue Type is named by row', () => {
    const draft = draftOf(
      table([
        HEADER,
        ['P-1', 'Epic one', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'Epic two', '', 'To Do', '', '', '', ''],
      ]),
    );
    expect(draft.initiatives.map((initiative) => initiative.id)).toEqual(['p-1']);
    expect(draft.warnings).toContainEqual({
      row: 3,
      column: 'Issue Type',
      message:
        'is empty, so P-2 "Epic two" is not read as an epic and does not become an initiative; if it is an epic, set its type in Jira and export again.',
    });
    // With no epic at all, the refusal says which issues may be the epics.
    const none = jiraDraft(
      table([HEADER, ['P-2', 'Epic two', '', 'To Do', '', '', '', '']]),
      PORTFOLIO,
    );
    expect(none.ok === false && none.problems[0]?.message).toBe(
      'no issue is an Epic; Baton makes an initiative of each epic, so export the epics together with their issues. The Issue Type is empty on one issue (row 2, P-2): if it is an epic, set the type in Jira and export again.',
    );
  });

  it('says which estimate it uses when Story Points and Story point estimate disagree', () => {
    const header = [...HEADER, 'Custom field (Story point estimate)'];
    const draft = draftOf(
      table([
        header,
        ['P-1', 'Epic one', 'Epic', 'To Do', '', '', '', '', ''],
        ['P-2', 'Story', 'Story', 'To Do', '3', 'P-1', '', '', '5'],
        ['P-3', 'Same', 'Story', 'To Do', '2', 'P-1', '', '', '2'],
        ['P-4', 'Cloud', 'Story', 'To Do', '', 'P-1', '', '', '8'],
      ]),
    );
    expect(draft.initiatives[0]?.demand).toEqual({ delivery: [13] });
    const points = draft.warnings.filter((warning) => warning.column?.includes('estimate'));
    expect(points).toEqual([
      {
        row: 3,
        column: 'Custom field (Story point estimate)',
        message: '"5" differs from the 3 of Custom field (Story Points); Baton uses 3 for P-2.',
      },
    ]);
  });

  it('refuses story points that add up past the limit of a portfolio, naming the epic', () => {
    const result = jiraDraft(
      table([
        HEADER,
        ['P-1', 'Epic one', 'Epic', 'To Do', '', '', '', ''],
        ['P-2', 'A', 'Story', 'To Do', '600000', 'P-1', '', '2027-02-01'],
        ['P-3', 'B', 'Story', 'To Do', '600000', 'P-1', '', '2027-02-01'],
      ]),
      PORTFOLIO,
    );
    expect(result.ok === false && result.problems).toEqual([
      {
        row: 2,
        message:
          'the story points under P-1 for team "Delivery" add up to 1,200,000 in Q1 2027; a portfolio holds at most 1,000,000 per team and period.',
      },
    ]);
  });

  it('never throws on odd tables and does not pollute prototypes', () => {
    const odd = [
      table([]),
      table([[]]),
      table([HEADER]),
      table([
        ['__proto__', 'constructor', 'Issue key', 'Summary', 'Issue Type'],
        ['x', 'y', '__proto__', 'constructor', 'Epic'],
      ]),
      table([
        HEADER,
        ['P-1', 'E', 'Epic', 'To Do', '', '', '', '99/Zzz/99'],
        ['P-2', 'S', 'Story', 'To Do', '1e308', 'P-1', 'P-2', '1/Jan/1800'],
      ]),
    ];
    for (const source of odd) expect(() => jiraDraft(source, PORTFOLIO)).not.toThrow();
    expect(({} as Record<string, unknown>).jiraKey).toBeUndefined();
  });
});

describe('a Jira draft merged into a portfolio', () => {
  it('passes every rule of a portfolio file, into the current portfolio or a new one', () => {
    const draft = draftOf(fixture('jira-cloud.csv'));
    const merged = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-20');
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    expect(merged.summary.initiatives.added).toEqual(['shop-1', 'shop-2', 'shop-3', 'mob-1']);
    expect(merged.summary.periods.unchanged).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(merged.portfolio.initiatives.find((i) => i.id === 'shop-2')?.dependsOn).toEqual([
      'shop-1',
      'mob-1',
    ]);
    const fresh = mergeDraft(PORTFOLIO, draft, 'new', '2026-11-20');
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.problems));
    expect(fresh.portfolio.periods.map((period) => period.id)).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
    ]);
    // Importing the same export again changes nothing.
    const again = mergeDraft(
      merged.portfolio,
      draftOf(fixture('jira-cloud.csv'), merged.portfolio),
      'merge',
      '2026-11-20',
    );
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.summary.initiatives.unchanged).toHaveLength(4);
    expect(again.summary.initiatives.updated).toEqual([]);
  });

  it('lines demand up with new periods before the portfolio’s first', () => {
    const HEADER = [
      'Issue key',
      'Summary',
      'Issue Type',
      'Custom field (Story Points)',
      'Custom field (Epic Link)',
      'Due date',
    ];
    const draft = draftOf(
      table([
        HEADER,
        ['E-1', 'Early', 'Epic', '', '', ''],
        ['E-2', 'S', 'Story', '2', 'E-1', '2026-08-01'],
        ['E-3', 'T', 'Story', '5', 'E-1', '2027-02-01'],
      ]),
    );
    expect(draft.periods.map((period) => period.id)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    const merged = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-20');
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    const ids = merged.portfolio.periods.map((period) => period.id);
    const early = merged.portfolio.initiatives[0];
    const from = ids.indexOf(early?.earliestStart as string);
    expect(ids.slice(from, from + 3)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(early?.demand).toEqual({ delivery: [2, 0, 5] });
  });
});

describe('jiraDraft on arbitrary tables', () => {
  it('never throws, and every refusal names a row or a column', () => {
    const names = [
      'Issue key',
      'Issue id',
      'Summary',
      'Issue Type',
      'Status',
      'Parent',
      'Parent id',
      'Custom field (Epic Link)',
      'Custom field (Story Points)',
      'Sprint',
      'Fix versions',
      'Due date',
      'Outward issue link (Blocks)',
      'Inward issue link (Blocks)',
      'Project name',
      '__proto__',
      'constructor',
    ];
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'Epic',
        'Story',
        'A-1',
        'A-2',
        '10001',
        '3',
        '-1',
        'x',
        '12/Feb/27',
        '2027 Q2',
        '__proto__',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...names), { maxLength: 10 }),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }),
        (header, rows) => {
          const result = jiraDraft(table([header, ...rows]), PORTFOLIO);
          if (!result.ok) {
            for (const problem of result.problems)
              expect(problem.row !== undefined || problem.column !== undefined).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).jiraKey).toBeUndefined();
  });
});
