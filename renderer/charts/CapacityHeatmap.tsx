/**
 * Capacity heatmap: how much of each team's capacity (and of the budget) the initiatives above
 * the cut line use, period by period. While a card is dragged it shows the cut line the drop
 * would give, and marks the cells that would change. The same component prints in the board pack.
 */
import { plural } from '../../shared/format';
import { HeatmapTable } from './HeatmapTable';
import { TableToggle } from './TableToggle';
import { useId, useMemo, useState } from 'react';
import type { CutLine } from '../../shared/prioritize/cutline';
import type { Portfolio } from '../../shared/portfolio/types';
import {
  HEATMAP_SIZES,
  HEAT_COLORS,
  buildHeatmap,
  cellFill,
  describeCell,
  heatmapLayout,
  legendStops,
  textColorOn,
  type HeatmapCell,
  type HeatmapModel,
  type HeatmapRow,
} from './heatmap-model';
import { fitLabel } from './label-fit';
import './charts.css';

export type CapacityHeatmapProps = {
  readonly portfolio: Portfolio;
  /** What is above the line now. */
  readonly cutLine: CutLine;
  /** The cut line if the card being dragged were dropped where it hovers. */
  readonly preview?: CutLine;
};

type Hovered = { readonly row: number; readonly column: number };

const CELL_FONT = 12;
const LABEL_FONT = 12;

function previewStatus(model: HeatmapModel): string {
  if (!model.isPreview) return '';
  const changes =
    model.changedCount === 0
      ? 'no cell changes'
      : `${plural(model.changedCount, 'cell', 'cells')} change`;
  const over =
    model.overCount > 0 ? `, ${plural(model.overCount, 'cell', 'cells')} over capacity` : '';
  return `Preview while dragging: ${changes}${over}.`;
}

export function CapacityHeatmap({ portfolio, cutLine, preview }: CapacityHeatmapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const model = useMemo(
    () => buildHeatmap(portfolio, cutLine, preview),
    [portfolio, cutLine, preview],
  );

  if (model.rows.length === 0) {
    const missing =
      portfolio.periods.length === 0 ? 'periods' : portfolio.teams.length === 0 ? 'teams' : 'rows';
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">No capacity to show yet.</p>
        <p>
          The heatmap needs {missing === 'periods' ? 'planning periods' : 'teams with capacity'}.
          Add them in the Portfolio area.
        </p>
      </div>
    );
  }

  const layout = heatmapLayout(model.rows.length, model.periods.length);
  const tableId = `${uid}-table`;
  const hatchId = `${uid}-over`;
  const gradientId = `${uid}-scale`;
  const captionText = model.isPreview
    ? 'Capacity use per team and period, preview while dragging'
    : 'Capacity use per team and period';
  const summary = `Capacity heatmap of ${plural(model.rows.length, 'row', 'rows')} by ${plural(model.periods.length, 'period', 'periods')}${
    model.overCount > 0
      ? `, ${plural(model.overCount, 'cell', 'cells')} over capacity`
      : ', nothing over capacity'
  }${model.isPreview ? ', preview while dragging' : ''}. The table below gives every value.`;

  const hoveredRow = hovered ? model.rows[hovered.row] : undefined;
  const hoveredCell = hovered ? hoveredRow?.cells[hovered.column] : undefined;

  return (
    <figure className={`heatmap${model.isPreview ? ' heatmap--preview' : ''}`}>
      <div className="heatmap__bar">
        <p className="heatmap__status" aria-live="polite">
          {previewStatus(model)}
        </p>
        <TableToggle
          shown={showTable}
          tableId={tableId}
          onToggle={() => setShowTable((shown) => !shown)}
        />
      </div>
      <div className="heatmap__chart" onPointerLeave={() => setHovered(null)}>
        <svg
          className="heatmap__svg"
          role="img"
          aria-label={summary}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <defs>
            <pattern
              id={hatchId}
              patternUnits="userSpaceOnUse"
              width={6}
              height={6}
              patternTransform="rotate(45)"
            >
              <rect width={6} height={6} fill={HEAT_COLORS.over} />
              <rect width={2.5} height={6} fill={HEAT_COLORS.overStripe} />
            </pattern>
            <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
              {legendStops().map((stop) => (
                <stop key={stop.offset} offset={stop.offset} stopColor={stop.color} />
              ))}
            </linearGradient>
          </defs>
          {model.periods.map((period, column) => (
            <text
              key={period.id}
              className="heatmap__period"
              x={layout.columnX(column) + layout.cellWidth / 2}
              y={HEATMAP_SIZES.headerHeight - 9}
              textAnchor="middle"
              fontSize={LABEL_FONT}
              fontWeight={600}
              fill="#4a4f63"
            >
              {fitLabel(period.label, layout.cellWidth - 4, LABEL_FONT)}
            </text>
          ))}
          {model.rows.map((row, rowIndex) => (
            <HeatmapRowCells
              key={`${row.kind}:${row.id}`}
              portfolio={portfolio}
              row={row}
              rowIndex={rowIndex}
              model={model}
              layout={layout}
              hatchId={hatchId}
              onHover={(column) => setHovered({ row: rowIndex, column })}
            />
          ))}
          <Legend
            layout={layout}
            gradientId={gradientId}
            hatchId={hatchId}
            isPreview={model.isPreview}
          />
        </svg>
        {hoveredRow && hoveredCell && hovered ? (
          <div
            className="heatmap__tooltip"
            aria-hidden="true"
            style={{
              left: `${((layout.columnX(hovered.column) + layout.cellWidth / 2) / layout.width) * 100}%`,
              top: `${(layout.rowY(hovered.row) / layout.height) * 100}%`,
            }}
          >
            <strong>
              {hoveredRow.name} · {model.periods[hovered.column]?.label}
            </strong>
            <span>{describeCell(portfolio, hoveredRow, hoveredCell)}</span>
          </div>
        ) : null}
      </div>
      <div id={tableId} className={showTable ? 'heatmap__table' : 'visually-hidden'}>
        <HeatmapTable
          portfolio={portfolio}
          model={model}
          caption={captionText}
          className="chart-table"
        />
      </div>
    </figure>
  );
}

