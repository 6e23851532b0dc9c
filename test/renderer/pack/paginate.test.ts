import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_TABLE_ROWS,
  paginate,
  type LaidOutPage,
  type MeasuredBlock,
  type MeasuredSection,
  type PagePiece,
} from '../../../renderer/pack/paginate';

const PAGE = 100;

const flow = (height: number, keepWithNext = false): MeasuredBlock => ({
  kind: 'flow',
  height,
  ...(keepWithNext && { keepWithNext }),
});

const table = (headHeight: number, rowHeights: number[], gap = 0): MeasuredBlock => ({
  kind: 'table',
  headHeight,
  rowHeights,
  gap,
});

function section(id: string, blocks: MeasuredBlock[], headingHeight = 10): MeasuredSection {
  return { id, headingHeight, blocks };
}

/** Pages written short: "summary*: 0 1 2[0-4)", the star on a section's first page. */
function sketch(pages: readonly LaidOutPage[]): string[] {
  return pages.map(
    (page) =>
      `${page.section}${page.first ? '*' : ''}:${page.pieces
        .map((piece) => ` ${piece.block}${piece.rows ? `[${piece.rows[0]}-${piece.rows[1]})` : ''}`)
        .join('')}`,
  );
}

describe('paginate', () => {
  it('starts every section on a page of its own, its heading on the first', () => {
    const pages = paginate(
      [section('summary', [flow(20)]), section('ranked', [flow(20), flow(20)])],
      PAGE,
    );
    expect(pages).toEqual([
      { section: 'summary', first: true, pieces: [{ block: 0 }] },
      { section: 'ranked', first: true, pieces: [{ block: 0 }, { block: 1 }] },
    ]);
  });

  it('gives a section without blocks one page, for its heading', () => {
    expect(paginate([section('frontier', [])], PAGE)).toEqual([
      { section: 'frontier', first: true, pieces: [] },
    ]);
    expect(paginate([], PAGE)).toEqual([]);
  });

  it('fills a page to the last unit and moves a block that does not fit whole', () => {
    // Heading 10 + 60 + 30 is exactly a page; the next 1 does not fit.
    expect(sketch(paginate([section('s', [flow(60), flow(30), flow(1)])], PAGE))).toEqual([
      's*: 0 1',
      's: 2',
    ]);
    expect(sketch(paginate([section('s', [flow(60), flow(31), flow(1)])], PAGE))).toEqual([
      's*: 0',
      's: 1 2',
    ]);
  });

  it('never ends a page with a subheading: it moves with what follows it', () => {
    // 10 + 60 + 10 fits, but not the paragraph after the subheading.
    const blocks = [flow(60), flow(10, true), flow(25)];
    expect(sketch(paginate([section('s', blocks)], PAGE))).toEqual(['s*: 0', 's: 1 2']);
    // The same blocks without the mark: the subheading would be left at the foot of the page.
    const unmarked = [flow(60), flow(10), flow(25)];
    expect(sketch(paginate([section('s', unmarked)], PAGE))).toEqual(['s*: 0 1', 's: 2']);
  });

  it('keeps subheadings that follow each other with what follows them', () => {
    // Regression: the first subheading checked only the second one, which then moved alone.
    const blocks = [flow(55), flow(10, true), flow(10, true), flow(25)];
    expect(sketch(paginate([section('s', blocks)], PAGE))).toEqual(['s*: 0', 's: 1 2 3']);
    const headed = [flow(55), flow(10, true), flow(10, true), table(10, [20])];
    expect(sketch(paginate([section('s', headed)], PAGE))).toEqual(['s*: 0', 's: 1 2 3[0-1)']);
  });

  it('keeps a subheading with the header and first row of the table after it', () => {
    // 10 + 65 + 10 + head 10 + first row 10 is 105: the subheading goes with the table.
    const moved = [flow(65), flow(10, true), table(10, [10, 10])];
    expect(sketch(paginate([section('s', moved)], PAGE))).toEqual(['s*: 0', 's: 1 2[0-2)']);
    // With 20 less above it, the subheading, the header and three rows fit; the table breaks.
    const split = [flow(40), flow(10, true), table(10, [10, 10, 10, 10, 10, 10, 10, 10])];
    expect(sketch(paginate([section('s', split)], PAGE))).toEqual(['s*: 0 1 2[0-3)', 's: 2[3-8)']);
  });

  it('breaks a table between rows and repeats its header on the next page', () => {
    // Heading 10 + header 10 + four rows of 20 is a page; the header and four rows go on.
    const pages = paginate(
      [section('ranked', [table(10, [20, 20, 20, 20, 20, 20, 20, 20])])],
      PAGE,
    );
    expect(pages).toEqual([
      { section: 'ranked', first: true, pieces: [{ block: 0, rows: [0, 4] }] },
      { section: 'ranked', first: false, pieces: [{ block: 0, rows: [4, 8] }] },
    ]);
  });

  it('never leaves fewer than three rows of a table on its last page', () => {
    // Four rows fit the first page, but that would leave two for the next: three go on.
    const pages = paginate([section('ranked', [table(10, [20, 20, 20, 20, 20, 20])])], PAGE);
    expect(sketch(pages)).toEqual(['ranked*: 0[0-3)', 'ranked: 0[3-6)']);
  });

  it('moves a short table whole rather than start it with fewer than three rows to avoid a widow', () => {
    // Four rows fit under 10 + 40, but a 5-row table split 4 + 1 would leave a widow, and 2 + 3
    // would start with two: the table starts on the next page, whole.
    const pages = paginate([section('s', [flow(40), table(10, [10, 10, 10, 10, 10])])], PAGE);
    expect(sketch(pages)).toEqual(['s*: 0', 's: 1[0-5)']);
  });

  it('starts a table on a page only when its header and three rows fit there', () => {
    // 10 + 55 + header 10 + two rows fit, not the third: the table starts on the next page.
    const pages = paginate([section('s', [flow(55), table(10, [10, 10, 10, 10])])], PAGE);
    expect(sketch(pages)).toEqual(['s*: 0', 's: 1[0-4)']);
  });

  it('does not leave a table header alone at the foot of a page', () => {
    // 10 + 75 + header 10 fit, but not the first row: the whole table moves.
    expect(sketch(paginate([section('s', [flow(75), table(10, [10, 10])])], PAGE))).toEqual([
      's*: 0',
      's: 1[0-2)',
    ]);
  });

  it('counts the space below a table before placing what follows', () => {
    // Page 2 holds header 10 + rows 60 + gap 5; 25 is left.
    const rows = [20, 20, 20, 20, 20, 20, 20];
    expect(sketch(paginate([section('s', [table(10, rows, 5), flow(25)])], PAGE))).toEqual([
      's*: 0[0-4)',
      's: 0[4-7) 1',
    ]);
    expect(sketch(paginate([section('s', [table(10, rows, 5), flow(26)])], PAGE))).toEqual([
      's*: 0[0-4)',
      's: 0[4-7)',
      's: 1',
    ]);
  });

  it('shows a table without rows once, as its header', () => {
    expect(paginate([section('s', [flow(20), table(15, []), flow(20)])], PAGE)).toEqual([
      {
        section: 's',
        first: true,
        pieces: [{ block: 0 }, { block: 1, rows: [0, 0] }, { block: 2 }],
      },
    ]);
  });

  it('gives a block taller than a page a page of its own, and goes on after it', () => {
    expect(sketch(paginate([section('s', [flow(20), flow(250), flow(20)])], PAGE))).toEqual([
      's*: 0',
      's: 1',
      's: 2',
    ]);
  });

  it('gives a table row taller than a page a page of its own, under the header', () => {
    const pages = paginate([section('s', [table(10, [20, 150, 20])])], PAGE);
    expect(sketch(pages)).toEqual(['s*: 0[0-1)', 's: 0[1-2)', 's: 0[2-3)']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random heights.

const TOLERANCE = 1e-9;

/** Mostly ordinary heights, now and then one taller than any page. */
const height = (max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max }), weight: 9 },
    { arbitrary: fc.integer({ min: 200, max: 400 }), weight: 1 },
  );

const blockArbitrary: fc.Arbitrary<MeasuredBlock> = fc.oneof(
  fc.record({
    kind: fc.constant('flow' as const),
    height: height(90),
    keepWithNext: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('table' as const),
    headHeight: fc.integer({ min: 0, max: 25 }),
    rowHeights: fc.array(height(60), { maxLength: 12 }),
    gap: fc.integer({ min: 0, max: 8 }),
  }),
);

const layoutArbitrary = fc.record({
  pageHeight: fc.integer({ min: 60, max: 180 }),
  sections: fc
    .array(
      fc.record({
        headingHeight: fc.integer({ min: 0, max: 30 }),
        blocks: fc.array(blockArbitrary, { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((sections) => sections.map((entry, index) => ({ id: `s${index}`, ...entry }))),
});

/** The height a piece takes on its page, without the space below a table. */
function pieceHeight(block: MeasuredBlock, piece: PagePiece): number {
  if (block.kind === 'flow') return block.height;
  const [from, to] = piece.rows ?? [0, block.rowHeights.length];
  return block.rowHeights.slice(from, to).reduce((sum, row) => sum + row, block.headHeight);
}

/** Whether the piece holds the end of its block (all of a flow block, a table's last row). */
function endsBlock(block: MeasuredBlock, piece: PagePiece): boolean {
  return block.kind === 'flow' || (piece.rows?.[1] ?? 0) === block.rowHeights.length;
}

/** Height used on a page: its heading, its pieces, and the space below a table when more follows. */
function usedHeight(page: LaidOutPage, section: MeasuredSection): number {
  let used = page.first ? section.headingHeight : 0;
  page.pieces.forEach((piece, index) => {
    const block = section.blocks[piece.block] as MeasuredBlock;
    used += pieceHeight(block, piece);
    const more = index < page.pieces.length - 1;
    if (more && block.kind === 'table' && endsBlock(block, piece)) used += block.gap;
  });
  return used;
}

/** What a section is made of, item by item: each flow block, each table row, each empty table. */
function itemsOf(section: MeasuredSection): string[] {
  return section.blocks.flatMap((block, index) =>
    block.kind === 'flow'
      ? [`${index}`]
      : block.rowHeights.length === 0
        ? [`${index}[]`]
        : block.rowHeights.map((_, row) => `${index}[${row}]`),
  );
}

function itemsOnPage(page: LaidOutPage, section: MeasuredSection): string[] {
  return page.pieces.flatMap((piece) => {
    const block = section.blocks[piece.block];
    if (block?.kind !== 'table') return [`${piece.block}`];
    const [from, to] = piece.rows ?? [-1, -1];
    if (block.rowHeights.length === 0 && from === 0 && to === 0) return [`${piece.block}[]`];
    return Array.from({ length: to - from }, (_, k) => `${piece.block}[${from + k}]`);
  });
}

/** A subheading's height with the subheadings after it and the start of the block they head. */
/**
 * What a table needs to start on a page: its header and its first rows, up to MIN_TABLE_ROWS of
 * them, as many as a page can hold (at least one).
 */
function tableStartHeight(
  block: Extract<MeasuredBlock, { kind: 'table' }>,
  pageHeight: number,
  from = 0,
): number {
  const rest = block.rowHeights.slice(from);
  const whole = block.headHeight + rest.reduce((a, b) => a + b, 0);
  // A short table (under two parts of three rows) starts only whole, when it fits a page.
  if (from === 0 && rest.length < 2 * MIN_TABLE_ROWS && whole <= pageHeight) return whole;
  let height = block.headHeight;
  for (const [index, row] of rest.slice(0, MIN_TABLE_ROWS).entries()) {
    if (index > 0 && height + row > pageHeight) break;
    height += row;
  }
  return height;
}

function keptHeight(blocks: readonly MeasuredBlock[], index: number, pageHeight: number): number {
  let height = 0;
  for (const block of blocks.slice(index)) {
    if (block.kind === 'table') return height + tableStartHeight(block, pageHeight);
    height += block.height;
    if (!block.keepWithNext) break;
  }
  return height;
}

function pagesBySection(sections: readonly MeasuredSection[], pages: readonly LaidOutPage[]) {
  return sections.map((entry) => ({
    section: entry,
    pages: pages.filter((page) => page.section === entry.id),
  }));
}

describe('paginate properties', () => {
  const RUNS = { numRuns: 1000 };

  it('lays out every block and every table row exactly once, in order, section by section', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        // Sections in the order given, each on consecutive pages, the first one marked.
        const order = pages.map((page) => page.section);
        expect([...new Set(order)]).toEqual(sections.map((entry) => entry.id));
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          expect(own.map((page) => page.first)).toEqual(own.map((_, index) => index === 0));
          expect(own.flatMap((page) => itemsOnPage(page, section))).toEqual(itemsOf(section));
          for (const piece of own.flatMap((page) => page.pieces)) {
            const block = section.blocks[piece.block] as MeasuredBlock;
            if (block.kind === 'flow') expect(piece.rows).toBeUndefined();
            else if (block.rowHeights.length > 0) {
              expect((piece.rows as [number, number])[0]).toBeLessThan(piece.rows?.[1] as number);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('leaves no page empty, except the heading page of a section without blocks', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          if (section.blocks.length === 0) {
            expect(own).toEqual([{ section: section.id, first: true, pieces: [] }]);
          } else {
            for (const page of own) expect(page.pieces.length).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('overfills no page, unless it holds one item that would not fit it anyway', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          for (const page of own) {
            const used = usedHeight(page, section);
            if (used <= pageHeight + TOLERANCE) continue;
            // Over the page: allowed only for a single flow block or a single table row (under
            // its header) that is taller than the page's room on its own.
            expect(page.pieces, sketch([page]).join()).toHaveLength(1);
            const piece = page.pieces[0] as PagePiece;
            const block = section.blocks[piece.block] as MeasuredBlock;
            if (block.kind === 'table' && block.rowHeights.length > 0) {
              expect(
                (piece.rows as [number, number])[1] - (piece.rows as [number, number])[0],
              ).toBe(1);
            }
            const room = pageHeight - (page.first ? section.headingHeight : 0);
            expect(pieceHeight(block, piece)).toBeGreaterThan(room);
          }
        }
      }),
      RUNS,
    );
  });

  it('starts a table below other content with three rows or more, a short one whole, when a page holds that', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          for (const page of own) {
            page.pieces.forEach((piece, position) => {
              const block = section.blocks[piece.block] as MeasuredBlock;
              if (block.kind !== 'table' || !piece.rows || piece.rows[0] !== 0) return;
              // Under the section heading alone, moving on would leave the heading by itself.
              if (position === 0) return;
              const rows = block.rowHeights;
              const whole = block.headHeight + rows.reduce((a, b) => a + b, 0);
              const three = block.headHeight + rows.slice(0, 3).reduce((a, b) => a + b, 0);
              if (rows.length < 2 * MIN_TABLE_ROWS ? whole > pageHeight : three > pageHeight)
                return;
              const least = rows.length < 2 * MIN_TABLE_ROWS ? rows.length : MIN_TABLE_ROWS;
              expect(piece.rows[1], sketch(own).join(' | ')).toBeGreaterThanOrEqual(least);
            });
          }
        }
      }),
      RUNS,
    );
  });

  it('breaks a table only between pages: a part that goes on ends its page, the next starts one', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          for (const page of own) {
            page.pieces.forEach((piece, index) => {
              const block = section.blocks[piece.block] as MeasuredBlock;
              if (block.kind !== 'table') return;
              if (!endsBlock(block, piece)) expect(index).toBe(page.pieces.length - 1);
              if ((piece.rows?.[0] ?? 0) > 0) expect(index).toBe(0);
            });
          }
        }
      }),
      RUNS,
    );
  });

  it('never ends a page with a subheading that fits on a page with what follows it', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          own.slice(0, -1).forEach((page) => {
            const last = page.pieces.at(-1) as PagePiece;
            const block = section.blocks[last.block] as MeasuredBlock;
            if (block.kind !== 'flow' || !block.keepWithNext) return;
            if (last.block === section.blocks.length - 1) return;
            // Only when the subheading, any subheadings after it and the start of the next other
            // block fit on a page: a fresh one, or this one when the subheading opens it (under
            // the section heading, it cannot move without leaving the heading alone).
            const kept = keptHeight(section.blocks, last.block, pageHeight);
            const opens = page.pieces.length === 1;
            const room = pageHeight - (opens && page.first ? section.headingHeight : 0);
            if (kept > (opens ? room : pageHeight)) return;
            expect.fail(`a subheading ends ${sketch([page]).join()} of ${sketch(own).join(' | ')}`);
          });
        }
      }),
      RUNS,
    );
  });

  it('moves nothing to the next page that would have fitted on the one before', () => {
    fc.assert(
      fc.property(layoutArbitrary, ({ sections, pageHeight }) => {
        const pages = paginate(sections, pageHeight);
        for (const { section, pages: own } of pagesBySection(sections, pages)) {
          own.slice(1).forEach((page, index) => {
            const before = own[index] as LaidOutPage;
            const last = before.pieces.at(-1) as PagePiece;
            const lastBlock = section.blocks[last.block] as MeasuredBlock;
            const first = page.pieces[0] as PagePiece;
            const block = section.blocks[first.block] as MeasuredBlock;
            // A subheading may move early to stay with what follows it.
            if (block.kind === 'flow' && block.keepWithNext) return;
            if (lastBlock.kind === 'flow' && lastBlock.keepWithNext) return;
            // A table moves a few rows on early so that its last page is not left with one or two.
            if (block.kind === 'table' && last.block === first.block) return;
            let used = usedHeight(before, section);
            if (lastBlock.kind === 'table' && endsBlock(lastBlock, last)) used += lastBlock.gap;
            const start =
              block.kind === 'flow'
                ? block.height
                : tableStartHeight(block, pageHeight, first.rows?.[0] ?? 0);
            expect(used + start, sketch(own).join(' | ')).toBeGreaterThan(pageHeight);
          });
        }
      }),
      RUNS,
    );
  });
});
