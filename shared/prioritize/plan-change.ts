/**
 * What an edit does to the work the plan had promised: committed (active, done) and approved
 * initiatives that were in the plan before the edit and are not after it, each with the reason the
 * cut line gives. A stop decision (forced out) or a cancellation is a choice, not a surprise, and
 * is not reported.
 */
import type { Initiative, Portfolio } from '../portfolio/types';
import { computeCutLine, describeReason } from './cutline';

export type WorkTakenOut = {
  readonly id: string;
  readonly name: string;
  readonly status: Initiative['status'];
  /** Why it is out now: "Platform is 0.5 FTE short in Q1 2027". */
  readonly reason: string;
};

/** Work the plan must not drop in silence: committed or approved. */
function promised(initiative: Initiative): boolean {
  return (
    initiative.status === 'active' ||
    initiative.status === 'done' ||
    initiative.status === 'approved'
  );
}

/**
 * The committed and approved initiatives placed by the cut line of `before` (in `beforeOrder`)
 * that the cut line of `after` (in `afterOrder`) leaves out, in the order `after` places them.
 */
export function workTakenOut(
  before: Portfolio,
  beforeOrder: readonly string[],
  after: Portfolio,
  afterOrder: readonly string[],
): WorkTakenOut[] {
  const was = computeCutLine(before, beforeOrder);
  const now = computeCutLine(after, afterOrder);
  const initiatives = new Map(after.initiatives.map((item) => [item.id, item]));
  const out: WorkTakenOut[] = [];
  for (const placement of now.placements) {
    if (placement.above || !was.byId.get(placement.id)?.above) continue;
    const initiative = initiatives.get(placement.id);
    if (!initiative || !promised(initiative)) continue;
    if (placement.reason.kind === 'cancelled' || placement.reason.kind === 'forced-out') continue;
    out.push({
      id: initiative.id,
      name: initiative.name,
      status: initiative.status,
      reason: describeReason(placement.reason, after),
    });
  }
  return out;
}

/**
 * The warning an edit deserves, or undefined when it takes nothing promised out: "This change
 * takes WMS upgrade to v12 (active) out of the plan: Platform is 0.5 FTE short in Q1 2027."
 */
export function describeWorkTakenOut(
  out: readonly WorkTakenOut[],
  subject = 'This change',
): string | undefined {
  const [first, ...rest] = out;
  if (!first) return undefined;
  const more =
    rest.length === 0
      ? ''
      : ` Also out: ${rest.map((item) => `${item.name} (${item.status})`).join(', ')}.`;
  return `${subject} takes ${first.name} (${first.status}) out of the plan: ${first.reason}.${more}`;
}
