/**
 * Reading a portfolio: `restorePortfolio(unknown)` brings a parsed portfolio file (format
 * `baton-portfolio`, version 1) to the current revision of Baton's keys (migrations.ts), checks its
 * shape and every limit of limits.ts, fills defaults, keeps unknown keys as `extras`, and then
 * enforces the file's rules (unique ids, references, cycles).
 * A file that breaks any rule is refused whole, with every problem named by its place in words
 * and its path. When some values have the wrong shape, the rules still run on the rest, so one
 * reading reports both.
 */
import { z } from 'zod';
import { localDateTimeProblem, ruleProblem, timeZoneProblem } from '../cadence/recurrence';
import {
  AGENDA_ITEM_KINDS,
  AGENDA_OUTCOMES,
  AGENDA_REF_KINDS,
  MEETING_KINDS,
  REVIEW_STATUSES,
  type AgendaItem,
  type AgendaRef,
  type Attendee,
  type Cadence,
  type Review,
  type ReviewAction,
  type Snapshot,
} from '../cadence/types';
import type { SelfReview, SelfReviewAnswer } from '../metrics/types';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_STAGES,
  TSHIRT_SIZES,
  type Attachment,
  type GateRules,
  type Hypothesis,
  type IntakeSettings,
  type Proposal,
  type SizeTemplate,
  type StageChange,
} from '../intake/types';
import {
  CRITERION_SCALES,
  CONFIDENCE_LEVELS,
  CRITERION_SOURCES,
  DECISION_CONCERN_KINDS,
  DECISION_KINDS,
  INITIATIVE_STATUSES,
  PORTFOLIO_FORMAT,
  PORTFOLIO_VERSION,
  RAG_STATUSES,
  SCORING_MODELS,
  WORKSHOP_STAGES,
  WORKSHOP_TIMER_KINDS,
  type Actual,
  type Criterion,
  type Decision,
  type DecisionConcern,
  type Extras,
  type Initiative,
  type Judgment,
  type Measure,
  type MeasureActual,
  type Objective,
  type ObjectiveComparison,
  type ObjectiveLink,
  type Period,
  type Portfolio,
  type ScoringModel,
  type Scenario,
  type Team,
  type Workshop,
  type WorkshopCall,
  type WorkshopDots,
  type WorkshopOutcome,
  type WorkshopParticipant,
  type WorkshopRescore,
  type WorkshopScore,
  type WorkshopTimer,
  type WorkshopVote,
} from './types';
import {
  ACTION_KEYS,
  ACTUAL_KEYS,
  AGENDA_ITEM_KEYS,
  AGENDA_REF_KEYS,
  ATTACHMENT_KEYS,
  ATTENDEE_KEYS,
  CADENCE_KEYS,
  BUSINESS_CASE_RULE_KEYS,
  CRITERION_KEYS,
  DECISION_CONCERN_KEYS,
  DECISION_KEYS,
  GATE_RULES_KEYS,
  HYPOTHESIS_KEYS,
  INITIATIVE_KEYS,
  INTAKE_SETTINGS_KEYS,
  JUDGMENT_KEYS,
  MEASURE_ACTUAL_KEYS,
  MEASURE_KEYS,
  OBJECTIVE_COMPARISON_KEYS,
  OBJECTIVE_FIT_RULE_KEYS,
  OBJECTIVE_KEYS,
  OBJECTIVE_LINK_KEYS,
  PERIOD_KEYS,
  PORTFOLIO_KEYS,
  PRIORITY_RULE_KEYS,
  PROPOSAL_KEYS,
  REVIEW_KEYS,
  SCENARIO_KEYS,
  SCORING_KEYS,
  SELF_REVIEW_ANSWER_KEYS,
  SELF_REVIEW_KEYS,
  SIZE_TEMPLATE_KEYS,
  SNAPSHOT_KEYS,
  STAGE_CHANGE_KEYS,
  SWITCH_RULE_KEYS,
  TEAM_KEYS,
  WORKSHOP_CALL_KEYS,
  WORKSHOP_DOTS_KEYS,
  WORKSHOP_KEYS,
  WORKSHOP_OUTCOME_KEYS,
  WORKSHOP_PARTICIPANT_KEYS,
  WORKSHOP_RESCORE_KEYS,
  WORKSHOP_SCORE_KEYS,
  WORKSHOP_TIMER_KEYS,
  WORKSHOP_VOTE_KEYS,
} from './keys';
import { findJsonTextProblem, lineAndColumn } from './json-text';
import {
  BROKEN_TEXT_MESSAGE,
  EMPTY_NAME_MESSAGE,
  ESTIMATE_RANGE_MESSAGE,
  MAX_ACTIONS,
  MAX_AGENDA_ITEMS,
  MAX_ANY_SCORE,
  MAX_ATTENDEES,
  MAX_CADENCES,
  MAX_CAPACITY,
  MAX_DECISIONS,
  MAX_ID_LENGTH,
  MAX_MEASURE,
  MAX_MEETING_MINUTES,
  MAX_MONEY,
  MAX_NAME_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_PROPOSAL_ATTACHMENTS,
  MAX_PROPOSAL_HISTORY,
  MAX_PROPOSALS,
  MAX_REVIEWS,
  MAX_SELF_REVIEW_ANSWERS,
  MAX_SELF_REVIEW_SCORE,
  MAX_SELF_REVIEWS,
  MAX_SNAPSHOTS,
  MIN_SELF_REVIEW_SCORE,
  MAX_TEXT_LENGTH,
  MAX_VALUE,
  MAX_WEIGHT,
  MAX_WORKSHOP_DOTS,
  MAX_WORKSHOP_PARTICIPANTS,
  MAX_WORKSHOP_SCORES,
  MAX_WORKSHOP_TIMER_SECONDS,
  MAX_WORKSHOPS,
  MIN_WORKSHOP_TIMER_SECONDS,
  formatLimit,
  isEstimateRange,
  isWellFormedText,
  tooLargeMessage,
  tooLongMessage,
  tooManyMessage,
} from './limits';
import { textFingerprint } from './fingerprint';
import { BATON_REVISION_KEY, migrateDocument } from './migrations';
import { MAX_RATIO, MIN_RATIO, RATIO_TOLERANCE } from '../strategy/ahp';
import { formatPath, setOwn } from './paths';
import { describePlace } from './places';
import {
  PROPOSAL_FREE_FIELDS,
  WORKSHOP_FREE_FIELDS,
  checkPortfolioRules,
  problemAt,
  type PortfolioProblem,
} from './rules';
import { utf16Message } from './text';
import { recordToDocument, type RecordEntity } from './write';

export type { PortfolioProblem } from './rules';
export { describeProblem } from './rules';
export { formatPath } from './paths';

/**
 * What reading gives: the portfolio, or the first `MAX_REPORTED_PROBLEMS` problems in file order
 * and how many there are in all.
 */
export type RestoreResult =
  | { readonly ok: true; readonly portfolio: Portfolio }
  | {
      readonly ok: false;
      readonly errors: readonly PortfolioProblem[];
      readonly problemCount: number;
    };

