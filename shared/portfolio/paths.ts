/** Paths into a portfolio file, written as its readers report them: `initiatives[3].demand.platform`. */

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Formats a path of keys and list indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += PLAIN_KEY.test(name) ? `${out ? '.' : ''}${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(top level)';
}

/** Adds an object key to a path: `teams[0].capacity` + `2027-Q1` → `teams[0].capacity["2027-Q1"]`. */
export function keyPath(base: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Sets an own, enumerable property, even one named like `__proto__` or `toString`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
