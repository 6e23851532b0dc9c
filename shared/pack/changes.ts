/**
 * "What changed since the last review" for a pack made for a review: the portfolio as the
 * previous held review's snapshot froze it against the portfolio as packed, compared on the
 * pack's scenario. Without a previous review, or without its snapshot, a sentence says why there
 * is nothing to compare with.
 */
import { diffIsEmpty, diffPortfolios } from '../cadence/diff';
import type { PortfolioDiff, Review } from '../cadence/types';
import type { Portfolio } from '../portfolio/types';
import type { PackReviewContext } from './types';

/** The previous review as the pack names it: its title and date. */
export type ReviewRef = { readonly id: string; readonly title: string; readonly date: string };

export type ReviewChanges =
  | {
      /** Nothing to compare with: the first review, or the last one kept no readable snapshot. */
      readonly kind: 'none';
      readonly previous?: ReviewRef;
      /** Why, in a sentence. */
      readonly sentence: string;
    }
  | {
      readonly kind: 'diff';
      readonly previous: ReviewRef;
      /** ISO date-time the previous review's snapshot was taken. */
      readonly takenAt?: string;
      /** When this review's own snapshot was taken, when the diff ends at it (a held review). */
      readonly heldTakenAt?: string;
      readonly diff: PortfolioDiff;
      readonly empty: boolean;
      /** The diff in a few sentences (none when nothing changed). */
      readonly sentences: readonly string[];
      /** The section's (and the summary's) opening sentence. */
      readonly lead: string;
    };

/** Most names a sentence lists before it counts the rest ("A, B, C and 6 more"). */
export const NAMES_LISTED = 4;

function listed(names: readonly string[]): string {
  const shown = names.length > NAMES_LISTED ? names.slice(0, NAMES_LISTED - 1) : [...names];
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${rest.toLocaleString('en-GB')} more`] : shown;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * The diff in a few short sentences for the pack, each list of names cut to NAMES_LISTED (the
 * section's tables give every one): what was added and removed, what changed, what crossed the
 * cut line, where capacity and budget changed, and how many decisions were recorded.
 */
export function packDiffSentences(diff: PortfolioDiff): string[] {
  const sentences: string[] = [];
  const names = (items: readonly { readonly name: string }[]) =>
    listed(items.map((item) => item.name));
  if (diff.added.length > 0 && diff.removed.length > 0) {
    sentences.push(
      `${count(diff.added.length, 'initiative was', 'initiatives were')} added (${names(diff.added)}) and ${diff.removed.length.toLocaleString('en-GB')} removed (${names(diff.removed)}).`,
    );
  } else if (diff.added.length > 0) {
    sentences.push(
      `${count(diff.added.length, 'initiative was', 'initiatives were')} added: ${names(diff.added)}.`,
    );
  } else if (diff.removed.length > 0) {
    sentences.push(
      `${count(diff.removed.length, 'initiative was', 'initiatives were')} removed: ${names(diff.removed)}.`,
    );
  }
  if (diff.changed.length > 0) {
    const statuses = diff.changed.filter((change) => change.status).length;
    const values = diff.changed.filter((change) => change.value).length;
    const spends = diff.changed.filter((change) => change.spend).length;
    const demands = diff.changed.filter((change) => change.demand).length;
    const what = [
      statuses > 0 && `${statuses.toLocaleString('en-GB')} in status`,
      values > 0 && `${values.toLocaleString('en-GB')} in value`,
      spends > 0 && `${spends.toLocaleString('en-GB')} in spend`,
      demands > 0 && `${demands.toLocaleString('en-GB')} in demand`,
    ].filter((part): part is string => typeof part === 'string');
    sentences.push(
      `${count(diff.changed.length, 'initiative')} changed (${names(diff.changed)})${
        what.length > 0 ? `: ${what.join(', ')}` : ''
      }.`,
    );
  }
  if (diff.cutLine.length > 0) {
    const into = diff.cutLine.filter((move) => move.direction === 'in');
    const out = diff.cutLine.filter((move) => move.direction === 'out');
    const parts = [
      into.length > 0 &&
        `${count(into.length, 'initiative is', 'initiatives are')} now funded (${names(into)})`,
      out.length > 0 &&
        `${into.length > 0 ? count(out.length, 'is', 'are') : count(out.length, 'initiative is', 'initiatives are')} no longer funded (${names(out)})`,
    ].filter((part): part is string => typeof part === 'string');
    const line = diff.scenario ? `the cut line of “${diff.scenario.name}”` : 'the cut line';
    sentences.push(`Across ${line}, ${parts.join(' and ')}.`);
  }
  if (diff.capacity.length > 0 || diff.budget.length > 0) {
    const teams = [...new Set(diff.capacity.map((change) => change.teamName))];
    const parts = [
      diff.capacity.length > 0 &&
        `the capacity of ${listed(teams)} in ${count(diff.capacity.length, 'team-period')}`,
      diff.budget.length > 0 && `the budget in ${count(diff.budget.length, 'period')}`,
    ].filter((part): part is string => typeof part === 'string');
    sentences.push(`Changed: ${parts.join(', and ')}.`);
  }
  if (diff.decisions.length > 0) {
    sentences.push(
      `${count(diff.decisions.length, 'decision was', 'decisions were')} recorded in between.`,
    );
  }
  return sentences;
}

const refOf = (review: Review): ReviewRef => ({
  id: review.id,
  title: review.title,
  date: review.date,
});

/** "“Monthly portfolio review” on 2026-10-06". */
export function reviewName(review: Pick<ReviewRef, 'title' | 'date'>): string {
  return `“${review.title}” on ${review.date}`;
}

/**
 * What changed since the previous held review, for the pack's scenario (`scenarioId`: the
 * scenario the pack presents; the diff falls back to the first scenario in both).
 */
export function reviewChanges(
  portfolio: Portfolio,
  context: PackReviewContext,
  scenarioId: string | undefined,
): ReviewChanges {
  const { previous, baseline } = context;
  if (!previous) {
    return {
      kind: 'none',
      sentence:
        'This is the first review held: there is no earlier snapshot to compare the portfolio with.',
    };
  }
  const ref = refOf(previous);
  if (!baseline) {
    return {
      kind: 'none',
      previous: ref,
      sentence:
        context.baselineProblem ??
        `The last review, ${reviewName(ref)}, kept no snapshot of the portfolio: there is nothing to compare with.`,
    };
  }
  const after = context.held ?? portfolio;
  const diff = diffPortfolios(baseline, after, scenarioId === undefined ? {} : { scenarioId });
  const empty = diffIsEmpty(diff);
  const sentences = packDiffSentences(diff);
  return {
    kind: 'diff',
    previous: ref,
    ...(context.baselineTakenAt !== undefined && { takenAt: context.baselineTakenAt }),
    ...(context.held && context.heldTakenAt !== undefined && { heldTakenAt: context.heldTakenAt }),
    diff,
    empty,
    sentences,
    lead: empty
      ? `Nothing changed since the last review, ${reviewName(ref)}.`
      : `Since the last review, ${reviewName(ref)}:`,
  };
}
