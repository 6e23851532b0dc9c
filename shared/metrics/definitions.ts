/**
 * Each metric's definition: its unit, which way is better, its formula and what counts in a
 * sentence or two, and its bands (in words and as numbers). The README's "Metrics" section says
 * the same; `bandOf` turns a value into its band.
 */
import {
  METRIC_IDS,
  METRIC_NAMES,
  type Band,
  type MetricDefinition,
  type MetricId,
  type MetricLimits,
} from './types';

/** Predictability: 80–100 % predictable; below low; above, the period committed too little. */
export const PREDICTABILITY_LIMITS: MetricLimits = { goodMin: 80, goodMax: 100, watchMin: 80 };
/** CPI and SPI: 0.95 and above good, 0.85 up to 0.95 watch, below 0.85 poor. */
export const PERFORMANCE_INDEX_LIMITS: MetricLimits = { goodMin: 0.95, watchMin: 0.85 };
/** Cost variance as a % of BAC: −5 % and above good, −15 % up to −5 % watch, below poor. */
export const COST_VARIANCE_LIMITS: MetricLimits = { goodMin: -5, watchMin: -15 };
/** Benefit realization: 90 % and above good, 70 % up to 90 % watch, below 70 % poor. */
export const BENEFIT_LIMITS: MetricLimits = { goodMin: 90, watchMin: 70 };
/** Alignment score: 70 and above good, 50 up to 70 watch, below 50 poor. */
export const ALIGNMENT_LIMITS: MetricLimits = { goodMin: 70, watchMin: 50 };
/** Utilization: 70–100 % healthy; below 70 % under (watch); above 100 % over (poor). */
export const UTILIZATION_LIMITS: MetricLimits = {
  goodMin: 70,
  goodMax: 100,
  watchMin: 0,
  watchMax: 100,
};
/** Intake approval rate: 30–80 % good, anything else watch (the gate filters too little or too much). */
export const INTAKE_APPROVAL_LIMITS: MetricLimits = {
  goodMin: 30,
  goodMax: 80,
  watchMin: 0,
  watchMax: 100,
};

