/** Turning the bytes of a file into text, refusing what is not UTF-8 instead of guessing. */

export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Decodes UTF-8 strictly and drops a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, message: 'not UTF-8 text; save the file as UTF-8 and open it again' };
  }
}
