/**
 * Writing a portfolio file. The output is canonical: known keys in the order of the format's
 * documentation, unknown keys (`extras`) after them as they were read, two-space indentation and
 * a final newline, so that export → import → export gives the same bytes.
 */
import type { Cadence, Review, ReviewAction, Snapshot } from '../cadence/types';
import type { IntakeSettings, Proposal } from '../intake/types';
import type { SelfReview } from '../metrics/types';
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
import { slugify } from './ids';
import { CURRENT_REVISION } from './migrations';
import { derivedWeights } from '../strategy/weights';
import { setOwn } from './paths';
import {
  PORTFOLIO_FORMAT,
  PORTFOLIO_VERSION,
  type Actual,
  type Decision,
  type Extras,
  type Initiative,
  type Objective,
  type Period,
  type Portfolio,
  type Scenario,
  type Team,
  type Workshop,
} from './types';

type Plain = Record<string, unknown>;

/**
 * Copies `value`'s keys in `order` first, then the rest, then its `extras`; drops undefined. Only
 * `extras` itself is taken apart: a key named "extras" that a file had is inside it, kept whole.
 */
function ordered(value: object, order: readonly string[]): Plain {
  const source = value as Plain;
  const out: Plain = {};
  for (const key of order) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  for (const [key, field] of Object.entries(source)) {
    if (key !== 'extras' && !order.includes(key) && field !== undefined) setOwn(out, key, field);
  }
  const extras = source.extras as Extras | undefined;
  for (const [key, field] of Object.entries(extras ?? {})) {
    if (!Object.hasOwn(out, key)) setOwn(out, key, field);
  }
  return out;
}

/**
 * `list` with each object in it put in order by `write`. Typed data always has a list of objects
 * here; a record checked on its own (`checkRecord`) may not, and then what is not a list or not an
 * object passes unchanged, for the reader to name.
 */
function eachOrdered<T extends object>(
  list: readonly T[] | undefined,
  write: (item: T) => Plain,
): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? write(item as T) : item,
  );
}

function objectiveToDocument(objective: Objective): Plain {
  return ordered(
    {
      ...objective,
      measures: eachOrdered(objective.measures, (measure) =>
        ordered(
          {
            ...measure,
            actuals: eachOrdered(measure.actuals, (actual) => ordered(actual, MEASURE_ACTUAL_KEYS)),
          },
          MEASURE_KEYS,
        ),
      ),
    },
    OBJECTIVE_KEYS,
  );
}

function initiativeToDocument(initiative: Initiative): Plain {
  return ordered(
    {
      ...initiative,
      objectives: eachOrdered(initiative.objectives, (link) => ordered(link, OBJECTIVE_LINK_KEYS)),
    },
    INITIATIVE_KEYS,
  );
}

function decisionToDocument(decision: Decision): Plain {
  return ordered(
    {
      ...decision,
      concerns: eachOrdered(decision.concerns, (concern) =>
        ordered(concern, DECISION_CONCERN_KEYS),
      ),
    },
    DECISION_KEYS,
  );
}

/** `value` put in order by `order` when it is an object; else unchanged, as in `eachOrdered`. */
function orderedPart(value: object | undefined, order: readonly string[]): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? ordered(value, order)
    : value;
}

function workshopToDocument(workshop: Workshop): Plain {
  return ordered(
    {
      ...workshop,
      participants: eachOrdered(workshop.participants, (participant) =>
        ordered(participant, WORKSHOP_PARTICIPANT_KEYS),
      ),
      timer: orderedPart(workshop.timer, WORKSHOP_TIMER_KEYS),
      dots: orderedPart(workshop.dots, WORKSHOP_DOTS_KEYS),
      rescore: orderedPart(workshop.rescore, WORKSHOP_RESCORE_KEYS),
      scores: eachOrdered(workshop.scores, (score) => ordered(score, WORKSHOP_SCORE_KEYS)),
      votes: eachOrdered(workshop.votes, (vote) => ordered(vote, WORKSHOP_VOTE_KEYS)),
      calls: eachOrdered(workshop.calls, (call) => ordered(call, WORKSHOP_CALL_KEYS)),
      outcome: orderedPart(workshop.outcome, WORKSHOP_OUTCOME_KEYS),
    },
    WORKSHOP_KEYS,
  );
}

