/**
 * A workshop session read as the room sees it: whose pass it is and what it covers, the scores
 * that count (each participant's latest round), the spread of each initiative on each criterion,
 * the dot-vote tally and the consensus that becomes the initiatives' scores.
 */
import type { Portfolio, Workshop, WorkshopScore } from '../portfolio/types';
import { modelCriteria, scaleOf, type Scale } from '../strategy/scoring';
import { consensusScores, type ConsensusDecision, type ConsensusRule } from './consensus';
import { tallyDots, type DotResult } from './dots';
import {
  byDisagreement,
  describeOutlier,
  spreadOf,
  type ParticipantScore,
  type ScoreSpread,
} from './statistics';

/** A criterion the session scores, resolved against the portfolio's scoring model. */
export type SessionCriterion = {
  readonly id: string;
  readonly name: string;
  readonly scale: Scale;
  /**
   * False when the scoring model no longer has the criterion as a typed one (scored on 0–100
   * then, when it is gone): its consensus is not applied.
   */
  readonly inModel: boolean;
};

/** The criteria of `workshop`, in its order, each with its scale. */
export function sessionCriteria(
  workshop: Pick<Workshop, 'criteria'>,
  portfolio: Pick<Portfolio, 'scoring'>,
): readonly SessionCriterion[] {
  const model = new Map(modelCriteria(portfolio.scoring).map((entry) => [entry.id, entry]));
  return workshop.criteria.map((id) => {
    const found = model.get(id);
    // A criterion computed from the objective links (strategic fit) is not typed, so the room's
    // consensus on it has nowhere to go.
    return found
      ? { id, name: found.name, scale: found.scale, inModel: !found.computed }
      : { id, name: id, scale: scaleOf('0-100'), inModel: false };
  });
}

/** The criteria of the scoring model a session can score: those typed, not computed. */
export function scorableCriteria(portfolio: Pick<Portfolio, 'scoring'>) {
  return modelCriteria(portfolio.scoring).filter((criterion) => !criterion.computed);
}

/** The initiatives in play that still exist, in the session's order. */
export function sessionInitiatives(
  workshop: Pick<Workshop, 'initiatives'>,
  portfolio: Pick<Portfolio, 'initiatives'>,
) {
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  return workshop.initiatives.flatMap((id) => {
    const initiative = byId.get(id);
    return initiative ? [initiative] : [];
  });
}

/** One initiative on one criterion. */
export type Cell = { readonly initiativeId: string; readonly criterionId: string };

function cellKey(initiativeId: string, criterionId: string): string {
  return JSON.stringify([initiativeId, criterionId]);
}

/** The cells the current pass covers: a re-score's initiative (and criterion), or every cell. */
export function passCells(
  workshop: Pick<Workshop, 'initiatives' | 'criteria' | 'rescore'>,
): readonly Cell[] {
  const { rescore } = workshop;
  const initiatives = rescore ? [rescore.initiativeId] : workshop.initiatives;
  const criteria = rescore?.criterionId ? [rescore.criterionId] : workshop.criteria;
  return initiatives.flatMap((initiativeId) =>
    criteria.map((criterionId) => ({ initiativeId, criterionId })),
  );
}

/** The round being scored (1 until a re-score). */
export function currentRound(workshop: Pick<Workshop, 'round'>): number {
  return workshop.round ?? 1;
}

/** `participantId`'s scores of the current round, by cell key (see {@link scoreOf}). */
function roundScores(
  workshop: Pick<Workshop, 'scores' | 'round'>,
  participantId: string,
): Map<string, WorkshopScore> {
  const round = currentRound(workshop);
  const found = new Map<string, WorkshopScore>();
  for (const score of workshop.scores ?? []) {
    if (score.participantId === participantId && score.round === round) {
      found.set(cellKey(score.initiativeId, score.criterionId), score);
    }
  }
  return found;
}

/** The score `participantId` gave `cell` in the current round, if any. */
export function scoreOf(
  workshop: Pick<Workshop, 'scores' | 'round'>,
  participantId: string,
  cell: Cell,
): number | undefined {
  return roundScores(workshop, participantId).get(cellKey(cell.initiativeId, cell.criterionId))
    ?.value;
}

/** How far `participantId` is through the current pass: cells scored of cells in the pass. */
export function passProgress(
  workshop: Pick<Workshop, 'initiatives' | 'criteria' | 'rescore' | 'scores' | 'round'>,
  participantId: string,
): { readonly scored: number; readonly total: number } {
  const cells = passCells(workshop);
  const scored = roundScores(workshop, participantId);
  return {
    scored: cells.filter((cell) => scored.has(cellKey(cell.initiativeId, cell.criterionId))).length,
    total: cells.length,
  };
}

/**
 * The scores that count: for each participant, initiative and criterion, the one of the latest
 * round. A re-score replaces only what it covered.
 */
