/**
 * File › Export… as a portfolio file: with the snapshots of held reviews, or without them when
 * "Leave out snapshots" is ticked.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../shared/cadence/types';
import { emptyPortfolio } from '../../../shared/portfolio/empty';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import { readPortfolioText } from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { saveSnapshot } from '../../../renderer/db/snapshots';
import { ExportDialog } from '../../../renderer/exchange/ExportDialog';
import { getPlatform, setPlatform } from '../../../renderer/platform';
import { freshDatabase } from '../db/fresh-database';
import { withDialogPolyfill } from '../dialog-polyfill';

const saveExportFile = vi.fn(async (name: string, _data: Uint8Array | string) => ({
  location: `your downloads as ${name}`,
}));
setPlatform({ ...getPlatform(), saveExportFile });

withDialogPolyfill();

const text = writePortfolio(emptyPortfolio('2027-01-05', 'January'));
const JANUARY: Snapshot = {
  id: 'snap-jan',
  reviewId: 'rev-jan',
  label: 'January review',
  takenAt: '2027-01-05T11:30:00.000Z',
  fingerprint: textFingerprint(text),
  text,
};

const PORTFOLIO: Portfolio = {
  ...emptyPortfolio('2027-01-05', 'Northwind'),
  reviews: [
    {
      id: 'rev-jan',
      title: 'Portfolio review',
      kind: 'portfolio-review',
      date: '2027-01-05',
      status: 'held',
      agenda: [],
      snapshotId: 'snap-jan',
    },
  ],
};

beforeEach(async () => {
  await freshDatabase();
  await saveSnapshot(JANUARY);
  saveExportFile.mockClear();
});

async function exportFile(leaveOut: boolean): Promise<[string, string]> {
  const user = userEvent.setup();
  render(<ExportDialog portfolio={PORTFOLIO} onClose={vi.fn()} onDone={vi.fn()} />);
  expect(screen.queryByRole('checkbox', { name: 'Leave out snapshots' })).toBeNull();
  await user.click(screen.getByRole('radio', { name: /Portfolio file/ }));
  expect(screen.getByText(/File: northwind\.baton\.json\./)).toBeInTheDocument();
  if (leaveOut) await user.click(screen.getByRole('checkbox', { name: 'Leave out snapshots' }));
  await user.click(screen.getByRole('button', { name: 'Export' }));
  return saveExportFile.mock.calls[0] as [string, string];
}

describe('exporting the portfolio file', () => {
  it('writes the snapshots its reviews name', async () => {
    const [name, data] = await exportFile(false);
    expect(name).toBe('northwind.baton.json');
    const read = readPortfolioText(data);
    expect(read.ok && read.portfolio.snapshots).toEqual([JANUARY]);
  });

  it('leaves them out when asked; the review still names its snapshot', async () => {
    const [, data] = await exportFile(true);
    const read = readPortfolioText(data);
    expect(read.ok && read.portfolio.snapshots).toBeUndefined();
    expect(read.ok && read.portfolio.reviews?.[0]?.snapshotId).toBe('snap-jan');
  });
});
