/**
 * Throughput and intake flow per period.
 *
 * Throughput: the initiatives whose reported progress first reached 100 % in the period. Work
 * marked done without such a report is not counted, and the drill-down names it. No bands.
 *
 * Intake approval: of the proposals decided in the period (moved into their current stage,
 * approved or rejected, between its start and its end or the as-of date), the share approved
 * (shared/intake/flow.ts `intakeFlow`). Bands: 30–80 % good; below or above: watch.
 */
import { dayText } from '../cadence/agenda';
import { enteredStageOn } from '../intake/stages';
import { intakeFlow } from '../intake/flow';
import type { Portfolio } from '../portfolio/types';
import { finishedIndex, indexActuals, type MetricPeriod } from './baseline';
import { intakeAction } from './actions';
import { bandOf, INTAKE_APPROVAL_LIMITS } from './definitions';
import { tidy, trendOf } from './trend';
import type { DrillRow, MetricPoint, MetricTrend } from './types';

/** Initiatives finished per period, and the done ones no period reports finished. */
export function throughputTrend(
  portfolio: Portfolio,
  periods: readonly MetricPeriod[],
): MetricTrend {
  const actuals = indexActuals(portfolio);
  const finished = new Map<number, { id: string; name: string }[]>();
  const unreported: { id: string; name: string }[] = [];
  for (const initiative of portfolio.initiatives) {
    const index = finishedIndex(actuals, initiative.id);
    if (index === undefined) {
      if (initiative.status === 'done') unreported.push(initiative);
      continue;
    }
    const list = finished.get(index) ?? [];
    list.push(initiative);
    finished.set(index, list);
  }
  const points: MetricPoint[] = periods.map((period) => ({
    key: period.period.id,
    label: period.period.label,
    date: period.upTo,
    value: finished.get(period.index)?.length ?? 0,
    band: 'none',
    ...(period.inProgress && { detail: `In progress: counted up to ${dayText(period.upTo)}.` }),
  }));
  const last = periods[periods.length - 1];
  const drill: DrillRow[] = [
    ...unreported.map((initiative): DrillRow => ({
      subject: { kind: 'initiative', id: initiative.id, name: initiative.name },
      band: 'watch',
      detail:
        'Marked done, but no period reports 100 % progress, so it is not counted: record its progress in the period it finished.',
    })),
    ...(last ? (finished.get(last.index) ?? []) : []).map((initiative): DrillRow => ({
      subject: { kind: 'initiative', id: initiative.id, name: initiative.name },
      band: 'none',
      detail: `Finished in ${last?.period.label ?? ''}.`,
    })),
  ];
  return trendOf('throughput', points, drill);
}

/** The share of proposals decided in each period that were approved. */
export function intakeApprovalTrend(
  portfolio: Portfolio,
  periods: readonly MetricPeriod[],
): MetricTrend {
  const proposals = portfolio.proposals ?? [];
  const flows = periods.map((period) => {
    // Only what was decided by the period's end counts; intakeFlow's `since` bounds the start.
    const decidedBy = proposals.filter((proposal) => {
      const on = enteredStageOn(proposal);
      return on === undefined || on.slice(0, 10) <= period.upTo;
    });
    return { period, flow: intakeFlow(decidedBy, period.upTo, { since: period.start }) };
  });
  const points: MetricPoint[] = flows.map(({ period, flow }) => {
    const value = flow.approvalRate === undefined ? undefined : tidy(flow.approvalRate * 100);
    return {
      key: period.period.id,
      label: period.period.label,
      date: period.upTo,
      ...(value !== undefined
        ? { value }
        : { reason: 'No proposal was approved or rejected in this period.' }),
      band: bandOf(value, INTAKE_APPROVAL_LIMITS),
      ...(value !== undefined && {
        detail: `${flow.approved} approved, ${flow.rejected} rejected.`,
      }),
    };
  });
  const latest = [...points].reverse().find((point) => point.value !== undefined);
  const action = latest ? intakeAction(latest) : undefined;
  return trendOf('intake-approval', points, [], { ...(action !== undefined && { action }) });
}
