import { describe, expect, it } from 'vitest';
import { portfolioSummary } from '../../../shared/backup/summary';
import {
  backupId,
  backupIdTime,
  isBackupId,
  newestFirst,
  parseBackupInfo,
  parseBackupMeta,
  utf8Size,
} from '../../../shared/backup/types';

describe('backup ids', () => {
  it('are the time in UTC and a nonce, and give the time back', () => {
    const id = backupId('2027-03-01T09:15:00.123Z', '0a1b2c3d');
    expect(id).toBe('20270301T091500123Z-0a1b2c3d');
    expect(isBackupId(id)).toBe(true);
    expect(backupIdTime(id)).toBe('2027-03-01T09:15:00.123Z');
  });

  it('sort by time', () => {
    const ids = ['2027-03-01T09:15:00.000Z', '2026-12-31T23:59:59.999Z', '2027-03-01T10:00:00.000Z']
      .map((at) => backupId(at, 'ffffffff'))
      .sort();
    expect(ids.map((id) => backupIdTime(id))).toEqual([
      '2026-12-31T23:59:59.999Z',
      '2027-03-01T09:15:00.000Z',
      '2027-03-01T10:00:00.000Z',
    ]);
  });

  it.each([
    '../20270301T091500123Z-0a1b2c3d',
    '20270301T091500123Z-0a1b2c3d/..',
    '20270301T091500123Z-0A1B2C3D',
    '20270301T091500123Z',
    '__proto__',
    '',
    'C:\\20270301T091500123Z-0a1b2c3d',
  ])('refuses %j', (value) => {
    expect(isBackupId(value)).toBe(false);
  });

  it('cannot be made from a nonce that is not 8 hex digits', () => {
    expect(() => backupId('2027-03-01T09:15:00.000Z', '../x')).toThrow();
  });
});

describe('parsing what claims to be a backup', () => {
  const info = {
    id: '20270301T091500000Z-0a1b2c3d',
    at: '2027-03-01T09:15:00.000Z',
    size: 1200,
    reason: 'before-import',
    summary: 'Acme 2027 · 42 initiatives · 5 teams · 3 scenarios',
    portfolioName: 'Acme 2027',
  } as const;

  it('keeps the fields it knows', () => {
    expect(parseBackupInfo({ ...info, path: '/etc/passwd' })).toEqual(info);
  });

  it.each([
    ['id', { ...info, id: '../x' }],
    ['at', { ...info, at: 'yesterday' }],
    ['size', { ...info, size: -1 }],
    ['size', { ...info, size: 1.5 }],
    ['reason', { ...info, reason: 'because' }],
    ['summary', { ...info, summary: 'x'.repeat(501) }],
    ['portfolioName', { ...info, portfolioName: null }],
  ])('drops one with a bad %s', (_field, value) => {
    expect(parseBackupInfo(value)).toBeNull();
  });

  it('names the field of bad metadata', () => {
    expect(parseBackupMeta({ reason: 'timer', summary: 1, portfolioName: '' })).toEqual({
      ok: false,
      error: 'meta.summary: expected text of at most 500 characters',
    });
  });

  it('lists newest first', () => {
    const older = { ...info, id: '20270101T000000000Z-00000000', at: '2027-01-01T00:00:00.000Z' };
    expect(newestFirst([older, info]).map((entry) => entry.id)).toEqual([info.id, older.id]);
  });
});

describe('utf8Size', () => {
  it('counts bytes as UTF-8 writes them', () => {
    for (const text of ['', 'abc', 'Überblick', '€', '😀', 'a\uD800b']) {
      expect(utf8Size(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('portfolioSummary', () => {
  it('gives the name and the counts, singular for one', () => {
    const many = (count: number) => Array.from({ length: count }, () => ({}));
    expect(
      portfolioSummary({
        name: 'Acme 2027',
        initiatives: many(42),
        teams: many(5),
        scenarios: many(3),
      } as never),
    ).toBe('Acme 2027 · 42 initiatives · 5 teams · 3 scenarios');
    expect(
      portfolioSummary({
        name: 'Solo',
        initiatives: many(1),
        teams: many(1),
        scenarios: many(0),
      } as never),
    ).toBe('Solo · 1 initiative · 1 team · 0 scenarios');
  });
});
