/**
 * Alignment heatmap: which initiative serves which objective, and how strongly. Objectives down
 * the side in tree order, initiatives across with the funded ones first under their own band, a
 * shaded cell with the contribution's number wherever an initiative links to an objective. The
 * objectives' names stay put while a wide grid scrolls sideways; every link is also in a table
 * (_Show as table_, and always there for screen readers). The same component prints in the
 * board pack, a page-sized part of the columns at a time.
 */
import { TableToggle } from './TableToggle';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ContributionMatrix } from '../../shared/strategy/alignment';
import {
  ALIGNMENT_COLORS,
  COLUMN_LABEL_ANGLE,
  buildAlignmentHeatmap,
  contributionWords,
  describeHeatmap,
  heatmapPart,
  legendSwatches,
  type AlignmentHeatmapModel,
  type AlignmentHeatmapSizes,
} from './alignment-heatmap-model';
import './charts.css';
import './alignment-heatmap.css';

export type AlignmentHeatmapProps = {
  readonly matrix: ContributionMatrix;
  /** Only the funded initiatives (the printed pack). */
  readonly fundedOnly?: boolean;
  /** Only these of the ordered columns, [from, to): one page-sized part of a wide heatmap. */
  readonly range?: readonly [number, number];
  /** Only these of the objectives, [from, to): one page-sized part of a tall heatmap. */
  readonly rowRange?: readonly [number, number];
  readonly sizes?: Partial<AlignmentHeatmapSizes>;
  /** Draw the legend (a printed part after the first leaves it to the first). */
  readonly legend?: boolean;
};

/**
 * Whether the element is wider than its box: then it scrolls, and must take the focus. Checked
 * again when its box changes size and when `content` (what it draws) changes.
 */
function useOverflows<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [content]);
  return { ref, overflows };
}

export function AlignmentHeatmap({
  matrix,
  fundedOnly,
  range,
  rowRange,
  sizes,
  legend = true,
}: AlignmentHeatmapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [showTable, setShowTable] = useState(false);
  const model = useMemo(
    () =>
      buildAlignmentHeatmap(matrix, {
        ...(fundedOnly && { fundedOnly }),
        ...(range && { range }),
        ...(rowRange && { rowRange }),
        ...(sizes && { sizes }),
      }),
    [matrix, fundedOnly, range, rowRange, sizes],
  );
  const scroll = useOverflows<HTMLDivElement>(model);

  if (model.rows.length === 0) {
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">No objectives to show.</p>
        <p>Add themes and objectives in the tree, then link initiatives to them.</p>
      </div>
    );
  }
  if (model.columns.length === 0) {
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">
          {fundedOnly
            ? 'No funded initiative is linked to an objective.'
            : 'No initiative is linked to an objective yet.'}
        </p>
        <p>Link initiatives to the objectives they serve in each initiative’s editor.</p>
      </div>
    );
  }

  const tableId = `${uid}-table`;
  const summary = describeHeatmap(model);
  return (
    <figure className="alignment-heatmap" style={{ fontSize: model.sizes.fontSize }}>
      <div className="alignment-heatmap__bar">
        {legend ? <Legend fundedOnly={model.unfunded === 0} /> : <span />}
        <TableToggle
          shown={showTable}
          tableId={tableId}
          onToggle={() => setShowTable((shown) => !shown)}
        />
      </div>
      <div className="alignment-heatmap__chart">
        <ObjectiveNames model={model} />
        <div
          ref={scroll.ref}
          className="alignment-heatmap__scroll"
          {...(scroll.overflows && {
            tabIndex: 0,
            role: 'region',
            'aria-label': 'Alignment heatmap (scrolls sideways)',
          })}
        >
          <Grid model={model} summary={summary} />
        </div>
      </div>
      {scroll.overflows ? (
        <p className="alignment-heatmap__hint">
          Scroll the grid sideways for all {model.columns.length} initiatives; the objectives stay
          in view.
        </p>
      ) : null}
      <div
        id={tableId}
        className={`alignment-heatmap__table${showTable ? '' : ' visually-hidden'}`}
      >
        <LinkTable model={model} />
      </div>
    </figure>
  );
}

