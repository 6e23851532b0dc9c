import { memo, type Ref } from 'react';
import type { Placement } from '../../../../shared/prioritize/cutline';
import { placementText } from '../../../../shared/prioritize/line-wording';
import type { Initiative, Portfolio } from '../../../../shared/portfolio/types';
import { initiativeValue } from '../../../../shared/portfolio/measures';
import { formatNumber } from '../../../format';
import { STATUS_LABELS } from '../../../components/labels';

export type StackCardProps = {
  readonly portfolio: Portfolio;
  readonly initiative: Initiative;
  readonly placement: Placement | undefined;
  /** 1-based position in the whole stack. */
  readonly position: number;
  /** Behind the cut line in stack order, yet funded in a gap the cards above left. */
  readonly fitsInGap: boolean;
  readonly selected?: boolean;
  readonly onToggleSelected?: (id: string, extend: boolean) => void;
  /** Props for the drag handle; absent for a pinned card. */
  readonly handle?: {
    readonly ref: Ref<HTMLButtonElement>;
    readonly props: Record<string, unknown>;
  };
  readonly overlay?: boolean;
  readonly dragging?: boolean;
  /** One line: for the pinned cards above the stack. */
  readonly compact?: boolean;
  /**
   * False: the card's checkbox and link are out of the Tab order (the stack keeps one card in
   * it and moves between cards with the arrow keys).
   */
  readonly tabbable?: boolean;
};

/** What the card says about its place: its start, or why it does not fit. */
export { placementText };

/** What each status means for the plan, in a card's tooltip. */
const STATUS_MEANING: Readonly<Record<Initiative['status'], string>> = {
  proposed: 'Proposed: competes for capacity',
  approved: 'Approved: competes for capacity',
  active: 'Active: committed, placed first',
  done: 'Done: committed, placed first',
  cancelled: 'Cancelled: never planned',
};

function ignoreChange(): void {}

/** One initiative in the ranked stack. */
export const StackCard = memo(function StackCard({
  portfolio,
  initiative,
  placement,
  position,
  fitsInGap,
  selected = false,
  onToggleSelected,
  handle,
  overlay = false,
  dragging = false,
  compact = false,
  tabbable = true,
}: StackCardProps) {
  const value = initiativeValue(initiative, portfolio);
  const above = placement?.above ?? false;
  const pulledBy =
    placement?.pulledBy !== undefined
      ? portfolio.initiatives.find((item) => item.id === placement.pulledBy)?.name
      : undefined;
  const status = placementText(portfolio, placement);
  const classes = [
    'stack-card',
    above ? 'stack-card--above' : 'stack-card--below',
    selected && 'stack-card--selected',
    dragging && 'stack-card--dragging',
    overlay && 'stack-card--overlay',
    compact && 'stack-card--compact',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-initiative-id={initiative.id}>
      {handle ? (
        <button
          type="button"
          className="stack-card__handle"
          ref={handle.ref}
          aria-label={`Move ${initiative.name}, position ${position}`}
          {...handle.props}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      ) : overlay ? (
        <span className="stack-card__handle" aria-hidden="true">
          ⠿
        </span>
      ) : (
        <span
          className="stack-card__pin"
          title={initiative.forced === 'in' ? 'Forced in: placed first' : 'Committed: placed first'}
          aria-hidden="true"
        >
          ⚑
        </span>
      )}
      {onToggleSelected && (
        <input
          type="checkbox"
          className="stack-card__select"
          tabIndex={tabbable ? undefined : -1}
          checked={selected}
          aria-label={`Select ${initiative.name}`}
          // Click (also fired by Space) carries Shift, for selecting a range.
          onClick={(event) => onToggleSelected(initiative.id, event.shiftKey)}
          onChange={ignoreChange}
        />
      )}
      <span className="stack-card__position" aria-hidden="true">
        {position}
      </span>
      <div className="stack-card__body">
        <div className="stack-card__title">
          <a
            className="stack-card__name"
            tabIndex={tabbable ? undefined : -1}
            href={`#/portfolio/initiatives/${encodeURIComponent(initiative.id)}`}
            title={initiative.name}
          >
            {initiative.name}
          </a>
          {initiative.forced === 'in' && !compact && (
            <span className="badge badge--forced-in">Forced in</span>
          )}
          {initiative.forced === 'out' && (
            <span className="badge badge--forced-out">Forced out</span>
          )}
          {fitsInGap && <span className="badge badge--gap">Funded in a gap</span>}
          <span
            className={`badge status status--${initiative.status}`}
            data-testid="card-status"
            title={STATUS_MEANING[initiative.status]}
          >
            {STATUS_LABELS[initiative.status]}
          </span>
        </div>
        <div className="stack-card__status" title={status}>
          <span className={above ? 'stack-card__start' : 'stack-card__reason'}>{status}</span>
          {pulledBy && <span className="stack-card__pulled"> · pulled up by {pulledBy}</span>}
        </div>
      </div>
      <span className="stack-card__value" title="Value">
        {value === undefined ? '—' : formatNumber(value)}
      </span>
    </div>
  );
});
