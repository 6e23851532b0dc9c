/**
 * The strategic-fit gate as a live checklist: the PMO's rules evaluated on the stored proposal,
 * one row per rule (passes, fails, does not apply) with the reason in numbers and, for a failure,
 * what would make it pass; then the capacity check: where the proposal would land in the plan of
 * record if approved now, and what it would push out or delay, named with the reasons. A summary
 * ("3 of 5 rules pass") is announced as the proposal changes.
 */
import { useDeferredValue, useId, useMemo, type ReactNode } from 'react';
import { capacityCheck, ordinal, type CapacityCheck } from '../../../shared/intake/capacity-check';
import {
  evaluateGate,
  GATE_RULE_FAILURES,
  type GateItem,
  type GateOutcome,
  type GateResult,
} from '../../../shared/intake/gate';
import { DEFAULT_INTAKE_SETTINGS, type Proposal } from '../../../shared/intake/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { STATUS_LABELS } from '../../components/labels';
import { usePortfolio } from '../../db/hooks';

const OUTCOME_WORDS: Readonly<Record<GateOutcome, string>> = {
  passed: 'Passes',
  failed: 'Fails',
  'not-applicable': 'Does not apply',
};

/** "3 of 5 rules pass", with the rules that do not apply and the ones that block. */
function gateSummary(gate: GateResult): string {
  const applicable = gate.items.filter((item) => item.outcome !== 'not-applicable');
  const passed = applicable.filter((item) => item.outcome === 'passed').length;
  const skipped = gate.items.length - applicable.length;
  if (applicable.length === 0) return 'No rule of the gate applies: it passes the gate.';
  const count = `${passed} of ${applicable.length} ${applicable.length === 1 ? 'rule passes' : 'rules pass'}`;
  const notApplying = skipped > 0 ? ` (${skipped} ${skipped === 1 ? 'does' : 'do'} not apply)` : '';
  if (gate.passed) return `${count}${notApplying}: it passes the gate.`;
  const blocking = gate.failed.map((rule) => GATE_RULE_FAILURES[rule]);
  return `${count}${notApplying}. Blocked: ${blocking.join('; ')}.`;
}

type Evaluated = {
  readonly gate: GateResult;
  readonly capacity: CapacityCheck;
  readonly ruleOn: boolean;
};

function evaluate(
  portfolio: Portfolio,
  proposal: Proposal,
  scenarioId: string | undefined,
): Evaluated {
  const settings = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  const options = scenarioId === undefined ? {} : { scenarioId };
  const gate = evaluateGate(portfolio, proposal, settings, options);
  // With the capacity rule switched off the check is still worth showing, for information.
  const capacity = gate.capacity ?? capacityCheck(portfolio, proposal, settings, options);
  return { gate, capacity, ruleOn: gate.capacity !== undefined };
}

export function GateChecklist({
  proposalId,
  scenarioId,
}: {
  readonly proposalId: string;
  readonly scenarioId?: string;
}) {
  const stored = usePortfolio();
  // The gate plans the portfolio twice; typing in the form stays quick while it catches up.
  const portfolio = useDeferredValue(stored);
  const headingId = useId();
  const proposal = portfolio?.proposals?.find((entry) => entry.id === proposalId);
  const scenario =
    scenarioId !== undefined && portfolio?.scenarios.some((entry) => entry.id === scenarioId)
      ? scenarioId
      : undefined;
  const result = useMemo(
    () => (portfolio && proposal ? evaluate(portfolio, proposal, scenario) : undefined),
    [portfolio, proposal, scenario],
  );
  return (
    <section className="gate" aria-labelledby={headingId}>
      <h3 id={headingId}>Strategic-fit gate</h3>
      {!portfolio ? (
        <p className="loading">Checking the gate…</p>
      ) : !proposal || !result ? (
        <p className="muted">
          This proposal is not in the portfolio, so there is nothing to check.
        </p>
      ) : (
        <Checklist portfolio={portfolio} proposal={proposal} result={result} />
      )}
    </section>
  );
}

