/**
 * The `baton` command line, as pure functions: arguments and file text in, the text to print and
 * the exit code out. The Node entry point (electron/cli/baton.ts) only reads files and prints.
 */
import { isIsoDate } from '../intake/dates';
import type { Highs } from 'highs';
import { optimizePortfolio } from '../optimize/optimize';
import { describeOutReason } from '../optimize/plan';
import { describeProblem, readPortfolioText, type PortfolioProblem } from '../portfolio/restore';
import { packMetrics } from '../pack/metrics';
import { reviewPackContext } from '../pack/review';
import { defaultPackSettings, parseSectionList, reviewPackSettings } from '../pack/settings';
import type { PackInput } from '../pack/types';
import type { Portfolio } from '../portfolio/types';
import { computeCutLine, cutLineReport, stackOrder } from '../prioritize/cutline';
import { scoreReport } from '../strategy/score-report';
import { computeMetrics } from '../metrics/compute';
import { tableToCsv } from '../exchange/csv';
import { exportTables, type Table } from '../exchange/tables';
import type { XlsxReadResult } from '../exchange/xlsx';
import {
  IMPORT_FORMATS,
  IMPORT_TABLE_KINDS,
  applyMappingFile,
  describeIssue,
  detectImportFormat,
  draftFromTable,
  guessMapping,
  importFields,
  isRankingSheet,
  jiraDraft,
  mergeDrafted,
  msProjectDraft,
  parseMappingFile,
  readCsv,
  RANKING_NOT_IMPORTED,
  type ColumnMapping,
  type DraftResult,
  type ImportFormat,
  type ImportIssue,
  type MappingFile,
  type MergeCounts,
  type RawTable,
} from '../exchange/import';
import { emptyPortfolio } from '../portfolio/empty';
import { writePortfolio } from '../portfolio/write';
import { decodeUtf8 } from '../portfolio/text';

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
  baton metrics  FILE [--as-of YYYY-MM-DD]
  baton pack     FILE --out PACK.pdf [--sections a,b,c] [--scenario ID] [--review ID]
  baton export   FILE --format csv --out FOLDER [--scenario ID]
  baton export   FILE --format xlsx --out FILE.xlsx [--scenario ID]
  baton import   SOURCE [--format csv|xlsx|jira|msproject] [--mapping M.json]
                 [--team NAME] [--decimal dot|comma] [--into PORTFOLIO] --out FILE.json

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
  metrics: ['as-of'],
  pack: ['out', 'sections', 'scenario', 'review'],
  export: ['format', 'out', 'scenario'],
  import: ['format', 'mapping', 'team', 'decimal', 'into', 'out'],
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

/**
 * A line saying how many held reviews name a snapshot the file leaves out (written with "Leave
 * out snapshots"), or nothing.
 */
