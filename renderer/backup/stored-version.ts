/**
 * The schema version of the stored database, asked before Dexie opens (and so upgrades) it. Kept
 * apart, and small: it runs on every opening, the backup before an upgrade only when one is due.
 */
import Dexie from 'dexie';

/** Dexie keeps version n as IndexedDB version 10·n (and may add a patch level below 10). */
function dexieVersion(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10);
}

/**
 * The Dexie schema version the database `name` is stored at; null when there is no such database
 * (or the browser cannot tell, when the backup would not be possible either).
 */
export async function storedSchemaVersion(
  name: string,
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<number | null> {
  if (!factory) return null;
  if (typeof factory.databases === 'function') {
    const found = (await factory.databases()).find((database) => database.name === name);
    return typeof found?.version === 'number' && found.version > 0
      ? dexieVersion(found.version)
      : null;
  }
  // No list of databases (older engines): open it as it is, without a schema, to read its version.
  const probe = new Dexie(name, { indexedDB: factory, allowEmptyDB: false });
  try {
    await probe.open();
    return probe.verno;
  } catch {
    return null;
  } finally {
    probe.close();
  }
}
