/**
 * The board pack's sections as blocks the paginator can place: flowing blocks (paragraphs,
 * figures, charts) and tables whose rows may break across pages under a repeated header.
 */
import type { ReactNode } from 'react';
import type {
  DecisionConcernName,
  DecisionLog,
  DecisionLogEntry,
  PackContent,
  RankedRow,
} from '../../shared/pack/content';
import { DECISION_LOG_DAYS, PACK_LOCALE } from '../../shared/pack/content';
import { SECTION_INFO, type PackInput, type PackSectionId } from '../../shared/pack/types';
import { workshopSummary } from '../../shared/pack/workshop';
import { formatMoney, formatNumber, formatPercent } from '../../shared/format';
import type { CutLine } from '../../shared/prioritize/cutline';
import { callOutRule, callOutSentence, scoreSentence } from '../../shared/strategy/alignment-text';
import { AlignmentHeatmap } from '../charts/AlignmentHeatmap';
import { columnsThatFit, evenParts, rowsThatFit } from '../charts/alignment-heatmap-model';
import { CapacityHeatmap } from '../charts/CapacityHeatmap';
import { FrontierChart } from '../charts/FrontierChart';
import { Roadmap } from '../charts/Roadmap';
import { ROADMAP_SIZES, nameColumnWidth } from '../charts/roadmap-model';
import { ValueEffortChart } from '../charts/ValueEffortChart';
import { flow, note, subheading } from './blocks';
import { intakeSection } from './IntakePage';
import { metricsSection } from './MetricsPage';
import { changesSection, minutesSection } from './ReviewPages';
import { WorkshopSummaryPage } from './WorkshopSummaryPage';
import { cutText, textPieces } from './text-pieces';

export type FlowBlock = {
  readonly kind: 'flow';
  readonly key: string;
  readonly node: ReactNode;
  readonly keepWithNext?: boolean;
};

export type TableBlock = {
  readonly kind: 'table';
  readonly key: string;
  readonly className?: string;
  readonly caption?: string;
  /** Column widths, as CSS lengths or percentages. */
  readonly widths: readonly string[];
  readonly head: readonly ReactNode[];
  readonly rows: readonly {
    readonly key: string;
    readonly cells: readonly ReactNode[];
    readonly className?: string;
  }[];
  /** Column indexes that hold numbers (right-aligned). */
  readonly numeric?: readonly number[];
  readonly empty?: string;
};

/**
 * A chart of lanes (the roadmap) that breaks between its lanes like a table between its rows:
 * each page draws its run of lanes under the chart's own header. Its lanes carry `data-lane`, so
 * that their printed heights can be measured.
 */
export type LanesBlock = {
  readonly kind: 'lanes';
  readonly key: string;
  readonly count: number;
  /** The chart with lanes [from, to); all of them without `rows`. */
  readonly render: (rows?: readonly [number, number]) => ReactNode;
};

export type Block = FlowBlock | TableBlock | LanesBlock;

export type SectionSpec = {
  readonly id: PackSectionId | 'contents';
  readonly title: string;
  readonly blocks: readonly Block[];
};

/** The page geometry the roadmap needs to split its lanes into page-sized pieces. */
export type PageRoom = { readonly widthPx: number; readonly heightPx: number };

const number = (value: number, digits = 1) => formatNumber(value, digits, PACK_LOCALE);
const percent = (value: number) => formatPercent(value, PACK_LOCALE);

const STATUS_LABEL: Record<RankedRow['status'], string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  active: 'Active',
  done: 'Done',
  cancelled: 'Cancelled',
};

/**
 * A share as a bar on a track whose full width is `most` (the largest share or weight of its
 * table, so that the bars compare), and the objective's weight as a mark on the same scale.
 */
function Bar({
  share,
  weight,
  most = 1,
}: {
  readonly share: number;
  readonly weight?: number;
  readonly most?: number;
}) {
  const at = (value: number) => `${Math.max(0, Math.min(1, value / most)) * 100}%`;
  return (
    <span className="pack-bar">
      <span className="pack-bar__track">
        <span className="pack-bar__fill" style={{ width: at(share) }} />
        {weight !== undefined && (
          <span className="pack-bar__weight" aria-hidden="true" style={{ left: at(weight) }} />
        )}
      </span>
      <span className="pack-bar__text">{percent(share)}</span>
    </span>
  );
}

