/** Page sizes and the room the header, footer and margins leave for content, in millimetres. */
import type { Orientation, PageSize } from '../../shared/pack/types';

export type PageGeometry = {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly bodyWidthMm: number;
  readonly bodyHeightMm: number;
};

const SIZES: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** Left and right margin; the header band and the footer band (see pack.css). */
export const PAGE_MARGINS = { side: 16, head: 20, foot: 16 } as const;

export function pageGeometry(size: PageSize, orientation: Orientation): PageGeometry {
  const { width, height } = SIZES[size];
  const [widthMm, heightMm] = orientation === 'portrait' ? [width, height] : [height, width];
  return {
    widthMm,
    heightMm,
    bodyWidthMm: widthMm - 2 * PAGE_MARGINS.side,
    bodyHeightMm: heightMm - PAGE_MARGINS.head - PAGE_MARGINS.foot,
  };
}