function missingSnapshots(portfolio: Portfolio): string {
  const present = new Set((portfolio.snapshots ?? []).map((snapshot) => snapshot.id));
  const missing = (portfolio.reviews ?? []).filter(
    (review) => review.snapshotId !== undefined && !present.has(review.snapshotId),
  ).length;
  if (missing === 0) return '';
  return `${missing === 1 ? '1 review names a snapshot' : `${missing} reviews name snapshots`} the file leaves out; what changed since ${missing === 1 ? 'that review' : 'those reviews'} cannot be shown from this file.\n`;
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
  // The governance calendar, when the file has one: its reviews and the snapshots of held ones.
  const governance = (
    [
      [portfolio.cadences?.length ?? 0, 'meeting series', 'meeting series'],
      [portfolio.reviews?.length ?? 0, 'review', 'reviews'],
      [portfolio.actions?.length ?? 0, 'action', 'actions'],
      [portfolio.snapshots?.length ?? 0, 'snapshot', 'snapshots'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
  const missing = missingSnapshots(portfolio);
  return {
    stdout: `${fileLabel}: valid baton-portfolio version 1 "${portfolio.name}" (${summary}${governance ? `; ${governance}` : ''})\n${missing}`,
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

/**
 * `metrics`: every metric (shared/metrics/compute.ts `computeMetrics`) as JSON, as of `--as-of`
 * (default `today`), measured against the snapshots in the file (none: the current plan, and the
 * trends say `"baseline": "current"`). The reader refuses a file whose snapshots were altered.
 */
export function metricsCommand(
  fileLabel: string,
  text: string,
  asOfText: string | undefined,
  today: string,
): CliOutput {
  const asOf = asOfText ?? today;
  if (!isIsoDate(asOf)) {
    return {
      stdout: '',
      stderr: `baton: --as-of needs a date written YYYY-MM-DD, not "${asOf}"\n`,
      code: EXIT_FAILURE,
    };
  }
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const report = computeMetrics(result.portfolio, result.portfolio.snapshots ?? [], asOf);
  return { stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '', code: EXIT_OK };
}

/** Default `--time-limit` of `optimize`, in seconds. */
export const DEFAULT_TIME_LIMIT = 30;
/** Kept from `--time-limit` for turning the plan into the printed report. */
const REPORT_SECONDS = 0.05;
/** The optimizer's time when the limit is already spent: enough for a first plan, not a search. */
const MIN_SOLVE_SECONDS = 0.01;

/** Rounds away binary noise (0.30000000000000004) in printed amounts. */
function tidy(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * `optimize`: the plan of highest value under every rule, as `{ status, objective, bound,
 * selected: [{ id, start }], rejected: [{ id, reason }], usage: { team: { period: amount } } }`.
 * `highs` is the loaded solver; `now` a clock in seconds. The time limit counts from `startedAt`
 * on that clock (by default, the call): the command line passes its process start, so that
 * loading, reading the file and warming the solver come out of the limit and the whole command
 * returns within it.
 */
export function optimizeCommand(
  fileLabel: string,
  text: string,
  timeLimitText: string | undefined,
  highs: Highs,
  now: () => number,
  startedAt: number = now(),
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
  // What is left of the limit, less a moment to write the report.
  const remaining = timeLimit - (now() - startedAt) - REPORT_SECONDS;
  const plan = optimizePortfolio(highs, portfolio, {
    timeLimit: Math.max(MIN_SOLVE_SECONDS, remaining),
    now,
  });
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
 * `pack`, up to rendering: reads the file, checks `--out`, `--sections`, `--scenario` and
 * `--review`, and makes the pack's input with the builder's defaults (every section but the
 * review's two, dated `today`). With `--review ID` it is the pack for that review, as the app's
 * "Make the review pack" makes it: titled and dated as the review, its kind's sections, and "what
 * changed" measured from the previous held review's snapshot in the file. The metrics section's
 * metrics are computed as of the pack's date against the file's snapshots.
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
  // The snapshots serve "what changed" and the metrics only: the pack shows the portfolio as the
  // app holds it.
  const { snapshots, ...packed } = portfolio;
  let review: PackInput['review'];
  if (options.review !== undefined) {
    const made = reviewPackContext(portfolio, options.review, (id) =>
      snapshots?.find((snapshot) => snapshot.id === id),
    );
    if (!made.ok) {
      const ids = (portfolio.reviews ?? []).map((item) => item.id);
      return fail(
        `--review: ${fileLabel} has no review "${options.review}"${
          ids.length === 0 ? ' (it has no reviews)' : `; its reviews are ${ids.join(', ')}`
        }`,
      );
    }
    review = made.context;
  }
  const defaults = review
    ? reviewPackSettings(portfolio, review.review)
    : defaultPackSettings(portfolio, today);
  const settings = {
    ...defaults,
    ...(sections && { sections: sections.value }),
    ...(options.scenario !== undefined && { scenarioId: options.scenario }),
  };
  // The metrics section measures against the file's snapshots, as of the pack's date.
  const metrics = packMetrics(portfolio, snapshots ?? [], settings);
  return {
    out,
    input: {
      portfolio: packed,
      settings,
      ...(review && { review }),
      ...(metrics && { metrics }),
    },
  };
}

/** The files `export --format csv` writes into its folder, one per table. */
const CSV_EXPORT_FILES = ['initiatives.csv', 'capacity.csv', 'ranking.csv', 'actuals.csv'];

/** What `export` writes: files by name, into the folder `out`. */
export type ExportRequest = {
  readonly out: string;
  readonly files: readonly { readonly name: string; readonly text: string }[];
};

/** What `export --format xlsx` writes: the tables as the sheets of one workbook `out`. */
export type XlsxExportRequest = {
  readonly out: string;
  readonly tables: readonly Table[];
};

/**
 * `export`, up to writing: reads the file, checks `--format` and `--scenario`, and makes the CSV
 * files of the initiatives, the capacity, the scenario's ranking and the actuals, or (xlsx) the
 * tables a workbook gets one sheet each of.
 */
export function exportRequest(
  fileLabel: string,
  text: string,
  options: Readonly<Record<string, string>>,
): ExportRequest | XlsxExportRequest | CliOutput {
  const fail = (message: string): CliOutput => ({
    stdout: '',
    stderr: `baton: ${message}\n`,
    code: EXIT_FAILURE,
  });
  if (options.format !== 'csv' && options.format !== 'xlsx') {
    return fail(
      options.format === undefined
        ? 'export needs --format csv or --format xlsx'
        : `--format: "${options.format}" is not one Baton exports; use csv or xlsx`,
    );
  }
  if (options.out === undefined) {
    return fail(
      options.format === 'csv' ? 'export needs --out FOLDER' : 'export needs --out FILE.xlsx',
    );
  }
  if (options.format === 'xlsx' && !/\.xlsx$/i.test(options.out)) {
    return fail(`--out: "${options.out}" should end in .xlsx`);
  }
  // A name such as plan.csv reads as one file, but the CSV export is four: refused rather than
  // made a folder of that name that the user then looks for as a file.
  const extension = /\.(csv|xlsx)$/i.exec(options.out)?.[1]?.toLowerCase();
  if (options.format === 'csv' && extension !== undefined) {
    return fail(
      `--out: "${options.out}" names a file, but --format csv writes four files (${CSV_EXPORT_FILES.join(', ')}) into the folder --out names; give a folder, such as --out ${options.out.replace(/\.(csv|xlsx)$/i, '')}${extension === 'xlsx' ? ', or --format xlsx for one workbook' : ''}`,
    );
  }
  const result = read(fileLabel, text);
  if (!('portfolio' in result)) return result;
  const { portfolio } = result;
  const missing = unknownScenario(fileLabel, portfolio, options.scenario);
  if (missing) return missing;
  const tables = exportTables(portfolio, options.scenario);
  if (options.format === 'xlsx') return { out: options.out, tables };
  return {
    out: options.out,
    files: tables.map((table) => ({
      name: `${table.name}.csv`,
      text: tableToCsv(table),
    })),
  };
}

/** The files `import` reads, as bytes (the source) and text (the others), with their names. */
export type ImportInput = {
  readonly source: { readonly label: string; readonly bytes: Uint8Array };
  readonly options: Readonly<Record<string, string>>;
  readonly mapping?: { readonly label: string; readonly text: string };
  readonly into?: { readonly label: string; readonly text: string };
  /** Today as YYYY-MM-DD: a new portfolio's periods start from it. */
  readonly today: string;
  /** Reads XLSX (shared/exchange/xlsx.ts's readXlsx), loaded only when an XLSX is imported. */
  readonly readXlsx: (bytes: Uint8Array) => Promise<XlsxReadResult>;
};

/** What `import` writes: the portfolio file's text to `out`, and what to print. */
export type ImportRequest = {
  readonly out: string;
  readonly text: string;
  readonly stdout: string;
  readonly stderr: string;
};

/** A file refused with problems by row and column, exit code 2. */
function refusedImport(
  label: string,
  problems: readonly ImportIssue[],
  problemCount = problems.length,
): CliOutput {
  const shown = problemCount > problems.length ? ` (the first ${problems.length} listed)` : '';
  const lines = problems.map((problem) => `  ${describeIssue(problem)}`);
  return {
    stdout: '',
    stderr: `${label}: refused, ${problemCount} problem${problemCount === 1 ? '' : 's'}${shown}:\n${lines.join('\n')}\n`,
    code: EXIT_BAD_FILE,
  };
}

/** Where a file other than a Jira export takes its teams from, for the --team refusal. */
const TEAMS_OF: Readonly<Record<Exclude<ImportFormat, 'jira'>, string>> = {
  csv: 'a csv file names its teams in its own columns ("demand: TEAM")',
  xlsx: 'an xlsx file names its teams in its own columns ("demand: TEAM")',
  msproject: 'an msproject file takes its teams from its resources',
};

/**
 * Why a sheet, guessed as `guess`, is not one Baton can tell the kind of (a required field no
 * column is named for), as a warning that it is left out; null when it is.
 */
function unrecognised(
  table: RawTable,
  guess: ColumnMapping,
  portfolio: Portfolio,
): ImportIssue | null {
  const missing = importFields(guess.kind, portfolio).filter(
    (field) => field.required && !guess.columns.includes(field.id),
  );
  if (missing.length === 0) return null;
  return {
    sheet: table.name,
    message: `its headers (row ${guess.headerRow}) fit no kind of table Baton imports (read as ${guess.kind}, no column is named for ${missing.map((field) => field.label).join(' or ')}), so it is not imported; to import it, give --mapping with "sheet": "${table.name}"`,
  };
}

function fileStem(label: string): string {
  const base = label.split(/[\\/]/).pop() ?? label;
  return base.replace(/\.[^.]*$/, '') || base;
}

function countsOf(counts: MergeCounts) {
  return {
    added: counts.added.length,
    updated: counts.updated.length,
    unchanged: counts.unchanged.length,
  };
}

/**
 * `import`, up to writing: reads SOURCE as `--format` (or the format its name and first line
 * tell), maps its columns (`--mapping`, else Baton's guess), and merges what it reads into
 * `--into` (or a new portfolio named after SOURCE). An XLSX workbook imports every sheet Baton
 * recognises, capacity first, then initiatives, then actuals (a ranking sheet of Baton's export is
 * skipped: it is computed; so is a sheet whose headers tell no kind, when others do). `--team`
 * puts every story point of a Jira export on one team. All or nothing: any problem refuses the
 * whole import with exit code 2.
 */
export async function importRequest(input: ImportInput): Promise<ImportRequest | CliOutput> {
  const { source, options, today } = input;
  const fail = (message: string): CliOutput => ({
    stdout: '',
    stderr: `baton: ${message}\n`,
    code: EXIT_FAILURE,
  });
  const out = options.out;
  if (out === undefined) return fail('import needs --out FILE.json');
  if (!/\.json$/i.test(out)) return fail(`--out: "${out}" should end in .json`);
  let format: ImportFormat;
  if (options.format !== undefined) {
    if (!(IMPORT_FORMATS as readonly string[]).includes(options.format)) {
      return fail(
        `--format: "${options.format}" is not one Baton imports; use ${IMPORT_FORMATS.join(', ')}`,
      );
    }
    format = options.format as ImportFormat;
  } else {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(source.bytes.subarray(0, 4096));
    const detected = detectImportFormat(source.label, head);
    if (detected === 'portfolio') {
      return fail(
        `${source.label} is a Baton portfolio file, not one to import; use it as --into, or open it in Baton`,
      );
    }
    if (detected === null) {
      return fail(
        `cannot tell what kind of file ${source.label} is; give --format ${IMPORT_FORMATS.join('|')}`,
      );
    }
    format = detected;
  }
  if (options.team !== undefined) {
    if (format !== 'jira') {
      return fail(
        `--team is for jira files, whose story points it puts on one team; ${TEAMS_OF[format]}`,
      );
    }
    if (options.team.trim() === '') return fail('--team needs the name or id of a team');
  }
  const decimalOption = options.decimal;
  if (decimalOption !== undefined && decimalOption !== 'dot' && decimalOption !== 'comma') {
    return fail(
      `--decimal is dot (1,234.5) or comma (1.234,5), the decimal separator of the file's numbers; not "${decimalOption}"`,
    );
  }
  const draftOptions =
    decimalOption === undefined ? {} : ({ decimal: decimalOption === 'dot' ? '.' : ',' } as const);

  let mappingFile: MappingFile | undefined;
  if (input.mapping) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.mapping.text.replace(/^\ufeff/, ''));
    } catch (error) {
      return {
        stdout: '',
        stderr: `${input.mapping.label}: not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`,
        code: EXIT_BAD_FILE,
      };
    }
    const mapping = parseMappingFile(parsed);
    if (!mapping.ok) {
      return {
        stdout: '',
        stderr: `${input.mapping.label}: ${mapping.message}\n`,
        code: EXIT_BAD_FILE,
      };
    }
    mappingFile = mapping.mapping;
    if (format === 'jira' || format === 'msproject') {
      return fail(
        `--mapping is for csv and xlsx files; a ${format} file is read by its own columns`,
      );
    }
  }

  let portfolio: Portfolio;
  if (input.into) {
    const into = read(input.into.label, input.into.text);
    if (!('portfolio' in into)) return into;
    portfolio = into.portfolio;
  } else {
    // A new portfolio takes the periods the file names (six quarters from today when it names none).
    portfolio = { ...emptyPortfolio(today, fileStem(source.label)), periods: [] };
  }
  let mode: 'merge' | 'new' = input.into ? 'merge' : 'new';

  const text = (): string | CliOutput => {
    const decoded = decodeUtf8(source.bytes);
    return decoded.ok
      ? decoded.text
      : { stdout: '', stderr: `${source.label}: ${decoded.message}\n`, code: EXIT_BAD_FILE };
  };
  const warnings: ImportIssue[] = [];
  const drafts: { sheet: string; kind: string; draft: () => DraftResult }[] = [];
  let inWorkbook = false;
  if (format === 'msproject') {
    const xml = text();
    if (typeof xml !== 'string') return xml;
    drafts.push({
      sheet: fileStem(source.label),
      kind: 'msproject',
      draft: () => msProjectDraft(xml, portfolio),
    });
  } else {
    let tables: readonly RawTable[];
    if (format === 'xlsx') {
      const workbook = await input.readXlsx(source.bytes);
      if (!workbook.ok)
        return refusedImport(source.label, workbook.problems, workbook.problemCount);
      warnings.push(...workbook.warnings);
      tables = workbook.tables;
      inWorkbook = true;
      if (mappingFile?.sheet !== undefined) {
        const wanted = mappingFile.sheet;
        tables = tables.filter((table) => table.name === wanted);
        if (tables.length === 0) {
          return refusedImport(source.label, [
            {
              sheet: wanted,
              message: `the workbook has no sheet of that name; it has ${workbook.tables.map((t) => t.name).join(', ')}`,
            },
          ]);
        }
      }
    } else {
      const csv = text();
      if (typeof csv !== 'string') return csv;
      // jiraDraft warns about rows wider than the header itself (with the cells left out).
      const read = readCsv(csv, fileStem(source.label), { warnWideRows: format !== 'jira' });
      if (!read.ok) return refusedImport(source.label, read.problems, read.problemCount);
      warnings.push(...read.warnings);
      tables = [read.table];
    }
    const inSheet = (table: RawTable, issue: ImportIssue): ImportIssue =>
      inWorkbook && issue.sheet === undefined ? { sheet: table.name, ...issue } : issue;
    if (format === 'jira') {
      const table = tables[0] as RawTable;
      const team = options.team;
      drafts.push({
        sheet: table.name,
        kind: 'jira',
        draft: () => jiraDraft(table, portfolio, team === undefined ? {} : { team }),
      });
    } else {
      const planned: { table: RawTable; kind: string; order: number }[] = [];
      const unknown: { table: RawTable; skipped: ImportIssue }[] = [];
      let rankings = 0;
      for (const table of tables) {
        const nonEmpty = table.rows.some((row) =>
          row.some((cell) => cell !== null && String(cell).trim() !== ''),
        );
        if (!nonEmpty) continue;
        if (mappingFile === undefined && isRankingSheet(table)) {
          warnings.push({ sheet: table.name, message: RANKING_NOT_IMPORTED });
          rankings += 1;
          continue;
        }
        const guess = guessMapping(table, portfolio);
        const kind = mappingFile?.kind ?? guess.kind;
        // A sheet the mapping file maps is the user's to call: it is never left out.
        const skipped = mappingFile === undefined && unrecognised(table, guess, portfolio);
        if (skipped) unknown.push({ table, skipped });
        planned.push({
          table,
          kind,
          order: ['capacity', 'initiatives', 'proposals', 'actuals'].indexOf(kind),
        });
      }
      // A sheet of a workbook whose headers name none of what a kind needs (a notes sheet, a
      // capacity list by period) is left out with a warning when other sheets import; alone, it
      // is refused by the draft with the column it lacks.
      if (unknown.length > 0 && unknown.length < planned.length) {
        for (const { table, skipped } of unknown) {
          warnings.push(skipped);
          planned.splice(
            planned.findIndex((entry) => entry.table === table),
            1,
          );
        }
      }
      if (planned.length === 0) {
        return refusedImport(source.label, [
          rankings > 0
            ? { row: 1, message: `there is nothing to import: ${RANKING_NOT_IMPORTED}` }
            : { row: 1, message: 'there is nothing to import: every sheet is empty' },
        ]);
      }
      planned.sort((a, b) => a.order - b.order);
      for (const { table, kind } of planned) {
        drafts.push({
          sheet: table.name,
          kind,
          draft: () => {
            let mapping;
            if (mappingFile) {
              const applied = applyMappingFile(mappingFile, table, portfolio);
              if (!applied.ok) {
                return {
                  ok: false,
                  problems: applied.problems.map((p) => inSheet(table, p)),
                  problemCount: applied.problems.length,
                };
              }
              mapping = applied.mapping;
            } else mapping = guessMapping(table, portfolio);
            const result = draftFromTable(table, mapping, portfolio, format, draftOptions);
            return result.ok
              ? {
                  ok: true,
                  draft: {
                    ...result.draft,
                    warnings: result.draft.warnings.map((w) => inSheet(table, w)),
                  },
                }
              : {
                  ok: false,
                  problems: result.problems.map((p) => inSheet(table, p)),
                  problemCount: result.problemCount,
                  // The rows that did read, so the merge's problems are told with these.
                  ...(result.draft && { draft: result.draft }),
                };
          },
        });
      }
    }
  }

  const sheets: Record<string, unknown>[] = [];
  for (const step of drafts) {
    const drafted = step.draft();
    // A refused draft's problems come with those the merge finds in the rows that did read.
    const merged = mergeDrafted(portfolio, drafted, mode, today);
    if (!merged.ok) {
      const placed = merged.problems.map((p) =>
        inWorkbook && p.sheet === undefined ? { sheet: step.sheet, ...p } : p,
      );
      return refusedImport(source.label, placed, merged.problemCount);
    }
    if (drafted.ok) warnings.push(...drafted.draft.warnings);
    portfolio =
      mode === 'new' ? { ...merged.portfolio, name: fileStem(source.label) } : merged.portfolio;
    mode = 'merge';
    const kinds = IMPORT_TABLE_KINDS as readonly string[];
    sheets.push({
      sheet: step.sheet,
      ...(kinds.includes(step.kind) && { kind: step.kind }),
      initiatives: countsOf(merged.summary.initiatives),
      teams: countsOf(merged.summary.teams),
      periods: countsOf(merged.summary.periods),
      actuals: countsOf(merged.summary.actuals),
      ...(merged.summary.proposals && { proposals: countsOf(merged.summary.proposals) }),
    });
  }
  const report = { out, format, portfolio: portfolio.name, sheets, warnings: warnings.length };
  return {
    out,
    text: writePortfolio(portfolio),
    stdout: `${JSON.stringify(report, null, 2)}\n`,
    stderr: warnings
      .map((warning) => `${source.label}: warning: ${describeIssue(warning)}\n`)
      .join(''),
  };
}
