/**
 * A small portfolio with a finished workshop session, for the tests of the pack's workshop
 * summary (here and in test/renderer/pack). Three participants score three initiatives on two
 * criteria of a weighted model (1–5 and 1–10): Sam's 1 for the data platform's customer value is
 * an outlier, the scanning's urgency was split 2 / 9 / 5 and re-scored in round 2, the facilitator
 * called the data platform's urgency, and the session ranked "After the workshop".
 */
import type { Portfolio, Workshop, WorkshopScore } from '../../../shared/portfolio/types';

const PEOPLE = ['priya', 'sam', 'lee'] as const;

/** Scores of one criterion in one round: initiative id → Priya's, Sam's and Lee's. */
function round(
  criterionId: string,
  values: Readonly<Record<string, readonly [number, number, number]>>,
  number = 1,
): WorkshopScore[] {
  return Object.entries(values).flatMap(([initiativeId, scores]) =>
    scores.map((value, index) => ({
      participantId: PEOPLE[index] as string,
      initiativeId,
      criterionId,
      value,
      round: number,
    })),
  );
}

export const FINISHED_SESSION: Workshop = {
  id: 'ws-q1',
  title: 'Q1 prioritisation workshop',
  purpose: 'Agree which of the three platform bets goes first in 2027.',
  date: '2027-01-12',
  facilitator: 'Dana Okafor',
  participants: [
    { id: 'priya', name: 'Priya' },
    { id: 'sam', name: 'Sam' },
    { id: 'lee', name: 'Lee' },
  ],
  initiatives: ['crm', 'wms', 'data'],
  criteria: ['value', 'urgency'],
  dots: { perPerson: 3, weighted: true, maxPerItem: 2 },
  scenarioId: 'after',
  stage: 'done',
  round: 2,
  scores: [
    ...round('value', { crm: [4, 4, 5], wms: [2, 3, 2], data: [4, 1, 5] }),
    ...round('urgency', { crm: [7, 8, 7], wms: [2, 9, 5], data: [3, 8, 6] }),
    ...round('urgency', { wms: [6, 7, 6] }, 2),
  ],
  // Weighted 3-2-1, one dot a vote, in the order placed: the data platform 3+2 (Priya) + 3+2
  // (Lee) = 10, the CRM 1 + 3+2 (Sam) + 1 = 7, the scanning 1.
  votes: [
    { participantId: 'priya', initiativeId: 'data', dots: 1 },
    { participantId: 'priya', initiativeId: 'data', dots: 1 },
    { participantId: 'priya', initiativeId: 'crm', dots: 1 },
    { participantId: 'sam', initiativeId: 'crm', dots: 1 },
    { participantId: 'sam', initiativeId: 'crm', dots: 1 },
    { participantId: 'sam', initiativeId: 'wms', dots: 1 },
    { participantId: 'lee', initiativeId: 'data', dots: 1 },
    { participantId: 'lee', initiativeId: 'data', dots: 1 },
    { participantId: 'lee', initiativeId: 'crm', dots: 1 },
  ],
  calls: [
    {
      initiativeId: 'data',
      criterionId: 'urgency',
      value: 8,
      note: 'The regulator’s reporting deadline in Q3 makes this urgent.',
    },
  ],
  outcome: {
    scenarioId: 'after',
    before: ['wms', 'hr', 'crm', 'data'],
    after: ['data', 'crm', 'hr', 'wms'],
    recordedAt: '2027-01-12T16:30:00.000Z',
  },
};

export const WORKSHOP_PORTFOLIO: Portfolio = {
  name: 'Workshop test portfolio',
  currency: 'EUR',
  periods: [],
  teams: [],
  objectives: [],
  scoring: {
    model: 'weighted',
    criteria: [
      { id: 'value', name: 'Customer value', weight: 2, scale: '1-5' },
      { id: 'urgency', name: 'Urgency', weight: 1, scale: '1-10' },
    ],
  },
  initiatives: [
    { id: 'crm', name: 'CRM renewal', status: 'proposed' },
    { id: 'wms', name: 'Warehouse scanning', status: 'proposed' },
    { id: 'data', name: 'Data platform', status: 'proposed' },
    { id: 'hr', name: 'HR portal', status: 'proposed' },
  ],
  scenarios: [
    { id: 'before', name: 'Baseline', ranking: ['wms', 'hr', 'crm', 'data'] },
    { id: 'after', name: 'After the workshop', ranking: ['data', 'crm', 'hr', 'wms'] },
  ],
  workshops: [
    {
      ...FINISHED_SESSION,
      id: 'ws-old',
      title: 'Autumn scoring session',
      date: '2026-10-05',
      outcome: { scenarioId: 'before', before: [], after: ['wms', 'hr', 'crm', 'data'] },
    },
    FINISHED_SESSION,
    {
      ...FINISHED_SESSION,
      id: 'ws-next',
      title: 'Q2 workshop, under way',
      date: '2027-03-02',
      stage: 'voting',
      outcome: undefined,
    },
  ],
};
