import { describe, expect, it } from 'vitest';
import {
  PROFILE_NAME_MAX_LENGTH,
  normalizeProfileName,
  parseProfile,
  profileNameProblem,
} from '../../shared/profile';

describe('profileNameProblem', () => {
  it('accepts a name up to the limit, and an empty one (which clears the profile)', () => {
    expect(profileNameProblem('Ada Lovelace')).toBeNull();
    expect(profileNameProblem('a'.repeat(PROFILE_NAME_MAX_LENGTH))).toBeNull();
    expect(profileNameProblem('')).toBeNull();
    expect(profileNameProblem('   ')).toBeNull();
  });

  it('refuses a longer name, saying the limit and how long it is', () => {
    expect(profileNameProblem('a'.repeat(PROFILE_NAME_MAX_LENGTH + 1))).toBe(
      'Your name can be at most 80 characters; this one has 81.',
    );
  });

  it('counts what would be kept: spaces around the name are not counted', () => {
    expect(profileNameProblem(`  ${'a'.repeat(PROFILE_NAME_MAX_LENGTH)}  `)).toBeNull();
  });

  it('counts a character outside the basic plane once', () => {
    expect(profileNameProblem('😀'.repeat(PROFILE_NAME_MAX_LENGTH))).toBeNull();
    expect(profileNameProblem('😀'.repeat(PROFILE_NAME_MAX_LENGTH + 1))).toMatch(/has 81\./);
  });
});

describe('normalizeProfileName', () => {
  it('trims, and reads line breaks and tabs as spaces', () => {
    expect(normalizeProfileName('  Ada Lovelace \n')).toBe('Ada Lovelace');
    expect(normalizeProfileName('Ada\nLovelace')).toBe('Ada Lovelace');
    expect(normalizeProfileName('Ada\t\tLovelace')).toBe('Ada Lovelace');
  });

  it('cuts a long name at the limit without splitting a character', () => {
    expect(normalizeProfileName('a'.repeat(100))).toBe('a'.repeat(PROFILE_NAME_MAX_LENGTH));
    expect(normalizeProfileName('😀'.repeat(100))).toBe('😀'.repeat(PROFILE_NAME_MAX_LENGTH));
    // No space left dangling where the cut falls.
    expect(normalizeProfileName(`${'a'.repeat(79)} bcd`)).toBe('a'.repeat(79));
  });

  it('keeps what profileNameProblem accepts unchanged, apart from the trim', () => {
    for (const name of ['Ada', 'Grace Hopper', 'José Müller-Lüdenscheidt', 'a'.repeat(80)]) {
      expect(profileNameProblem(name)).toBeNull();
      expect(normalizeProfileName(name)).toBe(name);
    }
  });
});

describe('parseProfile', () => {
  it('reads a stored name', () => {
    expect(parseProfile('{"name":"Ada Lovelace"}')).toEqual({ name: 'Ada Lovelace' });
    expect(parseProfile('{"name":"  Ada  ","extra":1}')).toEqual({ name: 'Ada' });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{name: Ada'],
    ['a string', '"Ada"'],
    ['an array', '[{"name":"Ada"}]'],
    ['null', 'null'],
    ['no name', '{}'],
    ['a name that is not text', '{"name":42}'],
    ['an empty name', '{"name":"   "}'],
  ])('finds no profile in %s', (_what, text) => {
    expect(parseProfile(text)).toBeNull();
  });

  it('cuts a name stored too long to the limit', () => {
    expect(parseProfile(JSON.stringify({ name: 'b'.repeat(200) }))).toEqual({
      name: 'b'.repeat(PROFILE_NAME_MAX_LENGTH),
    });
  });
});
