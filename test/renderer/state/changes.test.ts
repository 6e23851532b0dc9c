import { describe, expect, it } from 'vitest';
import {
  MERGE_WINDOW_MS,
  continuesEdit,
  invertEdit,
  mergeEdits,
  type Edit,
} from '../../../renderer/db/changes';

const edit = (
  name: string,
  before: string,
  after: string,
  at: number,
  mergeKey?: string,
): Edit => ({
  label: 'Rename',
  at,
  ...(mergeKey && { mergeKey }),
  changes: [
    {
      table: 'initiatives',
      key: 'a',
      before: { id: 'a', name: before },
      after: { id: 'a', name: after },
    },
  ],
});

describe('edits', () => {
  it('merge keeps the first before and the last after of each row', () => {
    const merged = mergeEdits(edit('x', 'Old', 'O', 0, 'k'), edit('x', 'O', 'Ol', 100, 'k'));
    expect(merged.changes).toEqual([
      {
        table: 'initiatives',
        key: 'a',
        before: { id: 'a', name: 'Old' },
        after: { id: 'a', name: 'Ol' },
      },
    ]);
  });

  it('continue only with the same merge key inside the window', () => {
    const first = edit('x', 'a', 'b', 0, 'k');
    expect(continuesEdit(first, edit('x', 'b', 'c', MERGE_WINDOW_MS, 'k'))).toBe(true);
    expect(continuesEdit(first, edit('x', 'b', 'c', MERGE_WINDOW_MS + 1, 'k'))).toBe(false);
    expect(continuesEdit(first, edit('x', 'b', 'c', 10, 'other'))).toBe(false);
    expect(continuesEdit(first, edit('x', 'b', 'c', 10))).toBe(false);
  });

  it('invert swaps before and after and reverses the order', () => {
    const twoRows: Edit = {
      label: 'Delete',
      at: 0,
      changes: [
        { table: 'initiatives', key: 'a', before: { id: 'a' } },
        {
          table: 'scenarios',
          key: 's',
          before: { id: 's', ranking: ['a'] },
          after: { id: 's', ranking: [] },
        },
      ],
    };
    expect(invertEdit(twoRows).changes).toEqual([
      {
        table: 'scenarios',
        key: 's',
        before: { id: 's', ranking: [] },
        after: { id: 's', ranking: ['a'] },
      },
      { table: 'initiatives', key: 'a', before: undefined, after: { id: 'a' } },
    ]);
  });
});
