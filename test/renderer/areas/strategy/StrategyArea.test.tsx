import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { StrategyArea } from '../../../../renderer/areas/strategy/StrategyArea';
import { ConfirmDialog } from '../../../../renderer/components/ConfirmDialog';
import { dismissQuestion, useOpenQuestion } from '../../../../renderer/components/dialogs';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio, replacePortfolio } from '../../../../renderer/db/repository';
import { localToday } from '../../../../renderer/format';
import { useAppStore } from '../../../../renderer/state/store';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../../../shared/portfolio/empty';
import type { Objective, Portfolio } from '../../../../shared/portfolio/types';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

/** The area on the stored portfolio, with the app's confirm dialog. */
function Harness() {
  const portfolio = usePortfolio();
  const question = useOpenQuestion();
  return (
    <>
      {portfolio ? <StrategyArea portfolio={portfolio} /> : <p>Loading</p>}
      {question && <ConfirmDialog question={question} onAnswer={question.answer} />}
    </>
  );
}

async function renderArea() {
  const user = userEvent.setup();
  render(<Harness />);
  await screen.findByRole('tree', { name: 'Strategy tree' });
  return user;
}

function item(name: string): HTMLElement {
  return screen.getByRole('treeitem', { name });
}

/** The names of the tree's items in view, top to bottom, indented two spaces a level. */
function outline(): string[] {
  return screen.getAllByRole('treeitem').map((element) => {
    const level = Number(element.getAttribute('aria-level'));
    const name = element.querySelector('.strategy-row__name')?.textContent ?? '';
    return `${'  '.repeat(level - 1)}${name}`;
  });
}

function announced(): string {
  return document.querySelector('.strategy__live')?.textContent?.trim() ?? '';
}

function details(): HTMLElement {
  return screen.getByRole('region', {
    name: (_, element) => element.classList.contains('strategy-details'),
  });
}

async function stored(): Promise<Portfolio> {
  return readPortfolio();
}

function objectiveIn(portfolio: Portfolio, name: string): Objective | undefined {
  return portfolio.objectives.find((objective) => objective.name === name);
}

