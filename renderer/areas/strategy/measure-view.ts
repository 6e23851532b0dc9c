/** How the Strategy area words and draws a measure's figures and progress. */
import type { MeasureStatus } from '../../../shared/strategy/measure-progress';
import { displayLocale, formatNumber } from '../../format';

export const MEASURE_STATUS_LABELS: Readonly<Record<MeasureStatus, string>> = {
  'on-track': 'On track',
  behind: 'Behind',
  achieved: 'Achieved',
  'no-data': 'No data',
};

/** The width of a progress bar's fill: the share of the way to the target, 0 to 100 %. */
export function progressWidth(progress: number | undefined): string {
  const share = progress === undefined || !Number.isFinite(progress) ? 0 : progress;
  return `${Math.round(Math.min(Math.max(share, 0), 1) * 100)}%`;
}

/** A measure figure with its unit and up to `digits` decimals: "44,200,000 EUR", "89.1 %". */
export function formatFigure(value: number, unit: string | undefined, digits = 2): string {
  const number = formatNumber(value, digits);
  if (!unit) return number;
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}

/** A share as a whole percentage, for progress: "45 %". */
export function formatShare(share: number): string {
  return `${formatNumber(Math.round(share * 100), 0)} %`;
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The day format of the locale chosen in Settings (made once per locale). */
function dateFormat(): Intl.DateTimeFormat {
  const locale = displayLocale();
  let format = DATE_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    DATE_FORMATS.set(locale, format);
  }
  return format;
}

/** A YYYY-MM-DD date as people read it: "30 Sep 2026". */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat().format(parsed);
}
