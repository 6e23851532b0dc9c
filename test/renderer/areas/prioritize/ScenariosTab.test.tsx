import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { ScenariosTab } from '../../../../renderer/areas/prioritize/ScenariosTab';
import { AppConfirmDialog } from '../../../../renderer/app/ConnectedDialogs';
import { dismissQuestion } from '../../../../renderer/components/dialogs';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { createScenario, deleteScenario } from '../../../../renderer/db/edits';
import { stackOrder } from '../../../../shared/prioritize/cutline';
import { formatMoney, formatNumber } from '../../../../renderer/format';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

const BASELINE = DEMO_PORTFOLIO.scenarios.find((scenario) => scenario.id === 'baseline')!;
const GROWTH = DEMO_PORTFOLIO.scenarios.find((scenario) => scenario.id === 'growth-push')!;
const FILE_ORDER = DEMO_PORTFOLIO.initiatives.map((initiative) => initiative.id);
const nameOf = (id: string) =>
  DEMO_PORTFOLIO.initiatives.find((initiative) => initiative.id === id)!.name;

/** What the board was asked to show, in order. */
let activations: string[] = [];

function Harness({ initialActive }: { readonly initialActive: string | null }) {
  const portfolio = usePortfolio();
  const [active, setActive] = useState(initialActive);
  if (!portfolio) return <p>Loading</p>;
  return (
    <>
      <ScenariosTab
        portfolio={portfolio}
        activeScenarioId={active}
        onActivate={(scenarioId) => {
          activations.push(scenarioId);
          setActive(scenarioId);
        }}
      />
      <AppConfirmDialog />
    </>
  );
}

async function renderTab(initialActive: string | null = BASELINE.id) {
  const user = userEvent.setup();
  render(<Harness initialActive={initialActive} />);
  await screen.findByRole('heading', { name: 'Compare scenarios' });
  return user;
}

function scenarioTable() {
  return screen.getByRole('table', { name: /Scenarios, with what each funds/ });
}

