/** The Weights tab: a group's weights set directly with the sum shown live, or by comparing pairs. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WeightsView } from '../../../../renderer/areas/strategy/weights/WeightsView';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio, replacePortfolio, undo } from '../../../../renderer/db/repository';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { freshApp } from '../../app/fresh-app';

function Harness() {
  const portfolio = usePortfolio();
  return portfolio ? <WeightsView portfolio={portfolio} /> : null;
}

beforeEach(async () => {
  await freshApp();
});

const themeWeights = async () =>
  (await readPortfolio()).objectives
    .filter((objective) => !objective.parentId)
    .map((objective) => objective.weight);

const customerWeights = async () =>
  (await readPortfolio()).objectives
    .filter((objective) => objective.parentId === 'customers')
    .map((objective) => objective.weight);

async function themes() {
  render(<Harness />);
  return screen.findByRole('region', { name: 'Themes' });
}

/** The objectives under the first theme, weighed directly in the demo. */
async function underCustomers() {
  render(<Harness />);
  return screen.findByRole('region', { name: 'Under “Win and keep customers”' });
}

describe('weights set directly', () => {
  it('shows the sum as it is typed, saves only 100 %, and Undo takes it back', async () => {
    const user = userEvent.setup();
    const group = await underCustomers();
    expect(within(group).getByRole('radio', { name: 'Set directly' })).toBeChecked();
    const ecommerce = within(group).getByRole('textbox', {
      name: 'Grow e-commerce fulfilment revenue',
    });
    expect(ecommerce).toHaveValue('45');
    await user.clear(ecommerce);
    await user.type(ecommerce, '40');
    expect(within(group).getByText(/^Sum: 95 %/)).toHaveTextContent('5 % left to give');
    await user.click(within(group).getByRole('button', { name: 'Save weights' }));
    expect(await customerWeights()).toEqual([0.45, 0.35, 0.2]);

    const selfService = within(group).getByRole('textbox', {
      name: 'Shift customers to self-service',
    });
    await user.clear(selfService);
    await user.type(selfService, '25{Enter}');
    await waitFor(async () => expect(await customerWeights()).toEqual([0.4, 0.35, 0.25]));
    expect(within(group).getByText('Sum: 100 %.')).toBeInTheDocument();

    await undo();
    await waitFor(async () => expect(await customerWeights()).toEqual([0.45, 0.35, 0.2]));
  });

  it('scales what was typed to 100 %', async () => {
    const user = userEvent.setup();
    const group = await underCustomers();
    const ecommerce = within(group).getByRole('textbox', {
      name: 'Grow e-commerce fulfilment revenue',
    });
    await user.clear(ecommerce);
    await user.type(ecommerce, '140');
    expect(within(group).getByText(/Enter a percentage from 0 to 100/)).toBeInTheDocument();
    await user.clear(ecommerce);
    await user.type(ecommerce, '85');
    await user.click(within(group).getByRole('button', { name: 'Scale to 100 %' }));
    // 85 : 35 : 20 of 140.
    expect(ecommerce).toHaveValue('60.7');
    expect(within(group).getByText('Sum: 100 %.')).toBeInTheDocument();
  });

  it('saves an equal split: tenths that cannot make 100 exactly are scaled to', async () => {
    const user = userEvent.setup();
    const group = await underCustomers();
    const fields = within(group).getAllByRole('textbox');
    for (const field of fields) {
      await user.clear(field);
      await user.type(field, '1');
    }
    await user.click(within(group).getByRole('button', { name: 'Scale to 100 %' }));
    expect(fields.map((field) => (field as HTMLInputElement).value)).toEqual([
      '33.4',
      '33.3',
      '33.3',
    ]);
    await user.click(within(group).getByRole('button', { name: 'Save weights' }));
    await waitFor(async () => {
      const shares = await customerWeights();
      expect(shares.map((share) => Math.round((share ?? 0) * 1000) / 1000)).toEqual([
        0.334, 0.333, 0.333,
      ]);
    });
    // The focus stays where it was: the form is not drawn anew.
    expect(within(group).getByRole('button', { name: 'Save weights' })).toHaveFocus();
    // 33.3 three times is 99.9: close enough to save.
    for (const field of fields) {
      await user.clear(field);
      await user.type(field, '33.3');
    }
    expect(within(group).getByText('Sum: 99.9 %, taken as 100 %.')).toBeInTheDocument();
  });

  it('replaces a pairwise comparison when weights are set directly', async () => {
    const user = userEvent.setup();
    const group = await themes();
    // The demo compares its themes pairwise.
    expect(within(group).getByRole('radio', { name: 'Compare pairwise' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Set directly' }));
    expect(within(group).getByText(/replaces the pairwise comparison/)).toBeInTheDocument();
    const customers = within(group).getByRole('textbox', { name: 'Win and keep customers' });
    const operations = within(group).getByRole('textbox', {
      name: 'Run a leaner, greener operation',
    });
    const foundations = within(group).getByRole('textbox', {
      name: 'Secure and compliant foundations',
    });
    for (const [field, value] of [
      [customers, '50'],
      [operations, '30'],
      [foundations, '20'],
    ] as const) {
      await user.clear(field);
      await user.type(field, value);
    }
    await user.click(within(group).getByRole('button', { name: 'Save weights' }));
    await waitFor(async () => expect(await themeWeights()).toEqual([0.5, 0.3, 0.2]));
    expect((await readPortfolio()).objectiveComparisons).toBeUndefined();
  });
});

describe('weights by pairwise comparison', () => {
  it('works the weights out from the judgments, says how consistent they are, and saves them', async () => {
    const user = userEvent.setup();
    const group = await themes();
    await user.click(within(group).getByRole('radio', { name: 'Compare pairwise' }));
    const pair = (a: string, b: string) =>
      within(group).getByRole('combobox', { name: `“${a}” or “${b}”` });
    const customers = 'Win and keep customers';
    const operations = 'Run a leaner, greener operation';
    const foundations = 'Secure and compliant foundations';
    await user.selectOptions(pair(customers, operations), '3');
    await user.selectOptions(pair(customers, foundations), '5');
    await user.selectOptions(pair(operations, foundations), '3');
    const result = within(group).getByRole('table', { name: 'Weights these judgments give' });
    expect(within(result).getByRole('row', { name: /Win and keep customers/ })).toHaveTextContent(
      '63.7 %',
    );
    expect(within(group).getByText(/Consistency ratio 0.033: consistent/)).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Save comparison' }));
    await waitFor(async () => {
      const stored = await readPortfolio();
      expect(stored.objectiveComparisons?.[0]?.judgments).toHaveLength(3);
    });
    const weights = await themeWeights();
    expect(weights[0]).toBeCloseTo(0.637, 3);

    // Foundations now far above customers: contradicts the two other judgments.
    await user.selectOptions(pair(customers, foundations), '1/9');
    const warning = within(group).getByRole('status');
    expect(warning).toHaveTextContent(
      /Consistency ratio [\d.]+: above 0.10, the judgments contradict each other/,
    );
    // One judgment is named, with what the other two suggest instead.
    expect(warning).toHaveTextContent(
      /Look again at “[^”]+” \d+× as important as “[^”]+”: the other judgments suggest “[^”]+” \d+× as important as “[^”]+”\./,
    );
    // Nothing is stored until Save.
    expect((await readPortfolio()).objectiveComparisons?.[0]?.judgments[1]?.ratio).toBe(5);
  });
});

/** A portfolio of `count` themes named T1…, with `judgments` among them. */
function themesOnly(count: number, judgments: Portfolio['objectiveComparisons']): Portfolio {
  return {
    name: 'Themes',
    periods: [{ id: 'p1', label: 'P1' }],
    teams: [],
    objectives: Array.from({ length: count }, (_, index) => ({
      id: `t${index + 1}`,
      name: `T${index + 1}`,
      parentId: null,
    })),
    ...(judgments && { objectiveComparisons: judgments }),
    initiatives: [],
    scenarios: [],
  };
}

describe('comparisons a file brings', () => {
  it('shows a ratio off Saaty’s points as it was recorded, with the weights it gives', async () => {
    await replacePortfolio(
      themesOnly(3, [
        {
          parentId: null,
          judgments: [
            { a: 't1', b: 't2', ratio: 2.5 },
            { a: 't1', b: 't3', ratio: 1.4 },
            { a: 't2', b: 't3', ratio: 0.3 },
          ],
        },
      ]),
      { kind: 'file', label: 'fractional.json' },
      'Opened a file',
    );
    const group = await themes();
    expect(within(group).getByRole('radio', { name: 'Compare pairwise' })).toBeChecked();
    const pair = within(group).getByRole('combobox', { name: '“T1” or “T2”' });
    expect(pair).toHaveDisplayValue('T1: 2.5× (as recorded)');
    expect(within(group).getByRole('combobox', { name: '“T2” or “T3”' })).toHaveDisplayValue(
      'T3: 3.33× (as recorded)',
    );
    const result = within(group).getByRole('table', { name: 'Weights these judgments give' });
    expect(within(result).getByRole('row', { name: /T1/ })).toHaveTextContent('45.4 %');
  });

  it('offers no pairwise comparison for a group of more than ten', async () => {
    await replacePortfolio(themesOnly(11, undefined), { kind: 'file', label: 'x' }, 'Opened');
    const group = await themes();
    expect(within(group).getByRole('radio', { name: 'Compare pairwise' })).toBeDisabled();
    expect(
      within(group).getByText(/takes groups of up to 10 objectives; this one has 11/),
    ).toBeVisible();
  });
});
