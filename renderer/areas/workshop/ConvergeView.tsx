/**
 * After the reveal: the dot-vote result, then converge. Each initiative's consensus on each
 * criterion is the median of the latest scores unless the facilitator makes a call, with a note
 * that says why. Applying the outcome writes the scores, ranks the scenario and logs a decision.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { sessionConsensus, sessionDots, type RevealedCell } from '../../../shared/workshop/session';
import type { ConsensusDecision } from '../../../shared/workshop/consensus';
import { DotVoteChart } from '../../charts/DotVoteChart';
import * as edits from '../../db/edits';
import { formatNumber, localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { scaleChoices } from './ScoringPass';

export function VotesView({
  portfolio,
  workshop,
  standalone = true,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
  /** With the buttons that move the session on. */
  readonly standalone?: boolean;
}) {
  const notify = useAppStore((state) => state.notify);
  const result = useMemo(() => sessionDots(workshop), [workshop]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Shown on its own, after the last vote: the focus goes to the result.
  useEffect(() => {
    if (standalone) heading.current?.focus();
  }, [standalone]);
  const names = useMemo(
    () => new Map(portfolio.initiatives.map((entry) => [entry.id, entry.name])),
    [portfolio.initiatives],
  );
  if (!result || !workshop.dots) return null;
  const converge = async () => {
    const outcome = await edits.goToWorkshopStage(workshop.id, 'converge');
    if (!outcome.ok) notify('error', outcome.problems[0]?.message ?? 'Refused.');
  };
  return (
    <section className="votes" aria-labelledby="votes-title">
      <h3 id="votes-title" tabIndex={-1} ref={heading}>
        Dot vote
      </h3>
      {result.problems.length > 0 && (
        <ul className="workshop__problems">
          {result.problems.map((problem) => (
            <li key={problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <DotVoteChart tally={result.tally} names={names} weighted={workshop.dots.weighted} />
      {standalone && (
        <div className="workshop__actions">
          <button type="button" className="button button--primary" onClick={() => void converge()}>
            Converge
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void edits.goToWorkshopStage(workshop.id, 'reveal')}
          >
            Back to the reveal
          </button>
        </div>
      )}
    </section>
  );
}

type Cell = RevealedCell & { readonly consensus: ConsensusDecision };

function callButtonId(key: string): string {
  return `call-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function CallEditor({
  workshop,
  cell,
  onClose,
}: {
  readonly workshop: Workshop;
  readonly cell: Cell;
  readonly onClose: () => void;
}) {
  const held = workshop.calls?.find(
    (call) => call.initiativeId === cell.initiativeId && call.criterionId === cell.criterionId,
  );
  const choices = scaleChoices(cell.criterion.scale);
  const start = held?.value ?? (cell.consensus.kind === 'score' ? cell.consensus.score : undefined);
  // A list starts on a choice it has, or on none (no scores; a median between two choices).
  const [value, setValue] = useState(
    start === undefined || (choices && !choices.includes(start)) ? '' : String(start),
  );
  const [note, setNote] = useState(held?.note ?? '');
  const [problem, setProblem] = useState('');
  const save = async () => {
    const number = Number(value.trim().replace(',', '.'));
    const { scale } = cell.criterion;
    const on =
      value.trim() !== '' &&
      Number.isFinite(number) &&
      (scale.kind === 'set'
        ? scale.values.includes(number)
        : number >= scale.min && number <= scale.max);
    if (!on) {
      setProblem(`Choose a score on the ${scale.label} scale.`);
      return;
    }
    if (note.trim() === '') {
      setProblem('Say why in a note: a call without a reason is not recorded.');
      return;
    }
    const result = await edits.setWorkshopCall(
      workshop.id,
      { initiativeId: cell.initiativeId, criterionId: cell.criterionId },
      { value: number, note },
    );
    if (!result.ok) setProblem(result.problems[0]?.message ?? 'Refused.');
    else onClose();
  };
  const label = `${cell.initiativeName}, ${cell.criterion.name}`;
  return (
    <div
      className="call-editor"
      data-native-undo
      role="group"
      aria-label={`Your call on ${label}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label className="field field--inline">
        <span className="field__label">Score</span>
        {choices ? (
          <select value={value} onChange={(event) => setValue(event.target.value)} autoFocus>
            {!choices.includes(Number(value)) && <option value="">Choose…</option>}
            {choices.map((choice) => (
              <option key={choice} value={String(choice)}>
                {formatNumber(choice, 2)}
              </option>
            ))}
          </select>
        ) : (
          <input
            inputMode="decimal"
            size={6}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            autoFocus
          />
        )}
      </label>
      <label className="field field--inline call-editor__note">
        <span className="field__label">Why</span>
        <input
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            }
          }}
          maxLength={10000}
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void save()}
      >
        Save call
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Cancel
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function ConvergeView({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const consensus = useMemo(() => sessionConsensus(workshop, portfolio), [workshop, portfolio]);
  const [editing, setEditing] = useState<string | null>(null);
  /** The row whose "Your call" button takes the focus back once its editor closes. */
  const [focusRow, setFocusRow] = useState<string | null>(null);
  useEffect(() => {
    if (!focusRow || editing) return;
    document.getElementById(callButtonId(focusRow))?.focus();
    setFocusRow(null);
  }, [focusRow, editing, workshop]);
  // The notes as stored, again, after an undo or a change in another window.
  useEffect(() => setNotes(workshop.notes ?? ''), [workshop.notes]);
  const [notes, setNotes] = useState(workshop.notes ?? '');
  const [scenarioName, setScenarioName] = useState(`Workshop: ${workshop.title}`);
  const [applying, setApplying] = useState(false);
  const target = portfolio.scenarios.find((entry) => entry.id === workshop.scenarioId);
  const format = (value: number) => formatNumber(value, 2);

  const saveNotes = async () => {
    if ((workshop.notes ?? '') === notes) return;
    const result = await edits.setWorkshopNotes(workshop.id, notes);
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'The notes were refused.');
  };
  const apply = async () => {
    setApplying(true);
    try {
      await saveNotes();
      const result = await edits.applyWorkshopOutcome(workshop.id, {
        date: localToday(),
        scenarioName,
      });
      if (!result.ok) {
        notify(
          'error',
          `The outcome was not applied: ${result.problems[0]?.message ?? 'refused'}.`,
        );
        return;
      }
      notify(
        'success',
        `Applied: the consensus scores rank the scenario, and the decision is logged.`,
      );
      navigate({ area: 'workshop', workshopId: workshop.id, workshopView: 'session' });
    } finally {
      setApplying(false);
    }
  };
  const reset = async (cell: Cell) => {
    const result = await edits.setWorkshopCall(
      workshop.id,
      { initiativeId: cell.initiativeId, criterionId: cell.criterionId },
      undefined,
    );
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Refused.');
  };
  // A criterion the scoring model no longer has is not applied, so it blocks nothing.
  const problems = consensus.cells.filter(
    (cell) => cell.consensus.kind === 'problem' && cell.criterion.inModel,
  );
  const gone = [
    ...new Set(
      consensus.cells.filter((cell) => !cell.criterion.inModel).map((cell) => cell.criterion.name),
    ),
  ];

  return (
    <section className="converge" aria-labelledby="converge-title">
      {workshop.dots && <VotesView portfolio={portfolio} workshop={workshop} standalone={false} />}
      <h3 id="converge-title">Converge</h3>
      <p className="workshop__hint">
        Each consensus is the median of the latest scores, on the criterion’s scale. Make your own
        call where the room agreed on something else, with a note that says why.
      </p>
      <div className="table-scroll">
        <table className="data-table converge-table">
          <caption className="visually-hidden">Consensus scores</caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                Consensus
              </th>
              <th scope="col">How</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {consensus.cells.map((cell) => {
              const key = `${cell.initiativeId}:${cell.criterionId}`;
              const { consensus: decided } = cell;
              return (
                <tr key={key}>
                  <th scope="row">{cell.initiativeName}</th>
                  <td>{cell.criterion.name}</td>
                  <td className="num">
                    {cell.spread.kind === 'spread' ? format(cell.spread.median) : '—'}
                  </td>
                  <td className="num converge-table__score">
                    {decided.kind === 'score' ? format(decided.score) : '—'}
                  </td>
                  <td>
                    {decided.kind === 'problem'
                      ? decided.problem
                      : decided.rule === 'facilitator'
                        ? `Facilitator’s call: ${decided.note ?? ''}`
                        : decided.computed !== undefined
                          ? `Median ${format(decided.computed)}, to the scale`
                          : 'Median'}
                  </td>
                  <td>
                    {editing === key ? (
                      <CallEditor
                        workshop={workshop}
                        cell={cell}
                        onClose={() => {
                          setEditing(null);
                          setFocusRow(key);
                        }}
                      />
                    ) : (
                      <>
                        <button
                          type="button"
                          id={callButtonId(key)}
                          className="button button--small"
                          aria-label={`Make a call on ${cell.initiativeName}, ${cell.criterion.name}`}
                          onClick={() => setEditing(key)}
                        >
                          Your call
                        </button>
                        {decided.kind === 'score' && decided.rule === 'facilitator' && (
                          <button
                            type="button"
                            className="button button--small button--quiet"
                            aria-label={`Use the median for ${cell.initiativeName}, ${cell.criterion.name}`}
                            onClick={() => {
                              setFocusRow(key);
                              void reset(cell);
                            }}
                          >
                            Use median
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="converge__outcome">
        <label className="field">
          <span className="field__label">Facilitator’s notes (go into the decision log)</span>
          <textarea
            rows={3}
            // Stored when the field is left: until then Ctrl+Z undoes the typing.
            data-native-undo
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            onBlur={() => void saveNotes()}
            maxLength={10000}
          />
        </label>
        {target ? (
          <p>
            The consensus scores become the initiatives’ scores and rank the scenario{' '}
            <strong>{target.name}</strong> by the scoring model.
          </p>
        ) : (
          <label className="field">
            <span className="field__label">
              The consensus scores become the initiatives’ scores and rank a new scenario, named
            </span>
            <input
              value={scenarioName}
              onChange={(event) => setScenarioName(event.target.value)}
              maxLength={200}
            />
          </label>
        )}
        {gone.length > 0 && (
          <p className="workshop__hint">
            No longer in the scoring model, so not applied: {gone.join(', ')}.
          </p>
        )}
        {problems.length > 0 && (
          <p className="field__error" role="status">
            {problems.length === 1 ? 'One cell has' : `${problems.length} cells have`} no consensus
            yet: re-score them or make your call.
          </p>
        )}
        <div className="workshop__actions">
          <button
            type="button"
            className="button button--primary"
            // aria-disabled, not disabled: the focus stays here if the outcome is refused.
            aria-disabled={applying || problems.length > 0}
            onClick={() => !applying && problems.length === 0 && void apply()}
          >
            Apply the outcome
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void edits.goToWorkshopStage(workshop.id, 'reveal')}
          >
            Back to the reveal
          </button>
        </div>
      </div>
    </section>
  );
}
