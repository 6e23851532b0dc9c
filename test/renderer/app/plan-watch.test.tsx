import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppNotices } from '../../../renderer/app/ConnectedDialogs';
import { usePlanWatch } from '../../../renderer/app/usePlanWatch';
import { moveInStack, setTeamCapacity } from '../../../renderer/db/edits';
import { usePortfolio } from '../../../renderer/db/hooks';
import { readPortfolio, undo } from '../../../renderer/db/repository';
import { useAppStore } from '../../../renderer/state/store';
import { freshDatabase } from '../db/fresh-database';

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
});

function Harness() {
  const portfolio = usePortfolio();
  usePlanWatch(portfolio);
  return (
    <>
      <p>{portfolio ? 'Ready' : 'Loading'}</p>
      <AppNotices />
    </>
  );
}

async function platformQ3(): Promise<number | undefined> {
  const portfolio = await readPortfolio();
  return portfolio.teams.find((team) => team.id === 'platform')?.capacity['2026-Q3'];
}

describe('an edit that takes committed work out of the plan', () => {
  it('says so at once, in words, and Undo puts it back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByText('Ready');
    const before = await platformQ3();
    await act(async () => {
      await setTeamCapacity('platform', '2026-Q3', 0);
    });
    const warning = await screen.findByText(
      /^This change takes WMS upgrade to v12 \(active\) out of the plan: Platform is 1 FTE short in Q3 2026\. Also out: Fleet telematics rollout \(active\)/,
    );
    expect(warning.closest('.notice')).toHaveClass('notice--warning');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await platformQ3()).toBe(before));
    expect(screen.queryByText(/out of the plan/)).not.toBeInTheDocument();
  });

  it('stays silent on an edit that takes nothing out, and on its undo', async () => {
    render(<Harness />);
    await screen.findByText('Ready');
    // A harmless capacity change: more room.
    await act(async () => {
      await setTeamCapacity('platform', '2026-Q3', 40);
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByText(/out of the plan/)).not.toBeInTheDocument();
    await act(async () => {
      await undo();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByText(/out of the plan/)).not.toBeInTheDocument();
  });

  it('stays silent when a move only reorders proposals', async () => {
    render(<Harness />);
    await screen.findByText('Ready');
    const portfolio = await readPortfolio();
    const ranking = portfolio.scenarios[0]!.ranking;
    const proposed = ranking.filter(
      (id) => portfolio.initiatives.find((item) => item.id === id)?.status === 'proposed',
    );
    await act(async () => {
      await moveInStack(
        { scenarioId: portfolio.scenarios[0]!.id, ids: [proposed[1]!], before: proposed[0]! },
        'Move in ranking',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByText(/out of the plan/)).not.toBeInTheDocument();
  });
});
