/**
 * Each metric's trend: the list of metrics (band and latest value) beside the one open, which
 * shows its latest value and change, its definition and bands, the chart (bands shaded, points
 * coloured, a table on demand), the suggested action when it is out of band, and the drill-down:
 * the initiatives, teams or measures behind it, worst first, each linking to where it is edited.
 * Opening a metric records it as used, for the self-review's candidates to retire.
 */
import { useEffect } from 'react';
import type {
  DrillRow,
  DrillSubject,
  MetricDefinition,
  MetricId,
  MetricsReport,
  MetricTrend,
} from '../../../shared/metrics/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { TrendChart } from '../../charts/TrendChart';
import { formatMetricValue } from '../../charts/trend-chart-model';
import { formatDay, formatMoney, formatNumber, localToday } from '../../format';
import { DEFAULT_LOCATION, formatLocationHash } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { metricHref } from './DashboardView';
import { BandBadge, Direction } from './metric-parts';
import { recordMetricUse } from './metric-usage';

/** Where a drill-down row's subject is edited. */
function subjectHref(subject: DrillSubject): string {
  switch (subject.kind) {
    case 'initiative':
      return formatLocationHash({
        ...DEFAULT_LOCATION,
        area: 'portfolio',
        tab: 'initiatives',
        initiativeId: subject.id,
      });
    case 'team':
      return formatLocationHash({ ...DEFAULT_LOCATION, area: 'portfolio', tab: 'teams' });
    case 'measure':
      return formatLocationHash({ ...DEFAULT_LOCATION, area: 'strategy' });
  }
}

const SUBJECT_WORDS: Readonly<Record<DrillSubject['kind'], string>> = {
  initiative: 'Initiative',
  team: 'Team',
  measure: 'Success measure',
};