/** At most this many problems are listed; a badly broken file would otherwise flood the user. */
export const MAX_REPORTED_PROBLEMS = 50;

function refused(problems: readonly PortfolioProblem[]): RestoreResult {
  return {
    ok: false,
    errors: problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
  };
}

// --- Single values -----------------------------------------------------------------------------

/** Why `value` is no good as an id, or null. */
export function idProblem(value: string): string | null {
  if (value.trim() === '') return 'expected a non-empty id';
  if (!isWellFormedText(value)) return BROKEN_TEXT_MESSAGE;
  if (value.length > MAX_ID_LENGTH) return tooLongMessage(MAX_ID_LENGTH, value.length);
  return null;
}

/** Why `value` is no good as a name or label, or null. */
export function nameProblem(value: string): string | null {
  if (value.trim() === '') return EMPTY_NAME_MESSAGE;
  if (!isWellFormedText(value)) return BROKEN_TEXT_MESSAGE;
  if (value.length > MAX_NAME_LENGTH) return tooLongMessage(MAX_NAME_LENGTH, value.length);
  return null;
}

function textProblem(max: number): (value: string) => string | null {
  return (value) => {
    if (!isWellFormedText(value)) return BROKEN_TEXT_MESSAGE;
    if (value.length > max) return tooLongMessage(max, value.length);
    return null;
  };
}

function checkedText(problem: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

const id = checkedText(idProblem);
const name = checkedText(nameProblem);
/** Owners, units and other short text; may be empty. */
const shortText = checkedText(textProblem(MAX_NAME_LENGTH));
/** Descriptions, reasons and notes. */
const longText = checkedText(textProblem(MAX_TEXT_LENGTH));
/** Long text that must say something: what a decision decided. */
const requiredLongText = checkedText((value) =>
  value.trim() === '' ? EMPTY_NAME_MESSAGE : textProblem(MAX_TEXT_LENGTH)(value),
);

/** A number from `min` to `max`. */
function numberIn(min: number, max: number) {
  return z.number().superRefine((value, ctx) => {
    if (value < min) {
      ctx.addIssue({
        code: 'custom',
        message: min === 0 ? 'must not be negative' : `must be at least ${formatLimit(min)}`,
      });
    } else if (value > max) ctx.addIssue({ code: 'custom', message: tooLargeMessage(max) });
  });
}

/** A whole number from `min` to `max`; anything else is refused with `message`. */
function wholeNumberIn(min: number, max: number, message: string) {
  return z
    .number()
    .refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, message);
}

const capacityAmount = numberIn(0, MAX_CAPACITY);
const money = numberIn(0, MAX_MONEY);
const weight = numberIn(0, MAX_WEIGHT);
const measureFigure = numberIn(-MAX_MEASURE, MAX_MEASURE);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD date is one the calendar has (not 2027-02-30). */
function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .regex(ISO_DATE, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'expected a real date');

/** A date and time as ISO 8601 writes it, with seconds and a zone: 2026-12-04T10:15:00.000Z. */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const isoDateTime = z.string().superRefine((value, ctx) => {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
    });
    return;
  }
  const [, date, hours, minutes, seconds, zoneHours, zoneMinutes] = match;
  const within = (text: string | undefined, max: number) =>
    text === undefined || Number(text) <= max;
  if (
    !isRealDate(date as string) ||
    !within(hours, 23) ||
    !within(minutes, 59) ||
    !within(seconds, 59) ||
    !within(zoneHours, 23) ||
    !within(zoneMinutes, 59)
  ) {
    ctx.addIssue({ code: 'custom', message: 'expected a real date and time' });
  }
});

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object keyed by ids, each value checked by `valueSchema`. Written by hand because the schema
 * library skips a key named `__proto__`: here it is checked like any other.
 */
