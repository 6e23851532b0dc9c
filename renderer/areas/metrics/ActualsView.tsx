/**
 * The Actuals tab: the period picker (its address names the period) and the grid of the chosen
 * period, or what to set up first when the portfolio has no periods or no initiatives.
 */
import type { Portfolio } from '../../../shared/portfolio/types';
import { localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { currentPeriod } from './actuals-grid-model';
import { ActualsGrid } from './ActualsGrid';

export function ActualsView({ portfolio }: { readonly portfolio: Portfolio }) {
  const periodId = useAppStore((state) => state.location.metricsPeriodId);
  const navigate = useAppStore((state) => state.navigate);
  const { periods } = portfolio;
  const period =
    periods.find((entry) => entry.id === periodId) ?? currentPeriod(periods, localToday());

  if (!period) {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">No periods yet.</p>
        <p>
          Actuals are entered per period. Add the portfolio’s periods (quarters, say) in Portfolio →
          Periods, then come back to enter what each initiative spent and delivered.
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ area: 'portfolio', tab: 'periods' })}
        >
          Go to Periods
        </button>
      </div>
    );
  }
  if (portfolio.initiatives.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">No initiatives yet.</p>
        <p>
          Add initiatives in Portfolio → Initiatives; each gets a row here to report its actuals.
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ area: 'portfolio', tab: 'initiatives' })}
        >
          Go to Initiatives
        </button>
      </div>
    );
  }

  const index = periods.indexOf(period);
  const previous = periods[index - 1];
  const next = periods[index + 1];
  const go = (id: string) => navigate({ metricsView: 'actuals', metricsPeriodId: id });
  return (
    <div className="actuals">
      <div className="toolbar actuals__toolbar">
        <div className="field field--inline">
          <label htmlFor="actuals-period" className="field__label">
            Period
          </label>
          <select
            id="actuals-period"
            value={period.id}
            onChange={(event) => go(event.target.value)}
          >
            {periods.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row actuals__steps">
          <button
            type="button"
            className="button"
            disabled={!previous}
            onClick={() => previous && go(previous.id)}
          >
            <span aria-hidden="true">← </span>Previous period
          </button>
          <button
            type="button"
            className="button"
            disabled={!next}
            onClick={() => next && go(next.id)}
          >
            Next period<span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <ActualsGrid portfolio={portfolio} period={period} />
    </div>
  );
}
