/**
 * The retention policy, run as the app runs it: a backup every 15 minutes of editing, the policy
 * applied after each one, on a fake clock that moves through months.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUDGET_MIN_BYTES,
  DAILY_DAYS,
  backupsToDelete,
  sizeBudget,
} from '../../../shared/backup/retention';
import { backupId, type BackupReason } from '../../../shared/backup/types';

type Dated = {
  readonly id: string;
  readonly at: string;
  readonly reason: BackupReason;
  readonly size: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A small backup (so that the size budget plays no part) of `reason`, taken at `time`. */
function backupAt(time: number, nonce = 0, reason: BackupReason = 'timer', size = 1000): Dated {
  const at = new Date(time).toISOString();
  return { id: backupId(at, nonce.toString(16).padStart(8, '0')), at, reason, size };
}

/** Adds `backup` and keeps what the policy keeps then, as the app does after each backup. */
function take(kept: readonly Dated[], backup: Dated, offsetMinutes = 0): Dated[] {
  const all = [...kept, backup];
  const doomed = new Set(backupsToDelete(all, backup.at, offsetMinutes));
  return all.filter((entry) => !doomed.has(entry.id));
}

/** Keeps what the policy keeps after each new timer backup, as the app does. */
function simulate(times: readonly number[], offsetMinutes = 0, start: Dated[] = []): Dated[] {
  let kept = start;
  times.forEach((time, index) => {
    kept = take(kept, backupAt(time, index + 1000), offsetMinutes);
  });
  return kept;
}

