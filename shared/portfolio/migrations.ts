/**
 * Migrations: named steps, each from one revision to the next, run in order, once each, without
 * touching what they are given. The portfolio file has one chain, `FILE_MIGRATIONS`, over Baton's
 * revision of its own keys: the core's `version` stays 1 (its keys are fixed and outside tools
 * write them), and Baton writes `batonRevision` right after it. A file without that key is
 * revision 1, what Baton wrote before it had one and what other tools write.
 */
import { isEstimateRange } from './limits';
import { setOwn } from './paths';
import type { Initiative } from './types';

/** One step of a chain: takes a document of revision `from` and gives a new one of `to`. */
export type Migration<T> = {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** Returns a new value; never changes `input` or anything inside it. */
  migrate(input: T): T;
};

export type MigrationRun<T> = {
  readonly output: T;
  /** The names of the steps run, in order. */
  readonly ran: readonly string[];
};

/**
 * Throws unless `chain` is ordered and contiguous: whole revisions, each step going up, each
 * starting where the one before ended, and every name its own. A broken chain is a programming
 * error, not a problem of a file.
 */
export function checkMigrationChain<T>(chain: readonly Migration<T>[]): void {
  const names = new Set<string>();
  chain.forEach((step, index) => {
    if (!Number.isInteger(step.from) || !Number.isInteger(step.to) || step.to <= step.from) {
      throw new RangeError(
        `Migration "${step.name}" goes from ${step.from} to ${step.to}; a step goes up from one whole revision to a later one.`,
      );
    }
    const before = chain[index - 1];
    if (before && before.to !== step.from) {
      throw new RangeError(
        `Migration "${step.name}" starts at revision ${step.from}, but "${before.name}" before it ends at ${before.to}; the chain must be contiguous and in order.`,
      );
    }
    if (names.has(step.name)) {
      throw new RangeError(
        `Two migrations are named "${step.name}"; each step needs its own name.`,
      );
    }
    names.add(step.name);
  });
}

/**
 * Runs the steps of `chain` that bring `input`, of revision `fromRevision`, to the chain's last
 * revision: each once, in order. Throws when the chain is broken or `fromRevision` is not a
 * revision the chain starts a step at or ends at (check a document's revision before).
 */
export function runMigrations<T>(
  chain: readonly Migration<T>[],
  input: T,
  fromRevision: number,
): MigrationRun<T> {
  checkMigrationChain(chain);
  const last = chain.at(-1);
  if (!last) return { output: input, ran: [] };
  const startsAt = chain.findIndex((step) => step.from === fromRevision);
  if (startsAt < 0 && fromRevision !== last.to) {
    throw new RangeError(
      `No migration starts at revision ${fromRevision}; this chain goes from ${chain[0]?.from} to ${last.to}.`,
    );
  }
  let output = input;
  const ran: string[] = [];
  for (const step of startsAt < 0 ? [] : chain.slice(startsAt)) {
    output = step.migrate(output);
    ran.push(step.name);
  }
  return { output, ran };
}

// --- The portfolio file's chain ----------------------------------------------------------------

/** The top-level key that holds the revision of Baton's keys a file was written with. */
export const BATON_REVISION_KEY = 'batonRevision';

/** The revision this Baton writes and reads up to. */
export const CURRENT_REVISION = 3;

/** The extras key of an initiative that keeps a revision-1 `estimateRange` that is no share. */
export const UNREAD_ESTIMATE_RANGE_KEY = 'estimateRangeUnread';

/** A parsed portfolio file: plain JSON, not yet checked. */
export type PortfolioDocument = Readonly<Record<string, unknown>>;

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `source` with `key` renamed to `newKey` in its place, every other key kept in order. */
function renamed(
  source: Readonly<Record<string, unknown>>,
  key: string,
  newKey: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(source)) setOwn(out, name === key ? newKey : name, source[name]);
  return out;
}

/** A copy of `document` whose revision is `revision`: the key replaced, or put right after `version`. */
function withRevision(document: PortfolioDocument, revision: number): PortfolioDocument {
  const out: Record<string, unknown> = {};
  const placed = Object.hasOwn(document, BATON_REVISION_KEY);
  for (const name of Object.keys(document)) {
    setOwn(out, name, name === BATON_REVISION_KEY ? revision : document[name]);
    if (name === 'version' && !placed) setOwn(out, BATON_REVISION_KEY, revision);
  }
  if (!Object.hasOwn(out, BATON_REVISION_KEY)) setOwn(out, BATON_REVISION_KEY, revision);
  return out;
}

/**
 * Revision 1 → 2: an initiative's `estimateRange` becomes a known, checked key. Revision 1 kept it
 * unchecked among the unknown keys, so a value that is no share (0 ≤ x < 1) moves to
 * `estimateRangeUnread`, kept and written back but not read, and the file still opens. (When that
 * key is already taken the value stays where it is and the reader names it: nothing is lost.)
 */
