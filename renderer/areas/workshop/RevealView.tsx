/**
 * The reveal: for each initiative on each criterion, every participant's score, the low, median
 * and high, the agreement, and outliers named, least agreement first, so the room talks about
 * what it disagrees on. A cell or a whole initiative can be scored again.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { formatNumber } from '../../format';
import {
  cellsByDisagreement,
  revealCells,
  type RevealedCell,
} from '../../../shared/workshop/session';
import * as edits from '../../db/edits';
import { useAppStore } from '../../state/store';
import { SpreadChart } from '../../charts/SpreadChart';
import { Timer } from './Timer';

/** Agreement as a person reads it: "100 %", "67 %"; "—" with no scores. */
function agreementText(cell: RevealedCell): string {
  return cell.spread.kind === 'spread' ? `${Math.round(cell.spread.agreement * 100)} %` : '—';
}

function RevealTable({
  workshop,
  cells,
}: {
  readonly workshop: Workshop;
  readonly cells: readonly RevealedCell[];
}) {
  const notify = useAppStore((state) => state.notify);
  const many = workshop.criteria.length > 1;
  const rescore = async (cell: RevealedCell, wholeInitiative: boolean) => {
    const result = await edits.startRescore(
      workshop.id,
      cell.initiativeId,
      wholeInitiative ? undefined : cell.criterionId,
    );
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Refused.');
  };
  const format = (value: number) => formatNumber(value, 2);
  return (
    <div className="table-scroll">
      <table className="data-table reveal-table">
        <caption className="visually-hidden">
          Scores by initiative and criterion, least agreement first
        </caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Criterion</th>
            {workshop.participants.map((person) => (
              <th scope="col" className="num" key={person.id}>
                {person.name}
              </th>
            ))}
            <th scope="col" className="num">
              Low
            </th>
            <th scope="col" className="num">
              Median
            </th>
            <th scope="col" className="num">
              High
            </th>
            <th scope="col" className="num">
              Agreement
            </th>
            <th scope="col">Outliers</th>
            <th scope="col">
              <span className="visually-hidden">Re-score</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => {
            const { spread } = cell;
            const byName = new Map(
              spread.kind === 'spread'
                ? spread.scores.map((entry) => [entry.participant, entry.score])
                : [],
            );
            const outlierNames = new Set(
              spread.kind === 'spread' ? spread.outliers.map((entry) => entry.participant) : [],
            );
            return (
              <tr key={`${cell.initiativeId}:${cell.criterionId}`}>
                <th scope="row">
                  {cell.initiativeName}
                  {cell.rescored && (
                    <>
                      {' '}
                      <span className="workshop__tag">re-scored</span>
                    </>
                  )}
                </th>
                <td>{cell.criterion.name}</td>
                {workshop.participants.map((person) => {
                  const score = byName.get(person.name);
                  const outlier = outlierNames.has(person.name);
                  return (
                    <td key={person.id} className={`num${outlier ? ' reveal-table__outlier' : ''}`}>
                      {score === undefined ? '—' : format(score)}
                      {outlier && <span className="visually-hidden"> (outlier)</span>}
                    </td>
                  );
                })}
                <td className="num">{spread.kind === 'spread' ? format(spread.min) : '—'}</td>
                <td className="num">{spread.kind === 'spread' ? format(spread.median) : '—'}</td>
                <td className="num">{spread.kind === 'spread' ? format(spread.max) : '—'}</td>
                <td className="num">{agreementText(cell)}</td>
                <td className="reveal-table__outliers">{cell.outliers.join('; ')}</td>
                <td className="reveal-table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Re-score ${cell.initiativeName} on ${cell.criterion.name}`}
                    onClick={() => void rescore(cell, false)}
                  >
                    Re-score
                  </button>
                  {many && (
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Re-score ${cell.initiativeName} on every criterion`}
                      onClick={() => void rescore(cell, true)}
                    >
                      All criteria
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The discussion timer's time: three minutes (Start, Pause and Reset are the facilitator's). */
const DISCUSSION_SECONDS = 180;

export function RevealView({
  portfolio,
  workshop,
}: {
  readonly portfolio: Portfolio;
  readonly workshop: Workshop;
}) {
  const notify = useAppStore((state) => state.notify);
  const cells = useMemo(
    () => cellsByDisagreement(revealCells(workshop, portfolio)),
    [workshop, portfolio],
  );
  const next = async (step: 'vote' | 'converge') => {
    const result =
      step === 'vote'
        ? await edits.startVoting(workshop.id)
        : await edits.goToWorkshopStage(workshop.id, 'converge');
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Refused.');
  };
  const outliers = cells.reduce((sum, cell) => sum + cell.outliers.length, 0);
  // The last pass has just ended: the focus goes to what the room now looks at.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="reveal" aria-labelledby="reveal-title">
      <div className="reveal__top">
        <h3 id="reveal-title" tabIndex={-1} ref={heading}>
          The reveal
        </h3>
        <p className="workshop__hint">
          Least agreement first. Agreement is 100 % when everyone gave the same score and 0 % when
          the room is split at both ends of the scale.
          {outliers > 0 &&
            ` ${outliers === 1 ? 'One score stands' : `${outliers} scores stand`} out.`}
        </p>
        <Timer label="Discussion" seconds={DISCUSSION_SECONDS} resetKey={workshop.id} />
      </div>
      <SpreadChart cells={cells.slice(0, 12)} title="How the scores spread" />
      <RevealTable workshop={workshop} cells={cells} />
      <div className="workshop__actions">
        {workshop.dots && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void next('vote')}
          >
            Start the dot vote
          </button>
        )}
        <button
          type="button"
          className={`button${workshop.dots ? '' : ' button--primary'}`}
          onClick={() => void next('converge')}
        >
          {workshop.dots ? 'Skip to converge' : 'Converge'}
        </button>
      </div>
    </section>
  );
}
