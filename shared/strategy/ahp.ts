/**
 * The Analytic Hierarchy Process (Saaty) for one sibling group of objectives: from pairwise
 * judgments ("a is `ratio` times as important as b") to weights, with the consistency ratio that
 * tells a PMO whether the judgments hang together, and the one judgment to revisit first when they
 * do not.
 *
 * Weights are the principal right eigenvector of the reciprocal judgment matrix, found by power
 * iteration; no linear-algebra library is needed for groups of the size people can judge.
 */
import type { Judgment } from '../portfolio/types';

/**
 * Saaty's random index RI(n) (1980): the mean consistency index of random reciprocal matrices of
 * order n on the 1/9..9 scale. Keyed by n.
 */
export const RANDOM_INDEX: Readonly<Record<number, number>> = {
  1: 0,
  2: 0,
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
  10: 1.49,
};

/** The largest group Saaty's table covers. */
const LARGEST_TABULATED = 10;

/** A consistency ratio at or below this is acceptable (Saaty's 10% rule). */
export const CONSISTENCY_THRESHOLD = 0.1;

/** The smallest and largest ratio a judgment may hold: Saaty's scale runs from 1/9 to 9. */
export const MIN_RATIO = 1 / 9;
export const MAX_RATIO = 9;

/** Saaty's fundamental scale, 1/9 .. 1/2, 1, 2 .. 9, in increasing order. */
export const SAATY_VALUES: readonly number[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((value) => 1 / value),
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

// Judgments typed as 1/9 come back from the file as the nearest double; a hair of tolerance keeps
// them on the scale without admitting a genuinely smaller ratio.
export const RATIO_TOLERANCE = 1e-9;

/** Power iteration stops once no weight moves by more than this. */
const CONVERGENCE = 1e-12;

// For a positive matrix the iteration always converges (Perron); the cap only guards against
// floating-point noise that hovers just above CONVERGENCE.
const MAX_ITERATIONS = 10_000;

/** More missing pairs than this are summarised in one line, so a new group is not a wall of text. */
const MISSING_PAIRS_LISTED = 20;

/** The judgment furthest from what the weights imply, and the Saaty value they do imply. */
export type InconsistentJudgment = {
  readonly a: string;
  readonly b: string;
  /** The ratio as judged: a is `ratio` times as important as b. */
  readonly ratio: number;
  /** The value on Saaty's scale nearest to w_a / w_b. */
  readonly suggested: number;
};

export type GroupComparison = {
  readonly ok: true;
  /** Weight per objective, in the order of the ids given, summing to 1. */
  readonly weights: ReadonlyMap<string, number>;
  /** Principal eigenvalue: n for perfectly consistent judgments, larger otherwise. */
  readonly lambdaMax: number;
  /** (λmax − n) / (n − 1); 0 for n ≤ 2. */
  readonly consistencyIndex: number;
  /**
   * CI / RI(n). Absent for n ≤ 2: a group of one or two cannot be inconsistent and RI is 0, so
   * the ratio is undefined rather than 0/0.
   */
  readonly consistencyRatio?: number;
  /** CR ≤ 0.10 (always true for n ≤ 2). */
  readonly consistent: boolean;
  /** Present only when the group is not consistent. */
  readonly mostInconsistent?: InconsistentJudgment;
};

export type GroupRefusal = {
  readonly ok: false;
  /** Plain-English problems, each naming the objectives by id. */
  readonly problems: readonly string[];
};

export type GroupComparisonResult = GroupComparison | GroupRefusal;

/**
 * RI(n) from Saaty's table. Beyond n = 10 it returns 1.49, the table's last value: simulations
 * for larger n give values only slightly higher (about 1.5–1.6 up to n = 15), so the consistency
 * ratio of a large group comes out a little higher than it should, erring towards asking people
 * to revisit their judgments. Groups that large are hard to judge well anyway.
 */
export function randomIndex(n: number): number {
  if (n <= 2) return 0;
  return RANDOM_INDEX[Math.min(n, LARGEST_TABULATED)] ?? 0;
}

/**
 * The value on Saaty's scale (1..9 and their reciprocals) nearest to `ratio`, measured on a log
 * scale so that `nearestSaatyValue(1 / x)` is `1 / nearestSaatyValue(x)`; the midpoint between 1
 * and 2 is therefore √2, not 1.5. Ratios beyond the scale snap to 1/9 or 9. Used to suggest a judgment,
 * never to change one.
 */
export function nearestSaatyValue(ratio: number): number {
  // Logs of 0 and infinity are infinite, so every value would tie; settle the ends directly.
  if (ratio === Infinity) return MAX_RATIO;
  if (!(ratio > 0)) return MIN_RATIO;
  const target = Math.log(ratio);
  let best = 1;
  let bestDistance = Infinity;
  for (const value of SAATY_VALUES) {
    const distance = Math.abs(Math.log(value) - target);
    if (distance < bestDistance) {
      best = value;
      bestDistance = distance;
    }
  }
  return best;
}

/** Orders a pair so both orders of the same two ids share one key. */
function pairKey(a: string, b: string): string {
  return a < b ? JSON.stringify([a, b]) : JSON.stringify([b, a]);
}

function isValidRatio(ratio: number): boolean {
  return (
    Number.isFinite(ratio) &&
    ratio >= MIN_RATIO * (1 - RATIO_TOLERANCE) &&
    ratio <= MAX_RATIO * (1 + RATIO_TOLERANCE)
  );
}

/**
 * Checks the judgments of a group and builds its reciprocal matrix, or lists what is wrong:
 * objectives outside the group, an objective judged against itself, a ratio off the scale, a
 * pair judged twice, a pair not judged at all.
 */
function judgmentMatrix(
  ids: readonly string[],
  judgments: readonly Judgment[],
): { readonly matrix: number[][] } | { readonly problems: string[] } {
  const problems: string[] = [];
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) problems.push(`objective "${id}" is listed twice in the group`);
    else index.set(id, i);
  });

  const n = ids.length;
  const matrix = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : NaN)));
  const judged = new Set<string>();
  const reportedTwice = new Set<string>();
  for (const { a, b, ratio } of judgments) {
    if (a === b) {
      problems.push(`objective "${a}" is judged against itself`);
      continue;
    }
    const i = index.get(a);
    const j = index.get(b);
    const outside = [a, b].filter((id) => !index.has(id));
    if (i === undefined || j === undefined) {
      for (const id of outside) {
        problems.push(
          `the judgment between "${a}" and "${b}" names "${id}", which is not in this group`,
        );
      }
      continue;
    }
    const key = pairKey(a, b);
    if (judged.has(key)) {
      if (!reportedTwice.has(key)) {
        problems.push(`"${a}" and "${b}" are judged more than once; keep one judgment per pair`);
        reportedTwice.add(key);
      }
      continue;
    }
    judged.add(key);
    if (!isValidRatio(ratio)) {
      problems.push(
        `the judgment between "${a}" and "${b}" has ratio ${String(ratio)}; it must be a number from 1/9 to 9`,
      );
      continue;
    }
    const row = matrix[i];
    const column = matrix[j];
    if (row && column) {
      row[j] = ratio;
      column[i] = 1 / ratio;
    }
  }

  const missing: string[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      if (a !== b && !judged.has(pairKey(a, b)))
        missing.push(`no judgment between "${a}" and "${b}"`);
    }
  }
  problems.push(...missing.slice(0, MISSING_PAIRS_LISTED));
  if (missing.length > MISSING_PAIRS_LISTED) {
    const more = missing.length - MISSING_PAIRS_LISTED;
    problems.push(`and ${more} more pair${more === 1 ? '' : 's'} without a judgment`);
  }
  return problems.length > 0 ? { problems } : { matrix };
}

