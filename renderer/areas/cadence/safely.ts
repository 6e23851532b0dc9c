/**
 * What `compute` answers, or `fallback` when it throws: the calendar, the review and the series
 * editor draw what the data allows and never fall over on one odd record (a file's rule the
 * domain refuses, a snapshot that does not open).
 */
export function safely<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}
