import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { App } from '../../../renderer/app/App';
import { readPortfolio } from '../../../renderer/db/repository';
import { freshApp } from './fresh-app';

beforeEach(freshApp);

const demoCount = DEMO_PORTFOLIO.initiatives.length;
const nis2 = DEMO_PORTFOLIO.initiatives.find((initiative) => initiative.id === 'nis2-controls')!;

describe('the app', () => {
  it('opens on the demo portfolio with its initiatives listed', async () => {
    render(<App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: DEMO_PORTFOLIO.name }),
    ).toBeInTheDocument();
    expect(screen.getByText(`${demoCount} initiatives`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: nis2.name })).toBeInTheDocument();
  });

  it('filters the list by search, status and team, and says how many match', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText(`${demoCount} initiatives`);
    await user.type(screen.getByLabelText('Search'), 'NIS2');
    expect(screen.getByText(`1 of ${demoCount} initiatives`)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Search'));
    await user.selectOptions(screen.getByLabelText('Status'), 'done');
    const done = DEMO_PORTFOLIO.initiatives.filter(
      (initiative) => initiative.status === 'done',
    ).length;
    expect(screen.getByText(`${done} of ${demoCount} initiatives`)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await user.type(screen.getByLabelText('Search'), 'zzzz-nothing');
    expect(screen.getByText('No initiative matches.')).toBeInTheDocument();
  });

  it('edits an initiative in the editor: stored at once, one undo step for the typing', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: nis2.name }));
    const editor = await screen.findByRole('complementary', { name: nis2.name });
    const name = within(editor).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'NIS2 programme');
    await waitFor(async () => {
      const stored = (await readPortfolio()).initiatives.find(
        (initiative) => initiative.id === nis2.id,
      );
      expect(stored?.name).toBe('NIS2 programme');
    });
    expect(await screen.findByRole('link', { name: 'NIS2 programme' })).toBeInTheDocument();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => {
      const stored = (await readPortfolio()).initiatives.find(
        (initiative) => initiative.id === nis2.id,
      );
      expect(stored?.name).toBe(nis2.name);
    });
    await waitFor(() => expect(within(editor).getByLabelText('Name')).toHaveValue(nis2.name));
  });

  it('refuses an empty name and a negative score inline, storing nothing', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: nis2.name }));
    const editor = await screen.findByRole('complementary', { name: nis2.name });
    const name = within(editor).getByLabelText('Name');
    await user.clear(name);
    expect(await within(editor).findByText('Name cannot be empty.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    const value = within(editor).getByLabelText('Value');
    await user.tripleClick(value);
    await user.keyboard('-5');
    expect(await within(editor).findByText('Value cannot be below 0.')).toBeInTheDocument();
    const stored = (await readPortfolio()).initiatives.find(
      (initiative) => initiative.id === nis2.id,
    );
    expect(stored?.name).toBe(nis2.name);
    expect(stored?.value).toBe(nis2.value);
  });

  it('shows the reason when the portfolio rules refuse a start window', async () => {
    const user = userEvent.setup();
    render(<App />);
    const target = DEMO_PORTFOLIO.initiatives.find(
      (initiative) =>
        initiative.status === 'proposed' && !initiative.start && !initiative.latestStart,
    )!;
    await user.click(await screen.findByRole('link', { name: target.name }));
    const editor = await screen.findByRole('complementary', { name: target.name });
    const lastPeriod = DEMO_PORTFOLIO.periods.at(-1)!;
    const firstPeriod = DEMO_PORTFOLIO.periods[0]!;
    await user.selectOptions(within(editor).getByLabelText('Earliest start'), lastPeriod.id);
    await user.selectOptions(within(editor).getByLabelText('Latest start'), firstPeriod.id);
    expect(
      await within(editor).findByText(
        `earliest start ${lastPeriod.id} is after latest start ${firstPeriod.id}`,
      ),
    ).toBeInTheDocument();
    const stored = (await readPortfolio()).initiatives.find(
      (initiative) => initiative.id === target.id,
    );
    expect(stored?.earliestStart).toBe(lastPeriod.id);
    expect(stored?.latestStart).toBeUndefined();
  });

  it('opens Metrics on its dashboard from the menu', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: /Metrics/ }));
    expect(await screen.findByRole('heading', { name: 'Metrics' })).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'Dashboard' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/metrics');
  });

  it('says in Settings where the data is stored', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('link', { name: /Settings/ }));
    expect(await screen.findByText(/IndexedDB database "baton"/)).toHaveTextContent(
      `Your portfolio is stored as you edit it, in this browser's storage for ${window.location.origin}`,
    );
  });

  it('edits capacity in the teams grid', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText(`${demoCount} initiatives`);
    await user.click(screen.getByRole('tab', { name: 'Teams & capacity' }));
    const team = DEMO_PORTFOLIO.teams[0]!;
    const period = DEMO_PORTFOLIO.periods[1]!;
    const cell = screen.getByLabelText(`${team.name} capacity in ${period.label}`);
    await user.clear(cell);
    await user.type(cell, '12.5');
    await waitFor(async () =>
      expect((await readPortfolio()).teams[0]?.capacity[period.id]).toBe(12.5),
    );
    await user.tripleClick(cell);
    await user.keyboard('lots');
    expect(
      await screen.findByText(
        `${team.name} capacity in ${period.label}: enter a number, such as 2.5.`,
      ),
    ).toBeInTheDocument();
    expect((await readPortfolio()).teams[0]?.capacity[period.id]).toBe(12.5);
  });

  it('switches tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText(`${demoCount} initiatives`);
    act(() => screen.getByRole('tab', { name: 'Initiatives' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Teams & capacity' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Teams & capacity' })).toHaveFocus();
  });
});
