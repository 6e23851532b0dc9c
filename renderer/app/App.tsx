import { useEffect, useMemo, useState } from 'react';
import type { Portfolio } from '../../shared/portfolio/types';
import { stateToPortfolio } from '../../shared/store/state';
import { BoardPackArea } from '../areas/board-pack/BoardPackArea';
import { DecisionsArea } from '../areas/decisions/DecisionsArea';
import { PortfolioArea } from '../areas/portfolio/PortfolioArea';
import { PrioritizeArea } from '../areas/prioritize/PrioritizeArea';
import { StrategyArea } from '../areas/strategy/StrategyArea';
import { WorkshopArea } from '../areas/workshop/WorkshopArea';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NotBuilt } from '../components/NotBuilt';
import { db } from '../db/database';
import { loadStacks } from '../db/history';
import { usePortfolioState } from '../db/hooks';
import { setEditorName } from '../db/repository';
import { profileName } from '../state/profile';
import { useAppStore } from '../state/store';
import { AREA_INFO } from './areas';
import { AppDialogs } from './ConnectedDialogs';
import { HistoryPanel } from './HistoryPanel';
import { ReplayProvider } from './ReplayProvider';
import { openSettings } from './SettingsConnector';
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

function useStorageError(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    db.open()
      .then(() => loadStacks())
      .catch((reason: unknown) => {
        setError(reason instanceof Error ? reason.message : String(reason));
      });
  }, []);
  return error;
}

export function App() {
  useAppCommands();
  useHashLocation();
  const storageError = useStorageError();
  const state = usePortfolioState();
  const portfolio = useMemo(() => (state ? stateToPortfolio(state) : undefined), [state]);
  const area = useAppStore((state) => state.location.area);
  // Presentation mode fills the window: the app's chrome steps aside for the room.
  const presenting = useAppStore(
    (state) => state.location.area === 'workshop' && state.location.workshopView === 'present',
  );
  const info = AREA_INFO.find((entry) => entry.id === area);

  if (storageError) {
    return (
      <main className="fatal" role="alert">
        <h1>Baton cannot open its storage</h1>
        <p>{storageError}</p>
        <p>Your data has not been changed. Close other Baton windows and start Baton again.</p>
      </main>
    );
  }
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
          <main className="app__content" id="content">
            {/* One record the area cannot show must not take the menu and the other areas with it;
              any change to the portfolio, or another area, tries again. */}
            <ErrorBoundary key={area} area={info?.label ?? 'This area'} resetKey={portfolio}>
              {!portfolio ? (
                <p className="loading" role="status">
                  Opening the portfolio…
                </p>
              ) : area === 'strategy' ? (
                <StrategyArea portfolio={portfolio} />
              ) : area === 'portfolio' ? (
                <PortfolioArea portfolio={portfolio} />
              ) : area === 'prioritize' ? (
                <PrioritizeArea portfolio={portfolio} />
              ) : area === 'board-pack' ? (
                <BoardPackArea portfolio={portfolio} />
              ) : area === 'workshop' ? (
                <WorkshopArea portfolio={portfolio} />
              ) : area === 'decisions' ? (
                <DecisionsArea portfolio={portfolio} />
              ) : info ? (
                <NotBuilt info={info}>
                  {info.id === 'settings' && (
                    <p>
                      Your name, recorded as who made each change:{' '}
                      <button type="button" className="button" onClick={openSettings}>
                        Your name…
                      </button>
                    </p>
                  )}
                </NotBuilt>
              ) : null}
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
