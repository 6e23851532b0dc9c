/**
 * One participant's blind pass: one initiative at a time, each criterion a row of large choices
 * (or a number for a wide range), keyboard first: arrows pick, Tab moves on, Enter goes to the
 * next initiative. Only this participant's own scores of this round are on screen.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Portfolio, Workshop, WorkshopParticipant } from '../../../shared/portfolio/types';
import { formatNumber } from '../../format';
import type { Scale } from '../../../shared/strategy/scoring';
import {
  passCells,
  scoreOf,
  sessionCriteria,
  type SessionCriterion,
} from '../../../shared/workshop/session';
import * as edits from '../../db/edits';
import { useAppStore } from '../../state/store';
import { useFinishPass } from './finish-pass';
import { Timer } from './Timer';

/** The choices a scale offers as buttons, or null when it is too wide (a number is typed). */
export function scaleChoices(scale: Scale): readonly number[] | null {
  if (scale.kind === 'set') return scale.values;
  if (scale.max - scale.min > 10 || !Number.isInteger(scale.min)) return null;
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
}

/** Whether `typed` is blank or a number on `scale` (a range, when a number is typed). */
function typedOnScale(typed: string, scale: Scale): boolean {
  const text = typed.trim().replace(',', '.');
  if (text === '') return true;
  const number = Number(text);
  return (
    Number.isFinite(number) && scale.kind === 'range' && number >= scale.min && number <= scale.max
  );
}

