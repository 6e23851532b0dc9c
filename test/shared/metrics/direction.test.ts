import { describe, expect, it } from 'vitest';
import { directionOf } from '../../../shared/metrics/trend';

describe('directionOf for metrics best inside a range', () => {
  it('calls a move into a worse band worse, even when it lands nearer the good range', () => {
    // Utilization 65 % (under-used, watch) → 101 % (over capacity, poor): up, and worse.
    expect(directionOf('utilization', 65, 101)).toEqual({ change: 'up', better: false });
    // Predictability 75 % (low, poor) → 105 % (committed too little, watch): up, and better.
    expect(directionOf('predictability', 75, 105)).toEqual({ change: 'up', better: true });
    // Within one band, nearer the good range is still better.
    expect(directionOf('utilization', 120, 105)).toEqual({ change: 'down', better: true });
  });

  it('calls a move that stays inside the good range neither better nor worse', () => {
    // Predictability 100 % → 80.5 %: down, still predictable.
    expect(directionOf('predictability', 100, 80.5)).toEqual({
      change: 'down',
      better: false,
      inRange: true,
    });
    // Utilization 71 % → 99 %: up, still healthy.
    expect(directionOf('utilization', 71, 99)).toEqual({
      change: 'up',
      better: false,
      inRange: true,
    });
  });
});
