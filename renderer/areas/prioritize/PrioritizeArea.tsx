/** Prioritize: the board, the roadmap and the scenarios of the portfolio. */
import { useEffect, useMemo, useRef } from 'react';
import { TabList } from '../../components/TabList';
import { stackOrder } from '../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../shared/portfolio/types';
import { createScenario } from '../../db/edits';
import {
  PRIORITIZE_VIEWS,
  formatLocationHash,
  type PrioritizeView,
} from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { Board } from './board/Board';
import { OptimizeView } from './optimize/OptimizeView';
import { RoadmapView } from './RoadmapView';
import { ScenariosTab } from './ScenariosTab';

const VIEW_LABELS: Readonly<Record<PrioritizeView, string>> = {
  board: 'Board',
  roadmap: 'Roadmap',
  optimize: 'Optimize',
  scenarios: 'Scenarios',
};

export function PrioritizeArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const location = useAppStore((state) => state.location);
  const navigate = useAppStore((state) => state.navigate);
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
    const next = scenario ? stackOrder(portfolio, scenario.id) : [];
    // Keep the same array while the order is the same, so the board does not recompute.
    const key = next.join('\n');
    if (key !== stackKey.current.key) stackKey.current = { key, stack: next };
    return stackKey.current.stack;
  }, [portfolio, scenario]);

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
        <TabList
          label="Prioritize views"
          tabs={PRIORITIZE_VIEWS}
          labels={VIEW_LABELS}
          selected={location.view}
          onSelect={(view) => navigate({ view })}
        />
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
        ) : location.view === 'optimize' ? (
          <OptimizeView portfolio={portfolio} scenario={scenario} />
        ) : (
          <RoadmapView portfolio={portfolio} stack={stack} />
        )}
      </div>
    </section>
  );
}
