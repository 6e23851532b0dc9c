/** Language and number format: the locale the screens write numbers and dates in. */
import { useId } from 'react';
import { browserLocale, formatDay, formatMoney, formatNumber } from '../../format';
import { OFFERED_LOCALES, setChosenLocale, useChosenLocale } from '../../state/preferences';
import { useAppStore } from '../../state/store';

/** "German (Germany)", in English like the rest of Baton; the tag itself when unknown. */
export function localeName(locale: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** How a locale writes a number, money and a day: "1.234,5 · 12.500 € · 4. Dez. 2026". */
export function localeSample(locale: string, currency = 'EUR'): string {
  return [
    formatNumber(1234.5, 1, locale),
    formatMoney(12_500, currency, false, locale),
    formatDay('2026-12-04', locale),
  ].join(' · ');
}

export function LocaleSection({ currency }: { readonly currency: string | undefined }) {
  const id = useId();
  const chosen = useChosenLocale();
  const notify = useAppStore((state) => state.notify);
  const browser = browserLocale();
  const options = OFFERED_LOCALES.filter((locale) => locale !== browser);
  const shown = chosen || browser;

  return (
    <section className="settings__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Language and number format</h3>
      <div className="field settings__narrow">
        <label htmlFor={`${id}-locale`} className="field__label">
          Numbers and dates
        </label>
        <select
          id={`${id}-locale`}
          value={chosen}
          aria-describedby={`${id}-sample ${id}-hint`}
          onChange={(event) => {
            const locale = event.target.value;
            const kept = setChosenLocale(locale);
            const name = locale ? localeName(locale) : `this browser's, ${localeName(browser)}`;
            notify(
              kept ? 'success' : 'warning',
              kept
                ? `Numbers and dates are now written as in ${name}.`
                : `Numbers and dates are written as in ${name} until this window closes: its storage refused to keep the choice.`,
            );
          }}
        >
          <option value="">As this browser: {localeName(browser)}</option>
          {options.map((locale) => (
            <option key={locale} value={locale}>
              {localeName(locale)}
            </option>
          ))}
        </select>
        <p id={`${id}-sample`} className="settings__sample">
          {localeSample(shown, currency)}
        </p>
        <p id={`${id}-hint`} className="field__hint">
          How every screen writes numbers, money and dates, and reads the numbers you type. Baton’s
          own words stay in English. Kept on this computer, like your name.
        </p>
      </div>
    </section>
  );
}
