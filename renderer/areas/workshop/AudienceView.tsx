/**
 * The audience window: what the room sees on the projector while the laptop shows the
 * facilitator's controls. It follows the facilitator (audience-channel.ts) and reads the session
 * from the shared database. Before the reveal it shows only who is scoring and how far along
 * everyone is: never a score, never a dot.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { formatNumber } from '../../format';
import {
  cellsByDisagreement,
  passProgress,
  revealCells,
  sessionConsensus,
  sessionDots,
} from '../../../shared/workshop/session';
import { DotVoteChart } from '../../charts/DotVoteChart';
import { SpreadChart } from '../../charts/SpreadChart';
import { usePortfolio } from '../../db/hooks';
import { PresentationView } from './present/PresentationView';
import { formatClock } from './Timer';
import {
  currentAudienceState,
  subscribeAudience,
  type AudienceState,
  type AudienceTimer,
} from './audience-channel';
import './workshop.css';

/** The most rows of the spread the room's screen shows at once. */
const AUDIENCE_CELLS = 6;

function useAudienceState(): AudienceState {
  const [state, setState] = useState<AudienceState>(currentAudienceState);
  useEffect(() => subscribeAudience(setState), []);
  return state;
}

function subscribeClock(listener: () => void): () => void {
  const interval = window.setInterval(listener, 250);
  return () => window.clearInterval(interval);
}

function TimerShown({ timer }: { readonly timer: AudienceTimer }) {
  const now = useSyncExternalStore(subscribeClock, () => Math.floor(Date.now() / 250));
  const left = timer.endsAt !== null ? timer.endsAt - now * 250 : (timer.remainingMs ?? 0);
  return (
    <p className={`audience__timer${left <= 0 ? ' audience__timer--up' : ''}`}>
      {timer.label}: {formatClock(left)}
      {left <= 0 && ' · time is up'}
    </p>
  );
}

function Progress({ workshop }: { readonly workshop: Workshop }) {
  const voting = workshop.stage === 'voting';
  const turn = workshop.turn ?? 0;
  return (
    <ol className="audience__people">
      {workshop.participants.map((person, index) => {
        let state: string;
        if (voting) {
          state = index < turn ? 'voted' : index === turn ? 'voting now' : 'waiting';
        } else {
          const { scored, total } = passProgress(workshop, person.id);
          state =
            index === turn
              ? 'scoring now'
              : scored >= total
                ? 'done'
                : index < turn
                  ? `done · ${total - scored} left blank`
                  : 'waiting';
        }
        return (
          <li key={person.id} className={index === turn ? 'audience__person--now' : undefined}>
            <span className="audience__name">{person.name}</span> <span>{state}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Stage({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const names = useMemo(
    () => new Map(portfolio.initiatives.map((entry) => [entry.id, entry.name])),
    [portfolio.initiatives],
  );
  switch (workshop.stage) {
    case 'setup':
      return (
        <>
          {workshop.purpose && <p className="audience__lead">{workshop.purpose}</p>}
          <p className="audience__lead">
            Getting ready: {workshop.participants.map((person) => person.name).join(', ')}
          </p>
        </>
      );
    case 'scoring':
    case 'voting': {
      const who = workshop.participants[workshop.turn ?? 0]?.name ?? '';
      return (
        <>
          <p className="audience__lead">
            {workshop.stage === 'voting'
              ? 'Dot vote'
              : `Blind scoring, round ${workshop.round ?? 1}`}
            : {who}’s turn. Scores stay hidden until everyone has had theirs.
          </p>
          <Progress workshop={workshop} />
        </>
      );
    }
    case 'reveal': {
      // What fits a projected screen, which nobody can scroll: the least agreement first.
      const cells = cellsByDisagreement(revealCells(workshop, portfolio));
      const shown = cells.slice(0, AUDIENCE_CELLS);
      const outliers = shown.flatMap((cell) =>
        cell.outliers.map(
          (sentence) => `${cell.initiativeName}, ${cell.criterion.name}: ${sentence}`,
        ),
      );
      return (
        <>
          <SpreadChart cells={shown} title="How the scores spread" large />
          {cells.length > shown.length && (
            <p className="audience__more">
              The {shown.length} of {cells.length} with the least agreement; the other{' '}
              {cells.length - shown.length} agreed more.
            </p>
          )}
          {outliers.length > 0 && (
            <ul className="audience__outliers" aria-label="Outliers">
              {outliers.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          )}
        </>
      );
    }
    case 'votes': {
      const result = sessionDots(workshop);
      return result && workshop.dots ? (
        <DotVoteChart tally={result.tally} names={names} weighted={workshop.dots.weighted} large />
      ) : null;
    }
    case 'converge': {
      const { cells } = sessionConsensus(workshop, portfolio);
      return (
        <table className="data-table audience__table">
          <caption>Consensus so far</caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Consensus
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={`${cell.initiativeId}:${cell.criterionId}`}>
                <th scope="row">{cell.initiativeName}</th>
                <td>{cell.criterion.name}</td>
                <td className="num">
                  {cell.consensus.kind === 'score' ? formatNumber(cell.consensus.score, 2) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'done':
      return <p className="audience__lead">The outcome is recorded.</p>;
  }
}

export function AudienceView() {
  const portfolio = usePortfolio();
  const state = useAudienceState();
  const workshop = portfolio?.workshops?.find((entry) => entry.id === state.workshopId);
  useEffect(() => {
    document.title = workshop ? `${workshop.title} — Baton audience` : 'Baton — audience';
  }, [workshop]);
  if (!portfolio) {
    return (
      <main className="audience" aria-label="Audience">
        <p className="audience__lead">Opening…</p>
      </main>
    );
  }
  if (!workshop) {
    return (
      <main className="audience" aria-labelledby="audience-title">
        <h1 id="audience-title" className="audience__title">
          Baton
        </h1>
        <p className="audience__lead">Waiting for the facilitator to open a workshop session.</p>
      </main>
    );
  }
  const scenarioId = workshop.outcome?.scenarioId ?? workshop.scenarioId;
  if (state.view === 'present' && scenarioId) {
    return (
      <main className="audience audience--present" aria-label="Audience">
        <PresentationView
          portfolio={portfolio}
          scenarioId={scenarioId}
          title={workshop.title}
          audience
          selectedId={state.selectedId}
        />
      </main>
    );
  }
  return (
    <main className="audience" aria-labelledby="audience-title">
      <h1 id="audience-title" className="audience__title">
        {workshop.title}
      </h1>
      {state.timer && <TimerShown timer={state.timer} />}
      <Stage portfolio={portfolio} workshop={workshop} />
    </main>
  );
}
