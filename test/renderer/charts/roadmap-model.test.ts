import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { computeCutLine, scenarioCutLine } from '../../../shared/prioritize/cutline';
import {
  ROADMAP_SIZES,
  arrowEnds,
  arrowPath,
  barLabel,
  barRect,
  describeBar,
  periodIndexAtX,
  periodUnit,
  roadmapLayout,
  snapStartIndex,
} from '../../../renderer/charts/roadmap-model';
import { PERIODS, SMALL, handCutLine } from './fixtures';

const { columnWidth, inset, laneHeight, barHeight } = ROADMAP_SIZES;
const cutLine = computeCutLine(SMALL, ['fleet', 'route', 'wms', 'later']);

describe('roadmapLayout', () => {
  const layout = roadmapLayout(SMALL, cutLine);

  it('has one lane per initiative above the line, in placement order', () => {
    // WMS is active: committed work is placed first.
    expect(layout.bars.map((bar) => [bar.id, bar.lane])).toEqual([
      ['wms', 0],
      ['fleet', 1],
      ['route', 2],
      ['later', 3],
    ]);
  });

  it('draws each bar from its start to the end of its last period', () => {
    const fleet = layout.byId.get('fleet')!;
    expect(fleet).toMatchObject({ startIndex: 0, endIndex: 1, duration: 2, fixed: false });
    expect(fleet.x).toBe(inset);
    expect(fleet.width).toBe(2 * columnWidth - 2 * inset);
    const route = layout.byId.get('route')!;
    expect(route).toMatchObject({ startIndex: 2, endIndex: 2 });
    expect(route.x).toBe(2 * columnWidth + inset);
    expect(route.y).toBe(2 * laneHeight + (laneHeight - barHeight) / 2);
    expect(layout.byId.get('wms')).toMatchObject({ fixed: true, startIndex: 1 });
  });

  it('is as tall as its lanes and as wide as its columns', () => {
    expect(layout.height).toBe(4 * laneHeight);
    expect(layout.width).toBe(4 * columnWidth + ROADMAP_SIZES.paddingRight);
    expect(layout.columnX(3)).toBe(3 * columnWidth);
  });

  it('joins the prerequisite end to the dependant start with an arrow', () => {
    expect(layout.arrows).toHaveLength(1);
    const [arrow] = layout.arrows;
    const fleet = layout.byId.get('fleet')!;
    const route = layout.byId.get('route')!;
    expect(arrow).toMatchObject({ from: 'fleet', to: 'route' });
    expect(arrow!.start).toEqual({ x: fleet.x + fleet.width, y: fleet.y + barHeight / 2 });
    expect(arrow!.end).toEqual({ x: route.x, y: route.y + barHeight / 2 });
    expect(arrow!.d.startsWith(`M${arrow!.start.x},${arrow!.start.y}`)).toBe(true);
    expect(arrow!.d.endsWith(`L${arrow!.end.x},${arrow!.end.y}`)).toBe(true);
  });

  it('draws no arrow when the prerequisite is below the line, and no bar for it', () => {
    const partial = handCutLine(
      {},
      [],
      [
        { id: 'fleet', above: false, reason: { kind: 'forced-out' } },
        { id: 'route', above: true, start: 'p3', startIndex: 2, endIndex: 2 },
      ],
    );
    const layoutBelow = roadmapLayout(SMALL, partial);
    expect(layoutBelow.bars.map((bar) => bar.id)).toEqual(['route']);
    expect(layoutBelow.arrows).toEqual([]);
  });

  it('skips placements of initiatives the portfolio no longer has', () => {
    const stale = handCutLine(
      {},
      [],
      [{ id: 'gone', above: true, start: 'p1', startIndex: 0, endIndex: 0 }],
    );
    expect(roadmapLayout(SMALL, stale).bars).toEqual([]);
  });

  it('lays out every bar and dependency above the line of the demo', () => {
    const demoCut = scenarioCutLine(DEMO_PORTFOLIO);
    const demo = roadmapLayout(DEMO_PORTFOLIO, demoCut);
    const above = demoCut.placements.filter((placement) => placement.above);
    expect(demo.bars.map((bar) => bar.id)).toEqual(above.map((placement) => placement.id));
    const aboveIds = new Set(above.map((placement) => placement.id));
    const pairs = DEMO_PORTFOLIO.initiatives.flatMap((initiative) =>
      aboveIds.has(initiative.id)
        ? (initiative.dependsOn ?? [])
            .filter((id) => aboveIds.has(id))
            .map((id) => `${id}->${initiative.id}`)
        : [],
    );
    expect(pairs.length).toBeGreaterThan(0);
    expect(demo.arrows.map((arrow) => `${arrow.from}->${arrow.to}`).sort()).toEqual(pairs.sort());
    for (const arrow of demo.arrows) {
      // Finish to start: the dependant never starts left of its prerequisite's end.
      expect(arrow.end.x).toBeGreaterThan(arrow.start.x);
    }
  });
});

