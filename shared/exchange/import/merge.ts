/**
 * Merging a draft into a portfolio, or starting a new portfolio from it. Records are matched by
 * id, then by name: a match is updated (the draft's fields over the record's, lists of scores,
 * demand, capacity and effort per key), the rest added. Proposals are matched by id, then title;
 * a new one comes in as a Draft dated the day of the import, and one already approved or rejected
 * at the gate is not changed (a row that would change it is refused). The result is read back
 * through the portfolio file's reader, so it keeps every rule of a file Baton opens; a draft that
 * would break one is refused whole, naming the record, and nothing changes.
 */
import type { Proposal } from '../../intake/types';
import { emptyPortfolio } from '../../portfolio/empty';
import { describeProblem, restorePortfolio } from '../../portfolio/restore';
import type { Actual, Initiative, Period, Portfolio, Team } from '../../portfolio/types';
import { portfolioToDocument } from '../../portfolio/write';
import { MAX_IMPORT_PROBLEMS } from './issues';
import { periodKey } from './periods';
import type {
  DraftResult,
  ImportDraft,
  ImportIssue,
  ImportRecordSource,
  ImportSources,
  MergeCounts,
  MergeMode,
  MergeResult,
} from './types';

function nameKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Deep equality of plain data (what records are made of). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** A record keyed by ids with its keys renamed by `rename` (keys not in it stay). */
function renameKeys<T>(
  record: Readonly<Record<string, T>> | undefined,
  rename: ReadonlyMap<string, string>,
): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [rename.get(key) ?? key, value]),
  );
}

/** `{...a, ...b}` for records keyed by ids; own keys only, `__proto__` included. */
function overlay<T>(
  a: Readonly<Record<string, T>> | undefined,
  b: Readonly<Record<string, T>> | undefined,
): Record<string, T> | undefined {
  if (a === undefined && b === undefined) return undefined;
  return Object.fromEntries([...Object.entries(a ?? {}), ...Object.entries(b ?? {})]);
}

type Counter = { added: string[]; updated: string[]; unchanged: string[] };
const counter = (): Counter => ({ added: [], updated: [], unchanged: [] });

/** The base a new portfolio starts from: the draft's periods, or six quarters from `today`. */
function newPortfolio(draft: ImportDraft, today: string): Portfolio {
  const empty = emptyPortfolio(today, 'Imported portfolio');
  return draft.periods.length > 0 ? { ...empty, periods: [] } : empty;
}

/** The lists of records a merge problem's path may start with, and a draft's sources have. */
type SourcedList = 'initiatives' | 'teams' | 'periods' | 'actuals' | 'proposals';

const SOURCED_LISTS: readonly string[] = [
  'initiatives',
  'teams',
  'periods',
  'actuals',
  'proposals',
] satisfies readonly SourcedList[];

/** The keys of a path as the portfolio reader writes it: `initiatives[0].demand.platform[1]`. */
function pathKeys(path: string): (string | number)[] | null {
  const keys: (string | number)[] = [];
  const token = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  while (rest !== '') {
    const match = token.exec(rest);
    if (!match) return null;
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else {
      try {
        keys.push(JSON.parse(match[3] as string) as string);
      } catch {
        return null;
      }
    }
    rest = rest.slice(match[0].length);
  }
  return keys;
}

/** The field id of an import column that fills `key` (and its `item`) of a record in `list`. */
function fieldIdOf(list: SourcedList, key: string, item: string | number | undefined): string[] {
  const per = (field: string) => (typeof item === 'string' ? [`${field}:${item}`] : []);
  if (list === 'initiatives') {
    if (key === 'demand') return per('demand');
    if (key === 'scores') return per('score');
    if (key === 'id') return ['id', 'name'];
    return [key];
  }
  if (list === 'teams') {
    if (key === 'capacity') return per('capacity');
    return key === 'id' ? ['team', 'name'] : [key];
  }
  if (list === 'actuals') return key === 'effort' ? per('effort') : [key];
  if (list === 'proposals') return key === 'id' ? ['id', 'title'] : [key];
  return [];
}

/**
 * Where a merged record came from in the draft: for each list, the draft's index of the record
 * at each index of the merged portfolio.
 */
type MergedFrom = Readonly<Record<SourcedList, ReadonlyMap<number, number>>>;

/**
 * The problem told by the row and column of the file it came from, when the draft knows them
 * (`row 2, column Demand Platform: Initiative Big, demand of platform in its 1st active period:
 * must be at most 1,000,000`); otherwise by its path into the portfolio.
 */
