/** Reading a stored snapshot back as a portfolio, for the review's comparison and the snapshot view. */
import { useEffect, useState } from 'react';
import { openSnapshot } from '../../../shared/cadence/snapshot';
import type { Snapshot } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { loadSnapshot } from '../../db/snapshots';

export type OpenedSnapshot =
  | { readonly state: 'loading' }
  | { readonly state: 'none' }
  | { readonly state: 'missing'; readonly id: string }
  | { readonly state: 'unreadable'; readonly snapshot: Snapshot; readonly message: string }
  | { readonly state: 'open'; readonly snapshot: Snapshot; readonly portfolio: Portfolio };

/** Reads a snapshot and opens it; `none` without an id. */
export async function readSnapshot(id: string | undefined): Promise<OpenedSnapshot> {
  if (!id) return { state: 'none' };
  const snapshot = await loadSnapshot(id);
  if (!snapshot) return { state: 'missing', id };
  try {
    const opened = openSnapshot(snapshot);
    return opened.ok
      ? { state: 'open', snapshot, portfolio: opened.portfolio }
      : { state: 'unreadable', snapshot, message: opened.message };
  } catch (error) {
    return {
      state: 'unreadable',
      snapshot,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The snapshot with `id` opened as a portfolio (snapshots never change once taken). */
export function useSnapshot(id: string | undefined): OpenedSnapshot {
  const [opened, setOpened] = useState<{
    readonly id: string | undefined;
    readonly value: OpenedSnapshot;
  }>({ id: undefined, value: { state: 'none' } });
  useEffect(() => {
    let live = true;
    void readSnapshot(id)
      .catch((error: unknown): OpenedSnapshot => ({
        state: 'missing',
        id: `${id ?? ''} (${error instanceof Error ? error.message : String(error)})`,
      }))
      .then((value) => {
        if (live) setOpened({ id, value });
      });
    return () => {
      live = false;
    };
  }, [id]);
  if (opened.id !== id) return id ? { state: 'loading' } : { state: 'none' };
  return opened.value;
}

/** A new snapshot id: `snap-` and ten random base-36 characters. */
export function newSnapshotId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += (byte % 36).toString(36);
  return `snap-${text}`;
}
