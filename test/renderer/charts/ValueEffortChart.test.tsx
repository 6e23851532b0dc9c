import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import { ValueEffortChart } from '../../../renderer/charts/ValueEffortChart';
import { charWidth } from '../../../renderer/charts/label-fit';
import {
  boxesOverlap,
  placeBubbleLabels,
  type LabelBox,
} from '../../../renderer/charts/value-effort-model';

const FONT = 10;

for (const scenarioId of DEMO_PORTFOLIO.scenarios.map((scenario) => scenario.id)) {
  describe(`the value and effort chart of the demo (${scenarioId})`, () => {
    const { valueEffort } = buildPackContent(DEMO_PORTFOLIO, {
      ...defaultPackSettings(DEMO_PORTFOLIO, '2027-01-15'),
      scenarioId,
    });

    it('numbers the most valuable bubbles with labels that never overlap, and names each in full in the key', () => {
      const { container } = render(<ValueEffortChart points={valueEffort} />);
      const labels = [...container.querySelectorAll('[data-label] text')];
      expect(labels).toHaveLength(12);
      const boxes: LabelBox[] = labels.map((label) => {
        const text = label.textContent ?? '';
        const width = text.length * charWidth(FONT);
        const x = Number(label.getAttribute('x'));
        const y = Number(label.getAttribute('y'));
        return { x: x - width / 2, y: y - FONT * 0.6, width, height: FONT * 1.2 };
      });
      const clashes = boxes.flatMap((box, i) =>
        boxes
          .slice(i + 1)
          .flatMap((other, j) =>
            boxesOverlap(box, other)
              ? [`${labels[i]?.textContent} and ${labels[i + j + 1]?.textContent}`]
              : [],
          ),
      );
      expect(clashes).toEqual([]);
      const key = [...container.querySelectorAll('.value-effort__key li')].map(
        (item) => item.textContent,
      );
      const top = [...valueEffort].sort((a, b) => b.value - a.value).slice(0, 12);
      expect(key).toEqual(top.map((point, index) => `${index + 1}${point.name}`));
      expect(key.join(' ')).not.toContain('…');
    });
  });
}

describe('placeBubbleLabels', () => {
  const plot = { x: 0, y: 0, width: 400, height: 300 };

  it('puts a label beside its bubble when there is room, with no leader line', () => {
    const [label] = placeBubbleLabels(
      [{ id: 'a', cx: 100, cy: 100, r: 10 }],
      [{ id: 'a', text: '1' }],
      plot,
      FONT,
    );
    expect(label?.box.x).toBeCloseTo(112, 5);
    expect(label?.leader).toBeUndefined();
  });

  it('moves a label out with a leader line when bubbles crowd the place beside it', () => {
    // Ten bubbles on one spot: the labels fan out around it and further, none on another.
    const bubbles = Array.from({ length: 10 }, (_, index) => ({
      id: `b${index}`,
      cx: 200,
      cy: 150,
      r: 6,
    }));
    const labels = placeBubbleLabels(
      bubbles,
      bubbles.map((bubble, index) => ({ id: bubble.id, text: String(index + 1) })),
      plot,
      FONT,
    );
    expect(labels).toHaveLength(10);
    for (const [i, label] of labels.entries()) {
      for (const other of labels.slice(i + 1))
        expect(boxesOverlap(label.box, other.box)).toBe(false);
    }
    expect(labels.filter((label) => label.leader).length).toBeGreaterThan(0);
  });

  it('keeps every label inside the plot', () => {
    const [label] = placeBubbleLabels(
      [{ id: 'edge', cx: 398, cy: 2, r: 4 }],
      [{ id: 'edge', text: '12' }],
      plot,
      FONT,
    );
    expect(label!.box.x + label!.box.width).toBeLessThanOrEqual(400);
    expect(label!.box.y).toBeGreaterThanOrEqual(0);
  });
});
