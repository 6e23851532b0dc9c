import type { Portfolio } from '../portfolio/types';

/** What the optimizer reads of a portfolio: a change to any of it makes results out of date. */
export function portfolioKey(portfolio: Portfolio): string {
  const { periods, teams, budget, initiatives, scoring } = portfolio;
  return JSON.stringify({ periods, teams, budget, initiatives, scoring });
}
