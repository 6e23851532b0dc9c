/**
 * What the proposal form stores: each change of a list or record field (demand, cost, links,
 * scores, attachments) as the field's whole new value, computed from the stored proposal, for
 * `updateProposal`. Also what a draft still needs before it can be submitted.
 */
import {
  requiredFields,
  isWebAddress,
  MAX_URL_LENGTH,
  webAddressProblem,
} from '../../../shared/intake/rules';
import { proposalDemand } from '../../../shared/intake/approve';
import type {
  Attachment,
  Hypothesis,
  IntakeSettings,
  Proposal,
} from '../../../shared/intake/types';
import { MAX_NAME_LENGTH } from '../../../shared/portfolio/limits';
import type { ObjectiveLink } from '../../../shared/portfolio/types';
import type { ProposalChanges } from '../../db/edits';

/**
 * The active periods a proposal's own lists cover: its longest list, or its duration when longer;
 * at least one.
 */
export function activePeriods(proposal: Pick<Proposal, 'demand' | 'spend' | 'duration'>): number {
  const lengths = [
    ...Object.values(proposal.demand ?? {}).map((list) => list.length),
    proposal.spend?.length ?? 0,
    proposal.duration ?? 0,
  ];
  return Math.max(1, ...lengths);
}

/**
 * The active periods the form shows: the proposal's own lists, or its size's template's periods
 * while the template gives its demand.
 */
export function shownPeriods(proposal: Proposal, settings: Pick<IntakeSettings, 'sizes'>): number {
  return Math.max(activePeriods(proposal), proposalDemand(proposal, settings).duration);
}

/** `list` as `length` numbers: cut, or filled with zeros. */
function sized(list: readonly number[] | undefined, length: number): number[] {
  return Array.from({ length }, (_, index) => list?.[index] ?? 0);
}

/** One team's demand in one active period; an empty cell counts as 0. */
export function demandAt(
  proposal: Proposal,
  teamId: string,
  index: number,
  amount: number | undefined,
  shown = activePeriods(proposal),
): ProposalChanges {
  const list = sized(proposal.demand?.[teamId], Math.max(shown, index + 1));
  list[index] = amount ?? 0;
  return { demand: { ...(proposal.demand ?? {}), [teamId]: list } };
}

/**
 * The cost in one active period; an empty cell counts as 0. A proposal without a cost of its own
 * starts from `fallback`, the size's template's, so that typing one period keeps the others.
 */
export function spendAt(
  proposal: Proposal,
  index: number,
  amount: number | undefined,
  shown = activePeriods(proposal),
  fallback: readonly number[] = [],
): ProposalChanges {
  const list = sized(proposal.spend ?? fallback, Math.max(shown, index + 1));
  list[index] = amount ?? 0;
  return { spend: list };
}

/** A team added to the demand, with 0 in each of the `shown` active periods for now. */
export function teamAdded(
  proposal: Proposal,
  teamId: string,
  shown = activePeriods(proposal),
): ProposalChanges {
  return { demand: { ...(proposal.demand ?? {}), [teamId]: sized(undefined, shown) } };
}

/** A team's demand removed; without any team left, the size's template applies again. */
export function teamRemoved(proposal: Proposal, teamId: string): ProposalChanges {
  const demand: Record<string, readonly number[]> = { ...(proposal.demand ?? {}) };
  delete demand[teamId];
  return { demand };
}

/**
 * The proposal over `periods` active periods: longer, it says so in its duration; shorter, every
 * list loses its last periods.
 */
export function periodsChanged(proposal: Proposal, periods: number): ProposalChanges {
  const cut = (list: readonly number[]) => list.slice(0, periods);
  const demand: Record<string, readonly number[]> = {};
  for (const [team, list] of Object.entries(proposal.demand ?? {})) {
    demand[team] = cut(list);
  }
  const spend = proposal.spend ? cut(proposal.spend) : undefined;
  const longest = Math.max(
    0,
    ...Object.values(demand).map((list) => list.length),
    spend?.length ?? 0,
  );
  return {
    demand,
    spend,
    // The duration is only needed while the lists are shorter than the periods shown.
    duration: periods > longest && periods > 1 ? periods : undefined,
  };
}

/** One criterion's score set, or cleared. */
export function scoreChanged(
  proposal: Proposal,
  criterionId: string,
  score: number | undefined,
): ProposalChanges {
  const scores: Record<string, number> = { ...(proposal.scores ?? {}) };
  if (score === undefined) delete scores[criterionId];
  else scores[criterionId] = score;
  return { scores };
}

/** A link to an objective added (contribution 2, medium, to begin with) or its contribution set. */
export function objectiveLinked(
  proposal: Proposal,
  objectiveId: string,
  contribution = 2,
): ProposalChanges {
  const links = proposal.objectives ?? [];
  const next: ObjectiveLink[] = links.some((link) => link.id === objectiveId)
    ? links.map((link) => (link.id === objectiveId ? { ...link, contribution } : link))
    : [...links, { id: objectiveId, contribution }];
  return { objectives: next };
}

