/** What the Cadence area's tests share: a portfolio with chosen series, and the area on screen. */
import { vi } from 'vitest';
import type { Cadence, Review, ReviewAction } from '../../../../shared/cadence/types';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { AppConfirmDialog, AppNotices } from '../../../../renderer/app/ConnectedDialogs';
import { CadenceArea } from '../../../../renderer/areas/cadence/CadenceArea';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio, replacePortfolio } from '../../../../renderer/db/repository';
import { resetStacks } from '../../../../renderer/db/history';
import { setDisplayLocale } from '../../../../renderer/format';
import { DEFAULT_LOCATION, type Location } from '../../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';

/** Today in every test of the area: Tuesday 10 March 2026, in the morning. */
export const TODAY = '2026-03-10';

/**
 * Freezes the clock's date (timers run as usual, so the database and the waits work), and shows
 * dates as in Britain ("3 Mar 2026").
 */
export function freezeToday(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:00:00`));
  setDisplayLocale('en-GB');
}

/** Lets the clock run again and dates follow the browser's locale. */
export function thawToday(): void {
  vi.useRealTimers();
  setDisplayLocale(undefined);
}

/** The monthly portfolio review of the tests: the first Tuesday at 10:00, in London. */
export const MONTHLY: Cadence = {
  id: 'c-monthly',
  name: 'Monthly portfolio review',
  kind: 'portfolio-review',
  start: '2026-01-06T10:00',
  durationMinutes: 60,
  timeZone: 'Europe/London',
  rule: 'FREQ=MONTHLY;BYDAY=+1TU',
  location: 'Board room',
  attendees: ['Ada', 'Grace'],
};

/**
 * A new database holding the demo portfolio with `series`, `reviews` and `actions` in place of
 * its own, and an empty undo history.
 */
export async function portfolioWith(
  series: readonly Cadence[],
  reviews: readonly Review[] = [],
  actions: readonly ReviewAction[] = [],
): Promise<Portfolio> {
  await freshDatabase();
  const demo = await readPortfolio();
  const {
    cadences: _cadences,
    reviews: _reviews,
    actions: _actions,
    snapshots: _snapshots,
    ...rest
  } = demo;
  const portfolio: Portfolio = {
    ...rest,
    ...(series.length > 0 && { cadences: series }),
    ...(reviews.length > 0 && { reviews }),
    ...(actions.length > 0 && { actions }),
  };
  const result = await replacePortfolio(portfolio, { kind: 'demo' }, 'Test portfolio');
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  resetStacks();
  useAppStore.setState({ notices: [] });
  return portfolio;
}

export function goTo(location: Partial<Location>): void {
  useAppStore.setState({ location: { ...DEFAULT_LOCATION, area: 'cadence', ...location } });
}

/** The area as the app shows it, with the confirm dialog and the notices. */
export function CadenceHarness() {
  const portfolio = usePortfolio();
  return (
    <>
      {portfolio ? <CadenceArea portfolio={portfolio} /> : <p>Loading</p>}
      <AppConfirmDialog />
      <AppNotices />
    </>
  );
}
