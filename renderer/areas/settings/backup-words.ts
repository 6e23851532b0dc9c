/** Backups in words: why one was taken, and how big it is. */
import type { BackupInfo, BackupReason } from '../../../shared/backup/types';
import { formatDateTime, formatNumber } from '../../format';

export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  timer: 'Every 15 minutes of editing',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-open': 'Before a file replaced the portfolio',
  'before-upgrade': 'Before Baton updated its storage',
  'before-delete': 'Before Delete everything',
  manual: 'Backed up by hand',
};

/** A size in bytes as people read it: "840 bytes", "12.5 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes, 0)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, 1)} KB`;
  return `${formatNumber(bytes / 1_000_000, 1)} MB`;
}

/** "the backup of 7 Dec 2026, 18:20" */
export function backupName(backup: Pick<BackupInfo, 'at'>): string {
  return `the backup of ${formatDateTime(backup.at)}`;
}
