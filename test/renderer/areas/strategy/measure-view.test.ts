import { afterEach, describe, expect, it } from 'vitest';
import { formatDay } from '../../../../renderer/areas/strategy/measure-view';
import { setDisplayLocale } from '../../../../renderer/format';

describe("a measure's dates", () => {
  afterEach(() => setDisplayLocale(undefined));

  it('follow the number and date format chosen in Settings', () => {
    setDisplayLocale('en-US');
    expect(formatDay('2026-09-30')).toBe('Sep 30, 2026');
    setDisplayLocale('en-GB');
    expect(formatDay('2026-09-30')).toBe('30 Sept 2026');
  });

  it('keep a date they cannot read as it was typed', () => {
    expect(formatDay('someday')).toBe('someday');
  });
});