function summarySection(input: PackInput, content: PackContent): Block[] {
  const blocks: Block[] = content.summary.map((line, index) =>
    flow(`summary-${index}`, <p className={index === 0 ? 'pack-lead' : 'pack-p'}>{line}</p>),
  );
  blocks.push(
    flow(
      'figures',
      <div className="pack-figures">
        {content.keyFigures.map((figure) => (
          <div className="pack-figure" key={figure.label}>
            <div className="pack-figure__label">{figure.label}</div>
            <div className="pack-figure__value">{figure.value}</div>
            {figure.change !== undefined && (
              <div
                className={`pack-figure__change pack-figure__change--${
                  figure.good === undefined ? 'same' : figure.good ? 'good' : 'bad'
                }`}
              >
                <span aria-hidden="true">
                  {figure.direction === 'up' ? '▲ ' : figure.direction === 'down' ? '▼ ' : '■ '}
                </span>
                {figure.change}
                {content.since
                  ? ` since ${content.since.date}`
                  : content.compareWith
                    ? ` vs ${content.compareWith.name}`
                    : ''}
              </div>
            )}
            {figure.note && <div className="pack-figure__note">{figure.note}</div>}
          </div>
        ))}
      </div>,
    ),
  );
  const against = content.since
    ? `the last review (${content.since.date})`
    : content.compareWith
      ? `“${content.compareWith.name}”`
      : undefined;
  if (content.changes && against) {
    blocks.push(
      subheading(
        'changes-title',
        content.since ? `Funded since ${against}` : `What changed since ${against}`,
      ),
    );
    const { comesIn, goesOut } = content.changes;
    blocks.push(
      flow(
        'changes',
        comesIn.length === 0 && goesOut.length === 0 ? (
          <p className="pack-p">The same initiatives are funded.</p>
        ) : (
          <div className="pack-columns">
            <div>
              <p className="pack-label">Comes in ({comesIn.length})</p>
              <p className="pack-p">{comesIn.join(' · ') || 'Nothing'}</p>
            </div>
            <div>
              <p className="pack-label">Goes out ({goesOut.length})</p>
              <p className="pack-p">{goesOut.join(' · ') || 'Nothing'}</p>
            </div>
          </div>
        ),
      ),
    );
  }
  if (content.decisions.length > 0) {
    const shown = content.decisions.slice(0, 8);
    const all = content.decisions.length;
    blocks.push(
      subheading(
        'decisions-title',
        all <= shown.length
          ? 'Decisions needed'
          : input.settings.sections.includes('decisions')
            ? `Decisions needed: the first ${shown.length} of ${all} (all in ${SECTION_INFO.decisions.title})`
            : `Decisions needed: the first ${shown.length} of ${all}`,
      ),
    );
    blocks.push(decisionTable('summary-decisions', shown));
  }
  return blocks;
}

const DECISION_LABEL = {
  approve: 'Approve',
  stop: 'Stop or defer',
  'no-room': 'Committed, no room',
  'forced-conflict': 'Mandatory, no room',
  optimizer: 'Better plan',
} as const;

function decisionTable(key: string, decisions: PackContent['decisions']): TableBlock {
  return {
    kind: 'table',
    key,
    widths: ['18%', '28%', '54%'],
    head: ['Decision', 'Initiative', 'What and why'],
    rows: decisions.map((decision, index) => ({
      key: `${decision.kind}-${decision.initiativeId ?? index}`,
      cells: [
        <span className={`pack-tag pack-tag--${decision.kind}`}>
          {DECISION_LABEL[decision.kind]}
        </span>,
        decision.subject,
        decision.detail,
      ],
    })),
  };
}

/** The heatmap's sizes on a page: the pack's type size, cells to match. */
export const PACK_HEATMAP_SIZES = {
  cell: 20,
  fontSize: 10,
  indent: 10,
  minLabelWidth: 120,
  maxLabelWidth: 240,
  maxColumnLabel: 190,
  bandHeight: 18,
  gap: 2,
} as const;

/** Room under a heatmap part for its legend line. */
const HEATMAP_LEGEND_PX = 36;

/**
 * The alignment heatmap of the funded initiatives in page-sized parts: as many columns as the
 * page is wide and as many objectives as it is tall, the parts as even as can be. Each part is
 * the same chart, with its own header, band ("Funded 1–14 of 27") and legend.
 */
export function alignmentHeatmapParts(
  matrix: PackContent['portfolioAlignment']['matrix'],
  room: PageRoom,
): { columns: [number, number]; rows: [number, number] }[] {
  const funded = matrix.columns.filter((column) => column.funded).length;
  if (funded === 0 || matrix.rows.length === 0) return [];
  const options = { fundedOnly: true, sizes: PACK_HEATMAP_SIZES };
  // A little narrower than the page: the chart's border and rounding.
  const columnParts = evenParts(funded, columnsThatFit(matrix, room.widthPx - 6, options));
  return columnParts.flatMap((columns) => {
    const most = rowsThatFit(
      matrix,
      room.heightPx * 0.92,
      { ...options, range: columns },
      HEATMAP_LEGEND_PX,
    );
    return evenParts(matrix.rows.length, most).map((rows) => ({ columns, rows }));
  });
}

