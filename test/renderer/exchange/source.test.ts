import { describe, expect, it } from 'vitest';
import { decodeWindows1252, sourceFormat, sourceText } from '../../../renderer/exchange/source';

const encode = (text: string) => new TextEncoder().encode(text);

describe('what a file handed to Import is', () => {
  it('tells portfolios, Jira exports, spreadsheets and MS Project files apart', () => {
    expect(sourceFormat('acme.baton.json', encode('{"format":"baton-portfolio"}'))).toBe(
      'portfolio',
    );
    expect(sourceFormat('plan.csv', encode('Name,Status\r\nCRM,active'))).toBe('csv');
    expect(sourceFormat('jira.csv', encode('Summary,Issue key,Issue id,Status\r\n'))).toBe('jira');
    expect(sourceFormat('plan.xml', encode('<?xml version="1.0"?><Project xmlns="x">'))).toBe(
      'msproject',
    );
    expect(sourceFormat('plan.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
  });

  it('reads UTF-8, UTF-16 and, with a warning, the Windows code page Excel saves CSV in', () => {
    expect(sourceText('a.csv', encode('\ufeffName\r\nCafé'))).toEqual({
      text: 'Name\r\nCafé',
      warnings: [],
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x4e, 0, 0xe9, 0]);
    expect(sourceText('a.txt', utf16).text).toBe('Né');
    const cp1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]);
    const read = sourceText('excel.csv', cp1252);
    expect(read.text).toBe('Café €');
    expect(read.warnings[0]?.message).toMatch(/excel\.csv is not UTF-8 text.*Windows-1252/);
    expect(decodeWindows1252(new Uint8Array([0x8a, 0x96, 0x9f, 0xa0, 0xff]))).toBe('Š–Ÿ\u00a0ÿ');
  });
});
