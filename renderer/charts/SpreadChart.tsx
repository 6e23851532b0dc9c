/**
 * The spread of a workshop's revealed scores: one row per initiative and criterion, in the order
 * given (the reveal gives the least agreement first). Each row lays the criterion's scale out
 * (a range from min to max, a set's values evenly spaced), puts each participant's score on it as
 * a dot marked with their initial, draws the median as a tick across the dots, marks outliers as
 * diamonds, and gives the agreement as a percentage at the right. d3 places, React draws; the
 * same chart shows in the workshop room (large, for a projector) and in the printed board pack.
 */
import { useId, useMemo, useState } from 'react';
import { plural } from '../../shared/format';
import type { RevealedCell } from '../../shared/workshop/session';
import type { ParticipantScore } from '../../shared/workshop/statistics';
import { formatNumber } from '../format';
import { fitLabel } from './label-fit';
import {
  agreementLabel,
  participantMarks,
  placeScale,
  slotScores,
  type ScalePlacement,
} from './spread-chart-model';
import { TableToggle } from './TableToggle';
import './charts.css';
import './workshop-charts.css';

export type SpreadChartProps = {
  /** The cells to draw, one row each, in the order given. */
  readonly cells: readonly RevealedCell[];
  /** A visible title above the chart. */
  readonly title?: string;
  /** For a projector: every text at least 16 px as drawn. */
  readonly large?: boolean;
  /** The drawing's width in px at its own size (it shrinks to fit a narrower container). */
  readonly width?: number;
};

/** Sizes as drawn, in px. `large` keeps every text at 16 px or more. */
export const SPREAD_SIZES = {
  normal: {
    width: 720,
    font: 12,
    small: 10,
    mark: 9,
    header: 22,
    row: 38,
    radius: 7.5,
    agreement: 64,
    label: 0.32,
    median: 2.5,
  },
  large: {
    width: 1200,
    font: 20,
    small: 16,
    mark: 16,
    header: 34,
    row: 62,
    radius: 13,
    agreement: 110,
    label: 0.3,
    median: 4,
  },
} as const;

/** Colours on white, each at least 4.5:1 for text and 3:1 for marks. */
const INK = '#1b1e2b';
const INK_SOFT = '#4a4f63';
const TRACK = '#9aa0b4';
const RANGE = '#dfe3ee';
const SCORE = '#2d3a78';
const OUTLIER = '#b42318';

const number = (value: number) => formatNumber(value, 2);
const scoreKey = (entry: ParticipantScore) => `${entry.participant}\u0000${entry.score}`;

/** The scores of a cell in words: "Sam 1, Priya 4, Lee 5". */
function scoresText(cell: RevealedCell): string {
  if (cell.spread.kind !== 'spread') return 'No scores';
  return cell.spread.scores
    .map((entry) => `${entry.participant} ${number(entry.score)}`)
    .join(', ');
}

function rowTitle(cell: RevealedCell): string {
  const where = `${cell.initiativeName}, ${cell.criterion.name} (${cell.criterion.scale.label})`;
  if (cell.spread.kind !== 'spread') return `${where}: no scores.`;
  const { spread } = cell;
  return [
    `${where}: ${scoresText(cell)}; median ${number(spread.median)}, agreement ${agreementLabel(spread.agreement)}.`,
    ...cell.outliers.map((sentence) => `${sentence}.`),
    ...(cell.rescored ? ['Re-scored in a later round.'] : []),
  ].join(' ');
}

/** The diamond an outlier is drawn as, a little larger than a dot so that it reads as one. */
/** The most equal scores drawn side by side; more are one dot with their count. */
const MAX_SIDE_BY_SIDE = 3;

function diamond(cx: number, cy: number, r: number): string {
  const d = r * 1.3;
  return `M${cx},${cy - d}L${cx + d},${cy}L${cx},${cy + d}L${cx - d},${cy}Z`;
}

