/**
 * The `baton` command line, as pure functions: arguments and file text in, the text to print and
 * the exit code out. The Node entry point (electron/cli/baton.ts) only reads files and prints.
 */
import type { Highs } from 'highs';
import { optimizePortfolio } from '../optimize/optimize';
import { describeOutReason } from '../optimize/plan';
import { describeProblem, readPortfolioText, type PortfolioProblem } from '../portfolio/restore';
import { defaultPackSettings, parseSectionList } from '../pack/settings';
import type { PackInput } from '../pack/types';
import type { Portfolio } from '../portfolio/types';
import { computeCutLine, cutLineReport, stackOrder } from '../prioritize/cutline';
import { scoreReport } from '../strategy/score-report';
import { tableToCsv } from '../exchange/csv';
import { exportTables } from '../exchange/tables';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_FILE = 2;

export type CliOutput = {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
};

export const USAGE = `Usage:
  baton validate FILE
  baton cutline  FILE [--scenario ID]
  baton score    FILE
  baton optimize FILE [--time-limit SECONDS]
  baton pack     FILE --out PACK.pdf [--sections a,b,c] [--scenario ID]
  baton export   FILE --format csv --out FOLDER [--scenario ID]

Exit codes: 0 success, 2 a file that cannot be read or breaks a rule, 1 anything else.
`;

export type ParsedArgs = {
  readonly command: string;
  readonly file: string;
  readonly options: Readonly<Record<string, string>>;
};

const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  validate: [],
  cutline: ['scenario'],
  score: [],
  optimize: ['time-limit'],
  pack: ['out', 'sections', 'scenario'],
  export: ['format', 'out', 'scenario'],
};

/** Parses `COMMAND FILE [--option VALUE]...`; returns an error sentence when they do not fit. */
export function parseArgs(args: readonly string[]): ParsedArgs | { readonly error: string } {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    return { error: '' };
  }
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) return { error: `unknown command "${command}"` };
  let file: string | undefined;
  const options: Record<string, string> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!allowed.includes(name)) return { error: `${command} has no option --${name}` };
      const value = inline ?? rest[index + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        return { error: `--${name} needs a value` };
      }
      if (inline === undefined) index += 1;
      options[name] = value;
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: `unexpected argument "${arg}"` };
    }
  }
  if (file === undefined) return { error: `${command} needs a FILE` };
  return { command, file, options };
}

/**
 * A file that breaks a rule, exit code 2: on stderr how many problems there are, then each (up to
 * the reader's limit) in words, with its path beneath.
 */
function refused(
  fileLabel: string,
  problems: readonly PortfolioProblem[],
  problemCount = problems.length,
): CliOutput {
  const lines = problems.map((problem) => {
    const { headline, detail } = describeProblem(problem);
    return detail ? `  ${headline}\n      ${detail}` : `  ${headline}`;
  });
  const shown = problemCount > problems.length ? ` (the first ${problems.length} listed)` : '';
  return {
    stdout: '',
    stderr: `${fileLabel}: refused, ${problemCount} problem${problemCount === 1 ? '' : 's'}${shown}:\n${lines.join('\n')}\n`,
    code: EXIT_BAD_FILE,
  };
}

/** Reads the file's text, or the refusal to print. */
function read(fileLabel: string, text: string): { portfolio: Portfolio } | CliOutput {
  const result = readPortfolioText(text);
  return result.ok ? result : refused(fileLabel, result.errors, result.problemCount);
}