function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, value, j) => sum + value * (vector[j] ?? 0), 0));
}

function normalized(vector: readonly number[]): number[] {
  const total = vector.reduce((sum, value) => sum + value, 0);
  return vector.map((value) => value / total);
}

/**
 * The principal right eigenvector of a positive reciprocal matrix, summing to 1. Starts from the
 * rows' geometric means, which are already the answer for consistent judgments and close to it
 * otherwise, so the iteration usually takes a handful of steps.
 */
function principalEigenvector(matrix: readonly (readonly number[])[]): number[] {
  let weights = normalized(
    matrix.map((row) =>
      Math.exp(row.reduce((sum, value) => sum + Math.log(value), 0) / row.length),
    ),
  );
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const next = normalized(multiply(matrix, weights));
    const change = next.reduce(
      (most, value, i) => Math.max(most, Math.abs(value - (weights[i] ?? 0))),
      0,
    );
    weights = next;
    if (change <= CONVERGENCE) break;
  }
  return weights;
}

/**
 * Weights for one sibling group from its pairwise judgments (AHP, principal eigenvector), with
 * λmax, the consistency index CI = (λmax − n)/(n − 1) and ratio CR = CI / RI(n).
 *
 * Every pair of the group must be judged exactly once, in either order, with a ratio from 1/9 to
 * 9; otherwise the result lists the problems and gives no weights. A group of one objective has
 * weight 1. For n ≤ 2 the judgments are always consistent and CR is absent; for n > 10, RI is
 * taken as 1.49 (see `randomIndex`). When CR exceeds 0.10, `mostInconsistent` names the judgment
 * furthest (in log terms) from the ratio the weights imply, with the nearest Saaty value to it.
 */
