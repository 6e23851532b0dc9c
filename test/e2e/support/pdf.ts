/**
 * A PDF as a reader gets it, through poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm,
 * pdfimages): its pages, their text, fonts, images and ink. Nothing here knows about Baton.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function poppler(command: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** Points, as pdfinfo gives them. */
export type PageSize = { readonly width: number; readonly height: number };

/** The number of pages and each page's size, from pdfinfo. */
export async function pdfInfo(file: string): Promise<{
  readonly pages: number;
  readonly sizes: readonly PageSize[];
  /** The document information a PDF reader shows: Title, Creator, Producer. */
  readonly title: string;
  readonly creator: string;
  readonly producer: string;
}> {
  const info = await poppler('pdfinfo', ['-enc', 'UTF-8', '-f', '1', '-l', '100000', file]);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (match) => ({ width: Number(match[1]), height: Number(match[2]) }),
  );
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(info)?.[1] ?? '';
  return {
    pages,
    sizes,
    title: field('Title'),
    creator: field('Creator'),
    producer: field('Producer'),
  };
}

/**
 * Each page's text. `layout` keeps the page's lines as printed (columns side by side); `raw`
 * follows the order the text was drawn in, so that a wrapped table cell reads as one run.
 */
export async function pageTexts(file: string, mode: 'layout' | 'raw'): Promise<string[]> {
  const text = await poppler('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-']);
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

export type PdfFont = { readonly name: string; readonly embedded: boolean };

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const lines = (await poppler('pdffonts', [file])).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type... encoding emb sub uni object-id generation: read from the end.
      const fields = line.trim().split(/\s+/);
      return { name: fields[0] ?? '', embedded: fields[fields.length - 5] === 'yes' };
    });
}

export type Word = {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
};

/** Every word with its box in points (pdftotext -bbox), pages numbered from 1. */
export async function pdfWords(file: string): Promise<Word[]> {
  const xhtml = await poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const tags =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;
  for (const match of xhtml.matchAll(tags)) {
    if (match[1] !== undefined) {
      page += 1;
      pageWidth = Number(match[1]);
      pageHeight = Number(match[2]);
      continue;
    }
    words.push({
      page,
      text: match[7] ?? '',
      xMin: Number(match[3]),
      yMin: Number(match[4]),
      xMax: Number(match[5]),
      yMax: Number(match[6]),
      pageWidth,
      pageHeight,
    });
  }
  return words;
}

/** How many images each page draws (pdfimages -list; soft masks are not counted). */
export async function imagesPerPage(file: string, pages: number): Promise<number[]> {
  const list = await poppler('pdfimages', ['-list', file]);
  const counts = Array.from({ length: pages }, () => 0);
  for (const match of list.matchAll(/^\s*(\d+)\s+\d+\s+image\s/gm)) {
    const index = Number(match[1]) - 1;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * For each page, the number of pixels that are not near-white between `topMm` from the top and
 * `bottomMm` from the bottom, drawn in grey at a low resolution: 0 means nothing is printed there.
 */
export async function inkPerPage(
  file: string,
  band: { readonly topMm: number; readonly bottomMm: number },
): Promise<number[]> {
  const dpi = 24;
  const folder = await mkdtemp(join(tmpdir(), 'baton-pdf-ink-'));
  try {
    await poppler('pdftoppm', ['-gray', '-r', String(dpi), file, join(folder, 'page')]);
    const names = (await readdir(folder)).filter((name) => name.endsWith('.pgm')).sort();
    const counts: number[] = [];
    for (const name of names) {
      const image = await readFile(join(folder, name));
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.toString('latin1', 0, 64));
      if (!header) throw new Error(`${name}: not a binary PGM`);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = image.subarray(header[0].length);
      const pxPerMm = dpi / 25.4;
      const top = Math.ceil(band.topMm * pxPerMm);
      const bottom = Math.floor(height - band.bottomMm * pxPerMm);
      let ink = 0;
      for (let y = top; y < bottom; y += 1) {
        for (let x = 0; x < width; x += 1) if ((pixels[y * width + x] ?? 255) < 200) ink += 1;
      }
      counts.push(ink);
    }
    return counts;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
