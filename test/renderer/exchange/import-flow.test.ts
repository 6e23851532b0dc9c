import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { guessMapping, readCsv } from '../../../shared/exchange/import';
import { draftSheet } from '../../../renderer/exchange/import-flow';
import { setDisplayLocale } from '../../../renderer/format';

function sheet(text: string) {
  const read = readCsv(text, 'plan');
  if (!read.ok) throw new Error('the test CSV does not read');
  return { table: read.table, mapping: guessMapping(read.table, DEMO_PORTFOLIO, 'initiatives') };
}

describe('drafting a sheet in the app', () => {
  afterEach(() => setDisplayLocale(undefined));

  it('reads a number the file leaves open with the decimal separator chosen in Settings', () => {
    const { table, mapping } = sheet('Name,Value\nWarehouse robots,"1,500"\n');
    setDisplayLocale('en-GB');
    const english = draftSheet(table, mapping, DEMO_PORTFOLIO);
    expect(english.kind === 'draft' && english.draft.initiatives[0]?.value).toBe(1500);
    setDisplayLocale('de-DE');
    const german = draftSheet(table, mapping, DEMO_PORTFOLIO);
    expect(german.kind === 'draft' && german.draft.initiatives[0]?.value).toBe(1.5);
  });

  it("lists the merge's problems with the rows that did not read, each by row and column", () => {
    const { table, mapping } = sheet(
      'Name,Status,Depends on\nLoop,proposed,Loop\nBroken,blocked,\n',
    );
    const drafted = draftSheet(table, mapping, DEMO_PORTFOLIO);
    expect(drafted.kind).toBe('refused');
    const places = drafted.kind === 'refused' ? drafted.problems.map((p) => [p.row, p.column]) : [];
    expect(places).toEqual([
      [2, 'Depends on'],
      [3, 'Status'],
    ]);
  });
});
