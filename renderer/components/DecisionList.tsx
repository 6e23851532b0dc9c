/**
 * Decisions of the decision log as cards: when, what kind, what was decided and why, by whom,
 * what they concern (by name, or the id marked deleted when the item is gone), the decision
 * each amends and the one that superseded it.
 */
import { useId } from 'react';
import type { Decision, DecisionConcern } from '../../shared/portfolio/types';
import { supersededBy } from '../../shared/store/operations/decisions';
import { concernKey, concernLabel, DECISION_KIND_LABELS } from './DecisionForm';
import { screenLocale } from './number-text';
import './decisions.css';

/** A date of the log as the screens show it (4 Dec 2026 in English); the ISO date if unreadable. */
export function formatDecisionDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(screenLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    parsed,
  );
}

/** The id of the card of a decision in the page, for links and focus. */
export function decisionCardId(id: string): string {
  return `decision-${id}`;
}

export type DecisionCardProps = {
  readonly decision: Decision;
  /** The whole log, to find the decision this one amends and the one that superseded it. */
  readonly log: readonly Decision[];
  /** The name of what a concern points at; undefined when the item is gone. */
  readonly nameOf: (concern: DecisionConcern) => string | undefined;
  /** Offered on a decision that stands (not superseded). */
  readonly onAmend?: (decision: Decision) => void;
  /** Shows another decision of the log; without it the links are plain text. */
  readonly onShowDecision?: (id: string) => void;
  /** Title, date, kind, decision and whether it was superseded: for a side panel. */
  readonly compact?: boolean;
  readonly headingLevel?: 3 | 4 | 5;
};

/** One decision of the log. */
export function DecisionCard(props: DecisionCardProps) {
  const { decision, log, nameOf, onAmend, onShowDecision, compact } = props;
  const titleId = useId();
  const later = supersededBy(log, decision.id);
  const earlier = decision.supersedes
    ? log.find((entry) => entry.id === decision.supersedes)
    : undefined;
  const Heading = `h${props.headingLevel ?? 3}` as const;

  const link = (id: string, target: Decision | undefined) => {
    const text = target ? `${target.title} (${formatDecisionDate(target.date)})` : id;
    return onShowDecision ? (
      <button type="button" className="link-button" onClick={() => onShowDecision(id)}>
        {text}
      </button>
    ) : (
      <span>{text}</span>
    );
  };

  return (
    <article
      className={`decision-card${later ? ' decision-card--superseded' : ''}${compact ? ' decision-card--compact' : ''}`}
      id={compact ? undefined : decisionCardId(decision.id)}
      tabIndex={compact ? undefined : -1}
      aria-labelledby={titleId}
    >
      <div className="decision-card__header">
        <div className="decision-card__heading">
          <p className="decision-card__meta">
            <time dateTime={decision.date}>{formatDecisionDate(decision.date)}</time>
            <span aria-hidden="true"> · </span>
            <span className={`decision-kind decision-kind--${decision.kind}`}>
              {DECISION_KIND_LABELS[decision.kind] ?? decision.kind}
            </span>
            {later && <span className="badge decision-card__badge">Superseded</span>}
            {earlier && !later && <span className="badge decision-card__badge">Amendment</span>}
          </p>
          <Heading id={titleId} className="decision-card__title">
            {decision.title}
          </Heading>
        </div>
        {onAmend && !later && (
          <button type="button" className="button button--small" onClick={() => onAmend(decision)}>
            Amend <span className="visually-hidden">{decision.title}</span>
          </button>
        )}
      </div>
      <p className="decision-card__decision">{decision.decision}</p>
      <dl className="decision-card__facts">
        {!compact && decision.rationale && (
          <div>
            <dt>Rationale</dt>
            <dd className="decision-card__text">{decision.rationale}</dd>
          </div>
        )}
        {decision.decidedBy && (
          <div>
            <dt>Decided by</dt>
            <dd>{decision.decidedBy}</dd>
          </div>
        )}
        {!compact && decision.concerns && decision.concerns.length > 0 && (
          <div>
            <dt>Concerns</dt>
            <dd>
              <ul className="chips chips--static">
                {decision.concerns.map((concern) => (
                  <li key={concernKey(concern)} className="chip">
                    {concernLabel(concern, nameOf(concern))}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {decision.supersedes && (
          <div>
            <dt>Amends</dt>
            <dd>{link(decision.supersedes, earlier)}</dd>
          </div>
        )}
        {later && (
          <div>
            <dt>Superseded by</dt>
            <dd>{link(later.id, later)}</dd>
          </div>
        )}
        {!compact && decision.fingerprint && (
          <div>
            <dt>Portfolio fingerprint</dt>
            <dd>
              <code>{decision.fingerprint}</code>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

export type DecisionListProps = Omit<DecisionCardProps, 'decision'> & {
  /** The decisions to show, in the order given. */
  readonly decisions: readonly Decision[];
  readonly label: string;
};

/** Decisions as a list of cards. */
export function DecisionList({ decisions, label, ...card }: DecisionListProps) {
  return (
    <ol className="decision-list" aria-label={label}>
      {decisions.map((decision) => (
        <li key={decision.id}>
          <DecisionCard decision={decision} {...card} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The log newest first: by date, and among decisions of one day the one recorded later first
 * (the log keeps the order they were recorded in).
 */
export function newestFirst(log: readonly Decision[]): Decision[] {
  return log
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) =>
      a.decision.date === b.decision.date
        ? b.index - a.index
        : a.decision.date < b.decision.date
          ? 1
          : -1,
    )
    .map((entry) => entry.decision);
}
