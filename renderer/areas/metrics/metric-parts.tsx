/** Small pieces the Metrics area's views share: a band as a coloured word, a change with its arrow. */
import type { Band, MetricTrend } from '../../../shared/metrics/types';
import {
  BAND_WORDS,
  directionArrow,
  directionTone,
  directionWords,
} from '../../charts/trend-chart-model';

/** A band as a word on its colour: "Good", "Watch", "Poor", "No band". */
export function BandBadge({ band }: { readonly band: Band }) {
  return <span className={`metric-band metric-band--${band}`}>{BAND_WORDS[band]}</span>;
}

/** The latest change: "↑ up, better"; nothing when there is no earlier value. */
export function Direction({ direction }: { readonly direction: MetricTrend['direction'] }) {
  const words = directionWords(direction);
  if (!direction || !words) return null;
  const tone = { same: 'flat', better: 'better', worse: 'worse' }[directionTone(direction)];
  return (
    <span className={`metric-direction metric-direction--${tone}`}>
      <span aria-hidden="true">{directionArrow(direction)} </span>
      {words}
    </span>
  );
}