function recordOf(valueSchema: z.ZodType) {
  return z.unknown().superRefine((input, ctx) => {
    if (!isPlainRecord(input)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an object, got ${describeReceived(input)}`,
      });
      return;
    }
    for (const key of Object.keys(input)) {
      const value = input[key];
      const result = valueSchema.safeParse(value);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        ctx.addIssue({
          code: 'custom',
          message: issueMessage(issue, value),
          path: [key, ...issue.path],
        });
      }
    }
  });
}

// --- The shape of the file ---------------------------------------------------------------------

const periodSchema = z.object({
  id,
  label: name.optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
});

const teamSchema = z.object({
  id,
  name: name.optional(),
  capacity: recordOf(capacityAmount).optional(),
});

const measureSchema = z.object({
  id,
  name: name.optional(),
  unit: shortText.optional(),
  baseline: measureFigure.optional(),
  target: measureFigure.optional(),
  targetDate: isoDate.optional(),
  actuals: z.array(z.object({ date: isoDate, value: measureFigure })).optional(),
});

const objectiveSchema = z.object({
  id,
  name: name.optional(),
  parentId: id.nullable().optional(),
  weight: weight.optional(),
  description: longText.optional(),
  measures: z.array(measureSchema).optional(),
});

const criterionSchema = z.object({
  id,
  name: name.optional(),
  weight: weight.optional(),
  scale: z
    .enum(CRITERION_SCALES, { error: `expected one of ${CRITERION_SCALES.join(', ')}` })
    .optional(),
  source: z
    .enum(CRITERION_SOURCES, { error: `expected one of ${CRITERION_SOURCES.join(', ')}` })
    .optional(),
});

/** A pairwise judgment's ratio: from 1/9 to 9, as Saaty's scale goes. */
const RATIO_MESSAGE = 'expected a ratio from 1/9 (0.111…) to 9, as on Saaty’s scale';
const ratio = z
  .number({ error: RATIO_MESSAGE })
  // 1/9 typed as 0.11111111111 is 1/9: the ends allow for the digits a person writes.
  .refine(
    (value) =>
      Number.isFinite(value) &&
      value >= MIN_RATIO * (1 - RATIO_TOLERANCE) &&
      value <= MAX_RATIO * (1 + RATIO_TOLERANCE),
    {
      message: RATIO_MESSAGE,
    },
  );

const objectiveComparisonSchema = z.object({
  parentId: id.nullable(),
  judgments: z.array(z.object({ a: id, b: id, ratio })),
});

const scoringSchema = z.object({
  model: z.enum(SCORING_MODELS, { error: `expected one of ${SCORING_MODELS.join(', ')}` }),
  criteria: z.array(criterionSchema).optional(),
});

const initiativeSchema = z.object({
  id,
  name: name.optional(),
  status: z
    .enum(INITIATIVE_STATUSES, { error: `expected one of ${INITIATIVE_STATUSES.join(', ')}` })
    .optional(),
  description: longText.optional(),
  owner: shortText.optional(),
  objectives: z
    .array(
      z.object({
        id,
        contribution: z
          .number()
          .int('expected a whole number from 1 to 3')
          .min(1, 'expected a whole number from 1 to 3')
          .max(3, 'expected a whole number from 1 to 3'),
      }),
    )
    .optional(),
  scores: recordOf(numberIn(0, MAX_ANY_SCORE)).optional(),
  value: numberIn(0, MAX_VALUE).optional(),
  demand: recordOf(z.array(capacityAmount)).optional(),
  spend: z.array(money).optional(),
  duration: z
    .number()
    .int('expected a whole number of periods')
    .min(1, 'expected at least 1 period')
    .optional(),
  earliestStart: id.optional(),
  latestStart: id.optional(),
  start: id.optional(),
  dependsOn: z.array(id).optional(),
  excludes: z.array(id).optional(),
  forced: z.enum(['in', 'out'], { error: 'expected "in" or "out"' }).optional(),
  forcedReason: longText.optional(),
  estimateRange: z
    .number()
    .refine((value) => isEstimateRange(value), ESTIMATE_RANGE_MESSAGE)
    .optional(),
  benefit: money.optional(),
});

const scenarioSchema = z.object({
  id,
  name: name.optional(),
  ranking: z.array(id).optional(),
  description: longText.optional(),
});

const actualSchema = z.object({
  initiativeId: id,
  periodId: id,
  spend: money.optional(),
  effort: recordOf(capacityAmount).optional(),
  progress: z
    .number()
    .min(0, 'expected a share from 0 to 1')
    .max(1, 'expected a share from 0 to 1')
    .optional(),
  rag: z.enum(RAG_STATUSES, { error: `expected one of ${RAG_STATUSES.join(', ')}` }).optional(),
  confidence: z
    .enum(CONFIDENCE_LEVELS, { error: `expected one of ${CONFIDENCE_LEVELS.join(', ')}` })
    .optional(),
  benefit: money.optional(),
  note: longText.optional(),
});

const decisionSchema = z.object({
  id,
  date: isoDate,
  kind: z.enum(DECISION_KINDS, { error: `expected one of ${DECISION_KINDS.join(', ')}` }),
  title: name,
  decision: requiredLongText,
  rationale: longText.optional(),
  decidedBy: shortText.optional(),
  concerns: z
    .array(
      z.object({
        kind: z.enum(DECISION_CONCERN_KINDS, {
          error: `expected one of ${DECISION_CONCERN_KINDS.join(', ')}`,
        }),
        id,
      }),
    )
    .optional(),
  fingerprint: shortText.optional(),
  supersedes: id.optional(),
  recordedAt: isoDateTime.optional(),
});

const wholeDots = (min: number) =>
  wholeNumberIn(
    min,
    MAX_WORKSHOP_DOTS,
    `expected a whole number of dots from ${min} to ${formatLimit(MAX_WORKSHOP_DOTS)}`,
  );
const workshopScore = numberIn(0, MAX_ANY_SCORE);

/**
 * A workshop session. Each value is checked here on its own; what the values say of each other
 * (scores of the session's participants, dots within the allowance) is the rules' (rules.ts).
 */
const workshopSchema = z.object({
  id,
  title: name,
  purpose: longText.optional(),
  date: isoDate.optional(),
  facilitator: shortText.optional(),
  participants: listOf(
    z.object({ id, name }),
    'participants',
    MAX_WORKSHOP_PARTICIPANTS,
  ).optional(),
  initiatives: z.array(id).optional(),
  criteria: z.array(id).optional(),
  timer: z
    .object({
      per: z.enum(WORKSHOP_TIMER_KINDS, {
        error: `expected one of ${WORKSHOP_TIMER_KINDS.join(', ')}`,
      }),
      seconds: wholeNumberIn(
        MIN_WORKSHOP_TIMER_SECONDS,
        MAX_WORKSHOP_TIMER_SECONDS,
        `expected a whole number of seconds from ${formatLimit(MIN_WORKSHOP_TIMER_SECONDS)} to ${formatLimit(MAX_WORKSHOP_TIMER_SECONDS)}`,
      ),
    })
    .optional(),
  dots: z
    .object({
      perPerson: wholeDots(1),
      weighted: z.boolean(),
      maxPerItem: wholeDots(1),
    })
    .optional(),
  scenarioId: id.optional(),
  stage: z.enum(WORKSHOP_STAGES, { error: `expected one of ${WORKSHOP_STAGES.join(', ')}` }),
  turn: wholeNumberIn(0, Number.MAX_SAFE_INTEGER, 'expected a whole number, 0 or more').optional(),
  finished: z.array(id).optional(),
  round: wholeNumberIn(1, Number.MAX_SAFE_INTEGER, 'expected a whole number, 1 or more').optional(),
  rescore: z.object({ initiativeId: id, criterionId: id.optional() }).optional(),
  scores: listOf(
    z.object({
      participantId: id,
      initiativeId: id,
      criterionId: id,
      value: workshopScore,
      round: wholeNumberIn(1, Number.MAX_SAFE_INTEGER, 'expected a whole number, 1 or more'),
    }),
    'scores',
    MAX_WORKSHOP_SCORES,
  ).optional(),
  votes: listOf(
    z.object({ participantId: id, initiativeId: id, dots: wholeDots(0) }),
    'votes',
    MAX_WORKSHOP_PARTICIPANTS * MAX_WORKSHOP_DOTS,
  ).optional(),
  calls: z
    .array(
      z.object({ initiativeId: id, criterionId: id, value: workshopScore, note: requiredLongText }),
    )
    .optional(),
  notes: longText.optional(),
  outcome: z
    .object({
      scenarioId: id,
      decisionId: id.optional(),
      before: z.array(id),
      after: z.array(id),
      recordedAt: isoDateTime.optional(),
    })
    .optional(),
});

/** A list of at most `max` entries, each checked by `entry`; too many is named with the count. */
function listOf(entry: z.ZodType, what: string, max: number) {
  return z.array(entry).superRefine((list, ctx) => {
    if (list.length > max) {
      ctx.addIssue({ code: 'custom', message: tooManyMessage(what, max, list.length) });
    }
  });
}

const tshirtSize = z.enum(TSHIRT_SIZES, { error: `expected one of ${TSHIRT_SIZES.join(', ')}` });
const intakeStage = z.enum(INTAKE_STAGES, {
  error: `expected one of ${INTAKE_STAGES.join(', ')}`,
});
/** A gate threshold: a number, 0 or more (a fit figure, a priority, an amount of money). */
const threshold = numberIn(0, MAX_MONEY);

/**
 * The PMO's intake settings. Each value is checked here on its own; what the values say of the
 * portfolio (teams that exist, templates no longer than the plan and growing with the size, stage
 * names of their own) is the intake rules' (shared/intake/rules.ts). A part left out takes its
 * default.
 */
const intakeSettingsSchema = z.object({
  stageLabels: recordOf(shortText).optional(),
  sizes: recordOf(
    z.object({
      duration: z.number(),
      demand: recordOf(z.array(capacityAmount)).optional(),
      spend: z.array(money).optional(),
    }),
  ).optional(),
  gate: z
    .object({
      objectiveFit: z.object({ enabled: z.boolean().optional(), minimum: threshold.optional() }),
      priority: z.object({
        enabled: z.boolean().optional(),
        basis: z
          .enum(['priority', 'value'], { error: 'expected "priority" or "value"' })
          .optional(),
        minimum: recordOf(threshold).optional(),
      }),
      businessCase: z.object({
        enabled: z.boolean().optional(),
        fromSize: tshirtSize.optional(),
        fromCost: threshold.optional(),
      }),
      exclusions: z.object({ enabled: z.boolean().optional() }),
      capacity: z.object({ enabled: z.boolean().optional() }),
    })
    .partial()
    .optional(),
});

/**
 * A proposal. Each value is checked here on its own; what the stage requires, references to the
 * portfolio and the decision log, and attachments' addresses are the intake rules'.
 */
const proposalSchema = z.object({
  id,
  // A draft may have no title yet: the rules ask for one from submission on.
  title: shortText.optional(),
  stage: intakeStage,
  history: listOf(
    z.object({ stage: intakeStage, date: isoDate, decisionId: id.optional() }),
    'moves',
    MAX_PROPOSAL_HISTORY,
  ).optional(),
  problem: longText.optional(),
  outcome: longText.optional(),
  hypothesis: z
    .object({
      believe: longText.optional(),
      result: longText.optional(),
      measure: longText.optional(),
    })
    .optional(),
  objectives: z
    .array(
      z.object({
        id,
        contribution: z
          .number()
          .int('expected a whole number from 1 to 3')
          .min(1, 'expected a whole number from 1 to 3')
          .max(3, 'expected a whole number from 1 to 3'),
      }),
    )
    .optional(),
  sponsor: shortText.optional(),
  owner: shortText.optional(),
  size: tshirtSize.optional(),
  demand: recordOf(z.array(capacityAmount)).optional(),
  duration: wholeNumberIn(
    1,
    Number.MAX_SAFE_INTEGER,
    'expected a whole number of periods, at least 1',
  ).optional(),
  spend: z.array(money).optional(),
  earliestStart: id.optional(),
  dependsOn: z.array(id).optional(),
  excludes: z.array(id).optional(),
  attachments: listOf(
    z.object({ label: shortText, url: z.string() }),
    'attachments',
    MAX_PROPOSAL_ATTACHMENTS,
  ).optional(),
  scores: recordOf(numberIn(0, MAX_ANY_SCORE)).optional(),
  businessCase: longText.optional(),
  revisitOn: isoDate.optional(),
  initiativeId: id.optional(),
  decisionIds: z.array(id).optional(),
});

// --- Governance: meeting series, reviews, actions, snapshots ------------------------------------

const meetingKind = z.enum(MEETING_KINDS, { error: `expected one of ${MEETING_KINDS.join(', ')}` });
/** A local time of day, HH:mm (00:00 to 23:59). */
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const localTime = z.string().regex(LOCAL_TIME, 'expected a time of day as HH:MM, such as 10:00');
const localDateTime = checkedText(localDateTimeProblem);
const timeZoneName = checkedText(timeZoneProblem);
const recurrenceRule = checkedText(ruleProblem);
const meetingMinutes = wholeNumberIn(
  1,
  MAX_MEETING_MINUTES,
  `expected a whole number of minutes from 1 to ${formatLimit(MAX_MEETING_MINUTES)}`,
);

/** A meeting series. Its rule, time zone and first date-time are checked as the editor checks them. */
const cadenceSchema = z.object({
  id,
  name,
  kind: meetingKind,
  start: localDateTime,
  durationMinutes: meetingMinutes,
  timeZone: timeZoneName,
  rule: recurrenceRule.optional(),
  location: shortText.optional(),
  attendees: listOf(name, 'attendees', MAX_ATTENDEES).optional(),
});

const agendaItemSchema = z.object({
  id,
  kind: z.enum(AGENDA_ITEM_KINDS, { error: `expected one of ${AGENDA_ITEM_KINDS.join(', ')}` }),
  title: name,
  detail: longText.optional(),
  refs: z
    .array(
      z.object({
        kind: z.enum(AGENDA_REF_KINDS, { error: `expected one of ${AGENDA_REF_KINDS.join(', ')}` }),
        id,
      }),
    )
    .optional(),
  source: shortText.optional(),
  minutes: wholeNumberIn(
    0,
    MAX_MEETING_MINUTES,
    `expected a whole number of minutes from 0 to ${formatLimit(MAX_MEETING_MINUTES)}`,
  ).optional(),
  notes: longText.optional(),
  outcome: z
    .enum(AGENDA_OUTCOMES, { error: `expected one of ${AGENDA_OUTCOMES.join(', ')}` })
    .optional(),
  decisions: z.array(id).optional(),
  carriedFrom: id.optional(),
});

/** A review. Its agenda's items are checked one by one; their ids are the rules'. */
const reviewSchema = z.object({
  id,
  title: name,
  kind: meetingKind,
  cadenceId: id.optional(),
  date: isoDate,
  time: localTime.optional(),
  status: z.enum(REVIEW_STATUSES, { error: `expected one of ${REVIEW_STATUSES.join(', ')}` }),
  agenda: listOf(agendaItemSchema, 'agenda items', MAX_AGENDA_ITEMS).optional(),
  dismissed: z.array(shortText).optional(),
  attendance: listOf(
    z.object({ name, present: z.boolean() }),
    'attendees',
    MAX_ATTENDEES,
  ).optional(),
  notes: longText.optional(),
  heldAt: isoDateTime.optional(),
  snapshotId: id.optional(),
});

const actionSchema = z.object({
  id,
  title: name,
  owner: shortText.optional(),
  due: isoDate.optional(),
  reviewId: id,
  agendaItemId: id.optional(),
  closedOn: isoDate.optional(),
  closedNote: longText.optional(),
});

/** The message for a snapshot whose text is not the text its fingerprint was taken of. */
export const SNAPSHOT_FINGERPRINT_MESSAGE =
  'does not match the snapshot’s text: the text was changed after the snapshot was taken, so Baton does not trust it';

/** A snapshot: its text must be the one its fingerprint was taken of. */
const snapshotSchema = z
  .object({
    id,
    reviewId: id.optional(),
    label: name,
    takenAt: isoDateTime,
    fingerprint: z.string(),
    text: checkedText((value) => (isWellFormedText(value) ? null : BROKEN_TEXT_MESSAGE)),
  })
  .superRefine((snapshot, ctx) => {
    if (textFingerprint(snapshot.text) !== snapshot.fingerprint) {
      ctx.addIssue({
        code: 'custom',
        message: SNAPSHOT_FINGERPRINT_MESSAGE,
        path: ['fingerprint'],
      });
    }
  });

// --- The PMO's self-reviews ---------------------------------------------------------------------

/** The message for a self-review score out of bounds. */
export const SELF_REVIEW_SCORE_MESSAGE = `expected a whole number from ${MIN_SELF_REVIEW_SCORE} (not at all) to ${MAX_SELF_REVIEW_SCORE} (fully)`;

const selfReviewAnswerSchema = z.object({
  questionId: id,
  question: name,
  score: wholeNumberIn(MIN_SELF_REVIEW_SCORE, MAX_SELF_REVIEW_SCORE, SELF_REVIEW_SCORE_MESSAGE),
  note: longText.optional(),
});

/** A self-review. A file may leave out the answers of one not yet filled in: it reads as empty. */
const selfReviewSchema = z.object({
  id,
  date: isoDate,
  answers: listOf(selfReviewAnswerSchema, 'answers', MAX_SELF_REVIEW_ANSWERS).optional(),
  notes: longText.optional(),
});

/** The schema of each record of the file's lists, as `checkRecord` takes them. */
const RECORD_SCHEMAS: Readonly<Record<RecordEntity, z.ZodType>> = {
  periods: periodSchema,
  teams: teamSchema,
  objectives: objectiveSchema,
  initiatives: initiativeSchema,
  scenarios: scenarioSchema,
  actuals: actualSchema,
  decisions: decisionSchema,
  workshops: workshopSchema,
  proposals: proposalSchema,
  cadences: cadenceSchema,
  reviews: reviewSchema,
  actions: actionSchema,
  selfReviews: selfReviewSchema,
};

const portfolioSchema = z.object({
  format: z.literal(PORTFOLIO_FORMAT, { error: `expected "${PORTFOLIO_FORMAT}"` }),
  version: z.literal(PORTFOLIO_VERSION, {
    error: `expected ${PORTFOLIO_VERSION}: this version of Baton reads version ${PORTFOLIO_VERSION} files`,
  }),
  name: z.string().superRefine((value, ctx) => {
    const message = value.trim() === '' ? 'expected the portfolio name' : nameProblem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as EUR')
    .optional(),
  capacityUnit: shortText.optional(),
  periods: z.array(periodSchema).optional(),
  teams: z.array(teamSchema).optional(),
  budget: recordOf(money).optional(),
  objectives: z.array(objectiveSchema).optional(),
  objectiveComparisons: z.array(objectiveComparisonSchema).optional(),
  scoring: scoringSchema.optional(),
  initiatives: z.array(initiativeSchema).optional(),
  scenarios: z.array(scenarioSchema).optional(),
  actuals: z.array(actualSchema).optional(),
  decisions: listOf(decisionSchema, 'decisions', MAX_DECISIONS).optional(),
  workshops: listOf(workshopSchema, 'workshop sessions', MAX_WORKSHOPS).optional(),
  intakeSettings: intakeSettingsSchema.optional(),
  proposals: listOf(proposalSchema, 'proposals', MAX_PROPOSALS).optional(),
  cadences: listOf(cadenceSchema, 'meeting series', MAX_CADENCES).optional(),
  reviews: listOf(reviewSchema, 'reviews', MAX_REVIEWS).optional(),
  actions: listOf(actionSchema, 'actions', MAX_ACTIONS).optional(),
  snapshots: listOf(snapshotSchema, 'snapshots', MAX_SNAPSHOTS).optional(),
  selfReviews: listOf(selfReviewSchema, 'self-reviews', MAX_SELF_REVIEWS).optional(),
});

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return `the text ${JSON.stringify(input.slice(0, 40))}`;
  return `${typeof input} ${String(input)}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  boolean: 'true or false',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const input = valueAt(root, issue.path);
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (input === undefined) return `is missing: expected ${expected}`;
    if (typeof input === 'number' && issue.expected === 'number') {
      return Number.isNaN(input)
        ? 'expected a number, got NaN (not a number)'
        : 'is out of range: the number is too large to be stored';
    }
    return `expected ${expected}, got ${describeReceived(input)}`;
  }
  // A required choice (a kind, the format) that is not there at all: say it is missing.
  if (issue.code === 'invalid_value' && valueAt(root, issue.path) === undefined) {
    return `is missing: ${issue.message}`;
  }
  return issue.message;
}

// --- Nesting -----------------------------------------------------------------------------------

/**
 * The path of the first object or list nested deeper than `MAX_NESTING_DEPTH` (the file's top
 * object is level 1; `rootDepth` is the level `root` sits at), or null. A walk with a stack of
 * its own: depth is what it guards against.
 */
function tooDeep(root: unknown, rootDepth = 1): PropertyKey[] | null {
  type Entry = {
    readonly value: unknown;
    readonly depth: number;
    readonly key: PropertyKey;
    readonly parent: Entry | null;
  };
  const stack: Entry[] = [{ value: root, depth: rootDepth, key: '', parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const { value } = entry;
    if (value === null || typeof value !== 'object') continue;
    if (entry.depth > MAX_NESTING_DEPTH) {
      const path: PropertyKey[] = [];
      for (let at: Entry | null = entry; at?.parent; at = at.parent) path.unshift(at.key);
      return path;
    }
    const keys: PropertyKey[] = Array.isArray(value)
      ? value.map((_item, index) => index)
      : Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as PropertyKey;
      const child = (value as Record<PropertyKey, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, depth: entry.depth + 1, key, parent: entry });
      }
    }
  }
  return null;
}

