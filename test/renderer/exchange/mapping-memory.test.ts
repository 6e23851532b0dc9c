import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAPPINGS_KEPT,
  MAPPING_MEMORY_KEY,
  rememberMapping,
  rememberedMapping,
} from '../../../renderer/exchange/mapping-memory';

beforeEach(() => localStorage.clear());

describe('remembered column mappings', () => {
  it('gives back the mapping confirmed for the same header, and none for another', () => {
    const mapping = {
      kind: 'initiatives' as const,
      columns: ['name', null, 'spend'],
      headerRow: 1,
    };
    expect(rememberMapping('name|owner|spend q2', mapping)).toBe(true);
    expect(rememberedMapping('name|owner|spend q2')).toEqual(mapping);
    expect(rememberedMapping('name|owner')).toBeNull();
  });

  it('keeps a header named __proto__ as plain data', () => {
    rememberMapping('__proto__', { kind: 'capacity', columns: ['name'], headerRow: 1 });
    expect(rememberedMapping('__proto__')?.kind).toBe('capacity');
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('forgets the oldest beyond its limit, and ignores what it cannot read', () => {
    for (let index = 0; index <= MAPPINGS_KEPT; index += 1) {
      rememberMapping(`header ${index}`, { kind: 'initiatives', columns: ['name'], headerRow: 1 });
    }
    expect(rememberedMapping('header 0')).toBeNull();
    expect(rememberedMapping(`header ${MAPPINGS_KEPT}`)).not.toBeNull();

    localStorage.setItem(
      MAPPING_MEMORY_KEY,
      JSON.stringify([{ signature: 'x', mapping: { kind: 'rockets', columns: [], headerRow: 1 } }]),
    );
    expect(rememberedMapping('x')).toBeNull();
    localStorage.setItem(MAPPING_MEMORY_KEY, '{not json');
    expect(rememberedMapping('x')).toBeNull();
  });
});