describe('arrowPath', () => {
  it('turns down the column edge right after the prerequisite', () => {
    const d = arrowPath({ x: 117, y: 14 }, { x: 123, y: 70 });
    expect(d).toBe('M117,14L120,14L120,70L123,70');
  });

  it('detours through the gap between lanes when the dependant starts too early', () => {
    const d = arrowPath({ x: 237, y: 14 }, { x: 123, y: 70 });
    expect(d).toBe(
      `M237,14L243,14L243,${70 - laneHeight / 2}L117,${70 - laneHeight / 2}L117,70L123,70`,
    );
  });

  it('starts at the right middle of one bar and ends at the left middle of the other', () => {
    const ends = arrowEnds(barRect(0, 0, 0), barRect(2, 3, 5));
    expect(ends.start).toEqual({ x: columnWidth - inset, y: laneHeight / 2 });
    expect(ends.end).toEqual({ x: 2 * columnWidth + inset, y: 5 * laneHeight + laneHeight / 2 });
  });
});

describe('snapping', () => {
  it('finds the period under an x position', () => {
    expect(periodIndexAtX(0, 120, 4)).toBe(0);
    expect(periodIndexAtX(119.9, 120, 4)).toBe(0);
    expect(periodIndexAtX(120, 120, 4)).toBe(1);
    expect(periodIndexAtX(-5, 120, 4)).toBe(0);
    expect(periodIndexAtX(10_000, 120, 4)).toBe(3);
  });

  it('snaps a dragged start to the nearest column', () => {
    expect(snapStartIndex(1, 59, 120, 4, 1)).toBe(1);
    expect(snapStartIndex(1, 61, 120, 4, 1)).toBe(2);
    expect(snapStartIndex(1, -61, 120, 4, 1)).toBe(0);
    expect(snapStartIndex(1, 250, 120, 4, 1)).toBe(3);
  });

  it('keeps the bar within the periods', () => {
    expect(snapStartIndex(1, -500, 120, 4, 1)).toBe(0);
    expect(snapStartIndex(0, 10_000, 120, 4, 2)).toBe(2);
    expect(snapStartIndex(0, 10_000, 120, 4, 1)).toBe(3);
  });
});

describe('words', () => {
  it('names the period length from the dates', () => {
    expect(periodUnit(PERIODS)).toEqual({ one: 'quarter', many: 'quarters' });
    expect(
      periodUnit([
        { id: 'jan', label: 'Jan', start: '2027-01-01', end: '2027-01-31' },
        { id: 'feb', label: 'Feb', start: '2027-02-01', end: '2027-02-28' },
      ]),
    ).toEqual({ one: 'month', many: 'months' });
  });

  it('falls back to quarter labels, then to "period"', () => {
    expect(periodUnit([{ id: 'a', label: 'Q1 2027' }])).toEqual({
      one: 'quarter',
      many: 'quarters',
    });
    expect(periodUnit([{ id: 'a', label: 'Sprint 4' }])).toEqual({
      one: 'period',
      many: 'periods',
    });
  });

  it('describes a bar for a screen reader', () => {
    const layout = roadmapLayout(SMALL, cutLine);
    expect(describeBar(layout.byId.get('fleet')!, SMALL.periods)).toBe(
      'Fleet telematics, starts Q1 2027, 2 quarters',
    );
    expect(describeBar(layout.byId.get('route')!, SMALL.periods)).toBe(
      'Route optimization, starts Q3 2027, 1 quarter',
    );
    expect(describeBar(layout.byId.get('wms')!, SMALL.periods)).toBe(
      'WMS upgrade, starts Q2 2027, 2 quarters, pinned',
    );
  });
});

describe('barLabel', () => {
  const short = { ...barRect(0, 0, 0), fixed: false };

  it('puts a name that fits inside the bar', () => {
    expect(barLabel({ ...short, name: 'WMS' }, 500)).toMatchObject({ text: 'WMS', inside: true });
  });

  it('puts a long name right of the bar when there is room', () => {
    const name = 'Marketplace connectors for large web shops';
    const label = barLabel({ ...short, name }, 1000);
    expect(label).toMatchObject({ text: name, inside: false });
    expect(label.x).toBeGreaterThan(short.x + short.width);
  });

  it('cuts a long name inside the bar when there is no room right of it', () => {
    const name = 'Marketplace connectors for large web shops';
    const label = barLabel({ ...short, name }, short.x + short.width + 10);
    expect(label.inside).toBe(true);
    expect(label.text.endsWith('…')).toBe(true);
    expect(name.startsWith(label.text.slice(0, -1))).toBe(true);
  });
});
