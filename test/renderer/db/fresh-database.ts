import { db } from '../../../renderer/db/database';
import { resetStacks } from '../../../renderer/db/history';
import { forgetState } from '../../../renderer/db/repository';

/** A new database, as on the first start (holding the demo), and an empty undo history. */
export async function freshDatabase(): Promise<void> {
  db.close();
  await db.delete();
  forgetState();
  resetStacks();
  await db.open();
}
