/**
 * One session: its title and stages, the audience window, and what the stage needs from the
 * facilitator. Every step is stored as it happens, so a reload or a crash resumes here.
 */
import { useState } from 'react';
import type { Portfolio, Workshop, WorkshopStage } from '../../../shared/portfolio/types';
import {
  STAGE_NAMES,
  missingForScoring,
  rankingMoves,
} from '../../../shared/store/operations/workshops';
import { sessionCriteria, sessionInitiatives } from '../../../shared/workshop/session';
import { plural } from '../../../shared/format';
import { formatDecisionDate } from '../../components/DecisionList';
import * as edits from '../../db/edits';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';
import { ConvergeView, VotesView } from './ConvergeView';
import { PassView } from './PassView';
import { RevealView } from './RevealView';
import { useFocusWhenLost } from './focus';
import { SetupForm, minutesText } from './SetupForm';

const STEPS: readonly { readonly stage: WorkshopStage; readonly label: string }[] = [
  { stage: 'setup', label: 'Set-up' },
  { stage: 'scoring', label: 'Blind scoring' },
  { stage: 'reveal', label: 'Reveal' },
  { stage: 'voting', label: 'Dot vote' },
  { stage: 'converge', label: 'Converge' },
  { stage: 'done', label: 'Outcome' },
];

function stepOf(stage: WorkshopStage): WorkshopStage {
  return stage === 'votes' ? 'voting' : stage;
}

function Steps({ workshop }: { readonly workshop: Workshop }) {
  const now = STEPS.findIndex((step) => step.stage === stepOf(workshop.stage));
  return (
    <ol className="steps" aria-label="Stages">
      {STEPS.filter((step) => step.stage !== 'voting' || workshop.dots).map((step) => {
        const index = STEPS.indexOf(step);
        return (
          <li
            key={step.stage}
            className={`steps__step${index === now ? ' steps__step--now' : index < now ? ' steps__step--done' : ''}`}
            aria-current={index === now ? 'step' : undefined}
          >
            {index < now && <span className="visually-hidden">Done: </span>}
            {step.label}
          </li>
        );
      })}
    </ol>
  );
}