function alignmentSection(content: PackContent, room: PageRoom): Block[] {
  if (content.alignment.length === 0) {
    return [
      note(
        'none',
        'The portfolio has no objectives: alignment cannot be shown. Add themes and objectives, and link initiatives to them.',
      ),
    ];
  }
  const detail = content.portfolioAlignment;
  const basis = detail.basis;
  const fundedCount = content.ranked.filter((row) => row.above).length;
  const byId = new Map(detail.objectives.map((row) => [row.id, row]));
  const names = new Map(content.ranked.map((row) => [row.id, row.name]));
  const placed = new Set(content.ranked.filter((row) => row.above).map((row) => row.id));
  const blocks: Block[] = [
    flow(
      'intro',
      <p className="pack-p">
        How the spend and the capacity of the {fundedCount} funded initiatives divide across the
        objectives they serve, beside each objective’s weight (its share of the whole strategy; the
        themes make 100%). An initiative linked to several objectives is split by its contributions;
        a theme includes its objectives.
      </p>,
    ),
  ];
  // One scale for every bar of the table, so that shares and weights compare across rows.
  const most = Math.max(
    0.05,
    ...detail.objectives.flatMap((row) => [
      row.spendShare,
      row.capacityShare,
      row.globalWeight ?? 0,
    ]),
    content.unaligned.spendShare,
    content.unaligned.capacityShare,
  );
  const sentence = scoreSentence(detail, PACK_LOCALE);
  blocks.push(
    detail.score !== undefined && sentence
      ? flow(
          'score',
          <div className="pack-score">
            <div className="pack-score__value">
              {number(detail.score, 0)}
              <span className="pack-score__of">/ 100</span>
            </div>
            <div className="pack-score__text">
              <p className="pack-label">Alignment score</p>
              <p className="pack-p">{sentence}</p>
            </div>
          </div>,
        )
      : note(
          'no-score',
          fundedCount === 0
            ? 'Nothing is funded, so there is no spend to compare with the objectives’ weights and no alignment score.'
            : 'The funded initiatives have no spend or demand entered, so there is nothing to compare with the objectives’ weights and no alignment score.',
        ),
  );
  blocks.push({
    kind: 'table',
    key: 'alignment',
    widths: ['40%', '10%', '20%', '20%', '10%'],
    head: ['Objective', 'Weight', 'Share of spend', 'Share of capacity', 'Funded'],
    numeric: [1, 4],
    rows: [
      ...content.alignment.map((row) => {
        const weighed = byId.get(row.id);
        const weight = weighed?.globalWeight;
        return {
          key: row.id,
          className: row.depth === 0 ? 'pack-row--theme' : undefined,
          cells: [
            <span style={{ paddingLeft: `${row.depth * 14}px` }}>
              {row.name}
              {weighed?.callOut && (
                <span className={`pack-tag pack-tag--${weighed.callOut}`}>{weighed.callOut}</span>
              )}
            </span>,
            weight === undefined ? '—' : percent(weight),
            <Bar share={row.spendShare} most={most} {...(weight !== undefined && { weight })} />,
            <Bar share={row.capacityShare} most={most} {...(weight !== undefined && { weight })} />,
            number(row.funded, 0),
          ],
        };
      }),
      {
        key: 'unaligned',
        className: 'pack-row--muted',
        cells: [
          'Not linked to any objective',
          '—',
          <Bar share={content.unaligned.spendShare} most={most} />,
          <Bar share={content.unaligned.capacityShare} most={most} />,
          number(detail.unlinked.filter((id) => placed.has(id)).length, 0),
        ],
      },
    ],
  });
  if (basis) {
    const callOuts = detail.objectives.flatMap((row) => {
      const text = callOutSentence(row, basis, PACK_LOCALE);
      return text ? [{ id: row.id, text }] : [];
    });
    blocks.push(
      flow(
        'call-outs',
        <div className="pack-callouts">
          <p className="pack-note">
            The bar’s mark is the objective’s weight. {callOutRule(PACK_LOCALE)}
          </p>
          {callOuts.length === 0 ? (
            <p className="pack-p">No objective is under- or over-invested.</p>
          ) : (
            callOuts.map((callOut) => (
              <p className="pack-p pack-callout" key={callOut.id}>
                {callOut.text}
              </p>
            ))
          )}
        </div>,
      ),
    );
  }
  const unlinked = [...detail.unlinked].sort(
    (a, b) => Number(placed.has(b)) - Number(placed.has(a)),
  );
  const unserved = detail.unserved.map((id) => byId.get(id)?.name ?? id);
  blocks.push(
    flow(
      'flags',
      <div className="pack-columns">
        <div>
          <p className="pack-label">Linked to no objective ({unlinked.length})</p>
          <p className="pack-p">
            {unlinked.length === 0
              ? 'None: every initiative serves an objective.'
              : unlinked
                  .map((id) => `${names.get(id) ?? id}${placed.has(id) ? ' (funded)' : ''}`)
                  .join(' · ')}
          </p>
        </div>
        <div>
          <p className="pack-label">Served by no funded initiative ({unserved.length})</p>
          <p className="pack-p">
            {unserved.length === 0
              ? 'None: every objective has funded work serving it.'
              : unserved.join(' · ')}
          </p>
        </div>
      </div>,
    ),
  );
  const parts = alignmentHeatmapParts(detail.matrix, room);
  if (parts.length > 0) {
    blocks.push(
      subheading('heatmap-title', 'Which funded initiative serves which objective'),
      flow(
        'heatmap-intro',
        <p className="pack-note">
          Work linked to a theme as a whole shows on the theme’s row.
          {parts.length > 1 ? ` In ${parts.length} parts, to fit the page.` : ''}
        </p>,
        true,
      ),
      ...parts.map((part, index) =>
        flow(
          `heatmap-${index}`,
          <AlignmentHeatmap
            matrix={detail.matrix}
            fundedOnly
            range={part.columns}
            rowRange={part.rows}
            sizes={PACK_HEATMAP_SIZES}
            legend={index === 0}
          />,
        ),
      ),
    );
  }
  return blocks;
}

