/**
 * A small portfolio worked out by hand for the agenda, review and diff tests (review date
 * 2027-03-01):
 * - CRM (active, Q1–Q2, Platform 3 + 3): 10 % done, reported amber; planned progress by 1 March
 *   is (60/90 + 0) / 2 = 33 %, so 23 points behind.
 * - WMS (active, Platform 2 + 2, spend 80): does not fit beside CRM (4 FTE a quarter), so it is
 *   committed work below the cut line; with CRM it asks 5 of Platform's 4 FTE in Q1 and Q2, and
 *   spends 180 in Q1 against a budget of 150.
 * - Portal (proposed, no demand): above the line, linked to no objective.
 * - NPS (Growth): baseline 20, target 40 by 2027-04-30; 22 on 1 February, behind the line, and
 *   due within 90 days of the review.
 * - A proposal submitted on 2027-02-15; a decision of 2027-02-10.
 */
import type { Cadence } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';

export const MONTHLY: Cadence = {
  id: 'monthly',
  name: 'Monthly portfolio review',
  kind: 'portfolio-review',
  start: '2027-01-05T10:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
  rule: 'FREQ=MONTHLY;BYDAY=+1TU',
  attendees: ['Ana', 'Ben'],
};

export function agendaPortfolio(): Portfolio {
  return {
    name: 'Worked example',
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods: [
      { id: 'q1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
      { id: 'q2', label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
    ],
    teams: [{ id: 'platform', name: 'Platform', capacity: { q1: 4, q2: 4 } }],
    budget: { q1: 150 },
    objectives: [
      {
        id: 'growth',
        name: 'Growth',
        measures: [
          {
            id: 'nps',
            name: 'NPS',
            baseline: 20,
            target: 40,
            targetDate: '2027-04-30',
            actuals: [
              { date: '2026-10-01', value: 20 },
              { date: '2027-02-01', value: 22 },
            ],
          },
        ],
      },
    ],
    initiatives: [
      {
        id: 'crm',
        name: 'CRM',
        status: 'active',
        start: 'q1',
        demand: { platform: [3, 3] },
        spend: [100, 100],
        objectives: [{ id: 'growth', contribution: 3 }],
        value: 8,
      },
      {
        id: 'wms',
        name: 'WMS',
        status: 'active',
        demand: { platform: [2, 2] },
        spend: [80],
        objectives: [{ id: 'growth', contribution: 1 }],
        value: 5,
      },
      { id: 'portal', name: 'Portal', status: 'proposed', value: 3 },
    ],
    scenarios: [{ id: 'plan', name: 'Plan', ranking: ['crm', 'wms', 'portal'] }],
    actuals: [
      { initiativeId: 'crm', periodId: 'q1', progress: 0.1, rag: 'amber', note: 'Vendor late.' },
    ],
    decisions: [
      {
        id: 'd1',
        date: '2027-02-10',
        kind: 'other',
        title: 'Approve the CRM budget',
        decision: 'Approved.',
      },
    ],
    proposals: [
      {
        id: 'chat',
        title: 'Customer chat',
        stage: 'submitted',
        history: [
          { stage: 'draft', date: '2027-02-01' },
          { stage: 'submitted', date: '2027-02-15' },
        ],
        problem: 'Calls wait.',
        sponsor: 'Head of service',
        size: 'M',
      },
    ],
    cadences: [MONTHLY],
  };
}
