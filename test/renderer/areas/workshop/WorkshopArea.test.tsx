import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkshopArea } from '../../../../renderer/areas/workshop/WorkshopArea';
import {
  AUDIENCE_KEY,
  currentAudienceState,
} from '../../../../renderer/areas/workshop/audience-channel';
import * as edits from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { undoLastEdit } from '../../../../renderer/state/history-actions';
import { useAppStore } from '../../../../renderer/state/store';
import { DEFAULT_LOCATION } from '../../../../renderer/state/slices/navigationSlice';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

function Harness() {
  const portfolio = usePortfolio();
  return portfolio ? <WorkshopArea portfolio={portfolio} /> : <p>Loading</p>;
}

const ITEMS = ['ciam', 'handheld-refresh'];

/** A session of two participants on two initiatives and one criterion, opened in the area. */
async function openSession(options: { dots?: boolean } = {}): Promise<string> {
  const id = await edits.createWorkshop({
    title: 'Q1',
    participants: ['Priya', 'Sam'],
    initiatives: ITEMS,
    criteria: ['customer-value'],
    ...(options.dots && { dots: { perPerson: 3, weighted: false, maxPerItem: 2 } }),
  });
  expect(id).not.toBe('');
  useAppStore.setState({
    location: { ...DEFAULT_LOCATION, area: 'workshop', workshopId: id },
  });
  return id;
}

async function session(id: string) {
  return (await readPortfolio()).workshops?.find((entry) => entry.id === id);
}

beforeEach(async () => {
  await freshDatabase();
  localStorage.removeItem(AUDIENCE_KEY);
  useAppStore.setState({
    notices: [],
    location: { ...DEFAULT_LOCATION, area: 'workshop' },
  });
});

describe('the Workshop area', () => {
  it('says what a session is for when there is none, and refuses a set-up with a name twice', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await screen.findByText('No workshop sessions yet.');
    await user.click(screen.getByRole('button', { name: 'Set up a session' }));
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect(await screen.findByText('Give the session a title.')).toBeInTheDocument();
    // The focus moves to the first field refused once the refusal is drawn.
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveFocus());
    await user.type(screen.getByLabelText('Title'), 'Q1');
    await user.type(screen.getByLabelText('Participants, one name per line'), 'Priya{Enter}Priya');
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    expect(
      await screen.findByText('Priya is listed twice: each participant once.'),
    ).toBeInTheDocument();
    expect((await readPortfolio()).workshops ?? []).toEqual([]);
  });

  it('creates a session with the open initiatives and the scorable criteria ticked', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Set up a session' }));
    await user.type(screen.getByLabelText('Title'), 'Q1');
    await user.type(screen.getByLabelText('Participants, one name per line'), 'Priya{Enter}Sam');
    // Strategic fit is computed from the links, so the room does not score it.
    expect(screen.queryByRole('checkbox', { name: /Strategic fit/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create session' }));
    await screen.findByRole('heading', { level: 2, name: 'Q1' });
    const [created] = (await readPortfolio()).workshops ?? [];
    const portfolio = await readPortfolio();
    expect(created?.initiatives).toEqual(
      portfolio.initiatives
        .filter((initiative) => ['proposed', 'approved'].includes(initiative.status))
        .map((initiative) => initiative.id),
    );
    expect(created?.criteria).toEqual(['customer-value', 'revenue-impact', 'risk-reduction']);
    expect(created?.participants.map((person) => person.name)).toEqual(['Priya', 'Sam']);
  });

  it('covers the screen between participants and shows only the scorer’s own scores', async () => {
    const user = userEvent.setup();
    const id = await openSession();
    await edits.startScoring(id);
    render(<Harness />);
    await screen.findByRole('heading', { name: 'Hand the laptop to Priya' });
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'I’m Priya: start' }));
    await user.click(await screen.findByRole('radio', { name: '9' }));
    await waitFor(async () => expect((await session(id))?.scores).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Next initiative' }));
    await user.click(await screen.findByRole('radio', { name: '4' }));
    await user.click(screen.getByRole('button', { name: 'Finish my pass' }));
    // Sam's turn: behind the cover, and once started, none of Priya's scores is chosen.
    await screen.findByRole('heading', { name: 'Hand the laptop to Sam' });
    await user.click(screen.getByRole('button', { name: 'I’m Sam: start' }));
    await screen.findByRole('group', { name: /Customer value/ });
    expect(
      screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked),
    ).toEqual([]);
    // The audience is told which session is open, never what was scored.
    expect(currentAudienceState()).toMatchObject({ workshopId: id, view: 'session' });
    expect(localStorage.getItem(AUDIENCE_KEY)).not.toMatch(/"scores"|"value"/);
  });

  it('covers the screen again when an undo hands the laptop back, and locks the names while a pass is open', async () => {
    const user = userEvent.setup();
    const id = await openSession();
    await edits.startScoring(id);
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'I’m Priya: start' }));
    await user.click(await screen.findByRole('radio', { name: '9' }));
    await waitFor(async () => expect((await session(id))?.scores).toHaveLength(1));
    // While Priya's pass is open, nobody can jump to another person's pass.
    expect(screen.queryByRole('button', { name: /^Sam/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next initiative' }));
    await user.click(await screen.findByRole('button', { name: 'Finish my pass' }));
    await screen.findByRole('heading', { name: 'Hand the laptop to Sam' });
    // Undo (Ctrl+Z) gives the turn back to Priya: her scores stay covered.
    await undoLastEdit();
    await screen.findByRole('heading', { name: 'Hand the laptop to Priya' });
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('ends only the pass it was shown for, however fast Finish is pressed twice', async () => {
    const user = userEvent.setup();
    const id = await openSession();
    await edits.startScoring(id);
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'I’m Priya: start' }));
    await user.click(await screen.findByRole('button', { name: 'Next initiative' }));
    await user.dblClick(await screen.findByRole('button', { name: 'Finish my pass' }));
    await screen.findByRole('heading', { name: 'Hand the laptop to Sam' });
    await waitFor(async () => expect((await session(id))?.turn).toBe(1));
    expect((await session(id))?.stage).toBe('scoring');
  });

  it('lets the facilitator take the turn of someone who calls out their scores', async () => {
    const user = userEvent.setup();
    const id = await openSession();
    await edits.startScoring(id);
    render(<Harness />);
    await screen.findByRole('heading', { name: 'Hand the laptop to Priya' });
    await user.click(screen.getByRole('button', { name: /^Sam/ }));
    await screen.findByRole('heading', { name: 'Hand the laptop to Sam' });
    expect((await session(id))?.turn).toBe(1);
  });

  it('counts every press of a dot, and stops at the allowance', async () => {
    const user = userEvent.setup();
    const id = await openSession({ dots: true });
    await edits.startScoring(id);
    for (const person of ['p1', 'p2']) await edits.finishPass(id, person);
    await edits.startVoting(id);
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'I’m Priya: start' }));
    const put = await screen.findByRole('button', {
      name: 'Put a dot on Customer identity (CIAM)',
    });
    // Three quick presses: two count (at most 2 per initiative), the third is refused on screen.
    await user.click(put);
    await user.click(put);
    await user.click(put);
    await waitFor(async () =>
      expect((await session(id))?.votes).toEqual([
        { participantId: 'p1', initiativeId: 'ciam', dots: 2 },
      ]),
    );
    expect(put).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 dots left');
    const row = put.closest('li') as HTMLElement;
    expect(within(row).getByText('2 dots')).toBeInTheDocument();
  });
});
