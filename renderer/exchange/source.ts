/**
 * A file handed to Import, before any parsing: what kind of file it is, and its text. Excel saves
 * "CSV" in the Windows code page and "Unicode text" in UTF-16, so text that is not UTF-8 is read
 * in those encodings with a warning, instead of being refused.
 */
import { detectImportFormat } from '../../shared/exchange/import';
import type { ImportFormat, ImportIssue } from '../../shared/exchange/import/types';
import { decodeUtf8, utf16Order } from '../../shared/portfolio/text';

/** How much of a file the format is told from. */
const HEAD_BYTES = 64 * 1024;

/** What a file is: a portfolio file, one of the kinds Import reads, or neither. */
export function sourceFormat(name: string, bytes: Uint8Array): ImportFormat | 'portfolio' | null {
  const order = utf16Order(bytes);
  const head = bytes.subarray(0, HEAD_BYTES);
  const text = order
    ? new TextDecoder(order === 'LE' ? 'utf-16le' : 'utf-16be').decode(head)
    : new TextDecoder('utf-8').decode(head);
  return detectImportFormat(name, text.replace(/^\uFEFF/, ''));
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest are Latin-1's): written out, as
 * some runtimes' TextDecoder('windows-1252') decodes them as Latin-1's control characters.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The text of Windows-1252 bytes (every byte is a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 0x2000;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let chunk = '';
    for (const byte of bytes.subarray(start, start + CHUNK)) {
      chunk +=
        byte >= 0x80 && byte < 0xa0
          ? (WINDOWS_1252_HIGH[byte - 0x80] as string)
          : String.fromCharCode(byte);
    }
    chunks.push(chunk);
  }
  return chunks.join('');
}

export type SourceText = { readonly text: string; readonly warnings: readonly ImportIssue[] };

/** The text of a text file: UTF-8, else UTF-16 (with a byte-order mark or zero bytes), else Windows-1252. */
export function sourceText(name: string, bytes: Uint8Array): SourceText {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { text: decoded.text, warnings: [] };
  const order = utf16Order(bytes);
  if (order) {
    const text = new TextDecoder(order === 'LE' ? 'utf-16le' : 'utf-16be').decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), warnings: [] };
  }
  return {
    text: decodeWindows1252(bytes),
    warnings: [
      {
        message: `${name} is not UTF-8 text, so Baton read it as Windows-1252 (Western European), the way Excel saves CSV files. Check that accented letters look right in the preview.`,
      },
    ],
  };
}

/** The kinds of file, in words: "a CSV file", "a Jira export". */
export function formatName(format: ImportFormat): string {
  switch (format) {
    case 'csv':
      return 'a CSV file';
    case 'xlsx':
      return 'an Excel workbook';
    case 'jira':
      return 'a Jira CSV export';
    case 'msproject':
      return 'a Microsoft Project XML file';
  }
}