function Checklist({
  portfolio,
  proposal,
  result,
}: {
  readonly portfolio: Portfolio;
  readonly proposal: Proposal;
  readonly result: Evaluated;
}) {
  const { gate, capacity, ruleOn } = result;
  return (
    <>
      <p
        className={`gate__summary gate__summary--${gate.passed ? 'passed' : 'failed'}`}
        role="status"
      >
        {gateSummary(gate)}
      </p>
      {proposal.stage === 'approved' && proposal.initiativeId !== undefined && (
        <p className="section-hint">
          Approved: checked as the initiative it became, against the plan without it.
        </p>
      )}
      {!gate.passed && proposal.stage !== 'approved' && proposal.stage !== 'rejected' && (
        <p className="section-hint">
          It can still be approved, but only with an explicit override and its rationale.
        </p>
      )}
      <ul className="gate__rules">
        {gate.items.map((item) => (
          <GateRow key={item.rule} item={item}>
            {item.rule === 'capacity' && ruleOn && (
              <CapacityDetail portfolio={portfolio} check={capacity} />
            )}
          </GateRow>
        ))}
      </ul>
      {!ruleOn && (
        <div className="gate__capacity-info">
          <h4>Capacity check, for information</h4>
          <p className="section-hint">
            The capacity rule is switched off, so this does not block the proposal.
          </p>
          <CapacityDetail portfolio={portfolio} check={capacity} />
        </div>
      )}
    </>
  );
}

function GateRow({ item, children }: { readonly item: GateItem; readonly children?: ReactNode }) {
  // The capacity row's reason is the check's whole summary: the detail below says it in parts.
  const detailed = item.rule === 'capacity' && children;
  return (
    <li className={`gate__rule gate__rule--${item.outcome}`}>
      <p className="gate__rule-head">
        <span className={`gate__outcome gate__outcome--${item.outcome}`}>
          {OUTCOME_WORDS[item.outcome]}
        </span>{' '}
        <strong className="gate__rule-title">{item.title}</strong>
      </p>
      {!detailed && <p className="gate__why">{item.why}</p>}
      {children}
      {item.fix && (
        <p className="gate__fix">
          <span className="gate__fix-label">To pass: </span>
          {item.fix}
        </p>
      )}
    </li>
  );
}

function CapacityDetail({
  portfolio,
  check,
}: {
  readonly portfolio: Portfolio;
  readonly check: CapacityCheck;
}) {
  const period = (id: string) => portfolio.periods.find((entry) => entry.id === id)?.label ?? id;
  const where = check.scenarioName === undefined ? '' : ` in ${check.scenarioName}`;
  const landing =
    check.landing === 'below'
      ? `Falls below the line: ${check.reasonText ?? 'it does not fit'}.`
      : `${check.landing === 'gap' ? 'Lands behind the line but fits in a gap' : 'Lands above the line'}${check.start === undefined ? '' : `, starting ${period(check.start)}`}.`;
  if (check.demandSource === 'none') {
    return (
      <div className="gate__capacity">
        <p>
          Nothing to plan yet: it asks no team for capacity (no demand per team, and no size with a
          template), so it cannot be placed{where}.
        </p>
      </div>
    );
  }
  return (
    <div className="gate__capacity">
      <p>
        If approved now: ranked {ordinal(check.rank)} of {check.competing} competing{where}.{' '}
        {landing}
      </p>
      {check.pushedOut.length === 0 ? (
        <p>Pushes nothing out of the plan.</p>
      ) : (
        <>
          <p>
            Pushes out {check.pushedOut.length} initiative{check.pushedOut.length === 1 ? '' : 's'}:
          </p>
          <ul className="gate__named">
            {check.pushedOut.map((out) => (
              <li key={out.id}>
                <strong>{out.name}</strong> ({STATUS_LABELS[out.status].toLowerCase()}
                {out.promised ? ', promised work' : ''}, planned from {period(out.startedIn)}):{' '}
                {out.reasonText}.
              </li>
            ))}
          </ul>
        </>
      )}
      {check.delayed.length > 0 && (
        <>
          <p>
            Delays {check.delayed.length} initiative{check.delayed.length === 1 ? '' : 's'}:
          </p>
          <ul className="gate__named">
            {check.delayed.map((late) => (
              <li key={late.id}>
                <strong>{late.name}</strong>: starts {period(late.to)} instead of{' '}
                {period(late.from)}.
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
