import { afterEach, describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../../shared/exchange/import/types';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { setDisplayLocale } from '../../../renderer/format';
import {
  PREVIEW_ROWS,
  cellText,
  changedFields,
  importsNothing,
  portfolioNameOfFile,
  previewTables,
  summaryText,
} from '../../../renderer/exchange/preview-model';

const none = { added: [], updated: [], unchanged: [] };

afterEach(() => setDisplayLocale(undefined));

describe('the preview of an import', () => {
  it('writes values as the export does: numbers per period, ids, demand per team', () => {
    expect(cellText([2, 2, 1.5])).toBe('2 2 1.5');
    expect(cellText(['crm', 'data-lake'])).toBe('crm, data-lake');
    expect(cellText({ platform: [2, 1], data: [1] })).toBe('platform: 2 1; data: 1');
    expect(cellText([{ id: 'grow', contribution: 3 }])).toBe('grow:3');
    expect(cellText(undefined)).toBe('');
  });

  it('names each changed field of an updated record with its old and new value', () => {
    expect(
      changedFields(
        { id: 'a', name: 'CRM', status: 'proposed', spend: [1, 2] },
        { id: 'a', name: 'CRM', status: 'active', spend: [1, 3], owner: 'Ada' },
      ),
    ).toEqual(['status: proposed → active', 'spend: 1 2 → 1 3', 'owner: (none) → Ada']);
  });

  it('lists added, then updated, then unchanged records as the merged portfolio has them', () => {
    const [first, second, third] = DEMO_PORTFOLIO.initiatives;
    if (!first || !second || !third) throw new Error('the demo has initiatives');
    const after = {
      ...DEMO_PORTFOLIO,
      initiatives: DEMO_PORTFOLIO.initiatives.map((initiative) =>
        initiative.id === second.id ? { ...initiative, owner: 'New owner' } : initiative,
      ),
    };
    const summary: MergeSummary = {
      initiatives: { added: [first.id], updated: [second.id], unchanged: [third.id] },
      teams: none,
      periods: none,
      actuals: none,
    };
    const tables = previewTables(DEMO_PORTFOLIO, after, summary);
    expect(tables.map((table) => table.kind)).toEqual(['initiatives']);
    const [initiatives] = tables;
    expect(initiatives?.total).toBe(3);
    expect(initiatives?.rows.map((row) => [row.change, row.cells[0]])).toEqual([
      ['added', first.id],
      ['updated', second.id],
      ['unchanged', third.id],
    ]);
    expect(initiatives?.rows[1]?.changes).toEqual([
      `owner: ${second.owner ?? '(none)'} → New owner`,
    ]);
  });

  it(`lists at most ${PREVIEW_ROWS} rows of a table but counts them all`, () => {
    const many = Array.from({ length: PREVIEW_ROWS + 50 }, (_, index) => ({
      id: `i${index}`,
      name: `Initiative ${index}`,
      status: 'proposed' as const,
    }));
    const after = { ...DEMO_PORTFOLIO, initiatives: many };
    const tables = previewTables(DEMO_PORTFOLIO, after, {
      initiatives: { added: many.map((initiative) => initiative.id), updated: [], unchanged: [] },
      teams: none,
      periods: none,
      actuals: none,
    });
    expect(tables[0]?.rows).toHaveLength(PREVIEW_ROWS);
    expect(tables[0]?.total).toBe(PREVIEW_ROWS + 50);
  });
});

describe('what an import does, in words', () => {
  it('counts each kind of record it touches and leaves the others out', () => {
    expect(
      summaryText({
        initiatives: { added: ['a', 'b', 'c'], updated: ['d'], unchanged: ['e', 'f'] },
        teams: { added: ['t'], updated: [], unchanged: [] },
        periods: none,
        actuals: { added: [], updated: ['x'], unchanged: [] },
      }),
    ).toBe('3 initiatives added, 1 updated, 2 unchanged; 1 team added; 1 row of actuals updated');
    expect(summaryText({ initiatives: none, teams: none, periods: none, actuals: none })).toBe(
      'nothing to add or change',
    );
  });
});

describe('numbers in the preview, in the format chosen in Settings', () => {
  it('groups counts as the table headings do: 10,000 initiatives added', () => {
    setDisplayLocale('en-US');
    const many = Array.from({ length: 10_000 }, (_, index) => `i${index}`);
    const summary = {
      initiatives: { added: many, updated: [], unchanged: many.slice(0, 1500) },
      teams: none,
      periods: none,
      actuals: none,
    };
    expect(summaryText(summary)).toBe('10,000 initiatives added, 1,500 unchanged');
    setDisplayLocale('de-DE');
    expect(summaryText(summary)).toBe('10.000 initiatives added, 1.500 unchanged');
  });

  it('writes decimals with the chosen separator, and keeps what is stored', () => {
    setDisplayLocale('de-DE');
    expect(cellText(1.5)).toBe('1,5');
    expect(cellText([2, 0.47, 1.5])).toBe('2 0,47 1,5');
    expect(cellText({ platform: [0.125] })).toBe('platform: 0,125');
    expect(changedFields({ value: 1.5 }, { value: 2.25 })).toEqual(['value: 1,5 → 2,25']);
    const team = {
      id: 'ops',
      name: 'Ops',
      capacity: { [DEMO_PORTFOLIO.periods[0]?.id ?? '']: 2.5 },
    };
    const [teams] = previewTables(
      DEMO_PORTFOLIO,
      { ...DEMO_PORTFOLIO, teams: [team] },
      { initiatives: none, teams: { ...none, added: ['ops'] }, periods: none, actuals: none },
    );
    expect(teams?.rows[0]?.cells[2]).toMatch(/^[^;]+: 2,5;/);
  });
});

describe('an import that changes nothing, and a portfolio made from a file', () => {
  it('knows an import that adds and updates nothing', () => {
    const summary = {
      initiatives: { ...none, unchanged: ['a'] },
      teams: none,
      periods: none,
      actuals: none,
    };
    expect(importsNothing(summary)).toBe(true);
    expect(importsNothing({ ...summary, periods: { ...none, added: ['2029-Q1'] } })).toBe(false);
  });

  it('names a new portfolio after its file, as the command line does', () => {
    expect(portfolioNameOfFile('plan.csv')).toBe('plan');
    expect(portfolioNameOfFile('Relaunch 2027.v2.xml')).toBe('Relaunch 2027.v2');
    expect(portfolioNameOfFile('.csv')).toBe('.csv');
  });
});
