import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Portfolio } from '../../shared/portfolio/types';
import { stateToPortfolio } from '../../shared/store/state';
import { BoardPackArea } from '../areas/board-pack/BoardPackArea';
import { CadenceArea } from '../areas/cadence/CadenceArea';
import { DecisionsArea } from '../areas/decisions/DecisionsArea';
import { IntakeArea } from '../areas/intake/IntakeArea';
import { MetricsArea } from '../areas/metrics/MetricsArea';
import { PortfolioArea } from '../areas/portfolio/PortfolioArea';
import { PrioritizeArea } from '../areas/prioritize/PrioritizeArea';
import { SettingsArea } from '../areas/settings/SettingsArea';
import { StorageBanner, StorageFailureScreen } from '../areas/settings/StorageBanner';
import { StrategyArea } from '../areas/strategy/StrategyArea';
import { WorkshopArea } from '../areas/workshop/WorkshopArea';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NotBuilt } from '../components/NotBuilt';
import { db } from '../db/database';
import { loadStacks } from '../db/history';
import { usePortfolioState } from '../db/hooks';
import { setEditorName } from '../db/repository';
import {
  describeStorageError,
  onStorageProblem,
  storageProblem,
  watchOtherWindows,
  type StorageProblem,
} from '../db/storage-health';
import { useDisplayLocale } from '../state/preferences';
import { profileName } from '../state/profile';
import { useAppStore } from '../state/store';
import { AREA_INFO } from './areas';
import { AppDialogs } from './ConnectedDialogs';
import { HistoryPanel } from './HistoryPanel';
import { ReplayProvider } from './ReplayProvider';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useAppCommands } from './useAppCommands';
import { useHashLocation } from './useHashLocation';
import { usePlanWatch } from './usePlanWatch';

/**
 * Watches each edit's effect on the plan; its own component, so that the undo history it follows
 * re-renders it alone, not the whole app.
 */
function PlanWatch({ portfolio }: { readonly portfolio: Portfolio | undefined }) {
  usePlanWatch(portfolio);
  return null;
}

// The change history records who made each edit: the name in Settings.
setEditorName(profileName);

/**
 * Opens the storage and watches it: a problem at any time (a full disk, another window's upgrade,
 * this window's upgrade held up by another) goes to the store's storage banner. Gives the problem
 * when the storage cannot be opened at all.
 */
function useStorage(): StorageProblem | null {
  const [failure, setFailure] = useState<StorageProblem | null>(null);
  useEffect(() => {
    const { setStorageProblem } = useAppStore.getState();
    const stopListening = onStorageProblem((problem) => setStorageProblem(problem));
    const stopWatching = watchOtherWindows(db);
    db.open()
      .then(() => {
        // An upgrade that waited for another window has gone through.
        if (useAppStore.getState().storageProblem?.kind === 'blocked') setStorageProblem(null);
        return loadStacks();
      })
      .catch((reason: unknown) => {
        setFailure(
          describeStorageError(reason) ??
            storageProblem('other', reason instanceof Error ? reason.message : String(reason)),
        );
      });
    return () => {
      stopWatching();
      stopListening();
    };
  }, []);
  return failure;
}

/** How long an area must draw the portfolio without an error before it counts as shown. */
const SETTLE_MS = 3000;

/**
 * Marks the stored portfolio as shown once an area has drawn it for a few seconds without an
 * error, or the user has started to use it: an error before that would come back at every start,
 * so it goes to the recovery screen rather than stay in the area. (Not at the first drawing:
 * long lists draw their rows a moment later.) Unmounted with the area when it fails.
 */
function Shown({ onShown }: { readonly onShown: () => void }) {
  useEffect(() => {
    const timer = window.setTimeout(onShown, SETTLE_MS);
    const options = { capture: true, once: true } as const;
    window.addEventListener('pointerdown', onShown, options);
    window.addEventListener('keydown', onShown, options);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', onShown, options);
      window.removeEventListener('keydown', onShown, options);
    };
  }, [onShown]);
  return null;
}

export function App() {
  useAppCommands();
  useHashLocation();
  const storageFailure = useStorage();
  // Numbers and dates follow the format chosen in Settings: the app draws again when it changes.
  useDisplayLocale();
  const [shown, setShown] = useState(false);
  const markShown = useCallback(() => setShown(true), []);
  const state = usePortfolioState();
  const portfolio = useMemo(() => (state ? stateToPortfolio(state) : undefined), [state]);
  const area = useAppStore((state) => state.location.area);
  // Presentation mode fills the window: the app's chrome steps aside for the room.
  const presenting = useAppStore(
    (state) => state.location.area === 'workshop' && state.location.workshopView === 'present',
  );
  const info = AREA_INFO.find((entry) => entry.id === area);

  if (storageFailure) return <StorageFailureScreen problem={storageFailure} />;
  if (presenting && portfolio) {
    return (
      <ReplayProvider>
        <ErrorBoundary area="Presentation mode" resetKey={portfolio}>
          <WorkshopArea portfolio={portfolio} />
        </ErrorBoundary>
        <AppDialogs />
      </ReplayProvider>
    );
  }
  return (
    <ReplayProvider>
      <div className="app">
        <Sidebar />
        <div className="app__main">
          {state ? <TopBar meta={state.meta} /> : <header className="topbar" />}
          <StorageBanner />
          <main className="app__content" id="content">
            {/* One record the area cannot show must not take the menu and the other areas with it;
              any change to the portfolio, or another area, tries again. */}
            <ErrorBoundary
              key={area}
              area={info?.label ?? 'This area'}
              resetKey={portfolio}
              escalate={!shown}
            >
              {!portfolio ? (
                <p className="loading" role="status">
                  Opening the portfolio…
                </p>
              ) : area === 'strategy' ? (
                <StrategyArea portfolio={portfolio} />
              ) : area === 'intake' ? (
                <IntakeArea portfolio={portfolio} />
              ) : area === 'portfolio' ? (
                <PortfolioArea portfolio={portfolio} />
              ) : area === 'prioritize' ? (
                <PrioritizeArea portfolio={portfolio} />
              ) : area === 'board-pack' ? (
                <BoardPackArea portfolio={portfolio} />
              ) : area === 'workshop' ? (
                <WorkshopArea portfolio={portfolio} />
              ) : area === 'cadence' ? (
                <CadenceArea portfolio={portfolio} />
              ) : area === 'decisions' ? (
                <DecisionsArea portfolio={portfolio} />
              ) : area === 'metrics' ? (
                <MetricsArea portfolio={portfolio} />
              ) : area === 'settings' ? (
                <SettingsArea portfolio={portfolio} />
              ) : info ? (
                <NotBuilt info={info} />
              ) : null}
              {portfolio && !shown && <Shown onShown={markShown} />}
            </ErrorBoundary>
          </main>
        </div>
        <AppDialogs />
        <HistoryPanel portfolio={portfolio} />
        <PlanWatch portfolio={portfolio} />
      </div>
    </ReplayProvider>
  );
}
