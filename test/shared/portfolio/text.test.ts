import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../../shared/portfolio/text';

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFF{"name":"Café"}'))).toEqual({
      ok: true,
      text: '{"name":"Café"}',
    });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(decodeUtf8(new Uint8Array([0x22, 0xe9, 0x22]))).toEqual({
      ok: false,
      message: 'not UTF-8 text; save the file as UTF-8 and open it again',
    });
  });
});

describe('decodeUtf8 and UTF-16', () => {
  const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
    const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (const char of text) {
      const code = char.charCodeAt(0);
      bytes.push(...(littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
    }
    return new Uint8Array(bytes);
  };

  it('names UTF-16 with and without a byte-order mark, in either byte order', () => {
    for (const bom of [true, false]) {
      expect(decodeUtf8(utf16('{"name":"x"}', true, bom))).toEqual({
        ok: false,
        message: 'UTF-16 text (little-endian), not UTF-8; save the file as UTF-8 and open it again',
      });
      expect(decodeUtf8(utf16('{"name":"x"}', false, bom))).toEqual({
        ok: false,
        message: 'UTF-16 text (big-endian), not UTF-8; save the file as UTF-8 and open it again',
      });
    }
  });
});
