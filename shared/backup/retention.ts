/**
 * Which backups to keep. By the calendar: of today, the 4 newest and the newest of each hour; the
 * newest of each of the last 14 days; the newest of each ISO week for 3 months; and always the
 * newest of all. A backup taken by hand or before something replaced the portfolio (an import, a
 * restore, an Open, Delete everything, a storage upgrade) is kept for the whole 14 days: it is the
 * one that brings the portfolio back, and a timer backup of the same day must not push it out.
 * Then a size budget: when the kept backups take more than 20 times the newest one's size (and
 * at least 10 MB), the oldest of those not protected go first. Days and hours are the user's local
 * ones: the caller passes its offset from UTC, as shared/ has no clock or zone.
 */
import type { BackupInfo, BackupReason } from './types';

/** How many days (today included) keep their newest backup, and every protected one. */
export const DAILY_DAYS = 14;
/** How many calendar months keep the newest backup of each ISO week. */
export const WEEKLY_MONTHS = 3;
/** How many of today's newest backups are kept, whatever the hour. */
export const TODAY_NEWEST = 4;
/** The size budget, as a multiple of the newest backup's size... */
export const BUDGET_NEWEST_MULTIPLE = 20;
/**
 * ...and at least this many bytes (10 MB), so that a small portfolio keeps the whole calendar
 * (30 to 40 backups), while a large one does not fill the browser's quota or the disk: in the
 * browser the backups share the origin's storage with the portfolio itself.
 */
export const BUDGET_MIN_BYTES = 10_000_000;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

type Kept = Pick<BackupInfo, 'id' | 'at' | 'reason' | 'size'>;
type Dated = Pick<BackupInfo, 'id' | 'at'>;

/**
 * Whether a backup of this reason is kept for the whole 14 days: every reason but the timer's.
 * Those are the backups a notice or a question promised would bring the portfolio back.
 */
export function isProtectedReason(reason: BackupReason): boolean {
  return reason !== 'timer';
}

/** Days since 1970-01-01 of the local day `time` falls on. */
function localDay(time: number, offsetMinutes: number): number {
  return Math.floor((time + offsetMinutes * 60_000) / DAY_MS);
}

/** Hours since 1970-01-01 00:00 of the local hour `time` falls in. */
function localHour(time: number, offsetMinutes: number): number {
  return Math.floor((time + offsetMinutes * 60_000) / HOUR_MS);
}

/** The Monday of the ISO week of a day (as days since 1970-01-01, a Thursday). */
function isoWeek(day: number): number {
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return day - sinceMonday;
}

/** The local day `months` calendar months before `day` (the 31st becomes the month's last day). */
function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS);
}

function newer(a: Dated, b: Dated): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

/** The newest of each group, by the key `group` gives. */
function newestPer<T extends Dated>(
  backups: readonly T[],
  group: (backup: T) => number,
): Set<string> {
  const newest = new Map<number, T>();
  for (const backup of backups) {
    const key = group(backup);
    const current = newest.get(key);
    if (current === undefined || newer(backup, current)) newest.set(key, backup);
  }
  return new Set([...newest.values()].map((backup) => backup.id));
}

/** How many bytes the backups may take, given the newest backup's size. */
export function sizeBudget(newestSize: number): number {
  return Math.max(BUDGET_NEWEST_MULTIPLE * Math.max(0, newestSize), BUDGET_MIN_BYTES);
}

/**
 * The ids of the backups the policy no longer keeps, in the order given. `now` is an ISO time;
 * `utcOffsetMinutes` is the local time's offset east of UTC (Paris in winter: 60). A backup whose
 * time cannot be read, or that lies in the future (a clock put back), is kept; so are the newest
 * and, for 14 days, every backup that is not the timer's, whatever the size budget says.
 */
export function backupsToDelete(
  backups: readonly Kept[],
  now: string,
  utcOffsetMinutes = 0,
): string[] {
  const nowTime = Date.parse(now);
  if (Number.isNaN(nowTime)) return [];
  const today = localDay(nowTime, utcOffsetMinutes);
  const weeklyFrom = monthsBefore(today, WEEKLY_MONTHS);
  const dated = backups.filter((backup) => !Number.isNaN(Date.parse(backup.at)));
  const dayOf = (backup: Dated) => localDay(Date.parse(backup.at), utcOffsetMinutes);

  // Never deleted, not even for the size budget.
  const protectedIds = new Set<string>();
  let newestOfAll: Kept | undefined;
  for (const backup of dated) {
    if (newestOfAll === undefined || newer(backup, newestOfAll)) newestOfAll = backup;
    const day = dayOf(backup);
    if (day > today) protectedIds.add(backup.id);
    else if (today - day < DAILY_DAYS && isProtectedReason(backup.reason)) {
      protectedIds.add(backup.id);
    }
  }
  if (newestOfAll) protectedIds.add(newestOfAll.id);

  // Kept by the calendar, unless the size budget needs the room.
  const keep = new Set<string>(protectedIds);
  const todays = dated.filter((backup) => dayOf(backup) === today);
  const newestToday = [...todays].sort((a, b) => (newer(a, b) ? -1 : 1));
  for (const backup of newestToday.slice(0, TODAY_NEWEST)) keep.add(backup.id);
  for (const id of newestPer(todays, (backup) =>
    localHour(Date.parse(backup.at), utcOffsetMinutes),
  )) {
    keep.add(id);
  }
  const recent = dated.filter((backup) => today - dayOf(backup) < DAILY_DAYS);
  for (const id of newestPer(recent, dayOf)) keep.add(id);
  const weekly = dated.filter((backup) => dayOf(backup) >= weeklyFrom);
  for (const id of newestPer(weekly, (backup) => isoWeek(dayOf(backup)))) keep.add(id);

  const readable = new Set(dated.map((backup) => backup.id));
  const stays = backups.filter((backup) => !readable.has(backup.id) || keep.has(backup.id));
  let total = stays.reduce((sum, backup) => sum + Math.max(0, backup.size), 0);
  const budget = sizeBudget(newestOfAll?.size ?? 0);
  if (total > budget) {
    const oldestFirst = stays
      .filter((backup) => readable.has(backup.id) && !protectedIds.has(backup.id))
      .sort((a, b) => (newer(a, b) ? 1 : -1));
    for (const backup of oldestFirst) {
      if (total <= budget) break;
      keep.delete(backup.id);
      total -= Math.max(0, backup.size);
    }
  }

  return backups
    .filter((backup) => readable.has(backup.id) && !keep.has(backup.id))
    .map((backup) => backup.id);
}
