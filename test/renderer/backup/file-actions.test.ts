/** The File commands that replace the portfolio back it up first. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { writePortfolio } from '../../../shared/portfolio/write';
import {
  importPortfolioText,
  loadDemo,
  newPortfolio,
  openPortfolio,
} from '../../../renderer/app/file-actions';
import { renameInitiative } from '../../../renderer/db/edits';
import { markSaved, readPortfolio } from '../../../renderer/db/repository';
import { getPlatform } from '../../../renderer/platform';
import { freshDatabase } from '../db/fresh-database';
import { clearNotices, noticeTexts, useFreshBackups } from './support';

const FIRST = DEMO_PORTFOLIO.initiatives[0]!;

beforeEach(async () => {
  await freshDatabase();
  clearNotices();
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

  it('still opens, and says so, when the backup fails (the Open can be undone)', async () => {
    const backups = useFreshBackups();
    vi.spyOn(backups, 'write').mockRejectedValueOnce(new Error('the backup folder is read-only'));
    const other = { ...emptyPortfolio('2027-01-04'), name: 'Other plan' };
    vi.spyOn(getPlatform(), 'openPortfolioFile').mockResolvedValueOnce({
      path: 'other.baton.json',
      name: 'other.baton.json',
      text: writePortfolio(other),
    });
    await openPortfolio();
    expect((await readPortfolio()).name).toBe('Other plan');
    expect(noticeTexts()[0]).toBe(
      'Baton could not back up the portfolio (before the portfolio was replaced): the backup folder is read-only',
    );
  });
});
