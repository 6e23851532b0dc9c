/**
 * `baton pack` computes the metrics section's metrics itself: as of the pack's date (a review's
 * pack: the review's date), against the snapshots in the file, and only when the pack has the
 * section and the portfolio has actuals. `computeMetrics` is replaced by a stand-in here, so that
 * this tests the wiring (test/shared/metrics tests the metrics).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { packRequest } from '../../../shared/cli/commands';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { REPORT } from './metrics-fixture';
import { NOW_WITH_SNAPSHOT, SNAPSHOT } from './review-portfolio';

const computeMetrics = vi.hoisted(() => vi.fn());
vi.mock('../../../shared/metrics/compute', () => ({ computeMetrics }));

beforeEach(() => {
  computeMetrics.mockReset();
  computeMetrics.mockReturnValue(REPORT);
});

const WITH_ACTUALS: Portfolio = {
  ...NOW_WITH_SNAPSHOT,
  actuals: [{ initiativeId: 'core', periodId: 'nov', spend: 40_000, progress: 0.5 }],
};

function request(portfolio: Portfolio, options: Record<string, string>) {
  const made = packRequest(
    'board.json',
    writePortfolio(portfolio),
    { out: 'pack.pdf', ...options },
    '2026-11-20',
  );
  if (!('input' in made)) throw new Error(made.stderr);
  return made.input;
}

describe('baton pack and the metrics section', () => {
  it('computes the metrics as of the pack’s date against the file’s snapshots', () => {
    const input = request(WITH_ACTUALS, {});
    expect(input.settings.sections).toContain('metrics');
    expect(input.metrics).toBe(REPORT);
    expect(computeMetrics).toHaveBeenCalledTimes(1);
    const [portfolio, snapshots, asOf] = computeMetrics.mock.calls[0] as [
      Portfolio,
      unknown[],
      string,
    ];
    expect(portfolio.actuals).toHaveLength(1);
    expect(snapshots).toEqual([SNAPSHOT]);
    expect(asOf).toBe('2026-11-20');
  });

  it('for a review’s pack, as of the review’s date', () => {
    const input = request(WITH_ACTUALS, { review: 'r2' });
    expect(input.settings.sections).toContain('metrics');
    expect(input.metrics).toBe(REPORT);
    expect(computeMetrics.mock.calls[0]?.[2]).toBe('2026-11-03');
  });

  it('does not compute them for a pack without the section or a portfolio without actuals', () => {
    expect(request(WITH_ACTUALS, { sections: 'cover,ranked' }).metrics).toBeUndefined();
    expect(request(NOW_WITH_SNAPSHOT, {}).metrics).toBeUndefined();
    expect(computeMetrics).not.toHaveBeenCalled();
  });
});
