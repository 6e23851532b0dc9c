import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';

/** FNV-1a 64 as its definition states it, in BigInt arithmetic. */
function definition(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('textFingerprint', () => {
  it('gives the published FNV-1a 64 values for ASCII text', () => {
    expect(textFingerprint('')).toBe('cbf29ce484222325');
    expect(textFingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(textFingerprint('foobar')).toBe('85944171f73967e8');
  });

  it('equals the BigInt definition over any UTF-16 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(textFingerprint(text)).toBe(definition(text));
      }),
      { numRuns: 2000 },
    );
  });
});
