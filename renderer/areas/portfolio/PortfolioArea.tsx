import { TabList } from '../../components/TabList';
import type { Portfolio } from '../../../shared/portfolio/types';
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

export function PortfolioArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const tab = useAppStore((state) => state.location.tab);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <section className="area" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Portfolio</h2>
        <TabList
          label="Portfolio sections"
          tabs={PORTFOLIO_TABS}
          labels={TAB_LABELS}
          selected={tab}
          onSelect={(id) => navigate({ tab: id })}
        />
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
