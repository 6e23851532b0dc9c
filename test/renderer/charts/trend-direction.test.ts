/** How a metric's latest change reads, on screen and in the pack alike. */
import { describe, expect, it } from 'vitest';
import { directionTone, directionWords } from '../../../renderer/charts/trend-chart-model';

describe('a change in a metric', () => {
  it('reads better, worse, or neither when flat or still in its good range', () => {
    expect(directionTone({ change: 'up', better: true })).toBe('better');
    expect(directionTone({ change: 'down', better: false })).toBe('worse');
    expect(directionTone({ change: 'flat', better: false })).toBe('same');
    const inRange = { change: 'down', better: false, inRange: true } as const;
    expect(directionTone(inRange)).toBe('same');
    expect(directionWords(inRange)).toBe('down, still in range');
  });
});