function proposalToDocument(proposal: Proposal): Plain {
  return ordered(
    {
      ...proposal,
      history: eachOrdered(proposal.history, (move) => ordered(move, STAGE_CHANGE_KEYS)),
      hypothesis: orderedPart(proposal.hypothesis, HYPOTHESIS_KEYS),
      objectives: eachOrdered(proposal.objectives, (link) => ordered(link, OBJECTIVE_LINK_KEYS)),
      attachments: eachOrdered(proposal.attachments, (attachment) =>
        ordered(attachment, ATTACHMENT_KEYS),
      ),
    },
    PROPOSAL_KEYS,
  );
}

function reviewToDocument(review: Review): Plain {
  return ordered(
    {
      ...review,
      agenda: eachOrdered(review.agenda, (item) =>
        ordered(
          { ...item, refs: eachOrdered(item.refs, (ref) => ordered(ref, AGENDA_REF_KEYS)) },
          AGENDA_ITEM_KEYS,
        ),
      ),
      attendance: eachOrdered(review.attendance, (person) => ordered(person, ATTENDEE_KEYS)),
    },
    REVIEW_KEYS,
  );
}

function selfReviewToDocument(review: SelfReview): Plain {
  return ordered(
    {
      ...review,
      answers: eachOrdered(review.answers, (answer) => ordered(answer, SELF_REVIEW_ANSWER_KEYS)),
    },
    SELF_REVIEW_KEYS,
  );
}

/**
 * The intake settings: stage names and size templates in the order they were given (a reader
 * keeps it), each template's and each rule's keys in the documented order.
 */
function intakeSettingsToDocument(settings: IntakeSettings): Plain {
  const sizes: Plain = {};
  for (const [size, template] of Object.entries(settings.sizes)) {
    if (template !== undefined) setOwn(sizes, size, orderedPart(template, SIZE_TEMPLATE_KEYS));
  }
  const { gate } = settings;
  return ordered(
    {
      ...settings,
      sizes,
      gate: ordered(
        {
          ...gate,
          objectiveFit: orderedPart(gate.objectiveFit, OBJECTIVE_FIT_RULE_KEYS),
          priority: orderedPart(gate.priority, PRIORITY_RULE_KEYS),
          businessCase: orderedPart(gate.businessCase, BUSINESS_CASE_RULE_KEYS),
          exclusions: orderedPart(gate.exclusions, SWITCH_RULE_KEYS),
          capacity: orderedPart(gate.capacity, SWITCH_RULE_KEYS),
        },
        GATE_RULES_KEYS,
      ),
    },
    INTAKE_SETTINGS_KEYS,
  );
}

/**
 * The objectives, each of a group that takes its weights from pairwise judgments with the weight
 * those give, so that a reader that knows nothing of judgments sees the same weights.
 */
function objectivesToDocument(portfolio: Portfolio): Plain[] {
  const derived = portfolio.objectiveComparisons?.length ? derivedWeights(portfolio) : undefined;
  return portfolio.objectives.map((objective) => {
    const weight = derived?.get(objective.id);
    return objectiveToDocument(weight === undefined ? objective : { ...objective, weight });
  });
}

