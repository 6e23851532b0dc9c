import { useEffect, useState } from 'react';
import { BoardPackArea } from '../areas/board-pack/BoardPackArea';
import { PortfolioArea } from '../areas/portfolio/PortfolioArea';
import { PrioritizeArea } from '../areas/prioritize/PrioritizeArea';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NotBuilt } from '../components/NotBuilt';
import { db } from '../db/database';
import { usePortfolioRows } from '../db/hooks';
import { useAppStore } from '../state/store';
import { AREA_INFO } from './areas';
import { AppDialogs } from './ConnectedDialogs';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useAppCommands } from './useAppCommands';
import { useHashLocation } from './useHashLocation';
import { usePlanWatch } from './usePlanWatch';

function useStorageError(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    db.open().catch((reason: unknown) => {
      setError(reason instanceof Error ? reason.message : String(reason));
    });
  }, []);
  return error;
}

export function App() {
  useAppCommands();
  useHashLocation();
  const storageError = useStorageError();
  const rows = usePortfolioRows();
  usePlanWatch(rows);
  const area = useAppStore((state) => state.location.area);
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
  return (
    <div className="app">
      <Sidebar />
      <div className="app__main">
        {rows ? <TopBar meta={rows.meta} /> : <header className="topbar" />}
        <main className="app__content" id="content">
          {/* One record the area cannot show must not take the menu and the other areas with it;
              any change to the portfolio, or another area, tries again. */}
          <ErrorBoundary key={area} area={info?.label ?? 'This area'} resetKey={rows}>
            {!rows ? (
              <p className="loading" role="status">
                Opening the portfolio…
              </p>
            ) : area === 'portfolio' ? (
              <PortfolioArea rows={rows} />
            ) : area === 'prioritize' ? (
              <PrioritizeArea rows={rows} />
            ) : area === 'board-pack' ? (
              <BoardPackArea rows={rows} />
            ) : info ? (
              <NotBuilt info={info} />
            ) : null}
          </ErrorBoundary>
        </main>
      </div>
      <AppDialogs />
    </div>
  );
}
