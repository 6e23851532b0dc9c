/** What a window leaves in its journal of unstored edits when its page goes away mid-edit. */
import { db } from '../../../renderer/db/database';
import { readState } from '../../../renderer/db/repository';
import { writeJournal } from '../../../renderer/db/unstored-edits';
import type { InitiativeRecord, PortfolioState } from '../../../shared/store/state';

/** The state as stored, read in a transaction of its own. */
export function storedState(): Promise<PortfolioState> {
  return db.transaction('r', db.tables, () => readState());
}

/**
 * Leaves, under `journal`, one edit of an initiative the database never got: `label`, from the
 * record as stored now to what `update` makes of it.
 */
export async function journalInitiativeEdit(
  journal: string,
  initiativeId: string,
  label: string,
  update: (record: InitiativeRecord) => InitiativeRecord,
): Promise<void> {
  const state = await storedState();
  const before = state.initiatives.find((entry) => entry.id === initiativeId);
  if (!before) throw new Error(`Initiative "${initiativeId}" is not stored.`);
  writeJournal(localStorage, journal, [
    {
      id: `${journal}-1`,
      label,
      changes: [{ table: 'initiatives', key: initiativeId, before, after: update(before) }],
    },
  ]);
}
