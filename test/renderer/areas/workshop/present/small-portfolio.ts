import type { Initiative, Portfolio } from '../../../../../shared/portfolio/types';

const proposed = (id: string, name: string, fields: Partial<Initiative> = {}): Initiative => ({
  id,
  name,
  status: 'proposed',
  ...fields,
});

/**
 * A stack small enough to reason about: the Data team has 2 FTE a quarter; committed work takes
 * one in the first, two proposals fill the rest of it and the next, the data lake (2 FTE) does not
 * fit, the ETL rebuild behind it still does (funded in a gap), and the old CRM is cancelled.
 */
export const SMALL: Portfolio = {
  name: 'Small',
  capacityUnit: 'FTE',
  periods: [
    { id: 'q1', label: '2027-Q1' },
    { id: 'q2', label: '2027-Q2' },
  ],
  teams: [{ id: 'data', name: 'Data team', capacity: { q1: 2, q2: 2 } }],
  objectives: [],
  initiatives: [
    { id: 'core', name: 'Core platform', status: 'active', demand: { data: [1] }, value: 50 },
    proposed('fleet', 'Fleet telematics', { demand: { data: [1] }, value: 40 }),
    proposed('portal', 'Customer portal', { demand: { data: [1] }, value: 30 }),
    proposed('lake', 'Data lake', { demand: { data: [2] }, value: 25 }),
    proposed('etl', 'ETL rebuild', { demand: { data: [1] }, value: 10 }),
    { id: 'crm', name: 'Old CRM', status: 'cancelled', value: 5 },
  ],
  scenarios: [
    {
      id: 'outcome',
      name: 'Workshop outcome',
      ranking: ['fleet', 'portal', 'lake', 'etl', 'crm', 'core'],
    },
  ],
};