type RowProps = {
  readonly portfolio: Portfolio;
  readonly row: HeatmapRow;
  readonly rowIndex: number;
  readonly model: HeatmapModel;
  readonly layout: ReturnType<typeof heatmapLayout>;
  readonly hatchId: string;
  readonly onHover: (column: number) => void;
};

function HeatmapRowCells({ portfolio, row, rowIndex, model, layout, hatchId, onHover }: RowProps) {
  const y = layout.rowY(rowIndex);
  return (
    <g className={`heatmap__row heatmap__row--${row.kind}`} data-row={row.id}>
      {row.kind === 'budget' && rowIndex > 0 ? (
        <line
          x1={8}
          x2={layout.width}
          y1={y - 0.5}
          y2={y - 0.5}
          stroke="#9da3bb"
          strokeDasharray="3 3"
        />
      ) : null}
      <text
        className="heatmap__row-label"
        x={HEATMAP_SIZES.labelWidth - 10}
        y={y + layout.cellHeight / 2}
        dominantBaseline="central"
        textAnchor="end"
        fontSize={LABEL_FONT}
        fill="#1b1e2b"
      >
        <title>{row.name}</title>
        {fitLabel(row.name, HEATMAP_SIZES.labelWidth - 18, LABEL_FONT)}
      </text>
      {row.cells.map((cell) => (
        <Cell
          key={cell.periodId}
          cell={cell}
          x={layout.columnX(cell.periodIndex)}
          y={y}
          width={layout.cellWidth}
          height={layout.cellHeight}
          hatchId={hatchId}
          title={`${row.name}, ${model.periods[cell.periodIndex]?.label ?? cell.periodId}: ${describeCell(portfolio, row, cell)}`}
          onHover={() => onHover(cell.periodIndex)}
        />
      ))}
    </g>
  );
}

type CellProps = {
  readonly cell: HeatmapCell;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly hatchId: string;
  readonly title: string;
  readonly onHover: () => void;
};

