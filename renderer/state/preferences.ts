/**
 * Preferences of this computer, beside "your name" (state/profile.ts) and kept the same way: in
 * the app's local storage, key `baton:preferences`, JSON `{ "locale": string }`. Today the one
 * preference is the language and number format: the locale the screens write numbers and dates
 * in (Baton's own words stay English). Another window's change is followed through the
 * `storage` event.
 */
import { useSyncExternalStore } from 'react';
import { displayLocale, isSupportedLocale, setDisplayLocale } from '../format';

export const PREFERENCES_STORAGE_KEY = 'baton:preferences';

export type Preferences = {
  /** A BCP 47 tag ("de-DE"); absent: the browser's locale. */
  readonly locale?: string;
};

/** The locales Settings offers, besides the browser's own; each works in every current browser. */
export const OFFERED_LOCALES = [
  'en-US',
  'en-GB',
  'en-IE',
  'en-IN',
  'de-DE',
  'de-CH',
  'fr-FR',
  'fr-CA',
  'nl-NL',
  'es-ES',
  'it-IT',
  'pt-BR',
  'sv-SE',
  'pl-PL',
  'ja-JP',
] as const;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the stored preferences text: anything but JSON of the shape `{ "locale": string }` with a
 * locale this browser knows means "no preference".
 */
export function parsePreferences(text: string | null | undefined): Preferences {
  if (typeof text !== 'string') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const { locale } = value as Record<string, unknown>;
  return typeof locale === 'string' && isSupportedLocale(locale) ? { locale } : {};
}

let current: Preferences = {};
let loaded = false;
const listeners = new Set<() => void>();

function load(): void {
  if (loaded) return;
  loaded = true;
  try {
    current = parsePreferences(storage()?.getItem(PREFERENCES_STORAGE_KEY));
  } catch {
    current = {};
  }
  setDisplayLocale(current.locale);
}

function emit(): void {
  for (const listener of [...listeners]) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== PREFERENCES_STORAGE_KEY && event.key !== null) return;
  loaded = false;
  const before = current.locale;
  load();
  if (current.locale !== before) emit();
}

/** Reads the preferences and applies them; called once at start, before the first screen. */
export function applyStoredPreferences(): void {
  load();
}

/** The chosen locale, or "" for the browser's. */
export function chosenLocale(): string {
  load();
  return current.locale ?? '';
}

/**
 * Chooses the locale the screens format in ("" for the browser's) and keeps it. Returns false
 * when local storage refused it: the choice then holds for this window only.
 */
export function setChosenLocale(locale: string): boolean {
  load();
  const next: Preferences = locale && isSupportedLocale(locale) ? { locale } : {};
  let stored = true;
  try {
    const store = storage();
    if (!store) stored = false;
    else if (!next.locale) store.removeItem(PREFERENCES_STORAGE_KEY);
    else store.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify(next));
  } catch {
    stored = false;
  }
  if (next.locale !== current.locale) {
    current = next;
    setDisplayLocale(next.locale);
    emit();
  }
  return stored;
}

/** Calls `listener` whenever the chosen locale may have changed (here or in another window). */
export function subscribePreferences(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** The chosen locale ("" for the browser's), kept current. */
export function useChosenLocale(): string {
  return useSyncExternalStore(subscribePreferences, chosenLocale);
}

/** The locale the screens format in now, kept current: re-render with it to follow a change. */
export function useDisplayLocale(): string {
  return useSyncExternalStore(subscribePreferences, () => {
    load();
    return displayLocale();
  });
}
