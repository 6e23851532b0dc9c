/** The dot vote's bars: ranked, with their values, and the same numbers in a table. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DotTally } from '../../../shared/workshop/dots';
import { sessionDots } from '../../../shared/workshop/session';
import { DotVoteChart } from '../../../renderer/charts/DotVoteChart';
import { FINISHED_SESSION } from '../../shared/pack/workshop-portfolio';

const NAMES = new Map([
  ['crm', 'CRM renewal'],
  ['wms', 'Warehouse scanning'],
  ['data', 'Data platform'],
]);

/** The session's weighted tally: data platform 10, CRM 7, scanning 1. */
const TALLY = sessionDots(FINISHED_SESSION)?.tally ?? [];

const barsOf = (container: HTMLElement) => [...container.querySelectorAll('[data-item]')];

describe('DotVoteChart', () => {
  it('ranks the bars most points first, whatever the order given, the points at each bar’s end', () => {
    const shuffled: DotTally[] = [TALLY[2], TALLY[0], TALLY[1]].flatMap((row) => row ?? []);
    const { container } = render(<DotVoteChart tally={shuffled} names={NAMES} weighted />);
    const bars = barsOf(container);
    expect(bars.map((bar) => bar.textContent)).toEqual([
      'Data platform: 10 points from 4 dots, 2 peopleData platform10',
      'CRM renewal: 7 points from 4 dots, 3 peopleCRM renewal7',
      'Warehouse scanning: 1 point from 1 dot, 1 personWarehouse scanning1',
    ]);
    const fills = bars.map((bar) => bar.querySelector('.dot-vote__fill'));
    const [most = 0, second = 0, third = 0] = fills.map((fill) =>
      Number(fill?.getAttribute('width')),
    );
    expect(second / most).toBeCloseTo(0.7, 5);
    expect(third / most).toBeCloseTo(0.1, 5);
    // Each value sits just past the end of its own bar.
    bars.forEach((bar, index) => {
      const fill = fills[index];
      const end = Number(fill?.getAttribute('x')) + Number(fill?.getAttribute('width'));
      const value = Number(bar.querySelector('.dot-vote__value')?.getAttribute('x'));
      expect(value - end).toBe(6);
    });
    expect(screen.getByText('Points', { selector: 'text' })).toBeTruthy();
  });

  it('lists the same numbers, with the dots and the voters, in its table', async () => {
    const user = userEvent.setup();
    render(<DotVoteChart tally={TALLY} names={NAMES} weighted />);
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Dot vote' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => [...row.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['Initiative', 'Points', 'Dots', 'Voters'],
      ['Data platform', '10', '4', '2'],
      ['CRM renewal', '7', '4', '3'],
      ['Warehouse scanning', '1', '1', '1'],
    ]);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Dot vote, weighted by the order the dots were placed, most points first: Data platform 10, CRM renewal 7, Warehouse scanning 1. The table gives the dots and voters.',
    );
  });

  it('counts dots, not points, when the vote is not weighted', async () => {
    const user = userEvent.setup();
    const tally: DotTally[] = [
      { itemId: 'crm', points: 2, dots: 2, voters: 2 },
      { itemId: 'gone', points: 5, dots: 5, voters: 3 },
    ];
    const { container } = render(<DotVoteChart tally={tally} names={NAMES} weighted={false} />);
    expect(screen.getByText('Dots', { selector: 'text' })).toBeTruthy();
    // An initiative without a name is shown by its id.
    expect(barsOf(container).map((bar) => bar.getAttribute('data-item'))).toEqual(['gone', 'crm']);
    expect(barsOf(container)[0]?.querySelector('title')?.textContent).toBe(
      'gone: 5 dots, 3 people',
    );
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Initiative', 'Dots', 'Voters']);
  });

  it('draws no bar for an initiative without points, and says when no dot was placed', () => {
    const tally: DotTally[] = [
      { itemId: 'crm', points: 0, dots: 0, voters: 0 },
      { itemId: 'wms', points: 0, dots: 0, voters: 0 },
    ];
    const { container } = render(<DotVoteChart tally={tally} names={NAMES} weighted />);
    expect(container.querySelectorAll('.dot-vote__fill')).toHaveLength(0);
    expect(
      [...container.querySelectorAll('.dot-vote__value')].map((value) => value.textContent),
    ).toEqual(['0', '0']);
    expect(screen.getByText('No dots were placed.')).toBeTruthy();
    render(<DotVoteChart tally={[]} names={NAMES} weighted />);
    expect(screen.getByRole('note').textContent).toContain('Nothing to vote on.');
  });

  it('draws every text at 16 px or more for the projector', () => {
    const { container } = render(<DotVoteChart tally={TALLY} names={NAMES} weighted large />);
    const sizes = [...container.querySelectorAll('svg text')].map((text) =>
      Number(text.closest('[font-size]')?.getAttribute('font-size')),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  });
});