/** The lists of the file whose entries are records of their own, each with its writer. */
const RECORD_WRITERS = {
  periods: (period: Period) => ordered(period, PERIOD_KEYS),
  teams: (team: Team) => ordered(team, TEAM_KEYS),
  objectives: objectiveToDocument,
  initiatives: initiativeToDocument,
  scenarios: (scenario: Scenario) => ordered(scenario, SCENARIO_KEYS),
  actuals: (actual: Actual) => ordered(actual, ACTUAL_KEYS),
  decisions: decisionToDocument,
  workshops: workshopToDocument,
  proposals: proposalToDocument,
  cadences: (cadence: Cadence) => ordered(cadence, CADENCE_KEYS),
  reviews: reviewToDocument,
  actions: (action: ReviewAction) => ordered(action, ACTION_KEYS),
  selfReviews: selfReviewToDocument,
} as const;

/** A list of the file whose entries are records: what `recordToDocument` and `checkRecord` take. */
export type RecordEntity = keyof typeof RECORD_WRITERS;

/**
 * One record in domain form (a period, an initiative, a decision…) as the writer puts it into the
 * file: known keys in order, then unknown ones, `extras` spread after them.
 */
export function recordToDocument(entity: RecordEntity, record: object): Plain {
  // Each writer only reorders keys, so any object is safe to pass; the reader checks the result.
  return (RECORD_WRITERS[entity] as (value: object) => Plain)(record);
}

/** The portfolio as the plain JSON document of the file format. */
export function portfolioToDocument(portfolio: Portfolio): Plain {
  return ordered(
    {
      format: PORTFOLIO_FORMAT,
      version: PORTFOLIO_VERSION,
      batonRevision: CURRENT_REVISION,
      name: portfolio.name,
      currency: portfolio.currency,
      capacityUnit: portfolio.capacityUnit,
      periods: portfolio.periods.map(RECORD_WRITERS.periods),
      teams: portfolio.teams.map(RECORD_WRITERS.teams),
      budget: portfolio.budget,
      objectives: objectivesToDocument(portfolio),
      objectiveComparisons: portfolio.objectiveComparisons?.map((comparison) =>
        ordered(
          {
            ...comparison,
            judgments: comparison.judgments.map((judgment) => ordered(judgment, JUDGMENT_KEYS)),
          },
          OBJECTIVE_COMPARISON_KEYS,
        ),
      ),
      scoring: portfolio.scoring
        ? ordered(
            {
              ...portfolio.scoring,
              criteria: portfolio.scoring.criteria?.map((criterion) =>
                ordered(criterion, CRITERION_KEYS),
              ),
            },
            SCORING_KEYS,
          )
        : undefined,
      initiatives: portfolio.initiatives.map(initiativeToDocument),
      scenarios: portfolio.scenarios.map(RECORD_WRITERS.scenarios),
      actuals: portfolio.actuals?.map(RECORD_WRITERS.actuals),
      decisions: portfolio.decisions?.map(decisionToDocument),
      workshops: portfolio.workshops?.map(workshopToDocument),
      intakeSettings: portfolio.intakeSettings
        ? intakeSettingsToDocument(portfolio.intakeSettings)
        : undefined,
      proposals: portfolio.proposals?.map(proposalToDocument),
      cadences: portfolio.cadences?.map(RECORD_WRITERS.cadences),
      reviews: portfolio.reviews?.map(reviewToDocument),
      actions: portfolio.actions?.map(RECORD_WRITERS.actions),
      snapshots: portfolio.snapshots?.map((snapshot: Snapshot) => ordered(snapshot, SNAPSHOT_KEYS)),
      selfReviews: portfolio.selfReviews?.map(selfReviewToDocument),
      extras: portfolio.extras,
    },
    PORTFOLIO_KEYS,
  );
}

/** The text of the portfolio file: canonical JSON with a final newline. */
export function writePortfolio(portfolio: Portfolio): string {
  return `${JSON.stringify(portfolioToDocument(portfolio), null, 2)}\n`;
}

/** A file name for the portfolio: its name in lower-case words, ending `.baton.json`. */
export function portfolioFileName(name: string): string {
  return `${slugify(name) || 'portfolio'}.baton.json`;
}