/** The list's row whose header cell starts with the scenario's name. */
function rowOf(name: string) {
  const row = within(scenarioTable())
    .getAllByRole('row')
    .find((candidate) => candidate.querySelector('th')?.textContent?.startsWith(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

async function storedScenarios() {
  return (await readPortfolio()).scenarios;
}

// jsdom has no modal dialogs: opening one here just marks it open, so that it can be found.
withDialogPolyfill();

beforeEach(async () => {
  await freshDatabase();
  activations = [];
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

describe('the scenarios list', () => {
  it('shows each scenario with its description and what it puts above the line', async () => {
    await renderTab();
    const baseline = rowOf(BASELINE.name);
    expect(baseline).toHaveTextContent(BASELINE.description!);
    expect(within(baseline).getByText('On the board')).toBeInTheDocument();
    const cells = within(baseline).getAllByRole('cell');
    // Funded: above the line and in a gap, counted apart as on the board.
    expect(cells[0]).toHaveTextContent('2916 above the line, 13 in a gap');
    expect(cells[1]).toHaveTextContent('33');
    expect(cells[2]).toHaveTextContent(formatNumber(1466.5));
    const growth = within(rowOf(GROWTH.name)).getAllByRole('cell');
    expect(growth[0]).toHaveTextContent('2819 above the line, 9 in a gap');
    expect(growth[1]).toHaveTextContent('34');
    expect(growth[2]).toHaveTextContent(formatNumber(1430.3));
  });

  it('opens a scenario on the board', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: `Open on the board: ${GROWTH.name}` }));
    expect(activations).toEqual([GROWTH.id]);
    expect(within(rowOf(GROWTH.name)).getByText('On the board')).toBeInTheDocument();
  });

  it('creates a scenario from file order, after refusing an empty name', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: 'New scenario' }));
    const field = screen.getByLabelText('Name of the new scenario');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByText('A scenario needs a name.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await storedScenarios()).toHaveLength(2);

    await user.type(field, '  Cost squeeze {Enter}');
    await waitFor(async () => expect(await storedScenarios()).toHaveLength(3));
    const created = (await storedScenarios())[2]!;
    expect(created.name).toBe('Cost squeeze');
    expect(created.ranking).toEqual(FILE_ORDER);
    expect(await screen.findByRole('rowheader', { name: /^Cost squeeze/ })).toBeInTheDocument();
    expect(screen.queryByLabelText('Name of the new scenario')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'New scenario' })).toHaveFocus());
  });

  it('cancels a new scenario with Escape, storing nothing', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: 'New scenario' }));
    await user.type(screen.getByLabelText('Name of the new scenario'), 'Never mind{Escape}');
    expect(screen.queryByLabelText('Name of the new scenario')).not.toBeInTheDocument();
    expect(await storedScenarios()).toHaveLength(2);
  });

  it('duplicates a scenario with its ranking', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: `Duplicate ${GROWTH.name}` }));
    await waitFor(async () => expect(await storedScenarios()).toHaveLength(3));
    const copy = (await storedScenarios())[2]!;
    expect(copy.name).toBe(`${GROWTH.name} (copy)`);
    expect(copy.ranking).toEqual(stackOrder(DEMO_PORTFOLIO, GROWTH.id));
    expect(
      await screen.findByRole('rowheader', { name: new RegExp(`^${GROWTH.name} \\(copy\\)`) }),
    ).toBeInTheDocument();
  });

  it('renames a scenario, and refuses an empty name without storing anything', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: `Rename ${GROWTH.name}` }));
    const field = screen.getByLabelText(`New name for ${GROWTH.name}`);
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('A scenario needs a name.')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription('A scenario needs a name.');
    const unchanged = (await storedScenarios()).find((scenario) => scenario.id === GROWTH.id);
    expect(unchanged?.name).toBe(GROWTH.name);

    await user.type(field, 'Growth bet{Enter}');
    await waitFor(async () => {
      const stored = (await storedScenarios()).find((scenario) => scenario.id === GROWTH.id);
      expect(stored?.name).toBe('Growth bet');
    });
    expect(await screen.findByRole('rowheader', { name: /^Growth bet/ })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Rename Growth bet' })).toHaveFocus(),
    );
  });

  it('deletes a scenario only once the user confirms', async () => {
    const user = await renderTab();
    await user.click(screen.getByRole('button', { name: `Delete ${GROWTH.name}` }));
    const dialog = await screen.findByRole('dialog', {
      name: `Delete the scenario "${GROWTH.name}"?`,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await storedScenarios()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: `Delete ${GROWTH.name}` }));
    await user.click(await screen.findByRole('button', { name: 'Delete scenario' }));
    await waitFor(async () =>
      expect((await storedScenarios()).map((scenario) => scenario.id)).toEqual([BASELINE.id]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('rowheader', { name: /^Growth push/ })).not.toBeInTheDocument(),
    );
    expect(activations).toEqual([]);
  });

  it('deletes the scenario on the board and shows another one there', async () => {
    const user = await renderTab(BASELINE.id);
    await user.click(screen.getByRole('button', { name: `Delete ${BASELINE.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`the board switches to ${GROWTH.name}`);
    await user.click(within(dialog).getByRole('button', { name: 'Delete scenario' }));
    await waitFor(() => expect(activations).toEqual([GROWTH.id]));
    expect((await storedScenarios()).map((scenario) => scenario.id)).toEqual([GROWTH.id]);
  });
});

describe('without scenarios', () => {
  it('says so and offers to create the first one', async () => {
    await deleteScenario(BASELINE.id);
    await deleteScenario(GROWTH.id);
    const user = userEvent.setup();
    render(<Harness initialActive={null} />);
    expect(await screen.findByText('No scenarios yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New scenario' }));
    await user.type(screen.getByLabelText('Name of the new scenario'), 'First{Enter}');
    expect(await screen.findByRole('rowheader', { name: /^First/ })).toBeInTheDocument();
    expect((await storedScenarios()).map((scenario) => scenario.name)).toEqual(['First']);
  });
});

describe('comparing scenarios', () => {
  function comparisonTable() {
    return screen.getByRole('table', { name: /side by side/ });
  }

  /** The comparison table's cells in the row with this header, one per scenario. */
  function cellsOf(header: string) {
    const row = within(comparisonTable()).getByRole('rowheader', { name: header }).closest('tr')!;
    return within(row).getAllByRole('cell');
  }

  it('sets the two demo scenarios side by side with their totals and what comes in and goes out', async () => {
    await renderTab();
    expect(screen.getByRole('checkbox', { name: BASELINE.name })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: GROWTH.name })).toBeChecked();
    expect(screen.getByLabelText('Baseline')).toHaveValue(BASELINE.id);
    expect(comparisonTable()).toHaveAccessibleName(
      `2 scenarios side by side, measured against the baseline ${BASELINE.name}`,
    );
    const headers = within(comparisonTable()).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual([
      'Measure',
      `${BASELINE.name}baseline`,
      GROWTH.name,
    ]);

    const [baseValue, growthValue] = cellsOf('Value funded');
    expect(baseValue).toHaveTextContent(formatNumber(1466.5));
    expect(baseValue).not.toHaveTextContent('value');
    expect(growthValue).toHaveTextContent(formatNumber(1430.3));
    expect(growthValue).toHaveTextContent(`\u2212${formatNumber(36.3)} value`);

    const [baseSpend, growthSpend] = cellsOf('Spend funded');
    expect(baseSpend).toHaveTextContent(formatMoney(7_950_000, 'EUR'));
    expect(growthSpend).toHaveTextContent(formatMoney(7_080_000, 'EUR'));
    expect(growthSpend).toHaveTextContent(`\u2212${formatMoney(870_000, 'EUR')} spend`);

    const [baseCapacity, growthCapacity] = cellsOf('Capacity used');
    expect(baseCapacity).toHaveTextContent(`${formatNumber(219.5)} of ${formatNumber(289.5)} FTE`);
    expect(baseCapacity).toHaveTextContent('76% utilization');
    expect(growthCapacity).toHaveTextContent(`${formatNumber(197)} of ${formatNumber(289.5)} FTE`);
    expect(growthCapacity).toHaveTextContent(`\u2212${formatNumber(22.5)} FTE used`);
    expect(growthCapacity).toHaveTextContent(`\u2212${formatNumber(7.8)} points utilization`);

    const [baseCount, growthCount] = cellsOf('Initiatives funded / below the line');
    expect(baseCount).toHaveTextContent('16 above the line, 13 in a gap, 33 below');
    expect(growthCount).toHaveTextContent('19 above the line, 9 in a gap, 34 below');
    expect(growthCount).toHaveTextContent('\u22121 funded');

    const [, comesIn] = cellsOf('Comes in vs baseline');
    expect(
      within(comesIn!)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(
      [
        'customer-360',
        'churn-early-warning',
        'sme-loyalty',
        'driver-app-v3',
        'sorter-controls',
        'intranet-refresh',
      ].map(nameOf),
    );
    const [baseOut, goesOut] = cellsOf('Goes out vs baseline');
    expect(baseOut).toHaveTextContent('Baseline');
    expect(within(goesOut!).getAllByRole('listitem')).toHaveLength(7);
    expect(goesOut).toHaveTextContent(nameOf('route-optimization'));
    expect(goesOut).toHaveTextContent(nameOf('procure-to-pay'));

    const team = DEMO_PORTFOLIO.teams[0]!;
    expect(
      within(comparisonTable()).getByRole('rowheader', { name: `Capacity used by ${team.name}` }),
    ).toBeInTheDocument();
  });

  it('measures against the baseline the user picks', async () => {
    const user = await renderTab();
    await user.selectOptions(screen.getByLabelText('Baseline'), GROWTH.id);
    expect(comparisonTable()).toHaveAccessibleName(
      `2 scenarios side by side, measured against the baseline ${GROWTH.name}`,
    );
    const [baseValue] = cellsOf('Value funded');
    expect(baseValue).toHaveTextContent(`+${formatNumber(36.3)} value`);
  });

  it('compares at most four, and says why the fifth cannot be ticked', async () => {
    for (const name of ['Third', 'Fourth', 'Fifth']) await createScenario(name);
    const user = await renderTab();
    expect(await screen.findByRole('checkbox', { name: 'Fifth' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Third' }));
    expect(screen.getByRole('checkbox', { name: 'Fifth' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: 'Fourth' }));
    const fifth = screen.getByRole('checkbox', { name: 'Fifth' });
    expect(fifth).toBeDisabled();
    expect(fifth).toHaveAccessibleDescription(
      'At most 4 scenarios fit side by side; untick one to choose another.',
    );
    expect(within(comparisonTable()).getAllByRole('columnheader')).toHaveLength(5);

    await user.click(screen.getByRole('checkbox', { name: 'Third' }));
    expect(screen.getByRole('checkbox', { name: 'Fifth' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: BASELINE.name }));
    await user.click(screen.getByRole('checkbox', { name: GROWTH.name }));
    expect(screen.getByText('Choose at least 2 scenarios (up to 4).')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /side by side/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Baseline')).not.toBeInTheDocument();
  });
});
