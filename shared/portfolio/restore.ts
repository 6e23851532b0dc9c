/**
 * Reading a portfolio: `restorePortfolio(unknown)` checks the shape of a parsed portfolio file
 * (format `baton-portfolio`, version 1), fills defaults, keeps unknown keys as `extras`, and
 * then enforces the file's rules (unique ids, references, cycles). A file that breaks any rule
 * is refused whole, with every problem named by its path.
 */
import { z } from 'zod';
import {
  INITIATIVE_STATUSES,
  PORTFOLIO_FORMAT,
  PORTFOLIO_VERSION,
  SCORING_MODELS,
  type Actual,
  type Criterion,
  type Extras,
  type Initiative,
  type Measure,
  type Objective,
  type Period,
  type Portfolio,
  type ScoringModel,
  type Scenario,
  type Team,
} from './types';
import {
  ACTUAL_KEYS,
  CRITERION_KEYS,
  INITIATIVE_KEYS,
  MEASURE_KEYS,
  OBJECTIVE_KEYS,
  PERIOD_KEYS,
  PORTFOLIO_KEYS,
  SCENARIO_KEYS,
  SCORING_KEYS,
  TEAM_KEYS,
} from './keys';
import { formatPath, setOwn } from './paths';
import { checkPortfolioRules, type PortfolioProblem } from './rules';

export type { PortfolioProblem } from './rules';
export { formatPath } from './paths';

export type RestoreResult =
  | { readonly ok: true; readonly portfolio: Portfolio }
  | { readonly ok: false; readonly errors: readonly PortfolioProblem[] };

/** At most this many problems are reported; a badly broken file would otherwise flood the user. */
export const MAX_REPORTED_PROBLEMS = 50;

function capProblems(problems: readonly PortfolioProblem[]): readonly PortfolioProblem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    { path: '(file)', message: `and ${more} more problem${more === 1 ? '' : 's'} not listed` },
  ];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const id = z.string().refine((value) => value.trim().length > 0, 'expected a non-empty id');
const text = z.string();
const amount = z.number().nonnegative('expected a number that is not negative');
const isoDate = z
  .string()
  .regex(ISO_DATE, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'expected a real date');
const amountsByKey = z.record(z.string(), amount);

const periodSchema = z.looseObject({
  id,
  label: text.optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
});

const teamSchema = z.looseObject({
  id,
  name: text.optional(),
  capacity: amountsByKey.optional(),
});

const measureSchema = z.looseObject({
  id,
  name: text.optional(),
  unit: text.optional(),
  baseline: z.number().optional(),
  target: z.number().optional(),
  targetDate: isoDate.optional(),
  actuals: z.array(z.looseObject({ date: isoDate, value: z.number() })).optional(),
});

const objectiveSchema = z.looseObject({
  id,
  name: text.optional(),
  parentId: id.nullable().optional(),
  weight: amount.optional(),
  description: text.optional(),
  measures: z.array(measureSchema).optional(),
});

const criterionSchema = z.looseObject({ id, name: text.optional(), weight: amount.optional() });

const scoringSchema = z.looseObject({
  model: z.enum(SCORING_MODELS, { error: `expected one of ${SCORING_MODELS.join(', ')}` }),
  criteria: z.array(criterionSchema).optional(),
});

const initiativeSchema = z.looseObject({
  id,
  name: text.optional(),
  status: z
    .enum(INITIATIVE_STATUSES, { error: `expected one of ${INITIATIVE_STATUSES.join(', ')}` })
    .optional(),
  description: text.optional(),
  owner: text.optional(),
  objectives: z
    .array(
      z.looseObject({
        id,
        contribution: z
          .number()
          .int('expected a whole number from 1 to 3')
          .min(1, 'expected a whole number from 1 to 3')
          .max(3, 'expected a whole number from 1 to 3'),
      }),
    )
    .optional(),
  scores: amountsByKey.optional(),
  value: amount.optional(),
  demand: z.record(z.string(), z.array(amount)).optional(),
  spend: z.array(amount).optional(),
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
  forcedReason: text.optional(),
});

const scenarioSchema = z.looseObject({
  id,
  name: text.optional(),
  ranking: z.array(id).optional(),
  description: text.optional(),
});

const actualSchema = z.looseObject({
  initiativeId: id,
  periodId: id,
  spend: amount.optional(),
  effort: amountsByKey.optional(),
  progress: z
    .number()
    .min(0, 'expected a share from 0 to 1')
    .max(1, 'expected a share from 0 to 1')
    .optional(),
  note: text.optional(),
});

const portfolioSchema = z.looseObject({
  format: z.literal(PORTFOLIO_FORMAT, { error: `expected "${PORTFOLIO_FORMAT}"` }),
  version: z.literal(PORTFOLIO_VERSION, {
    error: `expected ${PORTFOLIO_VERSION}: this version of Baton reads version ${PORTFOLIO_VERSION} files`,
  }),
  name: z.string().refine((value) => value.trim().length > 0, 'expected the portfolio name'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as EUR')
    .optional(),
  capacityUnit: text.optional(),
  periods: z.array(periodSchema).optional(),
  teams: z.array(teamSchema).optional(),
  budget: amountsByKey.optional(),
  objectives: z.array(objectiveSchema).optional(),
  scoring: scoringSchema.optional(),
  initiatives: z.array(initiativeSchema).optional(),
  scenarios: z.array(scenarioSchema).optional(),
  actuals: z.array(actualSchema).optional(),
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

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const input = issue.path.reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<PropertyKey, unknown>)[key]
          : undefined,
      root,
    );
    if (input === undefined)
      return `is missing: expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeReceived(input)}`;
  }
  return issue.message;
}

