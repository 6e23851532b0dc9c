/**
 * How an initiative's status counts in a plan: cancelled work is never planned; active and done
 * work is committed (under way or delivered) and planned first; only a stop decision (`forced:
 * "out"`) takes committed work out.
 */
import type { Initiative } from '../portfolio/types';

export function isCancelled(initiative: Initiative): boolean {
  return initiative.status === 'cancelled';
}

/** Active or done, and not stopped by `forced: "out"`: the plan must hold it. */
export function isCommitted(initiative: Initiative): boolean {
  return (
    (initiative.status === 'active' || initiative.status === 'done') && initiative.forced !== 'out'
  );
}

/** Placed first by the cut line and required by the optimizer: committed or forced in. */
export function isPinned(initiative: Initiative): boolean {
  return !isCancelled(initiative) && (initiative.forced === 'in' || isCommitted(initiative));
}

/**
 * What planning makes of `forced` once status counts: "out" for cancelled or forced-out work,
 * "in" for committed or forced-in work, nothing for work that competes.
 */
export function plannedForcing(initiative: Initiative): 'in' | 'out' | undefined {
  if (isCancelled(initiative) || initiative.forced === 'out') return 'out';
  return isPinned(initiative) ? 'in' : undefined;
}
