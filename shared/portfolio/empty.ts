import type { Period, Portfolio } from './types';

/** The quarter containing an ISO date and the next `count - 1`, as periods `2027-Q1`. */
export function quartersFrom(isoDate: string, count: number): Period[] {
  const [yearText, monthText] = isoDate.split('-');
  let year = Number(yearText);
  let quarter = Math.floor((Number(monthText) - 1) / 3) + 1;
  const periods: Period[] = [];
  for (let index = 0; index < count; index += 1) {
    periods.push(quarterPeriod(year, quarter));
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return periods;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

function quarterPeriod(year: number, quarter: number): Period {
  const startMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return {
    id: `${year}-Q${quarter}`,
    label: `Q${quarter} ${year}`,
    start: `${year}-${startMonth}-01`,
    end: `${year}-${QUARTER_ENDS[quarter - 1]}`,
  };
}

/**
 * The period after `last`: the next quarter when `last` is a quarter (`2027-Q4` → `2028-Q1`),
 * otherwise a numbered period. Its id is not one of `taken`.
 */
export function nextPeriod(
  last: Period | undefined,
  taken: ReadonlySet<string>,
  today: string,
): Period {
  const quarter = last ? /^(\d{4})-Q([1-4])$/.exec(last.id) : null;
  let candidate: Period;
  if (!last) candidate = quartersFrom(today, 1)[0] as Period;
  else if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    candidate = q === 4 ? quarterPeriod(year + 1, 1) : quarterPeriod(year, q + 1);
  } else candidate = { id: `P${taken.size + 1}`, label: `Period ${taken.size + 1}` };
  let id = candidate.id;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${candidate.id}-${suffix}`;
  return { ...candidate, id };
}

/** A new empty portfolio: six quarters from the next one after `today`, no teams, no work. */
export function emptyPortfolio(today: string, name = 'New portfolio'): Portfolio {
  const [year = '2000', month = '01'] = today.split('-');
  const nextQuarterStart =
    Number(month) >= 10
      ? `${Number(year) + 1}-01-01`
      : `${year}-${String(Math.floor((Number(month) - 1) / 3) * 3 + 4).padStart(2, '0')}-01`;
  return {
    name,
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods: quartersFrom(nextQuarterStart, 6),
    teams: [],
    objectives: [],
    initiatives: [],
    scenarios: [{ id: 'baseline', name: 'Baseline', ranking: [] }],
  };
}
