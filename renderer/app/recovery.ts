/**
 * The recovery screen's ways out: the File commands that need none of the app's dialogs, the
 * backups, and saving whatever is stored as a file, even when it no longer reads as a portfolio.
 */
import { portfolioFileName, writePortfolio } from '../../shared/portfolio/write';
import { listBackups, restoreBackup } from '../backup/backups';
import type { RecoveryActions, RecoveryBackup } from '../components/ErrorBoundary';
import { db } from '../db/database';
import { readPortfolio } from '../db/repository';
import { portfolioFileText } from '../db/snapshots';
import { describeStorageError } from '../db/storage-health';
import { formatDateTime } from '../format';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';
import {
  loadDemoWithoutAsking,
  openWithoutAsking,
  startEmptyWithoutAsking,
  type RecoveryResult,
} from './file-actions';

function errorText(error: unknown): string {
  return (
    describeStorageError(error)?.happened ??
    (error instanceof Error ? error.message : String(error))
  );
}

/**
 * Every row of every table of the database as JSON: what is stored, as it is, for a stored
 * portfolio that no longer reads as one.
 */
export async function storedRowsText(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return `${JSON.stringify({ baton: 'stored-data', version: db.verno, tables }, null, 2)}\n`;
}

/**
 * Saves the stored data as a file: the portfolio file when the stored portfolio reads as one
 * (File › Open reads it back), else every stored row as JSON, so that nothing is lost either way.
 */
export async function saveStoredData(): Promise<RecoveryResult> {
  const platform = getPlatform();
  let name: string;
  let text: string;
  let raw = false;
  try {
    const portfolio = await readPortfolio();
    name = portfolioFileName(portfolio.name);
    // With the snapshots of its held reviews; without them should they not read.
    text = await portfolioFileText(portfolio).catch(() => writePortfolio(portfolio));
  } catch {
    try {
      name = 'baton-stored-data.json';
      text = await storedRowsText();
      raw = true;
    } catch (error) {
      return { ok: false, message: `The stored data could not be read: ${errorText(error)}` };
    }
  }
  try {
    const saved = await platform.saveExportFile(name, text);
    if (!saved) return { ok: false, message: 'Nothing was saved: the save was cancelled.' };
    return {
      ok: false,
      message: raw
        ? `The stored data was saved to ${saved.location}, every record as stored (it does not read as a portfolio, so File › Open cannot read it back; it keeps your data for a repair).`
        : `The stored portfolio was saved to ${saved.location}; File › Open reads it back.`,
    };
  } catch (error) {
    return { ok: false, message: `Nothing was saved: ${errorText(error)}` };
  }
}

async function newestBackups(): Promise<readonly RecoveryBackup[]> {
  const backups = await listBackups();
  return backups.map((backup) => ({
    id: backup.id,
    when: formatDateTime(backup.at),
    summary: backup.summary,
  }));
}

async function restore(id: string): Promise<RecoveryResult> {
  try {
    const result = await restoreBackup(id);
    if (!result.ok) return result;
  } catch (error) {
    return { ok: false, message: `The backup was not restored: ${errorText(error)}` };
  }
  useAppStore.getState().navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: null });
  return { ok: true };
}

export const FILE_RECOVERY: RecoveryActions = {
  saveCopy: saveStoredData,
  open: openWithoutAsking,
  startEmpty: startEmptyWithoutAsking,
  loadDemo: loadDemoWithoutAsking,
  listBackups: newestBackups,
  restoreBackup: restore,
  explain: (error) => describeStorageError(error),
};
