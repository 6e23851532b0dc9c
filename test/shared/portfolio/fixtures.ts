import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A small valid portfolio file as parsed JSON, to break one rule at a time in tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the parsed JSON to break one field at a time
export function smallPortfolioFile(): Record<string, any> {
  return {
    format: 'baton-portfolio',
    version: 1,
    name: 'Northwind 2027 plan',
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods: [
      { id: '2027-Q1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
      { id: '2027-Q2', label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
      { id: '2027-Q3', label: 'Q3 2027', start: '2027-07-01', end: '2027-09-30' },
    ],
    teams: [
      { id: 'platform', name: 'Platform', capacity: { '2027-Q1': 10, '2027-Q2': 10 } },
      { id: 'sales-ops', name: 'Sales Ops', capacity: { '2027-Q1': 4 } },
    ],
    budget: { '2027-Q1': 1200000 },
    objectives: [
      { id: 'growth', name: 'Growth', parentId: null, weight: 0.6 },
      {
        id: 'grow-smb',
        name: 'Grow SMB revenue',
        parentId: 'growth',
        weight: 0.4,
        measures: [
          {
            id: 'smb-arr',
            name: 'SMB ARR',
            unit: 'EUR',
            baseline: 4000000,
            target: 6000000,
            targetDate: '2027-12-31',
            actuals: [{ date: '2027-03-31', value: 4300000 }],
          },
        ],
      },
    ],
    scoring: {
      model: 'weighted',
      criteria: [{ id: 'value', name: 'Business value', weight: 0.5 }],
    },
    initiatives: [
      {
        id: 'crm-revamp',
        name: 'CRM revamp',
        status: 'proposed',
        objectives: [{ id: 'grow-smb', contribution: 3 }],
        scores: { value: 8 },
        value: 120,
        demand: { platform: [2, 3, 1], 'sales-ops': [1, 1, 0] },
        spend: [100000, 150000, 50000],
        duration: 3,
        earliestStart: '2027-Q1',
        latestStart: '2027-Q3',
        dependsOn: ['data-lake'],
        excludes: ['crm-buy'],
        forced: 'in',
        forcedReason: 'Regulatory deadline',
      },
      { id: 'data-lake', name: 'Data lake', status: 'approved', demand: { platform: [3] } },
      { id: 'crm-buy', name: 'CRM buy', status: 'proposed', demand: { 'sales-ops': [2] } },
    ],
    scenarios: [{ id: 'base', name: 'Baseline', ranking: ['crm-revamp', 'data-lake'] }],
  };
}

export function fixtureText(relative: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url)),
    'utf8',
  );
}

export const MKNAP_FILES = [1, 2, 3, 4, 5, 6, 7].map((n) => `orlib-mknap1/mknap1-0${n}.json`);
