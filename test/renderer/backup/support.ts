import type { BackupStore } from '../../../shared/backup/types';
import { createBrowserPlatform } from '../../../renderer/platform/browser';
import { createBrowserBackupStore } from '../../../renderer/platform/browser-backups';
import { setPlatform } from '../../../renderer/platform';
import { useAppStore } from '../../../renderer/state/store';

let count = 0;

/**
 * The browser platform with a backup database of its own (a new one per call, so tests do not
 * see each other's backups) and, when given, a clock.
 */
export function useFreshBackups(now?: () => Date): BackupStore & { readonly close: () => void } {
  count += 1;
  const backups = createBrowserBackupStore({
    name: `baton-backups-test-${Date.now()}-${count}`,
    ...(now && { now }),
  });
  setPlatform({ ...createBrowserPlatform(), backups });
  return backups;
}

/** The texts of the notices shown so far. */
export function noticeTexts(): string[] {
  return useAppStore.getState().notices.map((notice) => notice.text);
}

export function clearNotices(): void {
  useAppStore.setState({ notices: [] });
}
