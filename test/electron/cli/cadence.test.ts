/** The command line keeps the governance calendar of a portfolio file: reviews, actions, snapshots. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { baton } from './run-baton';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-cli-cadence-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Two reviews: January held with its snapshot in the file, February held with it left out. */
function portfolioWithReviews(): Portfolio {
  const text = writePortfolio(emptyPortfolio('2027-01-05', 'January'));
  const held = (id: string, date: string, snapshotId: string) => ({
    id,
    title: 'Portfolio review',
    kind: 'portfolio-review' as const,
    date,
    status: 'held' as const,
    agenda: [{ id: 'item-1', kind: 'custom' as const, title: 'Budget', minutes: 10 }],
    snapshotId,
  });
  return {
    ...emptyPortfolio('2027-01-05', 'Northwind'),
    reviews: [held('rev-jan', '2027-01-05', 'snap-jan'), held('rev-feb', '2027-02-02', 'snap-feb')],
    actions: [{ id: 'act-1', title: 'Rebaseline', reviewId: 'rev-jan' }],
    snapshots: [
      {
        id: 'snap-jan',
        reviewId: 'rev-jan',
        label: 'January review',
        takenAt: '2027-01-05T11:30:00.000Z',
        fingerprint: textFingerprint(text),
        text,
      },
    ],
  };
}

describe('baton and the governance calendar', () => {
  it('validate counts the reviews, actions and snapshots, and says which snapshots are left out', async () => {
    const file = join(dir, 'reviews.json');
    await writeFile(file, writePortfolio(portfolioWithReviews()));
    const run = await baton('validate', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${file}: valid baton-portfolio version 1 "Northwind" (0 initiatives, 0 teams, 6 periods, 0 objectives, 1 scenario; 2 reviews, 1 action, 1 snapshot)\n` +
        '1 review names a snapshot the file leaves out; what changed since that review cannot be shown from this file.\n',
    );
  });

  it('validate refuses a snapshot whose text was edited, by its path', async () => {
    const portfolio = portfolioWithReviews();
    const [snapshot] = portfolio.snapshots ?? [];
    const file = join(dir, 'edited.json');
    await writeFile(
      file,
      writePortfolio({
        ...portfolio,
        snapshots: [{ ...snapshot!, text: snapshot!.text.replace('January', 'Jan.') }],
      }),
    );
    const run = await baton('validate', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(snapshots[0].fingerprint)');
  });

  it('import --into keeps the reviews, actions and snapshots of the portfolio', async () => {
    const into = join(dir, 'into.json');
    const out = join(dir, 'out.json');
    const portfolio = portfolioWithReviews();
    await writeFile(into, writePortfolio(portfolio));
    const source = join(dir, 'one.csv');
    await writeFile(source, 'Name,Status\nWarehouse robots,proposed\n');
    const run = await baton('import', source, '--into', into, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const read = readPortfolioText(await readFile(out, 'utf8'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.portfolio.initiatives.map((initiative) => initiative.name)).toEqual([
      'Warehouse robots',
    ]);
    expect(read.portfolio.reviews).toEqual(portfolio.reviews);
    expect(read.portfolio.actions).toEqual(portfolio.actions);
    expect(read.portfolio.snapshots).toEqual(portfolio.snapshots);
  });
});
