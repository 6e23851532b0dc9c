/**
 * The Board pack made for a review (`#/board-pack?review=<id>`): the address it reads, the
 * sections the review's kind picks (which the user can still change, without touching the
 * general pack's choices), the last review's snapshot read from the store, and the way back.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardPackArea } from '../../../../renderer/areas/board-pack/BoardPackArea';
import {
  DEFAULT_LOCATION,
  formatLocationHash,
  parseLocationHash,
} from '../../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../../renderer/state/store';
import { NOW, SNAPSHOT } from '../../../shared/pack/review-portfolio';

const loadSnapshot = vi.hoisted(() => vi.fn());
vi.mock('../../../../renderer/db/snapshots', () => ({ loadSnapshot }));

beforeEach(() => {
  useAppStore.getState().resetPackDraft();
  useAppStore.getState().resetReviewPackDraft();
  loadSnapshot.mockReset();
  loadSnapshot.mockImplementation(async (id: string) =>
    id === SNAPSHOT.id ? SNAPSHOT : undefined,
  );
});

const preview = () => within(screen.getByRole('region', { name: 'Pages' }));
const chosen = () =>
  within(screen.getByRole('list', { name: 'Sections in the pack, in order' }))
    .getAllByRole('checkbox')
    .map((box) => box.closest('li')?.getAttribute('data-section'));

function openFor(reviewId: string | null) {
  useAppStore.setState({
    location: { ...DEFAULT_LOCATION, area: 'board-pack', packReviewId: reviewId },
  });
  return render(<BoardPackArea portfolio={NOW} />);
}

describe('the address of a review’s pack', () => {
  it('reads and writes #/board-pack?review=<id>', () => {
    expect(parseLocationHash('#/board-pack?review=r2')).toEqual({
      ...DEFAULT_LOCATION,
      area: 'board-pack',
      packReviewId: 'r2',
    });
    expect(parseLocationHash('#/board-pack').packReviewId).toBeNull();
    const odd = { ...DEFAULT_LOCATION, area: 'board-pack' as const, packReviewId: 'r 2/b?' };
    expect(formatLocationHash(odd)).toBe('#/board-pack?review=r%202%2Fb%3F');
    expect(parseLocationHash(formatLocationHash(odd))).toEqual(odd);
  });

  it('is left behind on going to another area', () => {
    useAppStore.setState({
      location: { ...DEFAULT_LOCATION, area: 'board-pack', packReviewId: 'r2' },
    });
    useAppStore.getState().navigate({ area: 'portfolio' });
    expect(useAppStore.getState().location.packReviewId).toBeNull();
  });
});

describe('the Board pack for a review', () => {
  it('says which review it is for and preselects the sections its kind picks', async () => {
    openFor('r2');
    expect(screen.getByText('Pack for November portfolio review')).toBeTruthy();
    expect(chosen()).toEqual([
      'cover',
      'summary',
      'changes',
      'metrics',
      'ranked',
      'heatmap',
      'decisions',
      'minutes',
    ]);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('November portfolio review');
    expect(screen.getByLabelText('Date')).toHaveValue('2026-11-03');
    // The last review's snapshot is read from the store, then the pack compares with it.
    expect(
      await screen.findByText(
        /What changed is measured from the snapshot of “October portfolio review” \(2026-10-06\)\./,
      ),
    ).toBeTruthy();
    expect(loadSnapshot).toHaveBeenCalledWith('snap-r1');
    expect(
      await preview().findByRole('heading', { name: 'What changed since the last review' }),
    ).toBeTruthy();
    expect(preview().getByRole('heading', { name: 'Minutes and decisions' })).toBeTruthy();
    expect(preview().getByRole('table', { name: 'Initiatives changed' })).toBeTruthy();
  });

  it('lets the user change the sections, leaving the general pack’s choice as it was', async () => {
    const user = userEvent.setup();
    openFor('r2');
    await preview().findByRole('heading', { name: 'Minutes and decisions' });
    await user.click(screen.getByRole('checkbox', { name: /^Capacity heatmap/ }));
    expect(chosen()).not.toContain('heatmap');
    expect(useAppStore.getState().reviewPackDraft?.draft.sections).not.toContain('heatmap');
    expect(useAppStore.getState().packDraft.sections).toBeUndefined();
  });

  it('says when the last review’s snapshot is not stored, and still makes the pack', async () => {
    loadSnapshot.mockResolvedValue(undefined);
    openFor('r2');
    expect(
      await screen.findByText(
        /The snapshot of the last review, “October portfolio review” on 2026-10-06, is not in this portfolio/,
      ),
    ).toBeTruthy();
    expect(
      await preview().findByRole('heading', { name: 'What changed since the last review' }),
    ).toBeTruthy();
  });

  it('goes back to the general pack, whose sections leave the review ones out', async () => {
    const user = userEvent.setup();
    openFor('r2');
    await user.click(screen.getByRole('button', { name: 'Make the general pack instead' }));
    expect(useAppStore.getState().location.packReviewId).toBeNull();
    expect(screen.queryByText('Pack for November portfolio review')).toBeNull();
    expect(chosen()).not.toContain('changes');
    const changes = screen.getByRole('checkbox', { name: /^What changed since the last review/ });
    expect(changes.closest('label')?.textContent).toContain(
      'Only in a pack made for a review: open a review in Cadence and choose Make the review pack.',
    );
  });

  it('says so when the portfolio has no such review, and makes the general pack', () => {
    openFor('gone');
    expect(
      screen.getByText('This portfolio has no review “gone”: this is the general board pack.'),
    ).toBeTruthy();
    expect(chosen()).not.toContain('minutes');
  });
});