function placedProblem(
  problem: { readonly path: string; readonly message: string; readonly where?: string },
  sources: ImportSources | undefined,
  from: MergedFrom,
  renamed: {
    readonly teams: ReadonlyMap<string, string>;
    readonly periods: ReadonlyMap<string, string>;
  },
): ImportIssue {
  const message = problem.where ? describeProblem(problem).headline : problem.message;
  const unplaced = { path: problem.path, message };
  if (sources === undefined) return unplaced;
  const keys = pathKeys(problem.path);
  const list = keys?.[0];
  const index = keys?.[1];
  if (
    keys === null ||
    typeof list !== 'string' ||
    !SOURCED_LISTS.includes(list) ||
    typeof index !== 'number'
  )
    return unplaced;
  const sourced = list as SourcedList;
  const draftIndex = from[sourced].get(index);
  const source: ImportRecordSource | undefined =
    draftIndex === undefined ? undefined : sources[sourced]?.[draftIndex];
  if (source === undefined) return unplaced;
  const key = keys[2];
  let column = source.column;
  if (typeof key === 'string') {
    // A team or period the merge matched to the portfolio's has the portfolio's id in the path.
    const item = keys[3];
    const original = (map: ReadonlyMap<string, string>) =>
      typeof item === 'string' ? [...map].find(([, to]) => to === item)?.[0] : undefined;
    const byTeam = original(renamed.teams);
    const byPeriod = original(renamed.periods);
    const candidates = [
      ...fieldIdOf(sourced, key, item),
      ...(byTeam === undefined ? [] : fieldIdOf(sourced, key, byTeam)),
      ...(byPeriod === undefined ? [] : fieldIdOf(sourced, key, byPeriod)),
    ];
    const found = candidates.find((fieldId) => Object.hasOwn(sources.columns, fieldId));
    if (found !== undefined) column = sources.columns[found];
  }
  return { row: source.row, ...(column !== undefined && { column }), message };
}

/** Issues in the order of the file: by row, those without one last. */
function inRowOrder(issues: readonly ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, at) => ({ issue, at }))
    .sort(
      (a, b) =>
        (a.issue.row ?? Number.MAX_SAFE_INTEGER) - (b.issue.row ?? Number.MAX_SAFE_INTEGER) ||
        a.at - b.at,
    )
    .map(({ issue }) => issue);
}

/** Periods in time order when every one has a start; otherwise as they are. */
function inOrder(periods: readonly Period[]): Period[] {
  if (!periods.every((period) => period.start !== undefined)) return [...periods];
  return [...periods].sort((a, b) =>
    (a.start as string) < (b.start as string) ? -1 : a.start === b.start ? 0 : 1,
  );
}

/**
 * The portfolio with the draft merged in (`mode` 'merge') or a new portfolio made of the draft
 * (`mode` 'new', six quarters from `today` when the draft brings no periods), and what was added,
 * updated and found unchanged. Refused, naming each record, when the result breaks a rule.
 */
