/**
 * Optimize: the plan of highest value under every rule, beside the scenario's own ranking; then
 * "what would it take" for what is left out, the efficient frontier and a robustness run.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OptimizeResult } from '../../../../shared/optimize/optimize';
import { describeOutReason } from '../../../../shared/optimize/plan';
import { initiativeValue } from '../../../../shared/portfolio/measures';
import type { Portfolio, Scenario } from '../../../../shared/portfolio/types';
import { describeReason, scenarioCutLine, stackOrder } from '../../../../shared/prioritize/cutline';
import { describeWorkTakenOut, workTakenOut } from '../../../../shared/prioritize/plan-change';
import { undoLastEdit } from '../../../state/history-actions';
import { optimizedFromExtras } from '../../../../shared/pack/optimized';
import { freezeResult } from '../../../state/freeze';
import { createScenario } from '../../../db/edits';
import { formatMoney, formatNumber } from '../../../format';
import { useAppStore } from '../../../state/store';
import type { OptimizeJob } from '../../../state/slices/optimizeSlice';
import { isBusy } from '../../../state/slices/optimizeSlice';
import { FrontierSection } from './FrontierSection';
import { PhaseAnnouncement } from './PhaseAnnouncement';
import { RobustnessSection } from './RobustnessSection';
import { StartStopButton } from './StartStopButton';
import { useAnalyses } from './use-analyses';
import { WhatItTakesPanel } from './WhatItTakesPanel';
import './optimize.css';

export const TIME_LIMITS = [5, 10, 30, 60, 300] as const;

function seconds(value: number): string {
  return value >= 60 ? `${formatNumber(value / 60, 1)} min` : `${formatNumber(value, 1)} s`;
}

function percent(gap: number): string {
  return `${formatNumber(gap * 100, gap < 0.01 ? 2 : 1)} %`;
}

function ProgressLine({
  job,
  timeLimit,
}: {
  readonly job: OptimizeJob;
  readonly timeLimit: number;
}) {
  const progress = job.progress;
  const elapsed = progress?.elapsed ?? 0;
  const parts = [
    job.phase === 'stopping' ? 'Stopping, keeping the best plan so far' : 'Searching',
    seconds(elapsed),
    progress?.objective !== undefined
      ? `best plan so far ${formatNumber(progress.objective, 0)}`
      : 'no plan yet',
  ];
  if (progress?.bound !== undefined)
    parts.push(`no plan can beat ${formatNumber(progress.bound, 0)}`);
  if (progress?.gap !== undefined) parts.push(`gap ${percent(progress.gap)}`);
  return (
    <div className="optimize__progress">
      <progress max={timeLimit} value={Math.min(elapsed, timeLimit)} aria-label="Time used" />
      <p data-testid="optimize-progress">{parts.join(' · ')}</p>
    </div>
  );
}

function statusText(result: OptimizeResult): { tone: 'good' | 'warn' | 'bad'; text: string } {
  switch (result.status) {
    case 'optimal':
      return {
        tone: 'good',
        text: `Proven best plan: no plan that keeps every rule is worth more (${seconds(result.elapsed)}).`,
      };
    case 'feasible':
      return {
        tone: 'warn',
        text: `${result.stopped ? 'Stopped' : 'Time limit reached'} after ${seconds(result.elapsed)}: best plan found so far. No plan can be worth more than ${formatNumber(result.bound, 0)}${Number.isFinite(result.gap) ? ` (at most ${percent(result.gap)} better)` : ''}.`,
      };
    case 'infeasible':
      return {
        tone: 'bad',
        text: `No plan keeps every rule. ${result.conflict?.message ?? ''}`.trim(),
      };
    case 'unknown':
      return { tone: 'bad', text: 'No plan was found in the time given.' };
  }
}

export function OptimizeView({
  portfolio,
  scenario,
}: {
  readonly portfolio: Portfolio;
  readonly scenario: Scenario;
}) {
  const { analyses, key, optimize, stop, whatItTakes, frontier, robustness } = useAnalyses(
    portfolio,
    scenario.id,
  );
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const [timeLimit, setTimeLimit] = useState<number>(30);
  const [applied, setApplied] = useState<{ id: string; name: string } | null>(null);
  const run = analyses.optimize;
  // One worker runs one job at a time, whichever scenario it is for.
  const busyElsewhere = useAppStore(
    (state) =>
      Object.keys(state.analyses).find((id) => id !== scenario.id && isBusy(state.analyses[id])) ??
      null,
  );
  const busy = isBusy(analyses) || busyElsewhere !== null;
  const busyName =
    busyElsewhere === null
      ? undefined
      : (portfolio.scenarios.find((entry) => entry.id === busyElsewhere)?.name ?? busyElsewhere);
  const result = run?.phase === 'done' ? run.result : undefined;
  const stale = run !== undefined && run.key !== key;
  const statusRef = useRef<HTMLDivElement>(null);

  const current = useMemo(() => scenarioCutLine(portfolio, scenario.id), [portfolio, scenario.id]);
  const byId = useMemo(
    () => new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative])),
    [portfolio],
  );
  const valueOf = (id: string) => {
    const initiative = byId.get(id);
    return initiative ? (initiativeValue(initiative, portfolio) ?? 0) : 0;
  };
  const periodLabel = (id: string) =>
    portfolio.periods.find((period) => period.id === id)?.label ?? id;
  const currentValue = current.placements
    .filter((placement) => placement.above)
    .reduce((sum, placement) => sum + valueOf(placement.id), 0);
  const currentSpend = current.spend.reduce((sum, amount) => sum + amount, 0);

  useEffect(() => {
    if (run?.phase === 'done') statusRef.current?.focus({ preventScroll: true });
  }, [run?.phase]);

  const apply = async (plan: OptimizeResult) => {
    const name = `${scenario.name} (optimized)`;
    try {
      const id = await createScenario(
        name,
        plan.ranking,
        optimizedFromExtras({
          scenarioId: scenario.id,
          at: new Date().toISOString(),
          result: freezeResult(plan),
        }),
      );
      setApplied({ id, name });
      const warning = describeWorkTakenOut(
        workTakenOut(portfolio, stackOrder(portfolio, scenario.id), portfolio, plan.ranking),
        `Created scenario "${name}" from the plan. This plan`,
      );
      if (warning) notify('warning', warning, { label: 'Undo', run: () => void undoLastEdit() });
      else notify('success', `Created scenario "${name}" from the plan. Ctrl+Z undoes it.`);
    } catch (error) {
      notify('error', `The scenario was not created: ${(error as Error).message}`);
    }
  };

  const comparison = useMemo(() => {
    if (!result) return undefined;
    const proposed = new Map(result.selected.map((entry) => [entry.id, entry]));
    const reasons = new Map(result.rejected.map((entry) => [entry.id, entry.reason]));
    const comesIn = result.selected.filter((entry) => !current.byId.get(entry.id)?.above);
    const goesOut = current.placements.filter(
      (placement) => placement.above && !proposed.has(placement.id),
    );
    const rows = [
      ...result.selected.map((entry) => entry.id),
      ...result.rejected.map((entry) => entry.id),
    ];
    return { proposed, reasons, comesIn, goesOut, rows };
  }, [result, current]);

  const selectedWhatIf = analyses.whatItTakes;
  const spend = result ? result.spend.reduce((sum, amount) => sum + amount, 0) : 0;

  return (
    <div className="panel optimize">
      <div className="panel__intro">
        <p>
          The plan of highest total value that keeps every rule: each team&apos;s capacity and the
          budget in every period, dependencies, exclusions, forced initiatives, fixed starts and
          start windows. Searched exactly, with proof of how far from the best it can be.
        </p>
      </div>

      <div className="optimize__toolbar">
        <label className="field field--inline">
          <span className="field__label">Time limit</span>
          <select
            value={timeLimit}
            onChange={(event) => setTimeLimit(Number(event.target.value))}
            disabled={busy}
          >
            {TIME_LIMITS.map((limit) => (
              <option key={limit} value={limit}>
                {seconds(limit)}
              </option>
            ))}
          </select>
        </label>
        <StartStopButton
          phase={run?.phase}
          onStart={() => optimize(timeLimit)}
          onStop={() => stop('optimize')}
          disabled={busy || portfolio.initiatives.length === 0}
          primary
        >
          {result ? 'Optimize again' : 'Optimize'}
        </StartStopButton>
      </div>

      <PhaseAnnouncement task="Optimize" phase={run?.phase} />
      <div>
        {(run?.phase === 'running' || run?.phase === 'stopping') && (
          <ProgressLine job={run} timeLimit={timeLimit} />
        )}
        {busyName !== undefined && (
          <p className="optimize__muted">
            The optimizer is busy with {busyName}; open that scenario to follow or stop it.
          </p>
        )}
      </div>

      {portfolio.initiatives.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__lead">No initiatives to optimize yet.</p>
          <p>Add initiatives with their demand and value in Portfolio, then come back.</p>
        </div>
      )}

      {run?.phase === 'failed' && (
        <p className="optimize__banner optimize__banner--bad" role="alert">
          The optimizer stopped with a problem: {run.error}
        </p>
      )}

      {result && comparison && (
        <>
          <div
            ref={statusRef}
            tabIndex={-1}
            className={`optimize__banner optimize__banner--${statusText(result).tone}`}
            data-testid="optimize-status"
          >
            {statusText(result).text}
          </div>
          {stale && (
            <p className="optimize__banner optimize__banner--warn">
              The portfolio has changed since this plan was made. Optimize again for a plan of the
              portfolio as it is now.
            </p>
          )}

          {result.status !== 'infeasible' && (
            <section className="card" aria-labelledby="proposal-title">
              <div className="card__header">
                <h3 id="proposal-title">Proposal beside the ranking of {scenario.name}</h3>
              </div>
              <dl className="optimize__figures">
                <div>
                  <dt>Value</dt>
                  <dd data-testid="figure-proposal-value">
                    {formatNumber(result.objective, 0)}
                    <span className="optimize__vs">
                      {' '}
                      vs {formatNumber(currentValue, 0)} now (
                      {result.objective >= currentValue ? '+' : '−'}
                      {formatNumber(Math.abs(result.objective - currentValue), 0)})
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Initiatives in</dt>
                  <dd>
                    {result.selected.length}
                    <span className="optimize__vs">
                      {' '}
                      vs {current.placements.filter((p) => p.above).length} now
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Spend</dt>
                  <dd>
                    {formatMoney(spend, portfolio.currency)}
                    <span className="optimize__vs">
                      {' '}
                      vs {formatMoney(currentSpend, portfolio.currency)} now
                    </span>
                  </dd>
                </div>
              </dl>
              <div className="optimize__changes">
                <div>
                  <h4>Comes in ({comparison.comesIn.length})</h4>
                  {comparison.comesIn.length === 0 ? (
                    <p className="optimize__none">Nothing new.</p>
                  ) : (
                    <ul>
                      {comparison.comesIn.map((entry) => (
                        <li key={entry.id}>
                          {byId.get(entry.id)?.name ?? entry.id}{' '}
                          <span className="optimize__muted">from {periodLabel(entry.start)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div>
                  <h4>Goes out ({comparison.goesOut.length})</h4>
                  {comparison.goesOut.length === 0 ? (
                    <p className="optimize__none">Nothing leaves.</p>
                  ) : (
                    <ul>
                      {comparison.goesOut.map((placement) => (
                        <li key={placement.id}>{byId.get(placement.id)?.name ?? placement.id}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void apply(result)}
                  disabled={stale}
                >
                  Apply as new scenario
                </button>
                {applied && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => navigate({ scenarioId: applied.id, view: 'board' })}
                  >
                    Open &ldquo;{applied.name}&rdquo; on the board
                  </button>
                )}
              </div>
              {!result.rankingKeepsPlan && (
                <p className="optimize__muted">
                  The board places a ranking greedily, so the new scenario&apos;s cut line may
                  differ a little from this plan.
                </p>
              )}

              <div className="table-scroll">
                <table className="data-table optimize__table" data-testid="proposal-table">
                  <caption className="visually-hidden">
                    Every initiative: now on the board, and in the proposal
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Initiative</th>
                      <th scope="col" className="num">
                        Value
                      </th>
                      <th scope="col">Now</th>
                      <th scope="col">Proposed</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.rows.map((id) => {
                      const now = current.byId.get(id);
                      const proposed = comparison.proposed.get(id);
                      const reason = comparison.reasons.get(id);
                      const name = byId.get(id)?.name ?? id;
                      return (
                        <tr
                          key={id}
                          className={proposed ? 'optimize__row--in' : 'optimize__row--out'}
                        >
                          <th scope="row">{name}</th>
                          <td className="num">{formatNumber(valueOf(id), 1)}</td>
                          <td>
                            {now?.above
                              ? `Starts ${periodLabel(now.start)}`
                              : now
                                ? `Below: ${describeReason(now.reason, portfolio)}`
                                : '–'}
                          </td>
                          <td>
                            {proposed ? (
                              <strong>Starts {periodLabel(proposed.start)}</strong>
                            ) : reason ? (
                              `Out: ${describeOutReason(reason, portfolio)}`
                            ) : (
                              '–'
                            )}
                          </td>
                          <td>
                            {!proposed && (
                              <button
                                type="button"
                                className="button button--quiet button--small"
                                onClick={() => whatItTakes(result, id)}
                                disabled={busy || stale}
                                aria-label={`What would it take for ${name}?`}
                              >
                                What would it take?
                              </button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          {selectedWhatIf && (
            <WhatItTakesPanel
              portfolio={portfolio}
              job={selectedWhatIf}
              onStop={() => stop('whatItTakes')}
            />
          )}
        </>
      )}

      <FrontierSection
        portfolio={portfolio}
        scenarioName={scenario.name}
        job={analyses.frontier}
        stale={analyses.frontier !== undefined && analyses.frontier.key !== key}
        busy={busy}
        onStart={frontier}
        onStop={() => stop('frontier')}
      />
      <RobustnessSection
        portfolio={portfolio}
        plan={result}
        job={analyses.robustness}
        stale={analyses.robustness !== undefined && analyses.robustness.key !== key}
        busy={busy}
        onStart={robustness}
        onStop={() => stop('robustness')}
      />
    </div>
  );
}
