import { useMemo, useRef, type KeyboardEvent } from 'react';
import { rowsToPortfolio, type PortfolioRows } from '../../db/portfolio-rows';
import { PORTFOLIO_TABS, type PortfolioTab } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { InitiativesTab } from './InitiativesTab';
import { PeriodsBudgetTab } from './PeriodsBudgetTab';
import { TeamsTab } from './TeamsTab';

const TAB_LABELS: Readonly<Record<PortfolioTab, string>> = {
  initiatives: 'Initiatives',
  teams: 'Teams & capacity',
  periods: 'Periods & budget',
};

export function PortfolioArea({ rows }: { readonly rows: PortfolioRows }) {
  const portfolio = useMemo(() => rowsToPortfolio(rows), [rows]);
  const tab = useAppStore((state) => state.location.tab);
  const navigate = useAppStore((state) => state.navigate);
  const tabRefs = useRef<Partial<Record<PortfolioTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = PORTFOLIO_TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PORTFOLIO_TABS[
      (index + step + PORTFOLIO_TABS.length) % PORTFOLIO_TABS.length
    ] as PortfolioTab;
    navigate({ tab: next });
    tabRefs.current[next]?.focus();
  };
  return (
    <section className="area" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Portfolio</h2>
        <div role="tablist" aria-label="Portfolio sections" className="tabs" onKeyDown={onKeyDown}>
          {PORTFOLIO_TABS.map((id) => (
            <button
              key={id}
              ref={(node) => {
                tabRefs.current[id] = node;
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="tabs__tab"
              onClick={() => navigate({ tab: id })}
            >
              {TAB_LABELS[id]}
            </button>
          ))}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="area__panel"
      >
        {tab === 'initiatives' && <InitiativesTab portfolio={portfolio} />}
        {tab === 'teams' && <TeamsTab portfolio={portfolio} />}
        {tab === 'periods' && <PeriodsBudgetTab portfolio={portfolio} />}
      </div>
    </section>
  );
}
