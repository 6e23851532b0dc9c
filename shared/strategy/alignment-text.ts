/**
 * The portfolio's alignment in words: what the score means, and each objective's investment
 * against its weight. The Alignment view (in the user's locale) and the board pack (in the
 * pack's) say it the same way.
 */
import { formatNumber, formatPercent } from '../format';
import {
  CALL_OUT_BAND,
  type ObjectiveAlignment,
  type PortfolioAlignment,
  type Shares,
} from './alignment';

export type AlignmentBasis = NonNullable<PortfolioAlignment['basis']>;

/** "funded spend" or "funded capacity": what the shares and the score measure. */
export function basisWords(basis: AlignmentBasis): string {
  return basis === 'spend' ? 'funded spend' : 'funded capacity';
}

/** An objective's (or the unaligned work's) share of the basis. */
export function shareOf(shares: Shares, basis: AlignmentBasis): number {
  return basis === 'spend' ? shares.spendShare : shares.capacityShare;
}

/**
 * The two factors of the score (see `portfolioAlignment`): `aligned`, the share of the basis that
 * serves some objective, and `fit`, how closely that aligned part is split as the leaf
 * objectives' weights ask (1: exactly). Undefined without a score.
 */
export function scoreFactors(
  alignment: Pick<PortfolioAlignment, 'score' | 'basis' | 'unaligned'>,
): { readonly aligned: number; readonly fit: number } | undefined {
  if (alignment.score === undefined || alignment.basis === undefined) return undefined;
  const aligned = Math.min(1, Math.max(0, 1 - shareOf(alignment.unaligned, alignment.basis)));
  const fit = aligned > 0 ? Math.min(1, Math.max(0, alignment.score / (100 * aligned))) : 0;
  return { aligned, fit };
}

/**
 * What the score says, in one sentence: "97% of the funded spend serves an objective, and 7% of
 * that would have to move between objectives to match their weights (100: all of it serves
 * objectives, split exactly as weighted)." Undefined without a score.
 */
export function scoreSentence(
  alignment: Pick<PortfolioAlignment, 'score' | 'basis' | 'unaligned'>,
  locale?: string,
): string | undefined {
  const factors = scoreFactors(alignment);
  if (!factors || alignment.basis === undefined) return undefined;
  const what = basisWords(alignment.basis);
  const percent = (share: number) => formatPercent(share, locale);
  const ideal = '(100: all of it serves objectives, split exactly as weighted)';
  if (factors.aligned <= 0) {
    return `None of the ${what} serves an objective, so the portfolio scores 0 ${ideal}.`;
  }
  const aligned =
    factors.aligned >= 1
      ? `All of the ${what} serves an objective`
      : `${percent(factors.aligned)} of the ${what} serves an objective`;
  const moved = 1 - factors.fit;
  const split =
    percent(moved) === percent(0)
      ? 'it is split as the objectives’ weights ask'
      : `${percent(moved)} of that would have to move between objectives to match their weights`;
  return `${aligned}, and ${split} ${ideal}.`;
}

/**
 * A call-out in words: "Cut cost to serve: 8% of funded spend for 25% of the weight —
 * under-invested". Undefined for an objective without a call-out.
 */
export function callOutSentence(
  objective: Pick<
    ObjectiveAlignment,
    'name' | 'spendShare' | 'capacityShare' | 'globalWeight' | 'callOut'
  >,
  basis: AlignmentBasis,
  locale?: string,
): string | undefined {
  if (!objective.callOut || objective.globalWeight === undefined) return undefined;
  const percent = (share: number) => formatPercent(share, locale);
  return `${objective.name}: ${percent(shareOf(objective, basis))} of ${basisWords(basis)} for ${percent(objective.globalWeight)} of the weight — ${objective.callOut}`;
}

/**
 * When an objective is called out, in words ("under half its weight or over one and a half times
 * it, and at least 5 points away from it"), from `CALL_OUT_BAND`.
 */
export function callOutRule(locale?: string): string {
  const times = (factor: number) =>
    factor === 0.5 ? 'half' : factor === 1.5 ? 'one and a half times' : `${factor} times`;
  const points = Math.round(CALL_OUT_BAND.MIN_GAP * 100);
  return `An objective is called out when its share is under ${times(CALL_OUT_BAND.LOW)} its weight or over ${times(CALL_OUT_BAND.HIGH)} it, and at least ${formatNumber(points, 0, locale)} points away from it.`;
}
