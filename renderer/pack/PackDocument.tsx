/**
 * The board pack as pages: the same component is the app's live preview, the page the desktop
 * prints to PDF, and the page the command line prints. It renders every block once off-screen
 * to measure it, lays the blocks out with `paginate`, then draws fixed-size pages with a header,
 * a footer and "Page n of N", so that what is printed is exactly what was laid out.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { buildPackContent } from '../../shared/pack/content';
import type { PackInput } from '../../shared/pack/types';
import { paginate, type LaidOutPage, type MeasuredSection } from './paginate';
import {
  hasCover,
  packSections,
  withContentsPages,
  type Block,
  type SectionSpec,
  type TableBlock,
} from './sections';
import { CoverPage } from './CoverPage';
import { Heading, HeadingShift } from './Heading';
import { pageGeometry, type PageGeometry } from './geometry';
import './pack.css';

export type PackLayout = { readonly pages: readonly LaidOutPage[]; readonly total: number };

export type PackDocumentProps = {
  readonly input: PackInput;
  /** Called each time the pack has been laid out (with the number of pages). */
  readonly onLaidOut?: (layout: PackLayout) => void;
  /** Levels below the page's own headings (the app's preview sits under the app's). */
  readonly headingShift?: number;
  /** Changes when fonts finish loading, to measure again. */
  readonly fontsVersion?: number;
  /**
   * Whether to lay out again each time the page loads a font (the app's preview); the print
   * page loads its fonts first and says when with `fontsVersion`.
   */
  readonly followFontLoads?: boolean;
};

const MM = 96 / 25.4;

