/**
 * Dot voting: each participant places a few dots on the items they would do first, and the tally
 * ranks the items. Dots count one point each, or, weighted, by the order they were placed in: with
 * 3 dots a person's first dot is worth 3 points, their second 2 and their third 1.
 */

/**
 * Some dots one participant placed on one item. A participant's votes, in the order given, are
 * their dots in order of preference: that order is what weighted voting counts by, and a vote of
 * 2 dots is two dots in a row.
 */
export type DotVote = {
  readonly participant: string;
  readonly itemId: string;
  /** A whole number, 0 or more. */
  readonly dots: number;
};

export type DotOptions = {
  /** Who may vote: a vote from anyone else is a problem. */
  readonly participants: readonly string[];
  /** The items on the wall, in the order ties are broken by. */
  readonly items: readonly string[];
  /** How many dots each person has (3 for the classic 3-2-1). */
  readonly dotsPerPerson: number;
  /** Count a person's dots by order (dotsPerPerson, …, 2, 1 points) instead of one point each. */
  readonly weighted: boolean;
  /** The most dots one person may put on one item. */
  readonly maxPerItem: number;
};

/** One item's result. */
export type DotTally = {
  readonly itemId: string;
  readonly points: number;
  /** Dots counted on the item (equal to points when not weighted). */
  readonly dots: number;
  /** How many people put at least one counted dot on it. */
  readonly voters: number;
};

/** Something wrong with the votes: with a participant, none of that person's dots were counted. */
export type DotProblem = { readonly participant?: string; readonly message: string };

export type DotResult = {
  /** Every item, most points first; ties by more voters, then the order of `items`. */
  readonly tally: readonly DotTally[];
  readonly problems: readonly DotProblem[];
};

/**
 * Tallies dot votes. A participant's votes are counted only when they are all valid: the
 * participant is in the session, every vote is on an item of the session with a whole number of
 * dots (0 or more), no item has more than `maxPerItem` of their dots, and they placed at most
 * `dotsPerPerson` dots in all (fewer is fine). Otherwise each fault is a problem in words and none
 * of their dots count: a half-counted ballot would misstate what the person meant, and the
 * facilitator can ask them to vote again.
 *
 * Weighted, the k-th dot a person placed (k from 1) is worth dotsPerPerson − k + 1 points, so with
 * 3 dots the first is worth 3, the second 2, the third 1, whether or not they place all three.
 * `dotsPerPerson` and `maxPerItem` must be whole numbers from 1; otherwise nothing is counted.
 */
export function tallyDots(votes: readonly DotVote[], options: DotOptions): DotResult {
  const { dotsPerPerson, maxPerItem, weighted } = options;
  const items = [...new Set(options.items)];
  const settingProblems: DotProblem[] = [];
  if (!isCount(dotsPerPerson) || dotsPerPerson < 1) {
    settingProblems.push({
      message: `Each person needs a whole number of dots, 1 or more, not ${dotsPerPerson}.`,
    });
  }
  if (!isCount(maxPerItem) || maxPerItem < 1) {
    settingProblems.push({
      message: `The most dots on one item must be a whole number, 1 or more, not ${maxPerItem}.`,
    });
  }
  if (settingProblems.length > 0) {
    return {
      tally: items.map((itemId) => ({ itemId, points: 0, dots: 0, voters: 0 })),
      problems: settingProblems,
    };
  }

  const known = new Set(options.participants);
  const onWall = new Set(items);
  const ballots = new Map<string, DotVote[]>();
  for (const vote of votes) {
    const ballot = ballots.get(vote.participant) ?? [];
    ballot.push(vote);
    ballots.set(vote.participant, ballot);
  }

  const problems: DotProblem[] = [];
  const points = new Map(items.map((itemId) => [itemId, 0]));
  const dots = new Map(items.map((itemId) => [itemId, 0]));
  const voters = new Map(items.map((itemId) => [itemId, 0]));
  for (const [participant, ballot] of ballots) {
    const faults = ballotFaults(participant, ballot, known, onWall, options);
    if (faults.length > 0) {
      problems.push(...faults.map((message) => ({ participant, message })));
      continue;
    }
    let placed = 0;
    const reached = new Set<string>();
    for (const vote of ballot) {
      // Weighted, these dots are the person's (placed + 1)-th to (placed + dots)-th: worth
      // dotsPerPerson − placed down to dotsPerPerson − placed − dots + 1, an arithmetic series.
      const worth = weighted
        ? (vote.dots * (2 * (dotsPerPerson - placed) - vote.dots + 1)) / 2
        : vote.dots;
      points.set(vote.itemId, (points.get(vote.itemId) ?? 0) + worth);
      placed += vote.dots;
      dots.set(vote.itemId, (dots.get(vote.itemId) ?? 0) + vote.dots);
      if (vote.dots > 0) reached.add(vote.itemId);
    }
    for (const itemId of reached) voters.set(itemId, (voters.get(itemId) ?? 0) + 1);
  }

  const order = new Map(items.map((itemId, index) => [itemId, index]));
  const tally = items
    .map((itemId) => ({
      itemId,
      points: points.get(itemId) ?? 0,
      dots: dots.get(itemId) ?? 0,
      voters: voters.get(itemId) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.voters - a.voters ||
        (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0),
    );
  return { tally, problems };
}

/** What is wrong with one participant's votes, in words; empty when nothing is. */
function ballotFaults(
  participant: string,
  ballot: readonly DotVote[],
  known: ReadonlySet<string>,
  onWall: ReadonlySet<string>,
  options: DotOptions,
): string[] {
  if (!known.has(participant)) {
    return [`${participant} is not a participant of this session.`];
  }
  const faults: string[] = [];
  const perItem = new Map<string, number>();
  let total = 0;
  for (const vote of ballot) {
    if (!isCount(vote.dots)) {
      faults.push(
        `${participant} put ${vote.dots} dots on "${vote.itemId}": dots are whole numbers, 0 or more.`,
      );
      continue;
    }
    if (!onWall.has(vote.itemId)) {
      faults.push(
        `${participant} voted for "${vote.itemId}", which is not an item of this session.`,
      );
      continue;
    }
    perItem.set(vote.itemId, (perItem.get(vote.itemId) ?? 0) + vote.dots);
    total += vote.dots;
  }
  for (const [itemId, count] of perItem) {
    if (count > options.maxPerItem) {
      faults.push(
        `${participant} put ${count} dots on "${itemId}"; at most ${options.maxPerItem} may go on one item.`,
      );
    }
  }
  if (total > options.dotsPerPerson) {
    faults.push(`${participant} placed ${total} dots but has only ${options.dotsPerPerson}.`);
  }
  return faults;
}

/** A whole number, 0 or more. */
function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
