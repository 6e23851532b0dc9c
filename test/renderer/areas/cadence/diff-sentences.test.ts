/** The diff's sentences name a few entries and count the rest: the tables below list them all. */
import { describe, expect, it } from 'vitest';
import { diffSentences, SENTENCE_ENTRIES } from '../../../../shared/cadence/diff';
import type { PortfolioDiff } from '../../../../shared/cadence/types';

const EMPTY: PortfolioDiff = {
  added: [],
  removed: [],
  changed: [],
  cutLine: [],
  capacity: [],
  budget: [],
  decisions: [],
};

describe('the sentences of a long diff', () => {
  it('name four entries at most, the first three and how many more', () => {
    expect(SENTENCE_ENTRIES).toBe(4);
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const diff: PortfolioDiff = {
      ...EMPTY,
      added: names.map((name) => ({ id: name.toLowerCase(), name })),
      removed: names.slice(0, 4).map((name) => ({ id: name.toLowerCase(), name })),
      changed: names.map((name) => ({
        id: name.toLowerCase(),
        name,
        status: { before: 'approved', after: 'active' },
      })),
      decisions: names.map((name, index) => ({
        id: `d${index}`,
        date: '2027-03-02',
        title: `Decide ${name}`,
      })),
    };
    expect(diffSentences(diff)).toEqual([
      'Added 6 initiatives: A, B, C and 3 more.',
      // Four are named in full.
      'Removed 4 initiatives: A, B, C and D.',
      'Changed 6 initiatives: A (status approved → active); B (status approved → active); C (status approved → active); and 3 more.',
      '6 decisions recorded: Decide A (2027-03-02); Decide B (2027-03-02); Decide C (2027-03-02); and 3 more.',
    ]);
  });
});
