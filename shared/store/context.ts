/**
 * What a named operation needs from outside the pure domain: new ids, ordering keys and the time.
 * The store passes them in, so that operations stay pure and their tests choose them.
 */
import type { ListEntityName } from './entities';
import type { OrderKeys } from './state';

export type EditContext = {
  readonly keys: OrderKeys;
  /** A new opaque id for a record of `entity`, unique on every machine. */
  readonly newId: (entity: ListEntityName) => string;
  /** The time now as an ISO 8601 date-time (`2026-12-04T09:30:00.000Z`). */
  readonly now: () => string;
};

/** An operation could not be planned: what it works on is gone, or the request makes no sense. */
export class OperationError extends Error {}

/** The record with `id`, or an OperationError naming the entity. */
export function byId<T extends { readonly id: string }>(
  records: readonly T[],
  id: string,
  what: string,
): T {
  const found = records.find((record) => record.id === id);
  if (!found) throw new OperationError(`${what} "${id}" no longer exists.`);
  return found;
}

/** A name in quotes, for labels: “CRM revamp”. */
export function quoted(name: string): string {
  return `“${name}”`;
}
