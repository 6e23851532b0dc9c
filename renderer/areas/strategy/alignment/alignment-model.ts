/**
 * What the Alignment view shows, computed from the portfolio and the board's scenario: what is
 * funded there (as the board and the pack count it: above the line or funded in a gap), the
 * alignment of that funded work to the objectives, the call-outs and the score in words, the
 * flags, and the scale of the share bars. Pure: the view only draws it.
 */
import { scaleLinear } from 'd3';
import { totalSpend } from '../../../../shared/portfolio/measures';
import type { Portfolio, Scenario } from '../../../../shared/portfolio/types';
import { computeCutLine, stackOrder } from '../../../../shared/prioritize/cutline';
import {
  portfolioAlignment,
  type ObjectiveAlignment,
  type PortfolioAlignment,
} from '../../../../shared/strategy/alignment';
import {
  callOutSentence,
  scoreSentence,
  type AlignmentBasis,
} from '../../../../shared/strategy/alignment-text';
import { localWeights } from '../../../../shared/strategy/weights';

/**
 * The scenario the board shows: the one the address or the picker chose, else the first (as
 * Prioritize falls back); undefined without scenarios.
 */
export function boardScenario(
  portfolio: Portfolio,
  scenarioId: string | null,
): Scenario | undefined {
  return (
    portfolio.scenarios.find((scenario) => scenario.id === scenarioId) ?? portfolio.scenarios[0]
  );
}

/**
 * The initiatives funded on a scenario: placed by the cut line engine, in front of the line or
 * in a gap behind it, exactly what the board's figures, the Scenarios tab and the pack count.
 * Without a scenario, the portfolio in file order (as the pack does).
 */
export function fundedOn(portfolio: Portfolio, scenario: Scenario | undefined): Set<string> {
  const cutLine = computeCutLine(portfolio, stackOrder(portfolio, scenario?.id));
  return new Set(
    cutLine.placements.filter((placement) => placement.above).map((placement) => placement.id),
  );
}

/** Each objective's global weight (its share of the whole strategy; the themes make 1). */
export function globalWeightsOf(portfolio: Portfolio): Map<string, number> {
  return new Map(
    [...localWeights(portfolio).objectives].map(([id, weight]) => [id, weight.global]),
  );
}

export type CallOut = {
  readonly id: string;
  readonly kind: NonNullable<ObjectiveAlignment['callOut']>;
  readonly sentence: string;
};

export type UnlinkedInitiative = {
  readonly id: string;
  readonly name: string;
  readonly funded: boolean;
  /** Its spend over all its periods. */
  readonly spend: number;
};

export type UnservedObjective = {
  readonly id: string;
  readonly name: string;
  /** The theme it sits under, when it is not one itself. */
  readonly theme?: string;
  /** Initiatives not funded that would serve it, in the heatmap's order. */
  readonly waiting: readonly string[];
};

export type AlignmentViewModel = {
  readonly scenario?: Scenario;
  readonly funded: ReadonlySet<string>;
  readonly alignment: PortfolioAlignment;
  /** Objectives under- or over-invested, in tree order, in words. */
  readonly callOuts: readonly CallOut[];
  readonly scoreSentence?: string;
  /** Linked to no objective: the funded ones first, then the others, each in file order. */
  readonly unlinked: readonly UnlinkedInitiative[];
  readonly unserved: readonly UnservedObjective[];
  /** Share → width of a bar, 0..1 of the bar's track, the same for every bar of the table. */
  readonly barScale: (share: number) => number;
};

/** Everything the Alignment view draws, for the board's scenario. */
export function alignmentViewModel(
  portfolio: Portfolio,
  scenarioId: string | null,
  locale?: string,
): AlignmentViewModel {
  const scenario = boardScenario(portfolio, scenarioId);
  const funded = fundedOn(portfolio, scenario);
  const alignment = portfolioAlignment(portfolio, funded, globalWeightsOf(portfolio));
  const basis: AlignmentBasis | undefined = alignment.basis;
  const callOuts: CallOut[] = [];
  if (basis) {
    for (const objective of alignment.objectives) {
      const sentence = callOutSentence(objective, basis, locale);
      if (sentence && objective.callOut) {
        callOuts.push({ id: objective.id, kind: objective.callOut, sentence });
      }
    }
  }
  const byId = new Map(portfolio.initiatives.map((initiative) => [initiative.id, initiative]));
  const unlinked = alignment.unlinked.flatMap((id): UnlinkedInitiative[] => {
    const initiative = byId.get(id);
    return initiative
      ? [{ id, name: initiative.name, funded: funded.has(id), spend: totalSpend(initiative) }]
      : [];
  });
  unlinked.sort((a, b) => Number(b.funded) - Number(a.funded));

  const rowOf = new Map(alignment.matrix.rows.map((row, index) => [row.id, index]));
  const objectiveById = new Map(alignment.objectives.map((row) => [row.id, row]));
  const themeOf = (id: string): string | undefined => {
    let current = objectiveById.get(id);
    if (!current || current.parentId === null) return undefined;
    // The drawn tree has no cycle: the climb ends at a theme.
    for (let step = 0; current.parentId !== null && step < alignment.objectives.length; step += 1) {
      const parent = objectiveById.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current.name;
  };
  const unserved = alignment.unserved.flatMap((id): UnservedObjective[] => {
    const objective = objectiveById.get(id);
    if (!objective) return [];
    const row = rowOf.get(id);
    const waiting = alignment.matrix.cells
      .filter((cell) => cell.row === row)
      .map((cell) => alignment.matrix.columns[cell.column])
      .filter((column) => column !== undefined && !column.funded)
      .map((column) => column?.name ?? '');
    const theme = themeOf(id);
    return [{ id, name: objective.name, ...(theme !== undefined && { theme }), waiting }];
  });

  const largest = Math.max(
    0.05,
    ...alignment.objectives.flatMap((row) => [
      row.spendShare,
      row.capacityShare,
      row.globalWeight ?? 0,
    ]),
    alignment.unaligned.spendShare,
    alignment.unaligned.capacityShare,
  );
  const scale = scaleLinear().domain([0, largest]).range([0, 1]).clamp(true);
  const sentence = scoreSentence(alignment, locale);
  return {
    ...(scenario && { scenario }),
    funded,
    alignment,
    callOuts,
    ...(sentence !== undefined && { scoreSentence: sentence }),
    unlinked,
    unserved,
    barScale: (share) => scale(share),
  };
}