/** `validate`: reads the file's text and reports whether it keeps every rule of the format. */
export function validateCommand(fileLabel: string, text: string): CliOutput {
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const counts = [
    [portfolio.initiatives.length, 'initiative'],
    [portfolio.teams.length, 'team'],
    [portfolio.periods.length, 'period'],
    [portfolio.objectives.length, 'objective'],
    [portfolio.scenarios.length, 'scenario'],
  ] as const;
  const summary = counts.map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`).join(', ');
  return {
    stdout: `${fileLabel}: valid baton-portfolio version 1 "${portfolio.name}" (${summary})\n`,
    stderr: '',
    code: EXIT_OK,
  };
}

/** The error for a `--scenario` the file does not have; null when it has it (or none was asked). */
function unknownScenario(
  fileLabel: string,
  portfolio: Portfolio,
  scenarioId: string | undefined,
): CliOutput | null {
  if (scenarioId === undefined || portfolio.scenarios.some((s) => s.id === scenarioId)) {
    return null;
  }
  const known = portfolio.scenarios.map((scenario) => scenario.id);
  return {
    stdout: '',
    stderr:
      known.length === 0
        ? `${fileLabel}: no scenario "${scenarioId}"; the file has no scenarios\n`
        : `${fileLabel}: no scenario "${scenarioId}"; the scenarios are: ${known.join(', ')}\n`,
    code: EXIT_FAILURE,
  };
}

/**
 * `cutline`: the cut line of a scenario's stack (the first scenario without `scenarioId`, file
 * order without scenarios) as `{ above: [{ id, start, inGap? }], below: [{ id, reason }] }` on
 * stdout; `inGap` marks what is funded in a gap behind the line.
 */
export function cutlineCommand(fileLabel: string, text: string, scenarioId?: string): CliOutput {
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const missing = unknownScenario(fileLabel, portfolio, scenarioId);
  if (missing) return missing;
  const order = stackOrder(portfolio, scenarioId);
  const report = cutLineReport(portfolio, computeCutLine(portfolio, order), order);
  return { stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '', code: EXIT_OK };
}

/**
 * `score`: the scoring model, each objective's local and global weight (and the consistency of
 * each group compared pairwise), each initiative's value, priority, rank and breakdown by
 * criterion (shared/strategy/score-report.ts).
 */
export function scoreCommand(fileLabel: string, text: string): CliOutput {
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  return {
    stdout: `${JSON.stringify(scoreReport(result.portfolio), null, 2)}\n`,
    stderr: '',
    code: EXIT_OK,
  };
}

/** Default `--time-limit` of `optimize`, in seconds. */
export const DEFAULT_TIME_LIMIT = 30;

/** Rounds away binary noise (0.30000000000000004) in printed amounts. */
function tidy(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * `optimize`: the plan of highest value under every rule, as `{ status, objective, bound,
 * selected: [{ id, start }], rejected: [{ id, reason }], usage: { team: { period: amount } } }`.
 * `highs` is the loaded solver; `now` a clock in seconds.
 */
export function optimizeCommand(
  fileLabel: string,
  text: string,
  timeLimitText: string | undefined,
  highs: Highs,
  now: () => number,
): CliOutput {
  const timeLimit = timeLimitText === undefined ? DEFAULT_TIME_LIMIT : Number(timeLimitText);
  if (!Number.isFinite(timeLimit) || timeLimit <= 0) {
    return {
      stdout: '',
      stderr: `baton: --time-limit needs a number of seconds above 0, not "${timeLimitText}"\n`,
      code: EXIT_FAILURE,
    };
  }
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const plan = optimizePortfolio(highs, portfolio, { timeLimit, now });
  const status =
    plan.status === 'optimal' || plan.status === 'infeasible' ? plan.status : 'feasible';
  const report = {
    status,
    objective: tidy(plan.objective),
    ...(Number.isFinite(plan.bound) && { bound: tidy(plan.bound) }),
    ...(status === 'feasible' && Number.isFinite(plan.gap) && { gap: tidy(plan.gap) }),
    ...(plan.conflict && { conflict: plan.conflict }),
    selected: plan.selected.map(({ id, start }) => ({ id, start })),
    rejected: plan.rejected.map(({ id, reason }) => ({
      id,
      reason: describeOutReason(reason, portfolio),
    })),
    usage: Object.fromEntries(
      portfolio.teams.map((team) => [
        team.id,
        Object.fromEntries(
          portfolio.periods.map((period, p) => [period.id, tidy(plan.usage[team.id]?.[p] ?? 0)]),
        ),
      ]),
    ),
  };
  return { stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '', code: EXIT_OK };
}

/** What `pack` renders and where it writes it, or the message that stops it. */
export type PackRequest = { readonly input: PackInput; readonly out: string };

/**
 * `pack`, up to rendering: reads the file, checks `--out`, `--sections` and `--scenario`, and
 * makes the pack's input with the builder's defaults (all sections, dated `today`).
 */
export function packRequest(
  fileLabel: string,
  text: string,
  options: Readonly<Record<string, string>>,
  today: string,
): PackRequest | CliOutput {
  const fail = (message: string): CliOutput => ({
    stdout: '',
    stderr: `baton: ${message}\n`,
    code: EXIT_FAILURE,
  });
  const out = options.out;
  if (out === undefined) return fail('pack needs --out PACK.pdf');
  if (!/\.pdf$/i.test(out)) return fail(`--out: "${out}" should end in .pdf`);
  const sections = options.sections === undefined ? undefined : parseSectionList(options.sections);
  if (sections && !sections.ok) return fail(sections.error);
  if (sections && sections.value.every((id) => id === 'frontier')) {
    return fail(
      '--sections: the frontier needs the optimizer, which the command line does not run; name other sections too',
    );
  }
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const missing = unknownScenario(fileLabel, portfolio, options.scenario);
  if (missing) return missing;
  const settings = defaultPackSettings(portfolio, today);
  return {
    out,
    input: {
      portfolio,
      settings: {
        ...settings,
        ...(sections && { sections: sections.value }),
        ...(options.scenario !== undefined && { scenarioId: options.scenario }),
      },
    },
  };
}

/** What `export` writes: files by name, into the folder `out`. */
export type ExportRequest = {
  readonly out: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
};

/**
 * `export`, up to writing: reads the file, checks `--format` and `--scenario`, and makes the CSV
 * files of the initiatives, the capacity, the scenario's ranking and the actuals.
 */
export function exportRequest(
  fileLabel: string,
  text: string,
  options: Readonly<Record<string, string>>,
): ExportRequest | CliOutput {
  const fail = (message: string): CliOutput => ({
    stdout: '',
    stderr: `baton: ${message}\n`,
    code: EXIT_FAILURE,
  });
  if (options.format !== 'csv') {
    return fail(
      options.format === undefined
        ? 'export needs --format csv'
        : `--format: "${options.format}" is not one Baton exports; use csv`,
    );
  }
  if (options.out === undefined) return fail('export needs --out FOLDER');
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const missing = unknownScenario(fileLabel, portfolio, options.scenario);
  if (missing) return missing;
  return {
    out: options.out,
    files: exportTables(portfolio, options.scenario).map((table) => ({
      name: `${table.name}.csv`,
      text: tableToCsv(table),
    })),
  };
}
