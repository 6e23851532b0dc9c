/**
 * The capacity heatmap in large type for a projector: the board's heatmap model (the same cells,
 * colours and words), drawn at scale 1 with 16 px labels and 19 px bold values (large text), each team's name on
 * its own line above its cells. No controls: the table of every value is for screen readers.
 */
import { useId, useMemo } from 'react';
import type { CutLine } from '../../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { plural } from '../../../../shared/format';
import {
  HEAT_COLORS,
  buildHeatmap,
  cellFill,
  describeCell,
  textColorOn,
} from '../../../charts/heatmap-model';
import { HeatmapTable } from '../../../charts/HeatmapTable';
import { fitLabel } from '../../../charts/label-fit';
import { PRESENT_HEATMAP, presentCellLabel, presentHeatmapLayout } from './presentation-model';

export type PresentationHeatmapProps = {
  readonly portfolio: Portfolio;
  readonly cutLine: CutLine;
};

const INK = '#000000';

export function PresentationHeatmap({ portfolio, cutLine }: PresentationHeatmapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const model = useMemo(() => buildHeatmap(portfolio, cutLine), [portfolio, cutLine]);
  if (model.rows.length === 0) {
    return <p className="present-heatmap__empty">No teams or periods to show capacity for.</p>;
  }
  const layout = presentHeatmapLayout(
    model.rows.length,
    model.periods.map((period) => period.label),
  );
  const sizes = PRESENT_HEATMAP;
  const hatchId = `${uid}-over`;
  const summary = `Capacity used by the initiatives above the line: ${plural(model.rows.length, 'row', 'rows')} by ${plural(model.periods.length, 'period', 'periods')}, ${
    model.overCount > 0
      ? `${plural(model.overCount, 'cell', 'cells')} over capacity`
      : 'nothing over capacity'
  }. The table that follows gives every value.`;
  return (
    <figure className="present-heatmap">
      <svg
        className="present-heatmap__svg"
        role="img"
        aria-label={summary}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        data-testid="present-heatmap"
      >
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width={8}
            height={8}
            patternTransform="rotate(45)"
          >
            <rect width={8} height={8} fill={HEAT_COLORS.over} />
            <rect width={3} height={8} fill={HEAT_COLORS.overStripe} />
          </pattern>
        </defs>
        {layout.periodLines.map((lines, column) => (
          <text
            key={model.periods[column]?.id ?? column}
            x={layout.columnX(column) + layout.cellWidth / 2}
            y={sizes.headerLine - 4}
            textAnchor="middle"
            fontSize={sizes.labelFont}
            fontWeight={600}
            fill={INK}
          >
            {lines.map((line, index) => (
              <tspan
                key={index}
                x={layout.columnX(column) + layout.cellWidth / 2}
                dy={index === 0 ? 0 : sizes.headerLine}
              >
                {line}
              </tspan>
            ))}
          </text>
        ))}
        {model.rows.map((row, rowIndex) => (
          <g key={`${row.kind}:${row.id}`} data-row={row.id}>
            <text
              x={0}
              y={layout.nameY(rowIndex)}
              fontSize={sizes.labelFont}
              fontWeight={600}
              fill={INK}
            >
              {fitLabel(row.name, layout.width, sizes.labelFont)}
            </text>
            {row.cells.map((cell) => {
              const x = layout.columnX(cell.periodIndex) + sizes.gap / 2;
              const y = layout.cellY(rowIndex);
              const width = layout.cellWidth - sizes.gap;
              const fill = cellFill(cell);
              const over = cell.status === 'over';
              return (
                <g
                  key={cell.periodId}
                  data-period={cell.periodId}
                  data-status={cell.status}
                  className="present-heatmap__cell"
                >
                  <title>{`${row.name}, ${model.periods[cell.periodIndex]?.label ?? cell.periodId}: ${describeCell(portfolio, row, cell)}`}</title>
                  <rect
                    x={x}
                    y={y}
                    width={width}
                    height={sizes.cellHeight}
                    rx={3}
                    fill={over ? `url(#${hatchId})` : fill}
                    stroke={over ? HEAT_COLORS.overStripe : '#5f6478'}
                    strokeWidth={over ? 2 : 1}
                    strokeDasharray={cell.status === 'none' ? '4 3' : undefined}
                  />
                  {over ? (
                    // Pure white on a dark pill: the hatched fill alone would leave the text
                    // contrast to chance.
                    <rect
                      x={x + 3}
                      y={y + 4}
                      width={width - 6}
                      height={sizes.cellHeight - 8}
                      rx={4}
                      fill={HEAT_COLORS.overStripe}
                    />
                  ) : null}
                  <text
                    x={x + width / 2}
                    y={y + sizes.cellHeight / 2}
                    dominantBaseline="central"
                    textAnchor="middle"
                    fontSize={sizes.valueFont}
                    fontWeight={700}
                    fill={
                      over
                        ? HEAT_COLORS.paper
                        : cell.status === 'ok'
                          ? textColorOn(fill)
                          : HEAT_COLORS.cellInk
                    }
                  >
                    {fitLabel(presentCellLabel(cell), width - 6, sizes.valueFont)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="present-heatmap__legend">
        <span className="present-heatmap__scale" aria-hidden="true" />
        <span>Darker: more of the capacity used</span>
        <span className="present-heatmap__over-key" aria-hidden="true" />
        <span>Over capacity</span>
      </figcaption>
      <HeatmapTable
        portfolio={portfolio}
        model={model}
        caption="Capacity use per team and period"
        className="present__sr"
      />
    </figure>
  );
}
