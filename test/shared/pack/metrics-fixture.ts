/**
 * A metrics report written out by hand for the pack's metrics section, so that the section is
 * tested apart from how the metrics are computed (test/shared/metrics checks that): four metrics
 * over two quarters, as of 2027-01-15.
 *
 * - Predictability: 92 % in Q3 (good), 74 % in Q4 (poor), down and worse; five initiatives
 *   behind it out of band, one in band; an action; its committed plan is the current plan.
 * - CPI: 0.97 then 0.98, both good, up and better; every initiative behind it in band; no action.
 * - Throughput: 1 then 3 (a count without bands); its rows carry no band.
 * - Capacity utilization: 88 % then 82.5 %, good; Platform over capacity in Q3; the table per
 *   team and period.
 * - Benefit realization (measures): no value at either point, and why.
 *
 * And three self-reviews on or before the pack's date (one after it, left out).
 */
import type {
  DrillRow,
  MetricDefinition,
  MetricPoint,
  MetricsReport,
  SelfReview,
} from '../../../shared/metrics/types';

export const AS_OF = '2027-01-15';

export const DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'predictability',
    name: 'Predictability',
    unit: '%',
    better: 'in-range',
    definition: 'Σ actual value of committed items ÷ Σ planned value × 100, per period.',
    bandsText: '80–100 % predictable; below 80 % low; over 100 % committed too little.',
  },
  {
    id: 'cpi',
    name: 'Cost performance (CPI)',
    unit: 'ratio',
    better: 'higher',
    definition: 'Earned value ÷ actual cost.',
    bandsText: '0.95 or more good; 0.85 to 0.95 watch; below 0.85 poor.',
  },
  {
    id: 'utilization',
    name: 'Capacity utilization',
    unit: '%',
    better: 'in-range',
    definition: 'Actual effort ÷ capacity × 100 per period.',
    bandsText: '70–100 % healthy; below 70 % under-used; over 100 % over capacity.',
  },
  {
    id: 'throughput',
    name: 'Throughput',
    unit: 'count',
    better: 'higher',
    definition: 'Initiatives finished per period.',
    bandsText: 'No bands.',
  },
  {
    id: 'benefit-measures',
    name: 'Benefit realization (measures)',
    unit: '%',
    better: 'higher',
    definition: 'Actual against the straight line from baseline to target.',
    bandsText: '90 % or more good; 70 to 90 % watch; below 70 % poor.',
  },
];

function points(values: readonly (number | undefined)[], bands: MetricPoint['band'][]) {
  return values.map((value, index): MetricPoint => ({
    key: index === 0 ? 'q3' : 'q4',
    label: index === 0 ? '2026 Q3' : '2026 Q4',
    date: index === 0 ? '2026-09-30' : '2026-12-31',
    band: bands[index] ?? 'none',
    ...(value === undefined ? { reason: 'No success measure has a target yet.' } : { value }),
  }));
}

const initiative = (id: string, name: string) => ({ kind: 'initiative' as const, id, name });

const PREDICTABILITY_DRILL: readonly DrillRow[] = [
  {
    subject: initiative('route', 'Route optimisation v2'),
    value: 20,
    band: 'poor',
    detail: 'planned 50 % done, 10 % done: 40 points behind',
  },
  {
    subject: initiative('wms', 'WMS upgrade'),
    value: 55,
    band: 'poor',
    detail: 'planned 40 % done, 22 % done: 18 points behind',
  },
  {
    subject: initiative('telematics', 'Telematics rollout'),
    value: 70,
    band: 'poor',
    detail: 'planned 30 % done, 21 % done: 9 points behind',
  },
  {
    subject: initiative('nis2', 'NIS2 controls'),
    value: 85,
    band: 'good',
    detail: 'planned 20 % done, 17 % done',
  },
  {
    subject: initiative('pod', 'Proof of delivery'),
    value: 105,
    band: 'watch',
    detail: 'planned 60 % done, 63 % done',
  },
  {
    subject: initiative('dock', 'Dock scheduling'),
    value: 110,
    band: 'watch',
    detail: 'planned 50 % done, 55 % done',
  },
];

export const PREDICTABILITY_ACTION =
  'Predictability fell to 74 %: Route optimisation v2 is 40 points behind its plan; re-plan it or commit less next quarter.';

