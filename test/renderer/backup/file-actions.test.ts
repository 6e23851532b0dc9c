/**
 * The File commands that replace the portfolio back it up first; when that backup fails they ask
 * first, and the recovery screen's ways out back up what is stored even when it does not read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import {
  importPortfolioText,
  loadDemo,
  loadDemoWithoutAsking,
  newPortfolio,
  openPortfolio,
  openWithoutAsking,
} from '../../../renderer/app/file-actions';
import { openQuestion, type OpenQuestion } from '../../../renderer/components/dialogs';
import { db } from '../../../renderer/db/database';
import { renameInitiative } from '../../../renderer/db/edits';
import {
  forgetState,
  hasUnsavedChanges,
  markSaved,
  readPortfolio,
  undo,
} from '../../../renderer/db/repository';
import { getPlatform } from '../../../renderer/platform';
import { freshDatabase } from '../db/fresh-database';
import { clearNotices, noticeTexts, useFreshBackups } from './support';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;

beforeEach(async () => {
  await freshDatabase();
  clearNotices();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an Open that replaces the portfolio', () => {
  it('backs up the portfolio it replaces (New)', async () => {
    const backups = useFreshBackups();
    await renameInitiative(FIRST.id, 'Worth keeping');
    await markSaved();
    await newPortfolio();
    expect((await readPortfolio()).initiatives).toEqual([]);
    const [backup] = await backups.list();
    expect(backup?.reason).toBe('before-open');
    expect(await backups.read(backup!.id)).toContain('Worth keeping');
  });

  it('backs up before a file is opened, and before the demo is loaded', async () => {
    const backups = useFreshBackups();
    const other = { ...emptyPortfolio('2027-01-04'), name: 'Other plan' };
    expect(
      await importPortfolioText({ name: 'other.baton.json', text: writePortfolio(other) }),
    ).toBe(true);
    await loadDemo();
    expect((await backups.list()).map((info) => [info.reason, info.portfolioName])).toEqual([
      ['before-open', 'Other plan'],
      ['before-open', DEMO_PORTFOLIO.name],
    ]);
  });

  it('takes no backup when the file is refused: nothing is replaced', async () => {
    const backups = useFreshBackups();
    expect(await importPortfolioText({ name: 'broken.json', text: '{' })).toBe(false);
    expect(await backups.list()).toEqual([]);
  });

  /** The question on screen, once it is asked. */
  async function question(): Promise<OpenQuestion> {
    await vi.waitFor(() => expect(openQuestion()).not.toBeNull());
    return openQuestion()!;
  }

  function chooseFile(portfolio: Portfolio) {
    vi.spyOn(getPlatform(), 'openPortfolioFile').mockResolvedValueOnce({
      path: 'other.baton.json',
      name: 'other.baton.json',
      text: writePortfolio(portfolio),
    });
  }

  const OTHER = { ...emptyPortfolio('2027-01-04'), name: 'Other plan' };

  it('asks first when the backup fails; Cancel changes nothing', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValueOnce(new Error('the backup folder is read-only'));
    await renameInitiative(FIRST.id, 'Worth keeping');
    await markSaved();
    chooseFile(OTHER);
    const opening = openPortfolio();
    const asked = await question();
    expect(asked.title).toBe('Open other.baton.json without a backup?');
    expect(asked.body).toMatch(
      /^Baton could not back up the portfolio \(before the portfolio was replaced\): the backup folder is read-only\. Open other\.baton\.json replaces the portfolio in Baton; Undo \(Ctrl\+Z\) takes that back only while this window stays open\./,
    );
    expect(asked.actions.map((action) => action.label)).toEqual([
      'Save a copy first…',
      'Continue without a backup',
      'Cancel',
    ]);
    asked.answer('cancel');
    await opening;
    expect((await readPortfolio()).name).toBe(DEMO_PORTFOLIO.name);
    expect((await readPortfolio()).initiatives[0]?.name).toBe('Worth keeping');
    expect(await hasUnsavedChanges()).toBe(false);
    expect(noticeTexts()).toEqual([]);
  });

  it('opens without a backup only when told to, and Undo still takes it back', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValueOnce(new Error('the backup folder is read-only'));
    chooseFile(OTHER);
    const opening = openPortfolio();
    (await question()).answer('go');
    await opening;
    expect((await readPortfolio()).name).toBe('Other plan');
    expect(await backups.list()).toEqual([]);
    expect(noticeTexts()).toEqual(['Opened other.baton.json: 0 initiatives.']);
    await undo();
    expect((await readPortfolio()).name).toBe(DEMO_PORTFOLIO.name);
  });

  it('asks before New and the demo too, in their own words', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValue(new Error('the backup folder is read-only'));
    const starting = newPortfolio();
    const asked = await question();
    expect(asked.title).toBe('Start an empty portfolio without a backup?');
    asked.answer(null);
    await starting;
    expect((await readPortfolio()).name).toBe(DEMO_PORTFOLIO.name);
  });
});

describe("the recovery screen's ways out", () => {
  it('back up the stored rows of a portfolio that does not read, then replace it', async () => {
    const backups = useFreshBackups();
    await renameInitiative(FIRST.id, 'Kept in the backup');
    await db.meta.delete('portfolio');
    forgetState();
    await expect(readPortfolio()).rejects.toThrow(/portfolio is missing/);
    const other = { ...emptyPortfolio('2027-01-04'), name: 'Other plan' };
    vi.spyOn(getPlatform(), 'openPortfolioFile').mockResolvedValueOnce({
      path: 'other.baton.json',
      name: 'other.baton.json',
      text: writePortfolio(other),
    });
    await expect(openWithoutAsking()).resolves.toEqual({ ok: true });
    expect((await readPortfolio()).name).toBe('Other plan');
    expect(await hasUnsavedChanges()).toBe(false);
    const [backup] = await backups.list();
    expect(backup?.reason).toBe('before-open');
    expect(await backups.read(backup!.id)).toContain('Kept in the backup');
  });

  it('load the demo in place of a portfolio that does not read', async () => {
    const backups = useFreshBackups();
    await renameInitiative(FIRST.id, 'Kept in the backup');
    await db.meta.delete('portfolio');
    forgetState();
    await expect(loadDemoWithoutAsking()).resolves.toEqual({ ok: true });
    const portfolio = await readPortfolio();
    expect(portfolio.name).toBe(DEMO_PORTFOLIO.name);
    expect(portfolio.initiatives.find((each) => each.id === FIRST.id)?.name).toBe(FIRST.name);
    const [backup] = await backups.list();
    expect(await backups.read(backup!.id)).toContain('Kept in the backup');
  });
});
