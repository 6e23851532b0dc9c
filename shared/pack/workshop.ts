/**
 * The board pack's workshop summary: one finished workshop session as a page shows it. Who took
 * part and why, the cells the room disagreed on most, the consensus of each initiative on each
 * criterion (the median, or the facilitator's call with its note), how the scenario's ranking
 * moved, and the dot vote. Built from the session helpers of shared/workshop, never recomputed.
 */
import { formatNumber, plural } from '../format';
import type { Portfolio, Workshop } from '../portfolio/types';
import type { DotTally } from '../workshop/dots';
import {
  cellsByDisagreement,
  revealCells,
  sessionConsensus,
  sessionCriteria,
  sessionDots,
  type RevealedCell,
} from '../workshop/session';
import { PACK_LOCALE } from './content';

/** The most cells the summary's spread chart shows: the ones of least agreement. */
export const WORKSHOP_SPREAD_CELLS = 10;

/** The consensus of one initiative on one criterion, as the summary prints it. */
export type WorkshopConsensusEntry = {
  readonly criterionId: string;
  /** The score as printed ("4", "3.5"); "—" when there is none. */
  readonly score: string;
  /** How it was reached; `none` when there is no consensus (see `problem`). */
  readonly rule: 'median' | 'mean' | 'facilitator' | 'none';
  /** The median or mean before it was snapped to the scale, when snapping changed it. */
  readonly computed?: string;
  /** The number of the facilitator's call in the summary's `calls`, from 1. */
  readonly call?: number;
  /** Why there is no consensus. */
  readonly problem?: string;
};

/** One initiative of the session: its consensus on each of the session's criteria, in order. */
export type WorkshopConsensusRow = {
  readonly initiativeId: string;
  readonly name: string;
  readonly entries: readonly WorkshopConsensusEntry[];
};

/** A facilitator's call, numbered as the table marks it, with the note that says why. */
export type WorkshopCallNote = {
  readonly number: number;
  readonly initiative: string;
  readonly criterion: string;
  readonly score: string;
  /** The room's median the call replaced. */
  readonly median?: string;
  readonly note: string;
};

/** How an initiative moved in the scenario's ranking: places from 1. */
export type WorkshopMove = {
  readonly initiativeId: string;
  readonly name: string;
  readonly before?: number;
  readonly after?: number;
  /** `new`: ranked after, not before; `out`: ranked before, not after; `unranked`: in neither. */
  readonly direction: 'up' | 'down' | 'same' | 'new' | 'out' | 'unranked';
  /** Places moved (0 unless up or down). */
  readonly places: number;
  /** The move in words, arrow first: "↑ 2 places", "↓ 1 place", "no change", "new". */
  readonly text: string;
};

/** The session's outcome: the scenario it ranked and how its initiatives moved. */
export type WorkshopOutcomeSummary = {
  readonly scenarioId: string;
  /** The scenario's name; its id when the portfolio no longer has it. */
  readonly scenarioName: string;
  readonly scenarioKnown: boolean;
  /** The outcome made the scenario: it had no ranking before. */
  readonly newScenario: boolean;
  /** The session's initiatives, by their place after the session. */
  readonly moves: readonly WorkshopMove[];
};

/** One initiative's result in the dot vote, with its name. */
export type WorkshopDotRow = DotTally & { readonly name: string };

export type WorkshopDotSummary = {
  readonly weighted: boolean;
  readonly perPerson: number;
  /** Every initiative of the session, most points first (the tally's order). */
  readonly tally: readonly WorkshopDotRow[];
  /** How many participants' dots were counted. */
  readonly voters: number;
  /** How many participants' ballots were left out (too many dots, …: see tallyDots). */
  readonly refused: number;
};

export type WorkshopSummary = {
  readonly kind: 'session';
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly facilitator?: string;
  readonly purpose?: string;
  readonly participants: readonly string[];
  readonly criteria: readonly {
    readonly id: string;
    readonly name: string;
    /** The scale as a person reads it: "1–5", "modified Fibonacci". */
    readonly scale: string;
  }[];
  /** One sentence on the scoring: who scored how much, what was re-scored, the outliers. */
  readonly lead: string;
  /**
   * The cells of least agreement, least first (at most WORKSHOP_SPREAD_CELLS), and how many more
   * cells were scored and are not shown.
   */
  readonly spread: { readonly cells: readonly RevealedCell[]; readonly more: number };
  /** The session's initiatives: by their place after the session when it ranked a scenario. */
  readonly consensus: readonly WorkshopConsensusRow[];
  readonly calls: readonly WorkshopCallNote[];
  /** Absent when the session's outcome was not recorded. */
  readonly outcome?: WorkshopOutcomeSummary;
  /** Absent when the session had no dot-voting round. */
  readonly dots?: WorkshopDotSummary;
};

