/**
 * The efficient frontier: best value at each total budget (solid, with the proven bound as a
 * whisker where a point is not proven), the value-per-cost funding curve (dashed), and the
 * scenario's own plan as a diamond. d3 computes the scales and paths; React draws. The same
 * component prints in the board pack.
 */
import { curveStepAfter, line, scaleLinear } from 'd3';
import { useId, useState } from 'react';
import type { CurvePoint, FrontierPoint } from '../../shared/optimize/frontier';
import { formatMoney, formatNumber } from '../format';
import './charts.css';

export type FrontierChartProps = {
  readonly points: readonly FrontierPoint[];
  readonly greedy: readonly CurvePoint[];
  readonly current?: CurvePoint;
  readonly currentLabel: string;
  readonly currency?: string;
  readonly width?: number;
  readonly height?: number;
};

const MARGIN = { top: 16, right: 24, bottom: 44, left: 64 };

export function FrontierChart({
  points,
  greedy,
  current,
  currentLabel,
  currency,
  width = 720,
  height = 360,
}: FrontierChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const spends = [
    ...points.map((p) => p.budget),
    ...greedy.map((p) => p.spend),
    current?.spend ?? 0,
  ];
  const values = [
    ...points.map((p) => (Number.isFinite(p.bound) ? p.bound : p.value)),
    ...greedy.map((p) => p.value),
    current?.value ?? 0,
  ];
  const x = scaleLinear()
    .domain([0, Math.max(1, ...spends)])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const frontierPath = line<FrontierPoint>()
    .x((p) => x(p.budget))
    .y((p) => y(p.value))(points as FrontierPoint[]);
  const greedyPath = line<CurvePoint>()
    .x((p) => x(p.spend))
    .y((p) => y(p.value))
    .curve(curveStepAfter)(greedy as CurvePoint[]);
  const money = (amount: number) => formatMoney(amount, currency);
  const best = points.at(-1);
  const summary = best
    ? `Efficient frontier over ${points.length} budgets: from ${formatNumber(points[0]?.value ?? 0, 0)} value at ${money(points[0]?.budget ?? 0)} to ${formatNumber(best.value, 0)} at ${money(best.budget)}.` +
      (current
        ? ` ${currentLabel} delivers ${formatNumber(current.value, 0)} for ${money(current.spend)}.`
        : '')
    : 'No point computed yet.';

  return (
    <figure className="frontier" aria-labelledby={`${uid}-caption`}>
      <figcaption id={`${uid}-caption`} className="visually-hidden">
        {summary}
      </figcaption>
      <div className="frontier__legend" aria-hidden="true">
        <span className="frontier__key frontier__key--best">Best value for the budget</span>
        <span className="frontier__key frontier__key--greedy">Funding by value per cost</span>
        {current && <span className="frontier__key frontier__key--current">{currentLabel}</span>}
      </div>
      <svg
        className="frontier__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
        data-testid="frontier-chart"
      >
        {y.ticks(5).map((tick) => (
          <g key={`y${tick}`}>
            <line
              className="frontier__grid"
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text
              className="frontier__tick"
              x={MARGIN.left - 8}
              y={y(tick)}
              dy="0.32em"
              textAnchor="end"
            >
              {formatNumber(tick, 0)}
            </text>
          </g>
        ))}
        {x.ticks(5).map((tick) => (
          <text
            key={`x${tick}`}
            className="frontier__tick"
            x={x(tick)}
            y={height - MARGIN.bottom + 18}
            textAnchor="middle"
          >
            {money(tick)}
          </text>
        ))}
        <text
          className="frontier__axis"
          x={(MARGIN.left + width - MARGIN.right) / 2}
          y={height - 6}
          textAnchor="middle"
        >
          Total budget
        </text>
        <text
          className="frontier__axis"
          transform={`translate(14 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          Value
        </text>
        {greedyPath && <path className="frontier__greedy" d={greedyPath} />}
        {frontierPath && <path className="frontier__line" d={frontierPath} />}
        {points.map((point, index) =>
          Number.isFinite(point.bound) && point.bound > point.value + 1e-6 ? (
            <line
              key={`b${index}`}
              className="frontier__bound"
              x1={x(point.budget)}
              x2={x(point.budget)}
              y1={y(point.value)}
              y2={y(point.bound)}
            />
          ) : null,
        )}
        {points.map((point, index) => (
          <circle
            key={`p${index}`}
            className="frontier__point"
            cx={x(point.budget)}
            cy={y(point.value)}
            r={4}
          >
            <title>
              {`Budget ${money(point.budget)}: value ${formatNumber(point.value, 0)}${point.status === 'optimal' ? ' (proven best)' : `, at most ${formatNumber(point.bound, 0)}`}`}
            </title>
          </circle>
        ))}
        {current && (
          <path
            className="frontier__current"
            d={`M${x(current.spend)},${y(current.value) - 7}l7,7l-7,7l-7,-7z`}
          >
            <title>{`${currentLabel}: value ${formatNumber(current.value, 0)} for ${money(current.spend)}`}</title>
          </path>
        )}
      </svg>
      <button
        type="button"
        className="chart-button"
        onClick={() => setShowTable((shown) => !shown)}
        aria-expanded={showTable}
      >
        {showTable ? 'Hide table' : 'Show as table'}
      </button>
      {showTable && (
        <table className="chart-table">
          <caption>Best value at each total budget</caption>
          <thead>
            <tr>
              <th scope="col">Total budget</th>
              <th scope="col">Best value</th>
              <th scope="col">At most</th>
              <th scope="col">Spends</th>
              <th scope="col">Initiatives</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={index}>
                <th scope="row">{money(point.budget)}</th>
                <td>{point.status === 'infeasible' ? 'no plan' : formatNumber(point.value, 0)}</td>
                <td>
                  {point.status === 'optimal'
                    ? 'proven'
                    : Number.isFinite(point.bound)
                      ? formatNumber(point.bound, 0)
                      : '–'}
                </td>
                <td>{money(point.spend)}</td>
                <td>{point.selected.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