/** The ids of the children of `parentId` (null: the themes), in order. */
function childrenIds(portfolio: Portfolio, parentId: string | null): string[] {
  return portfolio.objectives
    .filter((objective) => (objective.parentId ?? null) === parentId)
    .map((objective) => objective.id);
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

describe('the strategy tree', () => {
  it('shows themes, objectives and measures as a tree with one Tab stop', async () => {
    await renderArea();
    expect(screen.getByText('3 themes · 8 objectives · 12 measures')).toBeInTheDocument();
    expect(outline().slice(0, 5)).toEqual([
      'Win and keep customers',
      '  Grow e-commerce fulfilment revenue',
      '    E-commerce fulfilment revenue',
      '    New web-shop accounts per quarter',
      '  Improve the delivery experience',
    ]);
    const theme = item('Win and keep customers');
    expect(theme).toHaveAttribute('aria-expanded', 'true');
    expect(theme).toHaveAttribute('aria-posinset', '1');
    expect(theme).toHaveAttribute('aria-setsize', '3');
    expect(within(theme).getAllByRole('group')[0]).toBeInTheDocument();
    const measure = item('E-commerce fulfilment revenue');
    expect(measure).not.toHaveAttribute('aria-expanded');
    expect(measure).toHaveAccessibleDescription(/Measure/);
    const tabbable = screen.getAllByRole('treeitem').filter((element) => element.tabIndex === 0);
    expect(tabbable).toEqual([theme]);
    // The first theme is chosen: its details are beside the tree.
    expect(
      within(details()).getByRole('heading', { name: 'Win and keep customers' }),
    ).toBeVisible();
  });

  it('moves through the tree with the arrow keys, Home and End; details follow', async () => {
    const user = await renderArea();
    item('Win and keep customers').focus();
    await user.keyboard('{ArrowDown}');
    expect(item('Grow e-commerce fulfilment revenue')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const measure = item('E-commerce fulfilment revenue');
    expect(measure).toHaveFocus();
    expect(measure).toHaveAttribute('aria-selected', 'true');
    expect(measure.tabIndex).toBe(0);
    expect(
      within(details()).getByText('Measure of “Grow e-commerce fulfilment revenue”'),
    ).toBeVisible();
    // Left from a measure goes to its objective; Left again closes it; Right opens it again.
    await user.keyboard('{ArrowLeft}');
    const objective = item('Grow e-commerce fulfilment revenue');
    expect(objective).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(objective).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('treeitem', { name: 'E-commerce fulfilment revenue' })).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(item('Improve the delivery experience')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowRight}');
    expect(objective).toHaveAttribute('aria-expanded', 'true');
    expect(objective).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(item('E-commerce fulfilment revenue')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Open high-severity audit findings')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('Win and keep customers')).toHaveFocus();
    // Left on a theme's open group closes it; Left on a closed theme stays.
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(item('Win and keep customers')).toHaveAttribute('aria-expanded', 'false');
    expect(item('Win and keep customers')).toHaveFocus();
  });

  it('lifts an objective with Space and moves it with the arrows; Space drops it', async () => {
    const user = await renderArea();
    item('Raise warehouse productivity').focus();
    await user.keyboard(' ');
    expect(announced()).toMatch(
      /^Lifted “Raise warehouse productivity”, under “Run a leaner, greener operation”, 1 of 3\./,
    );
    await user.keyboard('{ArrowUp}');
    expect(announced()).toBe('“Raise warehouse productivity” is already first.');
    await user.keyboard('{ArrowDown}');
    expect(announced()).toBe(
      '“Raise warehouse productivity”, under “Run a leaner, greener operation”, 2 of 3.',
    );
    expect(item('Raise warehouse productivity')).toHaveFocus();
    // Left: out to the themes, right after its old parent.
    await user.keyboard('{ArrowLeft}');
    expect(announced()).toBe('“Raise warehouse productivity”, a theme, 3 of 4.');
    expect(item('Raise warehouse productivity')).toHaveAttribute('aria-level', '1');
    // Right: into the item above as its last child.
    await user.keyboard('{ArrowRight}');
    expect(announced()).toBe(
      '“Raise warehouse productivity”, under “Run a leaner, greener operation”, 3 of 3.',
    );
    await user.keyboard('{ArrowRight}');
    expect(announced()).toBe(
      '“Raise warehouse productivity”, under “Decide on trusted data”, 1 of 1.',
    );
    expect(item('Raise warehouse productivity')).toHaveAttribute('aria-level', '3');
    // Nothing is stored before the drop.
    expect(objectiveIn(await stored(), 'Raise warehouse productivity')?.parentId).toBe(
      'operations',
    );
    await user.keyboard(' ');
    await waitFor(async () =>
      expect(objectiveIn(await stored(), 'Raise warehouse productivity')?.parentId).toBe(
        'trusted-data',
      ),
    );
    expect(announced()).toBe(
      'Dropped “Raise warehouse productivity”, under “Decide on trusted data”, 1 of 1.',
    );
    await waitFor(() => expect(item('Raise warehouse productivity')).toHaveFocus());
    expect(item('Raise warehouse productivity')).toHaveAttribute('aria-level', '3');
  });

  it('puts a lifted item back with Escape, and moves a measure among its objective’s', async () => {
    const user = await renderArea();
    const before = await stored();
    item('Decide on trusted data').focus();
    await user.keyboard(' {ArrowLeft}{ArrowUp}{Escape}');
    expect(announced()).toBe(
      'Move cancelled. “Decide on trusted data” is back, under “Run a leaner, greener operation”, 3 of 3.',
    );
    expect(item('Decide on trusted data')).toHaveAttribute('aria-level', '2');
    expect(item('Decide on trusted data')).toHaveFocus();
    expect(await stored()).toEqual(before);

    item('Last-mile cost per parcel').focus();
    await user.keyboard(' ');
    expect(announced()).toMatch(
      /^Lifted “Last-mile cost per parcel”, in “Cut cost and emissions per delivery”, measure 1 of 2\./,
    );
    await user.keyboard('{ArrowRight}');
    expect(announced()).toMatch(/^A measure moves among its objective’s measures/);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(async () =>
      expect(
        objectiveIn(await stored(), 'Cut cost and emissions per delivery')?.measures?.map(
          (measure) => measure.id,
        ),
      ).toEqual(['co2-per-parcel', 'cost-per-parcel']),
    );
  });

  it('refuses to drop an objective where the store says no, and says why', async () => {
    // The tree never offers a place under the item itself; an objective moved away by another
    // window in the meantime is what the store refuses.
    const user = await renderArea();
    item('Stay compliant and audit-ready').focus();
    await user.keyboard(' {ArrowUp}');
    const portfolio = await stored();
    await replacePortfolio(
      {
        ...portfolio,
        objectives: portfolio.objectives.filter((objective) => objective.id !== 'cyber-resilience'),
        initiatives: portfolio.initiatives.map(({ objectives, ...initiative }) => {
          const kept = objectives?.filter((link) => link.id !== 'cyber-resilience') ?? [];
          return kept.length > 0 ? { ...initiative, objectives: kept } : initiative;
        }),
      },
      { kind: 'file', label: 'other-window.json' },
      'Another window removed an objective',
    );
    await user.keyboard(' ');
    await waitFor(() =>
      expect(announced()).toMatch(/^“Stay compliant and audit-ready” was not moved: /),
    );
  });
});

describe('editing the tree', () => {
  it('adds a theme, an objective under it and a measure under that, by typing their names', async () => {
    const user = await renderArea();
    await user.click(screen.getByRole('button', { name: 'Add theme' }));
    const name = screen.getByRole('textbox', { name: 'New theme' });
    expect(name).toHaveFocus();
    await user.keyboard('People{Enter}');
    await waitFor(() => expect(item('People')).toHaveFocus());
    const people = objectiveIn(await stored(), 'People');
    expect(people?.parentId).toBeNull();
    expect(childrenIds(await stored(), null).at(-1)).toBe(people?.id);

    await user.click(within(details()).getByRole('button', { name: 'Add objective' }));
    expect(screen.getByRole('textbox', { name: 'New objective' })).toHaveFocus();
    await user.keyboard('Hire well{Enter}');
    await waitFor(() => expect(item('Hire well')).toHaveFocus());
    expect(objectiveIn(await stored(), 'Hire well')?.parentId).toBe(people?.id);
    expect(item('Hire well')).toHaveAttribute('aria-level', '2');

    await user.click(within(details()).getByRole('button', { name: 'Add measure' }));
    await user.keyboard('Time to hire{Enter}');
    await waitFor(() => expect(item('Time to hire')).toHaveFocus());
    expect(objectiveIn(await stored(), 'Hire well')?.measures).toEqual([
      { id: expect.stringMatching(/^o-/), name: 'Time to hire' },
    ]);
    expect(item('Time to hire')).toHaveAttribute('aria-level', '3');

    // Escape leaves a draft without adding anything.
    await user.click(screen.getByRole('button', { name: 'Add theme' }));
    await user.keyboard('Nothing{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New theme' })).toBeNull();
    expect(objectiveIn(await stored(), 'Nothing')).toBeUndefined();
  });

  it('renames in place with F2, and in the details', async () => {
    const user = await renderArea();
    item('Decide on trusted data').focus();
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Name of Decide on trusted data' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.keyboard('Run on trusted data{Enter}');
    await waitFor(async () =>
      expect((await stored()).objectives.find((o) => o.id === 'trusted-data')?.name).toBe(
        'Run on trusted data',
      ),
    );
    await waitFor(() => expect(item('Run on trusted data')).toHaveFocus());
    // An empty name is not stored; Escape keeps the old one.
    await user.keyboard('{F2}');
    await user.clear(screen.getByRole('textbox', { name: 'Name of Run on trusted data' }));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Give it a name');
    await user.keyboard('{Escape}');
    expect(item('Run on trusted data')).toHaveFocus();

    // Enter opens the details with the focus in the Name field.
    await user.keyboard('{Enter}');
    const detailsName = within(details()).getByRole('textbox', { name: 'Name' });
    expect(detailsName).toHaveFocus();
    await user.clear(detailsName);
    await user.type(detailsName, 'Trusted data');
    await user.tab();
    await user.type(within(details()).getByRole('textbox', { name: 'Description' }), ' Now.');
    await waitFor(async () => {
      const objective = (await stored()).objectives.find((o) => o.id === 'trusted-data');
      expect(objective?.name).toBe('Trusted data');
      expect(objective?.description).toMatch(/ Now\.$/);
    });
    // Escape goes back to the item in the tree.
    await user.keyboard('{Escape}');
    expect(item('Trusted data')).toHaveFocus();
  });

  it('asks before deleting, saying what links to the objective and what moves up', async () => {
    const user = await renderArea();
    item('Run a leaner, greener operation').focus();
    await user.keyboard('{Delete}');
    const dialog = screen.getByRole('dialog', {
      name: 'Delete theme “Run a leaner, greener operation”?',
    });
    const below = new Set(['warehouse-productivity', 'greener-fleet', 'trusted-data']);
    const linkedBelow = DEMO_PORTFOLIO.initiatives.filter((initiative) =>
      initiative.objectives?.some((link) => below.has(link.id)),
    ).length;
    expect(dialog).toHaveTextContent(
      `No initiative links to it. ${linkedBelow} more initiatives link to the objectives under it; those links stay. Its 3 objectives move up to become themes. You can undo this with Ctrl+Z.`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(objectiveIn(await stored(), 'Run a leaner, greener operation')).toBeDefined();

    item('Decide on trusted data').focus();
    await user.keyboard('{Delete}');
    const linked = DEMO_PORTFOLIO.initiatives.filter((initiative) =>
      initiative.objectives?.some((link) => link.id === 'trusted-data'),
    ).length;
    const second = screen.getByRole('dialog', {
      name: 'Delete objective “Decide on trusted data”?',
    });
    expect(second).toHaveTextContent(
      `${linked} initiatives link to it and will lose that link. Its measure is deleted with it.`,
    );
    await user.click(within(second).getByRole('button', { name: 'Delete' }));
    await waitFor(async () =>
      expect(objectiveIn(await stored(), 'Decide on trusted data')).toBeUndefined(),
    );
    expect(
      (await stored()).initiatives.some((initiative) =>
        initiative.objectives?.some((link) => link.id === 'trusted-data'),
      ),
    ).toBe(false);
    expect(useAppStore.getState().notices.at(-1)?.text).toBe('Deleted “Decide on trusted data”.');
    await waitFor(() =>
      expect(screen.queryByRole('treeitem', { name: 'Decide on trusted data' })).toBeNull(),
    );
  });

  it('says there are no themes yet, with an Add theme button', async () => {
    await replacePortfolio(emptyPortfolio('2026-12-04', 'Empty'), { kind: 'empty' }, 'New empty');
    const user = userEvent.setup();
    render(<Harness />);
    expect(await screen.findByText('No themes yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add theme' }));
    await user.keyboard('Growth{Enter}');
    await waitFor(() => expect(item('Growth')).toHaveFocus());
    expect(screen.getByText('1 theme · 0 objectives · 0 measures')).toBeInTheDocument();
  });
});

