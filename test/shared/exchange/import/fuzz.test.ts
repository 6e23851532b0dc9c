/**
 * Fuzzing the CSV import end to end (fast-check, 10,500 cases in all): CSV text with quotes,
 * delimiters, byte-order marks, decimal commas and hostile names (`__proto__`, `constructor`) as
 * headers, ids and cells. Nothing throws or hangs, nothing pollutes Object.prototype, and every
 * refusal names its row, column or path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectImportFormat,
  describeIssue,
  draftFromTable,
  guessMapping,
  mergeDraft,
  parseMappingFile,
  applyMappingFile,
  readCsv,
  readNumberText,
  type ImportIssue,
} from '../../../../shared/exchange/import';
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
