/**
 * XLSX in and out. The fixture `test/fixtures/import/initiatives-merged.xlsx` was made with
 * exceljs by `npx tsx test/fixtures/import/make-xlsx.ts` (see that script for what each cell
 * holds): merged header cells, formulas with and without a saved result, a date, rich text, a
 * hyperlink, an error value, an empty row, and a second sheet with a vertical merge.
 */
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { exportTables, type Table } from '../../../shared/exchange/tables';
import { readXlsx, writeXlsx, XLSX_LIMITS } from '../../../shared/exchange/xlsx';
import { deflatedZeros, zipArchive, zipEntries, type ZipEntry } from './zip-craft';

const FIXTURE = new URL('../../fixtures/import/initiatives-merged.xlsx', import.meta.url);

async function fixtureBytes(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(FIXTURE));
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readOk(bytes: Uint8Array) {
  const result = await readXlsx(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problems[0]?.message}`);
  return result;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const result = await readXlsx(bytes);
  if (result.ok) throw new Error('the file was read; a refusal was expected');
  expect(result.problemCount).toBe(result.problems.length);
  return result.problems.map((problem) => problem.message).join('\n');
}

describe('readXlsx', () => {
  it('reads every sheet of a PMO workbook as the cells a spreadsheet shows', async () => {
    const { tables, warnings } = await readOk(await fixtureBytes());
    expect(tables.map((table) => table.name)).toEqual(['Portfolio 2027', 'Capacity']);
    const [portfolio, capacity] = tables;
    // Merged group headers: the value repeated over every cell of the merge.
    expect(portfolio?.rows[0]).toEqual([
      'Initiative',
      'Initiative',
      'Initiative',
      'Demand (FTE)',
      'Demand (FTE)',
      'Spend',
      'Spend',
      'Spend',
      'Start',
    ]);
    expect(portfolio?.rows[1]).toEqual([
      'id',
      'name',
      'owner',
      'Platform',
      'Data',
      'Q1',
      'Q2',
      'Total',
      'date',
    ]);
    // Rich text as its text, a hyperlink as its text, a formula as its saved result, a date as
    // yyyy-mm-dd.
    expect(portfolio?.rows[2]).toEqual([
      'crm',
      'CRM renewal',
      'Ana',
      2,
      1.5,
      100,
      200,
      300,
      '2027-01-15',
    ]);
    expect(portfolio?.rows[3]).toEqual(['data-lake', 'Data lake', 'Ben', 1, 3, 50, 75.5, 125.5]);
    // A formula without a saved result is empty (with a warning); an error value is its text.
    expect(portfolio?.rows[4]).toEqual([
      '=risky',
      'Formula-looking name',
      'Cy',
      0,
      0,
      10,
      0,
      null,
      '#DIV/0!',
    ]);
    // Row numbers are the sheet's: the empty row 6 stays, so "mobile" is row 7.
    expect(portfolio?.rows[5]).toEqual([]);
    expect(portfolio?.rows[6]?.[0]).toBe('mobile');
    expect(portfolio?.rows).toHaveLength(7);
    // A team name merged down two rows is on both; a shared formula gives its own result.
    expect(capacity?.rows).toEqual([
      ['team', 'period', 'capacity', 'double'],
      ['Platform', 'Q1', 4, 8],
      ['Platform', 'Q2', 5, 10],
    ]);
    expect(warnings).toEqual([
      {
        sheet: 'Portfolio 2027',
        row: 5,
        column: 'H (Spend)',
        message: expect.stringContaining('=F5+G5 has no saved result') as unknown as string,
      },
    ]);
  });

  it('reads the same workbook as a spreadsheet app saved it, with every formula result', async () => {
    // initiatives-merged.xlsx saved by LibreOffice Calc (see make-xlsx.ts): its own shared
    // strings, styles and merges, and the result it computed for the formula that had none.
    const { tables, warnings } = await readOk(
      new Uint8Array(
        await readFile(
          new URL('../../fixtures/import/initiatives-libreoffice.xlsx', import.meta.url),
        ),
      ),
    );
    const original = await readOk(await fixtureBytes());
    expect(warnings).toEqual([]);
    expect(tables.map((table) => table.name)).toEqual(['Portfolio 2027', 'Capacity']);
    expect(tables[0]?.rows[4]?.[7]).toBe(10);
    const withResult = original.tables[0]?.rows.map((row, index) =>
      index === 4 ? row.map((cell, column) => (column === 7 ? 10 : cell)) : row,
    );
    expect(tables[0]?.rows).toEqual(withResult);
    expect(tables[1]?.rows).toEqual(original.tables[1]?.rows);
  });

  it('reports progress from 0 to 1, never going back', async () => {
    const fractions: number[] = [];
    await readOk(await fixtureBytes());
    await readXlsx(await fixtureBytes(), (fraction) => fractions.push(fraction));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('goes on when a progress listener throws', async () => {
    const result = await readXlsx(await fixtureBytes(), () => {
      throw new Error('listener broke');
    });
    expect(result.ok).toBe(true);
  });

  it('lists the first formulas without a result by place, then counts the rest', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Sums');
      sheet.addRow(['a', 'b', 'sum']);
      for (let row = 2; row <= 31; row += 1) {
        sheet.addRow([1, 2]);
        sheet.getCell(`C${row}`).value = { formula: `A${row}+B${row}` } as ExcelJS.CellFormulaValue;
      }
    });
    const { warnings } = await readOk(bytes);
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toMatchObject({ sheet: 'Sums', row: 2, column: 'C (sum)' });
    expect(warnings[20]?.message).toBe(
      '10 more formulas have no saved result and are read as empty.',
    );
  });

  it('refuses what is not an XLSX workbook, saying what it is', async () => {
    expect(await refusal(new Uint8Array())).toMatch(/empty/);
    expect(await refusal(new TextEncoder().encode('id,name\ncrm,CRM\n'))).toMatch(
      /not an XLSX workbook.*import it as CSV/,
    );
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(xls)).toMatch(/Excel 97–2003 workbook \(\.xls\) or a password-protected/);
    const whole = await fixtureBytes();
    expect(await refusal(whole.slice(0, Math.floor(whole.length / 2)))).toMatch(
      /cut short|damaged/,
    );
  });

  it('refuses a zip archive that holds no workbook', async () => {
    const bytes = await fixtureBytes();
    // The same archive with its workbook part renamed (same length), as a .docx would be.
    const text = new TextDecoder('latin1')
      .decode(bytes)
      .replaceAll('xl/workbook.xml', 'xl/notebook.xml');
    const renamed = Uint8Array.from(text, (char) => char.charCodeAt(0));
    expect(await refusal(renamed)).toMatch(
      /not (a readable XLSX workbook|an Excel workbook)|no worksheets/,
    );
  });

  it('refuses a zip bomb by the sizes its archive declares, before unpacking it', async () => {
    const bytes = await fixtureBytes();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 46 <= bytes.length; at += 1) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 200 * 1024 * 1024, true);
    }
    expect(await refusal(bytes)).toMatch(
      /unpacks to \d+ MB; Baton imports workbooks that unpack to at most 300 MB/,
    );
  });

  describe('a zip archive whose parts unpack to other sizes than it declares', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    /** The fixture's archive with its parts changed by `change`. */
    async function craftedWorkbook(
      change: (entry: ZipEntry) => ZipEntry | ZipEntry[],
    ): Promise<Uint8Array> {
      return zipArchive(zipEntries(await fixtureBytes()).flatMap(change));
    }

    /** Counts the bytes that the (real) DecompressionStream unpacks from here on. */
    function countUnpackedBytes(): { bytes: number } {
      const Real = globalThis.DecompressionStream;
      const counted = { bytes: 0 };
      class CountingDecompressionStream {
        readonly writable: WritableStream<BufferSource>;
        readonly readable: ReadableStream<Uint8Array>;
        constructor(format: CompressionFormat) {
          const inner = new Real(format);
          this.writable = inner.writable;
          this.readable = inner.readable.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                counted.bytes += chunk.byteLength;
                controller.enqueue(chunk);
              },
            }),
          );
        }
      }
      vi.stubGlobal('DecompressionStream', CountingDecompressionStream);
      return counted;
    }

    it('refuses a sheet declared as 1 KB that unpacks to 400 MB, without unpacking it all', async () => {
      const bomb = deflatedZeros(400);
      expect(bomb.length).toBeLessThan(500 * 1024);
      const bytes = await craftedWorkbook((entry) =>
        entry.name === 'xl/worksheets/sheet1.xml'
          ? { ...entry, method: 8, data: bomb, size: 1024 }
          : entry,
      );
      const unpacked = countUnpackedBytes();
      expect(await refusal(bytes)).toBe(
        "This workbook's part xl/worksheets/sheet1.xml unpacks to more than the 1 KB its zip archive declares, so Baton does not read it (the file is damaged, or made to fill the memory). Save it again from your spreadsheet app as an Excel Workbook (.xlsx).",
      );
      // The sheet's first 1 KB and the chunk that went past it, not its 400 MB (every other part
      // of the fixture together is a few KB).
      expect(unpacked.bytes).toBeLessThan(4 * 1024 * 1024);
    });

    it('reads a workbook whose parts are stored rather than deflated', async () => {
      const bytes = await craftedWorkbook((entry) => ({
        ...entry,
        method: 0,
        data: entry.method === 8 ? inflateRawSync(entry.data) : entry.data,
      }));
      const { tables } = await readOk(bytes);
      expect(tables).toEqual((await readOk(await fixtureBytes())).tables);
    });

    it('refuses a part that unpacks to less than its directory declares', async () => {
      const size = zipEntries(await fixtureBytes()).find(
        (entry) => entry.name === 'xl/workbook.xml',
      )?.size;
      if (size === undefined) throw new Error('the fixture has no xl/workbook.xml');
      const bytes = await craftedWorkbook((entry) =>
        entry.name === 'xl/workbook.xml' ? { ...entry, size: size + 1 } : entry,
      );
      const bytesOf = (count: number) => `${count.toLocaleString('en')} bytes`;
      expect(await refusal(bytes)).toBe(
        `This file is not a readable XLSX workbook: its zip archive is damaged (its part xl/workbook.xml holds ${bytesOf(size)}, not the ${bytesOf(size + 1)} its directory declares).`,
      );
    });

    it('refuses a part whose deflated data is damaged, saying which', async () => {
      const bytes = await craftedWorkbook((entry) =>
        entry.name === 'xl/styles.xml'
          ? { ...entry, data: Uint8Array.from([0xff, 0xff, 0xff, 0x01, 0x02]) }
          : entry,
      );
      expect(await refusal(bytes)).toMatch(
        /^This file is not a readable XLSX workbook: its zip archive is damaged \(its part xl\/styles\.xml cannot be unpacked: .+\)\.$/,
      );
    });

    it('refuses a part compressed in a way that JSZip cannot read either', async () => {
      const bytes = await craftedWorkbook((entry) =>
        entry.name === 'xl/styles.xml' ? { ...entry, method: 14 } : entry,
      );
      expect(await refusal(bytes)).toBe(
        'This file is not a readable XLSX workbook: its part xl/styles.xml is compressed in a way Baton cannot read (zip method 14).',
      );
    });

    it('refuses to read a workbook where it cannot unpack it to check its sizes', async () => {
      vi.stubGlobal('DecompressionStream', undefined);
      expect(await refusal(await fixtureBytes())).toMatch(
        /cannot check this workbook here .*DecompressionStream.*Import it as CSV/,
      );
    });
  });

  it('refuses a directory that points outside the file or past its end', async () => {
    const original = await fixtureBytes();
    const entries = zipEntries(original);
    const directoryAt = new DataView(original.buffer).getUint32(original.length - 22 + 16, true);
    /** The fixture with the first directory record's field at `field` set to `value`. */
    const withField = (field: number, value: number, size: 2 | 4 = 4): Uint8Array => {
      const bytes = original.slice();
      const data = new DataView(bytes.buffer);
      if (size === 4) data.setUint32(directoryAt + field, value, true);
      else data.setUint16(directoryAt + field, value, true);
      return bytes;
    };
    const damaged =
      /^This file is not a readable XLSX workbook: its zip archive is (damaged|cut short)/;
    // The local header's offset: past the end, and inside the file but not at a header.
    expect(await refusal(withField(42, original.length - 10))).toMatch(damaged);
    expect(await refusal(withField(42, 0xfffffff0))).toMatch(damaged);
    expect(await refusal(withField(42, 7))).toMatch(/directory does not match its contents/);
    // A compressed size that runs past the end of the file.
    expect(await refusal(withField(20, original.length))).toMatch(/cut short/);
    // A name longer than what is left of the file.
    expect(await refusal(withField(28, 0xffff, 2))).toMatch(damaged);
    // More directory records than there are.
    const counted = original.slice();
    new DataView(counted.buffer).setUint16(counted.length - 22 + 10, entries.length + 1, true);
    expect(await refusal(counted)).toMatch(/directory does not match its contents/);
    // The directory's own offset out of the file.
    const moved = original.slice();
    new DataView(moved.buffer).setUint32(moved.length - 22 + 16, moved.length + 100, true);
    expect(await refusal(moved)).toMatch(/directory does not match its contents/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const bytes = new Uint8Array(XLSX_LIMITS.bytes + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(bytes)).toMatch(/Baton imports workbooks of up to 50 MB/);
  });

  it('refuses a sheet with data beyond its row limit, naming the sheet and the row', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Long');
      sheet.getCell('A1').value = 'id';
      sheet.getCell(`A${XLSX_LIMITS.rowsPerSheet + 1}`).value = 'stray';
    });
    const result = await readXlsx(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ sheet: 'Long', row: 100_001 });
    expect(result.problems[0]?.message).toMatch(
      /Sheet "Long" has data down to row 100001; Baton imports up to 100,000 rows per sheet/,
    );
  });

  it('stops reading a sheet with more rows than the limit, before holding them all', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Tall');
      for (let row = 1; row <= XLSX_LIMITS.rowsPerSheet + 1; row += 1) {
        sheet.getRow(row).getCell(1).value = row;
      }
    });
    expect(await refusal(bytes)).toBe(
      'A sheet of this workbook has more than 100,000 rows; Baton imports up to 100,000 rows per sheet. Split it into smaller sheets.',
    );
  });

  it('reads a date with a time of day with its time, to the minute or second', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Dates');
      sheet.addRow([
        new Date(Date.UTC(2027, 2, 31)),
        new Date(Date.UTC(2027, 2, 31, 9, 30)),
        new Date(Date.UTC(2027, 2, 31, 9, 30, 15)),
      ]);
    });
    const { tables } = await readOk(bytes);
    expect(tables[0]?.rows[0]).toEqual(['2027-03-31', '2027-03-31T09:30', '2027-03-31T09:30:15']);
  });

  it('refuses a workbook over the cell limit, counting the empty cells before a far one', async () => {
    // 130 rows with a value in the last column (XFD): 130 × 16,384 cells once laid out.
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Wide');
      for (let row = 1; row <= 130; row += 1) sheet.getCell(`XFD${row}`).value = row;
    });
    expect(await refusal(bytes)).toMatch(
      /more than 2,000,000 cells \(counted up to row 123 of sheet "Wide"\)/,
    );
  });

  it('never throws on damaged workbooks: it reads them or refuses them', async () => {
    const original = await fixtureBytes();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (changes) => {
          const bytes = original.slice();
          for (const [at, value] of changes) bytes[at] = value;
          const result = await readXlsx(bytes);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const problem of result.problems) expect(problem.message).toMatch(/\S/);
          }
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe('writeXlsx', () => {
  const TABLES: readonly Table[] = [
    {
      name: 'initiatives',
      header: ['id', 'name', 'value', 'note'],
      rows: [
        ['crm', 'CRM renewal', 42.5, '=HYPERLINK("http://evil")'],
        ['ops', '+1 for ops', -3, '@sum'],
        ['tab', '\tindented', 0, '-minus'],
        ['plain', 'Ünïcödé ✓', 1e6, ''],
      ],
    },
    { name: 'capacity', header: ['team', 'name', 'P1'], rows: [['platform', 'Platform', 4]] },
  ];

  it('writes one sheet per table with a bold frozen header, numbers as numbers', async () => {
    const bytes = await writeXlsx(TABLES);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['initiatives', 'capacity']);
    const sheet = workbook.getWorksheet('initiatives');
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet?.getCell('C2').value).toBe(42.5);
    // Formula-looking text is text, with the apostrophe the CSV export gives it too.
    expect(sheet?.getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('D2').value).toBe('\'=HYPERLINK("http://evil")');
  });

  it('reads back what it wrote, text that looks like a formula escaped', async () => {
    const { tables } = await readOk(await writeXlsx(TABLES));
    expect(tables[0]?.rows).toEqual([
      ['id', 'name', 'value', 'note'],
      ['crm', 'CRM renewal', 42.5, '\'=HYPERLINK("http://evil")'],
      ['ops', "'+1 for ops", -3, "'@sum"],
      ['tab', "'\tindented", 0, "'-minus"],
      ['plain', 'Ünïcödé ✓', 1000000, ''],
    ]);
    expect(tables[1]?.rows).toEqual([
      ['team', 'name', 'P1'],
      ['platform', 'Platform', 4],
    ]);
  });

  it('keeps any text and number through a write and a read (formula-looking text escaped)', async () => {
    // Any UTF-16 code unit, so control characters and halves of surrogate pairs come up too.
    const anyText = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        fc.constantFrom('_x0041_', '_x005F_', '__proto__', 'constructor', '=1+1', ' ', '\r\n'),
        fc.constantFrom('a', 'Z', '9', 'é', '✓', '😀'),
      ),
      maxLength: 12,
    });
    const cell = fc.oneof(anyText, fc.double({ noNaN: true, noDefaultInfinity: true }));
    /** What reading gives back for a cell: escaped, lone surrogate halves replaced. */
    const expected = (value: string | number): string | number => {
      if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
      const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return text.replace(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      );
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 4 }),
        async (header, rows) => {
          const { tables } = await readOk(await writeXlsx([{ name: 'initiatives', header, rows }]));
          const back = tables[0]?.rows ?? [];
          [header, ...rows].forEach((row, index) => {
            const read = back[index] ?? [];
            row.forEach((value, column) => {
              expect(read[column] ?? '').toEqual(expected(value));
            });
          });
        },
      ),
      { numRuns: 120, seed: 15 },
    );
  });

  it('writes the export of the demo portfolio so that it reads back cell for cell', async () => {
    const tables = exportTables(DEMO_PORTFOLIO);
    const read = await readOk(await writeXlsx(tables));
    expect(read.tables.map((table) => table.name)).toEqual(tables.map((table) => table.name));
    tables.forEach((table, index) => {
      const rows = read.tables[index]?.rows ?? [];
      expect(rows[0]).toEqual(table.header);
      expect(rows).toHaveLength(table.rows.length + 1);
      table.rows.forEach((row, rowIndex) => {
        // Empty text cells are written as empty text, which reads back as ''; trailing ones
        // may be dropped.
        const back = rows[rowIndex + 1] ?? [];
        row.forEach((cell, column) => {
          const expected =
            typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
          expect(back[column] ?? '').toEqual(expected);
        });
      });
    });
  });
});
