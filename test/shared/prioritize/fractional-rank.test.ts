import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRank, rankBetween, ranksBetween } from '../../../shared/prioritize/fractional-rank';

const sorted = (ranks: readonly string[]) =>
  [...ranks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('fractional ranks', () => {
  it('puts a rank between two neighbours, at either end, and in an empty stack', () => {
    expect(rankBetween(null, null)).toBe('V');
    const low = rankBetween(null, 'V');
    const high = rankBetween('V', null);
    expect(low < 'V' && 'V' < high).toBe(true);
    const middle = rankBetween('V', 'W');
    expect('V' < middle && middle < 'W').toBe(true);
  });

  it('refuses neighbours in the wrong order', () => {
    expect(() => rankBetween('W', 'V')).toThrow('is not below');
    expect(() => rankBetween('V', 'V')).toThrow('is not below');
  });

  it('spreads a thousand ranks in order with at most two digits', () => {
    const ranks = ranksBetween(null, null, 1000);
    expect(ranks).toHaveLength(1000);
    expect(sorted(ranks)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(1000);
    expect(Math.max(...ranks.map((rank) => rank.length))).toBeLessThanOrEqual(2);
    expect(ranks.every(isRank)).toBe(true);
  });

  it('always finds room, whatever sequence of moves a room of people makes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 200 }),
        (size, moves) => {
          const stack = ranksBetween(null, null, size);
          for (const [from, to] of moves) {
            const source = from % stack.length;
            stack.splice(source, 1);
            const target = to % (stack.length + 1);
            const fresh = rankBetween(stack[target - 1] ?? null, stack[target] ?? null);
            stack.splice(target, 0, fresh);
            expect(isRank(fresh)).toBe(true);
          }
          expect(sorted(stack)).toEqual(stack);
          expect(new Set(stack).size).toBe(stack.length);
        },
      ),
    );
  });

  it('keeps ranks short when cards are pushed to the top again and again', () => {
    let top = 'V';
    for (let index = 0; index < 500; index += 1) top = rankBetween(null, top);
    expect(top.length).toBeLessThan(100);
    expect(isRank(top)).toBe(true);
  });
});
