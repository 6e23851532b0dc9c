/** shared/ decodes UTF-8 itself (it has no TextDecoder): it must agree with the platform's strict one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strictUtf8 } from '../../../shared/portfolio/text';

const platform = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What the platform decoder makes of the bytes, null where it refuses them. */
function platformText(bytes: Uint8Array): string | null {
  try {
    return platform.decode(bytes);
  } catch {
    return null;
  }
}

describe('strictUtf8', () => {
  it('decodes any text as the platform encodes it, astral characters and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(strictUtf8(new TextEncoder().encode(text))).toBe(text);
      }),
    );
  });

  it('agrees with the strict platform decoder on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(strictUtf8(bytes)).toBe(platformText(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses overlong forms, surrogates, code points past U+10FFFF and cut-off sequences', () => {
    for (const bytes of [
      [0xc0, 0xaf], // "/" in two bytes
      [0xe0, 0x80, 0xaf], // "/" in three bytes
      [0xf0, 0x80, 0x80, 0xaf], // "/" in four bytes
      [0xed, 0xa0, 0x80], // U+D800, half a surrogate pair
      [0xf4, 0x90, 0x80, 0x80], // U+110000
      [0xe2, 0x82], // the euro sign without its last byte
      [0x80], // a continuation byte on its own
      [0xff],
    ]) {
      expect(strictUtf8(new Uint8Array(bytes)), bytes.join(' ')).toBeNull();
      expect(platformText(new Uint8Array(bytes))).toBeNull();
    }
  });

  it('keeps a byte-order mark, and decodes text longer than one chunk', () => {
    expect(strictUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toBe('\uFEFF{');
    const long = 'Café 🚚 '.repeat(10_000);
    expect(strictUtf8(new TextEncoder().encode(long))).toBe(long);
  });
});