function TableView({
  block,
  rows,
  continued,
}: {
  readonly block: TableBlock;
  readonly rows?: readonly [number, number];
  readonly continued?: boolean;
}) {
  const shown = rows ? block.rows.slice(rows[0], rows[1]) : block.rows;
  const numeric = new Set(block.numeric ?? []);
  // "(continued)" goes in the first column wide enough to hold it, not a narrow "#" column.
  const continuedAt = Math.max(
    0,
    block.widths.findIndex((width) => Number.parseFloat(width) >= 20),
  );
  return (
    <div className="pack-block pack-block--table" data-block={block.key}>
      <table
        className={`pack-table ${block.className ?? ''}`}
        {...(block.caption && { 'aria-label': block.caption })}
      >
        <colgroup>
          {block.widths.map((width, index) => (
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {block.head.map((cell, index) => (
              <th key={index} scope="col" className={numeric.has(index) ? 'pack-num' : undefined}>
                {cell}
                {continued && index === continuedAt && cell ? ' (continued)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key} className={row.className}>
              {row.cells.map((cell, index) => (
                <td key={index} className={numeric.has(index) ? 'pack-num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          {block.rows.length === 0 && (
            <tr>
              <td colSpan={block.widths.length} className="pack-empty">
                {block.empty ?? 'Nothing to show.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function BlockView({
  block,
  rows,
}: {
  readonly block: Block;
  readonly rows?: readonly [number, number];
}) {
  if (block.kind === 'table') return <TableView block={block} />;
  if (block.kind === 'lanes') {
    return (
      <div className="pack-block" data-block={block.key}>
        {block.render(rows)}
      </div>
    );
  }
  return (
    <div className="pack-block" data-block={block.key}>
      {block.node}
    </div>
  );
}

function sectionHeading(section: SectionSpec): ReactNode {
  return (
    <Heading level={2} className="pack-h2">
      {section.title}
    </Heading>
  );
}

/** Reads the heights the browser gave each block of the measuring layer. */
function measure(root: HTMLElement, sections: readonly SectionSpec[]): MeasuredSection[] {
  const height = (element: Element | null | undefined) =>
    element ? element.getBoundingClientRect().height : 0;
  return sections.map((section) => {
    const element = root.querySelector(`[data-measure-section="${section.id}"]`);
    const headingHeight = height(element?.querySelector(':scope > .pack-h2-wrap'));
    const blockElements = element ? [...element.querySelectorAll(':scope > .pack-block')] : [];
    return {
      id: section.id,
      headingHeight,
      blocks: section.blocks.map((block, index) => {
        const blockElement = blockElements[index];
        if (block.kind === 'flow') {
          return {
            kind: 'flow' as const,
            height: height(blockElement),
            ...(block.keepWithNext && { keepWithNext: true }),
          };
        }
        if (block.kind === 'lanes') {
          // Each lane as drawn (the chart shrinks to the page); the rest repeats on every page.
          const lanes = blockElement ? [...blockElement.querySelectorAll('[data-lane]')] : [];
          const rowHeights = lanes.map((lane) => height(lane));
          const total = height(blockElement);
          return {
            kind: 'table' as const,
            headHeight: Math.max(0, total - rowHeights.reduce((sum, row) => sum + row, 0)),
            rowHeights,
            gap: 0,
          };
        }
        const head = height(blockElement?.querySelector('thead'));
        const rows = blockElement ? [...blockElement.querySelectorAll('tbody > tr')] : [];
        const rowHeights = block.rows.length === 0 ? [] : rows.map((row) => height(row));
        const tableHeight = height(blockElement?.querySelector('table'));
        return {
          kind: 'table' as const,
          headHeight: head + (block.rows.length === 0 ? height(rows[0]) : 0),
          rowHeights,
          gap: Math.max(0, height(blockElement) - tableHeight),
        };
      }),
    };
  });
}

function pageStyle(geometry: PageGeometry, accent: string) {
  return {
    '--page-width': `${geometry.widthMm}mm`,
    '--page-height': `${geometry.heightMm}mm`,
    '--body-height': `${geometry.bodyHeightMm}mm`,
    '--accent': accent,
  } as React.CSSProperties;
}

/** Counts the times the page finished loading fonts: each one changes text heights. */
function useFontLoads(follow: boolean): number {
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    const fonts = !follow || typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts?.addEventListener) return;
    const bump = () => setLoads((count) => count + 1);
    fonts.addEventListener('loadingdone', bump);
    return () => fonts.removeEventListener('loadingdone', bump);
  }, [follow]);
  return loads;
}

export function PackDocument({
  input,
  onLaidOut,
  fontsVersion = 0,
  headingShift = 0,
  followFontLoads = true,
}: PackDocumentProps) {
  const fontLoads = useFontLoads(followFontLoads);
  const { settings } = input;
  const geometry = pageGeometry(settings.pageSize, settings.orientation);
  const content = useMemo(
    () => buildPackContent(input.portfolio, settings, input.analysis, undefined, input.review),
    [input.portfolio, settings, input.analysis, input.review],
  );
  const room = useMemo(
    () => ({ widthPx: geometry.bodyWidthMm * MM, heightPx: geometry.bodyHeightMm * MM }),
    [geometry.bodyWidthMm, geometry.bodyHeightMm],
  );
  const measured = useMemo(() => packSections(input, content, room), [input, content, room]);
  const measureRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ pages: LaidOutPage[]; for: unknown } | null>(null);
  const layoutKey = useMemo(
    () => ({ measured, fontsVersion, fontLoads }),
    [measured, fontsVersion, fontLoads],
  );
  const cover = hasCover(input);

  useLayoutEffect(() => {
    const root = measureRef.current;
    if (!root) return;
    // A pixel of slack per page keeps rounding from pushing the last row past the page edge.
    const pages = paginate(measure(root, measured), room.heightPx - 2);
    setLayout({ pages, for: layoutKey });
  }, [layoutKey, measured, room.heightPx]);

  const ready = layout !== null && layout.for === layoutKey;
  const pages = useMemo(() => (ready ? layout.pages : []), [ready, layout]);
  const offset = cover ? 1 : 0;
  const total = pages.length + offset;
  const firstPage = useMemo(() => {
    const found = new Map<string, number>();
    pages.forEach((page, index) => {
      if (!found.has(page.section)) found.set(page.section, index + 1 + offset);
    });
    return found;
  }, [pages, offset]);
  const final = useMemo(
    () => (ready ? withContentsPages(measured, (id) => firstPage.get(id)) : measured),
    [ready, firstPage, measured],
  );

  useLayoutEffect(() => {
    if (ready) onLaidOut?.({ pages, total });
  }, [ready, pages, total, onLaidOut]);

  const style = pageStyle(geometry, settings.accent);
  const bySection = new Map<string, SectionSpec>(final.map((section) => [section.id, section]));
  return (
    <HeadingShift.Provider value={headingShift}>
      <div className="pack" style={style} data-ready={ready ? 'true' : 'false'}>
        {!ready && (
          <div className="pack-measure" ref={measureRef} aria-hidden="true">
            {measured.map((section) => (
              <div
                className="pack-measure__section"
                key={section.id}
                data-measure-section={section.id}
              >
                <div className="pack-h2-wrap">{sectionHeading(section)}</div>
                {section.blocks.map((block) => (
                  <BlockView key={block.key} block={block} />
                ))}
              </div>
            ))}
          </div>
        )}
        <style>{`@page { size: ${geometry.widthMm}mm ${geometry.heightMm}mm; margin: 0; }`}</style>
        <div className="pack-pages">
          {ready && cover && (
            <CoverPage input={input} content={content} last={pages.length === 0} />
          )}
          {pages.map((page, index) => {
            const section = bySection.get(page.section);
            if (!section) return null;
            const number = index + 1 + offset;
            return (
              <section
                key={`${page.section}-${index}`}
                className="pack-page"
                aria-label={`Page ${number} of ${total}`}
                data-page={number}
              >
                <header className="pack-page__head">
                  <span className="pack-page__title">{settings.title}</span>
                  <span className="pack-page__section">{section.title}</span>
                </header>
                <div className="pack-page__body">
                  {page.first && <div className="pack-h2-wrap">{sectionHeading(section)}</div>}
                  {page.pieces.map((piece) => {
                    const block = section.blocks[piece.block];
                    if (!block) return null;
                    if (block.kind === 'table') {
                      return (
                        <TableView
                          key={`${block.key}-${piece.rows?.[0] ?? 0}`}
                          block={block}
                          {...(piece.rows && { rows: piece.rows })}
                          continued={(piece.rows?.[0] ?? 0) > 0}
                        />
                      );
                    }
                    if (block.kind === 'lanes') {
                      return (
                        <BlockView
                          key={`${block.key}-${piece.rows?.[0] ?? 0}`}
                          block={block}
                          {...(piece.rows && { rows: piece.rows })}
                        />
                      );
                    }
                    return <BlockView key={block.key} block={block} />;
                  })}
                </div>
                <footer className="pack-page__foot">
                  <span>
                    {[settings.organisation, settings.date]
                      .filter((part) => part.trim() !== '')
                      .join(' · ')}
                  </span>
                  <span className="pack-page__number">
                    Page {number} of {total}
                  </span>
                </footer>
              </section>
            );
          })}
        </div>
      </div>
    </HeadingShift.Provider>
  );
}
