/** The number format preference: kept like the name, read defensively, followed by the screens. */
import { afterEach, describe, expect, it } from 'vitest';
import { displayLocale, formatMoney, formatNumber } from '../../../renderer/format';
import {
  chosenLocale,
  parsePreferences,
  PREFERENCES_STORAGE_KEY,
  setChosenLocale,
} from '../../../renderer/state/preferences';

afterEach(() => {
  setChosenLocale('');
  localStorage.clear();
});

describe('the stored preferences', () => {
  it.each([
    [null, {}],
    ['not json', {}],
    ['[]', {}],
    ['{"locale": 42}', {}],
    ['{"locale": "xx-not a locale"}', {}],
    ['{"__proto__": {"locale": "de-DE"}}', {}],
    ['{"locale": "fr-FR"}', { locale: 'fr-FR' }],
  ])('%s reads as %j', (text, expected) => {
    expect(parsePreferences(text)).toEqual(expected);
  });

  it('keeps the choice in local storage, and the screens format in it', () => {
    expect(setChosenLocale('fr-FR')).toBe(true);
    expect(JSON.parse(localStorage.getItem(PREFERENCES_STORAGE_KEY) ?? 'null')).toEqual({
      locale: 'fr-FR',
    });
    expect(chosenLocale()).toBe('fr-FR');
    expect(displayLocale()).toBe('fr-FR');
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
    expect(formatMoney(12_500, 'EUR', false)).toBe('12\u202f500\u00a0€');
  });

  it('ignores a locale this browser does not know, and "" goes back to the browser’s', () => {
    setChosenLocale('de-DE');
    setChosenLocale('zz-invalid-tag!');
    expect(chosenLocale()).toBe('');
    expect(localStorage.getItem(PREFERENCES_STORAGE_KEY)).toBeNull();
    expect(displayLocale()).toBe(new Intl.NumberFormat().resolvedOptions().locale);
  });
});
