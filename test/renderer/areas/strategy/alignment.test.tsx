import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { AlignmentView } from '../../../../renderer/areas/strategy/alignment/AlignmentView';
import { DEFAULT_LOCATION } from '../../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../../renderer/state/store';

/**
 * Growth (weight 3: 75 %) with Acquisition and Retention under it (equal), Cost (weight 1:
 * 25 %). One period, 10 FTE. Funded on "Plan": Warehouse (80 of the 100 spent, serves Cost),
 * Web shop (20, serves Acquisition) and Office move (no spend, serves nothing). No room left for
 * Loyalty (would serve Retention; it takes the whole team), Intranet is too big. So Cost has 80 % of the funded
 * spend for 25 % of the weight, Growth 20 % for 75 %, Retention 0 % for 37.5 %; the score is
 * 100 × 1 (all spend aligned) × (1 − ½ (|.2 − .375| + |0 − .375| + |.8 − .25|)) = 45.
 */
const PORTFOLIO: Portfolio = {
  name: 'Small',
  currency: 'EUR',
  capacityUnit: 'FTE',
  periods: [{ id: 'p1', label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' }],
  teams: [{ id: 'dev', name: 'Development', capacity: { p1: 10 } }],
  objectives: [
    { id: 'growth', name: 'Growth', weight: 3 },
    { id: 'acquisition', name: 'Acquisition', parentId: 'growth', weight: 1 },
    { id: 'retention', name: 'Retention', parentId: 'growth', weight: 1 },
    { id: 'cost', name: 'Cost', weight: 1 },
  ],
  initiatives: [
    {
      id: 'warehouse',
      name: 'Warehouse',
      status: 'approved',
      spend: [80],
      demand: { dev: [8] },
      objectives: [{ id: 'cost', contribution: 3 }],
    },
    {
      id: 'shop',
      name: 'Web shop',
      status: 'approved',
      spend: [20],
      demand: { dev: [2] },
      objectives: [{ id: 'acquisition', contribution: 2 }],
    },
    {
      id: 'loyalty',
      name: 'Loyalty',
      status: 'proposed',
      spend: [50],
      demand: { dev: [10] },
      objectives: [{ id: 'retention', contribution: 3 }],
    },
    { id: 'intranet', name: 'Intranet', status: 'proposed', demand: { dev: [30] } },
    { id: 'office', name: 'Office move', status: 'approved' },
  ],
  scenarios: [
    { id: 'plan', name: 'Plan', ranking: ['warehouse', 'shop', 'loyalty', 'intranet', 'office'] },
    { id: 'other', name: 'Loyalty first', ranking: ['loyalty'] },
  ],
};

beforeEach(() => {
  useAppStore.setState({ location: { ...DEFAULT_LOCATION, area: 'strategy' } });
});

describe('the Alignment view', () => {
  it('shows the alignment score big, with a sentence that says what it means', () => {
    render(<AlignmentView portfolio={PORTFOLIO} />);
    const score = screen.getByRole('region', { name: 'Alignment score' });
    expect(within(score).getByTestId('alignment-score')).toHaveTextContent('45/ 100 out of 100');
    expect(score).toHaveTextContent(
      'All of the funded spend serves an objective, and 55% of that would have to move between objectives to match their weights (100: all of it serves objectives, split exactly as weighted).',
    );
    expect(
      screen.getByText(
        '3 of 5 initiatives funded (above the line or in a gap), as the board shows it.',
      ),
    ).toBeVisible();
  });

  it('calls out under- and over-invested objectives in words', () => {
    render(<AlignmentView portfolio={PORTFOLIO} />);
    const callOuts = screen.getByRole('region', { name: 'Investment against weight' });
    expect(
      within(callOuts)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.replace(/^[▲▼]/, '')),
    ).toEqual([
      'Growth: 20% of funded spend for 75% of the weight — under-invested',
      'Retention: 0% of funded spend for 38% of the weight — under-invested',
      'Cost: 80% of funded spend for 25% of the weight — over-invested',
    ]);
  });

  it('sets each objective’s global weight beside its shares of funded spend and capacity', () => {
    render(<AlignmentView portfolio={PORTFOLIO} />);
    const table = screen.getByRole('table', { name: /weight and their share of funded spend/ });
    const row = (name: string) =>
      within(table)
        .getByRole('rowheader', { name })
        .closest('tr')
        ?.textContent?.replace(/\s+/g, ' ');
    expect(row('Growth')).toBe('Growth75%20%20%1Under-invested');
    expect(row('Acquisition')).toBe('Acquisition38%20%20%1');
    expect(row('Cost')).toBe('Cost25%80%80%1Over-invested');
    // Office move is funded, serves nothing, and has no spend or demand: no share, but counted.
    expect(row('Not linked to any objective')).toBe('Not linked to any objective—0%0%1');
  });

  it('flags what serves no objective, opening its editor, and what no funded work serves', async () => {
    const user = userEvent.setup();
    render(<AlignmentView portfolio={PORTFOLIO} />);
    const unlinked = screen.getByRole('region', { name: /Linked to no objective/ });
    expect(
      within(unlinked)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Office movefunded · €0', 'Intranetnot funded']);
    const unserved = screen.getByRole('region', { name: /Served by no funded initiative/ });
    expect(within(unserved).getByRole('listitem')).toHaveTextContent(
      'Retentionin GrowthNot funded but linked: Loyalty.',
    );
    await user.click(within(unlinked).getByRole('button', { name: 'Intranet' }));
    expect(useAppStore.getState().location).toMatchObject({
      area: 'portfolio',
      tab: 'initiatives',
      initiativeId: 'intranet',
    });
  });

  it('draws the heatmap of contributions, funded first, with a table of every link', () => {
    const { container } = render(<AlignmentView portfolio={PORTFOLIO} />);
    expect(
      screen.getByRole('img', {
        name: 'Alignment heatmap: 4 objectives by 3 initiatives, the 2 funded first, 3 links, each cell giving the contribution from 1 (weak) to 3 (strong).',
      }),
    ).toBeInTheDocument();
    const columns = [...container.querySelectorAll('.alignment-heatmap__column-name')];
    expect(
      columns.map((node) => [node.getAttribute('data-column'), node.getAttribute('data-funded')]),
    ).toEqual([
      ['warehouse', 'true'],
      ['shop', 'true'],
      ['loyalty', 'false'],
    ]);
    const cell = container.querySelector(
      '.alignment-heatmap__cell[data-row="cost"][data-column="warehouse"]',
    );
    expect(cell).toHaveTextContent('3');
    const links = screen.getByRole('table', { name: /Initiatives serving each objective/ });
    expect(
      within(links).getByRole('rowheader', { name: 'Retention' }).closest('tr'),
    ).toHaveTextContent('RetentionNoneLoyalty (3 · strong)');
  });

  it('follows the board’s scenario, and its picker chooses the board’s scenario', async () => {
    const user = userEvent.setup();
    useAppStore.setState({ location: { ...DEFAULT_LOCATION, scenarioId: 'other' } });
    render(<AlignmentView portfolio={PORTFOLIO} />);
    // Loyalty first: it takes the whole team, so the rest of the demand waits.
    expect(screen.getByRole('combobox', { name: 'Funded on' })).toHaveValue('other');
    const unserved = screen.getByRole('region', { name: /Served by no funded initiative/ });
    expect(
      within(unserved)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.alignment__name')?.textContent),
    ).toEqual(['Acquisition', 'Cost']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Funded on' }), 'plan');
    expect(useAppStore.getState().location.scenarioId).toBe('plan');
    expect(screen.getByTestId('alignment-score')).toHaveTextContent('45');
  });

  it('asks for objectives when there are none', () => {
    render(<AlignmentView portfolio={{ ...PORTFOLIO, objectives: [] }} />);
    expect(
      screen.getByText('Add themes and objectives in the tree to see alignment'),
    ).toBeVisible();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByTestId('alignment-score')).toBeNull();
  });

  it('says so when nothing is funded, and still shows the links and the flags', () => {
    const noCapacity = {
      ...PORTFOLIO,
      teams: [{ id: 'dev', name: 'Development', capacity: {} }],
      initiatives: PORTFOLIO.initiatives.filter((item) => item.id !== 'office'),
    };
    render(<AlignmentView portfolio={noCapacity} />);
    expect(screen.getByText('Nothing is funded on “Plan”')).toBeVisible();
    expect(screen.queryByTestId('alignment-score')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Investment against weight' })).toBeNull();
    expect(screen.getByRole('img', { name: /none of them funded/ })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: /Served by no funded initiative/ }))
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.alignment__name')?.textContent),
    ).toEqual(['Acquisition', 'Retention', 'Cost']);
  });

  it('says so when the funded work has no spend or demand to divide', () => {
    const weightless = {
      ...PORTFOLIO,
      initiatives: PORTFOLIO.initiatives.map(({ spend: _spend, demand: _demand, ...item }) => item),
    };
    render(<AlignmentView portfolio={weightless} />);
    expect(screen.getByText('The funded work has no spend or demand entered')).toBeVisible();
    expect(screen.queryByTestId('alignment-score')).toBeNull();
  });
});
