import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  EXIT_BAD_FILE,
  EXIT_FAILURE,
  exportRequest,
  importRequest,
  parseArgs,
  type ImportInput,
} from '../../../shared/cli/commands';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { readXlsx, writeXlsx } from '../../../shared/exchange/xlsx';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { fixtureText } from '../portfolio/fixtures';

const TODAY = '2026-11-02';
const encode = (text: string) => new TextEncoder().encode(text);

async function runImport(
  label: string,
  bytes: Uint8Array,
  options: Record<string, string>,
  extra: Partial<ImportInput> = {},
) {
  return importRequest({ source: { label, bytes }, options, today: TODAY, readXlsx, ...extra });
}

async function imported(...args: Parameters<typeof runImport>): Promise<Portfolio> {
  const result = await runImport(...args);
  if (!('text' in result)) throw new Error(result.stderr);
  const read = readPortfolioText(result.text);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.portfolio;
}

function csvFiles(portfolio: Portfolio): Record<string, string> {
  const request = exportRequest('p.json', writePortfolio(portfolio), { format: 'csv', out: 'x' });
  if (!('files' in request)) throw new Error('no files');
  return Object.fromEntries(request.files.map((file) => [file.name, file.text]));
}

// The intake settings and the proposals name teams and initiatives, so the shell has none.
const {
  intakeSettings: _intakeSettings,
  proposals: _proposals,
  ...DEMO_WITHOUT_INTAKE
} = DEMO_PORTFOLIO;

/** The demo with its records taken out: what the tables fill back in. */
const SHELL: Portfolio = {
  ...DEMO_WITHOUT_INTAKE,
  teams: [],
  initiatives: [],
  actuals: [],
  scenarios: DEMO_PORTFOLIO.scenarios.map((scenario) => ({ ...scenario, ranking: [] })),
  decisions: [],
  workshops: [],
};