function rankedSection(content: PackContent): Block[] {
  const money = (value: number) => formatMoney(value, content.currency, true, PACK_LOCALE);
  if (content.ranked.length === 0) {
    return [note('none', 'The portfolio has no initiatives yet.')];
  }
  const { line } = content;
  // The board's order: the pinned group, the rankable cards in front of the line, the line.
  const pinned = content.ranked.slice(0, line.pinned.length);
  const rankable = content.ranked.slice(line.pinned.length);
  const inFront = rankable.slice(0, line.lineIndex);
  const behind = rankable.slice(line.lineIndex);
  const runs = (item: RankedRow) =>
    item.start === item.end ? (item.start ?? '') : `${item.start ?? ''} – ${item.end ?? ''}`;
  const row = (item: RankedRow) => ({
    key: item.id,
    className:
      item.place === 'below'
        ? 'pack-row--below'
        : item.place === 'gap'
          ? 'pack-row--gap'
          : undefined,
    cells: [
      number(item.rank, 0),
      <span>
        <span className="pack-name">{item.name}</span>
        {item.forced && (
          <span className={`pack-tag pack-tag--forced-${item.forced}`}>forced {item.forced}</span>
        )}
        {item.owner && <span className="pack-owner">{item.owner}</span>}
      </span>,
      STATUS_LABEL[item.status],
      item.value === undefined ? '—' : number(item.value, 1),
      money(item.spend),
      item.place === 'below' ? (
        item.reason
      ) : item.place === 'gap' ? (
        <span>
          <span className="pack-tag pack-tag--gap">funded in a gap</span> {runs(item)}
        </span>
      ) : (
        runs(item)
      ),
    ],
  });
  const group = (key: string, text: string) => ({
    key,
    className: 'pack-row--group',
    cells: ['', text, '', '', '', ''],
  });
  return [
    flow(
      'intro',
      <p className="pack-p">
        {content.scenario ? `“${content.scenario.name}”` : 'File order'}: {content.lineSummary} (of{' '}
        {content.ranked.length} initiatives). As on the board, committed and forced-in work is
        pinned first; the line is drawn at the first card that does not fit, and a card behind it
        that still fits is funded in a gap. Rank is the position in the stack; the last column says
        when each funded one runs, or what stops it.
      </p>,
    ),
    {
      kind: 'table',
      key: 'ranked',
      caption: 'Ranked portfolio',
      className: 'pack-table--ranked',
      widths: ['6%', '38%', '10%', '8%', '11%', '27%'],
      head: ['#', 'Initiative', 'Status', 'Value', 'Spend', 'Runs / why below'],
      numeric: [0, 3, 4],
      rows: [
        ...(pinned.length > 0
          ? [
              group('pinned', `Pinned: committed and forced in (${pinned.length})`),
              ...pinned.map(row),
            ]
          : []),
        ...inFront.map(row),
        {
          key: 'cut-line',
          className: 'pack-row--cut',
          cells: ['', `Cut line: ${content.lineSummary}`, '', '', '', ''],
        },
        ...behind.map(row),
      ],
    },
  ];
}

/** The cut line limited to some initiatives, so that a tall roadmap splits into pages. */
function partOf(cutLine: CutLine, ids: ReadonlySet<string>): CutLine {
  const placements = cutLine.placements.filter((placement) => ids.has(placement.id));
  return { ...cutLine, placements, byId: new Map(placements.map((p) => [p.id, p])) };
}

/**
 * The roadmap's sizes on a page: a name column wide enough for the longest name in two lines (at
 * most a third of the page), and columns that share what is left (never narrower than a period
 * label needs: a long horizon shrinks the chart to the page instead).
 */
export function packRoadmapSizes(
  names: readonly string[],
  periods: number,
  room: PageRoom,
): { nameWidth: number; columnWidth: number } {
  const nameWidth = nameColumnWidth(names, 160, room.widthPx / 3);
  const share = (room.widthPx - nameWidth - ROADMAP_SIZES.paddingRight) / Math.max(1, periods);
  const columnWidth = Math.floor(Math.min(ROADMAP_SIZES.columnWidth, Math.max(56, share)));
  return { nameWidth, columnWidth };
}

function roadmapSection(input: PackInput, content: PackContent, room: PageRoom): Block[] {
  const portfolio = input.portfolio;
  const above = content.cutLine.placements.filter((placement) => placement.above);
  if (above.length === 0 || portfolio.periods.length === 0) {
    return [
      flow('empty', <Roadmap portfolio={portfolio} cutLine={content.cutLine} onPinStart={noop} />),
    ];
  }
  const names = new Map(portfolio.initiatives.map((item) => [item.id, item.name]));
  const sizes = packRoadmapSizes(
    above.map((placement) => names.get(placement.id) ?? ''),
    portfolio.periods.length,
    room,
  );
  return [
    flow(
      'intro',
      <p className="pack-p">
        When each of the {above.length} funded initiatives runs; arrows join prerequisites to the
        work that waits for them (where both are on the same page).
      </p>,
    ),
    {
      kind: 'lanes',
      key: 'chart',
      count: above.length,
      render: (rows) => {
        const shown = rows ? above.slice(rows[0], rows[1]) : above;
        const ids = new Set(shown.map((placement) => placement.id));
        return (
          <Roadmap
            portfolio={portfolio}
            cutLine={rows ? partOf(content.cutLine, ids) : content.cutLine}
            onPinStart={noop}
            sizes={sizes}
          />
        );
      },
    },
  ];
}

function noop(): void {}

/** A frontier point's status for the board: proven, or how far from proven. */
function pointStatus(point: { status: string; value: number; bound: number | null }): string {
  if (point.status === 'optimal') return 'Proven best';
  if (point.status === 'infeasible') return 'No plan fits';
  // A bound that was never proven arrives as null (JSON has no Infinity).
  if (point.bound === null || !Number.isFinite(point.bound) || point.value <= 0) {
    return 'Best found, not proven';
  }
  return `Within ${number(((point.bound - point.value) / point.value) * 100, 1)}% of the best`;
}

