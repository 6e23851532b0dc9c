import { describe, expect, it } from 'vitest';
import {
  formatLocationHash,
  parseLocationHash,
} from '../../../../renderer/state/slices/navigationSlice';

describe('the addresses of the Cadence area', () => {
  it('reads and writes the calendar, the list, the snapshots, a review and a snapshot', () => {
    for (const hash of [
      '#/cadence',
      '#/cadence/list',
      '#/cadence/snapshots',
      '#/cadence/review/v-12',
      '#/cadence/snapshot/snap-3',
    ]) {
      expect(formatLocationHash(parseLocationHash(hash))).toBe(hash);
    }
    expect(parseLocationHash('#/cadence/review/v-12')).toMatchObject({
      area: 'cadence',
      reviewId: 'v-12',
      snapshotId: null,
    });
    expect(parseLocationHash('#/cadence/snapshot/snap-3')).toMatchObject({
      cadenceView: 'snapshots',
      snapshotId: 'snap-3',
    });
    // An unknown view, or a review without an id, is the month.
    expect(formatLocationHash(parseLocationHash('#/cadence/week'))).toBe('#/cadence');
    expect(formatLocationHash(parseLocationHash('#/cadence/review'))).toBe('#/cadence');
  });
});
