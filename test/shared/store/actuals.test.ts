/**
 * The actuals grid's edits: cells set one at a time or as a pasted block (one undo step), every
 * cell checked first and all refused, each by row and column, when one is bad; a block of text
 * copied from a spreadsheet read as the spreadsheet wrote it (tabs, quoted cells, the decimal
 * comma); an initiative's actual of a period cleared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';
import { restorePortfolio } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { invertChanges, withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { problemsAfter } from '../../../shared/store/check';
import { OperationError } from '../../../shared/store/context';
import {
  ActualCellsError,
  actualLabels,
  clearActual,
  parsePastedBlock,
  setActualCells,
  splitPastedText,
  type ActualCell,
  type ActualColumn,
} from '../../../shared/store/operations/actuals';
import { setInitiativeDetail } from '../../../shared/store/operations/initiatives';
import { applyChanges, type PortfolioState } from '../../../shared/store/state';
import { smallPortfolioFile } from '../portfolio/fixtures';
import { acceptPlan, stateOf, testContext } from './edit-context';

/** The small portfolio (CRM revamp, Data lake, CRM buy; Platform and Sales Ops; Q1–Q3 2027). */
function smallState(): PortfolioState {
  const file = smallPortfolioFile();
  file.actuals = [
    {
      initiativeId: 'crm-revamp',
      periodId: '2027-Q1',
      spend: 90000,
      effort: { platform: 2 },
      progress: 0.2,
      rag: 'amber',
      note: 'Vendor late.',
    },
  ];
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return stateOf(result.portfolio as Portfolio);
}

function acceptUndoable(edit: EditPlan, state: PortfolioState): PortfolioState {
  const next = acceptPlan(edit, state);
  expect(applyChanges(next, invertChanges(withoutNoOps(edit.changes)))).toEqual(state);
  return next;
}

function actualIn(state: PortfolioState, initiativeId: string, periodId = '2027-Q1') {
  return state.actuals.find(
    (actual) => actual.initiativeId === initiativeId && actual.periodId === periodId,
  );
}

/** The messages of the refusal `run` throws. */
function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ActualCellsError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  throw new Error('nothing was refused');
}

const PLATFORM = { effort: 'platform' } as const;
const SALES_OPS = { effort: 'sales-ops' } as const;

