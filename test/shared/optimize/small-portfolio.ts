/** Small hand-made portfolios for the optimizer's worked examples. */
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';

/** Two periods (Q1, Q2 2027), one team "Platform" of 10 FTE per period, no budget. */
export function small(initiatives: Initiative[], extra: Partial<Portfolio> = {}): Portfolio {
  return {
    name: 'Small',
    capacityUnit: 'FTE',
    currency: 'EUR',
    periods: [
      { id: 'Q1', label: 'Q1 2027' },
      { id: 'Q2', label: 'Q2 2027' },
    ],
    teams: [{ id: 'platform', name: 'Platform', capacity: { Q1: 10, Q2: 10 } }],
    objectives: [],
    initiatives,
    scenarios: [],
    ...extra,
  };
}

/** An initiative named by its id in capitals, with a value and its demand on Platform. */
export function item(
  id: string,
  value: number,
  demand: number[],
  more: Partial<Initiative> = {},
): Initiative {
  return {
    id,
    name: id.toUpperCase(),
    status: 'proposed',
    value,
    demand: { platform: demand },
    ...more,
  };
}