function frontierSection(input: PackInput, content: PackContent): Block[] {
  const frontier = input.analysis?.frontier;
  if (!frontier) return [];
  const money = (value: number) => formatMoney(value, content.currency, true, PACK_LOCALE);
  return [
    flow(
      'intro',
      <p className="pack-p">
        The most value each cap on total spend can buy, each point an exact optimization of the
        portfolio under that cap; the stepped line funds initiatives by value per cost, and the
        marked point is {content.scenario ? `“${content.scenario.name}”` : 'the ranking'}.
      </p>,
    ),
    flow(
      'chart',
      <FrontierChart
        points={frontier.points}
        greedy={frontier.greedy}
        // The scenario as it is now (the frozen frontier may predate a change of ranking).
        current={content.funded}
        currentLabel={content.scenario?.name ?? 'Ranking'}
        {...(content.currency && { currency: content.currency })}
      />,
    ),
    {
      kind: 'table',
      key: 'points',
      widths: ['25%', '25%', '25%', '25%'],
      head: ['Spend cap', 'Best value', 'Proven bound', 'Status'],
      numeric: [0, 1, 2],
      rows: frontier.points.map((point) => ({
        key: String(point.budget),
        cells: [
          money(point.budget),
          number(point.value, 0),
          Number.isFinite(point.bound) ? number(point.bound, 0) : '—',
          pointStatus(point),
        ],
      })),
    },
  ];
}

function scenariosSection(content: PackContent): Block[] {
  const money = (value: number) => formatMoney(value, content.currency, true, PACK_LOCALE);
  if (content.scenarios.length < 2) {
    return [
      note(
        'none',
        content.scenarios.length === 0
          ? 'No scenario is saved: the pack uses the order of the portfolio file.'
          : 'Only one scenario is saved. Save another ranking in Prioritize to compare them here.',
      ),
    ];
  }
  const blocks: Block[] = [
    flow(
      'intro',
      <p className="pack-p">
        Each saved scenario is a ranking of the same portfolio against the same capacity and budget.
        “Comes in” and “goes out” are against{' '}
        {content.scenario ? `“${content.scenario.name}”` : 'the pack’s scenario'}.
      </p>,
    ),
  ];
  const perTable = 4;
  for (let from = 0; from < content.scenarios.length; from += perTable) {
    const columns = content.scenarios.slice(from, from + perTable);
    const metric = (
      label: string,
      cell: (column: (typeof columns)[number]) => ReactNode,
      className?: string,
    ) => ({ key: label, className, cells: [label, ...columns.map(cell)] });
    blocks.push({
      kind: 'table',
      key: `scenarios-${from}`,
      className: 'pack-table--compare',
      widths: ['24%', ...columns.map(() => `${76 / columns.length}%`)],
      head: [
        '',
        ...columns.map((column) => (column.isPack ? `${column.name} (this pack)` : column.name)),
      ],
      numeric: columns.map((_, index) => index + 1),
      rows: [
        metric('Value funded', (c) => number(c.valueAbove, 0)),
        metric(
          'Initiatives funded',
          (c) => `${c.above.length} of ${c.above.length + c.below.length}`,
        ),
        metric('Spend funded', (c) => money(c.spendAbove)),
        metric('Capacity used', (c) =>
          c.utilization === undefined ? '—' : percent(c.utilization),
        ),
        metric(
          'Comes in',
          (c) => (c.isPack ? '—' : c.comesIn.length === 0 ? 'Nothing' : c.comesIn.join(', ')),
          'pack-row--text',
        ),
        metric(
          'Goes out',
          (c) => (c.isPack ? '—' : c.goesOut.length === 0 ? 'Nothing' : c.goesOut.join(', ')),
          'pack-row--text',
        ),
      ],
    });
  }
  return blocks;
}

/**
 * The latest finished workshop session (or the one the settings name) on one page: a single
 * block, scaled to the page when it must be, so that the paginator never splits it. Without a
 * finished session there is no such page (as there is no frontier without an analysis).
 */
function workshopSection(input: PackInput, room: PageRoom): Block[] {
  const summary = workshopSummary(input.portfolio, input.settings.workshopId);
  if (summary.kind === 'none') return [];
  return [flow('summary', <WorkshopSummaryPage summary={summary} room={room} />)];
}

const RISK_LABEL = {
  capacity: 'Capacity',
  budget: 'Budget',
  unvalued: 'No value',
  unaligned: 'Not aligned',
  dependency: 'Dependency',
} as const;

/**
 * Most characters of a decision in one table row. The paginator breaks a table between rows only,
 * so a long decision is printed as several rows; this many characters take about ten lines in
 * the narrowest column (A4 portrait), a sixth of the shortest page (A4 landscape).
 */
export const DECISION_ROW_CHARS = 700;
/** Characters to a line of the decision column, at its narrowest: a paragraph takes whole lines. */
const DECISION_LINE_CHARS = 70;

const CONCERN_LABEL = {
  initiative: ['Initiative', 'Initiatives'],
  scenario: ['Scenario', 'Scenarios'],
  objective: ['Objective', 'Objectives'],
} as const;

/** "Initiatives: WMS upgrade, Data platform · Scenario: Baseline": what a decision is about. */
function concernsText(concerns: readonly DecisionConcernName[]): string {
  return (['initiative', 'scenario', 'objective'] as const)
    .flatMap((kind) => {
      const names = concerns
        .filter((concern) => concern.kind === kind)
        .map((concern) => (concern.known ? concern.name : `${concern.name} (removed)`));
      if (names.length === 0) return [];
      return [`${CONCERN_LABEL[kind][names.length === 1 ? 0 : 1]}: ${names.join(', ')}`];
    })
    .join(' · ');
}

/** “Title” (2026-11-03): another decision, named where one amends the other. */
function linkText(link: NonNullable<DecisionLogEntry['amends']>): string {
  return `“${link.title}”${link.date ? ` (${link.date})` : ''}`;
}

/** A paragraph of a decision as printed: its label ("Why") and its text. */
type LogParagraph = { readonly key: string; readonly label: string; readonly text: string };

