import { db } from '../../../renderer/db/database';
import type { RevisionRow } from '../../../renderer/db/schema';

/**
 * Writes straight into the database the way another window of the app would: the records in one
 * transaction, and the revision moved on, so that this window's copy of the state is read again.
 */
export async function writeAsAnotherWindow(write: () => Promise<unknown>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await write();
    const revision = (await db.meta.get('revision')) as RevisionRow | undefined;
    const next: RevisionRow = { key: 'revision', value: (revision?.value ?? 0) + 1 };
    await db.meta.put(next);
  });
}
