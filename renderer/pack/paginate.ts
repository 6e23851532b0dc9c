/**
 * Lays measured blocks out on pages. Each section starts on a new page; a block that does not fit
 * what is left of a page moves to the next; a table breaks between rows and repeats its header on
 * every page it reaches; a block marked `keepWithNext` (a subheading) never ends a page. Pure: the
 * heights come from the browser, the decisions are made here.
 */

export type MeasuredBlock =
  | { readonly kind: 'flow'; readonly height: number; readonly keepWithNext?: boolean }
  | {
      readonly kind: 'table';
      /** Header (and caption) height, repeated on every page the table reaches. */
      readonly headHeight: number;
      readonly rowHeights: readonly number[];
      /** Space below the table. */
      readonly gap: number;
    };

export type MeasuredSection = {
  readonly id: string;
  /** The section heading on its first page. */
  readonly headingHeight: number;
  readonly blocks: readonly MeasuredBlock[];
};

/** One block (or a run of a table's rows) on a page. */
export type PagePiece = {
  readonly block: number;
  /** For a table: the rows [from, to) on this page. */
  readonly rows?: readonly [number, number];
};

export type LaidOutPage = {
  readonly section: string;
  /** The section's first page carries its heading; later ones say "continued". */
  readonly first: boolean;
  readonly pieces: readonly PagePiece[];
};

/** A table starts a page with at least this many rows and never leaves fewer on its last page. */
export const MIN_TABLE_ROWS = 3;

/**
 * Height of what must fit for a table to start on a page: a short table (fewer rows than two
 * parts of MIN_TABLE_ROWS) whole, when a page can hold it; otherwise its header and its first
 * rows, up to MIN_TABLE_ROWS of them, as many as a page can hold (at least one).
 */
function tableStart(block: Extract<MeasuredBlock, { kind: 'table' }>, pageHeight: number): number {
  const whole = block.rowHeights.reduce((sum, row) => sum + row, block.headHeight);
  if (block.rowHeights.length < 2 * MIN_TABLE_ROWS && whole <= pageHeight) return whole;
  let height = block.headHeight;
  for (const [index, row] of block.rowHeights.slice(0, MIN_TABLE_ROWS).entries()) {
    if (index > 0 && height + row > pageHeight) break;
    height += row;
  }
  return height;
}

/**
 * Pages for `sections` when a page holds `pageHeight` of content. A block taller than a page
 * gets a page of its own (the renderer scales charts to fit; nothing is cut).
 */
export function paginate(sections: readonly MeasuredSection[], pageHeight: number): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  for (const section of sections) {
    let pieces: PagePiece[] = [];
    let first = true;
    let left = pageHeight - section.headingHeight;
    /** Whether the current page holds anything but the heading. */
    const hasContent = () => pieces.length > 0;
    const newPage = () => {
      pages.push({ section: section.id, first, pieces });
      pieces = [];
      first = false;
      left = pageHeight;
    };
    section.blocks.forEach((block, index) => {
      if (block.kind === 'flow') {
        let needed = block.height;
        if (block.keepWithNext) {
          // What it is kept with: the subheadings right after it (each kept with the next) and
          // the start of the first other block. Checking only the next block would let a second
          // subheading move on alone and leave this one at the foot of the page.
          let kept = 0;
          for (const next of section.blocks.slice(index + 1)) {
            if (next.kind === 'table') {
              kept += tableStart(next, pageHeight);
              break;
            }
            kept += next.height;
            if (!next.keepWithNext) break;
          }
          needed += Math.max(0, Math.min(kept, pageHeight - block.height));
        }
        if (needed > left && hasContent()) newPage();
        pieces.push({ block: index });
        left -= block.height;
        return;
      }
      const rows = block.rowHeights;
      let from = 0;
      if (Math.min(tableStart(block, pageHeight), pageHeight) > left && hasContent()) newPage();
      if (rows.length === 0) {
        pieces.push({ block: index, rows: [0, 0] });
        left -= block.headHeight + block.gap;
        return;
      }
      while (from < rows.length) {
        let used = block.headHeight;
        let to = from;
        while (to < rows.length && used + (rows[to] as number) <= left) {
          used += rows[to] as number;
          to += 1;
        }
        // A row taller than a whole page still goes somewhere: on a page of its own.
        if (to === from) {
          if (hasContent()) {
            newPage();
            continue;
          }
          used += rows[to] as number;
          to += 1;
        }
        // No widow: move rows down so that the last page of the table has a few of them.
        const after = rows.length - to;
        if (after > 0 && after < MIN_TABLE_ROWS) {
          const widowFree = Math.max(from + 1, rows.length - MIN_TABLE_ROWS);
          if (widowFree < to) {
            for (let row = widowFree; row < to; row += 1) used -= rows[row] as number;
            to = widowFree;
          }
        }
        pieces.push({ block: index, rows: [from, to] });
        left -= used;
        from = to;
        if (from < rows.length) newPage();
      }
      left -= block.gap;
    });
    pages.push({ section: section.id, first, pieces });
  }
  return pages;
}
