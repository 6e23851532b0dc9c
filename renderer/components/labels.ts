import type { InitiativeStatus } from '../../shared/portfolio/types';

export const STATUS_LABELS: Readonly<Record<InitiativeStatus, string>> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const CONTRIBUTION_LABELS: Readonly<Record<number, string>> = {
  1: 'Weak',
  2: 'Medium',
  3: 'Strong',
};
