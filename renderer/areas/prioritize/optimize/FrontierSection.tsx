/** The efficient frontier section of Optimize: compute, follow, stop, read. */
import type { Portfolio } from '../../../../shared/portfolio/types';
import { FrontierChart } from '../../../charts/FrontierChart';
import type { FrontierJob } from '../../../state/slices/optimizeSlice';
import { PhaseAnnouncement } from './PhaseAnnouncement';
import { StartStopButton } from './StartStopButton';

export const FRONTIER_POINTS = 20;
export const FRONTIER_TIME_LIMIT = 20;

export function FrontierSection({
  portfolio,
  scenarioName,
  job,
  stale,
  busy,
  onStart,
  onStop,
}: {
  readonly portfolio: Portfolio;
  readonly scenarioName: string;
  readonly job: FrontierJob | undefined;
  readonly stale: boolean;
  readonly busy: boolean;
  readonly onStart: (points: number, timeLimit: number) => void;
  readonly onStop: () => void;
}) {
  const running = job?.phase === 'running' || job?.phase === 'stopping';
  const noSpend = portfolio.initiatives.every(
    (initiative) => !(initiative.spend ?? []).some((a) => a > 0),
  );
  return (
    <section className="card" aria-labelledby="frontier-title">
      <div className="card__header">
        <h3 id="frontier-title">Efficient frontier</h3>
      </div>
      <p>
        The best value the portfolio can deliver at each total budget, from nothing to everything
        that can be funded, beside funding initiatives in order of value per cost and the plan of{' '}
        {scenarioName}.
      </p>
      <div className="optimize__toolbar">
        <StartStopButton
          phase={job?.phase}
          onStart={() => onStart(FRONTIER_POINTS, FRONTIER_TIME_LIMIT)}
          onStop={onStop}
          disabled={busy || noSpend}
        >
          {job ? 'Compute the frontier again' : `Compute the frontier (${FRONTIER_POINTS} budgets)`}
        </StartStopButton>
        {noSpend && (
          <span className="optimize__muted">
            No initiative has spend: there is no budget to vary.
          </span>
        )}
      </div>
      <PhaseAnnouncement task="Efficient frontier" phase={job?.phase} />
      <div>
        {running && (
          <div className="optimize__progress">
            <progress max={job.count} value={job.points.length} aria-label="Budgets solved" />
            <p data-testid="frontier-progress">
              {job.phase === 'stopping' ? 'Stopping… ' : ''}Budget {job.points.length} of{' '}
              {job.count} solved
            </p>
          </div>
        )}
      </div>
      {job?.phase === 'failed' && (
        <p role="alert">The frontier stopped with a problem: {job.error}</p>
      )}
      {stale && (
        <p className="optimize__banner optimize__banner--warn">
          The portfolio has changed since this frontier was computed.
        </p>
      )}
      {job && job.points.length > 0 && (
        <FrontierChart
          points={job.points}
          greedy={job.result?.greedy ?? []}
          {...(job.result && { current: job.result.current })}
          currentLabel={`Plan of ${scenarioName}`}
          {...(portfolio.currency !== undefined && { currency: portfolio.currency })}
        />
      )}
    </section>
  );
}
