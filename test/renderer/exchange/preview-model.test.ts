import { describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../../shared/exchange/import/types';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  PREVIEW_ROWS,
  cellText,
  changedFields,
  previewTables,
  summaryText,
} from '../../../renderer/exchange/preview-model';

const none = { added: [], updated: [], unchanged: [] };

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