/** The paragraphs under a decision's title, in print order. */
function logParagraphs(entry: DecisionLogEntry): LogParagraph[] {
  const paragraphs: LogParagraph[] = [];
  const add = (key: string, label: string, text: string) => {
    // A line break in the text starts a paragraph of its own, under the same label.
    textPieces(text, Number.POSITIVE_INFINITY).forEach((line, index) =>
      paragraphs.push({ key: `${key}-${index}`, label: index === 0 ? label : '', text: line }),
    );
  };
  if (entry.amends) add('amends', 'Amends', linkText(entry.amends));
  if (entry.supersededBy) add('superseded', 'Superseded by', linkText(entry.supersededBy));
  add('decision', 'Decision', entry.decision);
  if (entry.rationale) add('rationale', 'Why', entry.rationale);
  if (entry.decidedBy) add('by', 'Decided by', entry.decidedBy);
  if (entry.concerns.length > 0) add('concerns', 'Concerns', concernsText(entry.concerns));
  return paragraphs;
}

/** The part of a paragraph one row prints; `first` when it holds the paragraph's start. */
type LogRun = {
  readonly paragraph: LogParagraph;
  readonly first: boolean;
  readonly text: string;
};

/**
 * A decision's paragraphs in rows of at most DECISION_ROW_CHARS characters (the title counted in
 * the first, and each paragraph in whole lines). A paragraph longer than a row is cut (at a
 * sentence end where it can be) and goes on in the next row, so that no row is taller than a page.
 */
function logRows(entry: DecisionLogEntry): LogRun[][] {
  const most = DECISION_ROW_CHARS;
  // A paragraph's last line takes a whole line however short it is: a row of many short
  // paragraphs (a list, an item a line) is as tall as its lines, whatever its characters.
  const lines = (chars: number) => Math.max(1, Math.ceil(chars / DECISION_LINE_CHARS));
  const rows: LogRun[][] = [[]];
  let left = most - lines(entry.title.length) * DECISION_LINE_CHARS;
  for (const paragraph of logParagraphs(entry)) {
    const label = paragraph.label === '' ? 0 : paragraph.label.length + 2;
    let rest = paragraph.text;
    let first = true;
    while (rest !== '') {
      // A paragraph that a row can hold is not cut: it starts the next row when this one is
      // too full. A longer one fills what is left, unless that is too little to be worth it; so
      // does the first under the title, which would otherwise be left alone in its row.
      const row = rows[rows.length - 1] as LogRun[];
      const cost = lines((first ? label : 0) + rest.length) * DECISION_LINE_CHARS;
      if (cost > left && ((cost <= most && row.length > 0) || left < most / 4)) {
        rows.push([]);
        left = most;
      }
      const [head, tail] = cutText(rest, left - (first ? label : 0));
      (rows[rows.length - 1] as LogRun[]).push({ paragraph, first, text: head });
      left -= lines(head.length + (first ? label : 0)) * DECISION_LINE_CHARS;
      rest = tail;
      first = false;
    }
  }
  return rows;
}

function logRunView(run: LogRun): ReactNode {
  return (
    <p key={run.paragraph.key} className="pack-log__p">
      {run.first && run.paragraph.label !== '' && (
        <span className="pack-log__label">{run.paragraph.label}: </span>
      )}
      {run.text}
    </p>
  );
}

/**
 * The decision log as a table, a decision's text over as many rows as it needs (each at most
 * DECISION_ROW_CHARS), so that the longest decision breaks between pages like any table.
 */
function decisionLogTable(log: DecisionLog): TableBlock {
  const rows: TableBlock['rows'][number][] = [];
  for (const entry of log.entries) {
    const runs = logRows(entry);
    runs.forEach((run, index) => {
      const classes = [
        index > 0 && 'pack-row--more',
        index < runs.length - 1 && 'pack-row--continues',
        entry.supersededBy && 'pack-row--superseded',
      ].filter(Boolean);
      rows.push({
        key: `${entry.id}-${index}`,
        ...(classes.length > 0 && { className: classes.join(' ') }),
        cells: [
          index === 0 ? <span className="pack-date">{entry.date}</span> : '',
          index === 0 ? <span className="pack-tag pack-tag--log">{entry.kindLabel}</span> : '',
          <div className="pack-log">
            {index === 0 && (
              <p className="pack-log__title">
                {entry.supersededBy && (
                  <span className="pack-tag pack-tag--superseded">Superseded</span>
                )}
                <span className="pack-name">{entry.title}</span>
              </p>
            )}
            {run.map(logRunView)}
          </div>,
        ],
      });
    });
  }
  return {
    kind: 'table',
    key: 'log',
    caption: `Decisions since ${log.since}`,
    className: 'pack-table--log',
    widths: ['15%', '16%', '69%'],
    head: ['Date', 'Kind', 'Decision'],
    rows,
  };
}

/** Where the log's first day comes from, in a sentence. */
function logIntro(log: DecisionLog): string {
  const from =
    log.basis === 'settings'
      ? `${log.since}, the date of the previous pack`
      : log.basis === 'review'
        ? `${log.since}, the date of the last review (“${log.review?.title ?? ''}”)`
        : `${log.since}, ${DECISION_LOG_DAYS} days before this pack (no earlier review is recorded)`;
  const count = log.entries.length;
  const superseded = log.entries.filter((entry) => entry.supersededBy).length;
  const counted =
    count === 0
      ? ''
      : `: ${number(count, 0)} ${count === 1 ? 'decision' : 'decisions'}, newest first${
          superseded > 0 ? `, ${number(superseded, 0)} of them since amended` : ''
        }`;
  return `The decision log from ${from}, to the pack’s date, ${log.until}${counted}.`;
}

