/**
 * Budget accuracy by earned value (EVM), per initiative and for the portfolio, as of a date.
 *
 * - The committed plan is the one of the period the date falls in (the latest snapshot taken on
 *   or before that period's start; none: the current plan).
 * - Counted: the initiatives above that plan's line, and any other with spend or progress
 *   reported by then.
 * - BAC (budget at completion) = Σ its planned spend (in the plan; the current portfolio's for
 *   work the plan does not hold).
 * - PV = BAC × the share of its scope the plan has done by the date (its scheduled periods count
 *   evenly, each by the share of its days passed); 0 for work the plan does not schedule.
 * - EV = its latest reported progress × BAC. AC = Σ its actual spend reported by then.
 * - CPI = EV ÷ AC, SPI = EV ÷ PV, EAC = BAC ÷ CPI, CV = EV − AC, SV = EV − PV, each variance also
 *   as a % of BAC. A ratio whose denominator is 0 is left out (not 0), with the reason.
 * - The portfolio's figures are the same formulas over the sums of BAC, PV, EV and AC.
 * - Bands: CPI and SPI 0.95 and above good, 0.85 up to 0.95 watch, below 0.85 poor; cost
 *   variance −5 % of BAC and above good, −15 % up to −5 % watch, below poor.
 */
import { dayText } from '../cadence/agenda';
import { formatMoney } from '../format';
import { totalSpend } from '../portfolio/measures';
import type { Portfolio } from '../portfolio/types';
import {
  baselineAt,
  indexActuals,
  plannedShareBy,
  progressAt,
  type ActualsIndex,
  type Baseline,
  type Baselines,
  type MetricPeriod,
} from './baseline';
import { performanceAction } from './actions';
import { bandOf, COST_VARIANCE_LIMITS, PERFORMANCE_INDEX_LIMITS } from './definitions';
import { baselineOfPoints, ratio, tidy, trendOf } from './trend';
import type {
  DrillRow,
  EarnedValueFigures,
  EarnedValueReport,
  MetricId,
  MetricPoint,
  MetricTrend,
} from './types';

/** CPI, SPI, EAC and the variances from BAC, PV, EV and AC; ratios over 0 are left out, with why. */
export function evmFigures(bac: number, pv: number, ev: number, ac: number): EarnedValueFigures {
  const reasons: Record<string, string> = {};
  // Ratios from the raw sums, tidied only when reported: EAC = BAC ÷ (EV ÷ AC) = BAC × AC ÷ EV.
  const cpi = ratio(ev, ac);
  if (cpi === undefined) reasons.cpi = 'No actual spend is recorded yet, so there is no CPI.';
  const spi = ratio(ev, pv);
  if (spi === undefined)
    reasons.spi = 'Nothing was planned to be done by then, so there is no SPI.';
  const eac = ac > 0 ? ratio(bac * ac, ev) : undefined;
  if (eac === undefined) {
    reasons.eac =
      cpi === undefined
        ? 'Without a CPI there is no estimate at completion.'
        : 'Nothing is earned yet for the money spent, so the cost at completion cannot be estimated.';
  }
  const cv = tidy(ev - ac);
  const sv = tidy(ev - pv);
  const cvPercent = ratio(cv, bac, 100);
  const svPercent = ratio(sv, bac, 100);
  if (bac <= 0) {
    reasons.cvPercent = 'No spend is planned, so the variance has no share of a budget.';
    reasons.svPercent = reasons.cvPercent;
  }
  return {
    bac: tidy(bac),
    pv: tidy(pv),
    ev: tidy(ev),
    ac: tidy(ac),
    ...(cpi !== undefined && { cpi }),
    ...(spi !== undefined && { spi }),
    ...(eac !== undefined && { eac }),
    cv,
    ...(cvPercent !== undefined && { cvPercent }),
    sv,
    ...(svPercent !== undefined && { svPercent }),
    ...(Object.keys(reasons).length > 0 && { reasons }),
  };
}

/**
 * Earned value as of `date` against `baseline`, counting actuals of the periods up to index
 * `lastPeriodIndex` (the period the date falls in). Initiatives worst CPI first (those without
 * a CPI last), then by name.
 */
export function earnedValue(
  portfolio: Portfolio,
  baseline: Baseline,
  date: string,
  lastPeriodIndex: number,
  actuals: ActualsIndex = indexActuals(portfolio),
): EarnedValueReport {
  const plan = baseline.plan;
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  for (const placement of baseline.cutLine.placements) if (placement.above) add(placement.id);
  for (const [id, list] of actuals) {
    if (
      list.some(
        (actual) =>
          actual.index <= lastPeriodIndex &&
          ((actual.spend ?? 0) > 0 || (actual.progress ?? 0) > 0),
      )
    ) {
      add(id);
    }
  }
  const rows: EarnedValueReport['initiatives'][number][] = [];
  let [bacSum, pvSum, evSum, acSum] = [0, 0, 0, 0];
  for (const id of ids) {
    const planned = plan.initiatives.find((candidate) => candidate.id === id);
    const current = portfolio.initiatives.find((candidate) => candidate.id === id);
    const initiative = planned ?? current;
    if (!initiative) continue;
    const bac = totalSpend(initiative);
    const placement = baseline.cutLine.byId.get(id);
    const plannedShare =
      placement?.above === true ? (plannedShareBy(plan, placement, date) ?? 0) : 0;
    const progress = progressAt(actuals, id, lastPeriodIndex);
    const ac = (actuals.get(id) ?? [])
      .filter((actual) => actual.index <= lastPeriodIndex)
      .reduce((sum, actual) => sum + (actual.spend ?? 0), 0);
    if (bac <= 0 && ac <= 0) continue;
    const pv = bac * plannedShare;
    const ev = bac * progress;
    bacSum += bac;
    pvSum += pv;
    evSum += ev;
    acSum += ac;
    rows.push({
      id,
      name: current?.name ?? initiative.name,
      plannedShare: tidy(plannedShare),
      progress,
      ...evmFigures(bac, pv, ev, ac),
    });
  }
  rows.sort(
    (a, b) =>
      Number(a.cpi === undefined) - Number(b.cpi === undefined) ||
      (a.cpi ?? 0) - (b.cpi ?? 0) ||
      a.name.localeCompare(b.name),
  );
  return {
    asOf: date,
    baseline: baseline.source,
    ...(baseline.snapshotId !== undefined && { snapshotId: baseline.snapshotId }),
    portfolio: evmFigures(bacSum, pvSum, evSum, acSum),
    initiatives: rows,
  };
}

