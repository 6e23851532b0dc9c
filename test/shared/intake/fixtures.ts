/**
 * A small hand-made plan for the intake tests. Platform has 4 FTE a quarter over two quarters.
 * Without any proposal the plan is full: Core platform (active) takes 2 + 2, Customer portal
 * (approved, priority 80) 2 in Q1, Mobile app (proposed, priority 60) 2 in Q2.
 *
 * Objectives: Grow (60 %) with Grow e-commerce revenue (30 % of it: 18 % global) and Win B2B
 * accounts (70 %: 42 %), and Run lean (40 %), a theme without children.
 */
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import {
  DEFAULT_INTAKE_SETTINGS,
  type IntakeSettings,
  type Proposal,
} from '../../../shared/intake/types';

export const CORE: Initiative = {
  id: 'core',
  name: 'Core platform',
  status: 'active',
  demand: { platform: [2, 2] },
};
export const PORTAL: Initiative = {
  id: 'portal',
  name: 'Customer portal',
  status: 'approved',
  scores: { value: 8 },
  demand: { platform: [2] },
};
export const APP: Initiative = {
  id: 'app',
  name: 'Mobile app',
  status: 'proposed',
  scores: { value: 6 },
  demand: { platform: [2] },
};

export function plan(initiatives: readonly Initiative[] = [CORE, PORTAL, APP]): Portfolio {
  return {
    name: 'Small plan',
    currency: 'EUR',
    capacityUnit: 'FTE',
    periods: [
      { id: '2027-Q1', label: 'Q1 2027' },
      { id: '2027-Q2', label: 'Q2 2027' },
    ],
    teams: [
      { id: 'platform', name: 'Platform', capacity: { '2027-Q1': 4, '2027-Q2': 4 } },
      { id: 'data', name: 'Data', capacity: { '2027-Q1': 2, '2027-Q2': 2 } },
    ],
    objectives: [
      { id: 'grow', name: 'Grow', weight: 0.6 },
      { id: 'ecom', name: 'Grow e-commerce revenue', parentId: 'grow', weight: 0.3 },
      { id: 'b2b', name: 'Win B2B accounts', parentId: 'grow', weight: 0.7 },
      { id: 'run', name: 'Run lean', weight: 0.4 },
    ],
    scoring: { model: 'weighted', criteria: [{ id: 'value', name: 'Value', scale: '0-10' }] },
    initiatives,
    scenarios: [{ id: 'base', name: 'Baseline', ranking: ['core', 'portal', 'app'] }],
    decisions: [
      {
        id: 'd-1',
        date: '2027-01-20',
        kind: 'gate',
        title: 'Defer Chatbot',
        decision: 'Deferred to Q2',
      },
    ],
  };
}

/** The defaults, with size templates for this plan's teams and an objective-fit minimum of 0.30. */
export const SETTINGS: IntakeSettings = {
  ...DEFAULT_INTAKE_SETTINGS,
  sizes: {
    S: { duration: 1, demand: { platform: [1] } },
    M: { duration: 1, demand: { platform: [2] }, spend: [50_000] },
    L: { duration: 2, demand: { platform: [2, 2] }, spend: [80_000, 80_000] },
    XL: { duration: 2, demand: { platform: [3, 3], data: [1, 1] } },
  },
  gate: {
    ...DEFAULT_INTAKE_SETTINGS.gate,
    objectiveFit: { enabled: true, minimum: 0.3 },
  },
};

/** A submitted proposal that passes every rule of the gate in `plan()` with `SETTINGS`. */
export const CHAT: Proposal = {
  id: 'p-chat',
  title: 'Customer chat',
  stage: 'screening',
  history: [
    { stage: 'draft', date: '2027-01-04' },
    { stage: 'submitted', date: '2027-01-06' },
    { stage: 'screening', date: '2027-01-11' },
  ],
  problem: 'Customers wait on the phone for simple questions.',
  outcome: 'Half of simple questions answered in the chat.',
  hypothesis: {
    believe: 'a chat on the portal',
    result: 'fewer calls',
    measure: 'calls per 1,000 orders',
  },
  objectives: [{ id: 'ecom', contribution: 3 }],
  sponsor: 'Head of Service',
  owner: 'Ana Ruiz',
  size: 'M',
  scores: { value: 7 },
};
