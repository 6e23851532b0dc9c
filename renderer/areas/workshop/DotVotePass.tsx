/**
 * One participant's dot vote, blind: a row per initiative with − and + (keyboard: Tab to a row,
 * + and − or the buttons). Weighted 3-2-1 voting takes picks in order instead: the first pick
 * counts most. Each change is stored at once; the tally stays hidden until everyone has voted.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Portfolio, Workshop, WorkshopParticipant } from '../../../shared/portfolio/types';
import { sessionInitiatives } from '../../../shared/workshop/session';
import * as edits from '../../db/edits';
import { useAppStore } from '../../state/store';
import { useFinishPass } from './finish-pass';

/** What each pick is worth in weighted voting, in words: "your first pick counts 3, …". */
export function pickWorth(perPerson: number): string {
  if (perPerson === 1) return 'your pick counts 1';
  if (perPerson <= 3) {
    const words = ['first', 'second', 'third'];
    return Array.from(
      { length: perPerson },
      (_, index) =>
        `${index === 0 ? 'your first pick counts' : `your ${words[index]}`} ${perPerson - index}`,
    ).join(', ');
  }
  return `your first pick counts ${perPerson}, each later one 1 less, the last 1`;
}

const ORDINALS = ['1st', '2nd', '3rd'];
function ordinal(place: number): string {
  return ORDINALS[place - 1] ?? `${place}th`;
}

export function DotVotePass({
  portfolio,
  workshop,
  participant,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
  readonly participant: WorkshopParticipant;
}) {
  const notify = useAppStore((state) => state.notify);
  const dots = workshop.dots;
  const initiatives = useMemo(() => sessionInitiatives(workshop, portfolio), [workshop, portfolio]);
  const ballot = (workshop.votes ?? []).filter((vote) => vote.participantId === participant.id);
  const finish = useFinishPass(workshop, participant);
  // A new pass: its heading takes the focus, which the cover's button had.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!dots) return <p>This session has no dot vote.</p>;
  const placed = ballot.reduce((sum, vote) => sum + vote.dots, 0);
  const most = dots.weighted ? 1 : dots.maxPerItem;
  // No more dots than the initiatives can take (5 weighted dots on 3 initiatives are 3).
  const allowance = Math.min(dots.perPerson, initiatives.length * most);
  const left = allowance - placed;

  const change = async (initiativeId: string, step: 1 | -1) => {
    const result = await edits.stepVote(workshop.id, participant.id, initiativeId, step);
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'The vote was refused.');
  };
  return (
    <section className="dot-vote" aria-labelledby="dot-vote-title">
      <h3 id="dot-vote-title" className="scoring__title" tabIndex={-1} ref={heading}>
        {participant.name}: place your dots
      </h3>
      <p className="dot-vote__left" role="status">
        {left === 0
          ? 'All your dots are placed.'
          : `${left} of ${allowance} ${allowance === 1 ? 'dot' : 'dots'} left`}
        {dots.weighted && ` · ${pickWorth(dots.perPerson)}`}
      </p>
      <ul className="dot-vote__list">
        {initiatives.map((initiative) => {
          const at = ballot.findIndex((vote) => vote.initiativeId === initiative.id);
          const mine = at >= 0 ? (ballot[at]?.dots ?? 0) : 0;
          return (
            <li
              key={initiative.id}
              className="dot-vote__row"
              onKeyDown={(event) => {
                if (event.key === '+' || event.key === '=') {
                  event.preventDefault();
                  if (left > 0 && mine < most) void change(initiative.id, 1);
                } else if (event.key === '-') {
                  event.preventDefault();
                  if (mine > 0) void change(initiative.id, -1);
                }
              }}
            >
              <span className="dot-vote__name" id={`dots-${initiative.id}`}>
                {initiative.name}
              </span>
              <span className="dot-vote__dots" aria-hidden="true">
                {'●'.repeat(mine)}
              </span>
              <span className="dot-vote__count">
                {dots.weighted
                  ? mine > 0
                    ? `${ordinal(at + 1)} pick`
                    : ''
                  : `${mine} ${mine === 1 ? 'dot' : 'dots'}`}
              </span>
              <button
                type="button"
                className="button dot-vote__button"
                aria-label={`Take a dot off ${initiative.name}`}
                // aria-disabled, not disabled: the focus stays on the button.
                aria-disabled={mine === 0}
                onClick={() => mine > 0 && void change(initiative.id, -1)}
              >
                −
              </button>
              <button
                type="button"
                className="button dot-vote__button"
                aria-label={
                  dots.weighted
                    ? `Pick ${initiative.name} (${ordinal(ballot.length + 1)} pick)`
                    : `Put a dot on ${initiative.name}`
                }
                aria-disabled={left === 0 || mine >= most}
                onClick={() => left > 0 && mine < most && void change(initiative.id, 1)}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
      <div className="workshop__actions">
        <button type="button" className="button button--primary" onClick={() => void finish()}>
          Finish my vote
        </button>
        {left > 0 && (
          <span className="workshop__hint">
            Unplaced dots are not counted. + and − change the dots of the row in focus.
          </span>
        )}
      </div>
    </section>
  );
}
