/**
 * Value against effort: one bubble per initiative, sized by its spend, filled when it is above
 * the cut line. The quadrant lines at the median effort and value split quick wins (top left)
 * from big bets (top right) and the rest. d3 scales, drawn by React as SVG, so it prints as
 * vectors in the board pack.
 */
import { extent, median, scaleLinear, scaleSqrt } from 'd3';
import { useId } from 'react';
import type { ValueEffortPoint } from '../../shared/pack/content';
import { formatNumber } from '../format';
import { placeBubbleLabels } from './value-effort-model';
import './charts.css';

export type ValueEffortChartProps = {
  readonly points: readonly ValueEffortPoint[];
  /** Unit of effort, e.g. "FTE" (effort is summed over periods). */
  readonly effortUnit?: string;
  readonly width?: number;
  readonly height?: number;
  /** How many of the most valuable bubbles get a number beside them and a line in the key. */
  readonly labelled?: number;
  readonly accent?: string;
};

const MARGIN = { top: 16, right: 24, bottom: 44, left: 56 };
const FONT = 10;

export function ValueEffortChart({
  points,
  effortUnit,
  width = 720,
  height = 420,
  labelled = 12,
  accent = '#2d3a78',
}: ValueEffortChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  if (points.length === 0) {
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">No initiative has a value yet.</p>
        <p>Give initiatives a value or scores to compare value with effort.</p>
      </div>
    );
  }
  const [, maxEffort = 1] = extent(points, (p) => p.effort);
  const [, maxValue = 1] = extent(points, (p) => p.value);
  const maxSpend = Math.max(1, ...points.map((p) => p.spend));
  const x = scaleLinear()
    .domain([0, Math.max(1, maxEffort)])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...points.map((p) => p.value)), Math.max(1, maxValue)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const r = scaleSqrt().domain([0, maxSpend]).range([3, 18]);
  const midEffort = median(points, (p) => p.effort) ?? 0;
  const midValue = median(points, (p) => p.value) ?? 0;
  // Largest first, so that small bubbles stay visible on top.
  const drawn = [...points].sort((a, b) => b.spend - a.spend);
  // The most valuable first: each gets a number by its bubble and its full name in the key.
  const ranked = [...points].sort((a, b) => b.value - a.value).slice(0, labelled);
  const bubbles = points.map((p) => ({ id: p.id, cx: x(p.effort), cy: y(p.value), r: r(p.spend) }));
  const named = placeBubbleLabels(
    bubbles,
    ranked.map((p, index) => ({ id: p.id, text: String(index + 1) })),
    {
      x: MARGIN.left,
      y: MARGIN.top,
      width: width - MARGIN.left - MARGIN.right,
      height: height - MARGIN.top - MARGIN.bottom,
    },
    FONT,
  );
  const numbered = new Set(named.map((label) => label.id));
  const key = ranked.flatMap((p, index) =>
    numbered.has(p.id) ? [{ id: p.id, number: index + 1, name: p.name }] : [],
  );
  const above = points.filter((p) => p.above).length;
  const summary = `Value against effort for ${points.length} initiatives, ${above} above the cut line (filled) and ${points.length - above} below (outlined); bubble size is spend.`;
  const unit = effortUnit ? ` (${effortUnit} × periods)` : '';

  return (
    <figure className="value-effort" aria-labelledby={`${uid}-caption`}>
      <figcaption id={`${uid}-caption`} className="visually-hidden">
        {summary}
      </figcaption>
      <svg
        className="value-effort__svg"
        role="img"
        aria-label={summary}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <g className="value-effort__grid" stroke="#e9ebf1">
          {y.ticks(6).map((tick) => (
            <line
              key={`y${tick}`}
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
            />
          ))}
        </g>
        <g stroke="#9aa0b4" strokeDasharray="4 3">
          <line x1={x(midEffort)} x2={x(midEffort)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(midValue)} y2={y(midValue)} />
        </g>
        <g fontSize={FONT} fill="#6b7087" fontWeight={600}>
          <text x={MARGIN.left + 6} y={MARGIN.top + 12}>
            Quick wins
          </text>
          <text x={width - MARGIN.right - 6} y={MARGIN.top + 12} textAnchor="end">
            Big bets
          </text>
          <text x={MARGIN.left + 6} y={height - MARGIN.bottom - 6}>
            Fill-ins
          </text>
          <text x={width - MARGIN.right - 6} y={height - MARGIN.bottom - 6} textAnchor="end">
            Money pits
          </text>
        </g>
        <g className="value-effort__bubbles">
          {drawn.map((p) => (
            <circle
              key={p.id}
              data-id={p.id}
              cx={x(p.effort)}
              cy={y(p.value)}
              r={r(p.spend)}
              fill={p.above ? accent : '#ffffff'}
              fillOpacity={p.above ? 0.55 : 0.8}
              stroke={p.above ? accent : '#6b7087'}
              strokeWidth={1}
            />
          ))}
        </g>
        <g className="value-effort__labels" fontSize={FONT} fontWeight={700} fill="#1b1e2b">
          {named.map((label) => (
            <g key={label.id} data-label={label.id}>
              {label.leader ? (
                <line
                  x1={label.leader.x1}
                  y1={label.leader.y1}
                  x2={label.leader.x2}
                  y2={label.leader.y2}
                  stroke="#6b7087"
                  strokeWidth={0.8}
                />
              ) : null}
              <text x={label.x} y={label.y} textAnchor="middle" dominantBaseline="central">
                {label.text}
              </text>
            </g>
          ))}
        </g>
        <g fontSize={FONT} fill="#4a4f63">
          {x.ticks(8).map((tick) => (
            <text key={`x${tick}`} x={x(tick)} y={height - MARGIN.bottom + 16} textAnchor="middle">
              {formatNumber(tick, 1)}
            </text>
          ))}
          {y.ticks(6).map((tick) => (
            <text key={`y${tick}`} x={MARGIN.left - 8} y={y(tick) + 3} textAnchor="end">
              {formatNumber(tick, 1)}
            </text>
          ))}
        </g>
        <line
          x1={MARGIN.left}
          x2={width - MARGIN.right}
          y1={height - MARGIN.bottom}
          y2={height - MARGIN.bottom}
          stroke="#4a4f63"
        />
        <line
          x1={MARGIN.left}
          x2={MARGIN.left}
          y1={MARGIN.top}
          y2={height - MARGIN.bottom}
          stroke="#4a4f63"
        />
        <text
          x={(MARGIN.left + width - MARGIN.right) / 2}
          y={height - 8}
          textAnchor="middle"
          fontSize={11}
          fill="#1b1e2b"
        >
          {`Effort${unit}`}
        </text>
        <text
          transform={`translate(14 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={11}
          fill="#1b1e2b"
        >
          Value
        </text>
      </svg>
      {key.length > 0 ? (
        <ol className="value-effort__key" aria-label="Numbered initiatives">
          {key.map((entry) => (
            <li key={entry.id} value={entry.number}>
              <span className="value-effort__key-number">{entry.number}</span>
              <span>{entry.name}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}
