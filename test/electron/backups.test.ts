import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORPHAN_AGE_MS, backupFilePath, createBackupFiles } from '../../electron/backups';
import { readPortfolioText } from '../../shared/portfolio/restore';

let folder = '';
let backupsFolder = '';

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'baton-backups-'));
  backupsFolder = path.join(folder, 'backups');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A store whose clock moves a minute per backup and whose nonces count up. */
function store() {
  let minute = 0;
  let count = 0;
  return createBackupFiles({
    folder: backupsFolder,
    now: () => new Date(Date.UTC(2027, 2, 1, 9, minute++)),
    nonce: () => (count++).toString(16).padStart(8, '0'),
  });
}

const meta = { reason: 'manual', summary: 'Acme · 1 initiative', portfolioName: 'Acme' } as const;
const TEXT = '{"format":"baton","name":"Acme – Überblick"}\n';

describe('the backup files', () => {
  it('start empty, even before the folder exists', async () => {
    await expect(store().list()).resolves.toEqual([]);
  });

  it('write a portfolio file and its description, list newest first, read and remove', async () => {
    const backups = store();
    const first = await backups.write(meta, TEXT);
    const second = await backups.write({ ...meta, reason: 'timer' }, '{}');
    expect(first).toEqual({
      ...meta,
      id: '20270301T090000000Z-00000000',
      at: '2027-03-01T09:00:00.000Z',
      size: Buffer.byteLength(TEXT),
    });
    expect((await backups.list()).map((info) => info.id)).toEqual([second.id, first.id]);
    // The backup is an ordinary portfolio file in the folder, which File › Open can read.
    expect(await readFile(path.join(backupsFolder, `${first.id}.baton.json`), 'utf8')).toBe(TEXT);
    await expect(backups.read(first.id)).resolves.toBe(TEXT);
    await backups.remove([first.id, '20990101T000000000Z-ffffffff']);
    expect((await backups.list()).map((info) => info.id)).toEqual([second.id]);
    await expect(backups.read(first.id)).resolves.toBeNull();
    expect((await readdir(backupsFolder)).sort()).toEqual(
      [`${second.id}.baton.json`, `${second.id}.info.json`].sort(),
    );
  });

  it('leave no temporary files behind', async () => {
    const backups = store();
    for (let index = 0; index < 5; index += 1) await backups.write(meta, TEXT);
    expect((await readdir(backupsFolder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('list only whole backups whose description checks out', async () => {
    const backups = store();
    const kept = await backups.write(meta, TEXT);
    const orphan = await backups.write(meta, TEXT);
    await rm(path.join(backupsFolder, `${orphan.id}.baton.json`));
    // Hand-edited descriptions: broken JSON, another id, an unknown reason.
    const forged = '20270301T100000000Z-aaaaaaaa';
    await writeFile(path.join(backupsFolder, `${forged}.baton.json`), TEXT);
    await writeFile(path.join(backupsFolder, `${forged}.info.json`), '{not json');
    const other = '20270301T110000000Z-bbbbbbbb';
    await writeFile(path.join(backupsFolder, `${other}.baton.json`), TEXT);
    await writeFile(
      path.join(backupsFolder, `${other}.info.json`),
      JSON.stringify({ ...kept, id: forged }),
    );
    await writeFile(path.join(backupsFolder, 'notes.txt'), 'mine');
    expect((await backups.list()).map((info) => info.id)).toEqual([kept.id]);
  });

  it('remove what a crash left of a backup once it is an hour old, and nothing else', async () => {
    let now = new Date(Date.UTC(2027, 2, 1, 9, 0));
    const backups = createBackupFiles({ folder: backupsFolder, now: () => now });
    const kept = await backups.write(meta, TEXT);
    // A crash after the portfolio file, before its description: now, and two hours ago.
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const stamp = (time: Date) => time.toISOString().replace(/[-:.]/g, '');
    const fresh = `${stamp(at(5))}-0000000a`;
    const old = `${stamp(at(120))}-0000000b`;
    const file = (name: string) => path.join(backupsFolder, name);
    await writeFile(file(`${fresh}.baton.json`), TEXT);
    await writeFile(file(`${old}.baton.json`), TEXT);
    // Temporary files of the atomic writes, one old, one being written right now.
    const oldTemporary = `.${old}.info.json.4242-0123456789ab.tmp`;
    const freshTemporary = `.${fresh}.info.json.4242-ba9876543210.tmp`;
    await writeFile(file(oldTemporary), '{');
    await writeFile(file(freshTemporary), '{');
    await utimes(file(oldTemporary), at(120), at(120));
    await utimes(file(freshTemporary), at(1), at(1));
    // Not Baton's: a file of the user's, and a description without its portfolio file.
    await writeFile(file('notes.baton.json'), 'mine');
    await writeFile(file('.notes.tmp'), 'mine');
    await utimes(file('.notes.tmp'), at(600), at(600));

    expect((await backups.list()).map((info) => info.id)).toEqual([kept.id]);
    expect((await readdir(backupsFolder)).sort()).toEqual(
      [
        `${kept.id}.baton.json`,
        `${kept.id}.info.json`,
        `${fresh}.baton.json`,
        freshTemporary,
        'notes.baton.json',
        '.notes.tmp',
      ].sort(),
    );

    // An hour on, the fresh ones are orphans too.
    now = new Date(now.getTime() + ORPHAN_AGE_MS);
    await backups.list();
    expect((await readdir(backupsFolder)).sort()).toEqual(
      [`${kept.id}.baton.json`, `${kept.id}.info.json`, 'notes.baton.json', '.notes.tmp'].sort(),
    );
  });

  it('never name a file outside the folder', async () => {
    const backups = store();
    for (const id of ['../secret', '..', '/etc/passwd', 'C:\\Windows\\win.ini', '', 'a/../../b']) {
      expect(() => backupFilePath(backupsFolder, id, '.baton.json')).toThrow(/not a backup id/);
      await expect(backups.read(id)).rejects.toThrow(/not a backup id/);
      await expect(backups.remove([id])).rejects.toThrow(/not a backup id/);
    }
    await writeFile(path.join(folder, 'secret.baton.json'), 'keep');
    expect(await readFile(path.join(folder, 'secret.baton.json'), 'utf8')).toBe('keep');
  });

  it('keep what they are given, which the portfolio reader reads back', async () => {
    const backups = store();
    const text = `${JSON.stringify({ format: 'baton', version: 1 })}\n`;
    const info = await backups.write(meta, text);
    const read = await backups.read(info.id);
    expect(read).toBe(text);
    // Whatever the reader says of it, the bytes are the ones written.
    expect(readPortfolioText(read ?? '').ok).toBe(readPortfolioText(text).ok);
  });
});