export const REPORT: MetricsReport = {
  asOf: AS_OF,
  currency: 'EUR',
  definitions: DEFINITIONS,
  trends: [
    // Not in dashboard order: the section prints in METRIC_IDS order.
    {
      id: 'utilization',
      points: points([88, 82.5], ['good', 'good']),
      latest: points([88, 82.5], ['good', 'good'])[1],
      direction: { change: 'down', better: false },
      drill: [
        {
          subject: { kind: 'team', id: 'platform', name: 'Platform', periodId: 'q3' },
          value: 105,
          band: 'poor',
          detail: 'Used 10.5 of 10 FTE in 2026 Q3 (105 %); 95 % planned.',
        },
      ],
    },
    {
      id: 'cpi',
      points: points([0.97, 0.98], ['good', 'good']),
      latest: points([0.97, 0.98], ['good', 'good'])[1],
      direction: { change: 'up', better: true },
      drill: [
        {
          subject: initiative('wms', 'WMS upgrade'),
          value: 0.96,
          band: 'good',
          detail: 'EV €96K, AC €100K',
        },
      ],
    },
    {
      id: 'predictability',
      points: points([92, 74], ['good', 'poor']),
      latest: points([92, 74], ['good', 'poor'])[1],
      direction: { change: 'down', better: false },
      drill: PREDICTABILITY_DRILL,
      action: PREDICTABILITY_ACTION,
      baseline: 'current',
    },
    {
      id: 'throughput',
      points: points([1, 3], ['none', 'none']),
      latest: points([1, 3], ['none', 'none'])[1],
      direction: { change: 'up', better: true },
      drill: [
        {
          subject: initiative('pod', 'Proof of delivery'),
          band: 'none',
          detail: 'finished in 2026 Q3',
        },
        {
          subject: initiative('dock', 'Dock scheduling'),
          band: 'none',
          detail: 'finished in 2026 Q4',
        },
      ],
    },
    {
      id: 'benefit-measures',
      points: points([undefined, undefined], ['none', 'none']),
      drill: [],
    },
  ],
  dashboard: [
    {
      id: 'predictability',
      name: 'Predictability',
      value: 74,
      unit: '%',
      band: 'poor',
      direction: { change: 'down', better: false },
    },
    {
      id: 'cpi',
      name: 'Cost performance (CPI)',
      value: 0.98,
      unit: 'ratio',
      band: 'good',
      direction: { change: 'up', better: true },
    },
    {
      id: 'throughput',
      name: 'Throughput',
      value: 3,
      unit: 'count',
      band: 'none',
      direction: { change: 'up', better: true },
    },
    { id: 'benefit-measures', name: 'Benefit realization (measures)', unit: '%', band: 'none' },
  ],
  // Team by team, each in period order. Actuals only in Q2 (Data) and Q3: Q4 is planned only.
  utilization: [
    {
      teamId: 'platform',
      teamName: 'Platform',
      periodId: 'q2',
      periodLabel: '2026 Q2',
      planned: 50,
      band: 'none',
    },
    {
      teamId: 'platform',
      teamName: 'Platform',
      periodId: 'q3',
      periodLabel: '2026 Q3',
      actual: 105,
      planned: 95,
      band: 'poor',
    },
    {
      teamId: 'platform',
      teamName: 'Platform',
      periodId: 'q4',
      periodLabel: '2026 Q4',
      planned: 90,
      band: 'none',
    },
    {
      teamId: 'data',
      teamName: 'Data',
      periodId: 'q2',
      periodLabel: '2026 Q2',
      actual: 75,
      planned: 70,
      band: 'good',
    },
    {
      teamId: 'data',
      teamName: 'Data',
      periodId: 'q3',
      periodLabel: '2026 Q3',
      actual: 60,
      planned: 80,
      band: 'watch',
    },
    {
      teamId: 'data',
      teamName: 'Data',
      periodId: 'q4',
      periodLabel: '2026 Q4',
      planned: 85,
      band: 'none',
    },
  ],
};

const answer = (questionId: string, question: string, score: number, note?: string) => ({
  questionId,
  question,
  score,
  ...(note !== undefined && { note }),
});

const CADENCES = 'Are our cadences still relevant?';
const TRACKING = 'Are we tracking what matters?';
const SEAT = 'Do we have a seat at the table?';
const OWN = 'Do sponsors read the pack before the meeting?';

/** Out of date order in the file: the section sorts them. */
export const SELF_REVIEWS: readonly SelfReview[] = [
  {
    id: 'sr-3',
    date: '2027-01-10',
    answers: [
      answer('cadences', CADENCES, 4),
      answer('tracking', TRACKING, 2, 'Benefits are not tracked after delivery.'),
      answer('seat', SEAT, 4),
      answer('custom-1', OWN, 1, 'Most read it in the room.'),
    ],
    notes: 'Next quarter: a benefits owner per initiative.',
  },
  {
    id: 'sr-1',
    date: '2026-06-30',
    answers: [answer('cadences', CADENCES, 2), answer('tracking', TRACKING, 3)],
  },
  {
    id: 'sr-later',
    date: '2027-03-31',
    answers: [answer('cadences', CADENCES, 5)],
  },
  {
    id: 'sr-2',
    date: '2026-09-30',
    answers: [
      answer('cadences', CADENCES, 3),
      answer('tracking', TRACKING, 3),
      answer('seat', SEAT, 4),
    ],
  },
];

export const QUESTIONS = { CADENCES, TRACKING, SEAT, OWN };
