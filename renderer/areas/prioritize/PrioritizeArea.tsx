/** Prioritize: the board, the roadmap and the scenarios of the portfolio. */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { createScenario, stackOf } from '../../db/scenarios';
import { rowsToPortfolio, type PortfolioRows } from '../../db/portfolio-rows';
import {
  PRIORITIZE_VIEWS,
  formatLocationHash,
  type PrioritizeView,
} from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { Board } from './board/Board';
import { RoadmapView } from './RoadmapView';
import { ScenariosTab } from './ScenariosTab';

const VIEW_LABELS: Readonly<Record<PrioritizeView, string>> = {
  board: 'Board',
  roadmap: 'Roadmap',
  scenarios: 'Scenarios',
};

export function PrioritizeArea({ rows }: { readonly rows: PortfolioRows }) {
  const portfolio = useMemo(() => rowsToPortfolio(rows), [rows]);
  const location = useAppStore((state) => state.location);
  const navigate = useAppStore((state) => state.navigate);
  const tabRefs = useRef<Partial<Record<PrioritizeView, HTMLButtonElement | null>>>({});
  const scenario =
    portfolio.scenarios.find((entry) => entry.id === location.scenarioId) ?? portfolio.scenarios[0];
  const staleId =
    location.scenarioId !== null && scenario?.id !== location.scenarioId
      ? location.scenarioId
      : null;
  useEffect(() => {
    // The address names a scenario that is gone: show the one on screen in the address instead,
    // replacing the entry, so that Back does not lead to the missing one again.
    if (staleId === null) return;
    const fixed = { ...useAppStore.getState().location, scenarioId: scenario?.id ?? null };
    window.history.replaceState(null, '', formatLocationHash(fixed));
    useAppStore.setState({ location: fixed });
  }, [staleId, scenario?.id]);
  const stackKey = useRef<{ key: string; stack: string[] }>({ key: '', stack: [] });
  const stack = useMemo(() => {
    const next = scenario ? stackOf(rows, scenario.id) : [];
    // Keep the same array while the order is the same, so the board does not recompute.
    const key = next.join('\n');
    if (key !== stackKey.current.key) stackKey.current = { key, stack: next };
    return stackKey.current.stack;
  }, [rows, scenario]);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = PRIORITIZE_VIEWS.indexOf(location.view);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PRIORITIZE_VIEWS[
      (index + step + PRIORITIZE_VIEWS.length) % PRIORITIZE_VIEWS.length
    ] as PrioritizeView;
    navigate({ view: next });
    tabRefs.current[next]?.focus();
  };

  return (
    <section
      className={location.view === 'board' ? 'area area--fill' : 'area'}
      aria-labelledby="area-title"
    >
      <div className="area__header">
        <h2 id="area-title">Prioritize</h2>
        {portfolio.scenarios.length > 0 && (
          <label className="scenario-picker">
            <span>Scenario</span>
            <select
              value={scenario?.id ?? ''}
              onChange={(event) => navigate({ scenarioId: event.target.value })}
            >
              {portfolio.scenarios.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div role="tablist" aria-label="Prioritize views" className="tabs" onKeyDown={onKeyDown}>
          {PRIORITIZE_VIEWS.map((id) => (
            <button
              key={id}
              ref={(node) => {
                tabRefs.current[id] = node;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={location.view === id}
              aria-controls={`panel-${id}`}
              tabIndex={location.view === id ? 0 : -1}
              className="tabs__tab"
              onClick={() => navigate({ view: id })}
            >
              {VIEW_LABELS[id]}
            </button>
          ))}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`panel-${location.view}`}
        aria-labelledby={`tab-${location.view}`}
        className="area__panel"
      >
        {location.view === 'scenarios' ? (
          <ScenariosTab
            portfolio={portfolio}
            activeScenarioId={scenario?.id ?? null}
            onActivate={(scenarioId) => navigate({ scenarioId, view: 'board' })}
            onActiveDeleted={(scenarioId) => navigate({ scenarioId })}
          />
        ) : !scenario ? (
          <div className="empty-state">
            <h3>No scenario yet</h3>
            <p>A scenario is one ranking of the initiatives. Start one to rank the stack.</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                void createScenario('Baseline').then((id) => navigate({ scenarioId: id }))
              }
            >
              Create a scenario
            </button>
          </div>
        ) : location.view === 'board' ? (
          <Board portfolio={portfolio} scenarioId={scenario.id} stack={stack} />
        ) : (
          <RoadmapView portfolio={portfolio} stack={stack} />
        )}
      </div>
    </section>
  );
}
