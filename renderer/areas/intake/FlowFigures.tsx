/**
 * Intake flow figures, under the pipeline board: proposals per stage, the approval rate and the
 * median time from submission to a decision (over a window the user picks), deferred proposals
 * overdue for their revisit, and every open proposal by how long it has waited, oldest first.
 */
import { useId, useMemo, useState } from 'react';
import { intakeFlow } from '../../../shared/intake/flow';
import { DEFAULT_INTAKE_SETTINGS, INTAKE_STAGES, stageLabel } from '../../../shared/intake/types';
import { usePortfolio } from '../../db/hooks';
import { formatDay, formatNumber, formatPercent, localToday } from '../../format';
import { DEFAULT_LOCATION, formatLocationHash } from '../../state/slices/navigationSlice';
import './intake-figures.css';

/** The windows the approval rate and the median can be taken over. */
const WINDOWS = [
  { value: 'all', label: 'All time', days: undefined },
  { value: '90', label: 'Last 90 days', days: 90 },
  { value: '365', label: 'Last 12 months', days: 365 },
] as const;
type WindowValue = (typeof WINDOWS)[number]['value'];

/** How many waiting proposals the ageing list shows before "Show all". */
export const AGEING_SHOWN = 8;

function daysBefore(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

const dayCount = (days: number) =>
  `${formatNumber(days, Number.isInteger(days) ? 0 : 1)} ${days === 1 ? 'day' : 'days'}`;

function proposalHref(id: string): string {
  return formatLocationHash({ ...DEFAULT_LOCATION, area: 'intake', proposalId: id });
}

export function FlowFigures() {
  const portfolio = usePortfolio();
  const [span, setSpan] = useState<WindowValue>('all');
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const windowId = useId();
  const today = localToday();
  const proposals = portfolio?.proposals;
  const chosen = WINDOWS.find((entry) => entry.value === span) ?? WINDOWS[0];
  const flow = useMemo(
    () =>
      intakeFlow(
        proposals ?? [],
        today,
        chosen.days === undefined ? {} : { since: daysBefore(today, chosen.days) },
      ),
    [proposals, today, chosen.days],
  );
  if (!portfolio) return null;
  const settings = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  const label = (stage: (typeof INTAKE_STAGES)[number]) => stageLabel(settings, stage);
  const total = proposals?.length ?? 0;

  if (total === 0) {
    return (
      <section className="intake-flow" aria-labelledby={headingId}>
        <h3 id={headingId}>Flow</h3>
        <p className="muted">
          No proposals yet: the flow figures (proposals per stage, approval rate, time to a
          decision, ageing) appear once proposals come in.
        </p>
      </section>
    );
  }

  const most = Math.max(1, ...INTAKE_STAGES.map((stage) => flow.perStage[stage]));
  const ageing = showAll ? flow.ageing : flow.ageing.slice(0, AGEING_SHOWN);
  const over = chosen.days === undefined ? 'all time' : chosen.label.toLowerCase();

  return (
    <section className="intake-flow" aria-labelledby={headingId}>
      <div className="intake-flow__header">
        <h3 id={headingId}>Flow</h3>
        <div className="intake-flow__window">
          <label htmlFor={windowId}>Decisions over</label>
          <select
            id={windowId}
            value={span}
            onChange={(event) => setSpan(event.target.value as WindowValue)}
          >
            {WINDOWS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      {flow.overdueRevisits.length > 0 && (
        <div className="intake-flow__overdue" role="note" aria-label="Overdue revisits">
          <p className="intake-flow__overdue-title">
            {flow.overdueRevisits.length === 1
              ? '1 deferred proposal is overdue for its revisit'
              : `${flow.overdueRevisits.length} deferred proposals are overdue for their revisit`}
          </p>
          <ul>
            {flow.overdueRevisits.map((entry) => (
              <li key={entry.id}>
                <a href={proposalHref(entry.id)}>{entry.title.trim() || 'Untitled proposal'}</a>
                {`: to be revisited on ${formatDay(entry.revisitOn)}, ${dayCount(entry.daysOverdue)} ago.`}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="intake-flow__grid">
        <dl className="intake-flow__figures">
          <div className="intake-flow__figure">
            <dt>Approval rate</dt>
            <dd>
              <span className="intake-flow__value">
                {flow.approvalRate === undefined ? '—' : formatPercent(flow.approvalRate)}
              </span>
              <span className="intake-flow__note">
                {flow.approvalRate === undefined
                  ? `No proposal approved or rejected over ${over}.`
                  : `${flow.approved} approved, ${flow.rejected} rejected over ${over}; deferred ones are still open.`}
              </span>
            </dd>
          </div>
          <div className="intake-flow__figure">
            <dt>Submitted to decision</dt>
            <dd>
              <span className="intake-flow__value">
                {flow.medianDaysToDecision === undefined
                  ? '—'
                  : dayCount(flow.medianDaysToDecision)}
              </span>
              <span className="intake-flow__note">
                {flow.medianDaysToDecision === undefined
                  ? `No proposal went from submission to a decision over ${over}.`
                  : `The median over ${flow.decided} ${flow.decided === 1 ? 'proposal' : 'proposals'} decided over ${over} (a deferral counts as a decision).`}
              </span>
            </dd>
          </div>
          <div className="intake-flow__figure">
            <dt>Open</dt>
            <dd>
              <span className="intake-flow__value">{formatNumber(flow.ageing.length, 0)}</span>
              <span className="intake-flow__note">
                {`of ${total} ${total === 1 ? 'proposal' : 'proposals'}: not yet approved or rejected.`}
              </span>
            </dd>
          </div>
        </dl>

        <table className="data-table data-table--compact intake-flow__stages">
          <caption className="intake-flow__caption">Proposals per stage, today</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Proposals
              </th>
              <th scope="col">
                <span className="visually-hidden">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {INTAKE_STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{label(stage)}</th>
                <td className="num">{flow.perStage[stage]}</td>
                <td className="intake-flow__bar-cell" aria-hidden="true">
                  <span
                    className={`intake-flow__bar intake-flow__bar--${stage}`}
                    style={{ width: `${(flow.perStage[stage] / most) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4 className="intake-flow__subheading">Waiting longest</h4>
      {flow.ageing.length === 0 ? (
        <p className="muted">Nothing is waiting: every proposal is approved or rejected.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table data-table--compact intake-flow__ageing">
              <caption className="visually-hidden">
                Open proposals by time in their stage, oldest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Proposal</th>
                  <th scope="col">Stage</th>
                  <th scope="col">In stage since</th>
                  <th scope="col" className="num">
                    Days
                  </th>
                </tr>
              </thead>
              <tbody>
                {ageing.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <a href={proposalHref(entry.id)}>
                        {entry.title.trim() || 'Untitled proposal'}
                      </a>
                    </th>
                    <td>{label(entry.stage)}</td>
                    <td>{entry.since === undefined ? '—' : formatDay(entry.since)}</td>
                    <td className="num">
                      {entry.days === undefined ? '—' : formatNumber(entry.days, 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {flow.ageing.length > AGEING_SHOWN && (
            <button
              type="button"
              className="button button--small button--quiet intake-flow__more"
              aria-expanded={showAll}
              onClick={() => setShowAll((shown) => !shown)}
            >
              {showAll ? 'Show the oldest only' : `Show all ${flow.ageing.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