function decisionsSection(content: PackContent): Block[] {
  const log = content.decisionLog;
  const blocks: Block[] = [
    subheading('log-title', `Decisions since ${log.since}`),
    flow('log-intro', <p className="pack-p">{logIntro(log)}</p>),
    log.entries.length === 0
      ? note('no-log', `No decisions recorded since ${log.since}.`)
      : decisionLogTable(log),
  ];
  blocks.push(subheading('decisions-title', 'Initiatives needing a decision'));
  blocks.push(
    content.decisions.length === 0
      ? note(
          'no-decisions',
          'None: everything above the line is approved or under way, and nothing committed is below it.',
        )
      : decisionTable('decisions', content.decisions),
  );
  blocks.push(subheading('risks-title', 'Risks'));
  blocks.push(
    content.risks.length === 0
      ? note('no-risks', 'No capacity, budget, value, alignment or dependency risk stands out.')
      : {
          kind: 'table',
          key: 'risks',
          widths: ['16%', '28%', '56%'],
          head: ['Risk', 'Where', 'What'],
          rows: content.risks.map((risk, index) => ({
            key: `${risk.kind}-${index}`,
            cells: [RISK_LABEL[risk.kind], risk.subject, risk.detail],
          })),
        },
  );
  return blocks;
}

function appendixSection(content: PackContent): Block[] {
  const record = content.record;
  const blocks: Block[] = [
    flow(
      'intro',
      <p className="pack-p">
        The inputs and the result behind this pack, frozen when it was made, so that the decision
        can be retraced later.
      </p>,
    ),
    {
      kind: 'table',
      key: 'entries',
      className: 'pack-table--record',
      widths: ['30%', '70%'],
      head: ['Record', 'Value'],
      rows: record.entries.map((entry) => ({
        key: entry.label,
        cells: [entry.label, entry.value],
      })),
    },
    subheading('scoring-title', 'Scoring'),
    flow('scoring', <p className="pack-p">Model: {record.scoring.model}.</p>),
  ];
  if (record.scoring.criteria.length > 0) {
    blocks.push({
      kind: 'table',
      key: 'criteria',
      widths: ['70%', '30%'],
      head: ['Criterion', 'Weight'],
      numeric: [1],
      rows: record.scoring.criteria.map((criterion) => ({
        key: criterion.name,
        cells: [criterion.name, criterion.weight],
      })),
    });
  }
  if (record.objectives.length > 0) {
    blocks.push(subheading('objectives-title', 'Objectives and weights'), {
      kind: 'table',
      key: 'objectives',
      widths: ['70%', '30%'],
      head: ['Objective', 'Weight'],
      numeric: [1],
      rows: record.objectives.map((objective, index) => ({
        key: `${objective.name}-${index}`,
        cells: [
          <span style={{ paddingLeft: `${objective.depth * 14}px` }}>{objective.name}</span>,
          objective.weight,
        ],
      })),
    });
  }
  blocks.push(subheading('constraints-title', 'Constraints: capacity and budget per period'));
  if (record.capacity.periods.length === 0 || record.capacity.rows.length === 0) {
    blocks.push(note('no-capacity', 'No periods or teams: nothing constrains the plan.'));
  } else {
    const periods = record.capacity.periods;
    const perTable = 8;
    for (let from = 0; from < periods.length; from += perTable) {
      const shown = periods.slice(from, from + perTable);
      blocks.push({
        kind: 'table',
        key: `capacity-${from}`,
        className: 'pack-table--compact',
        widths: ['28%', ...shown.map(() => `${72 / shown.length}%`)],
        head: ['', ...shown],
        numeric: shown.map((_, index) => index + 1),
        rows: record.capacity.rows.map((row) => ({
          key: row.name,
          cells: [row.name, ...row.amounts.slice(from, from + perTable)],
        })),
      });
    }
  }
  blocks.push(subheading('forced-title', 'Forced items and their reasons'));
  blocks.push(
    record.forced.length === 0
      ? note('no-forced', 'No initiative is forced in or out.')
      : {
          kind: 'table',
          key: 'forced',
          widths: ['30%', '12%', '58%'],
          head: ['Initiative', 'Forced', 'Reason'],
          rows: record.forced.map((item, index) => ({
            key: `${item.name}-${index}`,
            cells: [item.name, item.forced, item.reason],
          })),
        },
  );
  const log = content.decisionLog;
  blocks.push(subheading('log-title', `Decision log since ${log.since}`), {
    kind: 'table',
    key: 'log',
    className: 'pack-table--compact',
    widths: ['14%', '19%', '47%', '20%'],
    head: ['Date', 'Kind', 'Title', 'Fingerprint'],
    rows: log.entries.map((entry) => ({
      key: entry.id,
      ...(entry.supersededBy && { className: 'pack-row--superseded' }),
      cells: [
        <span className="pack-date">{entry.date}</span>,
        entry.kindLabel,
        entry.supersededBy ? `${entry.title} (superseded)` : entry.title,
        entry.fingerprint ?? '—',
      ],
    })),
    empty: `No decisions recorded since ${log.since}.`,
  });
  if (record.rules.length > 0) {
    blocks.push(subheading('rules-title', 'Dependencies, exclusions and start windows'), {
      kind: 'table',
      key: 'rules',
      widths: ['34%', '66%'],
      head: ['Initiative', 'Rule'],
      rows: record.rules.map((rule, index) => ({
        key: `${rule.name}-${index}`,
        cells: [rule.name, rule.rule],
      })),
    });
  }
  blocks.push(subheading('optimizer-title', 'Optimizer'), {
    kind: 'table',
    key: 'optimizer',
    className: 'pack-table--record',
    widths: ['30%', '70%'],
    head: ['Record', 'Value'],
    rows: record.optimizer.map((entry) => ({
      key: entry.label,
      cells: [entry.label, entry.value],
    })),
  });
  // Three to a row, read across: a long ranking takes a third of the pages.
  const perRow = 3;
  const rankingRows = [];
  for (let from = 0; from < record.ranking.length; from += perRow) {
    const cells = record.ranking
      .slice(from, from + perRow)
      .flatMap((name, offset) => [number(from + offset + 1, 0), name]);
    while (cells.length < perRow * 2) cells.push('');
    rankingRows.push({ key: String(from), cells });
  }
  blocks.push(subheading('ranking-title', 'The ranking, in order'), {
    kind: 'table',
    key: 'ranking',
    className: 'pack-table--compact',
    widths: ['6%', '27.3%', '6%', '27.3%', '6%', '27.4%'],
    head: ['#', 'Initiative', '#', 'Initiative', '#', 'Initiative'],
    numeric: [0, 2, 4],
    rows: rankingRows,
    empty: 'No initiative is ranked.',
  });
  return blocks;
}

