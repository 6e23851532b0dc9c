/**
 * Drafts a review's agenda from the portfolio's data: initiatives at risk, capacity and budget
 * breaches, success measures off track, benefits due, proposals waiting at the gate, work linked
 * to no objective, decisions since the previous review, items carried over and open actions.
 * Which of these a review gets depends on its kind of meeting. Every threshold is a constant
 * below; the README's "Cadence" section says the same in words.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { formatNumber, formatPercent, plural } from '../format';
import { DEFAULT_INTAKE_SETTINGS, stageLabel } from '../intake/types';
import type { Decision, Initiative, Portfolio } from '../portfolio/types';
import { describeReason, scenarioCutLine, type CutLine } from '../prioritize/cutline';
import { isCancelled, isPinned } from '../prioritize/status';
import { measureProgress } from '../strategy/measure-progress';
import { openActions, previousHeldReview } from './calendar';
import type { AgendaItem, AgendaItemKind, AgendaRef, MeetingKind, Review } from './types';

/** An agenda item before it is stored: no id yet; `source` says what drafted it. */
export type DraftAgendaItem = Omit<AgendaItem, 'id'> & { readonly source: string };

/** Progress this many percentage points behind plan puts an initiative at risk. */
export const BEHIND_PLAN_POINTS = 15;
/** Benefits are due when a measure's target date falls within this many days from the review. */
export const BENEFIT_WINDOW_DAYS = 90;
/** Without a previous held review, decisions of this many days before the review are listed. */
export const DECISIONS_LOOKBACK_DAYS = 90;
/** The latest RAG statuses that put an initiative at risk. */
export const AT_RISK_RAGS = ['red', 'amber'] as const;

/** The parts an agenda is drafted from, in agenda order. */
export const AGENDA_SECTIONS = [
  'carried',
  'actions',
  'at-risk',
  'capacity',
  'budget',
  'measure',
  'benefit',
  'alignment',
  'gate',
  'decisions',
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** Which parts each kind of meeting's agenda is drafted from. */
export const AGENDA_SECTIONS_BY_MEETING: Readonly<Record<MeetingKind, readonly AgendaSection[]>> = {
  'portfolio-review': AGENDA_SECTIONS,
  'alignment-checkpoint': ['carried', 'actions', 'measure', 'alignment', 'decisions'],
  'value-review': ['carried', 'actions', 'benefit', 'measure', 'decisions'],
  other: ['carried', 'actions'],
};

/** Suggested minutes per drafted item, by kind. */
export const SUGGESTED_MINUTES: Readonly<Record<AgendaItemKind, number>> = {
  'at-risk': 10,
  capacity: 5,
  budget: 5,
  measure: 5,
  benefit: 5,
  gate: 10,
  decisions: 5,
  carried: 5,
  actions: 5,
  custom: 10,
};

type Input = {
  readonly portfolio: Portfolio;
  readonly review: Review;
  readonly today: string;
};

function item(
  kind: AgendaItemKind,
  source: string,
  title: string,
  detail: string | undefined,
  refs: readonly AgendaRef[],
): DraftAgendaItem {
  return {
    kind,
    title,
    ...(detail !== undefined && detail !== '' && { detail }),
    ...(refs.length > 0 && { refs }),
    source,
    minutes: SUGGESTED_MINUTES[kind],
  };
}

/** A date as the agenda's text says it: `5 Jan 2027` (an ISO date that does not read stays as it is). */
export function dayText(iso: string): string {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'd MMM yyyy');
}

function amount(value: number): string {
  return formatNumber(value, 1, 'en-GB');
}

function percentText(fraction: number): string {
  return formatPercent(fraction, 'en-GB');
}

/**
 * The share of an initiative's scheduled periods elapsed by `date`: each period counts by the
 * share of its days passed (a period ending on or before the date counts whole). Undefined when
 * a scheduled period has no start or end date.
 */
export function plannedProgress(
  portfolio: Portfolio,
  startIndex: number,
  endIndex: number,
  date: string,
): number | undefined {
  const on = parseISO(date);
  let elapsed = 0;
  let count = 0;
  for (let index = startIndex; index <= endIndex; index += 1) {
    const period = portfolio.periods[index];
    if (!period?.start || !period.end) return undefined;
    const days = differenceInCalendarDays(parseISO(period.end), parseISO(period.start)) + 1;
    if (days <= 0) return undefined;
    const passed = differenceInCalendarDays(on, parseISO(period.start)) + 1;
    elapsed += Math.min(1, Math.max(0, passed / days));
    count += 1;
  }
  return count === 0 ? undefined : elapsed / count;
}

