/**
 * Sets a printed pack's document information (Title, Creator, Producer). Chromium's print to PDF
 * names itself the creator and takes the title from the page; this appends an incremental update
 * as the PDF standard defines it (ISO 32000-1, 7.5.6): a new Info dictionary, a cross-reference
 * section for it and a trailer pointing back to the previous one. The printed bytes are left as
 * they are, so nothing the browser wrote can be damaged by the rewrite.
 */

export type PdfInfo = {
  readonly title: string;
  readonly creator: string;
  readonly producer: string;
};

/** The bytes as one character each (PDF syntax is bytes; its keywords are ASCII). */
function latin1(bytes: Uint8Array, from = 0): string {
  let text = '';
  const step = 0x8000;
  for (let index = from; index < bytes.length; index += step) {
    text += String.fromCharCode(...bytes.subarray(index, Math.min(bytes.length, index + step)));
  }
  return text;
}

function ascii(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

/**
 * A PDF text string: a literal string for printable ASCII (with `\`, `(` and `)` escaped), else
 * UTF-16BE with its byte order mark, in hex.
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1) {
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

/** The value of `/Key` in a dictionary's text: a reference, number, name, string or array. */
function entry(dictionary: string, key: string): string | undefined {
  const at = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dictionary);
  if (!at) return undefined;
  const rest = dictionary.slice(at.index + at[0].length);
  const reference = /^\d+\s+\d+\s+R/.exec(rest);
  if (reference) return reference[0];
  if (rest.startsWith('(')) {
    // A literal string: balanced parentheses, with backslash escapes.
    let depth = 0;
    for (let index = 0; index < rest.length; index += 1) {
      const char = rest[index];
      if (char === '\\') index += 1;
      else if (char === '(') depth += 1;
      else if (char === ')' && (depth -= 1) === 0) return rest.slice(0, index + 1);
    }
    return undefined;
  }
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    return end < 0 ? undefined : rest.slice(0, end + 1);
  }
  return /^(<[0-9A-Fa-f\s]*>|\/[^\s/<>[\]()]+|[-+]?\d+(\.\d+)?)/.exec(rest)?.[0];
}

/**
 * `pdf` with its Info dictionary replaced by one with `info` (the creation and modification
 * dates are kept). A file this cannot read — no classic trailer, as in a PDF whose
 * cross-references are a stream — comes back unchanged rather than broken.
 */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  // The trailer and the last cross-reference pointer sit at the end; 64 KiB is ample for them.
  const tailStart = Math.max(0, pdf.length - 65_536);
  const tail = latin1(pdf, tailStart);
  const startxref = tail.lastIndexOf('startxref');
  const trailerAt = tail.lastIndexOf('trailer', startxref);
  if (startxref < 0 || trailerAt < 0) return pdf;
  const previous = /^startxref\s+(\d+)/.exec(tail.slice(startxref))?.[1];
  const trailer = tail.slice(trailerAt, startxref);
  const size = Number(entry(trailer, 'Size'));
  const root = entry(trailer, 'Root');
  if (previous === undefined || !Number.isInteger(size) || size <= 0 || !root) return pdf;

  // The dates of the Info dictionary the browser wrote, when it can be found.
  const dates: string[] = [];
  const oldInfo = /^(\d+)\s+(\d+)\s+R$/.exec(entry(trailer, 'Info') ?? '');
  if (oldInfo) {
    const text = latin1(pdf);
    const start = new RegExp(`(^|[\\r\\n\\s])${oldInfo[1]}\\s+${oldInfo[2]}\\s+obj`).exec(text);
    const end = start ? text.indexOf('endobj', start.index) : -1;
    if (start && end > 0) {
      const body = text.slice(start.index, end);
      for (const key of ['CreationDate', 'ModDate']) {
        const value = entry(body, key);
        if (value) dates.push(`/${key} ${value}`);
      }
    }
  }

  const id = entry(trailer, 'ID');
  const object = size;
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectText =
    `${lead}${object} 0 obj\n<< /Title ${pdfTextString(info.title)} ` +
    `/Creator ${pdfTextString(info.creator)} /Producer ${pdfTextString(info.producer)}` +
    `${dates.map((date) => ` ${date}`).join('')} >>\nendobj\n`;
  const objectOffset = pdf.length + lead.length;
  const xrefOffset = pdf.length + objectText.length;
  const update =
    objectText +
    // Each entry is exactly 20 bytes: ten digits, five digits, the type and a two-byte end.
    `xref\n${object} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${object + 1} /Root ${root} /Info ${object} 0 R` +
    `${id ? ` /ID ${id}` : ''} /Prev ${previous} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const added = ascii(update);
  const result = new Uint8Array(pdf.length + added.length);
  result.set(pdf, 0);
  result.set(added, pdf.length);
  return result;
}

/** Baton's document information for a pack titled `title`. */
export function packPdfInfo(title: string): PdfInfo {
  return { title, creator: 'Baton', producer: 'Baton' };
}
