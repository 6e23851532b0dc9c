/**
 * Fractional ranks: strings that sort in stack order with a plain `<` comparison, so that moving
 * one card gives that card a new rank between its new neighbours and changes no other rank.
 *
 * A rank is a base-62 fraction written without the leading "0.": "V" is 0.5, "8" just over 0.125.
 * It never ends in the zero digit, so there is always room between two different ranks.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digitValue(character: string): number {
  const value = DIGITS.indexOf(character);
  if (value < 0) throw new Error(`"${character}" is not a rank digit`);
  return value;
}

/** Whether `rank` is a well-formed rank: base-62 digits, not empty, not ending in "0". */
export function isRank(rank: string): boolean {
  return /^[0-9A-Za-z]+$/.test(rank) && !rank.endsWith('0');
}

/**
 * A rank strictly between `before` and `after` (either may be null: the start or the end of the
 * stack). Throws when `before` is not below `after`.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`rank "${before}" is not below "${after}"`);
  }
  return midpoint(before ?? '', after);
}

/** Digits between the fraction `low` (may be "") and `high` (null: 1). */
function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    // Keep the common prefix (low padded with zeros), then look at the first digit that differs.
    let shared = 0;
    while (shared < high.length && (low[shared] ?? '0') === high[shared]) shared += 1;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low === '' ? 0 : digitValue(low[0] as string);
  const highDigit = high === null ? BASE : digitValue(high[0] as string);
  if (highDigit - lowDigit > 1) {
    return DIGITS[Math.round((lowDigit + highDigit) / 2)] as string;
  }
  // Adjacent digits: the high one alone is above low and, when high goes on, below high.
  if (high !== null && high.length > 1) return high[0] as string;
  return (DIGITS[lowDigit] as string) + midpoint(low.slice(1), null);
}

/**
 * `count` ranks in increasing order strictly between `before` and `after`, spread evenly so that
 * later moves have room: a stack of a thousand gets ranks of two or three digits.
 */
export function ranksBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return [];
  const middle = rankBetween(before, after);
  if (count === 1) return [middle];
  const left = Math.floor((count - 1) / 2);
  return [
    ...ranksBetween(before, middle, left),
    middle,
    ...ranksBetween(middle, after, count - 1 - left),
  ];
}
