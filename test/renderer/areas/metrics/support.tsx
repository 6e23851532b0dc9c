/** What the Metrics area's tests share: a small portfolio stored as the open one, and the area. */
import { vi } from 'vitest';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { AppConfirmDialog, AppNotices } from '../../../../renderer/app/ConnectedDialogs';
import { MetricsArea } from '../../../../renderer/areas/metrics/MetricsArea';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { resetStacks } from '../../../../renderer/db/history';
import { replacePortfolio } from '../../../../renderer/db/repository';
import { setDisplayLocale } from '../../../../renderer/format';
import { DEFAULT_LOCATION, type Location } from '../../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';

/** Today in every test of the area: Wednesday 15 July 2026, inside the first period. */
export const TODAY = '2026-07-15';

/** Freezes the clock's date and shows numbers and dates as in Britain. */
export function freezeToday(locale = 'en-GB', today = TODAY): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${today}T09:00:00`));
  setDisplayLocale(locale);
}

export function thawToday(): void {
  vi.useRealTimers();
  setDisplayLocale(undefined);
}

/**
 * Two quarters, two teams and three initiatives: Route optimisation (active), CRM revamp
 * (approved) and Data lake (proposed), listed in the file in another order so that the grid's
 * order (being delivered first) shows.
 */
export const SMALL: Portfolio = {
  name: 'Metrics test',
  currency: 'EUR',
  periods: [
    { id: 'q3', label: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' },
    { id: 'q4', label: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' },
  ],
  teams: [
    { id: 'platform', name: 'Platform', capacity: { q3: 10, q4: 10 } },
    { id: 'data', name: 'Data', capacity: { q3: 6, q4: 6 } },
  ],
  objectives: [],
  initiatives: [
    {
      id: 'data-lake',
      name: 'Data lake',
      status: 'proposed',
      value: 30,
      demand: { data: [2, 2] },
      spend: [50_000, 50_000],
    },
    {
      id: 'route',
      name: 'Route optimisation',
      status: 'active',
      value: 80,
      demand: { platform: [4, 4] },
      spend: [100_000, 100_000],
      start: 'q3',
      benefit: 400_000,
    },
    {
      id: 'crm',
      name: 'CRM revamp',
      status: 'approved',
      value: 50,
      demand: { platform: [2], data: [1] },
      spend: [80_000],
      start: 'q3',
    },
  ],
  scenarios: [{ id: 's1', name: 'Plan', ranking: ['route', 'crm', 'data-lake'] }],
};

/** A new database holding `portfolio`, with an empty undo history. */
export async function store(portfolio: Portfolio = SMALL): Promise<Portfolio> {
  await freshDatabase();
  const result = await replacePortfolio(portfolio, { kind: 'demo' }, 'Test portfolio');
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  resetStacks();
  useAppStore.setState({ notices: [] });
  return portfolio;
}

export function goTo(location: Partial<Location>): void {
  useAppStore.setState({ location: { ...DEFAULT_LOCATION, area: 'metrics', ...location } });
}

/** The area as the app shows it, with the confirm dialog and the notices. */
export function MetricsHarness() {
  const portfolio = usePortfolio();
  return (
    <>
      {portfolio ? <MetricsArea portfolio={portfolio} /> : <p>Loading</p>}
      <AppConfirmDialog />
      <AppNotices />
    </>
  );
}

/**
 * SMALL with Q3 reported: Route optimisation spent €130,000 and Platform 5, 30 % done, amber;
 * CRM revamp spent €60,000, Platform 3 and Data 1, finished.
 */
export const REPORTED: Portfolio = {
  ...SMALL,
  actuals: [
    {
      initiativeId: 'route',
      periodId: 'q3',
      spend: 130_000,
      effort: { platform: 5 },
      progress: 0.3,
      rag: 'amber',
    },
    {
      initiativeId: 'crm',
      periodId: 'q3',
      spend: 60_000,
      effort: { platform: 3, data: 1 },
      progress: 1,
    },
  ],
};