/** No session to summarise, and the sentence the page says so in. */
export type NoWorkshopSummary = { readonly kind: 'none'; readonly sentence: string };

const number = (value: number) => formatNumber(value, 2, PACK_LOCALE);
const counted = (count: number, one: string, many = `${one}s`) =>
  plural(count, one, many, formatNumber(count, 0, PACK_LOCALE));

/** The day a session was held, for ordering: its date, else the day its outcome was recorded. */
function heldOn(workshop: Workshop): string {
  return workshop.date ?? workshop.outcome?.recordedAt?.slice(0, 10) ?? '';
}

/**
 * The portfolio's finished sessions (stage `done`), the latest first: by date (else the day the
 * outcome was recorded), and of one day the later in the file first.
 */
export function finishedWorkshops(portfolio: Pick<Portfolio, 'workshops'>): readonly Workshop[] {
  return (portfolio.workshops ?? [])
    .map((workshop, index) => ({ workshop, index }))
    .filter(({ workshop }) => workshop.stage === 'done')
    .sort((a, b) => {
      const day = heldOn(b.workshop).localeCompare(heldOn(a.workshop));
      return day !== 0 ? day : b.index - a.index;
    })
    .map(({ workshop }) => workshop);
}

/**
 * The session the pack summarises: the finished one `workshopId` names, else the latest
 * finished one (a choice that names no finished session falls back, as the compared scenario
 * does); undefined when no session has finished.
 */
export function packWorkshop(
  portfolio: Pick<Portfolio, 'workshops'>,
  workshopId?: string,
): Workshop | undefined {
  const finished = finishedWorkshops(portfolio);
  return finished.find((workshop) => workshop.id === workshopId) ?? finished[0];
}

/** "↑ 2 places", "↓ 1 place", "no change", "new", "left the ranking", "not ranked". */
function moveOf(
  initiativeId: string,
  name: string,
  before: readonly string[],
  after: readonly string[],
): WorkshopMove {
  const placeIn = (ranking: readonly string[]) => {
    const index = ranking.indexOf(initiativeId);
    return index < 0 ? undefined : index + 1;
  };
  const was = placeIn(before);
  const is = placeIn(after);
  const places = was !== undefined && is !== undefined ? Math.abs(was - is) : 0;
  const direction: WorkshopMove['direction'] =
    was === undefined
      ? is === undefined
        ? 'unranked'
        : 'new'
      : is === undefined
        ? 'out'
        : is < was
          ? 'up'
          : is > was
            ? 'down'
            : 'same';
  const text = {
    up: `↑ ${counted(places, 'place')}`,
    down: `↓ ${counted(places, 'place')}`,
    same: 'no change',
    new: 'new',
    out: 'left the ranking',
    unranked: 'not ranked',
  }[direction];
  return {
    initiativeId,
    name,
    ...(was !== undefined && { before: was }),
    ...(is !== undefined && { after: is }),
    direction,
    places,
    text,
  };
}

/** The lead sentence: "3 participants scored 3 initiatives on 2 criteria; …". */
function leadOf(
  workshop: Workshop,
  initiatives: number,
  criteria: number,
  cells: readonly RevealedCell[],
): string {
  const rescored = cells.filter((cell) => cell.rescored).length;
  const outliers = cells.reduce(
    (sum, cell) => sum + (cell.spread.kind === 'spread' ? cell.spread.outliers.length : 0),
    0,
  );
  const parts = [
    `${counted(workshop.participants.length, 'participant')} scored ${counted(initiatives, 'initiative')} on ${counted(criteria, 'criterion', 'criteria')}`,
  ];
  if (rescored > 0) {
    parts.push(`${counted(rescored, 'cell was', 'cells were')} re-scored after discussion`);
  }
  if (outliers > 0) {
    parts.push(`${counted(outliers, 'score')} stood far from the others`);
  }
  return `${parts.join('; ')}.`;
}

/**
 * The summary of the finished session `workshopId` names, else of the latest finished one (see
 * {@link packWorkshop}); without one, the sentence the page says so in. Numbers are written as
 * the rest of the pack writes them (PACK_LOCALE).
 */