/** Says so when the scoring model lost some of the session's criteria since it was set up. */
function ModelChanged({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const gone = sessionCriteria(workshop, portfolio).filter((criterion) => !criterion.inModel);
  if (gone.length === 0) return null;
  return (
    <p className="workshop__warning">
      The scoring model has changed since this session was set up:{' '}
      {gone.map((criterion) => criterion.name).join(', ')} {gone.length === 1 ? 'is' : 'are'} no
      longer {gone.length === 1 ? 'a criterion' : 'criteria'} the room scores. Scores are still
      taken and kept, but {gone.length === 1 ? 'its' : 'their'} consensus will not be applied.
      Switch the model back in Strategy › Scoring to go on as planned.
    </p>
  );
}

function SetupSummary({
  portfolio,
  workshop,
  onEdit,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
  readonly onEdit: () => void;
}) {
  const notify = useAppStore((state) => state.notify);
  const initiatives = sessionInitiatives(workshop, portfolio);
  const criteria = sessionCriteria(workshop, portfolio);
  const missing = missingForScoring(workshop);
  const start = async () => {
    const result = await edits.startScoring(workshop.id);
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Refused.');
  };
  const minutes = workshop.timer ? minutesText(workshop.timer.seconds) : '0';
  return (
    <section className="setup-summary" aria-labelledby="setup-title">
      <h3 id="setup-title">Set-up</h3>
      <dl className="setup-summary__facts">
        <dt>Facilitator</dt>
        <dd>{workshop.facilitator ?? '—'}</dd>
        <dt>Participants</dt>
        <dd>{workshop.participants.map((person) => person.name).join(', ') || 'None yet'}</dd>
        <dt>Initiatives</dt>
        <dd>
          {initiatives.length === 0
            ? 'None yet'
            : `${plural(initiatives.length, 'initiative')}: ${initiatives.map((entry) => entry.name).join(', ')}`}
        </dd>
        <dt>Criteria</dt>
        <dd>
          {criteria.map((criterion) => `${criterion.name} (${criterion.scale.label})`).join(', ') ||
            'None yet'}
        </dd>
        <dt>Timer</dt>
        <dd>
          {workshop.timer
            ? `${minutes} min per ${workshop.timer.per === 'item' ? 'initiative' : 'pass'}`
            : 'None'}
        </dd>
        <dt>Dot vote</dt>
        <dd>
          {workshop.dots
            ? `${plural(workshop.dots.perPerson, 'dot')} each${workshop.dots.weighted ? `, weighted by order (first pick ${workshop.dots.perPerson} points, the last 1)` : `, at most ${workshop.dots.maxPerItem} on one initiative`}`
            : 'None'}
        </dd>
        <dt>Outcome ranks</dt>
        <dd>
          {portfolio.scenarios.find((entry) => entry.id === workshop.scenarioId)?.name ??
            'A new scenario'}
        </dd>
      </dl>
      {missing.length > 0 && (
        <p className="workshop__hint" role="status">
          To start, the session needs {missing.join(', ')}: edit the set-up.
        </p>
      )}
      <div className="workshop__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={missing.length > 0}
          onClick={() => void start()}
        >
          Start blind scoring
        </button>
        <button type="button" className="button" onClick={onEdit}>
          Edit set-up
        </button>
      </div>
    </section>
  );
}

function OutcomeView({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const navigate = useAppStore((state) => state.navigate);
  const outcome = workshop.outcome;
  if (!outcome) {
    return (
      <section className="outcome" aria-labelledby="outcome-title">
        <h3 id="outcome-title">Outcome</h3>
        <p>This session is done, but it holds no record of its outcome (it came from a file).</p>
      </section>
    );
  }
  const scenario = portfolio.scenarios.find((entry) => entry.id === outcome.scenarioId);
  const names = new Map(portfolio.initiatives.map((entry) => [entry.id, entry.name]));
  const moves = rankingMoves(outcome.before, outcome.after, workshop.initiatives).sort(
    (a, b) => (a.to ?? Infinity) - (b.to ?? Infinity),
  );
  return (
    <section className="outcome" aria-labelledby="outcome-title">
      <h3 id="outcome-title">Outcome</h3>
      <p>
        The consensus scores are the initiatives’ scores now, and they rank{' '}
        <strong>{scenario?.name ?? 'a scenario that has since been deleted'}</strong>. The decision
        log records who took part, what was scored and what moved.
      </p>
      <table className="data-table outcome-table">
        <caption>The session’s initiatives, before and after</caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              After
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((move) => {
            const change =
              move.from === undefined || move.to === undefined
                ? 'new'
                : move.to < move.from
                  ? `↑ up ${plural(move.from - move.to, 'place')}`
                  : move.to > move.from
                    ? `↓ down ${plural(move.to - move.from, 'place')}`
                    : 'no change';
            return (
              <tr key={move.id}>
                <th scope="row">{names.get(move.id) ?? move.id}</th>
                <td className="num">{move.from ?? '—'}</td>
                <td className="num">{move.to ?? '—'}</td>
                <td>{change}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="workshop__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!scenario}
          onClick={() =>
            navigate({ area: 'workshop', workshopId: workshop.id, workshopView: 'present' })
          }
        >
          Present the ranking
        </button>
        <button type="button" className="button" onClick={() => navigate({ area: 'decisions' })}>
          Open the decision log
        </button>
        <button type="button" className="button" onClick={() => navigate({ area: 'board-pack' })}>
          Board pack
        </button>
      </div>
    </section>
  );
}

export function SessionView({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  const [editing, setEditing] = useState(false);
  useFocusWhenLost([editing]);
  const openAudience = async () => {
    const result = await getPlatform().openAudienceWindow();
    if (!result.ok) notify('error', result.message);
    else {
      notify(
        'info',
        result.where === 'second-display'
          ? 'The audience window is on the second display.'
          : 'The audience window is open: move it to the projector.',
      );
    }
  };

  let body;
  if (editing) {
    body = <SetupForm portfolio={portfolio} workshop={workshop} onDone={() => setEditing(false)} />;
  } else {
    switch (workshop.stage) {
      case 'setup':
        body = (
          <SetupSummary portfolio={portfolio} workshop={workshop} onEdit={() => setEditing(true)} />
        );
        break;
      case 'scoring':
      case 'voting':
        body = <PassView portfolio={portfolio} workshop={workshop} />;
        break;
      case 'reveal':
        body = <RevealView portfolio={portfolio} workshop={workshop} />;
        break;
      case 'votes':
        body = <VotesView portfolio={portfolio} workshop={workshop} />;
        break;
      case 'converge':
        body = <ConvergeView portfolio={portfolio} workshop={workshop} />;
        break;
      case 'done':
        body = <OutcomeView portfolio={portfolio} workshop={workshop} />;
        break;
    }
  }

  return (
    <section className="area workshop" aria-labelledby="area-title">
      <div className="area__header workshop__header">
        <button
          type="button"
          className="button button--small button--quiet workshop__back"
          onClick={() => navigate({ area: 'workshop', workshopId: null })}
        >
          ‹ All sessions
        </button>
        <h2 id="area-title" tabIndex={-1}>
          {workshop.title}
        </h2>
        <span className="workshop__meta">
          {[workshop.date && formatDecisionDate(workshop.date), STAGE_NAMES[workshop.stage]]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <button
          type="button"
          className="button button--small workshop__audience"
          onClick={() => void openAudience()}
        >
          Open audience window
        </button>
      </div>
      <Steps workshop={workshop} />
      {workshop.stage !== 'done' && <ModelChanged portfolio={portfolio} workshop={workshop} />}
      {body}
    </section>
  );
}
