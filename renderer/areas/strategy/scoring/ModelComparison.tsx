/**
 * Before the model is switched: how the ranking would move under the other model, side by side
 * with the ranking now, and who would cross the board's cut line. Worked out on a copy of the
 * portfolio scored the other way; nothing is stored until the switch is confirmed.
 */
import { plural } from '../../../../shared/format';
import { useId, useMemo, useState } from 'react';
import type { Portfolio, ScoringModelKind } from '../../../../shared/portfolio/types';
import {
  compareModels,
  scoringAfterSwitch,
  type RankingMove,
} from '../../../../shared/strategy/model-switch';
import { MODEL_NAMES } from '../../../../shared/strategy/scoring';
import { formatMoney, formatNumber } from '../../../format';

/** Longest list drawn at once; the initiatives that cross the line are always shown. */
const SHOWN_ROWS = 200;

const counted = (count: number, one: string, many: string) =>
  plural(count, one, many, formatNumber(count));

function changeText(move: RankingMove): string {
  if (move.gained > 0) return `▲ ${move.gained}`;
  if (move.gained < 0) return `▼ ${-move.gained}`;
  return '=';
}

function changeLabel(move: RankingMove): string {
  if (move.gained > 0) return `up ${counted(move.gained, 'place', 'places')}`;
  if (move.gained < 0) return `down ${counted(-move.gained, 'place', 'places')}`;
  return 'same place';
}

function lineText(move: RankingMove): string {
  if (move.crossing === 'in') return 'comes above the line';
  if (move.crossing === 'out') return 'goes below the line';
  return move.fundedOther ? 'stays above' : 'stays below';
}

type Props = {
  readonly portfolio: Portfolio;
  readonly model: ScoringModelKind;
  readonly onSwitch: () => void;
  readonly onCancel: () => void;
};

export function ModelComparison({ portfolio, model, onSwitch, onCancel }: Props) {
  const ids = useId();
  const [crossingOnly, setCrossingOnly] = useState(false);
  const comparison = useMemo(
    () =>
      compareModels(portfolio, scoringAfterSwitch(portfolio.scoring, model, portfolio.initiatives)),
    [portfolio, model],
  );
  const now = portfolio.scoring ? MODEL_NAMES[portfolio.scoring.model] : 'now';
  const other = MODEL_NAMES[model];
  const { moves, comesIn, goesOut, offScale } = comparison;
  const unranked = moves.filter((move) => !move.rankedOther).length;
  const listed = crossingOnly ? moves.filter((move) => move.crossing) : moves;
  const shown =
    listed.length > SHOWN_ROWS
      ? listed.filter((move, index) => index < SHOWN_ROWS || move.crossing)
      : listed;
  const up = moves.filter((move) => move.gained > 0).length;
  const down = moves.filter((move) => move.gained < 0).length;

  return (
    <section className="card model-comparison" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>
        Switch from {now} to {other}?
      </h4>
      <p>
        Under {other}, {counted(comesIn.length, 'initiative comes', 'initiatives come')} above the
        cut line and {counted(goesOut.length, 'goes', 'go')} below it;{' '}
        {counted(up, 'initiative moves', 'initiatives move')} up and {formatNumber(down)} down.
        Funded (above the line or in a gap) with the stack ranked by {now}:{' '}
        {formatNumber(comparison.fundedNowCount)}; by {other}:{' '}
        {formatNumber(comparison.fundedOtherCount)}
        {comparison.spendDelta !== 0 &&
          `; funded spend ${comparison.spendDelta > 0 ? '+' : '−'}${formatMoney(Math.abs(comparison.spendDelta), portfolio.currency)}`}
        .
      </p>
      {unranked > 0 && (
        <p className="hint-box">
          {unranked === moves.length
            ? `No initiative has ${other} scores yet: all are ranked in portfolio order until they are scored.`
            : `${counted(unranked, 'initiative lacks', 'initiatives lack')} the ${other} scores a priority needs; they are ranked last.`}{' '}
          Scores are kept when you switch: the {now} scores come back if you switch back.
        </p>
      )}
      {offScale.length > 0 && (
        <div className="hint-box hint-box--error" role="alert">
          <p>
            The switch would be refused: {counted(offScale.length, 'score is', 'scores are')} off{' '}
            {other}&rsquo;s scales. Change {offScale.length === 1 ? 'it' : 'them'} first:
          </p>
          <ul>
            {offScale.slice(0, 5).map((entry) => (
              <li key={`${entry.initiativeId}-${entry.criterionId}`}>
                {entry.initiativeName}, {entry.criterionName}: {formatNumber(entry.score)} (
                {entry.scale.label})
              </li>
            ))}
            {offScale.length > 5 && <li>and {formatNumber(offScale.length - 5)} more</li>}
          </ul>
        </div>
      )}
      <div className="model-comparison__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={offScale.length > 0}
          onClick={onSwitch}
        >
          Switch to {other}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Keep {now}
        </button>
        <label className="switch model-comparison__filter">
          <input
            type="checkbox"
            checked={crossingOnly}
            onChange={(event) => setCrossingOnly(event.target.checked)}
          />
          <span>Only those that cross the cut line</span>
        </label>
      </div>
      {/* Scrolls on its own: focusable, so that the keyboard can scroll it too. */}
      <div
        className="table-scroll model-comparison__scroll"
        role="region"
        aria-label={`Places under ${now} and ${other}`}
        tabIndex={0}
      >
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">
            Each initiative&rsquo;s place under {now} and under {other}
          </caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col" className="num">
                Now: {now}
              </th>
              <th scope="col" className="num">
                Under {other}
              </th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col">Cut line</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((move) => (
              <tr
                key={move.id}
                className={move.crossing ? `model-comparison__row--${move.crossing}` : undefined}
              >
                <th scope="row">{move.name}</th>
                <td className="num">{move.placeNow}</td>
                <td className="num">{move.placeOther}</td>
                <td
                  className={`num${move.gained > 0 ? ' moved--up' : move.gained < 0 ? ' moved--down' : ''}`}
                >
                  <span aria-hidden="true">{changeText(move)}</span>
                  <span className="visually-hidden">{changeLabel(move)}</span>
                </td>
                <td>
                  <span className={move.crossing ? `crossing crossing--${move.crossing}` : 'muted'}>
                    {lineText(move)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length < listed.length && (
          <p className="muted small">
            The first {formatNumber(SHOWN_ROWS)} places and every initiative that crosses the line
            are shown, {formatNumber(shown.length)} of {formatNumber(listed.length)}.
          </p>
        )}
        {listed.length === 0 && <p className="muted">No initiative crosses the cut line.</p>}
      </div>
    </section>
  );
}