function Cell({ cell, x, y, width, height, hatchId, title, onHover }: CellProps) {
  const gap = HEATMAP_SIZES.gap;
  const fill = cellFill(cell);
  const ink = textColorOn(fill);
  const over = cell.status === 'over';
  const inner = { x: x + gap / 2, y: y + gap / 2, width: width - gap, height: height - gap };
  const textX = over ? inner.x + 16 + (inner.width - 16) / 2 : inner.x + inner.width / 2;
  return (
    <g
      className={`heatmap__cell heatmap__cell--${cell.status}`}
      data-period={cell.periodId}
      data-status={cell.status}
      data-change={cell.change}
      onPointerEnter={onHover}
    >
      <title>{title}</title>
      <rect
        {...inner}
        rx={3}
        fill={over ? `url(#${hatchId})` : fill}
        stroke={over ? HEAT_COLORS.overStripe : cell.status === 'ok' ? '#e9ebf1' : '#d9dce6'}
        strokeWidth={over ? 2 : 1}
        strokeDasharray={cell.status === 'none' ? '3 3' : undefined}
      />
      {over ? (
        <g
          className="heatmap__warning"
          transform={`translate(${inner.x + 5} ${inner.y + inner.height / 2 - 6})`}
        >
          <path d="M6 0 L12 11 L0 11 Z" fill={HEAT_COLORS.paper} />
          <path d="M6 3.5 V7.2 M6 8.6 V9.4" stroke={HEAT_COLORS.over} strokeWidth={1.6} />
        </g>
      ) : null}
      <text
        className="heatmap__value"
        x={textX}
        y={inner.y + inner.height / 2}
        dominantBaseline="central"
        textAnchor="middle"
        fontSize={CELL_FONT}
        fontWeight={over ? 700 : 500}
        fill={over ? HEAT_COLORS.paper : cell.status === 'ok' ? ink : '#5f6478'}
      >
        {cell.label}
      </text>
      {cell.change ? (
        <>
          <rect
            className="heatmap__changed"
            x={inner.x + 1}
            y={inner.y + 1}
            width={inner.width - 2}
            height={inner.height - 2}
            rx={3}
            fill="none"
            stroke={HEAT_COLORS.change}
            strokeWidth={2.5}
          />
          <text
            className="heatmap__arrow"
            x={inner.x + inner.width - 4}
            y={inner.y + 12}
            textAnchor="end"
            fontSize={CELL_FONT}
            fill={over ? HEAT_COLORS.paper : ink}
          >
            {cell.change === 'up' ? '▲' : '▼'}
          </text>
        </>
      ) : null}
    </g>
  );
}

type LegendProps = {
  readonly layout: ReturnType<typeof heatmapLayout>;
  readonly gradientId: string;
  readonly hatchId: string;
  readonly isPreview: boolean;
};

function Legend({ layout, gradientId, hatchId, isPreview }: LegendProps) {
  const x = HEATMAP_SIZES.labelWidth;
  const y = layout.legendY;
  const scaleWidth = 140;
  return (
    <g className="heatmap__legend" fontSize={LABEL_FONT} fill="#4a4f63">
      <rect
        x={x}
        y={y}
        width={scaleWidth}
        height={10}
        rx={2}
        fill={`url(#${gradientId})`}
        stroke="#d9dce6"
      />
      {[0, 0.5, 1].map((tick) => (
        <text
          key={tick}
          x={x + tick * scaleWidth}
          y={y + 24}
          textAnchor={tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle'}
        >
          {tick * 100}%
        </text>
      ))}
      <rect
        x={x + scaleWidth + 20}
        y={y - 2}
        width={14}
        height={14}
        rx={2}
        fill={`url(#${hatchId})`}
        stroke={HEAT_COLORS.overStripe}
        strokeWidth={1.5}
      />
      <text x={x + scaleWidth + 40} y={y + 9}>
        Over capacity
      </text>
      {isPreview ? (
        <>
          <rect
            x={x + scaleWidth + 140}
            y={y - 2}
            width={14}
            height={14}
            rx={2}
            fill="none"
            stroke={HEAT_COLORS.change}
            strokeWidth={2.5}
          />
          <text x={x + scaleWidth + 160} y={y + 9}>
            Changed by the move ▲▼
          </text>
        </>
      ) : null}
    </g>
  );
}
