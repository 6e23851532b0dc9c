/**
 * Backups of the whole portfolio: what one is called, why it was taken, and how a message that
 * claims to describe one is checked (backups cross the IPC boundary and come back from storage,
 * so every field is checked like any other untrusted input).
 */

/** Why a backup was taken. */
export type BackupReason =
  | 'timer'
  | 'before-import'
  | 'before-restore'
  | 'before-open'
  | 'before-upgrade'
  | 'before-delete'
  | 'manual';

export const BACKUP_REASONS: readonly BackupReason[] = [
  'timer',
  'before-import',
  'before-restore',
  'before-open',
  'before-upgrade',
  'before-delete',
  'manual',
];

/** What the app says about a backup when it takes one; the store adds the id, time and size. */
export type BackupMeta = {
  readonly reason: BackupReason;
  /** One line: "Acme 2027 · 42 initiatives · 5 teams · 3 scenarios". */
  readonly summary: string;
  readonly portfolioName: string;
};

/** One stored backup, as listed. */
export type BackupInfo = BackupMeta & {
  /** Made by the store; see `isBackupId`. */
  readonly id: string;
  /** When it was taken, ISO 8601 in UTC ("2027-03-01T09:15:00.000Z"). */
  readonly at: string;
  /** The size of its text in bytes (UTF-8). */
  readonly size: number;
};

/** Where backups are kept: files on the desktop, an IndexedDB database in the browser. */
export type BackupStore = {
  /** Every backup, newest first. */
  readonly list: () => Promise<BackupInfo[]>;
  /** Stores `text` (a portfolio file's text) as a new backup. */
  readonly write: (meta: BackupMeta, text: string) => Promise<BackupInfo>;
  /** The text of a backup; null when there is no such backup. */
  readonly read: (id: string) => Promise<string | null>;
  /** Deletes the backups with these ids; ids that do not exist are ignored. */
  readonly remove: (ids: readonly string[]) => Promise<void>;
};

/** Longest summary or portfolio name a backup keeps, in characters. */
export const MAX_BACKUP_LABEL = 500;
/** Most ids one `remove` may name. */
export const MAX_BACKUP_IDS = 10_000;

const BACKUP_ID = /^(\d{8}T\d{9}Z)-([0-9a-f]{8})$/;

/**
 * A backup's id: its time in UTC without separators and a nonce, "20270301T091500000Z-1a2b3c4d".
 * Only ASCII letters, digits and one dash, so it is safe as a file name on every system; ids sort
 * by time. `nonce` must be 8 lowercase hex digits (the caller makes them; shared/ has no random).
 */
export function backupId(at: string, nonce: string): string {
  const compact = at.replace(/[-:.]/g, '');
  const id = `${compact}-${nonce}`;
  if (!isBackupId(id)) throw new Error(`Cannot make a backup id from ${at} and ${nonce}.`);
  return id;
}

/** Whether `value` is a backup id as `backupId` makes them (and nothing that could name a path). */
export function isBackupId(value: unknown): value is string {
  return typeof value === 'string' && BACKUP_ID.test(value);
}

/** The time an id was made at, as ISO 8601 ("2027-03-01T09:15:00.000Z"); null for another text. */
export function backupIdTime(id: string): string | null {
  const match = BACKUP_ID.exec(id);
  const compact = match?.[1];
  if (!compact) return null;
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}T${compact.slice(9, 11)}:${compact.slice(11, 13)}:${compact.slice(13, 15)}.${compact.slice(15, 18)}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_BACKUP_LABEL;
}

export function isBackupReason(value: unknown): value is BackupReason {
  return (BACKUP_REASONS as readonly unknown[]).includes(value);
}

/** Whether `value` is an ISO 8601 UTC time as `Date.prototype.toISOString` writes it. */
export function isIsoTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Checks a backup's metadata; the error names the field. */
export function parseBackupMeta(
  value: unknown,
):
  | { readonly ok: true; readonly value: BackupMeta }
  | { readonly ok: false; readonly error: string } {
  if (!isRecord(value)) return { ok: false, error: 'meta: expected an object' };
  const { reason, summary, portfolioName } = value;
  if (!isBackupReason(reason)) {
    return { ok: false, error: `meta.reason: expected one of ${BACKUP_REASONS.join(', ')}` };
  }
  if (!isLabel(summary)) {
    return {
      ok: false,
      error: `meta.summary: expected text of at most ${MAX_BACKUP_LABEL} characters`,
    };
  }
  if (!isLabel(portfolioName)) {
    return {
      ok: false,
      error: `meta.portfolioName: expected text of at most ${MAX_BACKUP_LABEL} characters`,
    };
  }
  return { ok: true, value: { reason, summary, portfolioName } };
}

/** A backup's description as stored or received; null when any field is not what it should be. */
export function parseBackupInfo(value: unknown): BackupInfo | null {
  if (!isRecord(value)) return null;
  const meta = parseBackupMeta(value);
  if (!meta.ok) return null;
  const { id, at, size } = value;
  if (!isBackupId(id) || !isIsoTime(at)) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null;
  return { id, at, size, ...meta.value };
}

/** Newest first; ties by id, so the order never depends on how the store listed them. */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) =>
    a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
}

/** The size of `text` in bytes as UTF-8 (what a file of it takes on disk). */
export function utf8Size(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