export function compareGroup(
  ids: readonly string[],
  judgments: readonly Judgment[],
): GroupComparisonResult {
  if (ids.length === 0) return { ok: false, problems: ['there are no objectives to compare'] };
  const built = judgmentMatrix(ids, judgments);
  if ('problems' in built) return { ok: false, problems: built.problems };

  const n = ids.length;
  const vector = principalEigenvector(built.matrix);
  const product = multiply(built.matrix, vector);
  const lambdaMax = product.reduce((sum, value, i) => sum + value / (vector[i] ?? 1), 0) / n;
  // λmax ≥ n holds exactly for positive reciprocal matrices; a value a hair below is rounding.
  const consistencyIndex = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const weights = new Map(ids.map((id, i) => [id, vector[i] ?? 0]));
  if (n <= 2) return { ok: true, weights, lambdaMax, consistencyIndex, consistent: true };

  const consistencyRatio = consistencyIndex / randomIndex(n);
  const consistent = consistencyRatio <= CONSISTENCY_THRESHOLD;
  if (consistent) {
    return { ok: true, weights, lambdaMax, consistencyIndex, consistencyRatio, consistent };
  }
  return {
    ok: true,
    weights,
    lambdaMax,
    consistencyIndex,
    consistencyRatio,
    consistent,
    mostInconsistent: mostInconsistentJudgment(judgments, weights),
  };
}

/**
 * The judgment whose ratio is furthest, in log terms, from w_a / w_b (the first on a tie), and
 * the Saaty value nearest w_a / w_b as the suggestion. Judgments are assumed valid here.
 */
function mostInconsistentJudgment(
  judgments: readonly Judgment[],
  weights: ReadonlyMap<string, number>,
): InconsistentJudgment | undefined {
  let worst: InconsistentJudgment | undefined;
  let worstDistance = -1;
  for (const { a, b, ratio } of judgments) {
    const implied = (weights.get(a) ?? 0) / (weights.get(b) ?? 1);
    const distance = Math.abs(Math.log(ratio) - Math.log(implied));
    if (distance > worstDistance) {
      worst = { a, b, ratio, suggested: nearestSaatyValue(implied) };
      worstDistance = distance;
    }
  }
  return worst;
}
