/**
 * "Your name": the local profile Baton records as who made each change. Kept per computer (in
 * the app's local storage), never in the portfolio file, so these helpers only check and read it.
 */

/** The longest name Baton keeps, in characters (Unicode code points). */
export const PROFILE_NAME_MAX_LENGTH = 80;

/** The stored profile, as JSON in local storage. */
export type Profile = { readonly name: string };

/** Control characters (line breaks, tabs) would break a history line; they read as spaces. */
const CONTROL_CHARACTERS = /\p{Cc}+/gu;

function characterCount(text: string): number {
  return [...text].length;
}

/**
 * The name as Baton keeps it: control characters read as spaces, trimmed, cut at
 * {@link PROFILE_NAME_MAX_LENGTH} characters. An empty result means "no name".
 */
export function normalizeProfileName(text: string): string {
  const clean = text.replace(CONTROL_CHARACTERS, ' ').trim();
  return characterCount(clean) <= PROFILE_NAME_MAX_LENGTH
    ? clean
    : [...clean].slice(0, PROFILE_NAME_MAX_LENGTH).join('').trimEnd();
}

/**
 * Why `text` cannot be saved as the name, in words for the user, or null when it can. An empty
 * name is allowed: it clears the profile.
 */
export function profileNameProblem(text: string): string | null {
  const count = characterCount(text.replace(CONTROL_CHARACTERS, ' ').trim());
  return count > PROFILE_NAME_MAX_LENGTH
    ? `Your name can be at most ${PROFILE_NAME_MAX_LENGTH} characters; this one has ${count}.`
    : null;
}

/**
 * Reads the stored profile text. Anything that is not JSON of the shape `{ "name": string }`
 * with a name left after {@link normalizeProfileName} means there is no profile: null.
 */
export function parseProfile(text: string | null | undefined): Profile | null {
  if (typeof text !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { name } = value as Record<string, unknown>;
  if (typeof name !== 'string') return null;
  const normalized = normalizeProfileName(name);
  return normalized === '' ? null : { name: normalized };
}