// --- Building the portfolio --------------------------------------------------------------------

type Loose = Record<string, unknown>;

/** Splits `raw` into its known keys and the rest (kept in order, `__proto__` included). */
function split(raw: Loose, known: readonly string[]): { known: Loose; extras?: Extras } {
  const picked: Loose = {};
  let extras: Record<string, unknown> | undefined;
  for (const key of Object.keys(raw)) {
    const field = raw[key];
    if (known.includes(key)) {
      if (field !== undefined) picked[key] = field;
    } else {
      extras ??= {};
      setOwn(extras, key, field);
    }
  }
  return extras ? { known: picked, extras } : { known: picked };
}

function withExtras<T extends object>(value: T, extras: Extras | undefined): T {
  return extras ? { ...value, extras } : value;
}

/** A copy of a record keyed by ids, without a prototype: any id reads as its own value. */
function bare<T>(record: unknown, copy: (value: T) => T = (value) => value): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (isPlainRecord(record)) {
    for (const key of Object.keys(record)) out[key] = copy(record[key] as T);
  }
  return out;
}

function restorePeriod(raw: Loose): Period {
  const { known, extras } = split(raw, PERIOD_KEYS);
  return withExtras({ ...known, label: known.label ?? known.id } as Period, extras);
}

function restoreTeam(raw: Loose): Team {
  const { known, extras } = split(raw, TEAM_KEYS);
  return withExtras(
    { ...known, name: known.name ?? known.id, capacity: bare<number>(known.capacity) } as Team,
    extras,
  );
}

