import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../electron/serial-queue';

/** A task that waits until `finish` is called, recording when it started and ended. */
function deferred(log: string[], name: string) {
  let finish: (fail?: boolean) => void = () => undefined;
  const task = () => {
    log.push(`${name} start`);
    return new Promise<string>((resolve, reject) => {
      finish = (fail = false) => {
        log.push(`${name} end`);
        if (fail) reject(new Error(`${name} failed`));
        else resolve(name);
      };
    });
  };
  return { task, finish: (fail?: boolean) => finish(fail) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serialQueue', () => {
  it('starts each task only after the one before it settled, and keeps going past a failure', async () => {
    const inTurn = serialQueue();
    const log: string[] = [];
    const a = deferred(log, 'a');
    const b = deferred(log, 'b');
    const c = deferred(log, 'c');
    const first = inTurn(a.task);
    const second = inTurn(b.task);
    const third = inTurn(c.task);
    await settle();
    expect(log).toEqual(['a start']);
    a.finish(true);
    await expect(first).rejects.toThrow('a failed');
    await settle();
    expect(log).toEqual(['a start', 'a end', 'b start']);
    b.finish();
    await expect(second).resolves.toBe('b');
    await settle();
    c.finish();
    await expect(third).resolves.toBe('c');
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });
});