export function workshopSummary(
  portfolio: Portfolio,
  workshopId?: string,
): WorkshopSummary | NoWorkshopSummary {
  const workshop = packWorkshop(portfolio, workshopId);
  if (!workshop) {
    const open = (portfolio.workshops ?? []).length;
    return {
      kind: 'none',
      sentence:
        open === 0
          ? 'No workshop session has been held, so there is no workshop to summarise.'
          : `No workshop session has finished yet (${counted(open, 'session')} in progress), so there is no workshop to summarise.`,
    };
  }
  const criteria = sessionCriteria(workshop, portfolio);
  const criterionName = new Map(criteria.map((criterion) => [criterion.id, criterion.name]));
  const revealed = revealCells(workshop, portfolio, PACK_LOCALE);
  const ordered = cellsByDisagreement(revealed);
  const shown = ordered.slice(0, WORKSHOP_SPREAD_CELLS);
  const names = new Map(
    portfolio.initiatives.map((initiative) => [initiative.id, initiative.name]),
  );

  const outcome = workshop.outcome;
  const scenario = outcome && portfolio.scenarios.find((s) => s.id === outcome.scenarioId);
  const consensus = sessionConsensus(workshop, portfolio);
  const initiativeIds = [...new Set(consensus.cells.map((cell) => cell.initiativeId))];
  const moves = outcome
    ? initiativeIds.map((id) => moveOf(id, names.get(id) ?? id, outcome.before, outcome.after))
    : [];
  // By place after the session (unranked last), else in the session's order: the table reads as
  // the new ranking, and the calls are numbered down it.
  const place = new Map(moves.map((move) => [move.initiativeId, move.after ?? Infinity]));
  const rowOrder = [...initiativeIds].sort(
    (a, b) => (place.get(a) ?? Infinity) - (place.get(b) ?? Infinity),
  );

  const calls: WorkshopCallNote[] = [];
  const rows: WorkshopConsensusRow[] = rowOrder.map((initiativeId) => {
    const cells = consensus.cells.filter((cell) => cell.initiativeId === initiativeId);
    const entries = criteria.map((criterion): WorkshopConsensusEntry => {
      const cell = cells.find((each) => each.criterionId === criterion.id);
      const decided = cell?.consensus;
      if (!cell || !decided || decided.kind === 'problem') {
        return {
          criterionId: criterion.id,
          score: '—',
          rule: 'none',
          problem: decided?.kind === 'problem' ? decided.problem : 'Not scored.',
        };
      }
      const entry: WorkshopConsensusEntry = {
        criterionId: criterion.id,
        score: number(decided.score),
        rule: decided.rule,
        ...(decided.computed !== undefined && { computed: number(decided.computed) }),
      };
      if (decided.rule !== 'facilitator') return entry;
      const call: WorkshopCallNote = {
        number: calls.length + 1,
        initiative: cell.initiativeName,
        criterion: criterionName.get(criterion.id) ?? criterion.id,
        score: number(decided.score),
        ...(cell.spread.kind === 'spread' && { median: number(cell.spread.median) }),
        note: decided.note ?? '',
      };
      calls.push(call);
      return { ...entry, call: call.number };
    });
    return { initiativeId, name: names.get(initiativeId) ?? initiativeId, entries };
  });

  const dotResult = sessionDots(workshop);
  const dots: WorkshopDotSummary | undefined =
    dotResult && workshop.dots
      ? {
          weighted: workshop.dots.weighted,
          perPerson: workshop.dots.perPerson,
          tally: dotResult.tally.map((row) => ({
            ...row,
            name: names.get(row.itemId) ?? row.itemId,
          })),
          ...ballots(workshop, dotResult.problems),
        }
      : undefined;

  return {
    kind: 'session',
    id: workshop.id,
    title: workshop.title,
    ...(workshop.date && { date: workshop.date }),
    ...(workshop.facilitator && { facilitator: workshop.facilitator }),
    ...(workshop.purpose?.trim() && { purpose: workshop.purpose.trim() }),
    participants: workshop.participants.map((person) => person.name),
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      scale: criterion.scale.label,
    })),
    lead: leadOf(workshop, initiativeIds.length, criteria.length, revealed),
    spread: { cells: shown, more: ordered.length - shown.length },
    consensus: rows,
    calls,
    ...(outcome && {
      outcome: {
        scenarioId: outcome.scenarioId,
        scenarioName: scenario?.name ?? outcome.scenarioId,
        scenarioKnown: scenario !== undefined,
        newScenario: outcome.before.length === 0,
        moves: rowOrder.flatMap((id) => moves.find((move) => move.initiativeId === id) ?? []),
      },
    }),
    ...(dots && { dots }),
  };
}

/**
 * How many participants' dots counted, and how many ballots were left out. A problem with no
 * participant is one of the session's dot settings: then nothing was counted.
 */
function ballots(
  workshop: Workshop,
  problems: readonly { readonly participant?: string }[],
): { readonly voters: number; readonly refused: number } {
  const voted = new Set(
    (workshop.votes ?? []).filter((vote) => vote.dots > 0).map((vote) => vote.participantId),
  );
  if (problems.some((problem) => problem.participant === undefined)) {
    return { voters: 0, refused: voted.size };
  }
  const refused = new Set(problems.flatMap((problem) => problem.participant ?? []));
  return {
    voters: [...voted].filter((id) => !refused.has(id)).length,
    refused: refused.size,
  };
}
