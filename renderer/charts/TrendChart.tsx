/**
 * A metric's trend: its value per period (or per snapshot, for alignment) as a line, the metric's
 * bands shaded behind it, each point coloured by its band, the latest value written beside its
 * point, and a "Show as table" toggle that lists every point with its band in words. d3 computes
 * (trend-chart-model.ts), React draws a static SVG, so the same component shows in Metrics →
 * Trends and prints in the board pack.
 */
import { useId, useState } from 'react';
import type { MetricDefinition, MetricTrend } from '../../shared/metrics/types';
import { TableToggle } from './TableToggle';
import {
  BAND_COLOURS,
  BAND_WORDS,
  directionArrow,
  directionWords,
  formatMetricValue,
  layoutTrend,
  trendSummary,
} from './trend-chart-model';
import './charts.css';
import './trend-chart.css';

export type TrendChartProps = {
  readonly trend: MetricTrend;
  readonly definition: MetricDefinition;
  /** The drawing's size in px (it shrinks to fit a narrower container). */
  readonly width?: number;
  readonly height?: number;
  /** The portfolio's currency, for money metrics. */
  readonly currency?: string;
  /** A fixed locale (the board pack's); the screens' locale when not given. */
  readonly locale?: string;
  /** A visible title above the chart; none: the caption is for screen readers only. */
  readonly title?: string;
  /** Hides the table toggle (the printed pack has no buttons). */
  readonly noTable?: boolean;
};

const INK = '#1b1e2b';
const INK_SOFT = '#4a4f63';
const GRID = '#e3e7ee';
const LINE = '#2d3a78';

