/**
 * Writing a portfolio file. The output is canonical: known keys in the order of the format's
 * documentation, unknown keys (`extras`) after them as they were read, two-space indentation and
 * a final newline, so that export → import → export gives the same bytes.
 */
import {
  ACTUAL_KEYS,
  CRITERION_KEYS,
  INITIATIVE_KEYS,
  MEASURE_ACTUAL_KEYS,
  MEASURE_KEYS,
  OBJECTIVE_KEYS,
  OBJECTIVE_LINK_KEYS,
  PERIOD_KEYS,
  PORTFOLIO_KEYS,
  SCENARIO_KEYS,
  SCORING_KEYS,
  TEAM_KEYS,
} from './keys';
import { slugify } from './ids';
import { setOwn } from './paths';
import { PORTFOLIO_FORMAT, PORTFOLIO_VERSION, type Extras, type Portfolio } from './types';

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

/** The portfolio as the plain JSON document of the file format. */
export function portfolioToDocument(portfolio: Portfolio): Plain {
  return ordered(
    {
      format: PORTFOLIO_FORMAT,
      version: PORTFOLIO_VERSION,
      name: portfolio.name,
      currency: portfolio.currency,
      capacityUnit: portfolio.capacityUnit,
      periods: portfolio.periods.map((period) => ordered(period, PERIOD_KEYS)),
      teams: portfolio.teams.map((team) => ordered(team, TEAM_KEYS)),
      budget: portfolio.budget,
      objectives: portfolio.objectives.map((objective) =>
        ordered(
          {
            ...objective,
            measures: objective.measures?.map((measure) =>
              ordered(
                {
                  ...measure,
                  actuals: measure.actuals?.map((actual) => ordered(actual, MEASURE_ACTUAL_KEYS)),
                },
                MEASURE_KEYS,
              ),
            ),
          },
          OBJECTIVE_KEYS,
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
      initiatives: portfolio.initiatives.map((initiative) =>
        ordered(
          {
            ...initiative,
            objectives: initiative.objectives?.map((link) => ordered(link, OBJECTIVE_LINK_KEYS)),
          },
          INITIATIVE_KEYS,
        ),
      ),
      scenarios: portfolio.scenarios.map((scenario) => ordered(scenario, SCENARIO_KEYS)),
      actuals: portfolio.actuals?.map((actual) => ordered(actual, ACTUAL_KEYS)),
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
