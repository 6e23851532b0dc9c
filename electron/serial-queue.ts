/**
 * One-at-a-time work: each task starts when the one handed over before it has settled, whether it
 * succeeded or failed. A failure is its own caller's to hear; it never stops the tasks after it.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}
