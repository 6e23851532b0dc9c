import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import highsLoader, { type Highs } from 'highs';
import { useMemo } from 'react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OptimizerContext } from '../../../../../renderer/areas/prioritize/optimize/optimizer-client';
import type { OptimizerRequest } from '../../../../../renderer/areas/prioritize/optimize/optimizer-protocol';
import { OptimizeView } from '../../../../../renderer/areas/prioritize/optimize/OptimizeView';
import { usePortfolioState } from '../../../../../renderer/db/hooks';
import { stateToPortfolio } from '../../../../../shared/store/state';
import { readPortfolio, replacePortfolio, undo } from '../../../../../renderer/db/repository';
import { useAppStore } from '../../../../../renderer/state/store';
import type { Initiative, Portfolio } from '../../../../../shared/portfolio/types';
import { freshDatabase } from '../../../db/fresh-database';
import { inProcessOptimizer } from './in-process-optimizer';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const item = (
  id: string,
  name: string,
  value: number,
  demand: number[],
  spend: number[],
  more: Partial<Initiative> = {},
): Initiative => ({
  id,
  name,
  status: 'proposed',
  value,
  demand: { platform: demand },
  spend,
  ...more,
});

/** Ranked by value, the board funds Atlas and nothing else fits; Beacon + Comet are worth more. */
const PORTFOLIO: Portfolio = {
  name: 'Small plan',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: [
    { id: 'Q1', label: 'Q1 2027' },
    { id: 'Q2', label: 'Q2 2027' },
  ],
  teams: [{ id: 'platform', name: 'Platform', capacity: { Q1: 10, Q2: 10 } }],
  objectives: [],
  initiatives: [
    item('atlas', 'Atlas', 9, [8, 8], [100, 100]),
    item('beacon', 'Beacon', 5, [5, 5], [60, 60]),
    item('comet', 'Comet', 5, [5, 5], [70, 70]),
    item('dune', 'Dune', 1, [1], [10], { forced: 'out' }),
  ],
  scenarios: [{ id: 'by-value', name: 'By value', ranking: ['atlas', 'beacon', 'comet', 'dune'] }],
};

beforeEach(async () => {
  await freshDatabase();
  await replacePortfolio(PORTFOLIO, { kind: 'file' }, 'Open file');
  useAppStore.setState({ analyses: {}, notices: [] });
});

function Harness({ requests }: { readonly requests: OptimizerRequest[] }) {
  const rows = usePortfolioState();
  const portfolio = useMemo(() => (rows ? stateToPortfolio(rows) : undefined), [rows]);
  const optimizer = useMemo(() => inProcessOptimizer(highs, requests), [requests]);
  if (!portfolio?.scenarios[0]) return <p>Loading</p>;
  return (
    <OptimizerContext.Provider value={() => optimizer}>
      <OptimizeView portfolio={portfolio} scenario={portfolio.scenarios[0]} />
    </OptimizerContext.Provider>
  );
}

