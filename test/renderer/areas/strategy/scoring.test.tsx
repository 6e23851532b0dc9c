/**
 * The Scoring tab as a user drives it: scores typed from the keyboard with the value and priority
 * following, a score off its scale refused with the scale named, the criteria edited, a model
 * switch compared before it is made, and "Rank by model" reordering the board's scenario with
 * Undo bringing the old order back.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScoringView } from '../../../../renderer/areas/strategy/scoring/ScoringView';
import { AppNotices } from '../../../../renderer/app/ConnectedDialogs';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio, replacePortfolio, undo } from '../../../../renderer/db/repository';
import { ReplayProvider } from '../../../../renderer/app/ReplayProvider';
import { useAppStore } from '../../../../renderer/state/store';
import { stackOrder } from '../../../../shared/prioritize/cutline';
import type { Initiative, Portfolio } from '../../../../shared/portfolio/types';
import { modelRanking } from '../../../../shared/strategy/scoring';
import { DRAW_ALL_UP_TO } from '../../../../renderer/areas/strategy/scoring/ScoringGrid';
import { generatePortfolio } from '../../../bench/generate-portfolio';
import { freshDatabase } from '../../db/fresh-database';
import { layOutScrollBoxes, type VirtualLayout } from '../../virtual-layout';

function Harness() {
  const portfolio = usePortfolio();
  return (
    <>
      {portfolio ? <ScoringView portfolio={portfolio} /> : <p>Loading</p>}
      <AppNotices />
    </>
  );
}

const initiative = (id: string, name: string, extra: Partial<Initiative> = {}): Initiative => ({
  id,
  name,
  status: 'proposed',
  demand: { team: [4] },
  ...extra,
});

/**
 * Four initiatives of 4 units against a team of 10 (two fit), scored on two weighted criteria
 * of 1–5 and on WSJF's criteria, which the weighted model does not read.
 */
const SMALL: Portfolio = {
  name: 'Small',
  periods: [{ id: 'p1', label: 'P1' }],
  teams: [{ id: 'team', name: 'Team', capacity: { p1: 10 } }],
  objectives: [],
  scoring: {
    model: 'weighted',
    criteria: [
      { id: 'benefit', name: 'Benefit', weight: 1, scale: '1-5' },
      { id: 'reach-out', name: 'Reach out', weight: 1, scale: '1-5' },
    ],
  },
  initiatives: [
    initiative('a', 'Alpha', {
      scores: { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 8 },
    }),
    initiative('b', 'Bravo', {
      scores: { benefit: 2, businessValue: 2, timeCriticality: 1, riskReduction: 1, jobSize: 8 },
    }),
    initiative('c', 'Charlie', {
      scores: { benefit: 3, businessValue: 13, timeCriticality: 1, riskReduction: 1, jobSize: 2 },
    }),
    initiative('d', 'Delta', {
      scores: { benefit: 4, businessValue: 20, timeCriticality: 1, riskReduction: 1, jobSize: 1 },
    }),
  ],
  scenarios: [{ id: 'plan', name: 'Plan', ranking: ['a', 'b', 'c', 'd'] }],
};

async function renderView(portfolio?: Portfolio) {
  if (portfolio) await replacePortfolio(portfolio, { kind: 'file', label: 'small.json' }, 'Open');
  const user = userEvent.setup();
  render(<Harness />);
  await screen.findByRole('table', { name: /^Scores of each initiative/ });
  return user;
}

function grid(): HTMLElement {
  return screen.getByRole('table', { name: /^Scores of each initiative/ });
}

/** The grid's row of an initiative, by its name: its cells are place, value, priority, scores. */
function row(name: string): HTMLElement {
  const header = within(grid())
    .getAllByRole('rowheader')
    .find((cell) => cell.querySelector('span')?.textContent === name);
  const found = header?.closest('tr');
  if (!found) throw new Error(`No row for ${name}`);
  return found;
}

/** The grid's rows' initiative names, top to bottom. */
function rowNames(): string[] {
  return within(grid())
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('span')?.textContent ?? '');
}

function cells(name: string): string[] {
  return within(row(name))
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

function notice(): HTMLElement {
  return screen.getByRole('status');
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({
    notices: [],
    location: { ...useAppStore.getState().location, scenarioId: null },
  });
});

