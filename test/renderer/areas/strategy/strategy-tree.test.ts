/**
 * The tree model behind the Strategy area: rows in view, where the arrow keys take a lifted
 * objective, and where a dragged one lands for a pointer's gap and depth.
 */
import { describe, expect, it } from 'vitest';
import {
  buildTree,
  describePlace,
  measureDrop,
  objectiveDrop,
  stepObjective,
  visibleRows,
  type TreeRow,
} from '../../../../renderer/areas/strategy/strategy-tree';
import type { Objective } from '../../../../shared/portfolio/types';

// A            (theme, one measure)
//   A1         (two measures)
//     A1a
//   A2
// B            (theme)
const OBJECTIVES: Objective[] = [
  { id: 'A', name: 'A', parentId: null, measures: [{ id: 'mA', name: 'mA' }] },
  {
    id: 'A1',
    name: 'A1',
    parentId: 'A',
    measures: [
      { id: 'm1', name: 'm1' },
      { id: 'm2', name: 'm2' },
    ],
  },
  { id: 'A1a', name: 'A1a', parentId: 'A1' },
  { id: 'A2', name: 'A2', parentId: 'A' },
  { id: 'B', name: 'B', parentId: null },
];

function names(rows: readonly TreeRow[]): string[] {
  return rows.map((row) => `${'.'.repeat(row.depth)}${row.name}`);
}

describe('the rows in view', () => {
  it('list an objective’s measures before its children, and hide what is collapsed', () => {
    const tree = buildTree(OBJECTIVES);
    expect(names(visibleRows(tree, new Set()))).toEqual([
      'A',
      '.mA',
      '.A1',
      '..m1',
      '..m2',
      '..A1a',
      '.A2',
      'B',
    ]);
    const rows = visibleRows(tree, new Set(['A1']));
    expect(names(rows)).toEqual(['A', '.mA', '.A1', '.A2', 'B']);
    // Places count measures first, then objectives, in one group.
    expect(rows.find((row) => row.name === 'A2')).toMatchObject({ position: 3, setSize: 3 });
    expect(rows.find((row) => row.name === 'A1')).toMatchObject({
      expandable: true,
      expanded: false,
    });
  });

  it('show a relocated objective where it would go, with what is under it', () => {
    const tree = buildTree(OBJECTIVES, {
      kind: 'objective',
      id: 'A1',
      to: { parentId: null, beforeId: 'B' },
    });
    expect(names(visibleRows(tree, new Set()))).toEqual([
      'A',
      '.mA',
      '.A2',
      'A1',
      '.m1',
      '.m2',
      '.A1a',
      'B',
    ]);
    expect(describePlace(tree, { kind: 'objective', id: 'A1' })).toBe('a theme, 2 of 3');
    expect(describePlace(tree, { kind: 'measure', objectiveId: 'A1', id: 'm2' })).toBe(
      'in “A1”, measure 2 of 2',
    );
  });
});

describe('the arrow keys on a lifted objective', () => {
  const tree = buildTree(OBJECTIVES);
  it('move it among its siblings, out to its parent’s level and into the sibling above', () => {
    expect(stepObjective(tree, 'A2', 'up')).toEqual({ parentId: 'A', beforeId: 'A1' });
    expect(stepObjective(tree, 'A1', 'down')).toEqual({ parentId: 'A', beforeId: null });
    expect(stepObjective(tree, 'A1', 'left')).toEqual({ parentId: null, beforeId: 'B' });
    expect(stepObjective(tree, 'A2', 'right')).toEqual({ parentId: 'A1', beforeId: null });
  });

  it('go nowhere past an end', () => {
    expect(stepObjective(tree, 'A1', 'up')).toBeNull();
    expect(stepObjective(tree, 'A2', 'down')).toBeNull();
    expect(stepObjective(tree, 'A', 'left')).toBeNull();
    expect(stepObjective(tree, 'A1', 'right')).toBeNull();
  });
});

describe('dropping a dragged objective', () => {
  // Dragging A2: the rows it may go between are all but itself.
  const rows = visibleRows(buildTree(OBJECTIVES), new Set()).filter((row) => row.name !== 'A2');
  const gapBefore = (name: string) => rows.findIndex((row) => row.name === name);

  it('goes at the depth asked for, kept within what the rows around the gap allow', () => {
    // Between A1a (depth 2) and B (depth 0): depth 0, 1, 2 or 3 are all possible.
    expect(objectiveDrop(rows, gapBefore('B'), 0).placement).toEqual({
      parentId: null,
      beforeId: 'B',
    });
    expect(objectiveDrop(rows, gapBefore('B'), 1).placement).toEqual({
      parentId: 'A',
      beforeId: null,
    });
    expect(objectiveDrop(rows, gapBefore('B'), 3)).toMatchObject({
      placement: { parentId: 'A1a', beforeId: null },
      depth: 3,
    });
    expect(objectiveDrop(rows, gapBefore('B'), 9).depth).toBe(3);
    // In front of the first theme it can only be a theme.
    expect(objectiveDrop(rows, 0, 2)).toMatchObject({
      placement: { parentId: null, beforeId: 'A' },
      depth: 0,
    });
  });

  it('moves past an objective’s measures: its children come after them', () => {
    // A gap in front of m1 is the gap in front of A1a, as A1's first child at the deepest.
    const drop = objectiveDrop(rows, gapBefore('m1'), 5);
    expect(drop.gap).toBe(gapBefore('A1a'));
    expect(drop.placement).toEqual({ parentId: 'A1', beforeId: 'A1a' });
    // No deeper than a child of the row above, no shallower than the row below.
    expect(objectiveDrop(rows, gapBefore('A1a'), 0)).toMatchObject({ depth: 2 });
  });
});

describe('dropping a dragged measure', () => {
  const rows = visibleRows(buildTree(OBJECTIVES), new Set());
  const row = (name: string) => rows.find((entry) => entry.name === name) as TreeRow;
  it('goes in front of or after a measure, or last among an objective’s measures', () => {
    expect(measureDrop(rows, row('m2'), false)).toEqual({ objectiveId: 'A1', beforeId: 'm2' });
    expect(measureDrop(rows, row('m1'), true)).toEqual({ objectiveId: 'A1', beforeId: 'm2' });
    expect(measureDrop(rows, row('m2'), true)).toEqual({ objectiveId: 'A1', beforeId: null });
    expect(measureDrop(rows, row('B'), false)).toEqual({ objectiveId: 'B', beforeId: null });
  });
});
