/**
 * One proposal on the pipeline board: its title (a link to the proposal), how long it has been in
 * its stage, its sponsor, size and strategic fit, and what blocks it at the gate; a deferred one
 * says when to revisit it, an approved one the initiative it became.
 */
import { memo, type Ref } from 'react';
import { daysBetween } from '../../../shared/intake/dates';
import { evaluateGate, type GateResult } from '../../../shared/intake/gate';
import { enteredStageOn } from '../../../shared/intake/stages';
import {
  OPEN_STAGES,
  stageLabel,
  type IntakeSettings,
  type Proposal,
} from '../../../shared/intake/types';
import { plural } from '../../../shared/format';
import type { Portfolio } from '../../../shared/portfolio/types';
import { localWeights } from '../../../shared/strategy/weights';
import { formatDay } from '../../format';

/** What a card says about its proposal, worked out once per portfolio. */
export type CardFacts = {
  /** Whole days in the current stage, when its history says since when. */
  readonly daysInStage?: number;
  /** "Size M", "Demand per team" or "No size yet". */
  readonly size: string;
  /** Its best objective link: global weight × contribution; undefined when it has none. */
  readonly fit?: number;
  /** The gate's verdict, for a proposal still waiting (not approved, not rejected). */
  readonly gate?: GateResult;
  /** Days past its revisit date, for a deferred proposal whose date has passed. */
  readonly overdueDays?: number;
  /** The name of the initiative it became, when approved. */
  readonly initiativeName?: string;
};

/** The strongest link of `proposal` to an objective: global weight × contribution. */
export function fitScore(
  proposal: Proposal,
  weights: ReturnType<typeof localWeights>['objectives'],
): number | undefined {
  let best: number | undefined;
  for (const link of proposal.objectives ?? []) {
    const weight = weights.get(link.id)?.global;
    if (weight === undefined || !(link.contribution > 0)) continue;
    const fit = weight * link.contribution;
    if (best === undefined || fit > best) best = fit;
  }
  return best;
}

/** The facts of every proposal's card, by proposal id, as of `today`. */
export function cardFacts(
  portfolio: Portfolio,
  settings: IntakeSettings,
  today: string,
): ReadonlyMap<string, CardFacts> {
  const weights = localWeights(portfolio).objectives;
  const initiatives = new Map(portfolio.initiatives.map((item) => [item.id, item.name]));
  const facts = new Map<string, CardFacts>();
  for (const proposal of portfolio.proposals ?? []) {
    const since = enteredStageOn(proposal);
    const days = since === undefined ? undefined : daysBetween(since, today);
    const open = (OPEN_STAGES as readonly string[]).includes(proposal.stage);
    const explicit = proposal.demand !== undefined && Object.keys(proposal.demand).length > 0;
    const overdue =
      proposal.stage === 'deferred' && proposal.revisitOn !== undefined
        ? daysBetween(proposal.revisitOn, today)
        : undefined;
    const fit = fitScore(proposal, weights);
    const initiativeName =
      proposal.initiativeId === undefined ? undefined : initiatives.get(proposal.initiativeId);
    facts.set(proposal.id, {
      ...(days !== undefined && days >= 0 && { daysInStage: days }),
      size: explicit
        ? 'Demand per team'
        : proposal.size !== undefined
          ? `Size ${proposal.size}`
          : 'No size yet',
      ...(fit !== undefined && { fit }),
      ...(open && { gate: evaluateGate(portfolio, proposal, settings) }),
      ...(overdue !== undefined && overdue > 0 && { overdueDays: overdue }),
      ...(initiativeName !== undefined && { initiativeName }),
    });
  }
  return facts;
}

/** "today", "1 day", "12 days". */
function ageText(days: number): string {
  return days === 0 ? 'since today' : `${plural(days, 'day')}`;
}

export type ProposalCardProps = {
  readonly proposal: Proposal;
  readonly facts: CardFacts | undefined;
  readonly settings: IntakeSettings;
  /** Props for the drag handle; absent on the copy that follows the pointer. */
  readonly handle?: {
    readonly ref: Ref<HTMLButtonElement>;
    readonly props: Record<string, unknown>;
  };
  readonly dragging?: boolean;
  readonly overlay?: boolean;
};

export const ProposalCard = memo(function ProposalCard({
  proposal,
  facts,
  settings,
  handle,
  dragging = false,
  overlay = false,
}: ProposalCardProps) {
  const title = proposal.title.trim() || 'Untitled proposal';
  const stage = stageLabel(settings, proposal.stage);
  const gate = facts?.gate;
  const classes = [
    'proposal-card',
    `proposal-card--${proposal.stage}`,
    dragging && 'proposal-card--dragging',
    overlay && 'proposal-card--overlay',
  ]
    .filter(Boolean)
    .join(' ');
  const fit = facts?.fit;
  return (
    <article className={classes} data-proposal-id={proposal.id} aria-label={title}>
      <div className="proposal-card__top">
        {handle ? (
          <button
            type="button"
            className="proposal-card__handle"
            ref={handle.ref}
            aria-label={`Move ${title}, in ${stage}`}
            {...handle.props}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        ) : (
          overlay && (
            <span className="proposal-card__handle" aria-hidden="true">
              ⠿
            </span>
          )
        )}
        {overlay ? (
          <span className="proposal-card__title">{title}</span>
        ) : (
          <a
            className={`proposal-card__title${proposal.title.trim() ? '' : ' proposal-card__title--untitled'}`}
            href={`#/intake/${encodeURIComponent(proposal.id)}`}
          >
            {title}
          </a>
        )}
      </div>
      <p className="proposal-card__meta">
        <span>{proposal.sponsor?.trim() || 'No sponsor yet'}</span>
        <span aria-hidden="true"> · </span>
        <span>{facts?.size ?? ''}</span>
        <span aria-hidden="true"> · </span>
        <span title="Strategic fit: its strongest objective link, global weight × contribution">
          Fit {fit === undefined ? '—' : fit.toFixed(2)}
        </span>
      </p>
      {facts?.daysInStage !== undefined && (
        <p className="proposal-card__age">
          {facts.daysInStage === 0
            ? `In ${stage} since today`
            : `${ageText(facts.daysInStage)} in ${stage}`}
        </p>
      )}
      {proposal.stage === 'deferred' && proposal.revisitOn && (
        <p
          className={`proposal-card__revisit${facts?.overdueDays ? ' proposal-card__revisit--overdue' : ''}`}
        >
          Revisit on {formatDay(proposal.revisitOn)}
          {facts?.overdueDays ? ` · overdue by ${plural(facts.overdueDays, 'day')}` : ''}
        </p>
      )}
      {proposal.stage === 'approved' && (
        <p className="proposal-card__outcome">
          {facts?.initiativeName
            ? `Became the initiative “${facts.initiativeName}”`
            : 'Approved into the portfolio'}
        </p>
      )}
      {gate && (
        <p
          className={`proposal-card__gate ${gate.passed ? 'proposal-card__gate--passed' : 'proposal-card__gate--blocked'}`}
        >
          <span aria-hidden="true">{gate.passed ? '✓ ' : '✕ '}</span>
          {gate.headline}
        </p>
      )}
    </article>
  );
});
