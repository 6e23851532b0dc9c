/**
 * Which backups to keep: every one taken today, the newest of each of the last 14 days, the
 * newest of each ISO week for 3 months, and always the newest of all. Days and weeks are the
 * user's local ones: the caller passes its offset from UTC, as shared/ has no clock or zone.
 */
import type { BackupInfo } from './types';

/** How many days (today included) keep their newest backup. */
export const DAILY_DAYS = 14;
/** How many calendar months keep the newest backup of each ISO week. */
export const WEEKLY_MONTHS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

type Dated = Pick<BackupInfo, 'id' | 'at'>;

/** Days since 1970-01-01 of the local day `time` falls on. */
function localDay(time: number, offsetMinutes: number): number {
  return Math.floor((time + offsetMinutes * 60_000) / DAY_MS);
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
function newestPer(backups: readonly Dated[], group: (backup: Dated) => number): Set<string> {
  const newest = new Map<number, Dated>();
  for (const backup of backups) {
    const key = group(backup);
    const current = newest.get(key);
    if (current === undefined || newer(backup, current)) newest.set(key, backup);
  }
  return new Set([...newest.values()].map((backup) => backup.id));
}

/**
 * The ids of the backups the policy no longer keeps, in the order given. `now` is an ISO time;
 * `utcOffsetMinutes` is the local time's offset east of UTC (Paris in winter: 60). A backup whose
 * time cannot be read, or that lies in the future (a clock put back), is kept.
 */
export function backupsToDelete(
  backups: readonly Dated[],
  now: string,
  utcOffsetMinutes = 0,
): string[] {
  const nowTime = Date.parse(now);
  if (Number.isNaN(nowTime)) return [];
  const today = localDay(nowTime, utcOffsetMinutes);
  const weeklyFrom = monthsBefore(today, WEEKLY_MONTHS);
  const dated = backups.filter((backup) => !Number.isNaN(Date.parse(backup.at)));
  const dayOf = (backup: Dated) => localDay(Date.parse(backup.at), utcOffsetMinutes);

  const keep = new Set<string>();
  let newestOfAll: Dated | undefined;
  for (const backup of dated) {
    if (newestOfAll === undefined || newer(backup, newestOfAll)) newestOfAll = backup;
    if (dayOf(backup) >= today) keep.add(backup.id);
  }
  if (newestOfAll) keep.add(newestOfAll.id);
  const recent = dated.filter((backup) => today - dayOf(backup) < DAILY_DAYS);
  for (const id of newestPer(recent, dayOf)) keep.add(id);
  const weekly = dated.filter((backup) => dayOf(backup) >= weeklyFrom);
  for (const id of newestPer(weekly, (backup) => isoWeek(dayOf(backup)))) keep.add(id);

  const readable = new Set(dated.map((backup) => backup.id));
  return backups
    .filter((backup) => readable.has(backup.id) && !keep.has(backup.id))
    .map((backup) => backup.id);
}
