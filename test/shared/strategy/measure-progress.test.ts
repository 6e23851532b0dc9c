import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../shared/portfolio/types';
import { BEHIND_TOLERANCE, measureProgress } from '../../../shared/strategy/measure-progress';

// The line runs 100 days: 2026-01-01 (first reading) to 2026-04-11 (target date). On 2026-02-20,
// day 50 (31 days of January + 19), half the time has passed.
const START = '2026-01-01';
const TARGET_DATE = '2026-04-11';
const HALFWAY = '2026-02-20';

/** Revenue from 100 to 200: a rising target. */
function rising(latest: number, extra: Partial<Measure> = {}): Measure {
  return {
    id: 'revenue',
    name: 'Revenue',
    unit: 'k€',
    baseline: 100,
    target: 200,
    targetDate: TARGET_DATE,
    // Listed newest first: the latest is found by date, not by place in the list.
    actuals: [
      { date: '2026-02-10', value: latest },
      { date: START, value: 100 },
    ],
    ...extra,
  };
}

/** Cost from 1000 down to 800: a falling target. */
function falling(latest: number): Measure {
  return {
    id: 'cost',
    name: 'Run cost',
    baseline: 1000,
    target: 800,
    targetDate: TARGET_DATE,
    actuals: [
      { date: START, value: 1000 },
      { date: '2026-02-10', value: latest },
    ],
  };
}

describe('measureProgress', () => {
  it('reads a rising target against a straight line from the first reading to the target date', () => {
    const result = measureProgress(rising(148), HALFWAY);
    expect(result.latest).toEqual({ date: '2026-02-10', value: 148 });
    expect(result.progress).toBeCloseTo(0.48, 12);
    expect(result.expectedProgress).toBeCloseTo(0.5, 12);
    expect(result.expected).toBeCloseTo(150, 12);
    // 0.48 trails the line's 0.50 by 2 points, within the 5-point tolerance.
    expect(BEHIND_TOLERANCE).toBe(0.05);
    expect(result.status).toBe('on-track');
  });

  it('calls a rising measure behind once it trails the line by more than the tolerance', () => {
    const result = measureProgress(rising(144), HALFWAY);
    expect(result.progress).toBeCloseTo(0.44, 12);
    expect(result.status).toBe('behind');
  });

  it('reads a falling target (a cost cut) the same way', () => {
    // 1000 → 905 is 95 of the 200 to cut: 0.475 of the way, the line expects 900 (0.5).
    const close = measureProgress(falling(905), HALFWAY);
    expect(close.progress).toBeCloseTo(0.475, 12);
    expect(close.expected).toBeCloseTo(900, 12);
    expect(close.status).toBe('on-track');
    // 1000 → 920 is 0.4 of the way: more than 5 points short of 0.5.
    const short = measureProgress(falling(920), HALFWAY);
    expect(short.progress).toBeCloseTo(0.4, 12);
    expect(short.status).toBe('behind');
    // Cost went up: negative progress.
    const wrongWay = measureProgress(falling(1050), HALFWAY);
    expect(wrongWay.progress).toBeCloseTo(-0.25, 12);
    expect(wrongWay.status).toBe('behind');
  });

  it('calls a measure achieved once it reaches its target, early or not, either direction', () => {
    expect(measureProgress(rising(200), HALFWAY)).toMatchObject({
      progress: 1,
      status: 'achieved',
    });
    const beyond = measureProgress(rising(210), HALFWAY);
    expect(beyond.progress).toBeCloseTo(1.1, 12);
    expect(beyond.status).toBe('achieved');
    const cut = measureProgress(falling(790), HALFWAY);
    expect(cut.progress).toBeCloseTo(1.05, 12);
    expect(cut.status).toBe('achieved');
  });

  it('past the target date expects the target and calls anything short of it behind', () => {
    const missed = measureProgress(rising(199), '2026-05-01');
    expect(missed.expected).toBe(200);
    expect(missed.expectedProgress).toBe(1);
    // 0.99 is within the tolerance of the line, but the date has passed: missed is missed.
    expect(missed.status).toBe('behind');
    // On the target date itself the tolerance still applies.
    expect(measureProgress(rising(199), TARGET_DATE).status).toBe('on-track');
    expect(measureProgress(rising(200), '2026-05-01').status).toBe('achieved');
  });

  it('expects the baseline on the day of the first reading', () => {
    const result = measureProgress(rising(100, { actuals: [{ date: START, value: 100 }] }), START);
    expect(result).toMatchObject({ expected: 100, expectedProgress: 0, progress: 0 });
    expect(result.status).toBe('on-track');
  });

  it('has no data without actuals or without a target', () => {
    expect(measureProgress(rising(0, { actuals: [] }), HALFWAY)).toEqual({ status: 'no-data' });
    expect(measureProgress(rising(0, { actuals: undefined }), HALFWAY)).toEqual({
      status: 'no-data',
    });
    const noTarget = measureProgress(rising(150, { target: undefined }), HALFWAY);
    expect(noTarget.status).toBe('no-data');
    expect(noTarget.latest?.value).toBe(150);
    expect(noTarget.progress).toBeUndefined();
    expect(noTarget.expected).toBeUndefined();
  });

  it('has no progress when baseline and target are equal: there is nothing to move toward', () => {
    const result = measureProgress(rising(120, { baseline: 200 }), HALFWAY);
    expect(result.latest?.value).toBe(120);
    expect(result.progress).toBeUndefined();
    expect(result.status).toBe('no-data');
  });

  it('has progress but no line without a target date', () => {
    const result = measureProgress(rising(150, { targetDate: undefined }), HALFWAY);
    expect(result.progress).toBeCloseTo(0.5, 12);
    expect(result.expected).toBeUndefined();
    expect(result.status).toBe('no-data');
    expect(measureProgress(rising(200, { targetDate: undefined }), HALFWAY).status).toBe(
      'achieved',
    );
  });

  it('ignores readings dated after today, and takes the last listed of one date', () => {
    const measure = rising(0, {
      actuals: [
        { date: '2026-02-15', value: 130 },
        { date: '2026-02-15', value: 140 },
        { date: START, value: 100 },
        { date: '2026-03-01', value: 190 },
      ],
    });
    const asOfHalfway = measureProgress(measure, HALFWAY);
    expect(asOfHalfway.latest).toEqual({ date: '2026-02-15', value: 140 });
    expect(asOfHalfway.status).toBe('behind');
    expect(measureProgress(measure, '2026-03-01').latest?.value).toBe(190);
    // Before any reading there is nothing to report.
    expect(measureProgress(measure, '2025-12-31')).toEqual({ status: 'no-data' });
  });

  it('skips readings with a date that is not a calendar date', () => {
    const measure = rising(0, {
      actuals: [
        { date: START, value: 100 },
        { date: '2026-02-30', value: 999 },
        { date: 'soon', value: 999 },
        { date: '2026-02-10', value: 148 },
      ],
    });
    expect(measureProgress(measure, HALFWAY).latest?.value).toBe(148);
  });
});
