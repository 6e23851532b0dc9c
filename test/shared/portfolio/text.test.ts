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