/** The initiative's latest actual (by period order) that has `field`. */
function latestActual<K extends 'rag' | 'progress'>(
  portfolio: Portfolio,
  initiativeId: string,
  field: K,
) {
  const periodIndex = new Map(portfolio.periods.map((period, index) => [period.id, index]));
  let found: (NonNullable<Portfolio['actuals']>[number] & { index: number }) | undefined;
  for (const actual of portfolio.actuals ?? []) {
    if (actual.initiativeId !== initiativeId || actual[field] === undefined) continue;
    const index = periodIndex.get(actual.periodId);
    if (index === undefined) continue;
    if (!found || index >= found.index) found = { ...actual, index };
  }
  return found;
}

function atRisk(portfolio: Portfolio, review: Review, cutLine: CutLine): DraftAgendaItem[] {
  const scenario = portfolio.scenarios[0];
  const items: DraftAgendaItem[] = [];
  for (const initiative of portfolio.initiatives) {
    if (isCancelled(initiative) || initiative.status === 'done') continue;
    const reasons: string[] = [];
    const rag = latestActual(portfolio, initiative.id, 'rag');
    if (rag?.rag !== undefined && (AT_RISK_RAGS as readonly string[]).includes(rag.rag)) {
      const label = portfolio.periods[rag.index]?.label ?? rag.periodId;
      const note = rag.note?.trim();
      reasons.push(
        `Reported ${rag.rag} for ${label}${note ? `: ${note.replace(/\.$/, '')}` : ''}.`,
      );
    }
    const placement = cutLine.byId.get(initiative.id);
    if (placement?.above && initiative.status === 'active') {
      const planned = plannedProgress(
        portfolio,
        placement.startIndex,
        placement.endIndex,
        review.date,
      );
      const actual = latestActual(portfolio, initiative.id, 'progress');
      if (planned !== undefined && actual?.progress !== undefined) {
        const behind = Math.round((planned - actual.progress) * 100);
        if (behind >= BEHIND_PLAN_POINTS) {
          reasons.push(
            `${percentText(actual.progress)} done against ${percentText(planned)} planned by ${dayText(review.date)}: ${behind} points behind.`,
          );
        }
      }
    }
    if (placement && !placement.above && isPinned(initiative) && initiative.status === 'active') {
      reasons.push(
        `Under way but below the cut line${scenario ? ` of ${scenario.name}` : ''}: ${describeReason(placement.reason, portfolio).replace(/\.$/, '')}.`,
      );
    }
    if (reasons.length === 0) continue;
    items.push(
      item(
        'at-risk',
        `at-risk:${initiative.id}`,
        `${initiative.name} is at risk`,
        reasons.join(' '),
        [{ kind: 'initiative', id: initiative.id }],
      ),
    );
  }
  return items;
}

/** Start period index of committed (or forced-in) work: its fixed start, else where the plan puts it. */
function committedStart(portfolio: Portfolio, initiative: Initiative, cutLine: CutLine) {
  if (initiative.start !== undefined) {
    const index = portfolio.periods.findIndex((period) => period.id === initiative.start);
    if (index >= 0) return index;
  }
  const placement = cutLine.byId.get(initiative.id);
  if (placement?.above) return placement.startIndex;
  if (initiative.earliestStart !== undefined) {
    const index = portfolio.periods.findIndex((period) => period.id === initiative.earliestStart);
    if (index >= 0) return index;
  }
  return 0;
}

/**
 * What committed work (active, done or forced in, and not stopped) asks of each team and of the
 * budget in each period, placed from its fixed start (else where the plan starts it): team id →
 * amount per period index, and spend per period index.
 */
export function committedLoad(portfolio: Portfolio, cutLine: CutLine) {
  const periods = portfolio.periods.length;
  const demand = new Map<string, number[]>();
  const spend: number[] = new Array<number>(periods).fill(0);
  for (const initiative of portfolio.initiatives) {
    if (!isPinned(initiative)) continue;
    const start = committedStart(portfolio, initiative, cutLine);
    for (const [teamId, list] of Object.entries(initiative.demand ?? {})) {
      const row = demand.get(teamId) ?? new Array<number>(periods).fill(0);
      list.forEach((value, offset) => {
        if (start + offset < periods) row[start + offset]! += value;
      });
      demand.set(teamId, row);
    }
    (initiative.spend ?? []).forEach((value, offset) => {
      if (start + offset < periods) spend[start + offset]! += value;
    });
  }
  return { demand, spend };
}

