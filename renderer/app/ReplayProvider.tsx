/** Gives the fields how many undos and redos this window made (see `ReplayCount`). */
import { useSyncExternalStore, type ReactNode } from 'react';
import { ReplayCount } from '../components/fields';
import { getHistory, subscribeHistory } from '../db/history';

export function ReplayProvider({ children }: { readonly children: ReactNode }) {
  const replays = useSyncExternalStore(subscribeHistory, () => getHistory().replays);
  return <ReplayCount.Provider value={replays}>{children}</ReplayCount.Provider>;
}