describe('setting cells', () => {
  it('sets one cell, making the actual of the period, as one undoable edit', () => {
    const state = smallState();
    const plan = setActualCells(state, testContext(), '2027-Q1', [
      { initiativeId: 'data-lake', field: 'spend', value: 40000 },
    ]);
    expect(plan.label).toBe('Set the spend of “Data lake” in Q1 2027');
    expect(plan.changes).toHaveLength(1);
    const next = acceptUndoable(plan, state);
    expect(actualIn(next, 'data-lake')).toMatchObject({
      initiativeId: 'data-lake',
      periodId: '2027-Q1',
      spend: 40000,
    });
    // Put after the actuals already there.
    expect(next.actuals.map((actual) => actual.initiativeId)).toEqual(['crm-revamp', 'data-lake']);
  });

  it('sets a block over two initiatives and every kind of column in one edit', () => {
    const state = smallState();
    const cells: ActualCell[] = [
      { initiativeId: 'crm-revamp', field: 'spend', value: 95000 },
      { initiativeId: 'crm-revamp', field: SALES_OPS, value: 1.5 },
      // Typed as a percentage, kept as a share: 35 % → 0.35.
      { initiativeId: 'crm-revamp', field: 'progress', value: 35 },
      { initiativeId: 'crm-revamp', field: 'rag', value: ' Red ' },
      { initiativeId: 'crm-revamp', field: 'confidence', value: 'LOW' },
      { initiativeId: 'crm-revamp', field: 'benefit', value: '12000.50' },
      { initiativeId: 'crm-revamp', field: 'note', value: '  Vendor late again.  ' },
      { initiativeId: 'crm-buy', field: 'progress', value: '12.5 %' },
      { initiativeId: 'crm-buy', field: PLATFORM, value: 0 },
    ];
    const plan = setActualCells(state, testContext(), '2027-Q1', cells);
    expect(plan.label).toBe('Entered 9 actuals cells in Q1 2027');
    expect(plan.changes.map((change) => change.key)).toEqual([
      ['crm-revamp', '2027-Q1'],
      ['crm-buy', '2027-Q1'],
    ]);
    const next = acceptUndoable(plan, state);
    const { order: _order, ...crm } = actualIn(next, 'crm-revamp') ?? {};
    expect(crm).toEqual({
      initiativeId: 'crm-revamp',
      periodId: '2027-Q1',
      spend: 95000,
      effort: { platform: 2, 'sales-ops': 1.5 },
      progress: 0.35,
      rag: 'red',
      confidence: 'low',
      benefit: 12000.5,
      note: 'Vendor late again.',
    });
    // 12.5 % → 0.125; an effort of 0 is an effort entered, not a cleared cell.
    expect(actualIn(next, 'crm-buy')).toMatchObject({ progress: 0.125, effort: { platform: 0 } });
  });

  it('clears cells given as undefined or blank, and removes an actual left with nothing', () => {
    const state = smallState();
    const partly = setActualCells(state, testContext(), '2027-Q1', [
      { initiativeId: 'crm-revamp', field: PLATFORM, value: undefined },
      { initiativeId: 'crm-revamp', field: 'note', value: '   ' },
    ]);
    let next = acceptUndoable(partly, state);
    const kept = actualIn(next, 'crm-revamp');
    expect(kept && 'effort' in kept).toBe(false);
    expect(kept && 'note' in kept).toBe(false);
    expect(kept).toMatchObject({ spend: 90000, progress: 0.2, rag: 'amber' });
    const rest = setActualCells(next, testContext(), '2027-Q1', [
      { initiativeId: 'crm-revamp', field: 'spend', value: '' },
      { initiativeId: 'crm-revamp', field: 'progress', value: undefined },
      { initiativeId: 'crm-revamp', field: 'rag', value: '' },
    ]);
    expect(rest.changes).toEqual([
      expect.objectContaining({ table: 'actuals', key: ['crm-revamp', '2027-Q1'] }),
    ]);
    expect(rest.changes[0]?.after).toBeUndefined();
    next = acceptUndoable(rest, next);
    expect(actualIn(next, 'crm-revamp')).toBeUndefined();
    // Clearing a cell of an initiative without an actual changes nothing.
    expect(
      setActualCells(next, testContext(), '2027-Q1', [
        { initiativeId: 'data-lake', field: 'spend', value: undefined },
      ]).changes,
    ).toEqual([]);
  });

  it('keeps an actual that holds keys Baton does not know when its cells are cleared', () => {
    const file = smallPortfolioFile();
    file.actuals = [{ initiativeId: 'crm-revamp', periodId: '2027-Q1', spend: 5, ticket: 'PMO-1' }];
    const result = restorePortfolio(file);
    if (!result.ok) throw new Error('fixture');
    const state = stateOf(result.portfolio);
    const next = acceptUndoable(
      setActualCells(state, testContext(), '2027-Q1', [
        { initiativeId: 'crm-revamp', field: 'spend', value: undefined },
      ]),
      state,
    );
    expect(actualIn(next, 'crm-revamp')?.extras).toEqual({ ticket: 'PMO-1' });
  });

  it('refuses every bad cell, each by row and column, and stores none of the good ones', () => {
    const state = smallState();
    const messages = refusal(() =>
      setActualCells(state, testContext(), '2027-Q1', [
        { initiativeId: 'data-lake', field: 'spend', value: 1000 },
        { initiativeId: 'crm-revamp', field: 'spend', value: -5 },
        { initiativeId: 'data-lake', field: 'progress', value: 120 },
        { initiativeId: 'data-lake', field: 'rag', value: 'purple' },
        { initiativeId: 'data-lake', field: 'confidence', value: 'sure' },
        { initiativeId: 'crm-buy', field: 'benefit', value: '12x' },
        { initiativeId: 'crm-buy', field: 'spend', value: 2e15 },
        { initiativeId: 'crm-buy', field: SALES_OPS, value: Number.NaN },
        { initiativeId: 'crm-buy', field: 'note', value: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
        { initiativeId: 'gone', field: 'spend', value: 1 },
        { initiativeId: 'crm-revamp', field: { effort: 'mars' }, value: 1 },
      ]),
    );
    expect(messages).toEqual([
      'Row “CRM revamp”, column Spend: -5 is negative; enter 0 or more.',
      'Row “Data lake”, column Progress %: 120 % is over 100 %; enter 0 to 100.',
      'Row “Data lake”, column RAG: “purple” is not a RAG status; write green, amber or red.',
      'Row “Data lake”, column Confidence: “sure” is not a confidence level; write high, medium or low.',
      'Row “CRM buy”, column Benefit realized: “12x” is not a number.',
      'Row “CRM buy”, column Spend: 2000000000000000 is too large; at most 1,000,000,000,000,000.',
      'Row “CRM buy”, column Effort Sales Ops: NaN is not a number.',
      'Row “CRM buy”, column Reason: the reason is 10,001 characters long; at most 10,000 are allowed.',
      'Row “gone”, column Spend: the initiative no longer exists.',
      'Row “CRM revamp”, column Effort mars: the team no longer exists.',
    ]);
    // The refusal is an OperationError, as every refused edit is; its message lists them all.
    expect(() =>
      setActualCells(state, testContext(), '2027-Q1', [
        { initiativeId: 'crm-revamp', field: 'spend', value: -5 },
      ]),
    ).toThrow(OperationError);
  });

  it('refuses a period that is gone', () => {
    expect(() =>
      setActualCells(smallState(), testContext(), '2031-Q1', [
        { initiativeId: 'crm-revamp', field: 'spend', value: 1 },
      ]),
    ).toThrow('Period "2031-Q1" no longer exists.');
  });

  it('takes the last of two cells for one field', () => {
    const state = smallState();
    const next = acceptPlan(
      setActualCells(state, testContext(), '2027-Q2', [
        { initiativeId: 'data-lake', field: 'spend', value: 1 },
        { initiativeId: 'data-lake', field: 'spend', value: 2 },
      ]),
      state,
    );
    expect(actualIn(next, 'data-lake', '2027-Q2')?.spend).toBe(2);
  });
});

describe('an initiative’s expected benefit', () => {
  it('is set and cleared as a detail of the initiative; a negative one is refused by path', () => {
    const state = smallState();
    const plan = setInitiativeDetail(state, 'crm-revamp', 'benefit', 900000);
    expect(plan.label).toBe('Changed the expected benefit of “CRM revamp”');
    const next = acceptUndoable(plan, state);
    expect(next.initiatives[0]?.benefit).toBe(900000);
    const negative = setInitiativeDetail(next, 'crm-revamp', 'benefit', -1);
    expect(
      problemsAfter(applyChanges(next, negative.changes), negative.changes).map((problem) => [
        problem.path,
        problem.message,
      ]),
    ).toEqual([['initiatives[0].benefit', 'must not be negative']]);
    const cleared = acceptUndoable(
      setInitiativeDetail(next, 'crm-revamp', 'benefit', undefined),
      next,
    );
    expect(cleared.initiatives[0]).not.toHaveProperty('benefit');
  });
});

describe('clearing an actual', () => {
  it('removes the initiative’s actual of the period, undoably; nothing to clear is no change', () => {
    const state = smallState();
    const plan = clearActual(state, 'crm-revamp', '2027-Q1');
    expect(plan.label).toBe('Cleared the actuals of “CRM revamp” in Q1 2027');
    const next = acceptUndoable(plan, state);
    expect(next.actuals).toEqual([]);
    expect(clearActual(next, 'crm-revamp', '2027-Q1').changes).toEqual([]);
    expect(() => clearActual(next, 'gone', '2027-Q1')).toThrow(OperationError);
  });
});

const GRID: readonly ActualColumn[] = [
  'spend',
  PLATFORM,
  SALES_OPS,
  'progress',
  'rag',
  'note',
  'confidence',
  'benefit',
];
const ROWS = ['crm-revamp', 'data-lake', 'crm-buy'];

describe('reading a block pasted from a spreadsheet', () => {
  it('reads Excel’s text: tabs between cells, CRLF after each row, an empty cell clears', () => {
    const text = '95000\t2\t\t30 %\r\n120000\t1,5\t0.5\t45%\r\n';
    // With a decimal point, "1,5" can only be one and a half (a group of thousands has 3 digits).
    const block = parsePastedBlock(text, GRID, ROWS, 'dot');
    expect(block).toEqual({
      cells: [
        { initiativeId: 'crm-revamp', field: 'spend', value: 95000 },
        { initiativeId: 'crm-revamp', field: PLATFORM, value: 2 },
        { initiativeId: 'crm-revamp', field: SALES_OPS, value: undefined },
        { initiativeId: 'crm-revamp', field: 'progress', value: 30 },
        { initiativeId: 'data-lake', field: 'spend', value: 120000 },
        { initiativeId: 'data-lake', field: PLATFORM, value: 1.5 },
        { initiativeId: 'data-lake', field: SALES_OPS, value: 0.5 },
        { initiativeId: 'data-lake', field: 'progress', value: 45 },
      ],
    });
  });

  it('reads numbers by the number format: 1.234,5 with a decimal comma, 1,234.5 with a point', () => {
    const cells = (text: string, decimal: 'dot' | 'comma') => {
      const block = parsePastedBlock(text, ['spend', 'progress'], ['crm-revamp'], decimal);
      if (!('cells' in block)) throw new Error(JSON.stringify(block.problems));
      return block.cells.map((cell) => cell.value);
    };
    expect(cells('1.234,5\t12,5 %', 'comma')).toEqual([1234.5, 12.5]);
    expect(cells('1,234.5\t12.5 %', 'dot')).toEqual([1234.5, 12.5]);
    // "1.500" reads two ways: a thousand five hundred with a decimal comma, one and a half with a point.
    expect(cells('1.500\t7', 'comma')).toEqual([1500, 7]);
    expect(cells('1.500\t7', 'dot')).toEqual([1.5, 7]);
    expect(cells('1,500\t7', 'dot')).toEqual([1500, 7]);
    // Spaces group thousands (Excel in French writes a no-break space).
    expect(cells('1\u00a0234\u00a0567,89\t100\u00a0%', 'comma')).toEqual([1234567.89, 100]);
    // Money as a spreadsheet shows it: its sign or code before or after.
    expect(cells('€ 1.200,50\t0', 'comma')).toEqual([1200.5, 0]);
    expect(cells('1 200,50 €\t0', 'comma')).toEqual([1200.5, 0]);
    expect(cells('EUR 1,200.50\t0', 'dot')).toEqual([1200.5, 0]);
    expect(cells('$1,200\t0', 'dot')).toEqual([1200, 0]);
  });

  it('reads quoted cells: tabs, line ends and doubled quotes inside; a stray quote is text', () => {
    const text = '"Vendor ""late"";\r\nsecond line"\tAmber\r\n12" screens\tgreen\r\n';
    const block = parsePastedBlock(text, ['note', 'rag'], ROWS, 'dot');
    expect(block).toEqual({
      cells: [
        { initiativeId: 'crm-revamp', field: 'note', value: 'Vendor "late";\r\nsecond line' },
        { initiativeId: 'crm-revamp', field: 'rag', value: 'amber' },
        { initiativeId: 'data-lake', field: 'note', value: '12" screens' },
        { initiativeId: 'data-lake', field: 'rag', value: 'green' },
      ],
    });
    expect(splitPastedText('"a\tb"\t"c"\n"unclosed\tx')).toEqual([
      ['a\tb', 'c'],
      ['"unclosed', 'x'],
    ]);
    expect(splitPastedText('one cell')).toEqual([['one cell']]);
    // One empty cell copied: its line end only.
    expect(splitPastedText('\r\n')).toEqual([['']]);
    expect(splitPastedText('a\rb\nc\r\nd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('names each bad cell by row and column, and gives no cells when one is bad', () => {
    const state = smallState();
    const labels = actualLabels(state);
    const text = '100\t2\r\n12x\t1\r\n12 %\t-1\r\n';
    expect(parsePastedBlock(text, ['spend', SALES_OPS], ROWS, 'comma', labels)).toEqual({
      problems: [
        {
          initiativeId: 'data-lake',
          field: 'spend',
          message: 'Row “Data lake”, column Spend: “12x” is not a number.',
        },
        {
          initiativeId: 'crm-buy',
          field: 'spend',
          message:
            'Row “CRM buy”, column Spend: “12 %” is a percentage; this column takes a number.',
        },
        {
          initiativeId: 'crm-buy',
          field: SALES_OPS,
          message: 'Row “CRM buy”, column Effort Sales Ops: -1 is negative; enter 0 or more.',
        },
      ],
    });
    // Without the grid's names, rows and columns go by id.
    expect(parsePastedBlock('purple', ['rag'], ['crm-buy'], 'dot')).toEqual({
      problems: [
        {
          initiativeId: 'crm-buy',
          field: 'rag',
          message:
            'Row “crm-buy”, column RAG: “purple” is not a RAG status; write green, amber or red.',
        },
      ],
    });
  });

  it('refuses a block larger than the grid from the selected cell, and an empty paste', () => {
    expect(parsePastedBlock('1\n2\n3\n4\n', ['spend'], ROWS, 'dot')).toEqual({
      problems: [
        {
          message:
            'The pasted block has 4 rows, but only 3 rows are from the selected cell down; nothing was pasted.',
        },
      ],
    });
    expect(parsePastedBlock('1\t2\t3', ['rag', 'note'], ['crm-buy'], 'dot')).toEqual({
      problems: [
        {
          message:
            'The pasted block has 3 columns, but only 2 columns are from the selected cell rightwards; nothing was pasted.',
        },
      ],
    });
    expect(parsePastedBlock('', ['spend'], ROWS, 'dot')).toEqual({
      problems: [{ message: 'There is nothing to paste.' }],
    });
  });

  it('pastes a block as one undoable edit; a block with a bad cell stores nothing', () => {
    const state = smallState();
    const labels = actualLabels(state);
    const columns = GRID.slice(3);
    const text = '40\tgreen\tOn track\thigh\t1.000\r\n10\tred\t"Blocked by ""legal"""\tlow\t0\r\n';
    const block = parsePastedBlock(text, columns, ROWS, 'comma', labels);
    if (!('cells' in block)) throw new Error(JSON.stringify(block.problems));
    const plan = setActualCells(state, testContext(), '2027-Q1', block.cells);
    expect(plan.label).toBe('Entered 10 actuals cells in Q1 2027');
    const next = acceptUndoable(plan, state);
    expect(actualIn(next, 'crm-revamp')).toMatchObject({
      spend: 90000,
      progress: 0.4,
      rag: 'green',
      note: 'On track',
      confidence: 'high',
      benefit: 1000,
    });
    expect(actualIn(next, 'data-lake')).toMatchObject({
      progress: 0.1,
      rag: 'red',
      note: 'Blocked by "legal"',
      confidence: 'low',
      benefit: 0,
    });
    const bad = parsePastedBlock('40\tgreen\r\n10\tmaroon\r\n', columns, ROWS, 'comma', labels);
    expect('cells' in bad).toBe(false);
  });

  it('gives back what a spreadsheet copied, in either number format (property)', () => {
    const share = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
    const amount = fc.integer({ min: 0, max: 1e11 }).map((cents) => cents / 100);
    const row = fc.record({
      spend: amount,
      effort: fc.integer({ min: 0, max: 100_000 }).map((tenths) => tenths / 10),
      progress: share,
      rag: fc.constantFrom('green', 'amber', 'red'),
      note: fc.string({ maxLength: 30 }).filter((note) => note.trim() !== ''),
    });
    /** A number as Excel copies it with thousands grouped: 1,234,567.5 or 1.234.567,5. */
    const written = (value: number, decimal: 'dot' | 'comma') => {
      const text = new Intl.NumberFormat(decimal === 'dot' ? 'en-US' : 'de-DE', {
        maximumFractionDigits: 2,
      }).format(value);
      return text;
    };
    /** A cell as Excel quotes it: when it holds a tab, a line end or a quote. */
    const quotedCell = (text: string) =>
      /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('dot' as const, 'comma' as const),
        (rows, decimal) => {
          const text = rows
            .map((values) =>
              [
                written(values.spend, decimal),
                written(values.effort, decimal),
                `${written(values.progress, decimal)} %`,
                values.rag,
                quotedCell(values.note),
              ].join('\t'),
            )
            .join('\r\n');
          const block = parsePastedBlock(
            `${text}\r\n`,
            ['spend', PLATFORM, 'progress', 'rag', 'note'],
            ROWS,
            decimal,
          );
          expect(block).toEqual({
            cells: rows.flatMap((values, index) => [
              { initiativeId: ROWS[index], field: 'spend', value: values.spend },
              { initiativeId: ROWS[index], field: PLATFORM, value: values.effort },
              { initiativeId: ROWS[index], field: 'progress', value: values.progress },
              { initiativeId: ROWS[index], field: 'rag', value: values.rag },
              { initiativeId: ROWS[index], field: 'note', value: values.note.trim() },
            ]),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