/** A small amount above capacity or budget that is rounding, not a breach. */
const TOLERANCE = 1e-9;

function capacityBreaches(portfolio: Portfolio, cutLine: CutLine): DraftAgendaItem[] {
  const { demand } = committedLoad(portfolio, cutLine);
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  const items: DraftAgendaItem[] = [];
  for (const team of portfolio.teams) {
    const row = demand.get(team.id);
    if (!row) continue;
    portfolio.periods.forEach((period, index) => {
      const capacity = team.capacity[period.id] ?? 0;
      const asked = row[index] ?? 0;
      if (asked <= capacity + TOLERANCE) return;
      items.push(
        item(
          'capacity',
          `capacity:${team.id}:${period.id}`,
          `${team.name} is over capacity in ${period.label}`,
          `Committed work asks ${amount(asked)}${unit} of ${team.name} in ${period.label}, against a capacity of ${amount(capacity)}${unit}: ${amount(asked - capacity)}${unit} too much.`,
          [
            { kind: 'team', id: team.id },
            { kind: 'period', id: period.id },
          ],
        ),
      );
    });
  }
  return items;
}

function budgetBreaches(portfolio: Portfolio, cutLine: CutLine): DraftAgendaItem[] {
  if (!portfolio.budget) return [];
  const { spend } = committedLoad(portfolio, cutLine);
  const currency = portfolio.currency ? `${portfolio.currency} ` : '';
  const items: DraftAgendaItem[] = [];
  portfolio.periods.forEach((period, index) => {
    const budget = portfolio.budget?.[period.id];
    if (budget === undefined) return;
    const spent = spend[index] ?? 0;
    if (spent <= budget + TOLERANCE) return;
    items.push(
      item(
        'budget',
        `budget:${period.id}`,
        `Over budget in ${period.label}`,
        `Committed work spends ${currency}${amount(spent)} in ${period.label}, against a budget of ${currency}${amount(budget)}: ${currency}${amount(spent - budget)} too much.`,
        [{ kind: 'period', id: period.id }],
      ),
    );
  });
  return items;
}

function measuresOffTrack(portfolio: Portfolio, review: Review): DraftAgendaItem[] {
  const items: DraftAgendaItem[] = [];
  for (const objective of portfolio.objectives) {
    for (const measure of objective.measures ?? []) {
      const progress = measureProgress(measure, review.date);
      if (progress.status !== 'behind') continue;
      const unit = measure.unit ? ` ${measure.unit}` : '';
      const latest = progress.latest
        ? `Latest ${amount(progress.latest.value)}${unit} (${dayText(progress.latest.date)})`
        : 'No reading yet';
      const expected =
        progress.expected !== undefined
          ? `, where the line expects ${amount(progress.expected)}${unit}`
          : '';
      const target =
        measure.target !== undefined
          ? `; target ${amount(measure.target)}${unit}${measure.targetDate ? ` by ${dayText(measure.targetDate)}` : ''}`
          : '';
      items.push(
        item(
          'measure',
          `measure:${measure.id}`,
          `${measure.name} is behind (${objective.name})`,
          `${latest}${expected}${target}.`,
          [
            { kind: 'objective', id: objective.id },
            { kind: 'measure', id: measure.id },
          ],
        ),
      );
    }
  }
  return items;
}