describe('the Optimize view', () => {
  it('optimizes the scenario and shows the proposal beside its ranking, with reasons for what is out', async () => {
    const requests: OptimizerRequest[] = [];
    const user = userEvent.setup();
    render(<Harness requests={requests} />);
    await user.click(await screen.findByRole('button', { name: 'Optimize' }));
    expect(await screen.findByTestId('optimize-status')).toHaveTextContent(/^Proven best plan/);
    expect(requests[0]).toMatchObject({ kind: 'optimize', scenarioId: 'by-value', timeLimit: 30 });
    // Screen readers hear the start and the end, not every progress update.
    expect(screen.getByText('Optimize: done.')).toHaveAttribute('role', 'status');
    expect(screen.getByTestId('figure-proposal-value')).toHaveTextContent('10 vs 9 now (+1)');
    const proposal = screen.getByTestId('proposal-table');
    const row = (name: string) =>
      within(proposal).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(row('Beacon')).toHaveTextContent('Starts Q1 2027');
    expect(row('Atlas')).toHaveTextContent('Starts Q1 2027'); // now, on the board
    expect(row('Atlas')).toHaveTextContent('Out: Platform is 8 FTE short in Q1 2027');
    expect(row('Dune')).toHaveTextContent('Out: forced out');
    expect(screen.getByRole('heading', { name: 'Comes in (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Goes out (1)' })).toBeInTheDocument();
  });

  it('applies the plan as a new scenario, which undo takes back', async () => {
    const user = userEvent.setup();
    render(<Harness requests={[]} />);
    await user.click(await screen.findByRole('button', { name: 'Optimize' }));
    await screen.findByTestId('optimize-status');
    await user.click(screen.getByRole('button', { name: 'Apply as new scenario' }));
    await waitFor(async () => expect((await readPortfolio()).scenarios).toHaveLength(2));
    const created = (await readPortfolio()).scenarios[1];
    expect(created?.name).toBe('By value (optimized)');
    expect(created?.ranking.slice(0, 2).sort()).toEqual(['beacon', 'comet']);
    expect(
      screen.getByRole('button', { name: /Open .By value \(optimized\). on the board/ }),
    ).toBeInTheDocument();
    await undo();
    expect((await readPortfolio()).scenarios).toHaveLength(1);
  });

  it('answers what it would take for an initiative that is out', async () => {
    const user = userEvent.setup();
    render(<Harness requests={[]} />);
    await user.click(await screen.findByRole('button', { name: 'Optimize' }));
    await screen.findByTestId('optimize-status');
    await user.click(screen.getByRole('button', { name: 'What would it take for Atlas?' }));
    const panel = await screen.findByTestId('what-it-takes');
    await within(panel).findByText(/Why it is out/);
    expect(within(panel).getByTestId('value-needed')).toHaveTextContent('more than 10');
    expect(within(panel).getByTestId('value-lost')).toHaveTextContent('1');
    expect(panel).toHaveTextContent(
      'From Q1 2027: Platform is 8 FTE short in Q1 2027; Platform is 8 FTE short in Q2 2027',
    );
  });

  it('says when the portfolio changed after the plan, and will not apply an old plan', async () => {
    const user = userEvent.setup();
    render(<Harness requests={[]} />);
    await user.click(await screen.findByRole('button', { name: 'Optimize' }));
    await screen.findByTestId('optimize-status');
    await replacePortfolio(
      {
        ...PORTFOLIO,
        initiatives: PORTFOLIO.initiatives.map((entry) => ({
          ...entry,
          value: (entry.value ?? 0) + 1,
        })),
      },
      { kind: 'file' },
      'Open file',
    );
    expect(
      await screen.findByText(/The portfolio has changed since this plan was made/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply as new scenario' })).toBeDisabled();
  });

  it('waits while the optimizer works for another scenario', async () => {
    useAppStore.setState({ analyses: { other: { optimize: { phase: 'running', key: 'k' } } } });
    render(<Harness requests={[]} />);
    expect(
      await screen.findByText(
        'The optimizer is busy with other; open that scenario to follow or stop it.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Optimize' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Compute the frontier/ })).toBeDisabled();
  });

  it('computes the frontier and a robustness run', async () => {
    const user = userEvent.setup();
    render(<Harness requests={[]} />);
    await user.click(await screen.findByRole('button', { name: /Compute the frontier/ }));
    const chart = await screen.findByTestId('frontier-chart', {}, { timeout: 20_000 });
    await screen.findByRole('button', { name: 'Compute the frontier again' }, { timeout: 20_000 });
    expect(chart.querySelectorAll('.frontier__point')).toHaveLength(20);
    expect(chart.querySelector('.frontier__current')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(
      screen.getByRole('table', { name: 'Best value at each total budget' }),
    ).toBeInTheDocument();

    await user.clear(screen.getByRole('textbox', { name: /Range/ }));
    await user.type(screen.getByRole('textbox', { name: /Range/ }), 'lots');
    expect(screen.getByText('Enter a range from 0 to 99 %.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Run 50 times/ })).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: /Range/ }));
    await user.type(screen.getByRole('textbox', { name: /Range/ }), '0');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Runs' }), '20');
    await user.click(screen.getByRole('button', { name: /^Run 20 times/ }));
    const table = await screen.findByTestId('robustness-table', {}, { timeout: 20_000 });
    await waitFor(() =>
      expect(
        within(table).getByRole('rowheader', { name: 'Beacon' }).closest('tr'),
      ).toHaveTextContent('100 %'),
    );
    expect(within(table).getByRole('rowheader', { name: 'Atlas' }).closest('tr')).toHaveTextContent(
      '0 %',
    );
  });
});
