/**
 * The board pack's "Metrics that drive action" as blocks the paginator places: the dashboard of
 * at most ten numbers, then each metric with its trend (the same TrendChart as Metrics → Trends),
 * its latest value and band, the worst offenders behind it and the suggested action, and last the
 * PMO's latest self-review beside the ones before it. Pure: the metrics come with the input.
 */
import { formatNumber } from '../../shared/format';
import type { Band, DrillRow } from '../../shared/metrics/types';
import { PACK_LOCALE } from '../../shared/pack/content';
import {
  metricsSummary,
  scoreText,
  type PackMetric,
  type PackSelfReview,
  type PackUtilization,
} from '../../shared/pack/metrics';
import type { PackInput } from '../../shared/pack/types';
import { TrendChart } from '../charts/TrendChart';
import {
  BAND_WORDS,
  directionArrow,
  directionTone,
  directionWords,
  formatMetricValue,
} from '../charts/trend-chart-model';
import { flow, note, subheading } from './blocks';
import type { Block, PageRoom, TableBlock } from './sections';

/** The trend's drawing, in px: about half the page's width, short enough for three a page. */
export const PACK_TREND_SIZE = { width: 380, height: 160 } as const;

/** A band as a tag: "Good", "Watch", "Poor", "No band". */
function BandTag({ band }: { readonly band: Band }) {
  return <span className={`pack-tag pack-band pack-band--${band}`}>{BAND_WORDS[band]}</span>;
}

function valueText(
  value: number | undefined,
  unit: PackMetric['definition']['unit'],
  currency: string | undefined,
): string {
  return value === undefined ? '—' : formatMetricValue(value, unit, currency, PACK_LOCALE);
}

/** "↑ up, better": the latest change, in an arrow and words. */
function Change({ direction }: { readonly direction: PackMetric['trend']['direction'] }) {
  const words = directionWords(direction);
  if (!direction || !words) return null;
  const tone = { same: 'same', better: 'good', worse: 'bad' }[directionTone(direction)];
  return (
    <span className={`pack-figure__change pack-figure__change--${tone}`}>
      <span aria-hidden="true">{directionArrow(direction)} </span>
      {words}
    </span>
  );
}