const ESTIMATE_RANGE_BECOMES_KNOWN: Migration<PortfolioDocument> = {
  name: 'estimate-range-becomes-known',
  from: 1,
  to: 2,
  migrate(document) {
    const initiatives = document.initiatives;
    const out = withRevision(document, 2);
    if (!Array.isArray(initiatives)) return out;
    const moved = initiatives.map((entry: unknown) =>
      isPlainRecord(entry) &&
      Object.hasOwn(entry, 'estimateRange') &&
      !isEstimateRange(entry.estimateRange) &&
      !Object.hasOwn(entry, UNREAD_ESTIMATE_RANGE_KEY)
        ? renamed(entry, 'estimateRange', UNREAD_ESTIMATE_RANGE_KEY)
        : entry,
    );
    return { ...out, initiatives: moved };
  },
};

/** The extras key of an initiative that keeps revision-2 RICE scores off RICE's own scale. */
export const UNREAD_SCORES_KEY = 'scoresUnread';

/** WSJF's criteria, which revision 3 scores on the modified Fibonacci scale unless told otherwise. */
const WSJF_CRITERIA: Readonly<Record<string, string>> = {
  businessValue: 'Business value',
  timeCriticality: 'Time criticality',
  riskReduction: 'Risk reduction / opportunity enablement',
  jobSize: 'Job size',
};
const FIBONACCI_SCORES: readonly number[] = [1, 2, 3, 5, 8, 13, 20];
/** RICE's scales for impact and confidence from revision 3 on. */
const RICE_SETS: Readonly<Record<string, readonly number[]>> = {
  impact: [3, 2, 1, 0.5, 0.25],
  confidence: [1, 0.8, 0.5],
};

/** A criterion's scores in a list of initiatives: each initiative's `scores[id]` that is a number. */
function scoresOf(initiatives: readonly unknown[], criterionId: string): number[] {
  const found: number[] = [];
  for (const entry of initiatives) {
    if (!isPlainRecord(entry) || !isPlainRecord(entry.scores)) continue;
    const score = Object.hasOwn(entry.scores, criterionId) ? entry.scores[criterionId] : undefined;
    if (typeof score === 'number') found.push(score);
  }
  return found;
}

/**
 * The step to revision 3, for the scoring model and the initiatives, in a file or in stored
 * records. Until revision 2 every WSJF score was any number from 0 to 100, and RICE's impact and
 * confidence any number from 0 to 3 and 0 to 1. Revision 3 scores WSJF on the modified Fibonacci
 * scale and RICE on Intercom's values, so that a score means what the model says:
 *
 * - a WSJF criterion with a score off the Fibonacci scale keeps its old meaning: the model names
 *   the 0–100 scale for it (scales are the user's to choose);
 * - a RICE impact or confidence off its scale (RICE's are fixed) moves, with its key, into
 *   `scoresUnread` beside the scores, kept and written back but not read, so that the file still
 *   opens and nothing is lost; the model then says that score is missing.
 *
 * Weighted and value / effort scores keep their meaning: a criterion without a scale is read on
 * the scale revision 2 had (0–10 and 0–100). `unknownKeysIn` says where an initiative keeps keys
 * Baton does not read: at its top level in a file, in `extras` in a stored record.
 */
export function keepScoresOnTheirScale<I>(
  scoring: unknown,
  initiatives: readonly I[],
  unknownKeysIn: 'top' | 'extras',
): { readonly scoring: unknown; readonly initiatives: readonly I[] } {
  if (!isPlainRecord(scoring)) return { scoring, initiatives };
  if (scoring.model === 'wsjf') {
    const criteria = Array.isArray(scoring.criteria) ? scoring.criteria : [];
    const off = Object.keys(WSJF_CRITERIA).filter((id) =>
      scoresOf(initiatives, id).some((score) => !FIBONACCI_SCORES.includes(score)),
    );
    if (off.length === 0) return { scoring, initiatives };
    const named = new Set(criteria.filter(isPlainRecord).map((criterion) => String(criterion.id)));
    const updated = criteria.map((criterion: unknown) =>
      isPlainRecord(criterion) &&
      off.includes(String(criterion.id)) &&
      !Object.hasOwn(criterion, 'scale')
        ? { ...criterion, scale: '0-100' }
        : criterion,
    );
    for (const id of off) {
      if (!named.has(id)) updated.push({ id, name: WSJF_CRITERIA[id], scale: '0-100' });
    }
    return { scoring: { ...scoring, criteria: updated }, initiatives };
  }
  if (scoring.model !== 'rice') return { scoring, initiatives };
  let changed = false;
  const moved = initiatives.map((entry) => {
    if (!isPlainRecord(entry) || !isPlainRecord(entry.scores)) return entry;
    const scores = entry.scores;
    const offKeys = Object.keys(RICE_SETS).filter((key) => {
      const score = Object.hasOwn(scores, key) ? scores[key] : undefined;
      return typeof score === 'number' && !(RICE_SETS[key] ?? []).includes(score);
    });
    const home = unknownKeysIn === 'top' ? entry : entry.extras;
    if (offKeys.length === 0 || (isPlainRecord(home) && Object.hasOwn(home, UNREAD_SCORES_KEY))) {
      return entry;
    }
    changed = true;
    const kept: Record<string, unknown> = {};
    const unread: Record<string, unknown> = {};
    for (const key of Object.keys(scores)) {
      setOwn(offKeys.includes(key) ? unread : kept, key, scores[key]);
    }
    const rest = { ...entry, scores: kept };
    if (unknownKeysIn === 'top') return { ...rest, [UNREAD_SCORES_KEY]: unread } as I;
    const extras: Record<string, unknown> = isPlainRecord(entry.extras) ? { ...entry.extras } : {};
    setOwn(extras, UNREAD_SCORES_KEY, unread);
    return { ...rest, extras } as I;
  });
  return { scoring, initiatives: changed ? moved : initiatives };
}