function CriterionChoice({
  criterion,
  value,
  onChange,
}: {
  readonly criterion: SessionCriterion;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
}) {
  const id = useId();
  const choices = scaleChoices(criterion.scale);
  const [typed, setTyped] = useState(value === undefined ? '' : String(value));
  const [problem, setProblem] = useState('');
  useEffect(() => setTyped(value === undefined ? '' : String(value)), [value]);
  if (!choices) {
    const { scale } = criterion;
    const commit = () => {
      const text = typed.trim().replace(',', '.');
      if (text === '') {
        setProblem('');
        if (value !== undefined) onChange(undefined);
        return;
      }
      const number = Number(text);
      if (
        !Number.isFinite(number) ||
        scale.kind !== 'range' ||
        number < scale.min ||
        number > scale.max
      ) {
        setProblem(
          `Enter a number from ${scale.kind === 'range' ? `${scale.min} to ${scale.max}` : scale.label}.`,
        );
        return;
      }
      setProblem('');
      if (number !== value) onChange(number);
    };
    return (
      <div className="score-row">
        <label className="score-row__name" htmlFor={id}>
          {criterion.name} <span className="workshop__hint">{criterion.scale.label}</span>
        </label>
        <input
          id={id}
          className="score-row__number"
          data-native-undo
          inputMode="decimal"
          value={typed}
          data-range={scale.kind === 'range' ? `${scale.min},${scale.max}` : undefined}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            // A number off the scale stays here to be put right; the pass does not move on.
            if (!typedOnScale(typed, scale)) event.preventDefault();
            commit();
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        />
        {problem && (
          <p className="field__error" id={`${id}-error`}>
            {problem}
          </p>
        )}
      </div>
    );
  }
  return (
    <fieldset className="score-row">
      <legend className="score-row__name">
        {criterion.name} <span className="workshop__hint">{criterion.scale.label}</span>
      </legend>
      <div className="score-row__choices">
        {choices.map((choice) => (
          <label key={choice} className="score-choice">
            <input
              type="radio"
              name={id}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            <span>{formatNumber(choice, 2)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ScoringPass({
  portfolio,
  workshop,
  participant,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
  readonly participant: WorkshopParticipant;
}) {
  const notify = useAppStore((state) => state.notify);
  const criteria = useMemo(() => sessionCriteria(workshop, portfolio), [workshop, portfolio]);
  const cells = passCells(workshop);
  const known = new Set(portfolio.initiatives.map((initiative) => initiative.id));
  // An initiative deleted since the session was set up is not scored.
  const items = [...new Set(cells.map((cell) => cell.initiativeId))].filter((id) => known.has(id));
  const criteriaInPass = criteria.filter((criterion) =>
    cells.some((cell) => cell.criterionId === criterion.id),
  );
  // Starts at the first initiative not fully scored: a reload resumes where the pass was.
  const [index, setIndex] = useState(() => {
    const first = items.findIndex((initiativeId) =>
      criteriaInPass.some(
        (criterion) =>
          scoreOf(workshop, participant.id, { initiativeId, criterionId: criterion.id }) ===
          undefined,
      ),
    );
    return first < 0 ? 0 : first;
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [index]);
  const initiativeId = items[index] as string;
  const initiative = portfolio.initiatives.find((entry) => entry.id === initiativeId);
  const last = index === items.length - 1;
  const blank = cells.filter(
    (cell) => known.has(cell.initiativeId) && scoreOf(workshop, participant.id, cell) === undefined,
  ).length;

  const score = async (criterionId: string, value: number | undefined) => {
    const result = await edits.recordWorkshopScore(
      workshop.id,
      participant.id,
      { initiativeId, criterionId },
      value,
    );
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'The score was refused.');
  };
  const finish = useFinishPass(workshop, participant);
  const next = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A typed number off its scale holds the pass here, with its message, until it is put right.
    const off = [
      ...event.currentTarget.querySelectorAll<HTMLInputElement>('input[data-range]'),
    ].find((input) => {
      const [min, max] = (input.dataset.range ?? '').split(',').map(Number);
      return !typedOnScale(input.value, {
        kind: 'range',
        min: min ?? 0,
        max: max ?? 0,
        label: '',
      });
    });
    if (off) {
      off.focus();
      return;
    }
    if (last) void finish();
    else setIndex(index + 1);
  };
  const timer = workshop.timer;
  if (items.length === 0) {
    return (
      <div className="scoring">
        <p>The initiatives of this pass have been deleted since: there is nothing to score.</p>
        <button type="button" className="button button--primary" onClick={() => void finish()}>
          Finish my pass
        </button>
      </div>
    );
  }

  return (
    <form
      className="scoring"
      onSubmit={next}
      aria-labelledby="scoring-title"
      onKeyDown={(event) => {
        // Enter on a choice (or on the initiative's name, where the focus starts) moves on, as it
        // does in a text field.
        const target = event.target as HTMLInputElement;
        if (event.key === 'Enter' && (target.type === 'radio' || target === heading.current)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <div className="scoring__top">
        <p className="scoring__who">
          {participant.name} · initiative {index + 1} of {items.length}
        </p>
        {timer && (
          <Timer
            label={timer.per === 'item' ? 'Time for this initiative' : 'Time for your pass'}
            seconds={timer.seconds}
            autoStart
            resetKey={timer.per === 'item' ? initiativeId : participant.id}
          />
        )}
      </div>
      <h3 id="scoring-title" className="scoring__title" tabIndex={-1} ref={heading}>
        {initiative?.name ?? initiativeId}
      </h3>
      {initiative?.description && <p className="scoring__description">{initiative.description}</p>}
      {criteriaInPass.map((criterion) => (
        <CriterionChoice
          key={`${initiativeId}:${criterion.id}`}
          criterion={criterion}
          value={scoreOf(workshop, participant.id, { initiativeId, criterionId: criterion.id })}
          onChange={(value) => void score(criterion.id, value)}
        />
      ))}
      <div className="workshop__actions">
        {index > 0 && (
          <button type="button" className="button" onClick={() => setIndex(index - 1)}>
            Previous
          </button>
        )}
        <button type="submit" className="button button--primary">
          {last ? 'Finish my pass' : 'Next initiative'}
        </button>
        {last && blank > 0 && (
          <span className="workshop__hint" role="status">
            {blank === 1 ? '1 score is' : `${blank} scores are`} blank
            {workshop.rescore ? ': the earlier score stands.' : ' and will not count.'}
          </span>
        )}
        <span className="workshop__hint">Enter: {last ? 'finish' : 'next initiative'}</span>
      </div>
    </form>
  );
}
