import { db } from '../../../renderer/db/database';
import { clearHistory } from '../../../renderer/db/history';

/** A new database, as on the first start (holding the demo), and an empty undo history. */
export async function freshDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  clearHistory();
}
