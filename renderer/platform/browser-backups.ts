/**
 * Backups in the browser: a database of their own, "baton-backups", apart from the portfolio's,
 * so that a portfolio database that will not open (or is deleted) leaves its backups alone.
 * A backup's description and its text live in two tables, so listing never reads the texts.
 */
import Dexie, { type EntityTable } from 'dexie';
import {
  backupId,
  newestFirst,
  parseBackupInfo,
  utf8Size,
  type BackupInfo,
  type BackupStore,
} from '../../shared/backup/types';

export const BACKUP_DATABASE_NAME = 'baton-backups';

type BackupTextRow = { readonly id: string; readonly text: string };

class BackupDatabase extends Dexie {
  infos!: EntityTable<BackupInfo, 'id'>;
  texts!: EntityTable<BackupTextRow, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ infos: 'id, at', texts: 'id' });
  }
}

/** Eight random lowercase hex digits. */
export function randomNonce(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The browser's backup store; `now` and `nonce` are there for tests. */
export function createBrowserBackupStore(
  options: {
    readonly name?: string;
    readonly now?: () => Date;
    readonly nonce?: () => string;
  } = {},
): BackupStore & { readonly close: () => void } {
  const database = new BackupDatabase(options.name ?? BACKUP_DATABASE_NAME);
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? randomNonce;
  return {
    list: async () => {
      const rows = await database.infos.toArray();
      return newestFirst(rows.map(parseBackupInfo).filter((info) => info !== null));
    },
    write: async (meta, text) => {
      const at = now().toISOString();
      const info: BackupInfo = {
        id: backupId(at, nonce()),
        at,
        size: utf8Size(text),
        reason: meta.reason,
        summary: meta.summary,
        portfolioName: meta.portfolioName,
      };
      await database.transaction('rw', database.infos, database.texts, async () => {
        await database.texts.put({ id: info.id, text });
        await database.infos.put(info);
      });
      return info;
    },
    read: async (id) => {
      const row = await database.texts.get(id);
      return typeof row?.text === 'string' ? row.text : null;
    },
    remove: async (ids) => {
      if (ids.length === 0) return;
      await database.transaction('rw', database.infos, database.texts, async () => {
        await database.infos.bulkDelete([...ids]);
        await database.texts.bulkDelete([...ids]);
      });
    },
    close: () => database.close(),
  };
}
