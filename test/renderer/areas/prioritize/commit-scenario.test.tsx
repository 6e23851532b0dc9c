import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { fingerprint } from '../../../../shared/pack/content';
import { writePortfolio } from '../../../../shared/portfolio/write';
import { ScenariosTab } from '../../../../renderer/areas/prioritize/ScenariosTab';
import { dismissQuestion } from '../../../../renderer/components/dialogs';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { formatNumber } from '../../../../renderer/format';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

const GROWTH = DEMO_PORTFOLIO.scenarios.find((scenario) => scenario.id === 'growth-push')!;

function Harness() {
  const portfolio = usePortfolio();
  if (!portfolio) return <p>Loading</p>;
  return <ScenariosTab portfolio={portfolio} activeScenarioId="baseline" onActivate={() => {}} />;
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

describe('committing a scenario as the plan of record', () => {
  it('records the decision with the cut line and the fingerprint of the portfolio', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByRole('heading', { name: 'Compare scenarios' });
    const before = fingerprint(writePortfolio(await readPortfolio()));
    await user.click(screen.getByRole('button', { name: `Commit as plan: ${GROWTH.name}` }));

    const dialog = screen.getByRole('dialog', {
      name: `Commit “${GROWTH.name}” as the plan of record`,
    });
    const title = `Commit ${GROWTH.name} as the plan of record`;
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue(title);
    expect(within(dialog).getByRole('combobox', { name: 'Kind' })).toHaveValue('scenario-commit');
    // The figures the scenarios list shows for it: 28 funded, 9 of them in a gap, 34 below.
    const summary = within(dialog).getByRole('textbox', { name: 'Decision' });
    expect(summary).toHaveValue(
      `Commit the scenario ${GROWTH.name} as the plan of record: 28 initiatives funded (19 above the line, 9 in a gap behind it), 34 below the line; value funded ${formatNumber(1430.3)}.`,
    );
    expect(within(dialog).getByText(`Scenario: ${GROWTH.name}`)).toBeInTheDocument();
    expect(within(dialog).getByText(before)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record decision' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(`Recorded: ${title}`);
    const decisions = (await readPortfolio()).decisions ?? [];
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      kind: 'scenario-commit',
      title,
      concerns: [{ kind: 'scenario', id: GROWTH.id }],
      fingerprint: before,
    });
  });

  it('records nothing on Cancel', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: `Commit as plan: ${GROWTH.name}` }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await readPortfolio()).decisions ?? []).toEqual([]);
  });
});