function DrillTable({
  trend,
  definition,
  currency,
}: {
  readonly trend: MetricTrend;
  readonly definition: MetricDefinition;
  readonly currency?: string;
}) {
  if (trend.drill.length === 0) {
    return (
      <p className="metric-detail__none">
        Nothing behind this number yet: it lists the{' '}
        {trend.id === 'utilization'
          ? 'teams'
          : trend.id === 'benefit-measures'
            ? 'success measures'
            : 'initiatives'}{' '}
        that move it once there are actuals.
      </p>
    );
  }
  const kinds = new Set(trend.drill.map((row) => row.subject.kind));
  const heading =
    kinds.size === 1 ? SUBJECT_WORDS[[...kinds][0] as DrillSubject['kind']] : 'Behind it';
  return (
    <div className="table-scroll metric-detail__drill">
      <table className="data-table data-table--compact">
        <caption className="metric-detail__caption">What lies behind it, worst first</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              {definition.name}
            </th>
            <th scope="col">Band</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {trend.drill.map((row: DrillRow, index) => (
            <tr key={`${row.subject.kind}-${row.subject.id}-${index}`}>
              <th scope="row">
                <a href={subjectHref(row.subject)}>{row.subject.name}</a>
              </th>
              <td className="num">
                {row.value === undefined
                  ? '—'
                  : formatMetricValue(row.value, definition.unit, currency)}
              </td>
              <td>
                <BandBadge band={row.band} />
              </td>
              <td className="metric-detail__why">{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UtilizationTable({ report }: { readonly report: MetricsReport }) {
  if (report.utilization.length === 0) return null;
  const percent = (value: number | undefined) =>
    value === undefined ? '—' : `${formatNumber(value, 0)} %`;
  return (
    <div className="table-scroll metric-detail__extra">
      <table className="data-table data-table--compact">
        <caption className="metric-detail__caption">
          Each team and period: actual beside planned
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Actual
            </th>
            <th scope="col" className="num">
              Planned
            </th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {report.utilization.map((row) => (
            <tr key={`${row.teamId}-${row.periodId}`}>
              <th scope="row">{row.teamName}</th>
              <td>{row.periodLabel}</td>
              <td className="num">{percent(row.actual)}</td>
              <td className="num">{percent(row.planned)}</td>
              <td>
                <BandBadge band={row.band} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EarnedValueTable({ report }: { readonly report: MetricsReport }) {
  const ev = report.earnedValue;
  if (!ev) return null;
  const money = (value: number | undefined) =>
    value === undefined ? '—' : formatMoney(value, report.currency);
  const ratio = (value: number | undefined, reason?: string) =>
    value === undefined ? (reason ? `— (${reason})` : '—') : formatNumber(value, 2);
  const figures = ev.portfolio;
  const rows: readonly [string, string][] = [
    ['Budget at completion (BAC)', money(figures.bac)],
    ['Planned value (PV)', money(figures.pv)],
    ['Earned value (EV)', money(figures.ev)],
    ['Actual cost (AC)', money(figures.ac)],
    ['CPI = EV ÷ AC', ratio(figures.cpi, figures.reasons?.cpi)],
    ['SPI = EV ÷ PV', ratio(figures.spi, figures.reasons?.spi)],
    ['Estimate at completion (EAC = BAC ÷ CPI)', money(figures.eac)],
    [
      'Cost variance (EV − AC)',
      `${money(figures.cv)}${figures.cvPercent === undefined ? '' : ` (${formatNumber(figures.cvPercent, 1)} % of BAC)`}`,
    ],
    [
      'Schedule variance (EV − PV)',
      `${money(figures.sv)}${figures.svPercent === undefined ? '' : ` (${formatNumber(figures.svPercent, 1)} % of BAC)`}`,
    ],
  ];
  return (
    <div className="table-scroll metric-detail__extra">
      <table className="data-table data-table--compact metric-detail__ev">
        <caption className="metric-detail__caption">
          Earned value of the portfolio as of {formatDay(ev.asOf)}
          {ev.baseline === 'current' ? ', against the current plan' : ', against the snapshot'}
        </caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrendsView({
  portfolio,
  report,
}: {
  readonly portfolio: Portfolio;
  readonly report: MetricsReport;
}) {
  const metricId = useAppStore((state) => state.location.metricId);
  const trend = report.trends.find((entry) => entry.id === metricId) ?? report.trends[0];
  const definitions = new Map(report.definitions.map((definition) => [definition.id, definition]));
  const openId: MetricId | undefined = trend?.id;

  useEffect(() => {
    if (openId) recordMetricUse(openId, localToday());
  }, [openId]);

  if (!trend) {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">No metrics to show.</p>
      </div>
    );
  }
  const definition = definitions.get(trend.id);
  if (!definition) return null;
  const hasActuals = (portfolio.actuals ?? []).length > 0;
  const { latest } = trend;

  return (
    <div className="metrics-trends">
      <nav className="metrics-trends__nav" aria-label="Metrics">
        <ul>
          {report.trends.map((entry) => {
            const name = definitions.get(entry.id)?.name ?? entry.id;
            const unit = definitions.get(entry.id)?.unit ?? 'count';
            return (
              <li key={entry.id}>
                <a
                  href={metricHref(entry.id)}
                  aria-current={entry.id === trend.id ? 'page' : undefined}
                  className="metrics-trends__link"
                >
                  <span
                    className={`metrics-trends__dot metrics-trends__dot--${entry.latest?.band ?? 'none'}`}
                    aria-hidden="true"
                  />
                  <span className="metrics-trends__name">{name}</span>
                  <span className="metrics-trends__value">
                    {entry.latest?.value === undefined
                      ? '—'
                      : formatMetricValue(entry.latest.value, unit, report.currency)}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <article className="metric-detail" aria-labelledby="metric-detail-title">
        <header className="metric-detail__header">
          <h3 id="metric-detail-title">{definition.name}</h3>
          <p className="metric-detail__latest">
            <span className="metric-detail__value">
              {latest?.value === undefined
                ? 'No value yet'
                : formatMetricValue(latest.value, definition.unit, report.currency)}
            </span>
            {latest && <span className="metric-detail__when">{latest.label}</span>}
            <BandBadge band={latest?.band ?? 'none'} />
            <Direction direction={trend.direction} />
          </p>
        </header>
        <p className="metric-detail__definition">{definition.definition}</p>
        <p className="metric-detail__bands">
          <strong>Bands:</strong> {definition.bandsText}
        </p>
        {trend.baseline === 'current' && (
          <p className="metrics-note metrics-note--info metric-detail__baseline" role="note">
            No snapshot was taken before these periods began: the committed plan is the current
            plan. Hold each portfolio review in Cadence: its snapshot is the committed plan later
            periods are measured against.
          </p>
        )}
        {trend.action && (
          <div className={`metric-detail__action metric-detail__action--${latest?.band ?? 'none'}`}>
            <h4>Suggested action</h4>
            <p>{trend.action}</p>
          </div>
        )}
        {!hasActuals && trend.id !== 'alignment' && trend.id !== 'intake-approval' && (
          <p className="metrics-note" role="note">
            No actuals yet: enter a period’s figures in the Actuals tab to see this trend move.
          </p>
        )}
        <div className="metric-detail__chart">
          <TrendChart
            trend={trend}
            definition={definition}
            currency={report.currency}
            width={720}
            height={240}
          />
        </div>
        <h4 className="metric-detail__subhead">Drill-down</h4>
        <DrillTable trend={trend} definition={definition} currency={report.currency} />
        {trend.id === 'utilization' && <UtilizationTable report={report} />}
        {(trend.id === 'cpi' || trend.id === 'spi' || trend.id === 'cost-variance') && (
          <EarnedValueTable report={report} />
        )}
      </article>
    </div>
  );
}
