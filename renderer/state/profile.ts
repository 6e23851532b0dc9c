/**
 * The local profile: "your name", recorded as who made each change in the portfolio's history.
 * It belongs to this computer, not to the portfolio, so it lives in the app's local storage
 * (key `baton:profile`, JSON `{ "name": string }`) rather than in the database or a file.
 * Until the user gives a name, the platform's default stands in (the OS account's name on the
 * desktop, nothing in a browser); it is asked for once, the first time the profile is used.
 */
import { useSyncExternalStore } from 'react';
import { normalizeProfileName, parseProfile, type Profile } from '../../shared/profile';
import { getPlatform } from '../platform';

export const PROFILE_STORAGE_KEY = 'baton:profile';

/** localStorage, where the page has it (a sandboxed or private page may refuse it). */
function profileStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function readSavedName(): string {
  try {
    return parseProfile(profileStorage()?.getItem(PROFILE_STORAGE_KEY))?.name ?? '';
  } catch {
    return '';
  }
}

/** The saved name, read once and then kept up to date here; undefined until first read. */
let saved: string | undefined;
let platformDefault = '';
let defaultAsked = false;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of [...listeners]) listener();
}

/** Asks the platform for its default name, once per page. */
function askPlatformDefault(): void {
  if (defaultAsked) return;
  defaultAsked = true;
  let asking: Promise<string | undefined>;
  try {
    asking = getPlatform().defaultProfileName();
  } catch {
    return;
  }
  asking.then(
    (name) => {
      const normalized = normalizeProfileName(name ?? '');
      if (normalized === platformDefault) return;
      platformDefault = normalized;
      emit();
    },
    // Without a default the name is simply empty until the user gives one.
    () => undefined,
  );
}

/** Another window of this app saved or cleared the name. */
function onStorage(event: StorageEvent): void {
  if (event.key !== PROFILE_STORAGE_KEY && event.key !== null) return;
  const next = readSavedName();
  if (next === saved) return;
  saved = next;
  emit();
}

/** The name the user saved, or "" when there is none. */
export function savedProfileName(): string {
  askPlatformDefault();
  saved ??= readSavedName();
  return saved;
}

/** The platform's default name ("" when it has none, or has not answered yet). */
export function defaultProfileName(): string {
  askPlatformDefault();
  return platformDefault;
}

/**
 * Who to record as the maker of a change: the saved name, else the platform's default, else "".
 */
export function profileName(): string {
  return savedProfileName() || defaultProfileName();
}

/**
 * Saves the name: trimmed, cut at 80 characters (check it first with `profileNameProblem` to
 * tell the user instead); an empty name clears the profile, so the default stands in again.
 * Returns false when local storage refused it: the name then holds for this session only.
 */
export function setProfileName(name: string): boolean {
  const next = normalizeProfileName(name);
  let stored = true;
  try {
    const storage = profileStorage();
    if (!storage) stored = false;
    else if (next === '') storage.removeItem(PROFILE_STORAGE_KEY);
    else storage.setItem(PROFILE_STORAGE_KEY, JSON.stringify({ name: next } satisfies Profile));
  } catch {
    stored = false;
  }
  if (next !== savedProfileName()) {
    saved = next;
    emit();
  }
  return stored;
}

/** Calls `listener` whenever `profileName()` (or the saved or default name) may have changed. */
export function subscribeProfile(listener: () => void): () => void {
  askPlatformDefault();
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** The name recorded as who makes a change, kept current. */
export function useProfileName(): string {
  return useSyncExternalStore(subscribeProfile, profileName);
}

/** The saved name and the platform's default, for the Settings dialog. */
export function useProfileNames(): { readonly saved: string; readonly platformDefault: string } {
  const savedName = useSyncExternalStore(subscribeProfile, savedProfileName);
  const defaultName = useSyncExternalStore(subscribeProfile, defaultProfileName);
  return { saved: savedName, platformDefault: defaultName };
}
