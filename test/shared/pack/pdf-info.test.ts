import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPdfInfo, pdfTextString, withPdfInfo } from '../../../shared/pack/pdf-info';
import { onePagePdf } from './one-page-pdf';

const run = promisify(execFile);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-pdf-info-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What poppler's pdfinfo reads of the file: its fields by name. */
async function pdfinfo(bytes: Uint8Array, name: string): Promise<Record<string, string>> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, bytes);
  const { stdout, stderr } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  expect(stderr, 'pdfinfo complains').toBe('');
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .flatMap((match) => (match ? [[match[1] as string, match[2] as string]] : [])),
  );
}

describe('withPdfInfo', () => {
  it('makes Baton the creator and producer and the pack’s title the title, as pdfinfo reads it', async () => {
    const original = onePagePdf();
    const before = await pdfinfo(original, 'before');
    expect(before.Creator).toBe('HeadlessChrome');
    const after = await pdfinfo(withPdfInfo(original, packPdfInfo('Q4 portfolio review')), 'after');
    expect(after).toMatchObject({
      Title: 'Q4 portfolio review',
      Creator: 'Baton',
      Producer: 'Baton',
      Pages: '1',
      // The browser's dates are kept.
      CreationDate: before.CreationDate,
    });
    const text = await run('pdftotext', [join(dir, 'after.pdf'), '-']);
    expect(text.stdout.trim()).toBe('Hello board');
  });

  it('leaves every byte the browser printed in place and appends one update', () => {
    const original = onePagePdf();
    const updated = withPdfInfo(original, packPdfInfo('Review'));
    expect(updated.subarray(0, original.length)).toEqual(original);
    const added = new TextDecoder().decode(updated.subarray(original.length));
    expect(added).toMatch(/^\n7 0 obj\n<< \/Title \(Review\) /);
    expect(added).toMatch(/\/Prev \d+ >>\nstartxref\n\d+\n%%EOF\n$/);
    // The new cross-reference entry points exactly at the new object.
    const offset = Number(/xref\n7 1\n(\d{10}) 00000 n \n/.exec(added)?.[1]);
    expect(new TextDecoder().decode(updated.subarray(offset, offset + 7))).toBe('7 0 obj');
  });

  it('writes titles with parentheses, backslashes and any script, and survives a second update', async () => {
    const tricky = 'Revue (Q4) \\ Überblick — 計画';
    const once = withPdfInfo(onePagePdf(), packPdfInfo(tricky));
    expect((await pdfinfo(once, 'tricky')).Title).toBe(tricky);
    const twice = withPdfInfo(once, packPdfInfo('Second (final)'));
    expect(await pdfinfo(twice, 'twice')).toMatchObject({
      Title: 'Second (final)',
      Creator: 'Baton',
    });
  });

  it('returns a file it cannot read unchanged rather than breaking it', () => {
    const stream = new TextEncoder().encode(
      '%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n',
    );
    expect(withPdfInfo(stream, packPdfInfo('x'))).toBe(stream);
    const junk = new TextEncoder().encode('not a pdf');
    expect(withPdfInfo(junk, packPdfInfo('x'))).toBe(junk);
  });
});

describe('pdfTextString', () => {
  it('escapes a literal string and writes anything else as UTF-16 with its byte order mark', () => {
    expect(pdfTextString('A (b) \\ c')).toBe('(A \\(b\\) \\\\ c)');
    expect(pdfTextString('é')).toBe('<FEFF00E9>');
  });
});
