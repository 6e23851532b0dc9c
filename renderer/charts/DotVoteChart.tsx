/**
 * The dot vote's result: one bar per initiative, most points first, the points written at the end
 * of each bar. Weighted, a person's first dot counts most (3-2-1); otherwise a point is a dot.
 * The table alternative adds the dots and how many people voted for each. d3 scales, React draws;
 * the same chart shows in the workshop room (large) and in the printed board pack.
 */
import { scaleLinear } from 'd3';
import { useId, useState } from 'react';
import type { DotTally } from '../../shared/workshop/dots';
import { formatNumber } from '../format';
import { fitLabel } from './label-fit';
import { TableToggle } from './TableToggle';
import './charts.css';
import './workshop-charts.css';

export type DotVoteChartProps = {
  /** The tally (tallyDots gives it most points first; the chart orders it so in any case). */
  readonly tally: readonly DotTally[];
  /** Initiative id → name. */
  readonly names: ReadonlyMap<string, string>;
  /** Whether dots counted by the order they were placed (points) or one each (dots). */
  readonly weighted: boolean;
  /** For a projector: every text at least 16 px as drawn. */
  readonly large?: boolean;
  /** The drawing's width in px at its own size (it shrinks to fit a narrower container). */
  readonly width?: number;
};

/** Sizes as drawn, in px. `large` keeps every text at 16 px or more. */
export const DOT_VOTE_SIZES = {
  normal: { width: 720, font: 12, small: 10, header: 20, row: 24, bar: 15, label: 0.34, value: 52 },
  large: { width: 1200, font: 20, small: 16, header: 32, row: 42, bar: 26, label: 0.3, value: 90 },
} as const;

const INK = '#1b1e2b';
const INK_SOFT = '#4a4f63';
const BAR = '#2d3a78';
/** Names listed in the chart's accessible summary before "and N more". */
const SUMMARY_NAMES = 5;

export function DotVoteChart({ tally, names, weighted, large = false, width }: DotVoteChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const sizes = large ? DOT_VOTE_SIZES.large : DOT_VOTE_SIZES.normal;
  const chartClass = `dot-vote${large ? ' dot-vote--large' : ''}`;

  if (tally.length === 0) {
    return (
      <div className={`chart-empty ${chartClass}`} role="note">
        <p className="chart-empty__lead">Nothing to vote on.</p>
        <p>The dot vote shows once the session has initiatives in play.</p>
      </div>
    );
  }

  // Array sort is stable: equal points keep the tally's own tie order (more voters first).
  const rows = [...tally].sort((a, b) => b.points - a.points);
  const nameOf = (id: string) => names.get(id) ?? id;
  const unit = (count: number) =>
    weighted ? (count === 1 ? 'point' : 'points') : count === 1 ? 'dot' : 'dots';
  const drawWidth = width ?? sizes.width;
  const labelWidth = Math.round(drawWidth * sizes.label);
  const most = Math.max(1, ...rows.map((row) => row.points));
  const x = scaleLinear()
    .domain([0, most])
    .range([labelWidth, drawWidth - sizes.value]);
  const height = sizes.header + rows.length * sizes.row + 2;
  const tableId = `${uid}-table`;
  const placed = rows.some((row) => row.dots > 0);
  const listed = rows
    .slice(0, SUMMARY_NAMES)
    .map((row) => `${nameOf(row.itemId)} ${formatNumber(row.points, 1)}`)
    .join(', ');
  const rest = rows.length - SUMMARY_NAMES;
  const summary = placed
    ? `Dot vote${weighted ? ', weighted by the order the dots were placed' : ''}, most ${unit(2)} first: ${listed}${rest > 0 ? ` and ${rest} more` : ''}. The table gives the dots and voters.`
    : 'Dot vote: no dots were placed.';

  return (
    <figure className={chartClass} aria-labelledby={`${uid}-caption`}>
      <figcaption id={`${uid}-caption`} className="visually-hidden">
        {summary}
      </figcaption>
      <div className="dot-vote__bar">
        <p className="dot-vote__note">
          {placed
            ? weighted
              ? 'Points: each person’s first dot counts most.'
              : 'One point per dot.'
            : 'No dots were placed.'}
        </p>
        <TableToggle
          shown={showTable}
          tableId={tableId}
          onToggle={() => setShowTable((shown) => !shown)}
        />
      </div>
      <svg
        className="dot-vote__svg"
        role="img"
        aria-label={summary}
        width={drawWidth}
        height={height}
        viewBox={`0 0 ${drawWidth} ${height}`}
      >
        <g fontSize={sizes.small} fontWeight={600} fill={INK_SOFT}>
          <text x={0} y={sizes.header - 7}>
            Initiative
          </text>
          <text x={drawWidth - 2} y={sizes.header - 7} textAnchor="end">
            {weighted ? 'Points' : 'Dots'}
          </text>
        </g>
        {rows.map((row, index) => {
          const y = sizes.header + index * sizes.row;
          const end = x(row.points);
          const middle = y + sizes.row / 2;
          const name = nameOf(row.itemId);
          return (
            <g
              key={row.itemId}
              className="dot-vote__row"
              data-item={row.itemId}
              data-points={row.points}
            >
              <title>
                {`${name}: ${formatNumber(row.points, 1)} ${unit(row.points)}` +
                  (weighted ? ` from ${row.dots} ${row.dots === 1 ? 'dot' : 'dots'}` : '') +
                  `, ${row.voters} ${row.voters === 1 ? 'person' : 'people'}`}
              </title>
              <text x={0} y={middle} dy="0.35em" fontSize={sizes.font} fill={INK}>
                {fitLabel(name, labelWidth - 10, sizes.font)}
              </text>
              <line
                x1={labelWidth}
                x2={labelWidth}
                y1={y + 2}
                y2={y + sizes.row - 2}
                stroke="#c5cade"
              />
              {row.points > 0 && (
                <rect
                  className="dot-vote__fill"
                  x={labelWidth}
                  y={middle - sizes.bar / 2}
                  width={Math.max(1, end - labelWidth)}
                  height={sizes.bar}
                  rx={2}
                  fill={BAR}
                />
              )}
              <text
                className="dot-vote__value"
                x={end + 6}
                y={middle}
                dy="0.35em"
                fontSize={sizes.font}
                fontWeight={700}
                fill={INK}
              >
                {formatNumber(row.points, 1)}
              </text>
            </g>
          );
        })}
      </svg>
      <div id={tableId} className={`dot-vote__table${showTable ? '' : ' visually-hidden'}`}>
        <table className="chart-table">
          <caption>Dot vote</caption>
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              {weighted && <th scope="col">Points</th>}
              <th scope="col">Dots</th>
              <th scope="col">Voters</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.itemId}>
                <th scope="row">{nameOf(row.itemId)}</th>
                {weighted && <td>{formatNumber(row.points, 1)}</td>}
                <td>{formatNumber(row.dots, 0)}</td>
                <td>{formatNumber(row.voters, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
