/** Dot voting's tally, worked by hand, its checks, and that it counts every valid dot once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyDots, type DotOptions, type DotVote } from '../../../shared/workshop/dots';

const vote = (participant: string, itemId: string, dots = 1): DotVote => ({
  participant,
  itemId,
  dots,
});

const PLAIN: DotOptions = {
  participants: ['Ann', 'Bob', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus'],
  items: ['A', 'B', 'C', 'D'],
  dotsPerPerson: 3,
  weighted: false,
  maxPerItem: 3,
};
const WEIGHTED: DotOptions = { ...PLAIN, weighted: true, maxPerItem: 1 };

describe('tallyDots, by hand', () => {
  it('one participant: a point a dot, every item listed', () => {
    const result = tallyDots([vote('Ann', 'C', 2), vote('Ann', 'A')], PLAIN);
    expect(result.problems).toEqual([]);
    expect(result.tally).toEqual([
      { itemId: 'C', points: 2, dots: 2, voters: 1 },
      { itemId: 'A', points: 1, dots: 1, voters: 1 },
      { itemId: 'B', points: 0, dots: 0, voters: 0 },
      { itemId: 'D', points: 0, dots: 0, voters: 0 },
    ]);
  });

  it('two participants: a tie in points and voters goes by the order of the items', () => {
    const votes = [vote('Ann', 'B'), vote('Bob', 'A')];
    expect(tallyDots(votes, PLAIN).tally.map((row) => row.itemId)).toEqual(['A', 'B', 'C', 'D']);
    const reordered = { ...PLAIN, items: ['D', 'B', 'C', 'A'] };
    expect(tallyDots(votes, reordered).tally.map((row) => row.itemId)).toEqual([
      'B',
      'A',
      'D',
      'C',
    ]);
  });

  it('three participants, weighted 3-2-1', () => {
    const votes = [
      vote('Ann', 'A'),
      vote('Ann', 'B'),
      vote('Ann', 'C'),
      vote('Bob', 'B'),
      vote('Bob', 'A'),
      vote('Bob', 'D'),
      // Cat places only two dots: her first is still worth 3.
      vote('Cat', 'C'),
      vote('Cat', 'B'),
    ];
    const result = tallyDots(votes, WEIGHTED);
    expect(result.problems).toEqual([]);
    expect(result.tally).toEqual([
      { itemId: 'B', points: 2 + 3 + 2, dots: 3, voters: 3 },
      { itemId: 'A', points: 3 + 2, dots: 2, voters: 2 },
      { itemId: 'C', points: 1 + 3, dots: 2, voters: 2 },
      { itemId: 'D', points: 1, dots: 1, voters: 1 },
    ]);
    // Two dots on one item, when allowed, are the first and second: 3 + 2.
    const double = tallyDots([vote('Ann', 'D', 2), vote('Ann', 'A')], {
      ...WEIGHTED,
      maxPerItem: 2,
    });
    expect(double.tally.slice(0, 2)).toEqual([
      { itemId: 'D', points: 5, dots: 2, voters: 1 },
      { itemId: 'A', points: 1, dots: 1, voters: 1 },
    ]);
  });

  it('seven participants: ties by more voters, then by item order', () => {
    const votes = [
      vote('Ann', 'A', 3),
      vote('Bob', 'A'),
      vote('Bob', 'B'),
      vote('Bob', 'C'),
      vote('Cat', 'B', 2),
      vote('Cat', 'C'),
      vote('Dan', 'C', 3),
      vote('Eve', 'B'),
      vote('Eve', 'D', 2),
      vote('Fay', 'D'),
      vote('Gus', 'A'),
      vote('Gus', 'B'),
      vote('Gus', 'D'),
    ];
    expect(tallyDots(votes, PLAIN)).toEqual({
      tally: [
        { itemId: 'B', points: 5, dots: 5, voters: 4 },
        { itemId: 'A', points: 5, dots: 5, voters: 3 },
        { itemId: 'C', points: 5, dots: 5, voters: 3 },
        { itemId: 'D', points: 4, dots: 4, voters: 3 },
      ],
      problems: [],
    });
  });
});

describe('tallyDots, checks', () => {
  it("names each fault and counts none of that person's dots, but everyone else's", () => {
    const votes = [
      vote('Ann', 'A', 2),
      vote('Ann', 'B', 2), // 4 dots of 3
      vote('Bob', 'A', 4), // more than 3 on one item, and more than 3 in all
      vote('Cat', 'B', -1),
      vote('Dan', 'C', 1.5),
      vote('Zoe', 'A'),
      vote('Eve', 'X'),
      vote('Eve', 'A'), // Eve's valid dot does not count either
      vote('Fay', 'D'),
      vote('Gus', 'D', 0), // an empty vote is fine
    ];
    const result = tallyDots(votes, PLAIN);
    expect(result.problems).toEqual([
      { participant: 'Ann', message: 'Ann placed 4 dots but has only 3.' },
      {
        participant: 'Bob',
        message: 'Bob put 4 dots on "A"; at most 3 may go on one item.',
      },
      { participant: 'Bob', message: 'Bob placed 4 dots but has only 3.' },
      {
        participant: 'Cat',
        message: 'Cat put -1 dots on "B": dots are whole numbers, 0 or more.',
      },
      {
        participant: 'Dan',
        message: 'Dan put 1.5 dots on "C": dots are whole numbers, 0 or more.',
      },
      { participant: 'Zoe', message: 'Zoe is not a participant of this session.' },
      {
        participant: 'Eve',
        message: 'Eve voted for "X", which is not an item of this session.',
      },
    ]);
    expect(result.tally).toEqual([
      { itemId: 'D', points: 1, dots: 1, voters: 1 },
      { itemId: 'A', points: 0, dots: 0, voters: 0 },
      { itemId: 'B', points: 0, dots: 0, voters: 0 },
      { itemId: 'C', points: 0, dots: 0, voters: 0 },
    ]);
  });

  it('adds up one person’s dots on an item across votes against the limit', () => {
    const result = tallyDots([vote('Ann', 'A'), vote('Ann', 'A')], { ...PLAIN, maxPerItem: 1 });
    expect(result.problems).toEqual([
      { participant: 'Ann', message: 'Ann put 2 dots on "A"; at most 1 may go on one item.' },
    ]);
  });

  it('counts nothing under settings that make no sense', () => {
    const result = tallyDots([vote('Ann', 'A')], { ...PLAIN, dotsPerPerson: 0, maxPerItem: 1.5 });
    expect(result.problems).toEqual([
      { message: 'Each person needs a whole number of dots, 1 or more, not 0.' },
      { message: 'The most dots on one item must be a whole number, 1 or more, not 1.5.' },
    ]);
    expect(result.tally.every((row) => row.points === 0)).toBe(true);
  });
});

describe('tallyDots, properties', () => {
  const PEOPLE = ['Ann', 'Bob', 'Cat', 'Dan', 'Zoe'];
  const ITEMS = ['A', 'B', 'C', 'X'];
  const options = fc.record({
    participants: fc.constant(PEOPLE.slice(0, 4)),
    items: fc.constant(ITEMS.slice(0, 3)),
    dotsPerPerson: fc.integer({ min: 1, max: 6 }),
    weighted: fc.boolean(),
    maxPerItem: fc.integer({ min: 1, max: 4 }),
  });
  const votes = fc.array(
    fc.record({
      participant: fc.constantFrom(...PEOPLE),
      itemId: fc.constantFrom(...ITEMS),
      dots: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(-1, 0.5)),
    }),
    { maxLength: 20 },
  );

  /** Whether a participant's votes are valid, worked out apart from the code under test. */
  function valid(participant: string, given: readonly DotVote[], settings: DotOptions): boolean {
    if (!settings.participants.includes(participant)) return false;
    const own = given.filter((entry) => entry.participant === participant);
    const wholeOnWall = own.every(
      (entry) =>
        Number.isInteger(entry.dots) && entry.dots >= 0 && settings.items.includes(entry.itemId),
    );
    if (!wholeOnWall) return false;
    const on = (itemId: string) =>
      own.filter((entry) => entry.itemId === itemId).reduce((sum, entry) => sum + entry.dots, 0);
    const total = own.reduce((sum, entry) => sum + entry.dots, 0);
    return (
      total <= settings.dotsPerPerson && settings.items.every((id) => on(id) <= settings.maxPerItem)
    );
  }

  it('points add up to the valid dots (or their weights); each item once, ranked', () => {
    fc.assert(
      fc.property(votes, options, (given, settings) => {
        const result = tallyDots(given, settings);
        const voting = [...new Set(given.map((entry) => entry.participant))];
        const faulty = new Set(result.problems.map((problem) => problem.participant));
        expect(voting.filter((participant) => !valid(participant, given, settings))).toEqual(
          voting.filter((participant) => faulty.has(participant)),
        );
        let expected = 0;
        for (const participant of voting.filter((name) => valid(name, given, settings))) {
          const placed = given
            .filter((entry) => entry.participant === participant)
            .reduce((sum, entry) => sum + entry.dots, 0);
          for (let k = 0; k < placed; k += 1) {
            expected += settings.weighted ? settings.dotsPerPerson - k : 1;
          }
        }
        const points = result.tally.reduce((sum, row) => sum + row.points, 0);
        expect(points).toBe(expected);
        expect(result.tally.map((row) => row.itemId).sort()).toEqual([...settings.items].sort());
        for (let index = 1; index < result.tally.length; index += 1) {
          const [before, after] = [result.tally[index - 1], result.tally[index]];
          if (!before || !after) continue;
          expect(
            before.points > after.points ||
              (before.points === after.points && before.voters >= after.voters),
          ).toBe(true);
        }
      }),
    );
  });
});
