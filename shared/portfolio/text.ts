/** Turning the bytes of a file into text, refusing what is not UTF-8 instead of guessing. */

export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

export const NOT_UTF8_MESSAGE = 'not UTF-8 text; save the file as UTF-8 and open it again';

/** The message for text in UTF-16, which the format does not allow but some editors write. */
export function utf16Message(order: 'LE' | 'BE'): string {
  return `UTF-16 text (${order === 'LE' ? 'little' : 'big'}-endian), not UTF-8; save the file as UTF-8 and open it again`;
}

/**
 * The byte order of UTF-16 bytes, with or without a byte-order mark, or null. A JSON document
 * starts with an ASCII character, so UTF-16 shows as a zero byte in its first two.
 */
export function utf16Order(bytes: Uint8Array): 'LE' | 'BE' | null {
  const [first, second] = bytes;
  if (first === undefined || second === undefined) return null;
  if (first === 0xff && second === 0xfe) return 'LE';
  if (first === 0xfe && second === 0xff) return 'BE';
  if (first !== 0 && second === 0) return 'LE';
  if (first === 0 && second !== 0) return 'BE';
  return null;
}

/** Decodes UTF-8 strictly and drops a byte-order mark; names UTF-16 when it sees it. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const order = utf16Order(bytes);
  if (order) return { ok: false, message: utf16Message(order) };
  const text = strictUtf8(bytes);
  if (text === null) return { ok: false, message: NOT_UTF8_MESSAGE };
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/** A lead byte past ASCII: the length of its sequence, its payload bits, the least code point. */
function leadByte(byte: number): { length: number; payload: number; least: number } | null {
  if (byte >= 0xc2 && byte < 0xe0) return { length: 2, payload: byte & 0x1f, least: 0x80 };
  if (byte >= 0xe0 && byte < 0xf0) return { length: 3, payload: byte & 0x0f, least: 0x800 };
  if (byte >= 0xf0 && byte < 0xf5) return { length: 4, payload: byte & 0x07, least: 0x10000 };
  return null;
}

/** How many UTF-16 code units are turned into a string at a time (a bound on call arguments). */
const UNITS_PER_CHUNK = 0x2000;

/** The string of these UTF-16 code units (apply takes a typed array; spreading one is slower). */
const stringOf = (units: Uint16Array): string => Reflect.apply(String.fromCharCode, null, units);

/**
 * The text of strict UTF-8 bytes, or null at the first sequence that is not UTF-8: a stray or
 * missing continuation byte, an overlong form, a surrogate, or a code point past U+10FFFF. The
 * same as `new TextDecoder('utf-8', { fatal: true })`, which shared/ cannot use: it is not part
 * of the language but of the DOM and Node.
 */
export function strictUtf8(bytes: Uint8Array): string | null {
  const chunks: string[] = [];
  // One spare place: a code point past U+FFFF takes two units.
  const units = new Uint16Array(UNITS_PER_CHUNK + 1);
  let count = 0;
  let at = 0;
  while (at < bytes.length) {
    const first = bytes[at]!;
    // ASCII, most of a portfolio file, takes the short way.
    if (first < 0x80) {
      units[count++] = first;
      at += 1;
    } else {
      const lead = leadByte(first);
      if (!lead || at + lead.length > bytes.length) return null;
      const { length, payload, least } = lead;
      let code = payload;
      for (let next = at + 1; next < at + length; next++) {
        const byte = bytes[next]!;
        if ((byte & 0xc0) !== 0x80) return null;
        code = (code << 6) | (byte & 0x3f);
      }
      if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
      if (code < 0x10000) {
        units[count++] = code;
      } else {
        units[count++] = 0xd800 + ((code - 0x10000) >> 10);
        units[count++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
      }
      at += length;
    }
    if (count >= UNITS_PER_CHUNK) {
      chunks.push(stringOf(units.subarray(0, count)));
      count = 0;
    }
  }
  chunks.push(stringOf(units.subarray(0, count)));
  return chunks.join('');
}
