import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import { writePortfolio } from '../../../shared/portfolio/write';
import {
  LAST_BACKUP_KEY,
  backupNow,
  listBackups,
  restoreBackup,
  restoreLabel,
  startBackupSchedule,
} from '../../../renderer/backup/backups';
import { db } from '../../../renderer/db/database';
import { renameInitiative } from '../../../renderer/db/edits';
import {
  forgetState,
  hasUnsavedChanges,
  readHistory,
  readPortfolio,
  undo,
} from '../../../renderer/db/repository';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/schema';
import { useAppStore } from '../../../renderer/state/store';
import { freshDatabase } from '../db/fresh-database';
import { clearNotices, noticeTexts, useFreshBackups } from './support';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;

async function firstName(): Promise<string | undefined> {
  return (await readPortfolio()).initiatives.find((entry) => entry.id === FIRST.id)?.name;
}

/** Every notice shown from now on (the store keeps only the last two); stop() when done. */
function recordNotices(): { readonly texts: string[]; readonly stop: () => void } {
  const seen = new Map<number, string>();
  const stop = useAppStore.subscribe((state) => {
    for (const notice of state.notices) seen.set(notice.id, notice.text);
  });
  return {
    get texts() {
      return [...seen.values()];
    },
    stop,
  };
}

const QUOTA = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const TICK = 15 * 60 * 1000;

