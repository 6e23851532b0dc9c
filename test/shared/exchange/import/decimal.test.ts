/**
 * Which separator is the decimal one: thousands separators and decimal commas in the shapes a
 * hostile tester's files had (issue 15: `1,500,000` and `1,500` in one Budget column, French
 * `1 000` with a no-break space in a list of numbers per period), the user's own decimal
 * separator, and numbers the file leaves open, refused by row and column.
 */
import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  draftFromTable,
  guessMapping,
  readCsv,
  readNumberText,
  type DecimalSeparator,
  type ImportDraft,
} from '../../../../shared/exchange/import';
import { numberShape } from '../../../../shared/exchange/import/numbers';
import type { Portfolio } from '../../../../shared/portfolio/types';

const PORTFOLIO: Portfolio = {
  name: 'Acme',
  periods: [
    { id: '2027-Q1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
    { id: '2027-Q2', label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
  ],
  teams: [{ id: 'platform', name: 'Platform', capacity: { '2027-Q1': 4 } }],
  objectives: [],
  scoring: { model: 'weighted', criteria: [{ id: 'reach', name: 'Reach', scale: '1-10' }] },
  initiatives: [],
  scenarios: [{ id: 'base', name: 'Base', ranking: [] }],
};

type Read = { ok: true; draft: ImportDraft } | { ok: false; problems: string[] };

/** A CSV text read as the CLI and the app read it: readCsv, the guessed mapping, the draft. */
function importCsv(text: string, decimal?: DecimalSeparator): Read {
  const read = readCsv(text, 'sheet');
  if (!read.ok) throw new Error(read.problems.map(describeIssue).join('\n'));
  const result = draftFromTable(
    read.table,
    guessMapping(read.table, PORTFOLIO),
    PORTFOLIO,
    'csv',
    decimal === undefined ? {} : { decimal },
  );
  return result.ok
    ? { ok: true, draft: result.draft }
    : { ok: false, problems: result.problems.map(describeIssue) };
}

function draftOf(text: string, decimal?: DecimalSeparator): ImportDraft {
  const read = importCsv(text, decimal);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.draft;
}

function problemsOf(text: string, decimal?: DecimalSeparator): string[] {
  const read = importCsv(text, decimal);
  if (read.ok) throw new Error('expected a refusal');
  return read.problems;
}

/** The initiatives' names with the fields numbers go to. */
function numbers(draft: ImportDraft) {
  return draft.initiatives.map(({ name, value, spend }) => ({ name, value, spend }));
}

describe('the shape of a number', () => {
  it.each([
    ['1,500', { kind: 'either', separator: ',', asDecimal: 1.5, asGroup: 1500 }],
    ['2.000', { kind: 'either', separator: '.', asDecimal: 2, asGroup: 2000 }],
    ['-1,250', { kind: 'either', separator: ',', asDecimal: -1.25, asGroup: -1250 }],
    ['1,500,000', { kind: 'number', value: 1_500_000, decimal: '.' }],
    ['1.500.000', { kind: 'number', value: 1_500_000, decimal: ',' }],
    ['1,234.5', { kind: 'number', value: 1234.5, decimal: '.' }],
    ['1.234,5', { kind: 'number', value: 1234.5, decimal: ',' }],
    ['12,50', { kind: 'number', value: 12.5, decimal: ',' }],
    ['0,500', { kind: 'number', value: 0.5, decimal: ',' }],
    ['1234,500', { kind: 'number', value: 1234.5, decimal: ',' }],
    ['1 234,5', { kind: 'number', value: 1234.5, decimal: ',' }],
    ["1'234.50", { kind: 'number', value: 1234.5, decimal: '.' }],
    ['1\u00a0000', { kind: 'number', value: 1000 }],
    ['1\u202f000', { kind: 'number', value: 1000 }],
    ['1\u2009000\u2009000', { kind: 'number', value: 1_000_000 }],
    ['1’000', { kind: 'number', value: 1000 }],
    ['1.5e3', { kind: 'number', value: 1500, decimal: '.' }],
    ['1e-7', { kind: 'number', value: 1e-7 }],
    ['42', { kind: 'number', value: 42 }],
  ])('%s', (text, shape) => {
    expect(numberShape(text)).toEqual(shape);
  });

  it.each(['1,5e3', '1\u00a023', "1\u00a0000'000", '1,23,4', '12k€', '1.2.3', ',', '+-1'])(
    'refuses %s',
    (text) => {
      expect(numberShape(text).kind).toBe('bad');
    },
  );

  it('reads a number alone as before: one separator is the decimal one (Jira story points)', () => {
    expect(readNumberText('1,500')).toEqual({ ok: true, value: 1.5 });
    expect(readNumberText('2.000')).toEqual({ ok: true, value: 2 });
  });
});

describe('the decimal separator of a column', () => {
  it('reads us-thousands.csv as its Budget column shows: the comma groups thousands', () => {
    // The tester's file: "1,500,000" and "1,500" in one column; "2,000" in a column that shows
    // nothing itself; French amounts with a no-break space and a narrow no-break space.
    const draft = draftOf(
      'Name,Budget,Value\nBig,"1,500,000","2,000"\nSmall,"1,500",5\nFrench,1\u00a0000,1\nFrench2,1\u202f000,1\n',
    );
    expect(numbers(draft)).toEqual([
      { name: 'Big', value: 2000, spend: [1_500_000] },
      { name: 'Small', value: 5, spend: [1500] },
      { name: 'French', value: 1, spend: [1000] },
      { name: 'French2', value: 1, spend: [1000] },
    ]);
  });

  it('reads a column by its own numbers before the user’s decimal separator', () => {
    const text = 'Name,Budget\nBig,"1,500,000"\nSmall,"1,500"\n';
    for (const decimal of [',', '.', undefined] as const) {
      expect(numbers(draftOf(text, decimal)).map((i) => i.spend)).toEqual([[1_500_000], [1500]]);
    }
    // A decimal comma shown in the column: "1.500" groups thousands there.
    expect(numbers(draftOf('Name;Value\nA;12,5\nB;1.500\n', '.')).map((i) => i.value)).toEqual([
      12.5, 1500,
    ]);
  });

  it('reads what the file leaves open by the decimal separator the caller gives', () => {
    const text = 'Name,Value,Spend\nA,"1,500",2.000 3\n';
    expect(numbers(draftOf(text, ','))).toEqual([{ name: 'A', value: 1.5, spend: [2000, 3] }]);
    expect(numbers(draftOf(text, '.'))).toEqual([{ name: 'A', value: 1500, spend: [2, 3] }]);
  });

  it('reads Baton’s own CSV export back with its decimal point in any locale', () => {
    const exported =
      'id,name,status,owner,description,objectives,score: reach,value,demand: platform,spend\r\ncrm,CRM,proposed,,,,,1.125,1.125 2,2.000\r\n';
    const draft = draftOf(exported, ',');
    expect(draft.initiatives[0]).toMatchObject({
      value: 1.125,
      demand: { platform: [1.125, 2] },
      spend: [2],
    });
    // Saved again by a spreadsheet where the comma is the decimal separator, it is ;-delimited.
    const saved = exported.replace(/,/g, ';').replace(/1\.125/g, '1,125');
    expect(draftOf(saved, ',').initiatives[0]?.value).toBe(1.125);
  });

  it('reads a ;-delimited file with a decimal comma when nothing else says', () => {
    const draft = draftOf('Name;Value;Spend\nA;1,500;2.000 1,250\n');
    expect(numbers(draft)).toEqual([{ name: 'A', value: 1.5, spend: [2000, 1.25] }]);
  });

  it('refuses a number that stays ambiguous, by row and column, saying both readings', () => {
    expect(problemsOf('Name,Value\nA,"1,500"\nB,7\n')).toEqual([
      'row 2, column Value: "1,500" could be 1500 (the comma grouping thousands) or 1.5 (a decimal comma), and nothing else in the file shows which separator is its decimal one; write it as 1500 or 1.5, or give the decimal separator the file uses (--decimal on the command line)',
    ]);
  });

  it('never reads one column two ways: a column written both ways refuses what is ambiguous', () => {
    const problems = problemsOf('Name,Value\nA,"1,5"\nB,2.25\nC,"1,500"\nD,"3,000.5"\n', '.');
    expect(problems).toEqual([
      'row 4, column Value: "1,500" could be 1500 (the comma grouping thousands) or 1.5 (a decimal comma), and this column has numbers written both ways, with "." as the decimal separator (row 3: "2.25") and with "," (row 2: "1,5"); write it as 1500 or 1.5',
    ]);
  });

  it('groups digits in a list with no-break spaces only; ASCII spaces separate the periods', () => {
    const draft = draftOf(
      'Name,Spend,Demand Platform\nA,1\u00a0000 2\u202f500,"1,5 2"\nB,2 500,0.5\n',
    );
    expect(draft.initiatives.map((i) => [i.spend, i.demand?.platform])).toEqual([
      [
        [1000, 2500],
        [1.5, 2],
      ],
      [[2, 500], [0.5]],
    ]);
    // "1 000" typed with an ordinary space is not read as the two periods 1 and 0.
    expect(problemsOf('Name,Spend\nA,1 000\n')).toEqual([
      'row 2, column Spend: "1 000" reads as 1 and 000 for two periods, but "000" looks like the thousands of 1000; write 1000 (or 1\u00a0000 with a no-break space) for one number, or 1 0 for two',
    ]);
  });

  it('names the number of a list that stays ambiguous, in its cell', () => {
    expect(problemsOf('Name,Spend\nA,"2 1,500"\n')).toEqual([
      'row 2, column Spend: "1,500" in "2 1,500" could be 1500 (the comma grouping thousands) or 1.5 (a decimal comma), and nothing else in the file shows which separator is its decimal one; write it as 1500 or 1.5, or give the decimal separator the file uses (--decimal on the command line)',
    ]);
  });

  it('reads percentages and capacity by the same rule', () => {
    const capacity = readCsv('team;name;Q1 2027\nplatform;Platform;1.500\n', 'c');
    if (!capacity.ok) throw new Error('unread');
    const drafted = draftFromTable(
      capacity.table,
      guessMapping(capacity.table, PORTFOLIO),
      PORTFOLIO,
    );
    if (!drafted.ok) throw new Error(drafted.problems.map(describeIssue).join('\n'));
    expect(drafted.draft.teams[0]?.capacity).toEqual({ '2027-Q1': 1500 });
    expect(draftOf('Name,Estimate range\nA,"0,250"\n').initiatives[0]?.estimateRange).toBe(0.25);
  });
});
