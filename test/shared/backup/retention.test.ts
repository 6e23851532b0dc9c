/**
 * The retention policy, run as the app runs it: a backup every 15 minutes of editing, the policy
 * applied after each one, on a fake clock that moves through months.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToDelete } from '../../../shared/backup/retention';
import { backupId } from '../../../shared/backup/types';

type Dated = { readonly id: string; readonly at: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function backupAt(time: number, nonce = 0): Dated {
  const at = new Date(time).toISOString();
  return { id: backupId(at, nonce.toString(16).padStart(8, '0')), at };
}

/** Keeps what the policy keeps after each new backup, as the app does. */
function simulate(times: readonly number[], offsetMinutes = 0): Dated[] {
  let kept: Dated[] = [];
  times.forEach((time, index) => {
    kept = [...kept, backupAt(time, index)];
    const doomed = new Set(backupsToDelete(kept, new Date(time).toISOString(), offsetMinutes));
    kept = kept.filter((backup) => !doomed.has(backup.id));
  });
  return kept;
}

/** Every 15 minutes from 9:00 to 17:00 UTC on each of `days` days from `start`. */
function workingDays(start: number, days: number): number[] {
  const times: number[] = [];
  for (let day = 0; day < days; day += 1) {
    for (let minute = 9 * 60; minute <= 17 * 60; minute += 15) {
      times.push(start + day * DAY + minute * MINUTE);
    }
  }
  return times;
}

const START = Date.UTC(2027, 0, 4); // a Monday

describe('backupsToDelete', () => {
  it('keeps every backup of today', () => {
    const times = workingDays(START, 1);
    expect(simulate(times)).toHaveLength(times.length);
  });

  it('keeps the newest of each of the last 14 days', () => {
    const kept = simulate(workingDays(START, 10));
    // Today: all 33 (9:00 to 17:00 every 15 minutes); the 9 days before: the 17:00 one each.
    expect(kept).toHaveLength(33 + 9);
    const older = kept.filter((backup) => !backup.at.startsWith('2027-01-13'));
    expect(older.map((backup) => backup.at.slice(11, 16))).toEqual(Array(9).fill('17:00'));
  });

  it('keeps the newest of each ISO week for 3 months, and nothing older', () => {
    const times = workingDays(START, 200);
    const kept = simulate(times);
    const now = times.at(-1)!;
    const today = new Date(now).toISOString().slice(0, 10);
    const todays = kept.filter((backup) => backup.at.startsWith(today));
    expect(todays).toHaveLength(33);
    const days = new Set(kept.map((backup) => backup.at.slice(0, 10)));
    // 14 days one a day (today included), then one a week back to 3 months ago.
    for (let ago = 0; ago < 14; ago += 1) {
      expect(days).toContain(new Date(now - ago * DAY).toISOString().slice(0, 10));
    }
    const threeMonthsAgo = Date.UTC(
      new Date(now).getUTCFullYear(),
      new Date(now).getUTCMonth() - 3,
      new Date(now).getUTCDate(),
    );
    for (const backup of kept) {
      expect(Date.parse(backup.at)).toBeGreaterThanOrEqual(threeMonthsAgo);
    }
    // Beyond the 14 days, one per ISO week, each the last backup of its week (Sunday 17:00).
    const weekly = kept.filter((backup) => Date.parse(backup.at) < now - 13 * DAY - 17 * HOUR);
    expect(weekly.length).toBeGreaterThanOrEqual(10);
    expect(weekly.length).toBeLessThanOrEqual(12);
    for (const backup of weekly) {
      expect(new Date(backup.at).getUTCDay()).toBe(0);
      expect(backup.at.slice(11, 16)).toBe('17:00');
    }
    // So a long-running install keeps about 60 backups, not thousands.
    expect(kept.length).toBeLessThan(33 + 13 + 14);
  });

  it('never deletes the newest, however old it is', () => {
    const old = backupAt(Date.UTC(2020, 0, 1));
    const older = backupAt(Date.UTC(2019, 0, 1));
    expect(backupsToDelete([older, old], '2027-06-01T12:00:00.000Z')).toEqual([older.id]);
  });

  it('counts days in the local time zone', () => {
    // 23:30 UTC on 4 January is 00:30 on 5 January in Paris (UTC+1): the same day as "now".
    const late = backupAt(Date.UTC(2027, 0, 4, 23, 30), 1);
    const later = backupAt(Date.UTC(2027, 0, 4, 23, 45), 2);
    const now = '2027-01-05T10:00:00.000Z';
    expect(backupsToDelete([late, later, backupAt(Date.parse(now), 3)], now, 60)).toEqual([]);
    // In UTC they fall on the day before, whose newest alone is kept.
    expect(backupsToDelete([late, later, backupAt(Date.parse(now), 3)], now, 0)).toEqual([late.id]);
  });

  it('keeps backups from the future (a clock put back) and those whose time it cannot read', () => {
    const future = backupAt(Date.UTC(2030, 0, 1), 1);
    const unreadable = { id: 'x', at: 'yesterday' };
    const now = backupAt(Date.UTC(2027, 0, 5), 2);
    expect(backupsToDelete([future, unreadable, now], now.at)).toEqual([]);
  });

  it('never deletes the newest, is idempotent and only names backups it was given', () => {
    const arbitraryTimes = fc.array(
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(
        arbitraryTimes,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: -720, max: 840 }),
        (times, nowTime, offset) => {
          const backups = times.map((time, index) => backupAt(time, index));
          const now = new Date(nowTime).toISOString();
          const doomed = backupsToDelete(backups, now, offset);
          const ids = new Set(backups.map((backup) => backup.id));
          for (const id of doomed) expect(ids.has(id)).toBe(true);
          const newest = [...backups].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
          if (newest) expect(doomed).not.toContain(newest.id);
          const kept = backups.filter((backup) => !doomed.includes(backup.id));
          expect(backupsToDelete(kept, now, offset)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