function restoreMeasureActual(raw: Loose): MeasureActual {
  const { known, extras } = split(raw, MEASURE_ACTUAL_KEYS);
  return withExtras(known as MeasureActual, extras);
}

function restoreMeasure(raw: Loose): Measure {
  const { known, extras } = split(raw, MEASURE_KEYS);
  const actuals = (known.actuals as Loose[] | undefined)?.map(restoreMeasureActual);
  return withExtras(
    {
      ...known,
      name: known.name ?? known.id,
      ...(actuals && { actuals }),
    } as Measure,
    extras,
  );
}

function restoreObjective(raw: Loose): Objective {
  const { known, extras } = split(raw, OBJECTIVE_KEYS);
  const measures = (known.measures as Loose[] | undefined)?.map(restoreMeasure);
  return withExtras(
    { ...known, name: known.name ?? known.id, ...(measures && { measures }) } as Objective,
    extras,
  );
}

function restoreScoring(raw: Loose): ScoringModel {
  const { known, extras } = split(raw, SCORING_KEYS);
  const criteria = (known.criteria as Loose[] | undefined)?.map((entry): Criterion => {
    const parts = split(entry, CRITERION_KEYS);
    return withExtras(
      { ...parts.known, name: parts.known.name ?? parts.known.id } as Criterion,
      parts.extras,
    );
  });
  return withExtras({ ...known, ...(criteria && { criteria }) } as ScoringModel, extras);
}