/** The objectives' names: a piece of its own, so that it stays while the grid scrolls. */
function ObjectiveNames({ model }: { readonly model: AlignmentHeatmapModel }) {
  const { layout, sizes } = model;
  return (
    <svg
      className="alignment-heatmap__names"
      aria-hidden="true"
      width={layout.labelWidth}
      height={layout.height}
      viewBox={`0 0 ${layout.labelWidth} ${layout.height}`}
    >
      <text
        x={layout.labelWidth - 8}
        y={layout.bandY + sizes.bandHeight / 2}
        dominantBaseline="central"
        textAnchor="end"
        fontSize={sizes.fontSize}
        fill={ALIGNMENT_COLORS.muted}
      >
        Initiatives →
      </text>
      <text x={8} y={layout.gridTop - 6} fontSize={sizes.fontSize} fill={ALIGNMENT_COLORS.muted}>
        Objectives ↓
      </text>
      {model.rows.map((row) => (
        <g key={row.id} className="alignment-heatmap__row-name" data-row={row.id}>
          {row.theme ? (
            <rect
              x={0}
              y={row.y}
              width={layout.labelWidth}
              height={sizes.cell}
              fill={ALIGNMENT_COLORS.themeBand}
            />
          ) : null}
          <line
            x1={0}
            x2={layout.labelWidth}
            y1={row.y + sizes.cell - 0.5}
            y2={row.y + sizes.cell - 0.5}
            stroke={ALIGNMENT_COLORS.rowLine}
          />
          <text
            x={row.labelX}
            y={row.y + sizes.cell / 2}
            dominantBaseline="central"
            fontSize={sizes.fontSize}
            fontWeight={row.theme ? 650 : 450}
            fill={ALIGNMENT_COLORS.ink}
          >
            <title>{row.name}</title>
            {row.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Grid({
  model,
  summary,
}: {
  readonly model: AlignmentHeatmapModel;
  readonly summary: string;
}) {
  const { layout, sizes } = model;
  const gap = sizes.gap;
  const bottom = layout.gridTop + layout.gridHeight;
  return (
    <svg
      className="alignment-heatmap__grid"
      role="img"
      aria-label={summary}
      width={layout.gridWidth}
      height={layout.height}
      viewBox={`0 0 ${layout.gridWidth} ${layout.height}`}
    >
      {model.rows.map((row) =>
        row.theme ? (
          <rect
            key={`band-${row.id}`}
            x={0}
            y={row.y}
            width={layout.columnsWidth}
            height={sizes.cell}
            fill={ALIGNMENT_COLORS.themeBand}
          />
        ) : null,
      )}
      {model.rows.map((row) => (
        <line
          key={`line-${row.id}`}
          x1={0}
          x2={layout.columnsWidth}
          y1={row.y + sizes.cell - 0.5}
          y2={row.y + sizes.cell - 0.5}
          stroke={ALIGNMENT_COLORS.rowLine}
        />
      ))}
      {model.columns.map((column) => (
        <line
          key={`column-${column.id}`}
          x1={column.x + sizes.cell - 0.5}
          x2={column.x + sizes.cell - 0.5}
          y1={layout.gridTop}
          y2={bottom}
          stroke={ALIGNMENT_COLORS.rowLine}
        />
      ))}
      {model.groups.map((group) => (
        <g
          key={group.funded ? 'funded' : 'other'}
          className={`alignment-heatmap__band alignment-heatmap__band--${group.funded ? 'funded' : 'other'}`}
        >
          <title>{group.title}</title>
          <rect
            x={group.x + gap / 2}
            y={layout.bandY}
            width={group.width - gap}
            height={sizes.bandHeight}
            rx={3}
            fill={group.funded ? ALIGNMENT_COLORS.fundedBand : ALIGNMENT_COLORS.otherBand}
          />
          {group.labelAt.map((at) => (
            <text
              key={at}
              x={group.x + at}
              y={layout.bandY + sizes.bandHeight / 2}
              dominantBaseline="central"
              fontSize={sizes.fontSize}
              fontWeight={600}
              fill={group.funded ? ALIGNMENT_COLORS.paper : ALIGNMENT_COLORS.ink}
            >
              {group.label}
            </text>
          ))}
        </g>
      ))}
      {model.funded > 0 && model.unfunded > 0 ? (
        <line
          className="alignment-heatmap__divider"
          x1={model.funded * sizes.cell}
          x2={model.funded * sizes.cell}
          y1={layout.bandY}
          y2={bottom}
          stroke={ALIGNMENT_COLORS.divider}
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
      ) : null}
      {model.columns.map((column) => (
        <text
          key={`name-${column.id}`}
          className="alignment-heatmap__column-name"
          data-column={column.id}
          data-funded={column.funded ? 'true' : 'false'}
          transform={`translate(${column.x + sizes.cell / 2 + sizes.fontSize * 0.3} ${layout.bandY - 4}) rotate(${-COLUMN_LABEL_ANGLE})`}
          fontSize={sizes.fontSize}
          fontWeight={column.funded ? 600 : 400}
          fill={column.funded ? ALIGNMENT_COLORS.ink : ALIGNMENT_COLORS.muted}
        >
          <title>{`${column.name} (${column.funded ? 'funded' : 'not funded'})`}</title>
          {column.label}
        </text>
      ))}
      {model.links.map((link) => {
        const column = model.columns[link.column];
        const row = model.rows[link.row];
        if (!column || !row) return null;
        return (
          <g
            key={`${row.id}:${column.id}`}
            className="alignment-heatmap__cell"
            data-row={row.id}
            data-column={column.id}
            data-contribution={link.contribution}
          >
            <title>{link.title}</title>
            <rect
              x={column.x + gap / 2}
              y={row.y + gap / 2}
              width={sizes.cell - gap}
              height={sizes.cell - gap}
              rx={3}
              fill={link.fill}
              stroke={link.funded ? '#c9cfe6' : '#d9dce6'}
            />
            <text
              x={column.x + sizes.cell / 2}
              y={row.y + sizes.cell / 2}
              dominantBaseline="central"
              textAnchor="middle"
              fontSize={sizes.fontSize}
              fontWeight={600}
              fill={link.ink}
            >
              {link.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ fundedOnly }: { readonly fundedOnly: boolean }) {
  const swatches = legendSwatches(fundedOnly);
  const group = (funded: boolean) => (
    <span className="alignment-heatmap__key">
      {swatches
        .filter((swatch) => swatch.funded === funded)
        .map((swatch) => (
          <span
            key={swatch.contribution}
            className="alignment-heatmap__swatch"
            style={{ background: swatch.fill, color: swatch.ink }}
          >
            {swatch.contribution}
          </span>
        ))}
      <span>{funded ? 'funded' : 'not funded'}</span>
    </span>
  );
  return (
    <p className="alignment-heatmap__legend">
      <span className="alignment-heatmap__legend-title">Contribution</span>
      {group(true)}
      {fundedOnly ? null : group(false)}
      <span className="alignment-heatmap__legend-words">1 weak · 2 medium · 3 strong</span>
    </p>
  );
}

/** Every link in words: per objective, the funded and the other initiatives serving it. */
function LinkTable({ model }: { readonly model: AlignmentHeatmapModel }) {
  const byRow = new Map<number, { funded: string[]; other: string[] }>();
  for (const link of model.links) {
    const column = model.columns[link.column];
    if (!column) continue;
    const entry = byRow.get(link.row) ?? { funded: [], other: [] };
    (link.funded ? entry.funded : entry.other).push(
      `${column.name} (${contributionWords(link.contribution)})`,
    );
    byRow.set(link.row, entry);
  }
  const withOthers = model.unfunded > 0;
  return (
    <table className="chart-table alignment-heatmap__links">
      <caption>
        Initiatives serving each objective, with their contribution (1 weak to 3 strong)
        {heatmapPart(model)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col">Funded initiatives</th>
          {withOthers ? <th scope="col">Not funded</th> : null}
        </tr>
      </thead>
      <tbody>
        {model.rows.map((row, index) => {
          const entry = byRow.get(index);
          return (
            <tr key={row.id}>
              <th scope="row" style={{ paddingLeft: 8 + row.depth * 14 }}>
                {row.name}
              </th>
              <td>{entry?.funded.join('; ') || 'None'}</td>
              {withOthers ? <td>{entry?.other.join('; ') || 'None'}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
