/**
 * Edits as lists of record changes (shared/store/changes.ts), and the bounds of what the store
 * keeps of them.
 */
export {
  MERGE_WINDOW_MS,
  continuesEdit,
  invertEdit,
  mergeEdits,
  withoutNoOps,
  type Change as RowChange,
  type Edit,
} from '../../shared/store/changes';
export type { EntityKey as RowKey } from '../../shared/store/entities';

/** At most this many edits of a window can be undone. */
export const HISTORY_LIMIT = 200;
/** At most this many entries of the change history are kept (the oldest go first). */
export const LOG_LIMIT = 2000;