function restoreObjectiveComparison(raw: Loose): ObjectiveComparison {
  const { known, extras } = split(raw, OBJECTIVE_COMPARISON_KEYS);
  const judgments = ((known.judgments as Loose[] | undefined) ?? []).map((entry): Judgment => {
    const parts = split(entry, JUDGMENT_KEYS);
    return withExtras(parts.known as Judgment, parts.extras);
  });
  return withExtras(
    { parentId: (known.parentId as string | null) ?? null, judgments } as ObjectiveComparison,
    extras,
  );
}

function restoreLink(raw: Loose): ObjectiveLink {
  const { known, extras } = split(raw, OBJECTIVE_LINK_KEYS);
  return withExtras(known as ObjectiveLink, extras);
}

function restoreInitiative(raw: Loose): Initiative {
  const { known, extras } = split(raw, INITIATIVE_KEYS);
  const links = (known.objectives as Loose[] | undefined)?.map(restoreLink);
  return withExtras(
    {
      ...known,
      name: known.name ?? known.id,
      status: known.status ?? 'proposed',
      ...(links && { objectives: links }),
      ...(known.scores !== undefined && { scores: bare<number>(known.scores) }),
      ...(known.demand !== undefined && {
        demand: bare<readonly number[]>(known.demand, (list) => [...list]),
      }),
    } as Initiative,
    extras,
  );
}

function restoreScenario(raw: Loose): Scenario {
  const { known, extras } = split(raw, SCENARIO_KEYS);
  return withExtras(
    { ...known, name: known.name ?? known.id, ranking: known.ranking ?? [] } as Scenario,
    extras,
  );
}

function restoreActual(raw: Loose): Actual {
  const { known, extras } = split(raw, ACTUAL_KEYS);
  return withExtras(
    {
      ...known,
      ...(known.effort !== undefined && { effort: bare<number>(known.effort) }),
    } as Actual,
    extras,
  );
}

function restoreConcern(raw: Loose): DecisionConcern {
  const { known, extras } = split(raw, DECISION_CONCERN_KEYS);
  return withExtras(known as DecisionConcern, extras);
}

function restoreDecision(raw: Loose): Decision {
  const { known, extras } = split(raw, DECISION_KEYS);
  const concerns = (known.concerns as Loose[] | undefined)?.map(restoreConcern);
  return withExtras({ ...known, ...(concerns && { concerns }) } as Decision, extras);
}

/** Restores one part of a workshop session: its known keys, the rest kept as extras. */
function restorePart<T extends object>(keys: readonly string[]): (raw: Loose) => T {
  return (raw) => {
    const { known, extras } = split(raw, keys);
    return withExtras(known as T, extras);
  };
}

const restoreParticipant = restorePart<WorkshopParticipant>(WORKSHOP_PARTICIPANT_KEYS);
const restoreWorkshopScore = restorePart<WorkshopScore>(WORKSHOP_SCORE_KEYS);
const restoreVote = restorePart<WorkshopVote>(WORKSHOP_VOTE_KEYS);
const restoreCall = restorePart<WorkshopCall>(WORKSHOP_CALL_KEYS);
const restoreTimer = restorePart<WorkshopTimer>(WORKSHOP_TIMER_KEYS);
const restoreDots = restorePart<WorkshopDots>(WORKSHOP_DOTS_KEYS);
const restoreRescore = restorePart<WorkshopRescore>(WORKSHOP_RESCORE_KEYS);
const restoreOutcome = restorePart<WorkshopOutcome>(WORKSHOP_OUTCOME_KEYS);

/**
 * A workshop session. A file may leave out the participants, initiatives and criteria of a session
 * in set-up: they read as empty lists.
 */
function restoreWorkshop(raw: Loose): Workshop {
  const { known, extras } = split(raw, WORKSHOP_KEYS);
  const each = <T>(key: string, restore: (part: Loose) => T) =>
    (known[key] as Loose[] | undefined)?.map(restore);
  const one = <T>(key: string, restore: (part: Loose) => T) =>
    known[key] === undefined ? undefined : restore(known[key] as Loose);
  const scores = each('scores', restoreWorkshopScore);
  const votes = each('votes', restoreVote);
  const calls = each('calls', restoreCall);
  const timer = one('timer', restoreTimer);
  const dots = one('dots', restoreDots);
  const rescore = one('rescore', restoreRescore);
  const outcome = one('outcome', restoreOutcome);
  const workshop: Loose = {
    ...known,
    participants: each('participants', restoreParticipant) ?? [],
    initiatives: known.initiatives ?? [],
    criteria: known.criteria ?? [],
    ...(timer && { timer }),
    ...(dots && { dots }),
    ...(rescore && { rescore }),
    ...(scores && { scores }),
    ...(votes && { votes }),
    ...(calls && { calls }),
    ...(outcome && { outcome }),
  };
  return withExtras(workshop as Workshop, extras);
}

const restoreStageChange = restorePart<StageChange>(STAGE_CHANGE_KEYS);
const restoreHypothesis = restorePart<Hypothesis>(HYPOTHESIS_KEYS);
const restoreAttachment = restorePart<Attachment>(ATTACHMENT_KEYS);

/** A proposal. A file may leave out a draft's title and the history (read as empty). */
function restoreProposal(raw: Loose): Proposal {
  const { known, extras } = split(raw, PROPOSAL_KEYS);
  const each = <T>(key: string, restore: (part: Loose) => T) =>
    (known[key] as Loose[] | undefined)?.map(restore);
  const links = each('objectives', restoreLink);
  const attachments = each('attachments', restoreAttachment);
  const proposal: Loose = {
    ...known,
    title: known.title ?? '',
    history: each('history', restoreStageChange) ?? [],
    ...(known.hypothesis !== undefined && {
      hypothesis: restoreHypothesis(known.hypothesis as Loose),
    }),
    ...(links && { objectives: links }),
    ...(known.demand !== undefined && {
      demand: bare<readonly number[]>(known.demand, (list) => [...list]),
    }),
    ...(attachments && { attachments }),
    ...(known.scores !== undefined && { scores: bare<number>(known.scores) }),
  };
  return withExtras(proposal as Proposal, extras);
}

function restoreCadence(raw: Loose): Cadence {
  const { known, extras } = split(raw, CADENCE_KEYS);
  return withExtras(
    {
      ...known,
      ...(known.attendees !== undefined && { attendees: [...(known.attendees as string[])] }),
    } as Cadence,
    extras,
  );
}

const restoreAgendaRef = restorePart<AgendaRef>(AGENDA_REF_KEYS);
const restoreAttendee = restorePart<Attendee>(ATTENDEE_KEYS);