function benefitsDue(portfolio: Portfolio, review: Review): DraftAgendaItem[] {
  const last = addDays(parseISO(review.date), BENEFIT_WINDOW_DAYS);
  const items: DraftAgendaItem[] = [];
  for (const objective of portfolio.objectives) {
    for (const measure of objective.measures ?? []) {
      if (!measure.targetDate || !/^\d{4}-\d{2}-\d{2}$/.test(measure.targetDate)) continue;
      const due = parseISO(measure.targetDate);
      if (Number.isNaN(due.getTime()) || measure.targetDate < review.date || due > last) continue;
      const progress = measureProgress(measure, review.date);
      const unit = measure.unit ? ` ${measure.unit}` : '';
      const where =
        progress.latest !== undefined
          ? ` Latest ${amount(progress.latest.value)}${unit} (${dayText(progress.latest.date)})${progress.progress !== undefined ? `, ${percentText(progress.progress)} of the way` : ''}.`
          : ' No reading yet.';
      items.push(
        item(
          'benefit',
          `benefit:${measure.id}`,
          `${measure.name} is due by ${dayText(measure.targetDate)} (${objective.name})`,
          `Target ${measure.target !== undefined ? `${amount(measure.target)}${unit}` : 'not set'} by ${dayText(measure.targetDate)}.${where}`,
          [
            { kind: 'objective', id: objective.id },
            { kind: 'measure', id: measure.id },
          ],
        ),
      );
    }
  }
  return items;
}

function unaligned(portfolio: Portfolio, cutLine: CutLine): DraftAgendaItem[] {
  const objectiveIds = new Set(portfolio.objectives.map((objective) => objective.id));
  if (objectiveIds.size === 0) return [];
  const list = portfolio.initiatives.filter(
    (initiative) =>
      !isCancelled(initiative) &&
      initiative.status !== 'done' &&
      cutLine.byId.get(initiative.id)?.above === true &&
      !(initiative.objectives ?? []).some(
        (link) => objectiveIds.has(link.id) && link.contribution > 0,
      ),
  );
  if (list.length === 0) return [];
  return [
    item(
      'at-risk',
      'unaligned',
      `${plural(list.length, 'initiative')} in the plan ${list.length === 1 ? 'serves' : 'serve'} no objective`,
      `Planned but linked to no objective: ${list.map((initiative) => initiative.name).join(', ')}.`,
      list.map((initiative) => ({ kind: 'initiative', id: initiative.id })),
    ),
  ];
}

function atTheGate(portfolio: Portfolio): DraftAgendaItem[] {
  const settings = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  return (portfolio.proposals ?? [])
    .filter((proposal) => proposal.stage === 'submitted' || proposal.stage === 'screening')
    .map((proposal) => {
      const since = proposal.history[proposal.history.length - 1]?.date;
      const sponsor = proposal.sponsor?.trim();
      return item(
        'gate',
        `gate:${proposal.id}`,
        `Proposal: ${proposal.title.trim() || proposal.id}`,
        `${stageLabel(settings, proposal.stage)}${since ? ` since ${dayText(since)}` : ''}${sponsor ? `; sponsor ${sponsor}` : ''}.`,
        [{ kind: 'proposal', id: proposal.id }],
      );
    });
}

function decisionsSince(portfolio: Portfolio, review: Review): DraftAgendaItem[] {
  const previous = previousHeldReview(portfolio, review);
  const from = previous
    ? previous.date
    : format(addDays(parseISO(review.date), -DECISIONS_LOOKBACK_DAYS), 'yyyy-MM-dd');
  // From the previous review's day on (as the review pack counts them), leaving out what was
  // decided at that review itself or is being decided at this one.
  const atReview = (decision: Decision, id: string | undefined) =>
    id !== undefined &&
    (decision.concerns ?? []).some((concern) => concern.kind === 'review' && concern.id === id);
  const list = (portfolio.decisions ?? []).filter(
    (decision) =>
      decision.date >= from &&
      decision.date <= review.date &&
      !atReview(decision, review.id) &&
      !atReview(decision, previous?.id),
  );
  if (list.length === 0) return [];
  return [
    item(
      'decisions',
      `decisions:${previous?.id ?? 'none'}`,
      previous
        ? `Decisions since the last review (${dayText(previous.date)})`
        : `Decisions of the last ${DECISIONS_LOOKBACK_DAYS} days`,
      list.map((decision) => `${dayText(decision.date)}: ${decision.title}.`).join(' '),
      list.map((decision) => ({ kind: 'decision', id: decision.id })),
    ),
  ];
}

function carriedOver(portfolio: Portfolio, review: Review): DraftAgendaItem[] {
  const previous = previousHeldReview(portfolio, review);
  if (!previous) return [];
  return previous.agenda
    .filter((entry) => entry.outcome === undefined || entry.outcome === 'carried')
    .map((entry) => ({
      kind: 'carried' as const,
      title: entry.title,
      ...(entry.detail !== undefined && { detail: entry.detail }),
      ...(entry.refs !== undefined && entry.refs.length > 0 && { refs: entry.refs }),
      source: `carried:${previous.id}:${entry.id}`,
      minutes: entry.minutes ?? SUGGESTED_MINUTES.carried,
      carriedFrom: previous.id,
    }));
}

