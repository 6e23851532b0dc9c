/** Roadmap arrows and names: no arrow runs through a name, and in print every name is whole. */
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { Portfolio } from '../../../shared/portfolio/types';
import { scenarioCutLine } from '../../../shared/prioritize/cutline';
import {
  ROADMAP_SIZES,
  crossesBox,
  roadmapLayout,
  routeArrow,
  wrapName,
  type Point,
  type RoadmapLayout,
} from '../../../renderer/charts/roadmap-model';

/** The corners of an arrow's path ("M1,2L3,4…"). */
function corners(d: string): Point[] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
  }));
}

/** Each arrow that runs through a name, as "from → to through name". */
function crossedNames(layout: RoadmapLayout): string[] {
  return layout.arrows.flatMap((arrow) => {
    const points = corners(arrow.d);
    return layout.labels.flatMap((label) =>
      points.some((point, index) => index > 0 && crossesBox(points[index - 1]!, point, label.box))
        ? [`${arrow.from} → ${arrow.to} through ${label.id}`]
        : [],
    );
  });
}

describe('arrows and names on the demo roadmaps', () => {
  for (const scenario of DEMO_PORTFOLIO.scenarios) {
    const cutLine = scenarioCutLine(DEMO_PORTFOLIO, scenario.id);

    it(`on screen (${scenario.name}): no arrow runs through a bar's name`, () => {
      const layout = roadmapLayout(DEMO_PORTFOLIO, cutLine);
      expect(layout.arrows.length).toBeGreaterThan(2);
      expect(crossedNames(layout)).toEqual([]);
    });

    it(`in print (${scenario.name}): names in a column, whole, wrapped, never crossed`, () => {
      const layout = roadmapLayout(DEMO_PORTFOLIO, cutLine, { ...ROADMAP_SIZES, nameWidth: 170 });
      expect(crossedNames(layout)).toEqual([]);
      for (const [index, label] of layout.labels.entries()) {
        const bar = layout.bars[index]!;
        expect(label.lines.join(' '), 'the whole name').toBe(bar.name.replace(/\s+/g, ' '));
        expect(label.box.x + label.box.width).toBeLessThanOrEqual(170);
        // The lane holds all its lines.
        const lane = layout.lanes[index]!;
        expect(label.box.y).toBeGreaterThanOrEqual(lane.top);
        expect(label.box.y + label.box.height).toBeLessThanOrEqual(lane.top + lane.height);
        expect(bar.x).toBeGreaterThanOrEqual(170);
      }
    });
  }
});

describe('routeArrow', () => {
  const { columnWidth, inset } = ROADMAP_SIZES;
  it('turns at a later column edge when the first one runs through a name', () => {
    const start = { x: columnWidth - inset, y: 14 };
    const end = { x: 3 * columnWidth + inset, y: 14 + 3 * 28 };
    // A name in the lane between, over the first column edge.
    const name = { x: columnWidth - 30, y: 14 + 28 - 7, width: 60, height: 14 };
    const points = routeArrow(start, end, [name]);
    expect(points[1]!.x).toBe(2 * columnWidth);
    expect(points.some((p, i) => i > 0 && crossesBox(points[i - 1]!, p, name))).toBe(false);
  });

  it('keeps the first edge when nothing is in the way', () => {
    const start = { x: columnWidth - inset, y: 14 };
    const end = { x: 3 * columnWidth + inset, y: 98 };
    expect(routeArrow(start, end, [])[1]!.x).toBe(columnWidth);
  });
});

describe('names on bars moved clear of an arrow', () => {
  it('moves a name along its long bar past the arrow that must cross the bar', () => {
    const portfolio: Portfolio = {
      name: 'Crossing',
      periods: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, label: id.toUpperCase() })),
      teams: [],
      objectives: [],
      initiatives: [
        { id: 'a', name: 'Prerequisite', status: 'proposed', duration: 1 },
        // Spans every column edge the arrow below could take.
        { id: 'wide', name: 'Wide programme', status: 'proposed', duration: 4 },
        {
          id: 'b',
          name: 'Dependant',
          status: 'proposed',
          duration: 1,
          dependsOn: ['a'],
          earliestStart: 'p2',
        },
      ],
      scenarios: [{ id: 's', name: 'S', ranking: ['a', 'wide', 'b'] }],
    };
    const layout = roadmapLayout(portfolio, scenarioCutLine(portfolio, 's'));
    expect(layout.arrows).toHaveLength(1);
    expect(crossedNames(layout)).toEqual([]);
    const wide = layout.labels.find((label) => label.id === 'wide')!;
    expect(wide.lines).toEqual(['Wide programme']);
  });
});

describe('wrapName', () => {
  it('breaks between words, and inside a word only when it is longer than a line', () => {
    expect(wrapName('Backup & disaster recovery rebuild', 18)).toEqual([
      'Backup & disaster',
      'recovery rebuild',
    ]);
    expect(wrapName('Q'.repeat(25), 10)).toEqual(['Q'.repeat(10), 'Q'.repeat(10), 'Q'.repeat(5)]);
    expect(wrapName('', 10)).toEqual(['']);
  });
});