describe('a measure', () => {
  it('edits its figures, and shows beside a field why the portfolio refuses a value', async () => {
    const user = await renderArea();
    await user.click(item('Picks per labour hour'));
    const panel = details();
    const target = within(panel).getByRole('textbox', { name: 'Target' });
    await user.clear(target);
    await user.type(target, '2000000000000000');
    expect(await within(panel).findByText('must be at most 1,000,000,000,000,000')).toBeVisible();
    expect(target).toHaveAttribute('aria-invalid', 'true');
    await user.clear(target);
    await user.type(target, '112');
    const unit = within(panel).getByRole('textbox', { name: 'Unit' });
    await user.clear(unit);
    await user.type(unit, 'picks per hour');
    await waitFor(async () => {
      const measure = objectiveIn(await stored(), 'Raise warehouse productivity')?.measures?.[0];
      expect(measure).toMatchObject({ target: 112, unit: 'picks per hour', baseline: 92 });
    });
    expect(within(panel).queryByText('must be at most 1,000,000,000,000,000')).toBeNull();
    const baseline = within(panel).getByRole('textbox', { name: 'Baseline' });
    await user.clear(baseline);
    await waitFor(async () =>
      expect(
        objectiveIn(await stored(), 'Raise warehouse productivity')?.measures?.[0],
      ).not.toHaveProperty('baseline'),
    );
    expect(
      within(panel).getByText('Set a baseline and a target to see its progress.'),
    ).toBeVisible();
  });

  it('shows progress to target and whether it is on track', async () => {
    const user = await renderArea();
    await user.click(item('Critical vulnerabilities open over 30 days'));
    const panel = details();
    expect(within(panel).getByText('Latest')).toBeVisible();
    // 46 → 33 of a target of 5: 13 of 41 is 32 % of the way.
    expect(within(panel).getByText('32 % of the way to target')).toBeVisible();
    expect(within(panel).getByText(/^(On track|Behind|Achieved)$/)).toBeVisible();
    expect(item('Critical vulnerabilities open over 30 days')).toHaveAccessibleDescription(
      /Measure (On track|Behind|Achieved)/,
    );
  });

  it('adds an actual in two keystrokes from the measure: Enter, the value, Enter', async () => {
    const user = await renderArea();
    item('Recipient NPS').focus();
    await user.keyboard('{Enter}');
    const value = within(details()).getByRole('textbox', { name: 'Value (points)' });
    expect(value).toHaveFocus();
    expect(within(details()).getByLabelText('Date')).toHaveValue(localToday());
    await user.keyboard('31{Enter}');
    await waitFor(async () =>
      expect(
        objectiveIn(await stored(), 'Improve the delivery experience')?.measures?.[0]?.actuals,
      ).toEqual([
        { date: '2026-09-30', value: 30 },
        { date: localToday(), value: 31 },
      ]),
    );
    expect(value).toHaveValue('');
    expect(value).toHaveFocus();
    expect(within(details()).getByText(/^Recorded .*: 31 points\.$/)).toBeVisible();
    // A value that is not a number is explained, not stored.
    await user.keyboard('many{Enter}');
    expect(within(details()).getByText('Enter a number, such as 2.5.')).toBeVisible();
    // The actual is listed, and can be deleted.
    const table = within(details()).getByRole('table', { name: /^Actuals of Recipient NPS/ });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await user.click(within(table).getAllByRole('button', { name: /^Delete the actual of/ })[0]!);
    await waitFor(async () =>
      expect(
        objectiveIn(await stored(), 'Improve the delivery experience')?.measures?.[0]?.actuals,
      ).toEqual([{ date: '2026-09-30', value: 30 }]),
    );
  });
});
