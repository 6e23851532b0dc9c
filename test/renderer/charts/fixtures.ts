import type { CutLine, Placement } from '../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../shared/portfolio/types';

export const PERIODS = [
  { id: 'p1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
  { id: 'p2', label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
  { id: 'p3', label: 'Q3 2027', start: '2027-07-01', end: '2027-09-30' },
  { id: 'p4', label: 'Q4 2027', start: '2027-10-01', end: '2027-12-31' },
] as const;

/** Two teams (Ops has capacity in the first quarter only), a budget for the first half-year. */
export const SMALL: Portfolio = {
  name: 'Small',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: PERIODS,
  teams: [
    { id: 'dev', name: 'Development', capacity: { p1: 10, p2: 10, p3: 10, p4: 10 } },
    { id: 'ops', name: 'Operations', capacity: { p1: 4 } },
  ],
  budget: { p1: 100, p2: 100 },
  objectives: [],
  initiatives: [
    { id: 'fleet', name: 'Fleet telematics', status: 'approved', demand: { dev: [5, 5] } },
    {
      id: 'route',
      name: 'Route optimization',
      status: 'approved',
      demand: { dev: [4] },
      dependsOn: ['fleet'],
    },
    { id: 'wms', name: 'WMS upgrade', status: 'active', start: 'p2', demand: { dev: [1, 1] } },
    { id: 'later', name: 'Later thing', status: 'proposed', demand: { dev: [2] } },
  ],
  scenarios: [],
};

/** A cut line built by hand, so that the heatmap can show states the engine never produces. */
export function handCutLine(
  usage: Record<string, number[]>,
  spend: number[],
  placements: Placement[] = [],
): CutLine {
  return {
    placements,
    byId: new Map(placements.map((placement) => [placement.id, placement])),
    usage,
    spend,
  };
}
