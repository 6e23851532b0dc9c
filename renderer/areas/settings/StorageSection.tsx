/**
 * Where the data lives, and whether the browser keeps it for good: a browser may clear a site's
 * data when the disk runs low unless the site asked for persistent storage and was granted it.
 */
import { useEffect, useId, useState } from 'react';
import { getPlatform } from '../../platform';
import type { StoragePersistence } from '../../platform/types';

type PersistenceState = StoragePersistence | 'asking' | 'unknown';

/** What the persistence of the data means, in a sentence. */
export function persistenceText(state: PersistenceState, kind: 'electron' | 'browser'): string {
  switch (state) {
    case 'persistent':
      return kind === 'electron'
        ? 'The data is kept in files of your user account until you delete it.'
        : 'Persistent storage is granted: the browser keeps Baton’s data until you delete it, even when the disk runs low.';
    case 'best-effort':
      return 'Not persistent yet: the browser may clear Baton’s data (and its backups) when the disk runs low. Ask it to keep the data for good.';
    case 'unsupported':
      return 'This browser cannot promise to keep Baton’s data: save a file of it now and then (File › Save as file…).';
    case 'asking':
      return 'Asking the browser…';
    case 'unknown':
      return 'Finding out whether the browser keeps the data for good…';
  }
}

function useText(read: () => Promise<string>, fallback: string): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    read().then(
      (value) => live && setText(value),
      () => live && setText(fallback),
    );
    return () => {
      live = false;
    };
    // Read once: where the data lives does not change while the window is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return text;
}

export function StorageSection() {
  const id = useId();
  const platform = getPlatform();
  const location = useText(() => platform.dataLocation(), 'this computer');
  const backupLocation = useText(() => platform.backupLocation(), 'this computer');
  const [persistence, setPersistence] = useState<PersistenceState>('unknown');
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    let live = true;
    platform.storagePersistence().then(
      (state) => live && setPersistence(state),
      () => live && setPersistence('unsupported'),
    );
    return () => {
      live = false;
    };
  }, [platform]);

  const ask = async () => {
    setPersistence('asking');
    setRefused(false);
    const granted = await platform.requestPersistentStorage().catch(() => false);
    let state: StoragePersistence;
    try {
      state = await platform.storagePersistence();
    } catch {
      state = 'unsupported';
    }
    setPersistence(granted ? 'persistent' : state);
    setRefused(!granted);
  };

  return (
    <section className="settings__section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Where your data lives</h3>
      <p>
        Your portfolio is stored as you edit it, in {location ?? '…'}. Backups are kept in{' '}
        {backupLocation ?? '…'}.
      </p>
      <p id={`${id}-persistence`} role="status">
        {persistenceText(persistence, platform.kind)}
        {refused &&
          ' The browser said no: browsers grant it to sites you bookmarked, installed or use often. Try again later, and keep a file of your data meanwhile.'}
      </p>
      {platform.kind === 'browser' && persistence !== 'persistent' && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={persistence === 'asking' || persistence === 'unknown'}
            aria-describedby={`${id}-persistence`}
            onClick={() => void ask()}
          >
            Ask the browser to keep the data
          </button>
        </div>
      )}
    </section>
  );
}
