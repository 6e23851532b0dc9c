/** Fitting text into a chart's boxes without measuring it (the same in jsdom, on screen and in print). */

/** Average advance of a character of the chart font at `fontSize`, a little generous. */
export function charWidth(fontSize: number): number {
  return fontSize * 0.58;
}

/** `text`, cut with an ellipsis so that it fits in `width` pixels at `fontSize`. */
export function fitLabel(text: string, width: number, fontSize: number): string {
  const room = Math.floor(width / charWidth(fontSize));
  if (text.length <= room) return text;
  if (room <= 1) return '';
  return `${text.slice(0, room - 1).trimEnd()}…`;
}

/** A box in a chart's coordinates: what a label takes. */
export type Box = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};