/** Every metric's definition, in dashboard order. */
export const METRIC_DEFINITIONS: Readonly<Record<MetricId, MetricDefinition>> = {
  predictability: {
    id: 'predictability',
    name: METRIC_NAMES.predictability,
    unit: '%',
    better: 'in-range',
    definition:
      'Delivered against committed, per period: Σ actual value ÷ Σ planned value × 100 over the initiatives the committed plan (the snapshot taken at or before the period’s start) scheduled in the period. Planned value = value × the share of its scope planned in the period; actual value = value × the progress it made in the period.',
    bandsText:
      '80–100 % predictable; below 80 % low; over 100 % means the period committed too little.',
    limits: PREDICTABILITY_LIMITS,
  },
  cpi: {
    id: 'cpi',
    name: METRIC_NAMES.cpi,
    unit: 'ratio',
    better: 'higher',
    definition:
      'Earned value ÷ actual cost (CPI = EV ÷ AC) as of the end of each period, over the initiatives in the committed plan or with actuals; EV = latest progress × budget at completion (Σ planned spend).',
    bandsText: '0.95 and above good; 0.85 up to 0.95 watch; below 0.85 poor.',
    limits: PERFORMANCE_INDEX_LIMITS,
  },
  spi: {
    id: 'spi',
    name: METRIC_NAMES.spi,
    unit: 'ratio',
    better: 'higher',
    definition:
      'Earned value ÷ planned value (SPI = EV ÷ PV) as of the end of each period; PV = budget at completion × the share of the work the committed plan had done by then.',
    bandsText: '0.95 and above good; 0.85 up to 0.95 watch; below 0.85 poor.',
    limits: PERFORMANCE_INDEX_LIMITS,
  },
  'cost-variance': {
    id: 'cost-variance',
    name: METRIC_NAMES['cost-variance'],
    unit: '%',
    better: 'higher',
    definition:
      'Cost variance as a share of the budget at completion: (EV − AC) ÷ BAC × 100, as of the end of each period. Negative: more spent than the work done is worth.',
    bandsText: '−5 % and above good; −15 % up to −5 % watch; below −15 % poor.',
    limits: COST_VARIANCE_LIMITS,
  },
  'benefit-measures': {
    id: 'benefit-measures',
    name: METRIC_NAMES['benefit-measures'],
    unit: '%',
    better: 'higher',
    definition:
      'How far the success measures have come against the straight line from baseline to target: Σ progress ÷ Σ expected progress × 100 as of the end of each period, over the measures with a baseline, a target, a target date and a reading (progress counted from 0 to 1).',
    bandsText: '90 % and above good; 70 % up to 90 % watch; below 70 % poor.',
    limits: BENEFIT_LIMITS,
  },
  'benefit-realized': {
    id: 'benefit-realized',
    name: METRIC_NAMES['benefit-realized'],
    unit: '%',
    better: 'higher',
    definition:
      'Benefit realized against benefit expected, over the initiatives delivered by the end of each period that state an expected benefit: Σ benefit realized to date ÷ Σ expected benefit × 100.',
    bandsText: '90 % and above good; 70 % up to 90 % watch; below 70 % poor.',
    limits: BENEFIT_LIMITS,
  },
  alignment: {
    id: 'alignment',
    name: METRIC_NAMES.alignment,
    unit: '%',
    better: 'higher',
    definition:
      'The Strategy area’s alignment score (0–100) of the funded plan at each snapshot and now: the share of funded spend that serves an objective, times how closely its split matches the objectives’ weights.',
    bandsText: '70 and above good; 50 up to 70 watch; below 50 poor.',
    limits: ALIGNMENT_LIMITS,
  },
  utilization: {
    id: 'utilization',
    name: METRIC_NAMES.utilization,
    unit: '%',
    better: 'in-range',
    definition:
      'Actual effort ÷ capacity × 100 per period, over all teams (per team in the table beside the planned demand of the committed plan ÷ capacity).',
    bandsText: '70–100 % healthy; below 70 % under-used; over 100 % over capacity.',
    limits: UTILIZATION_LIMITS,
  },
  throughput: {
    id: 'throughput',
    name: METRIC_NAMES.throughput,
    unit: 'count',
    better: 'higher',
    definition:
      'Initiatives finished per period: those whose reported progress first reached 100 % in the period. An initiative marked done without such a report is not counted.',
    bandsText: 'No bands: read it as a trend.',
  },
  'intake-approval': {
    id: 'intake-approval',
    name: METRIC_NAMES['intake-approval'],
    unit: '%',
    better: 'in-range',
    definition:
      'Of the proposals decided in each period and now approved or rejected, the share approved (approved ÷ (approved + rejected) × 100).',
    bandsText:
      '30–80 % good; below 30 % too much reaches the gate; above 80 % the gate hardly filters.',
    limits: INTAKE_APPROVAL_LIMITS,
  },
};

/** The definitions in dashboard order. */
export function metricDefinitions(): readonly MetricDefinition[] {
  return METRIC_IDS.map((id) => METRIC_DEFINITIONS[id]);
}

/**
 * The band of `value` against `limits` (inclusive): good within goodMin..goodMax, else watch
 * within watchMin..watchMax, else poor. `none` without a value or without limits.
 */
export function bandOf(value: number | undefined, limits: MetricLimits | undefined): Band {
  if (value === undefined || !Number.isFinite(value) || limits === undefined) return 'none';
  const within = (min: number | undefined, max: number | undefined) =>
    (min === undefined || value >= min) && (max === undefined || value <= max);
  if (within(limits.goodMin, limits.goodMax)) return 'good';
  if (
    (limits.watchMin !== undefined || limits.watchMax !== undefined) &&
    within(limits.watchMin, limits.watchMax)
  ) {
    return 'watch';
  }
  return 'poor';
}

/** The band of a value of metric `id`. */
export function metricBand(id: MetricId, value: number | undefined): Band {
  return bandOf(value, METRIC_DEFINITIONS[id].limits);
}