/**
 * Revision 2 → 3: scores are checked on their criterion's scale (WSJF on the modified Fibonacci
 * scale, RICE on Intercom's values); scores of revision 2 keep their meaning
 * (`keepScoresOnTheirScale`).
 */
const SCORES_KEEP_THEIR_SCALE: Migration<PortfolioDocument> = {
  name: 'scores-keep-their-scale',
  from: 2,
  to: 3,
  migrate(document) {
    const out = withRevision(document, 3);
    if (!Array.isArray(document.initiatives)) return out;
    const kept = keepScoresOnTheirScale(document.scoring, document.initiatives, 'top');
    return {
      ...out,
      ...(kept.scoring !== document.scoring && { scoring: kept.scoring }),
      ...(kept.initiatives !== document.initiatives && { initiatives: kept.initiatives }),
    };
  },
};

/** The portfolio file's chain, oldest first; it ends at `CURRENT_REVISION`. */
export const FILE_MIGRATIONS: readonly Migration<PortfolioDocument>[] = [
  ESTIMATE_RANGE_BECOMES_KNOWN,
  SCORES_KEEP_THEIR_SCALE,
];

/** The revision of a parsed file, or why it cannot be read. */
export function documentRevision(
  document: PortfolioDocument,
):
  | { readonly ok: true; readonly revision: number }
  | { readonly ok: false; readonly message: string } {
  if (!Object.hasOwn(document, BATON_REVISION_KEY)) return { ok: true, revision: 1 };
  const revision = document[BATON_REVISION_KEY];
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) {
    return {
      ok: false,
      message: `expected a whole number from 1 to ${CURRENT_REVISION}: the revision of Baton's own keys the file was written with`,
    };
  }
  if (revision > CURRENT_REVISION) {
    return {
      ok: false,
      message: `made by a newer Baton (revision ${revision}); this one reads up to revision ${CURRENT_REVISION}`,
    };
  }
  return { ok: true, revision };
}

/**
 * Brings a parsed file to `CURRENT_REVISION` through `FILE_MIGRATIONS`, before it is checked; or
 * says why its revision cannot be read. The input is left as it was.
 */
export function migrateDocument(
  document: PortfolioDocument,
):
  | { readonly ok: true; readonly document: PortfolioDocument; readonly ran: readonly string[] }
  | { readonly ok: false; readonly message: string } {
  const revision = documentRevision(document);
  if (!revision.ok) return revision;
  const { output, ran } = runMigrations(FILE_MIGRATIONS, document, revision.revision);
  return { ok: true, document: output, ran };
}

/**
 * The same step for an initiative in domain form, for data stored before revision 2 (a database
 * row keeps its unknown keys in `extras`): a valid `extras.estimateRange` becomes the field, one
 * that is no share moves to `extras.estimateRangeUnread`. Returns the initiative itself when there
 * is nothing to move.
 */
export function liftEstimateRange(initiative: Initiative): Initiative {
  const extras = initiative.extras;
  // A field already set wins, as it does when the initiative is written.
  if (
    !extras ||
    !Object.hasOwn(extras, 'estimateRange') ||
    initiative.estimateRange !== undefined
  ) {
    return initiative;
  }
  const value = extras.estimateRange;
  if (!isEstimateRange(value)) {
    if (Object.hasOwn(extras, UNREAD_ESTIMATE_RANGE_KEY)) return initiative;
    return { ...initiative, extras: renamed(extras, 'estimateRange', UNREAD_ESTIMATE_RANGE_KEY) };
  }
  const rest: Record<string, unknown> = {};
  for (const name of Object.keys(extras)) {
    if (name !== 'estimateRange') setOwn(rest, name, extras[name]);
  }
  const { extras: _extras, ...known } = initiative;
  return {
    ...known,
    estimateRange: value,
    ...(Object.keys(rest).length > 0 && { extras: rest }),
  };
}
