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
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, message: NOT_UTF8_MESSAGE };
  }
}