describe('baton import', () => {
  it('parses its options', () => {
    expect(parseArgs(['import', 'a.csv', '--into', 'p.json', '--out', 'o.json'])).toEqual({
      command: 'import',
      file: 'a.csv',
      options: { into: 'p.json', out: 'o.json' },
    });
    expect(parseArgs(['import', 'jira.csv', '--team', 'Web team', '--out', 'o.json'])).toEqual({
      command: 'import',
      file: 'jira.csv',
      options: { team: 'Web team', out: 'o.json' },
    });
    expect(parseArgs(['import', 'a.csv', '--sheet', 'x'])).toEqual({
      error: 'import has no option --sheet',
    });
  });

  it('round-trips the exported CSV tables: capacity, initiatives and actuals come back the same', async () => {
    const files = csvFiles(DEMO_PORTFOLIO);
    let portfolio = SHELL;
    for (const name of ['capacity.csv', 'initiatives.csv', 'actuals.csv']) {
      portfolio = await imported(
        name,
        encode(files[name] as string),
        { out: 'o.json' },
        {
          into: { label: 'shell.json', text: writePortfolio(portfolio) },
        },
      );
    }
    expect(portfolio.teams).toEqual(DEMO_PORTFOLIO.teams);
    expect(portfolio.initiatives).toEqual(DEMO_PORTFOLIO.initiatives);
    expect(portfolio.actuals).toEqual(DEMO_PORTFOLIO.actuals);
    expect(portfolio.periods).toEqual(DEMO_PORTFOLIO.periods);
  });

  it('round-trips into a new portfolio, with the file’s periods, and re-importing changes nothing', async () => {
    const files = csvFiles(DEMO_PORTFOLIO);
    const fresh = await imported('capacity.csv', encode(files['capacity.csv'] as string), {
      out: 'o.json',
    });
    expect(fresh.periods.map((p) => p.id)).toEqual(DEMO_PORTFOLIO.periods.map((p) => p.id));
    expect(fresh.teams).toEqual(DEMO_PORTFOLIO.teams);
    const into = { label: 'p.json', text: writePortfolio(DEMO_PORTFOLIO) };
    const again = await runImport(
      'initiatives.csv',
      encode(files['initiatives.csv'] as string),
      { out: 'o.json' },
      { into },
    );
    if (!('text' in again)) throw new Error(again.stderr);
    const report = JSON.parse(again.stdout);
    expect(report.sheets[0].initiatives).toEqual({
      added: 0,
      updated: 0,
      unchanged: DEMO_PORTFOLIO.initiatives.length,
    });
  });

  it('round-trips an XLSX export in one import, skipping the computed ranking sheet', async () => {
    const request = exportRequest('p.json', writePortfolio(DEMO_PORTFOLIO), {
      format: 'xlsx',
      out: 'x.xlsx',
    });
    if (!('tables' in request)) throw new Error('no tables');
    const bytes = await writeXlsx(request.tables);
    const result = await runImport(
      'export.xlsx',
      bytes,
      { out: 'o.json' },
      {
        into: { label: 'shell.json', text: writePortfolio(SHELL) },
      },
    );
    if (!('text' in result)) throw new Error(result.stderr);
    expect(result.stderr).toContain('sheet ranking: a ranking of Baton’s export is computed');
    const portfolio = readPortfolioText(result.text);
    if (!portfolio.ok) throw new Error('refused');
    expect(portfolio.portfolio.teams).toEqual(DEMO_PORTFOLIO.teams);
    expect(portfolio.portfolio.initiatives).toEqual(DEMO_PORTFOLIO.initiatives);
    expect(portfolio.portfolio.actuals).toEqual(DEMO_PORTFOLIO.actuals);
  });

  it.each(['initiatives-merged.xlsx', 'initiatives-libreoffice.xlsx'])(
    'imports %s, its field names below a row of merged group headers, without a mapping file',
    async (name) => {
      const bytes = new Uint8Array(
        await readFile(new URL(`../../fixtures/import/${name}`, import.meta.url)),
      );
      const result = await runImport(name, bytes, { out: 'o.json' });
      if (!('text' in result)) throw new Error(result.stderr);
      const read = readPortfolioText(result.text);
      if (!read.ok) throw new Error('refused');
      expect(read.portfolio.initiatives.map((i) => [i.id, i.name, i.owner])).toEqual([
        ['crm', 'CRM renewal', 'Ana'],
        ['data-lake', 'Data lake', 'Ben'],
        ['=risky', 'Formula-looking name', 'Cy'],
        ['mobile', 'Mobile app', 'Dee'],
      ]);
      // The capacity sheet lists team, period and capacity a row, which no guess reads: it is
      // left out with a warning that says how to import it, and the rest imports.
      expect(result.stderr).toContain(
        `${name}: warning: sheet Capacity: its headers (row 1) fit no kind of table Baton imports`,
      );
      expect(result.stderr).toContain('give --mapping with "sheet": "Capacity"');
    },
  );

  it('refuses a ranking exported alone, saying it is computed', async () => {
    const ranking = csvFiles(DEMO_PORTFOLIO)['ranking.csv'] as string;
    const result = await runImport('ranking.csv', encode(ranking), { out: 'o.json' });
    expect(result).toMatchObject({
      code: EXIT_BAD_FILE,
      stderr: expect.stringContaining(
        'row 1: there is nothing to import: a ranking of Baton’s export is computed from the rest',
      ) as unknown as string,
    });
  });

  it('warns once about a Jira row wider than its header', async () => {
    const jira = fixtureText('import/jira-cloud.csv');
    const result = await runImport('jira.csv', encode(jira), { out: 'o.json' });
    if (!('text' in result)) throw new Error(result.stderr);
    const wide = result.stderr.split('\n').filter((line) => line.includes('row 9:'));
    expect(wide).toEqual([
      'jira.csv: warning: row 9: has 33 cells but the header has 31; the 1 filled cell past the last column is left out.',
    ]);
  });

  it('puts every story point of a Jira export on the team named by --team', async () => {
    const jira = encode(fixtureText('import/jira-cloud.csv'));
    const portfolio = await imported('jira.csv', jira, { out: 'o.json', team: 'Web team' });
    expect(portfolio.teams.map((team) => [team.id, team.name])).toEqual([['web-team', 'Web team']]);
    expect(portfolio.initiatives.find((i) => i.id === 'shop-1')?.demand).toEqual({
      'web-team': [5, 8],
    });
    expect(portfolio.initiatives.find((i) => i.id === 'mob-1')?.demand).toEqual({
      'web-team': [20],
    });
    // An existing team, named by its name, takes them as is.
    const into = { label: 'demo.json', text: writePortfolio(DEMO_PORTFOLIO) };
    const team = DEMO_PORTFOLIO.teams[0]!;
    const merged = await imported('jira.csv', jira, { out: 'o.json', team: team.name }, { into });
    expect(merged.teams).toHaveLength(DEMO_PORTFOLIO.teams.length);
    expect(Object.keys(merged.initiatives.find((i) => i.id === 'shop-1')?.demand ?? {})).toEqual([
      team.id,
    ]);
  });

  it('refuses a bad CSV with exit code 2 and row and column on stderr', async () => {
    const bad = fixtureText('import/initiatives-bad.csv');
    const mapping = { label: 'm.json', text: JSON.stringify({ columns: { 'Spend Q2': 'value' } }) };
    const result = await runImport('bad.csv', encode(bad), { out: 'o.json' }, { mapping });
    expect(result).toEqual({
      stdout: '',
      stderr:
        'bad.csv: refused, 2 problems:\n' +
        '  row 3, column Spend Q2: "12k€" is not a number\n' +
        '  row 4, column Status: "blocked" is not a status Baton knows; use one of proposed, approved, active, done, cancelled\n',
      code: EXIT_BAD_FILE,
    });
  });

  it('reads a semicolon CSV with decimal commas into a new portfolio named after it', async () => {
    const portfolio = await imported(
      'plan.csv',
      encode(fixtureText('import/initiatives-semicolon.csv')),
      { out: 'o.json' },
    );
    expect(portfolio.name).toBe('plan');
    expect(portfolio.initiatives.map((i) => [i.name, i.value])).toEqual([
      ['CRM revamp', 1234.5],
      ['Data lake', 12.5],
      ['ERP lite', 1_000_000],
    ]);
    expect(portfolio.teams.map((t) => t.id)).toEqual(['platform']);
  });

  it('refuses what it cannot do with a sentence', async () => {
    const csv = encode('name\nA\n');
    const stderr = async (
      label: string,
      options: Record<string, string>,
      extra?: Partial<ImportInput>,
    ) => {
      const result = await runImport(label, csv, options, extra);
      return 'code' in result ? [result.code, result.stderr] : null;
    };
    expect(await stderr('a.csv', {})).toEqual([
      EXIT_FAILURE,
      'baton: import needs --out FILE.json\n',
    ]);
    expect(await stderr('a.csv', { out: 'o.txt' })).toEqual([
      EXIT_FAILURE,
      'baton: --out: "o.txt" should end in .json\n',
    ]);
    expect(await stderr('a.csv', { out: 'o.json', format: 'ods' })).toEqual([
      EXIT_FAILURE,
      'baton: --format: "ods" is not one Baton imports; use csv, xlsx, jira, msproject\n',
    ]);
    expect((await stderr('a.json', { out: 'o.json' }))?.[1]).toMatch(/is a Baton portfolio file/);
    expect(
      await stderr(
        'a.csv',
        { out: 'o.json' },
        { mapping: { label: 'm.json', text: '{"columns": 3}' } },
      ),
    ).toEqual([
      EXIT_BAD_FILE,
      'm.json: columns: expected an object of header text to field id, or a list of field ids\n',
    ]);
    expect((await stderr('a.xlsx', { out: 'o.json' }))?.[0]).toBe(EXIT_BAD_FILE);
    expect(await stderr('a.csv', { out: 'o.json', team: 'Web' })).toEqual([
      EXIT_FAILURE,
      'baton: --team is for jira files, whose story points it puts on one team; a csv file names its teams in its own columns ("demand: TEAM")\n',
    ]);
    expect(await stderr('p.xml', { out: 'o.json', format: 'msproject', team: 'Web' })).toEqual([
      EXIT_FAILURE,
      'baton: --team is for jira files, whose story points it puts on one team; an msproject file takes its teams from its resources\n',
    ]);
    expect(await stderr('j.csv', { out: 'o.json', format: 'jira', team: ' ' })).toEqual([
      EXIT_FAILURE,
      'baton: --team needs the name or id of a team\n',
    ]);
  });

  it('reads numbers the file leaves open with --decimal, and refuses them by row without it', async () => {
    const csv = encode('Name,Value\nWarehouse robots,"1,500"\n');
    const dot = await imported('plan.csv', csv, { out: 'o.json', decimal: 'dot' });
    expect(dot.initiatives[0]?.value).toBe(1500);
    const comma = await imported('plan.csv', csv, { out: 'o.json', decimal: 'comma' });
    expect(comma.initiatives[0]?.value).toBe(1.5);
    const open = await runImport('plan.csv', csv, { out: 'o.json' });
    expect('code' in open && open.code).toBe(EXIT_BAD_FILE);
    expect('stderr' in open && open.stderr).toContain('row 2, column Value: "1,500" could be 1500');
    const wrong = await runImport('plan.csv', csv, { out: 'o.json', decimal: 'semicolon' });
    expect('code' in wrong && wrong.code).toBe(EXIT_FAILURE);
    expect('stderr' in wrong && wrong.stderr).toContain('--decimal is dot');
  });
});
