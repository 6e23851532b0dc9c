/** Robustness: how often each initiative is chosen when estimates move within their range. */
import { useState } from 'react';
import type { OptimizeResult } from '../../../../shared/optimize/optimize';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { formatNumber } from '../../../format';
import type { RobustnessJob } from '../../../state/slices/optimizeSlice';
import { PhaseAnnouncement } from './PhaseAnnouncement';
import { StartStopButton } from './StartStopButton';

export const RUN_CHOICES = [20, 50, 100, 200] as const;

export function RobustnessSection({
  portfolio,
  plan,
  job,
  stale,
  busy,
  onStart,
  onStop,
}: {
  readonly portfolio: Portfolio;
  readonly plan: OptimizeResult | undefined;
  readonly job: RobustnessJob | undefined;
  readonly stale: boolean;
  readonly busy: boolean;
  readonly onStart: (runs: number, range: number) => void;
  readonly onStop: () => void;
}) {
  const [runs, setRuns] = useState<number>(50);
  const [rangeText, setRangeText] = useState('20');
  const range = Number(rangeText);
  const rangeError =
    rangeText.trim() === '' || !Number.isFinite(range) || range < 0 || range >= 100
      ? 'Enter a range from 0 to 99 %.'
      : '';
  const running = job?.phase === 'running' || job?.phase === 'stopping';
  const inPlan = new Set(plan?.selected.map((entry) => entry.id));
  const done = job?.done ?? 0;
  const rows = job
    ? portfolio.initiatives
        .map((initiative) => ({ initiative, count: job.counts[initiative.id] ?? 0 }))
        .sort((a, b) => b.count - a.count)
    : [];
  return (
    <section className="card" aria-labelledby="robustness-title">
      <div className="card__header">
        <h3 id="robustness-title">Robustness</h3>
      </div>
      <p>
        Estimates are uncertain. Each run moves every initiative&apos;s value and demand at random
        within ± its range (its own <code>estimateRange</code> when it has one) and optimizes again.
        Chosen in nearly every run: a safe bet; in about half: a judgement call.
      </p>
      <div className="optimize__toolbar">
        <label className="field field--inline">
          <span className="field__label">Runs</span>
          <select
            value={runs}
            onChange={(event) => setRuns(Number(event.target.value))}
            disabled={running}
          >
            {RUN_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </label>
        <label className={`field field--inline${rangeError ? ' field--invalid' : ''}`}>
          <span className="field__label">Range ± %</span>
          <input
            inputMode="decimal"
            value={rangeText}
            onChange={(event) => setRangeText(event.target.value)}
            aria-invalid={rangeError !== ''}
            aria-describedby="range-error"
            size={4}
            disabled={running}
          />
          <span id="range-error" className="field__error">
            {rangeError}
          </span>
        </label>
        <StartStopButton
          phase={job?.phase}
          onStart={() => onStart(runs, range / 100)}
          onStop={onStop}
          disabled={busy || rangeError !== '' || portfolio.initiatives.length === 0}
        >
          Run {runs} times
        </StartStopButton>
      </div>
      <PhaseAnnouncement task="Robustness" phase={job?.phase} />
      <div>
        {running && (
          <div className="optimize__progress">
            <progress max={job.runs} value={done} aria-label="Runs done" />
            <p data-testid="robustness-progress">
              {job.phase === 'stopping' ? 'Stopping… ' : ''}Run {done} of {job.runs}
            </p>
          </div>
        )}
      </div>
      {job?.phase === 'failed' && <p role="alert">The run stopped with a problem: {job.error}</p>}
      {stale && (
        <p className="optimize__banner optimize__banner--warn">
          The portfolio has changed since these runs.
        </p>
      )}
      {job && done > 0 && (
        <div className="table-scroll">
          <table className="data-table optimize__table" data-testid="robustness-table">
            <caption className="visually-hidden">
              How often each initiative was chosen in {done} runs at ±{' '}
              {formatNumber(job.range * 100, 0)} %
            </caption>
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col" className="num">
                  Chosen
                </th>
                <th scope="col">Share of {done} runs</th>
                <th scope="col">In the proposal</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ initiative, count }) => {
                const share = count / done;
                return (
                  <tr key={initiative.id}>
                    <th scope="row">{initiative.name}</th>
                    <td className="num">{formatNumber(share * 100, 0)} %</td>
                    <td>
                      <span className="optimize__bar" aria-hidden="true">
                        <span style={{ width: `${share * 100}%` }} />
                      </span>
                    </td>
                    <td>{plan ? (inPlan.has(initiative.id) ? 'Yes' : 'No') : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
