/**
 * Metrics: the numbers that drive action. The dashboard of at most ten numbers (`#/metrics`),
 * the actuals grid of a period (`#/metrics/actuals[/<period id>]`), each metric's trend with its
 * drill-down and suggested action (`#/metrics/trends[/<metric id>]`), and the PMO's quarterly
 * self-review (`#/metrics/self-review`).
 */
import type { Portfolio } from '../../../shared/portfolio/types';
import { TabList } from '../../components/TabList';
import { METRICS_VIEWS, type MetricsView } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { ActualsView } from './ActualsView';
import { DashboardView } from './DashboardView';
import { SelfReviewView } from './SelfReviewView';
import { TrendsView } from './TrendsView';
import { useMetricsReport } from './useMetricsReport';
import '../../charts/charts.css';
import './metrics.css';

const VIEW_LABELS: Readonly<Record<MetricsView, string>> = {
  dashboard: 'Dashboard',
  actuals: 'Actuals',
  trends: 'Trends',
  'self-review': 'Self-review',
};

export function MetricsArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const view = useAppStore((state) => state.location.metricsView);
  const navigate = useAppStore((state) => state.navigate);
  const metrics = useMetricsReport(portfolio);

  const needsReport = view !== 'actuals';
  return (
    <section className="area metrics" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title" tabIndex={-1}>
          Metrics
        </h2>
        <TabList
          label="Metrics views"
          tabs={METRICS_VIEWS}
          labels={VIEW_LABELS}
          selected={view}
          onSelect={(id) => navigate({ metricsView: id })}
        />
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'actuals' ? (
          <ActualsView portfolio={portfolio} />
        ) : needsReport && metrics.state === 'loading' ? (
          <p className="loading" role="status">
            Computing the metrics…
          </p>
        ) : needsReport && metrics.state === 'failed' ? (
          <div className="empty-state" role="alert">
            <p className="empty-state__lead">The metrics could not be computed.</p>
            <p>{metrics.message}</p>
            <p>The actuals can still be entered in the Actuals tab.</p>
          </div>
        ) : metrics.state !== 'ready' ? null : view === 'dashboard' ? (
          <DashboardView portfolio={portfolio} report={metrics.report} />
        ) : view === 'trends' ? (
          <TrendsView portfolio={portfolio} report={metrics.report} />
        ) : (
          <SelfReviewView portfolio={portfolio} report={metrics.report} />
        )}
      </div>
    </section>
  );
}