export function TrendChart({
  trend,
  definition,
  width = 560,
  height = 220,
  currency,
  locale,
  title,
  noTable = false,
}: TrendChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const tableId = `${uid}-table`;
  const value = (amount: number) => formatMetricValue(amount, definition.unit, currency, locale);
  const summary = trendSummary(trend, definition, currency, locale);

  if (trend.points.length === 0) {
    return (
      <div className="chart-empty trend-chart trend-chart--empty" role="note">
        <p className="chart-empty__lead">No {definition.name.toLowerCase()} to show yet.</p>
        <p>The trend shows once the portfolio has periods with actuals.</p>
      </div>
    );
  }

  const layout = layoutTrend(trend, definition.limits, width, height);
  const latest = trend.latest;
  const latestPlaced = latest ? layout.points.find((point) => point.key === latest.key) : undefined;
  const change = directionWords(trend.direction);
  // The latest value is written above its point, or below when the point is near the top.
  const labelBelow = latestPlaced?.y !== undefined && latestPlaced.y < layout.plot.y0 + 18;
  const labelAnchor =
    latestPlaced && latestPlaced.x > layout.plot.x1 - 40
      ? 'end'
      : latestPlaced && latestPlaced.x < layout.plot.x0 + 40
        ? 'start'
        : 'middle';

  return (
    <figure
      className="trend-chart"
      aria-labelledby={`${uid}-caption`}
      data-metric={trend.id}
      data-testid="trend-chart"
    >
      {title ? (
        <figcaption id={`${uid}-caption`} className="trend-chart__title">
          {title}
          <span className="visually-hidden"> {summary}</span>
        </figcaption>
      ) : (
        <figcaption id={`${uid}-caption`} className="visually-hidden">
          {summary}
        </figcaption>
      )}
      <svg
        className="trend-chart__svg"
        role="img"
        aria-label={summary}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {layout.zones.map((zone) => (
          <rect
            key={`${zone.band}-${zone.low}-${zone.high}`}
            className={`trend-chart__zone trend-chart__zone--${zone.band}`}
            data-band={zone.band}
            x={layout.plot.x0}
            width={layout.plot.x1 - layout.plot.x0}
            y={zone.y}
            height={zone.height}
            fill={BAND_COLOURS[zone.band].zone}
          />
        ))}
        {layout.yTicks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={layout.plot.x0}
              x2={layout.plot.x1}
              y1={tick.y}
              y2={tick.y}
              stroke={GRID}
              strokeWidth={1}
            />
            <text
              x={layout.plot.x0 - 6}
              y={tick.y}
              dy="0.32em"
              textAnchor="end"
              fontSize={11}
              fill={INK_SOFT}
            >
              {value(tick.value)}
            </text>
          </g>
        ))}
        {layout.points.map((point) => (
          <text
            key={`label-${point.key}`}
            x={point.x}
            y={layout.plot.y1 + 18}
            textAnchor="middle"
            fontSize={11}
            fill={INK_SOFT}
          >
            {point.label}
          </text>
        ))}
        {layout.path && (
          <path
            className="trend-chart__line"
            d={layout.path}
            fill="none"
            stroke={LINE}
            strokeWidth={2}
          />
        )}
        {layout.points.map((point) =>
          point.y === undefined ? (
            <g key={point.key} className="trend-chart__gap" data-key={point.key}>
              <title>{`${point.label}: no value${point.reason ? ` (${point.reason})` : ''}`}</title>
              <line
                x1={point.x}
                x2={point.x}
                y1={layout.plot.y1 - 6}
                y2={layout.plot.y1}
                stroke={INK_SOFT}
                strokeWidth={1.5}
              />
            </g>
          ) : (
            <circle
              key={point.key}
              className={`trend-chart__point trend-chart__point--${point.band}`}
              data-key={point.key}
              data-band={point.band}
              cx={point.x}
              cy={point.y}
              r={point.key === latest?.key ? 5.5 : 4}
              fill={BAND_COLOURS[point.band].mark}
              stroke="#fff"
              strokeWidth={1.5}
            >
              <title>{`${point.label}: ${value(point.value as number)}, ${BAND_WORDS[point.band].toLowerCase()}`}</title>
            </circle>
          ),
        )}
        {latestPlaced?.y !== undefined && latest?.value !== undefined && (
          <text
            className="trend-chart__latest"
            x={latestPlaced.x}
            y={labelBelow ? latestPlaced.y + 18 : latestPlaced.y - 10}
            textAnchor={labelAnchor}
            fontSize={12}
            fontWeight={700}
            fill={INK}
          >
            {value(latest.value)}
          </text>
        )}
      </svg>
      <div className="trend-chart__bar">
        <span className="trend-chart__legend" aria-hidden="true">
          {layout.zones.length > 0 && (
            <>
              {(['good', 'watch', 'poor'] as const)
                .filter((band) => layout.zones.some((zone) => zone.band === band))
                .map((band) => (
                  <span key={band} className="trend-chart__key">
                    <span
                      className="trend-chart__swatch"
                      style={{
                        background: BAND_COLOURS[band].zone,
                        borderColor: BAND_COLOURS[band].mark,
                      }}
                    />
                    {BAND_WORDS[band]}
                  </span>
                ))}
            </>
          )}
          {change && (
            <span className="trend-chart__change">
              {directionArrow(trend.direction)} {change}
            </span>
          )}
        </span>
        {!noTable && (
          <TableToggle
            shown={showTable}
            tableId={tableId}
            onToggle={() => setShowTable((shown) => !shown)}
          />
        )}
      </div>
      {!noTable && (
        <div id={tableId} className="trend-chart__table" hidden={!showTable}>
          <table className="chart-table">
            <caption>{definition.name}</caption>
            <thead>
              <tr>
                <th scope="col">{trend.id === 'alignment' ? 'Point' : 'Period'}</th>
                <th scope="col">Value</th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {trend.points.map((point) => (
                <tr key={point.key}>
                  <th scope="row">{point.label}</th>
                  <td>
                    {point.value !== undefined
                      ? value(point.value)
                      : `No value${point.reason ? `: ${point.reason}` : ''}`}
                  </td>
                  <td>{BAND_WORDS[point.band]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