function actionsOpen(portfolio: Portfolio, review: Review): DraftAgendaItem[] {
  // Actions raised at earlier meetings: a later review's actions are not this one's business.
  const dates = new Map((portfolio.reviews ?? []).map((entry) => [entry.id, entry.date]));
  const list = openActions(portfolio).filter(
    (action) => action.reviewId !== review.id && (dates.get(action.reviewId) ?? '') <= review.date,
  );
  if (list.length === 0) return [];
  const overdue = list.filter((action) => action.due !== undefined && action.due < review.date);
  return [
    item(
      'actions',
      'actions',
      `Open actions (${list.length})`,
      `${plural(list.length, 'action')} still open${overdue.length > 0 ? `, ${overdue.length} overdue` : ''}: ${list
        .map(
          (action) =>
            `${action.title}${action.owner ? ` (${action.owner}${action.due ? `, due ${dayText(action.due)}` : ''})` : action.due ? ` (due ${dayText(action.due)})` : ''}`,
        )
        .join('; ')}.`,
      list.map((action) => ({ kind: 'action', id: action.id })),
    ),
  ];
}

/**
 * The agenda the data suggests for `review`, in a stable order: by part, in the order of
 * `AGENDA_SECTIONS`, and within a part in the portfolio's order. The data is read as it stands;
 * dates are measured from the review's date. `today` is not used for the windows: a review
 * opened early is drafted for its own date.
 */
export function draftAgenda(input: Input): DraftAgendaItem[] {
  const { portfolio, review } = input;
  const sections = AGENDA_SECTIONS_BY_MEETING[review.kind];
  let cutLine: CutLine | undefined;
  const line = () => (cutLine ??= scenarioCutLine(portfolio));
  const items: DraftAgendaItem[] = [];
  for (const section of sections) {
    switch (section) {
      case 'carried':
        items.push(...carriedOver(portfolio, review));
        break;
      case 'actions':
        items.push(...actionsOpen(portfolio, review));
        break;
      case 'at-risk':
        items.push(...atRisk(portfolio, review, line()));
        break;
      case 'capacity':
        items.push(...capacityBreaches(portfolio, line()));
        break;
      case 'budget':
        items.push(...budgetBreaches(portfolio, line()));
        break;
      case 'measure':
        items.push(...measuresOffTrack(portfolio, review));
        break;
      case 'benefit':
        items.push(...benefitsDue(portfolio, review));
        break;
      case 'alignment':
        items.push(...unaligned(portfolio, line()));
        break;
      case 'gate':
        items.push(...atTheGate(portfolio));
        break;
      case 'decisions':
        items.push(...decisionsSince(portfolio, review));
        break;
    }
  }
  return fitToMeeting(items, meetingMinutes(portfolio, review));
}

/** A one-off meeting's length when nothing says otherwise, in minutes. */
export const ONE_OFF_MEETING_MINUTES = 60;
/** The fewest minutes a drafted item is given when the agenda is shrunk to fit the meeting. */
export const FEWEST_ITEM_MINUTES = 2;

/** How long `review` lasts: its series' length, else an hour. */
export function meetingMinutes(portfolio: Portfolio, review: Review): number {
  const cadence = (portfolio.cadences ?? []).find((entry) => entry.id === review.cadenceId);
  return cadence?.durationMinutes ?? ONE_OFF_MEETING_MINUTES;
}

/**
 * Shrinks the suggested minutes in proportion when together they run over the meeting, each to
 * no fewer than FEWEST_ITEM_MINUTES, so that a drafted agenda fits where it can (a very long one
 * still runs over, and the review says by how much).
 */
export function fitToMeeting(items: readonly DraftAgendaItem[], length: number): DraftAgendaItem[] {
  const total = items.reduce((sum, entry) => sum + (entry.minutes ?? 0), 0);
  if (total <= length || total === 0) return [...items];
  const share = length / total;
  return items.map((entry) =>
    entry.minutes === undefined
      ? entry
      : { ...entry, minutes: Math.max(FEWEST_ITEM_MINUTES, Math.floor(entry.minutes * share)) },
  );
}
