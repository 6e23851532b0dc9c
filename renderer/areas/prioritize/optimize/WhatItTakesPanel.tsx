/** "What would it take" for one initiative the plan leaves out. */
import { useEffect, useRef } from 'react';
import { describeOutReason } from '../../../../shared/optimize/plan';
import { describeLimits } from '../../../../shared/optimize/what-it-takes';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { formatNumber } from '../../../format';
import type { WhatItTakesJob } from '../../../state/slices/optimizeSlice';

export function WhatItTakesPanel({
  portfolio,
  job,
  onStop,
}: {
  readonly portfolio: Portfolio;
  readonly job: WhatItTakesJob;
  readonly onStop: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const name = portfolio.initiatives.find((initiative) => initiative.id === job.id)?.name ?? job.id;
  useEffect(() => {
    heading.current?.focus();
  }, [job.id]);
  const answer = job.result;
  const amount = (value: number, range: readonly [number, number] | undefined) =>
    !answer?.exact && range && range[1] - range[0] > 1e-6
      ? `${formatNumber(value, 1)} (between ${formatNumber(range[0], 1)} and ${Number.isFinite(range[1]) ? formatNumber(range[1], 1) : 'unknown'})`
      : formatNumber(value, 1);
  return (
    <section
      className="card optimize__what"
      aria-labelledby="what-title"
      data-testid="what-it-takes"
    >
      <div className="card__header">
        <h3 id="what-title" ref={heading} tabIndex={-1}>
          What would it take: {name}
        </h3>
      </div>
      {(job.phase === 'running' || job.phase === 'stopping') && (
        <div className="optimize__progress" role="status">
          <p>Solving again with {name} forced in…</p>
          <button type="button" className="button button--small" onClick={onStop}>
            Stop
          </button>
        </div>
      )}
      {job.phase === 'failed' && <p role="alert">{job.error}</p>}
      {answer && (
        <div role="status">
          <p>
            <strong>Why it is out:</strong> {describeOutReason(answer.reason, portfolio)}.
          </p>
          {answer.limits.length > 0 && (
            <>
              <p>
                <strong>What binds</strong> at each start it could take, given the plan:
              </p>
              <ul className="optimize__limits">
                {answer.limits.map((limits) => (
                  <li key={limits.start}>{describeLimits(limits, portfolio)}</li>
                ))}
              </ul>
            </>
          )}
          {answer.valueNeeded !== undefined && answer.valueLost !== undefined ? (
            <dl className="optimize__figures">
              <div>
                <dt>Value now</dt>
                <dd>{formatNumber(answer.value, 1)}</dd>
              </div>
              <div>
                <dt>Value it would need</dt>
                <dd data-testid="value-needed">
                  more than {amount(answer.valueNeeded, answer.valueNeededRange)}
                </dd>
              </div>
              <div>
                <dt>Value lost if forced in</dt>
                <dd data-testid="value-lost">{amount(answer.valueLost, answer.valueLostRange)}</dd>
              </div>
            </dl>
          ) : (
            <p>
              <strong>No value would get it in:</strong>{' '}
              {answer.conflict?.message ?? 'forcing it in breaks a rule.'}
            </p>
          )}
          {!answer.exact && answer.valueNeeded !== undefined && (
            <p className="optimize__muted">
              A solve behind these figures stopped at its time limit: each is the best estimate,
              with the range its proven bounds allow.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