type EvmMetric = Extract<MetricId, 'cpi' | 'spi' | 'cost-variance'>;

const VALUE_OF: Readonly<Record<EvmMetric, (figures: EarnedValueFigures) => number | undefined>> = {
  cpi: (figures) => figures.cpi,
  spi: (figures) => figures.spi,
  'cost-variance': (figures) => figures.cvPercent,
};

const REASON_KEY: Readonly<Record<EvmMetric, string>> = {
  cpi: 'cpi',
  spi: 'spi',
  'cost-variance': 'cvPercent',
};

const LIMITS = {
  cpi: PERFORMANCE_INDEX_LIMITS,
  spi: PERFORMANCE_INDEX_LIMITS,
  'cost-variance': COST_VARIANCE_LIMITS,
} as const;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** One initiative's earned value as a drill-down row of metric `id`. */
export function evmRow(
  id: EvmMetric,
  row: EarnedValueReport['initiatives'][number],
  currency: string | undefined,
  asOf: string,
): DrillRow {
  const money = (amount: number) => formatMoney(amount, currency, true, 'en-GB');
  const value = VALUE_OF[id](row);
  const detail =
    id === 'spi'
      ? `Planned ${percent(row.plannedShare)} done by ${dayText(asOf)}, ${percent(row.progress)} done (earned ${money(row.ev)} of ${money(row.pv)} planned).`
      : `Spent ${money(row.ac)} to earn ${money(row.ev)} of a ${money(row.bac)} budget${
          row.eac !== undefined ? `; at this rate it will cost ${money(row.eac)}` : ''
        }.`;
  return {
    subject: { kind: 'initiative', id: row.id, name: row.name },
    ...(value !== undefined && { value }),
    band: bandOf(value, LIMITS[id]),
    detail,
  };
}

/**
 * CPI, SPI and cost variance (% of BAC) per period, each as of the period's end (a running
 * period: the as-of date) against the period's committed plan, and the earned value as of
 * `asOf` that the drill-downs list.
 */
export function evmTrends(
  portfolio: Portfolio,
  baselines: Baselines,
  periods: readonly MetricPeriod[],
  asOf: string,
): {
  readonly report: EarnedValueReport;
  readonly trends: Readonly<Record<EvmMetric, MetricTrend>>;
} {
  const actuals = indexActuals(portfolio);
  const perPeriod = periods.map((period) => {
    const baseline = baselineAt(baselines, period.start);
    return {
      period,
      baseline,
      report: earnedValue(portfolio, baseline, period.upTo, period.index, actuals),
    };
  });
  const last = perPeriod[perPeriod.length - 1];
  const report = last
    ? earnedValue(portfolio, last.baseline, asOf, last.period.index, actuals)
    : earnedValue(portfolio, baselineAt(baselines, asOf), asOf, -1, actuals);
  const trendFor = (id: EvmMetric): MetricTrend => {
    const points: MetricPoint[] = perPeriod.map(({ period, baseline, report: figures }) => {
      const value = VALUE_OF[id](figures.portfolio);
      return {
        key: period.period.id,
        label: period.period.label,
        date: period.upTo,
        ...(value !== undefined
          ? { value }
          : {
              reason:
                figures.portfolio.reasons?.[REASON_KEY[id]] ?? 'Nothing to measure in this period.',
            }),
        band: bandOf(value, LIMITS[id]),
        baseline: baseline.source,
        ...(baseline.snapshotId !== undefined && { snapshotId: baseline.snapshotId }),
        ...(period.inProgress && { detail: `In progress: counted up to ${dayText(period.upTo)}.` }),
      };
    });
    const rows = [...report.initiatives].sort((a, b) => {
      const [x, y] = [VALUE_OF[id](a), VALUE_OF[id](b)];
      return (
        Number(x === undefined) - Number(y === undefined) ||
        (x ?? 0) - (y ?? 0) ||
        a.name.localeCompare(b.name)
      );
    });
    const drill = rows.map((row) => evmRow(id, row, portfolio.currency, report.asOf));
    const latest = [...points].reverse().find((point) => point.value !== undefined);
    const action =
      latest && (latest.band === 'watch' || latest.band === 'poor')
        ? performanceAction(id, latest, rows, portfolio.currency)
        : undefined;
    const baseline = baselineOfPoints(points);
    return trendOf(id, points, drill, {
      ...(action !== undefined && { action }),
      ...(baseline !== undefined && { baseline }),
    });
  };
  return {
    report,
    trends: {
      cpi: trendFor('cpi'),
      spi: trendFor('spi'),
      'cost-variance': trendFor('cost-variance'),
    },
  };
}