describe('the scoring grid', () => {
  it('takes scores typed from the keyboard, and the value, priority and place follow', async () => {
    const user = await renderView(SMALL);
    // By priority: Delta (4 of 1–5), Charlie (3), Bravo (2); Alpha has no weighted score.
    expect(rowNames()).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect(cells('Alpha')).toEqual(['–', '–', '–2 missing: Benefit, Reach out', '', '']);
    expect(cells('Bravo')).toEqual(['3', '25', '251 missing: Reach out', '', '']);
    await user.click(screen.getByRole('textbox', { name: 'Benefit of Bravo' }));
    // The cell's number is selected: typing replaces it.
    await user.keyboard('5');
    await user.tab();
    // Tab stored the score and went across to the next criterion.
    expect(screen.getByRole('textbox', { name: 'Reach out of Bravo' })).toHaveFocus();
    await waitFor(() => expect(cells('Bravo')[1]).toBe('100'));
    await user.keyboard('3{Enter}');
    // Enter stored it and went down the column.
    expect(screen.getByRole('textbox', { name: 'Reach out of Alpha' })).toHaveFocus();
    // (5 → 100 + 3 → 50) ÷ 2: value and priority 75, level with Delta and first by file order.
    await waitFor(() => expect(cells('Bravo')).toEqual(['1', '75', '75', '', '']));
    expect((await readPortfolio()).initiatives[1]?.scores).toMatchObject({
      benefit: 5,
      'reach-out': 3,
    });
    // The rows keep their order while the grid has the focus…
    expect(rowNames()).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    // …Shift+Tab goes back across, Shift+Enter up, Escape takes back what was typed.
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('textbox', { name: 'Benefit of Alpha' })).toHaveFocus();
    await user.keyboard('4{Escape}');
    expect(screen.getByRole('textbox', { name: 'Benefit of Alpha' })).toHaveValue('');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(screen.getByRole('textbox', { name: 'Benefit of Bravo' })).toHaveFocus();
    // …and are sorted again once it is left.
    await user.click(screen.getByRole('heading', { name: 'Scores' }));
    await waitFor(() => expect(rowNames()).toEqual(['Bravo', 'Delta', 'Charlie', 'Alpha']));
    expect((await readPortfolio()).initiatives[0]?.scores).not.toHaveProperty('benefit');
  });

  it('refuses a score off its scale, naming the scale, and keeps the focus until it is put right', async () => {
    const user = await renderView(SMALL);
    const cell = screen.getByRole('textbox', { name: 'Benefit of Bravo' });
    await user.click(cell);
    await user.keyboard('7');
    expect(cell).toHaveAttribute('aria-invalid', 'true');
    expect(cell).toHaveAccessibleDescription(
      "Benefit must be from 1 to 5 on the Weighted criteria model's scale. Escape puts back the stored score.",
    );
    await user.tab();
    // Tab does not leave a refused entry, and nothing was stored.
    expect(cell).toHaveFocus();
    expect((await readPortfolio()).initiatives[1]?.scores?.benefit).toBe(2);
    await user.keyboard('{Escape}');
    expect(cell).toHaveValue('2');
    expect(cell).not.toHaveAttribute('aria-invalid');
  });

  it('takes WSJF scores on the Fibonacci scale and RICE confidence as a percentage', async () => {
    const wsjf: Portfolio = {
      ...SMALL,
      scoring: {
        model: 'wsjf',
        criteria: [{ id: 'jobSize', name: 'Job size', scale: 'fibonacci' }],
      },
    };
    const user = await renderView(wsjf);
    const size = screen.getByRole('textbox', { name: 'Job size of Alpha' });
    await user.click(size);
    await user.keyboard('4');
    expect(size).toHaveAccessibleDescription(
      "Job size must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale. Escape puts back the stored score.",
    );
    await user.keyboard('{Backspace}5{Enter}');
    await waitFor(async () =>
      expect((await readPortfolio()).initiatives[0]?.scores?.jobSize).toBe(5),
    );
    // Alpha: cost of delay 3 ÷ job size 5.
    await waitFor(() => expect(cells('Alpha')[2]).toBe('0.6'));

    const rice: Portfolio = {
      ...SMALL,
      scoring: { model: 'rice' },
      initiatives: [initiative('a', 'Alpha', { scores: { reach: 100, impact: 2, effort: 4 } })],
      scenarios: [],
    };
    await replacePortfolio(rice, { kind: 'file' }, 'Open');
    const confidence = await screen.findByRole('textbox', { name: 'Confidence of Alpha' });
    await user.click(confidence);
    await user.keyboard('0.8');
    expect(confidence).toHaveAccessibleDescription(
      'Confidence must be one of 100, 80, 50, typed as a percentage. Escape puts back the stored score.',
    );
    await user.clear(confidence);
    await user.keyboard('80{Enter}');
    await waitFor(async () =>
      expect((await readPortfolio()).initiatives[0]?.scores?.confidence).toBe(0.8),
    );
    // 100 × 2 × 0.8 = 160, ÷ 4 person-months = 40.
    await waitFor(() => expect(cells('Alpha').slice(1, 3)).toEqual(['160', '40']));
  });

  it('shows a typed value as an override beside the model’s, and computed fit read-only', async () => {
    await renderView();
    // The demo: strategic fit computed from the links; a typed business-case value on some.
    const demo = await readPortfolio();
    const overridden = demo.initiatives.find((entry) => entry.value !== undefined) as Initiative;
    expect(within(row(overridden.name)).getByText(/typed · model/)).toBeInTheDocument();
    expect(
      within(grid()).getByRole('columnheader', { name: /^Strategic fit,\s?computed/ }),
    ).toBeVisible();
    expect(
      screen.queryByRole('textbox', { name: `Strategic fit of ${overridden.name}` }),
    ).not.toBeInTheDocument();
    // Typed instead: a cell to score it in for every initiative.
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('checkbox', { name: 'Computed from objective links (Strategic fit)' }),
    );
    expect(
      await screen.findByRole('textbox', { name: `Strategic fit of ${overridden.name}` }),
    ).toBeVisible();
  });

  it('finds initiatives by name and status, and sorts by priority or name', async () => {
    const user = await renderView(SMALL);
    expect(rowNames()).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'name');
    expect(rowNames()).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ar');
    expect(rowNames()).toEqual(['Charlie']);
    expect(screen.getByText('1 of 4 initiatives')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');
    expect(screen.getByText('No initiative matches.')).toBeInTheDocument();
  });
});

