/**
 * Column mappings the user confirmed, remembered in this browser's local storage by the header
 * row they were made for (headerSignature), so that next month's export of the same sheet maps
 * itself. Kept as a list, newest first: a header such as `__proto__` is only ever a value here.
 */
import { IMPORT_TABLE_KINDS, type ColumnMapping } from '../../shared/exchange/import/types';

export const MAPPING_MEMORY_KEY = 'baton.import-mappings';

/** How many mappings are remembered; the oldest is forgotten first. */
export const MAPPINGS_KEPT = 50;

type Remembered = { readonly signature: string; readonly mapping: ColumnMapping };

function isMapping(value: unknown): value is ColumnMapping {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, columns, headerRow } = value as Record<string, unknown>;
  return (
    (IMPORT_TABLE_KINDS as readonly unknown[]).includes(kind) &&
    Array.isArray(columns) &&
    columns.every((column) => column === null || typeof column === 'string') &&
    typeof headerRow === 'number' &&
    Number.isInteger(headerRow) &&
    headerRow >= 1
  );
}

function readAll(): Remembered[] {
  try {
    const text = globalThis.localStorage?.getItem(MAPPING_MEMORY_KEY);
    const value: unknown = text ? JSON.parse(text) : [];
    if (!Array.isArray(value)) return [];
    return value.filter(
      (entry): entry is Remembered =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as Record<string, unknown>).signature === 'string' &&
        isMapping((entry as Record<string, unknown>).mapping),
    );
  } catch {
    return [];
  }
}

/** The mapping last confirmed for sheets with this header, if any. */
export function rememberedMapping(signature: string): ColumnMapping | null {
  return readAll().find((entry) => entry.signature === signature)?.mapping ?? null;
}

/** Remembers `mapping` for sheets with this header; returns whether the storage took it. */
export function rememberMapping(signature: string, mapping: ColumnMapping): boolean {
  const others = readAll().filter((entry) => entry.signature !== signature);
  const entry: Remembered = {
    signature,
    mapping: { kind: mapping.kind, columns: [...mapping.columns], headerRow: mapping.headerRow },
  };
  try {
    globalThis.localStorage?.setItem(
      MAPPING_MEMORY_KEY,
      JSON.stringify([entry, ...others].slice(0, MAPPINGS_KEPT)),
    );
    return true;
  } catch {
    // Storage full or unavailable: the mapping still applies to this import.
    return false;
  }
}