function Legend({
  marks,
  large,
  outliers,
}: {
  readonly marks: ReadonlyMap<string, string>;
  readonly large: boolean;
  /** Whether any row has an outlier: the key to the diamond is shown only then. */
  readonly outliers: boolean;
}) {
  const size = large ? 22 : 14;
  const r = size / 2 - 1;
  const c = size / 2;
  return (
    <div className="spread-chart__legend" aria-hidden="true">
      <span className="spread-chart__key">
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
          <circle cx={c} cy={c} r={r} fill={SCORE} />
        </svg>
        Score, with the participant’s initial
      </span>
      {outliers && (
        <span className="spread-chart__key">
          <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
            <path d={diamond(c, c, r / 1.3)} fill={OUTLIER} />
          </svg>
          Outlier
        </span>
      )}
      <span className="spread-chart__key">
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
          <line x1={c} x2={c} y1={1} y2={size - 1} stroke={INK} strokeWidth={large ? 4 : 2.5} />
        </svg>
        Median
      </span>
      {marks.size > 0 && (
        <span className="spread-chart__people">
          {[...marks].map(([name, mark]) => (
            <span key={name} className="spread-chart__person">
              <b>{mark}</b> {name}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

type RowProps = {
  readonly cell: RevealedCell;
  readonly y: number;
  readonly width: number;
  readonly sizes: (typeof SPREAD_SIZES)['normal' | 'large'];
  readonly plot: readonly [number, number];
  readonly marks: ReadonlyMap<string, string>;
  readonly big: boolean;
};

function SpreadRow({ cell, y, width, sizes, plot, marks, big }: RowProps) {
  const { font, small, radius } = sizes;
  const labelWidth = plot[0] - radius - 8;
  const trackY = y + radius + 6;
  const line1 = trackY + font * 0.35;
  const line2 = line1 + small + 3;
  const placement: ScalePlacement = placeScale(cell.criterion.scale, plot[0], plot[1]);
  const spread = cell.spread;
  const outliers = new Set(spread.kind === 'spread' ? spread.outliers.map(scoreKey) : []);
  const criterionText = `${cell.criterion.name} · ${cell.criterion.scale.label}${cell.rescored ? ' · re-scored' : ''}`;
  return (
    <g
      className="spread-chart__row"
      data-cell={`${cell.initiativeId}:${cell.criterionId}`}
      data-agreement={spread.kind === 'spread' ? spread.agreement : undefined}
    >
      <title>{rowTitle(cell)}</title>
      <line x1={0} x2={width} y1={y + sizes.row - 0.5} y2={y + sizes.row - 0.5} stroke="#e9ebf1" />
      <text x={0} y={line1} fontSize={font} fontWeight={600} fill={INK}>
        {fitLabel(cell.initiativeName, labelWidth, font)}
      </text>
      <text x={0} y={line2} fontSize={small} fill={INK_SOFT}>
        {fitLabel(criterionText, labelWidth, small)}
      </text>
      <line x1={plot[0]} x2={plot[1]} y1={trackY} y2={trackY} stroke={TRACK} />
      {placement.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={tick.x} x2={tick.x} y1={trackY - 3} y2={trackY + 3} stroke={TRACK} />
          <text
            className="spread-chart__tick"
            x={tick.x}
            y={trackY + radius + 5 + small * 0.8}
            fontSize={small}
            textAnchor="middle"
            fill={INK_SOFT}
          >
            {tick.label}
          </text>
        </g>
      ))}
      {spread.kind === 'spread' ? (
        <>
          <rect
            className="spread-chart__range"
            x={placement.x(spread.min) - 3}
            y={trackY - (big ? 5 : 3)}
            width={placement.x(spread.max) - placement.x(spread.min) + 6}
            height={big ? 10 : 6}
            rx={3}
            fill={RANGE}
          />
          <line
            className="spread-chart__median"
            x1={placement.x(spread.median)}
            x2={placement.x(spread.median)}
            y1={trackY - radius - 6}
            y2={trackY + radius + 1.5}
            stroke={INK}
            strokeWidth={sizes.median}
          >
            <title>{`Median ${number(spread.median)}`}</title>
          </line>
          {slotScores(spread.scores).map((entry) => {
            const outlier = outliers.has(scoreKey(entry));
            // Up to three equal scores sit side by side, just touching, centred on their value;
            // more would stray from it, so they are one dot that counts them.
            const grouped = entry.of > MAX_SIDE_BY_SIDE;
            if (grouped && entry.slot > 0) return null;
            const cx = grouped
              ? placement.x(entry.score)
              : placement.x(entry.score) + (entry.slot - (entry.of - 1) / 2) * radius * 2;
            const equal = grouped
              ? spread.scores.filter((other) => other.score === entry.score)
              : [entry];
            const mark = grouped ? `×${entry.of}` : (marks.get(entry.participant) ?? '?');
            return (
              <g
                key={`${entry.participant}-${entry.slot}-${entry.score}`}
                className={`spread-chart__score${outlier ? ' spread-chart__score--outlier' : ''}`}
                data-participant={entry.participant}
                data-score={entry.score}
                data-outlier={outlier ? 'true' : undefined}
              >
                <title>
                  {grouped
                    ? `${equal.map((other) => other.participant).join(', ')}: ${number(entry.score)}`
                    : `${entry.participant}: ${number(entry.score)}${outlier ? ' (outlier)' : ''}`}
                </title>
                {outlier ? (
                  <path
                    d={diamond(cx, trackY, radius)}
                    fill={OUTLIER}
                    stroke="#fff"
                    strokeWidth={1.5}
                  />
                ) : (
                  <circle
                    cx={cx}
                    cy={trackY}
                    r={grouped ? radius * 1.35 : radius}
                    fill={SCORE}
                    stroke="#fff"
                    strokeWidth={1.5}
                  />
                )}
                <text
                  x={cx}
                  y={trackY}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={grouped ? sizes.mark * 0.85 : sizes.mark}
                  fontWeight={700}
                  fill="#fff"
                >
                  {mark}
                </text>
              </g>
            );
          })}
        </>
      ) : (
        <text x={plot[0]} y={line1} fontSize={font} fontStyle="italic" fill={INK_SOFT}>
          No scores
        </text>
      )}
      <text
        className="spread-chart__agreement"
        x={width - 2}
        y={line1}
        fontSize={font}
        fontWeight={700}
        textAnchor="end"
        fill={INK}
      >
        {spread.kind === 'spread' ? agreementLabel(spread.agreement) : '—'}
      </text>
    </g>
  );
}

export function SpreadChart({ cells, title, large: big = false, width }: SpreadChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const sizes = big ? SPREAD_SIZES.large : SPREAD_SIZES.normal;
  const marks = useMemo(
    () =>
      participantMarks(
        cells
          .flatMap((cell) =>
            cell.spread.kind === 'spread'
              ? cell.spread.scores.map((entry) => entry.participant)
              : [],
          )
          // The key lists people by name, so that one is found as in a register.
          .sort((a, b) => a.localeCompare(b)),
      ),
    [cells],
  );
  const chartClass = `spread-chart${big ? ' spread-chart--large' : ''}`;

  if (cells.length === 0) {
    return (
      <div className={`chart-empty ${chartClass}`} role="note">
        <p className="chart-empty__lead">No scores revealed yet.</p>
        <p>The spread shows once the participants’ scores are revealed.</p>
      </div>
    );
  }

  const drawWidth = width ?? sizes.width;
  const plot: [number, number] = [
    Math.round(drawWidth * sizes.label) + sizes.radius + 4,
    drawWidth - sizes.agreement - sizes.radius - 4,
  ];
  const height = sizes.header + cells.length * sizes.row + 2;
  const tableId = `${uid}-table`;
  const first = cells[0] as RevealedCell;
  const outlierCount = cells.reduce((sum, cell) => sum + cell.outliers.length, 0);
  const summary = [
    `Spread of the scores of ${plural(cells.length, 'initiative and criterion', 'initiatives and criteria')}, in the order listed`,
    first.spread.kind === 'spread'
      ? `; first ${first.initiativeName} on ${first.criterion.name}, agreement ${agreementLabel(first.spread.agreement)}.`
      : '.',
    outlierCount > 0 ? ` ${plural(outlierCount, 'outlier')}, drawn as diamonds.` : '',
    ' The table gives every score.',
  ].join('');

  return (
    <figure className={chartClass} aria-labelledby={`${uid}-caption`}>
      {title ? (
        <figcaption id={`${uid}-caption`} className="spread-chart__title">
          {title}
          <span className="visually-hidden"> {summary}</span>
        </figcaption>
      ) : (
        <figcaption id={`${uid}-caption`} className="visually-hidden">
          {summary}
        </figcaption>
      )}
      <div className="spread-chart__bar">
        <Legend marks={marks} large={big} outliers={outlierCount > 0} />
        <TableToggle
          shown={showTable}
          tableId={tableId}
          onToggle={() => setShowTable((shown) => !shown)}
        />
      </div>
      <svg
        className="spread-chart__svg"
        role="img"
        aria-label={summary}
        width={drawWidth}
        height={height}
        viewBox={`0 0 ${drawWidth} ${height}`}
      >
        <g fontSize={sizes.small} fontWeight={600} fill={INK_SOFT}>
          <text x={0} y={sizes.header - 8}>
            Initiative · criterion
          </text>
          <text x={plot[0] - sizes.radius} y={sizes.header - 8}>
            Scores on the criterion’s scale
          </text>
          <text x={drawWidth - 2} y={sizes.header - 8} textAnchor="end">
            Agreement
          </text>
        </g>
        {cells.map((cell, index) => (
          <SpreadRow
            key={`${cell.initiativeId}:${cell.criterionId}`}
            cell={cell}
            y={sizes.header + index * sizes.row}
            width={drawWidth}
            sizes={sizes}
            plot={plot}
            marks={marks}
            big={big}
          />
        ))}
      </svg>
      <div id={tableId} className={`spread-chart__table${showTable ? '' : ' visually-hidden'}`}>
        <table className="chart-table">
          <caption>{title ?? 'Spread of the scores'}</caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Criterion</th>
              <th scope="col">Scores</th>
              <th scope="col">Median</th>
              <th scope="col">Agreement</th>
              <th scope="col">Outliers</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={`${cell.initiativeId}:${cell.criterionId}`}>
                <th scope="row">{cell.initiativeName}</th>
                <td>
                  {`${cell.criterion.name} (${cell.criterion.scale.label})`}
                  {cell.rescored ? ', re-scored' : ''}
                </td>
                <td>{scoresText(cell)}</td>
                <td>{cell.spread.kind === 'spread' ? number(cell.spread.median) : '—'}</td>
                <td>
                  {cell.spread.kind === 'spread' ? agreementLabel(cell.spread.agreement) : '—'}
                </td>
                <td>{cell.outliers.length > 0 ? cell.outliers.join('; ') : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
