/**
 * Where the value/effort chart puts the numbers of its labelled bubbles: beside each bubble where
 * the number overlaps no other number (and, where it can, no other bubble), further out with a
 * leader line when the space beside it is taken. The names go in a key under the chart, whole,
 * so that no name is cut and no two labels print on top of each other.
 */
import { charWidth, type Box } from './label-fit';

export type Bubble = {
  readonly id: string;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
};

/** A label's box in the chart's coordinates. */
export type LabelBox = Box;

export type BubbleLabel = {
  readonly id: string;
  readonly text: string;
  /** The middle of the text. */
  readonly x: number;
  readonly y: number;
  readonly box: LabelBox;
  /** From the bubble's edge to the label, when the label sits away from its bubble. */
  readonly leader?: {
    readonly x1: number;
    readonly y1: number;
    readonly x2: number;
    readonly y2: number;
  };
};

/** Directions tried around a bubble, right first (where a reader looks for a label). */
const DIRECTIONS = [0, 45, -45, 90, -90, 135, -135, 180].map(
  (degrees) => (degrees * Math.PI) / 180,
);
/** Distances beyond the bubble's edge tried in turn; past the first, a leader line is drawn. */
const DISTANCES = [2, 10, 20, 32, 46, 62, 80];

export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function boxMeetsCircle(box: LabelBox, bubble: Bubble): boolean {
  const nearestX = Math.max(box.x, Math.min(bubble.cx, box.x + box.width));
  const nearestY = Math.max(box.y, Math.min(bubble.cy, box.y + box.height));
  return (nearestX - bubble.cx) ** 2 + (nearestY - bubble.cy) ** 2 < bubble.r ** 2;
}

/**
 * Labels for `labelled` (ids, in the order to place them) among `bubbles`, each `text` of it,
 * inside `plot`. Each takes the first place, nearest its bubble first, that overlaps no label
 * already placed, preferring one that covers no other bubble either. A label that finds no free
 * place at all is left out (its bubble keeps its number in the key only).
 */
export function placeBubbleLabels(
  bubbles: readonly Bubble[],
  labelled: readonly { readonly id: string; readonly text: string }[],
  plot: LabelBox,
  fontSize: number,
): BubbleLabel[] {
  const byId = new Map(bubbles.map((bubble) => [bubble.id, bubble]));
  const placed: BubbleLabel[] = [];
  const height = fontSize * 1.2;
  const inside = (box: LabelBox) =>
    box.x >= plot.x &&
    box.y >= plot.y &&
    box.x + box.width <= plot.x + plot.width &&
    box.y + box.height <= plot.y + plot.height;
  for (const { id, text } of labelled) {
    const bubble = byId.get(id);
    if (!bubble) continue;
    const width = text.length * charWidth(fontSize) + 4;
    let fallback: BubbleLabel | undefined;
    let found: BubbleLabel | undefined;
    for (const distance of DISTANCES) {
      for (const angle of DIRECTIONS) {
        const reach = bubble.r + distance;
        // The box's middle, pushed out so that its nearest side is `reach` from the centre.
        const x = bubble.cx + Math.cos(angle) * (reach + width / 2);
        const y = bubble.cy - Math.sin(angle) * (reach + height / 2);
        const box = { x: x - width / 2, y: y - height / 2, width, height };
        if (!inside(box) || placed.some((other) => boxesOverlap(box, other.box))) continue;
        const label: BubbleLabel = {
          id,
          text,
          x,
          y,
          box,
          ...(distance > DISTANCES[0]! && {
            leader: {
              x1: bubble.cx + Math.cos(angle) * bubble.r,
              y1: bubble.cy - Math.sin(angle) * bubble.r,
              x2: x - Math.cos(angle) * (width / 2),
              y2: y + Math.sin(angle) * (height / 2),
            },
          }),
        };
        const coversBubble = bubbles.some((other) => other.id !== id && boxMeetsCircle(box, other));
        if (!coversBubble) {
          found = label;
          break;
        }
        fallback ??= label;
      }
      if (found) break;
    }
    const chosen = found ?? fallback;
    if (chosen) placed.push(chosen);
  }
  return placed;
}
