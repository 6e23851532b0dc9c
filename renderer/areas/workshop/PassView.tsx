/**
 * Pass the laptop: whose turn it is, a cover screen between participants so that nobody sees
 * another's scores or dots, and the facilitator's way to type for someone who calls out. The
 * pass itself is a scoring pass or a dot vote.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { plural } from '../../../shared/format';
import { dotsPlaced, passProgress, sessionInitiatives } from '../../../shared/workshop/session';
import * as edits from '../../db/edits';
import { useAppStore } from '../../state/store';
import { DotVotePass } from './DotVotePass';
import { ScoringPass } from './ScoringPass';

/** Hands the session to participant `turn`; reports a refusal. */
export async function handTo(workshop: Workshop, turn: number): Promise<void> {
  const result = await edits.takeTurn(workshop.id, turn);
  if (!result.ok) {
    useAppStore.getState().notify('error', result.problems[0]?.message ?? 'Refused.');
  }
}

function Cover({
  name,
  what,
  onReady,
  children,
}: {
  readonly name: string;
  readonly what: string;
  readonly onReady: () => void;
  readonly children?: ReactNode;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [name]);
  return (
    <div className="cover" role="region" aria-labelledby="cover-title">
      <h3 id="cover-title" className="cover__title">
        Hand the laptop to {name}
      </h3>
      <p className="cover__lead">
        {what} Nobody else should see the screen. Press Enter when ready.
      </p>
      <button
        ref={button}
        type="button"
        className="button button--primary cover__ready"
        onClick={onReady}
      >
        I’m {name}: start
      </button>
      {children}
    </div>
  );
}

export function PassView({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const voting = workshop.stage === 'voting';
  const turn = workshop.turn ?? 0;
  const person = workshop.participants[turn];
  // The cover is up again whenever the pass changes hands, back and forth too (an undo), or the
  // page is reloaded: a pass is open only for the hands it was opened in.
  const passKey = `${workshop.id}:${workshop.stage}:${workshop.round ?? 1}:${turn}`;
  const [pass, setPass] = useState({ key: passKey, open: false });
  if (pass.key !== passKey) setPass({ key: passKey, open: false });
  const covered = pass.key !== passKey || !pass.open;
  if (!person) return <p>This session has no participant {turn + 1}.</p>;

  const progressOf = (id: string) => {
    if (voting) {
      const { placed, total } = dotsPlaced(workshop, id);
      return `${placed} of ${total} dots`;
    }
    const { scored, total } = passProgress(workshop, id);
    return `${scored} of ${total} scored`;
  };
  const rescore = workshop.rescore;
  const rescoreName = rescore
    ? portfolio.initiatives.find((entry) => entry.id === rescore.initiativeId)?.name
    : undefined;
  const what = voting
    ? 'Place your dots on the initiatives you would do first.'
    : rescore
      ? `Score ${rescoreName ?? 'one initiative'} again.`
      : `Score ${plural(sessionInitiatives(workshop, portfolio).length, 'initiative')}.`;

  return (
    <div className="pass">
      <div className="pass__strip" role="group" aria-label="Turns">
        <span className="pass__round">
          {voting ? 'Dot vote' : `Blind scoring · round ${workshop.round ?? 1}`}
          {rescoreName && ` · re-scoring ${rescoreName}`}
        </span>
        <ol className="pass__people">
          {workshop.participants.map((entry, index) => {
            const now = index === turn;
            const progress = (
              <span className="pass__progress">
                {' '}
                · {covered || !now ? progressOf(entry.id) : voting ? 'voting now' : 'scoring now'}
              </span>
            );
            // While a pass is open nobody else's can be: the names only show progress.
            return (
              <li key={entry.id}>
                {covered ? (
                  <button
                    type="button"
                    className={`pass__person${now ? ' pass__person--now' : ''}`}
                    aria-current={now ? 'step' : undefined}
                    title={
                      now ? `${entry.name}’s turn` : `Hand the laptop to ${entry.name} instead`
                    }
                    onClick={() => (now ? undefined : void handTo(workshop, index))}
                  >
                    {entry.name}
                    {progress}
                  </button>
                ) : (
                  <span
                    className={`pass__person${now ? ' pass__person--now' : ''}`}
                    aria-current={now ? 'step' : undefined}
                  >
                    {entry.name}
                    {progress}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      {covered ? (
        <Cover name={person.name} what={what} onReady={() => setPass({ key: passKey, open: true })}>
          <p className="workshop__hint">
            Typing for someone who calls out their scores? Choose their name above, then start.
          </p>
        </Cover>
      ) : voting ? (
        <DotVotePass portfolio={portfolio} workshop={workshop} participant={person} />
      ) : (
        <ScoringPass portfolio={portfolio} workshop={workshop} participant={person} />
      )}
    </div>
  );
}
