/**
 * The metrics dashboard: at most ten numbers, each with its band (colour and word) and the
 * direction of its latest change (better or worse), each opening its metric in Trends; then what
 * to act on (the suggested action of every metric out of band), and what the numbers rest on.
 */
import { METRIC_DEFINITIONS } from '../../../shared/metrics/definitions';
import type { MetricsReport } from '../../../shared/metrics/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { formatMetricValue } from '../../charts/trend-chart-model';
import { formatDay } from '../../format';
import { formatLocationHash, DEFAULT_LOCATION } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { BandBadge, Direction } from './metric-parts';

/** The address of metric `id` in Trends. */
export function metricHref(id: string): string {
  return formatLocationHash({
    ...DEFAULT_LOCATION,
    area: 'metrics',
    metricsView: 'trends',
    metricId: id,
  });
}

export function DashboardView({
  portfolio,
  report,
}: {
  readonly portfolio: Portfolio;
  readonly report: MetricsReport;
}) {
  const navigate = useAppStore((state) => state.navigate);
  const hasActuals = (portfolio.actuals ?? []).length > 0;
  const onCurrentPlan = report.trends.some((trend) => trend.baseline === 'current');
  const actions = report.trends.filter((trend) => trend.action);
  const definitions = new Map(report.definitions.map((definition) => [definition.id, definition]));

  return (
    <div className="metrics-dashboard">
      <p className="metrics-dashboard__as-of">
        As of {formatDay(report.asOf)}. Each number opens its trend, what lies behind it and what to
        do.
      </p>
      {!hasActuals && (
        <div className="metrics-note" role="note">
          <p className="metrics-note__lead">No actuals yet.</p>
          <p>
            Predictability, cost and schedule performance, benefits and utilization need what each
            initiative actually spent, gave and delivered. Enter a period’s figures in the Actuals
            tab, by typing or by pasting from Excel.
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ metricsView: 'actuals' })}
          >
            Enter actuals
          </button>
        </div>
      )}
      {report.snapshotProblems && report.snapshotProblems.length > 0 && (
        <div className="metrics-note metrics-note--info" role="note">
          <p>
            <strong>
              {report.snapshotProblems.length === 1
                ? 'A snapshot could not be opened'
                : `${report.snapshotProblems.length} snapshots could not be opened`}
              :
            </strong>{' '}
            the metrics measure against the other snapshots or the current plan instead.{' '}
            {report.snapshotProblems.join(' ')}
          </p>
        </div>
      )}
      {onCurrentPlan && (
        <div className="metrics-note metrics-note--info" role="note">
          <p>
            <strong>No snapshot before some periods:</strong> their committed plan is the current
            plan, so changes made since are not counted as slips. Hold each portfolio review in
            Cadence (a review → Hold review…): its snapshot is the plan later periods are measured
            against.
          </p>
        </div>
      )}
      <ul className="metrics-dashboard__tiles" aria-label="Dashboard">
        {report.dashboard.map((number) => {
          const definition = definitions.get(number.id) ?? METRIC_DEFINITIONS[number.id];
          return (
            <li key={number.id}>
              <a
                className={`metric-tile metric-tile--${number.band}`}
                href={metricHref(number.id)}
                data-metric={number.id}
              >
                <span className="metric-tile__name">{number.name}</span>
                <span className="metric-tile__value">
                  {number.value === undefined
                    ? '—'
                    : formatMetricValue(number.value, number.unit, report.currency)}
                </span>
                <span className="metric-tile__meta">
                  <BandBadge band={number.band} />
                  <Direction direction={number.direction} />
                  {number.value === undefined && (
                    <span className="metric-tile__none">No value yet</span>
                  )}
                </span>
                <span className="visually-hidden">. {definition.bandsText}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <section className="metrics-actions" aria-labelledby="metrics-actions-title">
        <h3 id="metrics-actions-title">What to act on</h3>
        {actions.length === 0 ? (
          <p className="metrics-actions__none">
            {hasActuals
              ? 'Every metric with a value is in its band: nothing calls for action.'
              : 'Nothing yet: the suggestions follow from the actuals.'}
          </p>
        ) : (
          <ul className="metrics-actions__list">
            {actions.map((trend) => (
              <li
                key={trend.id}
                className={`metrics-action metrics-action--${trend.latest?.band ?? 'none'}`}
              >
                <a href={metricHref(trend.id)} className="metrics-action__metric">
                  {definitions.get(trend.id)?.name ?? trend.id}
                </a>
                <span className="metrics-action__text">{trend.action}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