export function mergeDraft(
  portfolio: Portfolio,
  draft: ImportDraft,
  mode: MergeMode,
  today: string,
): MergeResult {
  const base = mode === 'new' ? newPortfolio(draft, today) : portfolio;
  const summary = {
    initiatives: counter(),
    teams: counter(),
    periods: counter(),
    actuals: counter(),
  };

  // Periods: by id, then label.
  const periodIds = new Map<string, string>();
  const periods = [...base.periods];
  for (const incoming of draft.periods) {
    const match =
      periods.find((p) => p.id === incoming.id) ??
      periods.find((p) => periodKey(p.label) === periodKey(incoming.label));
    if (match) {
      periodIds.set(incoming.id, match.id);
      summary.periods.unchanged.push(match.id);
    } else {
      periods.push(incoming);
      summary.periods.added.push(incoming.id);
    }
  }
  const period = (id: string | undefined) =>
    id === undefined ? undefined : (periodIds.get(id) ?? id);

  // Teams: by id, then name.
  const teamIds = new Map<string, string>();
  const teams = [...base.teams];
  const teamFrom = new Map<number, number>();
  for (const [n, incoming] of draft.teams.entries()) {
    const capacity = renameKeys(incoming.capacity, periodIds) ?? {};
    const index = teams.findIndex((t) => t.id === incoming.id);
    const at =
      index >= 0 ? index : teams.findIndex((t) => nameKey(t.name) === nameKey(incoming.name));
    teamFrom.set(at < 0 ? teams.length : at, n);
    if (at < 0) {
      teams.push({ ...incoming, capacity });
      summary.teams.added.push(incoming.id);
      continue;
    }
    const existing = teams[at] as Team;
    teamIds.set(incoming.id, existing.id);
    // A team a demand column only named (its name is its id) keeps its own name.
    const named = incoming.name !== incoming.id || index < 0;
    const merged: Team = {
      ...existing,
      ...incoming,
      id: existing.id,
      name: named ? incoming.name : existing.name,
      capacity: overlay(existing.capacity, capacity) ?? {},
    };
    teams[at] = merged;
    (same(existing, merged) ? summary.teams.unchanged : summary.teams.updated).push(existing.id);
  }

  // Initiatives: by id, then name.
  const initiativeIds = new Map<string, string>();
  const initiatives = [...base.initiatives];
  const atById = new Map(initiatives.map((i, position) => [i.id, position]));
  const atByName = new Map<string, number[]>();
  initiatives.forEach((i, position) => {
    const key = nameKey(i.name);
    atByName.set(key, [...(atByName.get(key) ?? []), position]);
  });
  const taken = new Set<number>();
  const positions = draft.initiatives.map((incoming) => {
    let at = atById.get(incoming.id);
    if (at === undefined) {
      at = (atByName.get(nameKey(incoming.name)) ?? []).find((position) => !taken.has(position));
    }
    if (at === undefined) return -1;
    taken.add(at);
    initiativeIds.set(incoming.id, (initiatives[at] as Initiative).id);
    return at;
  });
  const initiativeId = (id: string) => initiativeIds.get(id) ?? id;
  const initiativeFrom = new Map<number, number>();
  draft.initiatives.forEach((incoming, n) => {
    const at = positions[n] as number;
    initiativeFrom.set(at < 0 ? initiatives.length : at, n);
    const remapped: Initiative = {
      ...incoming,
      ...(incoming.demand && { demand: renameKeys(incoming.demand, teamIds) }),
      ...(incoming.dependsOn && { dependsOn: incoming.dependsOn.map(initiativeId) }),
      ...(incoming.excludes && { excludes: incoming.excludes.map(initiativeId) }),
      ...(incoming.start !== undefined && { start: period(incoming.start) }),
      ...(incoming.earliestStart !== undefined && {
        earliestStart: period(incoming.earliestStart),
      }),
      ...(incoming.latestStart !== undefined && { latestStart: period(incoming.latestStart) }),
    };
    if (at < 0) {
      initiatives.push(remapped);
      summary.initiatives.added.push(remapped.id);
      return;
    }
    const existing = initiatives[at] as Initiative;
    const scores = overlay(existing.scores, remapped.scores);
    const demand = overlay(existing.demand, remapped.demand);
    const merged: Initiative = {
      ...existing,
      ...remapped,
      id: existing.id,
      ...(scores && { scores }),
      ...(demand && { demand }),
    };
    initiatives[at] = merged;
    (same(existing, merged) ? summary.initiatives.unchanged : summary.initiatives.updated).push(
      existing.id,
    );
  });

  // Actuals: by initiative and period.
  const actuals = [...(base.actuals ?? [])];
  const actualAt = new Map(
    actuals.map((a, position) => [`${a.initiativeId}/${a.periodId}`, position]),
  );
  const actualFrom = new Map<number, number>();
  for (const [n, incoming] of draft.actuals.entries()) {
    const remapped: Actual = {
      ...incoming,
      initiativeId: initiativeId(incoming.initiativeId),
      periodId: period(incoming.periodId) as string,
      ...(incoming.effort && { effort: renameKeys(incoming.effort, teamIds) }),
    };
    const key = `${remapped.initiativeId}/${remapped.periodId}`;
    const at = actualAt.get(key);
    actualFrom.set(at ?? actuals.length, n);
    if (at === undefined) {
      actualAt.set(key, actuals.length);
      actuals.push(remapped);
      summary.actuals.added.push(key);
      continue;
    }
    const existing = actuals[at] as Actual;
    const effort = overlay(existing.effort, remapped.effort);
    const merged: Actual = { ...existing, ...remapped, ...(effort && { effort }) };
    actuals[at] = merged;
    (same(existing, merged) ? summary.actuals.unchanged : summary.actuals.updated).push(key);
  }

  // Proposals: by id, then title. A new one comes in as a Draft dated today; a matched one keeps
  // its stage and history, and one already decided (approved or rejected) is not changed.
  const proposals = [...(base.proposals ?? [])];
  const proposalFrom = new Map<number, number>();
  const proposalSummary = counter();
  const locked: ImportIssue[] = [];
  const proposalAtById = new Map(proposals.map((p, position) => [p.id, position]));
  const proposalsTaken = new Set<number>();
  for (const [n, incoming] of (draft.proposals ?? []).entries()) {
    let at = proposalAtById.get(incoming.id);
    if (at === undefined) {
      const byTitle = proposals.findIndex(
        (p, position) =>
          !proposalsTaken.has(position) && nameKey(p.title) === nameKey(incoming.title),
      );
      if (byTitle >= 0) at = byTitle;
    }
    // The draft's stage and history are not the file's (see ImportDraft.proposals).
    const { stage: _stage, history: _history, ...given } = incoming;
    const fields = {
      ...given,
      ...(given.earliestStart !== undefined && { earliestStart: period(given.earliestStart) }),
    };
    if (at === undefined) {
      proposalFrom.set(proposals.length, n);
      proposals.push({ ...fields, stage: 'draft', history: [{ stage: 'draft', date: today }] });
      proposalSummary.added.push(incoming.id);
      continue;
    }
    proposalsTaken.add(at);
    proposalFrom.set(at, n);
    const existing = proposals[at] as Proposal;
    const merged: Proposal = { ...existing, ...fields, id: existing.id };
    if (same(existing, merged)) {
      proposalSummary.unchanged.push(existing.id);
      continue;
    }
    if (existing.stage === 'approved' || existing.stage === 'rejected') {
      const source = draft.sources?.proposals?.[n];
      locked.push({
        ...(source ? { row: source.row } : { path: `proposals[${at}]` }),
        message: `the proposal ${JSON.stringify(existing.id)} was ${existing.stage} at the gate, so an import does not change it; leave its row out, or make it the same as the proposal is`,
      });
      continue;
    }
    proposals[at] = merged;
    proposalSummary.updated.push(existing.id);
  }

  const candidatePeriods = summary.periods.added.length > 0 ? inOrder(periods) : periods;
  const periodFrom = new Map<number, number>();
  draft.periods.forEach((incoming, n) => {
    if (periodIds.has(incoming.id)) return;
    const at = candidatePeriods.findIndex((p) => p.id === incoming.id);
    if (at >= 0) periodFrom.set(at, n);
  });
  const candidate: Portfolio = {
    ...base,
    periods: candidatePeriods,
    teams,
    initiatives,
    ...((actuals.length > 0 || base.actuals !== undefined) && { actuals }),
    ...((proposals.length > 0 || base.proposals !== undefined) && { proposals }),
  };
  const read = restorePortfolio(portfolioToDocument(candidate));
  if (!read.ok || locked.length > 0) {
    const from: MergedFrom = {
      initiatives: initiativeFrom,
      teams: teamFrom,
      periods: periodFrom,
      actuals: actualFrom,
      proposals: proposalFrom,
    };
    const renamed = { teams: teamIds, periods: periodIds };
    const errors = read.ok ? [] : read.errors;
    return {
      ok: false,
      problems: inRowOrder([
        ...locked,
        ...errors
          .slice(0, MAX_IMPORT_PROBLEMS)
          .map((problem) => placedProblem(problem, draft.sources, from, renamed)),
      ]).slice(0, MAX_IMPORT_PROBLEMS),
      problemCount: locked.length + (read.ok ? 0 : read.problemCount),
    };
  }
  const counts = (c: Counter): MergeCounts => c;
  return {
    ok: true,
    portfolio: read.portfolio,
    summary: {
      initiatives: counts(summary.initiatives),
      teams: counts(summary.teams),
      periods: counts(summary.periods),
      actuals: counts(summary.actuals),
      ...(draft.proposals !== undefined && { proposals: counts(proposalSummary) }),
    },
  };
}

