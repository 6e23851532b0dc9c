/**
 * What named operations get from the app: ordering keys from `fractional-indexing` (with a little
 * jitter, so that two laptops inserting at the same place rarely make the same key; a tie still
 * sorts by the record's key), opaque ids, and the clock.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { EditContext } from '../../shared/store/context';
import type { ListEntityName } from '../../shared/store/entities';
import type { OrderKeys } from '../../shared/store/state';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomDigits(count: number): string {
  const bytes = new Uint8Array(count);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += DIGITS[byte % DIGITS.length];
  return text;
}

/** A key between `before` and `after` with two random digits after it where that stays between. */
function jittered(before: string | null, after: string | null): string {
  const key = generateKeyBetween(before, after);
  if (after !== null && after.startsWith(key)) return key;
  // Any extension of `key` sorts after it, and (key not being a prefix of `after`) before `after`.
  return `${key}${randomDigits(1)}${DIGITS[1 + (randomDigits(1).charCodeAt(0) % 61)]}`;
}

export const ORDER_KEYS: OrderKeys = {
  between: jittered,
  spread: (before, after, count) => (count <= 0 ? [] : generateNKeysBetween(before, after, count)),
};

const ID_PREFIX: Readonly<Record<ListEntityName, string>> = {
  periods: 'p',
  teams: 't',
  objectives: 'o',
  initiatives: 'i',
  scenarios: 's',
  ranks: 'r',
  actuals: 'a',
  decisions: 'd',
  workshops: 'w',
  proposals: 'q',
  cadences: 'c',
  reviews: 'v',
  actions: 'x',
  selfReviews: 'y',
};

/** A new opaque id: a letter for the kind of record and ten random base-36 characters. */
export function newId(entity: ListEntityName): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += (byte % 36).toString(36);
  return `${ID_PREFIX[entity]}-${text}`;
}

/** A new id for a database: a database deleted and made again is told apart by it. */
export function newEpoch(): string {
  return randomDigits(12);
}

export const EDIT_CONTEXT: EditContext = {
  keys: ORDER_KEYS,
  newId,
  now: () => new Date().toISOString(),
};

/**
 * A context that gives the same ids, keys and times each time one edit is planned again (for the
 * journal, then in its transaction), so that an edit planned twice creates one record, not two.
 * `again()` starts a new planning of the same edit.
 */
export function stableContext(): EditContext & { readonly again: () => void } {
  const made: string[] = [];
  let next = 0;
  const remembered = (make: () => string): string => {
    if (next < made.length) return made[next++] as string;
    const value = make();
    made.push(value);
    next += 1;
    return value;
  };
  return {
    keys: {
      between: (before, after) => {
        const key = remembered(() => ORDER_KEYS.between(before, after));
        // A key remembered from a planning on other neighbours would no longer sit between them.
        if ((before !== null && key <= before) || (after !== null && key >= after)) {
          return ORDER_KEYS.between(before, after);
        }
        return key;
      },
      spread: ORDER_KEYS.spread,
    },
    newId: (entity) => remembered(() => newId(entity)),
    now: () => remembered(() => new Date().toISOString()),
    again: () => {
      next = 0;
    },
  };
}
