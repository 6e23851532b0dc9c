/**
 * A worked example for the pack made for a review: two monthly portfolio reviews, the first held
 * on 2026-10-06 (its snapshot is `BEFORE`), the second held on 2026-11-03 (the pack's review),
 * and a third planned on 2026-12-01.
 *
 * One team, Platform, and two months. Before: capacity 10 in each; Core platform (active, 5 + 5),
 * Web shop (5 in November) and Big bet (8 + 8) ranked in that order: Core and Web shop fit, Big
 * bet does not (November would need 5 + 5 + 8 = 18).
 *
 * Now: Web shop is removed, Mobile app (2 in November) added, Big bet's value 300 → 320, and the
 * capacity raised to 18 in each month. Ranked Core, Big bet, Mobile app: all three fit (November
 * 5 + 8 + 2 = 15, December 5 + 8 = 13). So Big bet crosses the cut line into the plan (3rd → 2nd),
 * and the decision "Stop the web shop" (2026-10-20) was recorded in between.
 */
import type { Review, ReviewAction, Snapshot } from '../../../shared/cadence/types';
import { fingerprint } from '../../../shared/pack/content';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';

const BASE = {
  name: 'Review pack test',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: [
    { id: 'nov', label: 'Nov 2026' },
    { id: 'dec', label: 'Dec 2026' },
  ],
  objectives: [],
} as const;

export const BEFORE: Portfolio = {
  ...BASE,
  periods: [...BASE.periods],
  objectives: [],
  teams: [{ id: 'platform', name: 'Platform', capacity: { nov: 10, dec: 10 } }],
  initiatives: [
    {
      id: 'core',
      name: 'Core platform',
      status: 'active',
      value: 100,
      demand: { platform: [5, 5] },
      spend: [100, 100],
    },
    {
      id: 'shop',
      name: 'Web shop',
      status: 'proposed',
      value: 80,
      demand: { platform: [5] },
      spend: [150],
    },
    {
      id: 'big',
      name: 'Big bet',
      status: 'proposed',
      value: 300,
      demand: { platform: [8, 8] },
      spend: [200, 200],
    },
  ],
  scenarios: [{ id: 'main', name: 'Main plan', ranking: ['core', 'shop', 'big'] }],
};

const BEFORE_TEXT = writePortfolio(BEFORE);

export const SNAPSHOT: Snapshot = {
  id: 'snap-r1',
  reviewId: 'r1',
  label: 'Portfolio review, 2026-10-06',
  takenAt: '2026-10-06T11:02:00.000Z',
  fingerprint: fingerprint(BEFORE_TEXT),
  text: BEFORE_TEXT,
};

const R1: Review = {
  id: 'r1',
  title: 'October portfolio review',
  kind: 'portfolio-review',
  date: '2026-10-06',
  time: '10:00',
  status: 'held',
  agenda: [{ id: 'r1-i1', kind: 'custom', title: 'Web shop', outcome: 'discussed' }],
  heldAt: '2026-10-06T11:02:00.000Z',
  snapshotId: 'snap-r1',
};

export const R2: Review = {
  id: 'r2',
  title: 'November portfolio review',
  kind: 'portfolio-review',
  date: '2026-11-03',
  time: '10:00',
  status: 'held',
  agenda: [
    {
      id: 'r2-i1',
      kind: 'at-risk',
      title: 'Big bet is behind plan',
      detail: 'Planned 50% done by now, reported 20%.',
      minutes: 15,
      notes: 'Agreed to add two engineers from January.',
      outcome: 'discussed',
      decisions: ['d2'],
      refs: [{ kind: 'initiative', id: 'big' }],
    },
    { id: 'r2-i2', kind: 'custom', title: 'Budget for 2027', minutes: 20, outcome: 'carried' },
    { id: 'r2-i3', kind: 'actions', title: 'Open actions', minutes: 5 },
  ],
  attendance: [
    { name: 'Ana Lima', present: true },
    { name: 'Ben Okafor', present: true },
    { name: 'Chris Vogel', present: false },
  ],
  notes: 'The board asked for the 2027 budget draft before the December review.',
  heldAt: '2026-11-03T11:10:00.000Z',
};

const R3: Review = {
  id: 'r3',
  title: 'December portfolio review',
  kind: 'portfolio-review',
  date: '2026-12-01',
  time: '10:00',
  status: 'planned',
  agenda: [],
};

export const ACTIONS: readonly ReviewAction[] = [
  {
    id: 'a1',
    title: 'Draft the 2027 budget',
    owner: 'Ben Okafor',
    due: '2026-10-31',
    reviewId: 'r1',
  },
  // Closed before the November review: not on its minutes.
  { id: 'a2', title: 'Ask finance for Q4 actuals', reviewId: 'r1', closedOn: '2026-10-15' },
  {
    id: 'a3',
    title: 'Price the web shop licence',
    owner: 'Ana Lima',
    reviewId: 'r1',
    closedOn: '2026-11-03',
    closedNote: 'dropped with the web shop',
  },
  {
    id: 'a4',
    title: 'Hire two engineers for Big bet',
    owner: 'Ana Lima',
    due: '2026-12-01',
    reviewId: 'r2',
    agendaItemId: 'r2-i1',
  },
];

export const NOW: Portfolio = {
  ...BASE,
  periods: [...BASE.periods],
  objectives: [],
  teams: [{ id: 'platform', name: 'Platform', capacity: { nov: 18, dec: 18 } }],
  initiatives: [
    {
      id: 'core',
      name: 'Core platform',
      status: 'active',
      value: 100,
      demand: { platform: [5, 5] },
      spend: [100, 100],
    },
    {
      id: 'big',
      name: 'Big bet',
      status: 'proposed',
      value: 320,
      demand: { platform: [8, 8] },
      spend: [200, 200],
    },
    {
      id: 'app',
      name: 'Mobile app',
      status: 'proposed',
      value: 50,
      demand: { platform: [2] },
      spend: [20],
    },
  ],
  scenarios: [{ id: 'main', name: 'Main plan', ranking: ['core', 'big', 'app'] }],
  decisions: [
    {
      id: 'd1',
      date: '2026-10-20',
      kind: 'stop-continue',
      title: 'Stop the web shop',
      decision: 'The web shop is stopped; the team moves to Big bet.',
    },
    {
      id: 'd2',
      date: '2026-11-03',
      kind: 'review',
      title: 'Add two engineers to Big bet',
      decision: 'Two engineers join Big bet in January.',
      decidedBy: 'Portfolio board',
      concerns: [
        { kind: 'review', id: 'r2' },
        { kind: 'initiative', id: 'big' },
      ],
    },
  ],
  reviews: [R1, R2, R3],
  actions: ACTIONS,
};

/** The same, as a file with the first review's snapshot in it. */
export const NOW_WITH_SNAPSHOT: Portfolio = { ...NOW, snapshots: [SNAPSHOT] };