function restoreAgendaItem(raw: Loose): AgendaItem {
  const { known, extras } = split(raw, AGENDA_ITEM_KEYS);
  const refs = (known.refs as Loose[] | undefined)?.map(restoreAgendaRef);
  return withExtras({ ...known, ...(refs && { refs }) } as AgendaItem, extras);
}

/** A review. A file may leave out the agenda of a review not yet prepared: it reads as empty. */
function restoreReview(raw: Loose): Review {
  const { known, extras } = split(raw, REVIEW_KEYS);
  const attendance = (known.attendance as Loose[] | undefined)?.map(restoreAttendee);
  const review: Loose = {
    ...known,
    agenda: ((known.agenda as Loose[] | undefined) ?? []).map(restoreAgendaItem),
    ...(attendance && { attendance }),
  };
  return withExtras(review as Review, extras);
}

const restoreAction = restorePart<ReviewAction>(ACTION_KEYS);
const restoreSnapshot = restorePart<Snapshot>(SNAPSHOT_KEYS);
const restoreSelfReviewAnswer = restorePart<SelfReviewAnswer>(SELF_REVIEW_ANSWER_KEYS);

/** A self-review; one without answers reads with none. */
function restoreSelfReview(raw: Loose): SelfReview {
  const { known, extras } = split(raw, SELF_REVIEW_KEYS);
  const review: Loose = {
    ...known,
    answers: ((known.answers as Loose[] | undefined) ?? []).map(restoreSelfReviewAnswer),
  };
  return withExtras(review as SelfReview, extras);
}

/**
 * One rule of the gate: the default when the file leaves it out; else its fields over `base` (the
 * fields the rule cannot do without), the rest kept as extras.
 */
function restoreRule<T extends object>(
  raw: unknown,
  keys: readonly string[],
  missing: T,
  base: Partial<T> = missing,
): T {
  if (raw === undefined) return missing;
  const { known, extras } = split(raw as Loose, keys);
  return withExtras({ ...base, ...known } as T, extras);
}

/**
 * The intake settings: stage names and size templates as given (none when left out), and each
 * rule of the gate over its default, so that a file that names only what it changes reads whole.
 * A business-case rule given without a size or cost has none: only its switch has a default.
 */
function restoreIntakeSettings(raw: Loose): IntakeSettings {
  const { known, extras } = split(raw, INTAKE_SETTINGS_KEYS);
  const defaults = DEFAULT_INTAKE_SETTINGS.gate;
  const sizes = bare<SizeTemplate>(known.sizes, (template) => {
    const parts = split(template as unknown as Loose, SIZE_TEMPLATE_KEYS);
    return withExtras(
      {
        ...parts.known,
        demand: bare<readonly number[]>(parts.known.demand, (list) => [...list]),
      } as SizeTemplate,
      parts.extras,
    );
  });
  let gate: GateRules = defaults;
  if (known.gate !== undefined) {
    const parts = split(known.gate as Loose, GATE_RULES_KEYS);
    const rules = parts.known;
    const priority = restoreRule(rules.priority, PRIORITY_RULE_KEYS, defaults.priority);
    gate = withExtras(
      {
        objectiveFit: restoreRule(
          rules.objectiveFit,
          OBJECTIVE_FIT_RULE_KEYS,
          defaults.objectiveFit,
        ),
        priority:
          priority === defaults.priority
            ? priority
            : { ...priority, minimum: bare<number>(priority.minimum) },
        businessCase: restoreRule(
          rules.businessCase,
          BUSINESS_CASE_RULE_KEYS,
          defaults.businessCase,
          {
            enabled: defaults.businessCase.enabled,
          },
        ),
        exclusions: restoreRule(rules.exclusions, SWITCH_RULE_KEYS, defaults.exclusions),
        capacity: restoreRule(rules.capacity, SWITCH_RULE_KEYS, defaults.capacity),
      },
      parts.extras,
    );
  }
  return withExtras(
    { stageLabels: bare<string>(known.stageLabels), sizes, gate } as IntakeSettings,
    extras,
  );
}

/** The portfolio of a file whose shape is right (or was made right by `salvage`). */
function build(raw: Loose): Portfolio {
  const { known, extras } = split(raw, PORTFOLIO_KEYS);
  const list = (key: string) => (known[key] as Loose[] | undefined) ?? [];
  return withExtras<Portfolio>(
    {
      name: known.name as string,
      ...(known.currency !== undefined && { currency: known.currency as string }),
      ...(known.capacityUnit !== undefined && { capacityUnit: known.capacityUnit as string }),
      periods: list('periods').map(restorePeriod),
      teams: list('teams').map(restoreTeam),
      ...(known.budget !== undefined && { budget: bare<number>(known.budget) }),
      objectives: list('objectives').map(restoreObjective),
      ...(known.objectiveComparisons !== undefined && {
        objectiveComparisons: list('objectiveComparisons').map(restoreObjectiveComparison),
      }),
      ...(known.scoring !== undefined && { scoring: restoreScoring(known.scoring as Loose) }),
      initiatives: list('initiatives').map(restoreInitiative),
      scenarios: list('scenarios').map(restoreScenario),
      ...(known.actuals !== undefined && { actuals: list('actuals').map(restoreActual) }),
      ...(known.decisions !== undefined && {
        decisions: list('decisions').map(restoreDecision),
      }),
      ...(known.workshops !== undefined && {
        workshops: list('workshops').map(restoreWorkshop),
      }),
      ...(known.intakeSettings !== undefined && {
        intakeSettings: restoreIntakeSettings(known.intakeSettings as Loose),
      }),
      ...(known.proposals !== undefined && {
        proposals: list('proposals').map(restoreProposal),
      }),
      ...(known.cadences !== undefined && { cadences: list('cadences').map(restoreCadence) }),
      ...(known.reviews !== undefined && { reviews: list('reviews').map(restoreReview) }),
      ...(known.actions !== undefined && { actions: list('actions').map(restoreAction) }),
      ...(known.snapshots !== undefined && {
        snapshots: list('snapshots').map(restoreSnapshot),
      }),
      ...(known.selfReviews !== undefined && {
        selfReviews: list('selfReviews').map(restoreSelfReview),
      }),
    },
    extras,
  );
}

const LIST_KEYS = new Set([
  'periods',
  'teams',
  'objectives',
  'objectiveComparisons',
  'initiatives',
  'scenarios',
  'actuals',
  'decisions',
  'workshops',
  'proposals',
  'cadences',
  'reviews',
  'actions',
  'snapshots',
  'selfReviews',
]);
/** Fields whose loss would make the rules misread references. */
const IDENTITY_FIELDS = new Set(['id', 'initiativeId', 'periodId']);
/**
 * What the rules see of a workshop session with a field of the wrong shape that the rules read:
 * its id and title, nothing inside to check. The rules read those fields together (scores name
 * participants, votes count against the dots…), so without one they would report references to
 * what was dropped.
 */
function workshopStub(entry: Loose): Loose {
  return { id: entry.id, title: entry.title, stage: 'setup' };
}

/**
 * What the rules see of a proposal with a field of the wrong shape that the rules read together
 * with others (its stage, its history, its demand, which stands for its size): a draft with only
 * its id and title, nothing else to check, so the rules report nothing about what was dropped.
 */