export function latestScores(workshop: Pick<Workshop, 'scores'>): readonly WorkshopScore[] {
  const latest = new Map<string, WorkshopScore>();
  for (const score of workshop.scores ?? []) {
    const key = JSON.stringify([score.participantId, score.initiativeId, score.criterionId]);
    const held = latest.get(key);
    if (!held || score.round >= held.round) latest.set(key, score);
  }
  return [...latest.values()];
}

/** The spread of one initiative on one criterion, as the reveal shows it. */
export type RevealedCell = Cell & {
  readonly initiativeName: string;
  readonly criterion: SessionCriterion;
  readonly spread: ScoreSpread;
  /** One sentence per outlier: "Sam scored 13, the others 3–5". */
  readonly outliers: readonly string[];
  /** Whether a later round re-scored this cell. */
  readonly rescored: boolean;
};

/**
 * Every initiative still in the portfolio on every criterion, with the spread of the latest
 * scores, in the session's order. Participants are named by name.
 */
export function revealCells(
  workshop: Workshop,
  portfolio: Pick<Portfolio, 'scoring' | 'initiatives'>,
  locale?: string,
): readonly RevealedCell[] {
  const criteria = sessionCriteria(workshop, portfolio);
  const names = new Map(workshop.participants.map((person) => [person.id, person.name]));
  const byCell = new Map<string, ParticipantScore[]>();
  const rescored = new Set<string>();
  for (const score of latestScores(workshop)) {
    if (!names.has(score.participantId)) continue;
    const key = cellKey(score.initiativeId, score.criterionId);
    const list = byCell.get(key) ?? [];
    list.push({ participant: names.get(score.participantId) as string, score: score.value });
    byCell.set(key, list);
    if (score.round > 1) rescored.add(key);
  }
  return sessionInitiatives(workshop, portfolio).flatMap((initiative) =>
    criteria.map((criterion): RevealedCell => {
      const key = cellKey(initiative.id, criterion.id);
      const spread = spreadOf(byCell.get(key) ?? [], criterion.scale);
      const outliers =
        spread.kind === 'spread'
          ? spread.outliers.map((outlier) =>
              describeOutlier(
                outlier,
                spread.scores.filter((other) => other !== outlier),
                locale,
              ),
            )
          : [];
      return {
        initiativeId: initiative.id,
        criterionId: criterion.id,
        initiativeName: initiative.name,
        criterion,
        spread,
        outliers,
        rescored: rescored.has(key),
      };
    }),
  );
}

/** The cells from the least agreement to the most: what the room talks about first. */
export function cellsByDisagreement(cells: readonly RevealedCell[]): readonly RevealedCell[] {
  return byDisagreement(cells);
}

/** The dot-vote tally of a session with a dot-voting round (participants named by id). */
export function sessionDots(workshop: Workshop): DotResult | null {
  if (!workshop.dots) return null;
  return tallyDots(
    (workshop.votes ?? []).map((vote) => ({
      participant: vote.participantId,
      itemId: vote.initiativeId,
      dots: vote.dots,
    })),
    {
      participants: workshop.participants.map((person) => person.id),
      items: workshop.initiatives,
      dotsPerPerson: workshop.dots.perPerson,
      weighted: workshop.dots.weighted,
      maxPerItem: workshop.dots.maxPerItem,
    },
  );
}

/** How many dots `participantId` has placed, and how many they have. */
export function dotsPlaced(
  workshop: Workshop,
  participantId: string,
): { readonly placed: number; readonly total: number } {
  const placed = (workshop.votes ?? [])
    .filter((vote) => vote.participantId === participantId)
    .reduce((sum, vote) => sum + vote.dots, 0);
  return { placed, total: workshop.dots?.perPerson ?? 0 };
}

/** The consensus of each cell: the median of the latest scores, or the facilitator's call. */
export function sessionConsensus(
  workshop: Workshop,
  portfolio: Pick<Portfolio, 'scoring' | 'initiatives'>,
): {
  readonly cells: readonly (RevealedCell & { readonly consensus: ConsensusDecision })[];
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
} {
  const revealed = revealCells(workshop, portfolio);
  const calls = new Map(
    (workshop.calls ?? []).map((call) => [cellKey(call.initiativeId, call.criterionId), call]),
  );
  const result = consensusScores(
    revealed.map((cell) => {
      const call = calls.get(cellKey(cell.initiativeId, cell.criterionId));
      const rule: ConsensusRule | undefined = call
        ? { facilitator: call.value, note: call.note }
        : undefined;
      return {
        itemId: cell.initiativeId,
        criterionId: cell.criterionId,
        spread: cell.spread,
        ...(rule && { rule }),
      };
    }),
    sessionCriteria(workshop, portfolio),
  );
  return {
    cells: revealed.map((cell, index) => ({
      ...cell,
      consensus: result.decisions[index] as ConsensusDecision,
    })),
    scores: result.scores,
  };
}