export function objectiveUnlinked(proposal: Proposal, objectiveId: string): ProposalChanges {
  return { objectives: (proposal.objectives ?? []).filter((link) => link.id !== objectiveId) };
}

export type Relation = 'dependsOn' | 'excludes';

export function relationAdded(
  proposal: Proposal,
  relation: Relation,
  initiativeId: string,
): ProposalChanges {
  const ids = proposal[relation] ?? [];
  return { [relation]: ids.includes(initiativeId) ? ids : [...ids, initiativeId] };
}

export function relationRemoved(
  proposal: Proposal,
  relation: Relation,
  initiativeId: string,
): ProposalChanges {
  return { [relation]: (proposal[relation] ?? []).filter((id) => id !== initiativeId) };
}

/**
 * One part of the hypothesis as typed ("we believe … will result in … measured by …"); a part
 * left empty is dropped, and the hypothesis with it when no part is left.
 */
export function hypothesisChanged(
  proposal: Proposal,
  part: 'believe' | 'result' | 'measure',
  text: string,
): ProposalChanges {
  const next: Record<string, unknown> = { ...(proposal.hypothesis ?? {}) };
  if (text === '') delete next[part];
  else next[part] = text;
  const left = (['believe', 'result', 'measure'] as const).some((key) => next[key] !== undefined);
  return { hypothesis: left ? (next as Hypothesis) : undefined };
}

/** What is wrong with an attachment as typed, by field. */
export type AttachmentProblems = { readonly label?: string; readonly url?: string };

/** Why a web address is refused, or undefined when it is one a proposal may link to. */
export function addressProblem(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return 'Enter the address of the document, starting with https://.';
  if (trimmed.length > MAX_URL_LENGTH) {
    return `The address is longer than ${MAX_URL_LENGTH} characters.`;
  }
  if (!isWebAddress(trimmed)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)
      ? `Only web addresses (http:// or https://) are kept: a ${trimmed.split(':')[0]?.toLowerCase() ?? ''}: link could open a file or run a program.`
      : /^https?:\/\//i.test(trimmed)
        ? `The address ${webAddressProblem(trimmed) ?? 'is not a web address'}.`
        : 'Enter a whole web address, starting with http:// or https://, such as https://wiki.example.com/case.';
  }
  return undefined;
}

/** The attachment typed in the form, or what is wrong with it. */
export function readAttachment(
  label: string,
  url: string,
):
  | { readonly ok: true; readonly attachment: Attachment }
  | { readonly ok: false; readonly problems: AttachmentProblems } {
  const name = label.trim();
  const labelProblem =
    name === ''
      ? 'Give the link a label, such as “Business case”.'
      : name.length > MAX_NAME_LENGTH
        ? `The label is longer than ${MAX_NAME_LENGTH} characters.`
        : undefined;
  const urlProblem = addressProblem(url);
  if (labelProblem !== undefined || urlProblem !== undefined) {
    return {
      ok: false,
      problems: {
        ...(labelProblem !== undefined && { label: labelProblem }),
        ...(urlProblem !== undefined && { url: urlProblem }),
      },
    };
  }
  return { ok: true, attachment: { label: name, url: url.trim() } };
}

export function attachmentAdded(proposal: Proposal, attachment: Attachment): ProposalChanges {
  return { attachments: [...(proposal.attachments ?? []), attachment] };
}

export function attachmentChanged(
  proposal: Proposal,
  index: number,
  change: Partial<Pick<Attachment, 'label' | 'url'>>,
): ProposalChanges {
  return {
    attachments: (proposal.attachments ?? []).map((attachment, at) =>
      at === index ? { ...attachment, ...change } : attachment,
    ),
  };
}

export function attachmentRemoved(proposal: Proposal, index: number): ProposalChanges {
  return { attachments: (proposal.attachments ?? []).filter((_, at) => at !== index) };
}

const SUBMISSION_NEEDS = {
  title: 'a title',
  problem: 'the problem it solves',
  sponsor: 'a sponsor',
  size: 'a size (a t-shirt size or demand per team)',
  revisitOn: 'a date to revisit it',
  initiativeId: 'the initiative it became',
} as const;

/** What a proposal still lacks to be submitted, in words ("a sponsor"); empty when nothing. */
export function missingForSubmission(proposal: Proposal): readonly string[] {
  const has = {
    title: proposal.title.trim() !== '',
    problem: (proposal.problem ?? '').trim() !== '',
    sponsor: (proposal.sponsor ?? '').trim() !== '',
    size:
      proposal.size !== undefined ||
      (proposal.demand !== undefined && Object.keys(proposal.demand).length > 0),
    revisitOn: proposal.revisitOn !== undefined,
    initiativeId: proposal.initiativeId !== undefined,
  };
  return requiredFields('submitted')
    .filter((field) => !has[field])
    .map((field) => SUBMISSION_NEEDS[field]);
}

/** A list in words: "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
