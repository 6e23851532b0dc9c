import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILURE, exportRequest } from '../../../shared/cli/commands';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { tableToCsv } from '../../../shared/exchange/csv';
import {
  actualsTable,
  capacityTable,
  initiativesTable,
  rankingTable,
  type Table,
} from '../../../shared/exchange/tables';
import { computeCutLine, cutLineReport, stackOrder } from '../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';

/** A CSV file's rows as a spreadsheet reads them: the byte-order mark off, every cell text. */
function readBack(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ',', skipEmptyLines: true }).data;
}

const SMALL: Portfolio = {
  name: 'Small',
  periods: [
    { id: 'P1', label: 'First' },
    { id: 'P2', label: 'Second' },
  ],
  teams: [{ id: 'platform', name: 'Platform', capacity: { P1: 2 } }],
  objectives: [{ id: 'grow', name: 'Grow' }],
  scoring: {
    model: 'weighted',
    criteria: [
      { id: 'value', name: 'Value', scale: '1-10' },
      { id: 'fit', name: 'Fit', source: 'strategic-fit' },
    ],
  },
  initiatives: [
    {
      id: 'crm',
      name: '=HYPERLINK("http://evil")',
      status: 'proposed',
      owner: 'Ada, Lovelace',
      objectives: [{ id: 'grow', contribution: 3 }],
      scores: { value: 8 },
      demand: { platform: [1, 0.5] },
      spend: [100, 50],
      dependsOn: ['erp'],
    },
    { id: 'erp', name: 'ERP "lite"', status: 'active', demand: { platform: [5] } },
  ],
  scenarios: [{ id: 'base', name: 'Base', ranking: ['erp', 'crm'] }],
  actuals: [
    { initiativeId: 'erp', periodId: 'P1', spend: 10, effort: { platform: 1 }, note: '@risk' },
  ],
};

describe('the tables of an export', () => {
  it('lists every initiative with a column per typed criterion and per team, lists in one cell', () => {
    const table = initiativesTable(SMALL);
    expect(table.header).toContain('score: value');
    expect(table.header).not.toContain('score: fit');
    expect(table.header).toContain('demand: platform');
    const crm = Object.fromEntries(
      table.header.map((name, index) => [name, table.rows[0]?.[index]]),
    );
    expect(crm).toMatchObject({
      id: 'crm',
      owner: 'Ada, Lovelace',
      objectives: 'grow:3',
      'score: value': 8,
      'demand: platform': '1 0.5',
      spend: '100 50',
      dependsOn: 'erp',
      value: '',
    });
  });

  it('gives capacity per team and period, and actuals with effort per team', () => {
    expect(capacityTable(SMALL)).toMatchObject({
      header: ['team', 'name', 'P1', 'P2'],
      rows: [['platform', 'Platform', 2, '']],
    });
    expect(actualsTable(SMALL).rows).toEqual([['erp', 'P1', 10, 1, '', '', '', '', '@risk']]);
  });

  it('ranks the scenario as the cut line places it, with the reason for what is below', () => {
    const table = rankingTable(DEMO_PORTFOLIO, 'baseline');
    const order = stackOrder(DEMO_PORTFOLIO, 'baseline');
    expect(table.rows.map((row) => row[1])).toEqual(order);
    const report = cutLineReport(DEMO_PORTFOLIO, computeCutLine(DEMO_PORTFOLIO, order), order);
    const column = (name: string) => table.header.indexOf(name);
    const below = table.rows.filter((row) => row[column('line')] === 'below');
    expect(below.map((row) => row[1])).toEqual(report.below.map((entry) => entry.id));
    expect(below.every((row) => String(row[column('reason')]).length > 0)).toBe(true);
    expect(table.rows.filter((row) => row[column('line')] === 'funded in a gap').length).toBe(
      report.above.filter((entry) => entry.inGap).length,
    );
  });
});

describe('CSV', () => {
  it('reads back cell for cell, with text a spreadsheet would run as a formula made inert', () => {
    const table = initiativesTable(SMALL);
    const rows = readBack(tableToCsv(table));
    expect(rows[0]).toEqual(table.header);
    const name = table.header.indexOf('name');
    expect(rows[1]?.[name]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[2]?.[name]).toBe('ERP "lite"');
    expect(rows[1]?.[table.header.indexOf('owner')]).toBe('Ada, Lovelace');
    const note = readBack(tableToCsv(actualsTable(SMALL)))[1]?.at(-1);
    expect(note).toBe("'@risk");
  });

  it('writes numbers as numbers, a negative one too, and text that looks like one as text', () => {
    const table: Table = { name: 'capacity', header: ['a', 'b'], rows: [[-5, '-5']] };
    expect(tableToCsv(table)).toBe('\ufeffa,b\r\n-5,"\'-5"\r\n');
  });
});

describe('baton export', () => {
  const text = writePortfolio(DEMO_PORTFOLIO);

  it('makes the four CSV files of the scenario asked for', () => {
    const request = exportRequest('demo.json', text, {
      format: 'csv',
      out: 'out',
      scenario: 'baseline',
    });
    if (!('files' in request)) throw new Error('stderr' in request ? request.stderr : 'not csv');
    expect(request.files.map((file) => file.name)).toEqual([
      'initiatives.csv',
      'capacity.csv',
      'ranking.csv',
      'actuals.csv',
    ]);
    const initiatives = readBack(request.files[0]?.text ?? '');
    expect(initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length + 1);
  });

  it('refuses a format it does not write, a missing folder, an unknown scenario and a broken file', () => {
    const refuse = (options: Record<string, string>, file = text) => {
      const result = exportRequest('demo.json', file, options);
      return 'stderr' in result ? result : null;
    };
    expect(refuse({ out: 'x' })?.stderr).toBe(
      'baton: export needs --format csv or --format xlsx\n',
    );
    expect(refuse({ format: 'ods', out: 'x' })?.stderr).toBe(
      'baton: --format: "ods" is not one Baton exports; use csv or xlsx\n',
    );
    expect(refuse({ format: 'csv' })).toMatchObject({ code: EXIT_FAILURE });
    expect(refuse({ format: 'csv', out: 'x', scenario: 'nope' })?.stderr).toContain(
      'no scenario "nope"',
    );
    expect(refuse({ format: 'csv', out: 'x' }, '{')).toMatchObject({ code: 2 });
  });
});