function proposalStub(entry: Loose): Loose {
  return {
    id: entry.id,
    ...(typeof entry.title === 'string' && { title: entry.title }),
    stage: 'draft',
    history: [{ stage: 'draft', date: '1970-01-01' }],
  };
}

/**
 * The file without the values of the wrong shape, so the rules can check the rest: each entry
 * loses the field a problem is in. Null when what is wrong leaves nothing the rules can trust
 * (a list or an entry that is not one, an id, the format).
 */
function salvage(input: Loose, paths: readonly (readonly PropertyKey[])[]): Loose | null {
  const copy: Loose = { ...input };
  const copiedLists = new Set<string>();
  for (const path of paths) {
    const [top, index, field] = path;
    if (typeof top !== 'string' || top === 'format' || top === 'version') return null;
    if (LIST_KEYS.has(top)) {
      if (typeof index !== 'number' || typeof field !== 'string' || IDENTITY_FIELDS.has(field)) {
        return null;
      }
      if (!copiedLists.has(top)) {
        copy[top] = [...(input[top] as unknown[])];
        copiedLists.add(top);
      }
      const entries = copy[top] as Loose[];
      const entry: Loose = { ...entries[index] };
      if (top === 'workshops' && !WORKSHOP_FREE_FIELDS.has(field)) {
        entries[index] = workshopStub(entry);
        continue;
      }
      if (top === 'proposals' && !PROPOSAL_FREE_FIELDS.has(field)) {
        entries[index] = proposalStub(entry);
        continue;
      }
      delete entry[field];
      entries[index] = entry;
    } else if (top === 'name') {
      copy.name = '';
    } else delete copy[top];
  }
  return copy;
}

function tooDeepMessage(): string {
  return `nests objects and lists more than ${MAX_NESTING_DEPTH} levels deep; Baton reads at most ${MAX_NESTING_DEPTH}`;
}

/**
 * Reads an already JSON-parsed portfolio file. Brings a file of an earlier revision of Baton's keys
 * to this one (refusing one of a later revision), fills defaults (a missing name becomes the id, a
 * missing status `proposed`, missing lists empty), keeps unknown keys, and checks every limit and
 * rule. The input is not changed.
 */
export function restorePortfolio(parsedFile: unknown): RestoreResult {
  if (!isPlainRecord(parsedFile)) {
    return refused([
      {
        path: '(top level)',
        message: `expected a JSON object, got ${describeReceived(parsedFile)}`,
      },
    ]);
  }
  const deep = tooDeep(parsedFile);
  if (deep) return refused([problemAt(parsedFile, deep, tooDeepMessage())]);
  const migrated = migrateDocument(parsedFile);
  if (!migrated.ok) {
    return refused([problemAt(parsedFile, [BATON_REVISION_KEY], migrated.message)]);
  }
  const input = migrated.document as Loose;
  const parsed = portfolioSchema.safeParse(input);
  if (parsed.success) {
    const portfolio = build(input);
    const problems = checkPortfolioRules(portfolio);
    return problems.length > 0 ? refused(problems) : { ok: true, portfolio };
  }
  const issues = parsed.error.issues;
  const shapeProblems = issues.map((issue) =>
    problemAt(input, issue.path, issueMessage(issue, input)),
  );
  const rest = salvage(
    input,
    issues.map((issue) => issue.path),
  );
  if (!rest) return refused(shapeProblems);
  const seen = new Set(shapeProblems.map((problem) => problem.path));
  const ruleProblems = checkPortfolioRules(build(rest)).filter(
    (problem) => !seen.has(problem.path),
  );
  return refused([...shapeProblems, ...ruleProblems]);
}

/** Where a record checked on its own sits: its index in its list, and the portfolio around it. */
export type RecordPlace = {
  readonly index: number;
  /** Lends its names to the places (a team's name for its id); its list `entity` is not read. */
  readonly portfolio?: Portfolio;
};

/**
 * Checks ONE record in domain form (a period, team, objective, initiative, scenario, actual,
 * decision, workshop session, proposal, meeting series, review, action or self-review) as the reader checks it in a file: put into file form by the
 * writer, then the same schema, limits and nesting depth. For an edit that changed a few
 * records, without reading the whole portfolio again. The rules between records (unique ids,
 * references, cycles, score scales, an initiative no longer than the plan) are
 * `checkPortfolioRules`'s.
 *
 * Without `place`, paths start at the record (`demand.platform[1]`; `(record)` for the record
 * itself); with it, they are the file's (`initiatives[3].demand.platform[1]`), and the places in
 * words name teams and periods from its portfolio, exactly as the reader of the whole file does.
 */
export function checkRecord(
  entity: RecordEntity,
  record: object,
  place?: RecordPlace,
): PortfolioProblem[] {
  const plain = recordToDocument(entity, record);
  const index = place?.index ?? 0;
  const list: unknown[] = [];
  list[index] = plain;
  const around = place?.portfolio;
  // Just what the words for a place read: the lists that lend names, and this record in its list.
  const document: Loose = {
    ...(around && {
      periods: around.periods,
      teams: around.teams,
      objectives: around.objectives,
      initiatives: around.initiatives,
      scoring: around.scoring,
    }),
    [entity]: list,
  };
  const problem = (at: readonly PropertyKey[], message: string): PortfolioProblem => {
    const full = [entity, index, ...at];
    const where = describePlace(full, document);
    return {
      path: place ? formatPath(full) : at.length === 0 ? '(record)' : formatPath(at),
      message,
      ...(where !== undefined && { where }),
    };
  };
  // A record sits three levels down in the file: the top object, its list, the record.
  const deep = tooDeep(plain, 3);
  if (deep) return [problem(deep, tooDeepMessage())];
  const parsed = RECORD_SCHEMAS[entity].safeParse(plain);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => problem(issue.path, issueMessage(issue, plain)));
}

/**
 * Parses the text of a portfolio file, then restores it. JSON syntax errors and nesting too deep
 * to read name the line and column.
 */
export function readPortfolioText(textContent: string): RestoreResult {
  if (textContent.charCodeAt(0) === 0 || textContent.charCodeAt(1) === 0) {
    return refused([
      { path: '(file)', message: utf16Message(textContent.charCodeAt(0) === 0 ? 'BE' : 'LE') },
    ]);
  }
  const body = textContent.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return refused([{ path: '(file)', message: describeJsonError(body, error) }]);
  }
  return restorePortfolio(parsed);
}

function describeJsonError(textContent: string, error: unknown): string {
  const problem = findJsonTextProblem(textContent, MAX_NESTING_DEPTH);
  if (problem) {
    const { line, column } = lineAndColumn(textContent, problem.offset);
    return `not valid JSON at line ${line}, column ${column}: ${problem.message}`;
  }
  if (error instanceof RangeError) {
    return `nested too deeply to read; Baton reads objects and lists at most ${MAX_NESTING_DEPTH} levels deep`;
  }
  // V8 appends the offending text and "is not valid JSON"; the caller already says that.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /, ".*" is not valid JSON$/s,
    '',
  );
  return `not valid JSON: ${message}`;
}
