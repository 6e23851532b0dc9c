import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { InitiativeEditor } from '../../../../renderer/areas/portfolio/InitiativeEditor';
import { dismissQuestion } from '../../../../renderer/components/dialogs';
import { amendDecision, recordDecision } from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

const WMS = DEMO_PORTFOLIO.initiatives.find((initiative) => initiative.id === 'wms-upgrade')!;
const CRM = DEMO_PORTFOLIO.initiatives.find((initiative) => initiative.id === 'crm-build')!;

function Harness({ id }: { readonly id: string }) {
  const portfolio = usePortfolio();
  const initiative = portfolio?.initiatives.find((entry) => entry.id === id);
  if (!portfolio || !initiative) return <p>Loading</p>;
  return <InitiativeEditor initiative={initiative} portfolio={portfolio} onClose={() => {}} />;
}

async function renderEditor(id: string) {
  const user = userEvent.setup();
  render(<Harness id={id} />);
  await screen.findByRole('complementary');
  return user;
}

function decisionsSection() {
  return screen.getByRole('region', { name: 'Decisions' });
}

async function storedInitiative(id: string) {
  return (await readPortfolio()).initiatives.find((initiative) => initiative.id === id)!;
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

describe('the decisions in the initiative editor', () => {
  it('lists the decisions about the initiative, newest first, the superseded marked', async () => {
    const about = [{ kind: 'initiative' as const, id: WMS.id }];
    const first = await recordDecision({
      date: '2026-09-01',
      kind: 'gate',
      title: 'Approve the WMS upgrade',
      decision: 'Approved.',
      concerns: about,
    });
    await recordDecision({
      date: '2026-10-01',
      kind: 'other',
      title: 'Something else',
      decision: 'Not about the WMS.',
      concerns: [{ kind: 'initiative', id: CRM.id }],
    });
    expect(
      await amendDecision(first, {
        date: '2026-11-01',
        kind: 'gate',
        title: 'Approve the WMS upgrade, phase 1 only',
        decision: 'Phase 1 approved.',
        concerns: about,
      }),
    ).toEqual({ ok: true });
    await renderEditor(WMS.id);
    const list = await within(decisionsSection()).findByRole('list', {
      name: `Decisions about ${WMS.name}, newest first`,
    });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((card) => card.querySelector('h5')?.textContent)).toEqual([
      'Approve the WMS upgrade, phase 1 only',
      'Approve the WMS upgrade',
    ]);
    expect(within(cards[1]!).getByText('Superseded')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Superseded by')).toBeInTheDocument();
    expect(within(cards[0]!).queryByText('Superseded')).not.toBeInTheDocument();
  });

  it('records a decision about the initiative, which it concerns from the start', async () => {
    const user = await renderEditor(CRM.id);
    expect(
      within(decisionsSection()).getByText('No decision in the log concerns this initiative yet.'),
    ).toBeInTheDocument();
    await user.click(
      within(decisionsSection()).getByRole('button', {
        name: 'Record a decision about this initiative',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: `Record a decision about “${CRM.name}”` });
    expect(within(dialog).getByText(`Initiative: ${CRM.name}`)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Kind' }), 'gate');
    await user.click(within(dialog).getByRole('textbox', { name: 'Title' }));
    await user.paste('Gate the CRM build');
    await user.click(within(dialog).getByRole('textbox', { name: 'Decision' }));
    await user.paste('It waits.');
    await user.click(within(dialog).getByRole('button', { name: 'Record decision' }));
    expect(
      await within(decisionsSection()).findByRole('article', { name: 'Gate the CRM build' }),
    ).toBeInTheDocument();
    expect((await readPortfolio()).decisions?.[0]?.concerns).toEqual([
      { kind: 'initiative', id: CRM.id },
    ]);
  });
});

describe('forcing committed work out', () => {
  it('asks for the stop decision; Cancel changes nothing', async () => {
    const user = await renderEditor(WMS.id);
    const forcedOut = screen.getByRole('radio', { name: 'Forced out' });
    await user.click(forcedOut);
    const dialog = screen.getByRole('dialog', { name: `Stop “${WMS.name}”?` });
    expect(within(dialog).getByRole('combobox', { name: 'Kind' })).toHaveValue('stop-continue');
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue(`Stop ${WMS.name}`);
    expect(within(dialog).getByText(`Initiative: ${WMS.name}`)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(forcedOut).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Not forced' })).toBeChecked();
    const stored = await storedInitiative(WMS.id);
    expect(stored.forced).toBeUndefined();
    expect((await readPortfolio()).decisions ?? []).toEqual([]);
  });

  it('records the stop decision, then forces it out with the rationale as its reason', async () => {
    const user = await renderEditor(WMS.id);
    await user.click(screen.getByRole('radio', { name: 'Forced out' }));
    const dialog = screen.getByRole('dialog', { name: `Stop “${WMS.name}”?` });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Rationale' }),
      'The vendor ends support.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Record and force out' }));

    await waitFor(async () => expect((await storedInitiative(WMS.id)).forced).toBe('out'));
    await waitFor(async () =>
      expect((await storedInitiative(WMS.id)).forcedReason).toBe('The vendor ends support.'),
    );
    const [decision] = (await readPortfolio()).decisions ?? [];
    expect(decision).toMatchObject({
      kind: 'stop-continue',
      title: `Stop ${WMS.name}`,
      rationale: 'The vendor ends support.',
      concerns: [{ kind: 'initiative', id: WMS.id }],
    });
    expect(await screen.findByRole('radio', { name: 'Forced out' })).toBeChecked();
    expect(
      await within(decisionsSection()).findByRole('article', { name: `Stop ${WMS.name}` }),
    ).toBeInTheDocument();
  });

  it('forces proposed work out at once: it is not committed, so no stop decision is asked', async () => {
    const user = await renderEditor(CRM.id);
    await user.click(screen.getByRole('radio', { name: 'Forced out' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(async () => expect((await storedInitiative(CRM.id)).forced).toBe('out'));
  });
});
