/**
 * The Board pack area computes the metrics section's metrics: as of the pack's date, against
 * every stored snapshot the portfolio's reviews name, and only when the pack has the section and
 * the portfolio has actuals. `computeMetrics` and the snapshot store are stand-ins here.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardPackArea } from '../../../../renderer/areas/board-pack/BoardPackArea';
import { DEFAULT_LOCATION } from '../../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../../renderer/state/store';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { REPORT } from '../../../shared/pack/metrics-fixture';
import { NOW, SNAPSHOT } from '../../../shared/pack/review-portfolio';

const loadSnapshot = vi.hoisted(() => vi.fn());
vi.mock('../../../../renderer/db/snapshots', () => ({ loadSnapshot }));
const computeMetrics = vi.hoisted(() => vi.fn());
vi.mock('../../../../shared/metrics/compute', () => ({ computeMetrics }));

const WITH_ACTUALS: Portfolio = {
  ...NOW,
  actuals: [{ initiativeId: 'core', periodId: 'nov', spend: 40_000, progress: 0.5 }],
};

beforeEach(() => {
  useAppStore.getState().resetPackDraft();
  useAppStore.getState().resetReviewPackDraft();
  useAppStore.setState({ location: { ...DEFAULT_LOCATION, area: 'board-pack' } });
  loadSnapshot.mockReset();
  loadSnapshot.mockImplementation(async (id: string) =>
    id === SNAPSHOT.id ? SNAPSHOT : undefined,
  );
  computeMetrics.mockReset();
  computeMetrics.mockReturnValue(REPORT);
});

const preview = () => within(screen.getByRole('region', { name: 'Pages' }));

describe('the metrics in the Board pack', () => {
  it('reads the reviews’ snapshots, computes the metrics as of the pack’s date and prints them', async () => {
    useAppStore.getState().changePackDraft({ date: '2026-11-20' });
    render(<BoardPackArea portfolio={WITH_ACTUALS} />);
    expect(
      await preview().findByRole('heading', { name: 'Metrics that drive action' }),
    ).toBeTruthy();
    expect(preview().getByText(/^As of 2027-01-15, 3 of the 4 dashboard metrics/)).toBeTruthy();
    // The reviews name one snapshot (r1's); r2 and r3 have none.
    expect(loadSnapshot.mock.calls.map(([id]) => id)).toEqual([SNAPSHOT.id]);
    const [portfolio, snapshots, asOf] = computeMetrics.mock.calls.at(-1) as [
      Portfolio,
      unknown[],
      string,
    ];
    expect(portfolio).toBe(WITH_ACTUALS);
    expect(snapshots).toEqual([SNAPSHOT]);
    expect(asOf).toBe('2026-11-20');
  });

  it('computes nothing for a portfolio without actuals, nor reads snapshots for it', async () => {
    render(<BoardPackArea portfolio={NOW} />);
    expect(await preview().findByRole('heading', { name: 'Ranked portfolio' })).toBeTruthy();
    expect(preview().queryByRole('heading', { name: 'Metrics that drive action' })).toBeNull();
    expect(loadSnapshot).not.toHaveBeenCalled();
    expect(computeMetrics).not.toHaveBeenCalled();
  });
});