/**
 * `mergeDraft` for what `draftFromTable` (or another reader) gave: the merge when the draft read,
 * and when it was refused, its problems together with those the merge finds in the rows that
 * did read (a demand above the limit, a dependency on itself, a cycle), in the order of the file,
 * so that a file's problems are told at once rather than in two rounds.
 */
export function mergeDrafted(
  portfolio: Portfolio,
  drafted: DraftResult,
  mode: MergeMode,
  today: string,
): MergeResult {
  if (drafted.ok) return mergeDraft(portfolio, drafted.draft, mode, today);
  const refused = {
    ok: false as const,
    problems: drafted.problems,
    problemCount: drafted.problemCount,
  };
  if (drafted.draft === undefined) return refused;
  const merged = mergeDraft(portfolio, drafted.draft, mode, today);
  if (merged.ok) return refused;
  // A cell the draft refused is not told again in the merge's words.
  const told = new Set(drafted.problems.map((p) => `${p.row}\u0000${p.column}`));
  const more = merged.problems.filter(
    (p) => p.row === undefined || !told.has(`${p.row}\u0000${p.column}`),
  );
  return {
    ok: false,
    problems: inRowOrder([...drafted.problems, ...more]).slice(0, MAX_IMPORT_PROBLEMS),
    problemCount:
      drafted.problemCount + merged.problemCount - (merged.problems.length - more.length),
  };
}
