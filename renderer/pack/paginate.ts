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
        const next = section.blocks[index + 1];
        let needed = block.height;
        if (block.keepWithNext && next) {
          needed +=
            next.kind === 'flow'
              ? Math.min(next.height, pageHeight - block.height)
              : next.headHeight + (next.rowHeights[0] ?? 0);
        }
        if (needed > left && hasContent()) newPage();
        pieces.push({ block: index });
        left -= block.height;
        return;
      }
      const rows = block.rowHeights;
      let from = 0;
      const firstRow = rows[0] ?? 0;
      if (block.headHeight + firstRow > left && hasContent()) newPage();
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