/**
 * The chosen sections in order, as blocks; the cover is drawn on its own and a table of contents
 * follows it when there is more than one section, with placeholders for the page numbers until
 * the pack is laid out (`withContentsPages`).
 */
export function packSections(
  input: PackInput,
  content: PackContent,
  room: PageRoom,
): SectionSpec[] {
  const sections: SectionSpec[] = [];
  for (const id of input.settings.sections) {
    const title = SECTION_INFO[id].title;
    let blocks: Block[] = [];
    switch (id) {
      case 'cover':
        continue;
      case 'summary':
        blocks = summarySection(input, content);
        break;
      case 'changes':
        blocks = changesSection(input, content);
        if (blocks.length === 0) continue;
        break;
      case 'minutes':
        blocks = minutesSection(input);
        if (blocks.length === 0) continue;
        break;
      case 'metrics':
        blocks = metricsSection(input, room);
        if (blocks.length === 0) continue;
        break;
      case 'alignment':
        blocks = alignmentSection(content, room);
        break;
      case 'ranked':
        blocks = rankedSection(content);
        break;
      case 'heatmap':
        blocks = [
          flow(
            'intro',
            <p className="pack-p">
              How much of each team’s capacity, and of the budget, the funded initiatives use per
              period. Hatched cells are over capacity.
            </p>,
          ),
          flow('chart', <CapacityHeatmap portfolio={input.portfolio} cutLine={content.cutLine} />),
        ];
        break;
      case 'roadmap':
        blocks = roadmapSection(input, content, room);
        break;
      case 'value-effort':
        blocks = [
          flow(
            'intro',
            <p className="pack-p">
              Each initiative with a value, placed by its total effort and its value; filled bubbles
              are funded, bubble size is spend. Dashed lines mark the medians. The numbered bubbles
              are the most valuable, named in the key under the chart.
            </p>,
          ),
          flow(
            'chart',
            <ValueEffortChart
              points={content.valueEffort}
              {...(content.capacityUnit && { effortUnit: content.capacityUnit })}
              accent={input.settings.accent}
            />,
          ),
        ];
        break;
      case 'frontier':
        blocks = frontierSection(input, content);
        if (blocks.length === 0) continue;
        break;
      case 'scenarios':
        blocks = scenariosSection(content);
        break;
      case 'workshop':
        blocks = workshopSection(input, room);
        if (blocks.length === 0) continue;
        break;
      case 'intake':
        blocks = intakeSection(input);
        if (blocks.length === 0) continue;
        break;
      case 'decisions':
        blocks = decisionsSection(content);
        break;
      case 'appendix':
        blocks = appendixSection(content);
        break;
    }
    sections.push({ id, title, blocks });
  }
  if (sections.length > 1) {
    const contents: SectionSpec = {
      id: 'contents',
      title: 'Contents',
      blocks: [
        {
          kind: 'table',
          key: 'toc',
          caption: 'Contents',
          className: 'pack-table--toc',
          widths: ['85%', '15%'],
          head: ['Section', 'Page'],
          numeric: [1],
          rows: sections.map((section) => ({
            key: section.id,
            cells: [section.title, '00'],
          })),
        },
      ],
    };
    sections.unshift(contents);
  }
  return sections;
}

/**
 * `sections` with each section's first page on the Contents page (laid out with "00" in its
 * place, as wide as most page numbers). Every other section is the same object as before, so
 * that the pages are drawn from the blocks that were measured rather than built again.
 */
export function withContentsPages(
  sections: readonly SectionSpec[],
  pageOf: (id: string) => number | undefined,
): SectionSpec[] {
  return sections.map((section) =>
    section.id !== 'contents'
      ? section
      : {
          ...section,
          blocks: section.blocks.map((block) =>
            block.kind !== 'table' || block.key !== 'toc'
              ? block
              : {
                  ...block,
                  rows: block.rows.map((row) => ({
                    ...row,
                    cells: [row.cells[0], String(pageOf(row.key) ?? '')],
                  })),
                },
          ),
        },
  );
}

/** Whether the pack has a cover page. */
export function hasCover(input: PackInput): boolean {
  return input.settings.sections.includes('cover');
}
