/**
 * The geometry of the spread chart, without React: where a score lies on its criterion's scale,
 * the scale's tick marks, the participants' initials, and how equal scores sit side by side.
 */
import { scaleLinear } from 'd3';
import type { Scale } from '../../shared/strategy/scoring';
import type { ParticipantScore } from '../../shared/workshop/statistics';
import { formatNumber } from '../format';

export type ScaleTick = { readonly value: number; readonly x: number; readonly label: string };

export type ScalePlacement = {
  /** Where a score lies, from x0 to x1. A set's value between two allowed ones lies between. */
  readonly x: (score: number) => number;
  readonly ticks: readonly ScaleTick[];
};

/** A tick label: compact for large numbers (RICE's reach reaches a billion). */
function tickLabel(value: number): string {
  if (Math.abs(value) < 10_000) return formatNumber(value, 2);
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

/**
 * A criterion's scale laid from `x0` to `x1`. A range is linear from its min to its max, with a
 * tick at each whole number when it spans ten or fewer, else about five round ticks. A set's
 * values are evenly spaced in ascending order (the spread is measured in positions, so the
 * modified Fibonacci's 13 and 20 are one step apart, as 1 and 2 are), each with a tick.
 */
export function placeScale(scale: Scale, x0: number, x1: number): ScalePlacement {
  if (scale.kind === 'range') {
    const linear = scaleLinear().domain([scale.min, scale.max]).range([x0, x1]).clamp(true);
    const span = scale.max - scale.min;
    const values =
      span > 0 && span <= 10 && Number.isInteger(scale.min) && Number.isInteger(scale.max)
        ? Array.from({ length: span + 1 }, (_, index) => scale.min + index)
        : linear.ticks(5);
    return {
      x: (score) => linear(score),
      ticks: values.map((value) => ({ value, x: linear(value), label: tickLabel(value) })),
    };
  }
  const values = [...new Set(scale.values)].sort((a, b) => a - b);
  const step = values.length > 1 ? (x1 - x0) / (values.length - 1) : 0;
  const at = (rank: number) => (values.length > 1 ? x0 + rank * step : (x0 + x1) / 2);
  const x = (score: number) => {
    const exact = values.indexOf(score);
    if (exact >= 0) return at(exact);
    const above = values.findIndex((value) => value > score);
    if (above <= 0) return above === 0 ? at(0) : at(values.length - 1);
    const low = values[above - 1] as number;
    const high = values[above] as number;
    return at(above - 1 + (score - low) / (high - low));
  };
  return {
    x,
    ticks: values.map((value, rank) => ({ value, x: at(rank), label: tickLabel(value) })),
  };
}

/**
 * A short mark for each participant, unique among `names`: the initial ("P"); the first two
 * letters for people who share an initial ("Sa", "Se"); numbered when those are shared too.
 */
export function participantMarks(names: readonly string[]): ReadonlyMap<string, string> {
  const unique = [...new Set(names)];
  const start = (name: string, length: number) => {
    const letters = [...name.trim()].slice(0, length).join('');
    return letters === ''
      ? '?'
      : letters.charAt(0).toLocaleUpperCase() + letters.slice(1).toLocaleLowerCase();
  };
  const marks = new Map<string, string>();
  const taken = new Map<string, number>();
  for (const name of unique) {
    const initial = start(name, 1);
    const shared = unique.some((other) => other !== name && start(other, 1) === initial);
    const mark = shared ? start(name, 2) : initial;
    const count = (taken.get(mark) ?? 0) + 1;
    taken.set(mark, count);
    marks.set(name, count === 1 ? mark : `${mark}${count}`);
  }
  return marks;
}

/** A score with its place among the scores equal to it, so that equal dots sit side by side. */
export type PlacedScore = ParticipantScore & { readonly slot: number; readonly of: number };

/** `scores` with, for each, its slot among the equal ones (0 first) and how many are equal. */
export function slotScores(scores: readonly ParticipantScore[]): readonly PlacedScore[] {
  const counts = new Map<number, number>();
  for (const entry of scores) counts.set(entry.score, (counts.get(entry.score) ?? 0) + 1);
  const used = new Map<number, number>();
  return scores.map((entry) => {
    const slot = used.get(entry.score) ?? 0;
    used.set(entry.score, slot + 1);
    return { ...entry, slot, of: counts.get(entry.score) ?? 1 };
  });
}

/**
 * Agreement as a whole percentage. 100 % only when everyone gave the same score: agreement short
 * of 1 is never rounded up to it.
 */
export function agreementLabel(agreement: number): string {
  const percent = agreement >= 1 ? 100 : Math.min(99, Math.round(agreement * 100));
  return `${percent}%`;
}
