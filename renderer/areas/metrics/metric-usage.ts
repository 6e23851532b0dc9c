/**
 * Which metrics were opened, and when: metric id → the ISO date it was last opened in Metrics →
 * Trends, kept in this browser's storage (`baton.metric-usage`). The self-review's "candidates to
 * retire" reads it: a metric nobody opened since the last review may not be worth keeping.
 */

export const METRIC_USAGE_KEY = 'baton.metric-usage';

/** The recorded usage; empty when nothing is recorded or the storage cannot be read. */
export function readMetricUsage(): Readonly<Record<string, string>> {
  try {
    const text = window.localStorage.getItem(METRIC_USAGE_KEY);
    if (!text) return {};
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

/** Records that metric `id` was opened on `day` (YYYY-MM-DD). A storage that refuses is ignored. */
export function recordMetricUse(id: string, day: string): void {
  try {
    const usage = readMetricUsage();
    if (usage[id] === day) return;
    window.localStorage.setItem(METRIC_USAGE_KEY, JSON.stringify({ ...usage, [id]: day }));
  } catch {
    // Private browsing or a full storage: the retire list then treats the metric as unopened.
  }
}
