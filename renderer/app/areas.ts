import type { Area } from '../state/slices/navigationSlice';

export type AreaInfo = {
  readonly id: Area;
  readonly label: string;
  /** What the area is for, in a sentence. */
  readonly purpose: string;
  readonly built: boolean;
};

/** The app's areas in the order of the product's pillars. */
export const AREA_INFO: readonly AreaInfo[] = [
  {
    id: 'strategy',
    label: 'Strategy',
    purpose: 'Themes, objectives and success measures, and how well the portfolio covers them.',
    built: true,
  },
  {
    id: 'intake',
    label: 'Intake',
    purpose:
      'Proposals pass a strategic-fit gate before they can be approved; every decision is logged.',
    built: true,
  },
  {
    id: 'portfolio',
    label: 'Portfolio',
    purpose: 'Initiatives, teams and their capacity, periods and budget.',
    built: true,
  },
  {
    id: 'prioritize',
    label: 'Prioritize',
    purpose: 'Drag the ranked stack and watch the capacity cut line, heatmap and roadmap move.',
    built: true,
  },
  {
    id: 'workshop',
    label: 'Workshop',
    purpose:
      'Blind scoring rounds on one laptop and a projector, with the spread of opinions made visible.',
    built: true,
  },
  {
    id: 'cadence',
    label: 'Cadence',
    purpose:
      'The calendar of portfolio reviews, reviews that prepare themselves, and frozen snapshots.',
    built: true,
  },
  {
    id: 'decisions',
    label: 'Decisions',
    purpose: 'The decision log: what was decided, why and by whom; amendments keep the history.',
    built: true,
  },
  {
    id: 'metrics',
    label: 'Metrics',
    purpose:
      'Predictability, budget accuracy, benefit realization, alignment and utilization as trends.',
    built: true,
  },
  {
    id: 'board-pack',
    label: 'Board pack',
    purpose: 'A PDF for the board, built from the portfolio, with the decision record frozen in.',
    built: true,
  },
  {
    id: 'settings',
    label: 'Settings',
    purpose:
      'Your name, the number format, where your data lives, backups, and all your data at once.',
    built: true,
  },
];