describe('the criteria', () => {
  it('starts a portfolio without a model from the weighted starter criteria', async () => {
    const { scoring: _none, ...unscored } = SMALL;
    await replacePortfolio(unscored, { kind: 'file' }, 'Open');
    const user = userEvent.setup();
    render(<Harness />);
    const model = await screen.findByRole('combobox', { name: 'Model' });
    expect(screen.getByText(/No scoring model yet/)).toBeInTheDocument();
    await user.selectOptions(model, 'weighted');
    const criteria = await screen.findByRole('table', { name: 'Weighted criteria' });
    expect(
      within(criteria)
        .getAllByRole('textbox', { name: /^Name of criterion/ })
        .map((field) => (field as HTMLInputElement).value),
    ).toEqual(['Strategic fit', 'Customer value', 'Revenue impact', 'Risk reduction']);
    expect(
      screen.getByRole('checkbox', { name: 'Computed from objective links (Strategic fit)' }),
    ).toBeChecked();
    expect(within(criteria).getByRole('row', { name: /Sum of the weights/ })).toHaveTextContent(
      '100',
    );
    expect(notice()).toHaveTextContent('Chose the Weighted criteria scoring model.');
  });

  it('adds, weighs, reorders and deletes weighted criteria, with the sum of the weights live', async () => {
    const user = await renderView(SMALL);
    const criteria = screen.getByRole('table', { name: 'Weighted criteria' });
    expect(within(criteria).getByRole('row', { name: /Sum of the weights/ })).toHaveTextContent(
      '2',
    );
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    const name = await screen.findByRole('textbox', { name: 'Name of criterion 3' });
    await waitFor(() => expect(name).toHaveFocus());
    await user.keyboard('Urgency');
    const weight = await screen.findByRole('textbox', { name: 'Weight of Urgency' });
    await user.clear(weight);
    await user.type(weight, '2');
    await waitFor(() =>
      expect(within(criteria).getByRole('row', { name: /Sum of the weights/ })).toHaveTextContent(
        '4',
      ),
    );
    expect(within(grid()).getByRole('columnheader', { name: /Urgency/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move Urgency up' }));
    await waitFor(async () =>
      expect((await readPortfolio()).scoring?.criteria?.map((entry) => entry.name)).toEqual([
        'Benefit',
        'Urgency',
        'Reach out',
      ]),
    );
    expect(screen.getByRole('button', { name: 'Move Urgency up' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Delete the criterion Urgency' }));
    await waitFor(() => expect(notice()).toHaveTextContent('Deleted the criterion Urgency'));
  });

  it('refuses a scale scores fall off, naming them', async () => {
    const user = await renderView(SMALL);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scale of Benefit' }), '1-5');
    const scale = screen.getByRole('combobox', { name: 'Scale of Benefit' });
    await user.selectOptions(scale, 'fibonacci');
    await waitFor(() =>
      expect(scale).toHaveAccessibleDescription(
        'Benefit cannot be scored modified Fibonacci: 1 score is off it: Delta (4). Change that score first, or choose a wider scale.',
      ),
    );
    expect((await readPortfolio()).scoring?.criteria?.[0]?.scale).toBe('1-5');
  });
});

describe('switching models', () => {
  it('shows how the ranking moves and who crosses the cut line before switching', async () => {
    const user = await renderView(SMALL);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'wsjf');
    const comparison = screen.getByRole('region', {
      name: 'Switch from Weighted criteria to WSJF?',
    });
    // Nothing is switched yet.
    expect((await readPortfolio()).scoring?.model).toBe('weighted');
    const places = within(comparison)
      .getAllByRole('row')
      .slice(1)
      .map((entry) => entry.textContent);
    // Weighted: Delta, Charlie, Bravo, Alpha (two fit). WSJF: Delta (22 ÷ 1), Charlie (15 ÷ 2)…
    expect(places).toEqual([
      'Delta11=same placestays above',
      'Charlie22=same placestays above',
      'Bravo33=same placestays below',
      'Alpha44=same placestays below',
    ]);
    await user.click(within(comparison).getByRole('button', { name: 'Keep Weighted criteria' }));
    expect(screen.queryByRole('region', { name: /Switch from/ })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('weighted');

    // Benefit of Bravo up to 5: now Bravo is above under the weighted model, not under WSJF.
    await user.click(screen.getByRole('textbox', { name: 'Benefit of Bravo' }));
    await user.keyboard('5{Enter}');
    await waitFor(async () =>
      expect(modelRanking(await readPortfolio()).slice(0, 2)).toEqual(['b', 'd']),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'wsjf');
    const again = screen.getByRole('region', { name: 'Switch from Weighted criteria to WSJF?' });
    expect(within(again).getByRole('row', { name: /^Bravo/ })).toHaveTextContent(
      'Bravo13▼ 2down 2 placesgoes below the line',
    );
    expect(within(again).getByRole('row', { name: /^Charlie/ })).toHaveTextContent(
      'comes above the line',
    );
    expect(again).toHaveTextContent(
      'Under WSJF, 1 initiative comes above the cut line and 1 goes below it',
    );
    await user.click(within(again).getByRole('button', { name: 'Switch to WSJF' }));
    await waitFor(async () => expect((await readPortfolio()).scoring?.model).toBe('wsjf'));
    expect(notice()).toHaveTextContent(
      'Switched the scoring model from Weighted criteria to WSJF. Scores are kept',
    );
    expect(await screen.findByRole('textbox', { name: 'Job size of Alpha' })).toHaveValue('8');
    // Switching back brings the weighted criteria and their scores back.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'weighted');
    await user.click(screen.getByRole('button', { name: 'Switch to Weighted criteria' }));
    expect(await screen.findByRole('textbox', { name: 'Benefit of Bravo' })).toHaveValue('5');
  });

  it('says when the other model would refuse scores, and does not offer the switch', async () => {
    const off: Portfolio = {
      ...SMALL,
      scoring: {
        ...SMALL.scoring!,
        extras: {
          criteriaOfOtherModels: { wsjf: [{ id: 'jobSize', name: 'Job size', scale: '1-5' }] },
        },
      },
    };
    const user = await renderView(off);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'wsjf');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The switch would be refused: 2 scores are off WSJF’s scales');
    expect(alert).toHaveTextContent('Alpha, Job size: 8 (1–5)');
    expect(screen.getByRole('button', { name: 'Switch to WSJF' })).toBeDisabled();
  });
});

describe('rank by model', () => {
  it('reorders the board’s scenario by priority, and Undo restores its order', async () => {
    const user = await renderView(SMALL);
    await user.click(screen.getByRole('button', { name: 'Rank “Plan” by model' }));
    await waitFor(async () =>
      expect(stackOrder(await readPortfolio(), 'plan')).toEqual(['d', 'c', 'b', 'a']),
    );
    expect(notice()).toHaveTextContent(
      'Ranked “Plan” by Weighted criteria: 3 cards moved. The board shows it; Ctrl+Z undoes it.',
    );
    await user.click(within(notice()).getByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect(stackOrder(await readPortfolio(), 'plan')).toEqual(['a', 'b', 'c', 'd']),
    );
  });

  it('creates a scenario ranked by the model, and shows it on the board', async () => {
    const user = await renderView(SMALL);
    await user.click(screen.getByRole('button', { name: 'New scenario ranked by model' }));
    await waitFor(async () => expect((await readPortfolio()).scenarios).toHaveLength(2));
    const created = (await readPortfolio()).scenarios[1]!;
    expect(created).toMatchObject({
      name: 'Ranked by Weighted criteria',
      ranking: ['d', 'c', 'b', 'a'],
    });
    expect(useAppStore.getState().location.scenarioId).toBe(created.id);
    expect(
      await screen.findByRole('button', { name: 'Rank “Ranked by Weighted criteria” by model' }),
    ).toBeInTheDocument();
  });
});

describe('a large portfolio', () => {
  const SIZE = 1000;
  const generated = generatePortfolio({
    initiatives: SIZE,
    teams: 5,
    periods: 6,
    dependencyShare: 0.1,
    seed: 5,
  });
  const LARGE: Portfolio = {
    ...generated,
    scoring: { model: 'weighted', criteria: [{ id: 'benefit', name: 'Benefit', scale: '1-5' }] },
    initiatives: generated.initiatives.map((entry, index) => ({
      ...entry,
      scores: { benefit: 1 + (index % 5) },
    })),
  };
  /** jsdom lays nothing out: the grid's scroll box gets a screen's size, each row a line. */
  const ROW = 41;
  let layout: VirtualLayout | undefined;
  beforeEach(() => {
    layout = layOutScrollBoxes('score-grid__scroll', { width: 1100, height: 600 }, ROW);
  });
  afterEach(() => {
    layout?.restore();
  });

  it('draws only the rows in view, and Enter on the last one drawn scrolls on to the next', async () => {
    expect(SIZE).toBeGreaterThan(DRAW_ALL_UP_TO);
    const user = await renderView(LARGE);
    const table = grid();
    expect(table).toHaveAttribute('aria-rowcount', String(SIZE + 1));
    const drawn = () =>
      within(grid())
        .getAllByRole('row')
        .filter((entry) => entry.hasAttribute('data-index'));
    expect(drawn().length).toBeLessThan(60);
    const box = document.querySelector('.score-grid__scroll') as HTMLElement;
    layout?.scrollable(box, ROW * (SIZE + 1));
    const last = drawn().at(-1) as HTMLElement;
    const lastIndex = Number(last.getAttribute('data-index'));
    const cell = within(last).getByRole('textbox');
    await user.click(cell);
    await user.keyboard('2{Enter}');
    // The row below was not drawn: the grid scrolls to it and gives it the focus.
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('data-row', String(lastIndex + 1)),
    );
    expect(drawn().length).toBeLessThan(60);
    act(() => (document.activeElement as HTMLElement).blur());
  });
});

describe('undo in the grid', () => {
  it('shows an undo in a cell being typed in, and leaving the cell stores nothing more', async () => {
    await freshDatabase();
    await replacePortfolio(SMALL, { kind: 'file', label: 'small.json' }, 'Open');
    const user = userEvent.setup();
    render(
      <ReplayProvider>
        <Harness />
      </ReplayProvider>,
    );
    const cell = await screen.findByRole('textbox', { name: 'Benefit of Alpha' });
    const benefit = async () =>
      (await readPortfolio()).initiatives.find((entry) => entry.id === 'a')?.scores?.benefit;
    await user.click(cell);
    await user.keyboard('5{Tab}');
    await waitFor(async () => expect(await benefit()).toBe(5));
    // Typed, not yet stored, then Ctrl+Z: the 5 is undone, and the cell shows it at once.
    await user.click(cell);
    await user.keyboard('3');
    await act(async () => {
      await undo();
    });
    await waitFor(() => expect(cell).toHaveValue(''));
    expect(await benefit()).toBeUndefined();
    // Leaving the cell stores nothing: what was typed went with the undo.
    await user.click(document.body);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await benefit()).toBeUndefined();
  });
});