beforeEach(async () => {
  await freshDatabase();
  localStorage.removeItem(LAST_BACKUP_KEY);
  clearNotices();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('backupNow', () => {
  it('keeps the whole portfolio as a file the reader opens, with a one-line summary', async () => {
    const store = useFreshBackups();
    await renameInitiative(FIRST.id, 'Renamed before the backup');
    const info = await backupNow('manual');
    expect(info).toMatchObject({
      reason: 'manual',
      portfolioName: DEMO_PORTFOLIO.name,
      summary: `${DEMO_PORTFOLIO.name} · ${DEMO_PORTFOLIO.initiatives.length} initiatives · ${DEMO_PORTFOLIO.teams.length} teams · ${DEMO_PORTFOLIO.scenarios.length} scenarios`,
    });
    const text = await store.read(info!.id);
    expect(text).toBe(writePortfolio(await readPortfolio()));
    expect(info!.size).toBe(new TextEncoder().encode(text!).length);
    const read = readPortfolioText(text!);
    expect(read.ok && read.portfolio.initiatives[0]?.name).toBe('Renamed before the backup');
    expect(await listBackups()).toEqual([info]);
  });

  it('includes an edit still on its way to the database', async () => {
    const store = useFreshBackups();
    void renameInitiative(FIRST.id, 'Typed just now');
    const info = await backupNow('before-import');
    expect(await store.read(info!.id)).toContain('Typed just now');
  });

  it('applies the retention policy after each backup', async () => {
    let now = new Date('2027-01-04T09:00:00.000Z');
    useFreshBackups(() => now);
    // Five backups on one day, then one the next day: of the first day only the newest stays.
    for (let minute = 0; minute < 5; minute += 1) {
      now = new Date(Date.UTC(2027, 0, 4, 9, minute * 15));
      vi.setSystemTime(now);
      await backupNow('timer');
    }
    now = new Date('2027-01-05T12:00:00.000Z');
    vi.setSystemTime(now);
    await backupNow('manual');
    const listed = await listBackups();
    expect(listed.map((info) => [info.at, info.reason])).toEqual([
      ['2027-01-05T12:00:00.000Z', 'manual'],
      ['2027-01-04T10:00:00.000Z', 'timer'],
    ]);
  });

  it('never throws: a failure is told in a notice that says what failed, and gives null', async () => {
    const store = useFreshBackups();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(store, 'write').mockRejectedValue(quota);
    await expect(backupNow('before-import')).resolves.toBeNull();
    const [notice] = noticeTexts();
    expect(notice).toMatch(/^Baton could not back up the portfolio \(before the import\)/);
    expect(notice).toMatch(/no room left/);
  });
});

describe('restoreBackup', () => {
  it('backs up first, then puts the backup back as one edit that Undo takes back', async () => {
    const store = useFreshBackups();
    await renameInitiative(FIRST.id, 'As backed up');
    const backup = (await backupNow('manual'))!;
    await renameInitiative(FIRST.id, 'Edited after the backup');

    await expect(restoreBackup(backup.id)).resolves.toEqual({ ok: true, undoable: true });
    expect(await firstName()).toBe('As backed up');
    expect(await hasUnsavedChanges()).toBe(true);

    // The portfolio as it was before the restore is a backup of its own.
    const before = (await store.list()).find((info) => info.reason === 'before-restore');
    expect(await store.read(before!.id)).toContain('Edited after the backup');

    const [entry] = await readHistory(1);
    expect(entry?.label).toBe(restoreLabel(backup.at));
    expect(entry?.label).toMatch(/^Restore backup of /);
    expect(await undo()).toEqual({ kind: 'done', label: restoreLabel(backup.at) });
    expect(await firstName()).toBe('Edited after the backup');
  });

  it('changes nothing and says why when the reader refuses the backup', async () => {
    const store = useFreshBackups();
    const broken = await store.write(
      { reason: 'manual', summary: 'broken', portfolioName: 'broken' },
      '{"format":"baton-portfolio","version":1,"name":""}',
    );
    await renameInitiative(FIRST.id, 'Kept');
    const result = await restoreBackup(broken.id);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^The backup of .+ cannot be restored: .+\. Nothing was changed\.$/,
    );
    expect(await firstName()).toBe('Kept');
    // Not even a backup before the restore: nothing was restored.
    expect((await store.list()).map((info) => info.id)).toEqual([broken.id]);
  });

  it('says so when the backup is gone', async () => {
    useFreshBackups();
    await expect(restoreBackup('20270101T000000000Z-00000000')).resolves.toEqual({
      ok: false,
      message: 'That backup is no longer there; nothing was changed.',
    });
  });

  it('restores nothing when the portfolio as it is cannot be backed up first', async () => {
    const store = useFreshBackups();
    const backup = (await backupNow('manual'))!;
    await renameInitiative(FIRST.id, 'Not lost');
    vi.spyOn(store, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    const result = await restoreBackup(backup.id);
    expect(result).toEqual({
      ok: false,
      message:
        'Nothing was restored: Baton could not back up the portfolio as it is now first: the backup folder is read-only',
    });
    expect(await firstName()).toBe('Not lost');
  });
});

describe('restoreBackup of a stored portfolio that no longer reads', () => {
  /** The portfolio's own row is gone (a crash, a bad upgrade): the window starts afresh. */
  async function losePortfolioRow() {
    await db.meta.delete('portfolio');
    forgetState();
    await expect(readPortfolio()).rejects.toThrow(/portfolio is missing/);
  }

  it('backs up the stored rows as they are, then puts the backup in their place', async () => {
    const store = useFreshBackups();
    await renameInitiative(FIRST.id, 'As backed up');
    const backup = (await backupNow('manual'))!;
    await renameInitiative(FIRST.id, 'Edited after the backup');
    await losePortfolioRow();

    await expect(restoreBackup(backup.id)).resolves.toEqual({ ok: true, undoable: false });
    expect(await firstName()).toBe('As backed up');
    expect((await readPortfolio()).name).toBe(DEMO_PORTFOLIO.name);
    expect(await hasUnsavedChanges()).toBe(true);

    // What was stored is a backup of its own, every row as it was.
    const before = (await store.list()).find((info) => info.reason === 'before-restore');
    expect(before).toMatchObject({
      summary: `Raw data of storage version ${CURRENT_SCHEMA_VERSION}, not readable as a portfolio`,
      portfolioName: 'Unknown portfolio',
    });
    const raw = JSON.parse((await store.read(before!.id))!) as {
      tables: Record<string, { id?: string; name?: string }[]>;
    };
    expect(raw.tables.initiatives?.find((row) => row.id === FIRST.id)?.name).toBe(
      'Edited after the backup',
    );
    // No edit of the portfolio that did not read is left for Undo to replay over this one.
    expect(await undo()).toEqual({ kind: 'nothing' });
    expect(await firstName()).toBe('As backed up');
    // And the portfolio takes edits again, undoable as ever.
    await renameInitiative(FIRST.id, 'Edited after the restore');
    expect(await undo()).toMatchObject({ kind: 'done' });
    expect(await firstName()).toBe('As backed up');
  });

  it('restores nothing only when the backup itself cannot be stored', async () => {
    const store = useFreshBackups();
    const backup = (await backupNow('manual'))!;
    await renameInitiative(FIRST.id, 'Not lost');
    await losePortfolioRow();
    vi.spyOn(store, 'write').mockRejectedValue(QUOTA);
    const result = await restoreBackup(backup.id);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Nothing was restored: Baton could not back up the portfolio as it is now first\. .*no room/,
    );
    expect(await db.initiatives.get(FIRST.id)).toMatchObject({ name: 'Not lost' });
    expect(await db.meta.get('portfolio')).toBeUndefined();
  });
});

describe('startBackupSchedule', () => {
  it('backs up every 15 minutes while there are edits, and not when there are none', async () => {
    const store = useFreshBackups();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startBackupSchedule();
    const count = async () => (await store.list()).length;

    // Nothing was backed up yet: the first tick takes one.
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    await vi.waitFor(async () => expect(await count()).toBe(1));
    // No edit since: the next tick takes none.
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(1);
    // An edit: the next tick backs it up.
    await renameInitiative(FIRST.id, 'Edited');
    await vi.advanceTimersByTimeAsync(14 * 60 * 1000);
    expect(await count()).toBe(1);
    await vi.advanceTimersByTimeAsync(60 * 1000);
    await vi.waitFor(async () => expect(await count()).toBe(2));
    const [newest] = await store.list();
    expect(newest?.reason).toBe('timer');
    expect(await store.read(newest!.id)).toContain('Edited');

    stop();
    await renameInitiative(FIRST.id, 'After stop');
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(2);
  });

  it('counts a backup taken for another reason as backing up the edits', async () => {
    const store = useFreshBackups();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startBackupSchedule();
    await renameInitiative(FIRST.id, 'Edited');
    await backupNow('before-import');
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.list()).map((info) => info.reason)).toEqual(['before-import']);
    stop();
  });

  it('tells a failure once while it lasts, and again only after a backup has worked', async () => {
    const store = useFreshBackups();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const notices = recordNotices();
    let write = vi.spyOn(store, 'write').mockRejectedValue(QUOTA);
    const stop = startBackupSchedule();
    await renameInitiative(FIRST.id, 'Edited');

    // An hour with a full disk: four tries, one notice.
    for (let tick = 1; tick <= 4; tick += 1) {
      await vi.advanceTimersByTimeAsync(TICK);
      await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(tick));
    }
    expect(notices.texts).toEqual([
      expect.stringMatching(
        /^Baton could not back up the portfolio \(the regular backup\)\. .*no room/,
      ),
    ]);

    // Room again: the next tick backs up, and says nothing.
    write.mockRestore();
    await vi.advanceTimersByTimeAsync(TICK);
    await vi.waitFor(async () => expect(await store.list()).toHaveLength(1));
    expect(notices.texts).toHaveLength(1);

    // Full again: told again, once.
    write = vi.spyOn(store, 'write').mockRejectedValue(QUOTA);
    await renameInitiative(FIRST.id, 'Edited again');
    for (let tick = 1; tick <= 3; tick += 1) {
      await vi.advanceTimersByTimeAsync(TICK);
      await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(tick));
    }
    expect(notices.texts).toHaveLength(2);
    stop();
    notices.stop();
  });
});