/** The dashboard: each number with its band and the direction of its latest change. */
function Dashboard({
  summary,
}: {
  readonly summary: Extract<ReturnType<typeof metricsSummary>, { kind: 'section' }>;
}) {
  return (
    <div className="pack-figures pack-metric-figures">
      {summary.dashboard.map((entry) => (
        <div
          className={`pack-figure pack-metric-figure pack-metric-figure--${entry.band}`}
          key={entry.id}
        >
          <div className="pack-figure__label">{entry.name}</div>
          <div className="pack-figure__value">
            {valueText(entry.value, entry.unit, summary.currency)}
          </div>
          <div className="pack-metric-figure__foot">
            <BandTag band={entry.band} />
            <Change direction={entry.direction} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** The rows behind a metric, worst first, as a table that breaks between rows. */
function offendersTable(metric: PackMetric, currency: string | undefined): TableBlock {
  const { definition } = metric;
  const subject = (row: DrillRow) =>
    row.subject.kind === 'team'
      ? 'Team'
      : row.subject.kind === 'measure'
        ? 'Measure'
        : 'Initiative';
  const kinds = new Set(metric.offenders.map(subject));
  const head = kinds.size === 1 ? [...kinds][0] : 'Behind it';
  return {
    kind: 'table',
    key: `metric-${metric.id}-offenders`,
    caption: `${definition.name}: ${metric.offendersAre === 'out' ? 'worst offenders' : 'behind it'}`,
    className: 'pack-table--compact',
    widths: ['30%', '13%', '11%', '46%'],
    head: [head, 'Value', 'Band', 'Why'],
    numeric: [1],
    rows: metric.offenders.map((row, index) => ({
      key: `${row.subject.kind}-${row.subject.id}-${index}`,
      cells: [
        <span className="pack-name">{row.subject.name}</span>,
        valueText(row.value, definition.unit, currency),
        <BandTag band={row.band} />,
        row.detail,
      ],
    })),
  };
}

/** "40 %", "—": a share of capacity as the utilization table prints it. */
function share(value: number | undefined): string {
  return value === undefined ? '—' : formatMetricValue(value, '%', undefined, PACK_LOCALE);
}

/** Utilization per team and period: actual (coloured by band) beside planned. */
function utilizationTable(utilization: PackUtilization): TableBlock {
  const columns = utilization.periods.length;
  const width = Math.floor(70 / columns);
  return {
    kind: 'table',
    key: 'metric-utilization-table',
    caption: 'Capacity utilization per team and period, actual and planned',
    className: 'pack-table--compact',
    widths: [`${100 - width * columns}%`, ...utilization.periods.map(() => `${width}%`)],
    head: ['Team', ...utilization.periods.map((period) => `${period.label}: actual · plan`)],
    numeric: utilization.periods.map((_, index) => index + 1),
    rows: utilization.teams.map((team) => ({
      key: team.id,
      cells: [
        <span className="pack-name">{team.name}</span>,
        ...utilization.periods.map((period) => {
          const cell = team.cells.find((entry) => entry.periodId === period.id);
          if (!cell) return '—';
          return (
            <span>
              <span className={`pack-band-text pack-band-text--${cell.band}`}>
                {share(cell.actual)}
              </span>
              <span className="pack-muted"> · {share(cell.planned)}</span>
            </span>
          );
        }),
      ],
    })),
  };
}

/** One metric: its trend beside its latest value, band, definition and suggested action. */
function metricBlocks(
  metric: PackMetric,
  currency: string | undefined,
  utilization?: PackUtilization,
): Block[] {
  const { definition, trend } = metric;
  const latest = trend.latest;
  const blocks: Block[] = [
    subheading(`metric-${metric.id}-title`, definition.name),
    flow(
      `metric-${metric.id}`,
      <div className="pack-metric" data-metric={metric.id}>
        <div className="pack-metric__row">
          <div className="pack-metric__chart">
            <TrendChart
              trend={trend}
              definition={definition}
              width={PACK_TREND_SIZE.width}
              height={PACK_TREND_SIZE.height}
              locale={PACK_LOCALE}
              noTable
              {...(currency !== undefined && { currency })}
            />
          </div>
          <div className="pack-metric__text">
            <p className="pack-metric__latest">
              <span className="pack-metric__value">
                {valueText(latest?.value, definition.unit, currency)}
              </span>{' '}
              {latest && <BandTag band={latest.band} />}
            </p>
            <p className="pack-metric__when">
              {latest ? `${latest.label}` : 'No value yet'}
              {trend.direction && (
                <>
                  {' · '}
                  <Change direction={trend.direction} />
                </>
              )}
            </p>
            {trend.action ? (
              <p className="pack-metric__action">
                <span className="pack-log__label">Suggested action: </span>
                {trend.action}
              </p>
            ) : (
              latest &&
              latest.band === 'good' && (
                <p className="pack-metric__bands">In band: no action suggested.</p>
              )
            )}
          </div>
        </div>
        <p className="pack-metric__about">
          {definition.definition}{' '}
          <span className="pack-metric__bands">Bands: {definition.bandsText}</span>
        </p>
      </div>,
      // The chart is not left at a page's foot without the first rows behind it.
      metric.offenders.length > 0,
    ),
  ];
  if (metric.offenders.length > 0) {
    blocks.push(offendersTable(metric, currency));
    if (metric.moreOffenders > 0) {
      blocks.push(
        note(
          `metric-${metric.id}-more`,
          `And ${formatNumber(metric.moreOffenders, 0, PACK_LOCALE)} more out of band: Metrics → Trends lists them all.`,
        ),
      );
    }
  }
  if (metric.id === 'utilization' && utilization) {
    blocks.push(
      subheading('metric-utilization-table-title', 'Per team and period: actual · planned'),
      utilizationTable(utilization),
    );
  }
  return blocks;
}

/** The latest self-review's scores beside the reviews before it, with each one's mean. */
function selfReviewBlocks(review: PackSelfReview): Block[] {
  const columns = review.dates.length;
  const scoreWidth = 11;
  const noteWidth = 25;
  const questionWidth = 100 - noteWidth - scoreWidth * columns;
  const score = (value: number | undefined) => (value === undefined ? '—' : String(value));
  const blocks: Block[] = [
    subheading('self-review-title', `The PMO’s self-review of ${review.latest.date}`),
    flow('self-review-lead', <p className="pack-p">{review.lead}</p>),
  ];
  if (review.rows.length > 0) {
    blocks.push({
      kind: 'table',
      key: 'self-review',
      caption: 'Self-review scores, 1 (not at all) to 5 (fully)',
      className: 'pack-table--compact pack-table--self-review',
      widths: [`${questionWidth}%`, ...review.dates.map(() => `${scoreWidth}%`), `${noteWidth}%`],
      head: ['Question', ...review.dates, 'Note'],
      numeric: review.dates.map((_, index) => index + 1),
      rows: [
        ...review.rows.map((row) => ({
          key: row.questionId,
          cells: [
            row.question,
            ...row.scores.map((value, index) =>
              index === columns - 1 ? <strong>{score(value)}</strong> : score(value),
            ),
            row.note ?? '',
          ],
        })),
        {
          key: 'average',
          className: 'pack-row--total',
          cells: [
            'Average',
            ...review.averages.map((value) => (value === undefined ? '—' : scoreText(value))),
            '',
          ],
        },
      ],
    });
  }
  const notes = review.latest.notes?.trim();
  if (notes) {
    blocks.push(
      flow(
        'self-review-notes',
        <p className="pack-p">
          <span className="pack-log__label">Notes: </span>
          {notes}
        </p>,
      ),
    );
  }
  return blocks;
}

/**
 * The metrics section: none when the portfolio has neither actuals nor a self-review by the
 * pack's date; without actuals (or metrics not computed) a sentence says why, above the
 * self-review.
 */
export function metricsSection(input: PackInput, _room?: PageRoom): Block[] {
  const summary = metricsSummary(input);
  if (summary.kind === 'none') return [];
  const blocks: Block[] = [flow('metrics-lead', <p className="pack-lead">{summary.lead}</p>)];
  if (summary.measured) {
    if (summary.dashboard.length > 0) {
      blocks.push(flow('metrics-dashboard', <Dashboard summary={summary} />));
    }
    if (summary.baselineNote) blocks.push(note('metrics-baseline', summary.baselineNote));
    if (summary.unmeasured.length > 0) {
      blocks.push(
        note(
          'metrics-unmeasured',
          `Not measured yet: ${summary.unmeasured
            .map((entry) => `${entry.name} — ${entry.reason}`)
            .join('; ')}.`,
        ),
      );
    }
    for (const metric of summary.metrics) {
      blocks.push(...metricBlocks(metric, summary.currency, summary.utilization));
    }
  }
  if (summary.selfReview) blocks.push(...selfReviewBlocks(summary.selfReview));
  return blocks;
}