function hhmm(backup: Dated): string {
  return backup.at.slice(11, 16);
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
  it("keeps today's 4 newest backups and the newest of each hour before them", () => {
    const kept = simulate(workingDays(START, 1));
    // 9:00 to 17:00 every 15 minutes: the last four, and each earlier hour's 45-minute one.
    expect(kept.map(hhmm)).toEqual([
      '09:45',
      '10:45',
      '11:45',
      '12:45',
      '13:45',
      '14:45',
      '15:45',
      '16:15',
      '16:30',
      '16:45',
      '17:00',
    ]);
  });

  it('counts the hours of today in the local time zone', () => {
    // India (UTC+5:30): 9:00 UTC is 14:30 local; the local hour 14 runs to 9:30 UTC.
    const kept = simulate(workingDays(START, 1), 330);
    expect(kept.map(hhmm).slice(0, 3)).toEqual(['09:15', '10:15', '11:15']);
  });

  it('keeps the newest of each of the last 14 days', () => {
    const kept = simulate(workingDays(START, 10));
    // Today: 11 (above); the 9 days before: the 17:00 one each.
    expect(kept).toHaveLength(11 + 9);
    const older = kept.filter((backup) => !backup.at.startsWith('2027-01-13'));
    expect(older.map(hhmm)).toEqual(Array(9).fill('17:00'));
  });

  it('keeps the newest of each ISO week for 3 months, and nothing older', () => {
    const times = workingDays(START, 200);
    const kept = simulate(times);
    const now = times.at(-1)!;
    const today = new Date(now).toISOString().slice(0, 10);
    const todays = kept.filter((backup) => backup.at.startsWith(today));
    expect(todays).toHaveLength(11);
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
    // So a long-running install keeps about 40 backups, not thousands.
    expect(kept.length).toBeLessThan(11 + 13 + 14);
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
    const unreadable = { id: 'x', at: 'yesterday', reason: 'timer', size: 1 } as const;
    const now = backupAt(Date.UTC(2027, 0, 5), 2);
    expect(backupsToDelete([future, unreadable, now], now.at)).toEqual([]);
  });

  it('never deletes the newest or a protected one, keeps to the budget, is idempotent', () => {
    const reasons: BackupReason[] = ['timer', 'timer', 'timer', 'manual', 'before-open'];
    const arbitraryBackups = fc.array(
      fc.record({
        time: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        reason: fc.constantFrom(...reasons),
        size: fc.integer({ min: 0, max: 4 * BUDGET_MIN_BYTES }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(
        arbitraryBackups,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: -720, max: 840 }),
        (drawn, nowTime, offset) => {
          const backups = drawn.map(({ time, reason, size }, index) =>
            backupAt(time, index, reason, size),
          );
          const now = new Date(nowTime).toISOString();
          const doomed = backupsToDelete(backups, now, offset);
          const ids = new Set(backups.map((backup) => backup.id));
          for (const id of doomed) expect(ids.has(id)).toBe(true);
          const newest = [...backups].sort((a, b) =>
            a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1,
          )[0];
          if (newest) expect(doomed).not.toContain(newest.id);
          const local = (time: number) => Math.floor((time + offset * MINUTE) / DAY);
          const isProtected = (backup: Dated) =>
            backup === newest ||
            local(Date.parse(backup.at)) > local(nowTime) ||
            (backup.reason !== 'timer' &&
              local(nowTime) - local(Date.parse(backup.at)) < DAILY_DAYS);
          for (const backup of backups) {
            if (isProtected(backup)) expect(doomed).not.toContain(backup.id);
          }
          const kept = backups.filter((backup) => !doomed.includes(backup.id));
          const total = kept.reduce((sum, backup) => sum + backup.size, 0);
          // Over the budget only when nothing but protected backups is left.
          if (total > sizeBudget(newest?.size ?? 0)) {
            for (const backup of kept) expect(isProtected(backup)).toBe(true);
          }
          expect(backupsToDelete(kept, now, offset)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('backups that bring the portfolio back', () => {
  const reasons: BackupReason[] = [
    'before-delete',
    'manual',
    'before-import',
    'before-restore',
    'before-open',
    'before-upgrade',
  ];
  for (const reason of reasons) {
    it(`keeps a "${reason}" backup for 14 days, though the timer backs up after it that day`, () => {
      // Delete everything at 10:00 (or an import, an Open…); then the timer backs up what is
      // left every 15 minutes, that day and every working day after.
      const first = backupAt(START + 10 * HOUR, 1, reason);
      let kept = take([], first);
      const sameDay = workingDays(START, 1).filter((time) => time > START + 10 * HOUR);
      kept = simulate(sameDay, 0, kept);
      expect(kept).toContainEqual(first);
      // The next 13 days: it is not the newest of its day, yet it stays.
      for (let day = 1; day < DAILY_DAYS; day += 1) {
        kept = simulate(workingDays(START + day * DAY, 1), 0, kept);
        expect(kept, `day ${day}`).toContainEqual(first);
      }
      // After the 14 days, the calendar alone decides: a Monday's 10:00 backup goes.
      kept = simulate(workingDays(START + DAILY_DAYS * DAY, 1), 0, kept);
      expect(kept).not.toContainEqual(first);
    });
  }

  it('keeps only the newest of the day of a timer backup, as before', () => {
    let kept = take([], backupAt(START + 10 * HOUR, 1, 'timer'));
    kept = simulate([START + 11 * HOUR], 0, kept);
    kept = simulate([START + DAY + 9 * HOUR], 0, kept);
    expect(kept.map((backup) => backup.at)).toEqual([
      new Date(START + 11 * HOUR).toISOString(),
      new Date(START + DAY + 9 * HOUR).toISOString(),
    ]);
  });
});

describe('the size budget', () => {
  const MB = 1_000_000;

  it('is 20 times the newest backup, and at least 10 MB', () => {
    expect(sizeBudget(2 * MB)).toBe(40 * MB);
    expect(sizeBudget(100_000)).toBe(BUDGET_MIN_BYTES);
    expect(BUDGET_MIN_BYTES).toBe(10 * MB);
  });

  it('leaves a small portfolio the whole calendar', () => {
    // 200 KB a backup: 60 working days keep what the calendar keeps (30 backups, 6 MB).
    const times = workingDays(START, 60);
    let kept: Dated[] = [];
    times.forEach((time, index) => {
      kept = take(kept, backupAt(time, index, 'timer', 200_000));
    });
    expect(kept.map((backup) => backup.at)).toEqual(simulate(times).map((backup) => backup.at));
    expect(kept).toHaveLength(30);
  });

  it('deletes the oldest first when large backups outgrow it, never the newest', () => {
    // 3 MB a backup: the budget is 60 MB, room for 20 of them.
    const times = workingDays(START, 60);
    let kept: Dated[] = [];
    times.forEach((time, index) => {
      kept = take(kept, backupAt(time, index, 'timer', 3 * MB));
    });
    expect(kept).toHaveLength(20);
    expect(kept.reduce((sum, backup) => sum + backup.size, 0)).toBe(60 * MB);
    // What is left is today's and the days just before: no weekly ones from months ago.
    expect(kept.at(-1)?.at).toBe(new Date(times.at(-1)!).toISOString());
    const oldest = Date.parse(kept[0]!.at);
    expect(times.at(-1)! - oldest).toBeLessThan(10 * DAY);
  });

  it('never deletes a protected backup, even when it alone is over the budget', () => {
    // Delete everything of a 30 MB portfolio, then a day of timer backups of the empty one.
    const before = backupAt(START + 10 * HOUR, 1, 'before-delete', 30 * MB);
    let kept = take([], before);
    const times = workingDays(START + DAY, 1);
    times.forEach((time, index) => {
      kept = take(kept, backupAt(time, index + 2, 'timer', 2_000));
    });
    expect(kept).toContainEqual(before);
    // The budget is 10 MB; the protected backup takes 30: the newest is all that stays with it.
    expect(kept.map((backup) => backup.reason)).toEqual(['before-delete', 'timer']);
    expect(kept.at(-1)?.at).toBe(new Date(times.at(-1)!).toISOString());
  });
});