function splitExtras<T extends Record<string, unknown>>(
  value: Record<string, unknown>,
  known: readonly string[],
): { known: T; extras?: Extras } {
  const picked: Record<string, unknown> = {};
  const extras: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (known.includes(key)) {
      if (field !== undefined) picked[key] = field;
    } else setOwn(extras, key, field);
  }
  return Object.keys(extras).length > 0 ? { known: picked as T, extras } : { known: picked as T };
}

function withExtras<T extends object>(value: T, extras: Extras | undefined): T {
  return extras ? { ...value, extras } : value;
}

type Loose = Record<string, unknown>;

function restorePeriod(raw: Loose): Period {
  const { known, extras } = splitExtras<Period>(raw, PERIOD_KEYS);
  return withExtras({ ...known, label: known.label ?? known.id }, extras);
}

function restoreTeam(raw: Loose): Team {
  const { known, extras } = splitExtras<Team>(raw, TEAM_KEYS);
  return withExtras(
    { ...known, name: known.name ?? known.id, capacity: known.capacity ?? {} },
    extras,
  );
}

function restoreMeasure(raw: Loose): Measure {
  const { known, extras } = splitExtras<Measure>(raw, MEASURE_KEYS);
  return withExtras({ ...known, name: known.name ?? known.id }, extras);
}

function restoreObjective(raw: Loose): Objective {
  const { known, extras } = splitExtras<Objective>(raw, OBJECTIVE_KEYS);
  const measures = (raw.measures as Loose[] | undefined)?.map(restoreMeasure);
  const objective: Objective = { ...known, name: known.name ?? known.id };
  return withExtras(measures ? { ...objective, measures } : objective, extras);
}

function restoreScoring(raw: Loose): ScoringModel {
  const { known, extras } = splitExtras<ScoringModel>(raw, SCORING_KEYS);
  const criteria = (raw.criteria as Loose[] | undefined)?.map((entry): Criterion => {
    const split = splitExtras<Criterion>(entry, CRITERION_KEYS);
    return withExtras({ ...split.known, name: split.known.name ?? split.known.id }, split.extras);
  });
  return withExtras(criteria ? { ...known, criteria } : known, extras);
}

function restoreInitiative(raw: Loose): Initiative {
  const { known, extras } = splitExtras<Initiative>(raw, INITIATIVE_KEYS);
  return withExtras(
    { ...known, name: known.name ?? known.id, status: known.status ?? 'proposed' },
    extras,
  );
}

function restoreScenario(raw: Loose): Scenario {
  const { known, extras } = splitExtras<Scenario>(raw, SCENARIO_KEYS);
  return withExtras(
    { ...known, name: known.name ?? known.id, ranking: known.ranking ?? [] },
    extras,
  );
}

function restoreActual(raw: Loose): Actual {
  const { known, extras } = splitExtras<Actual>(raw, ACTUAL_KEYS);
  return withExtras(known, extras);
}

/**
 * Reads an already JSON-parsed portfolio file. Fills defaults (a missing name becomes the id, a
 * missing status `proposed`, missing lists empty), keeps unknown keys, and checks every rule.
 */
export function restorePortfolio(input: unknown): RestoreResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        { path: '(top level)', message: `expected a JSON object, got ${describeReceived(input)}` },
      ],
    };
  }
  const parsed = portfolioSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: capProblems(
        parsed.error.issues.map((issue) => ({
          path: formatPath(issue.path),
          message: issueMessage(issue, input),
        })),
      ),
    };
  }
  const raw = parsed.data as Loose;
  const { known, extras } = splitExtras<Record<string, unknown>>(raw, PORTFOLIO_KEYS);
  const list = (key: string) => (known[key] as Loose[] | undefined) ?? [];
  const portfolio: Portfolio = withExtras<Portfolio>(
    {
      name: known.name as string,
      ...(known.currency !== undefined && { currency: known.currency as string }),
      ...(known.capacityUnit !== undefined && { capacityUnit: known.capacityUnit as string }),
      periods: list('periods').map(restorePeriod),
      teams: list('teams').map(restoreTeam),
      ...(known.budget !== undefined && { budget: known.budget as Record<string, number> }),
      objectives: list('objectives').map(restoreObjective),
      ...(known.scoring !== undefined && { scoring: restoreScoring(known.scoring as Loose) }),
      initiatives: list('initiatives').map(restoreInitiative),
      scenarios: list('scenarios').map(restoreScenario),
      ...(known.actuals !== undefined && { actuals: list('actuals').map(restoreActual) }),
    },
    extras,
  );
  const problems = checkPortfolioRules(portfolio);
  if (problems.length > 0) return { ok: false, errors: capProblems(problems) };
  return { ok: true, portfolio };
}

/** Parses the text of a portfolio file, then restores it. JSON syntax errors name the line. */
export function readPortfolioText(textContent: string): RestoreResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: describeJsonError(textContent, error) }],
    };
  }
  return restorePortfolio(parsed);
}

function describeJsonError(textContent: string, error: unknown): string {
  // V8 appends the offending text and "is not valid JSON"; the caller already says that.
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /, ".*" is not valid JSON$/s,
    '',
  );
  const position = /position (\d+)/.exec(message);
  if (!position) return `not valid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = textContent.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}
