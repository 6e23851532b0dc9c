import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNumberText,
  numberSeparators,
  parseNumberText,
} from '../../../renderer/components/number-text';

describe('the separators of a locale', () => {
  it('come from Intl', () => {
    expect(numberSeparators('en-US')).toEqual({ decimal: '.', group: ',' });
    expect(numberSeparators('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(numberSeparators('fr-FR').decimal).toBe(',');
    expect(numberSeparators('fr-FR').group).toMatch(/\s/);
  });
});

describe('parsing a typed number', () => {
  it.each([
    ['9,5', 9.5],
    ['9.5', 9.5],
    ['1.234', 1234],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1 234,5', 1234.5],
    [',5', 0.5],
    ['-2,25', -2.25],
    ['−3', -3],
    ['1,234.5', 1234.5],
    ['1e3', 1000],
  ])('reads "%s" as %d in German', (text, value) => {
    expect(parseNumberText(text, 'de-DE')).toBe(value);
  });

  it.each([
    ['9.5', 9.5],
    ['1,234', 1234],
    ['1,350,000', 1350000],
    ['1,234.5', 1234.5],
    ['1 500 000', 1500000],
    ['.5', 0.5],
    ['12', 12],
  ])('reads "%s" as %d in English', (text, value) => {
    expect(parseNumberText(text, 'en-US')).toBe(value);
  });

  it('reads a French number with its narrow space groups', () => {
    expect(parseNumberText('1\u202f234,5', 'fr-FR')).toBe(1234.5);
    expect(parseNumberText('9,5', 'fr-FR')).toBe(9.5);
  });

  it.each(['abc', '1,2,3', '1.23.4', '1.234,5.6', '--1', '1,,5', '.', ',', '1-2', '12a'])(
    'refuses "%s"',
    (text) => {
      expect(parseNumberText(text, 'de-DE')).toBe('invalid');
      expect(parseNumberText(text, 'en-US')).toBe('invalid');
    },
  );

  it('says when nothing was typed', () => {
    expect(parseNumberText('  ', 'de-DE')).toBe('empty');
  });

  it('reads back every number as a field shows it, in any of these locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'de-CH'),
        fc
          .double({ min: -1e9, max: 1e9, noNaN: true })
          .map((value) => Math.round(value * 1e4) / 1e4 || 0),
        (locale, value) => {
          expect(parseNumberText(formatNumberText(value, locale), locale)).toBe(
            value === 0 ? 0 : value,
          );
        },
      ),
    );
  });
});

describe('showing a number', () => {
  it('uses the locale decimal separator and groups large amounts', () => {
    expect(formatNumberText(9.5, 'de-DE')).toBe('9,5');
    expect(formatNumberText(9.5, 'en-US')).toBe('9.5');
    expect(formatNumberText(1350000, 'en-US')).toBe('1,350,000');
    expect(formatNumberText(1350000, 'de-DE')).toBe('1.350.000');
    expect(formatNumberText(1234, 'de-DE')).toBe('1234');
    expect(formatNumberText(undefined, 'de-DE')).toBe('');
  });
});

describe('minus zero', () => {
  it('reads "-0" as 0, never as a negative zero shown back as "-0"', () => {
    expect(Object.is(parseNumberText('-0', 'en-US'), 0)).toBe(true);
    expect(Object.is(parseNumberText('-0,0', 'de-DE'), 0)).toBe(true);
  });
});
