/**
 * The two sections of a pack made for a review, drawn in jsdom on the worked example of
 * test/shared/pack/review-portfolio.ts: what changed since the last review in tables, the minutes
 * with their agenda, decisions and actions, and both left out of a pack made for no review. (The
 * printed pages were checked with `baton pack … --review r2`.)
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reviewPackContext } from '../../../shared/pack/review';
import { reviewPackSettings } from '../../../shared/pack/settings';
import type { PackInput } from '../../../shared/pack/types';
import { PackDocument } from '../../../renderer/pack/PackDocument';
import { NOW, R2, SNAPSHOT } from '../../shared/pack/review-portfolio';

function input(reviewId = 'r2', sections?: PackInput['settings']['sections']): PackInput {
  const made = reviewPackContext(NOW, reviewId, (id) =>
    id === SNAPSHOT.id ? SNAPSHOT : undefined,
  );
  if (!made.ok) throw new Error(made.error);
  const settings = reviewPackSettings(NOW, made.context.review);
  return {
    portfolio: NOW,
    settings: sections ? { ...settings, sections } : settings,
    review: made.context,
  };
}

/** The rows of the table named `name`, as the text of each cell. */
function rows(name: string): string[][] {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('the pack for a review', () => {
  it('prints the review’s sections in its kind’s order, the cover naming the meeting', () => {
    render(<PackDocument input={input()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('November portfolio review');
    expect(screen.getByText('Portfolio review at 10:00')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Contents',
      'Executive summary',
      'What changed since the last review',
      'Ranked portfolio',
      'Capacity heatmap',
      'Risks and decisions',
      'Minutes and decisions',
    ]);
  });

  it('shows what changed since the last review in tables', () => {
    render(<PackDocument input={input('r2', ['changes'])} />);
    expect(
      screen.getByText(/^Since the last review, “October portfolio review” on 2026-10-06: /),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'The portfolio as frozen when “October portfolio review” was held (snapshot taken 2026-10-06 11:02 UTC), against the portfolio as packed on 2026-11-03, ranked by the scenario “Main plan”.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Added (1)').nextSibling?.textContent).toBe('Mobile app');
    expect(screen.getByText('Removed (1)').nextSibling?.textContent).toBe('Web shop');
    expect(rows('Initiatives changed')).toEqual([['Big bet', '—', '300 → 320', '—', '—']]);
    expect(rows('Crossed the cut line of “Main plan”')).toEqual([
      ['Big bet', 'Now funded', '3', '2'],
    ]);
    expect(rows('Capacity changed')).toEqual([
      ['Platform', 'Nov 2026', '10', '18', '+8'],
      ['Platform', 'Dec 2026', '10', '18', '+8'],
    ]);
    expect(rows('Decisions recorded in between')).toEqual([
      ['2026-10-20', 'Stop the web shop'],
      ['2026-11-03', 'Add two engineers to Big bet'],
    ]);
  });

  it('says why there is nothing to compare with at the first review', () => {
    render(<PackDocument input={input('r1', ['changes'])} />);
    expect(
      screen.getByText(
        'This is the first review held: there is no earlier snapshot to compare the portfolio with.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Initiatives changed' })).toBeNull();
  });

  it('prints the minutes: attendance, the agenda, decisions, actions raised and carried', () => {
    render(<PackDocument input={input('r2', ['minutes'])} />);
    expect(
      screen.getByText(
        'Portfolio review: November portfolio review. Held on 2026-11-03 at 10:00, 2 of 3 invitees present. 3 agenda items, 1 decision recorded and 1 action raised. 2 actions from earlier reviews were open on the day, 1 of them still open.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Present (2)').nextSibling?.textContent).toBe('Ana Lima · Ben Okafor');
    expect(screen.getByText('Apologies (1)').nextSibling?.textContent).toBe('Chris Vogel');
    expect(rows('Agenda')).toEqual([
      [
        '1',
        'Big bet is behind planPlanned 50% done by now, reported 20%.Notes: Agreed to add two engineers from January.Decided: Add two engineers to Big betActions: Hire two engineers for Big bet',
        '15',
        'Discussed',
      ],
      ['2', 'Budget for 2027', '20', 'Carried to the next review'],
      ['3', 'Open actions', '5', '—'],
    ]);
    expect(screen.getByText('The agenda’s items take 40 minutes.')).toBeTruthy();
    expect(
      screen.getByText('The board asked for the 2027 budget draft before the December review.'),
    ).toBeTruthy();
    expect(rows('Decisions recorded at the review')).toEqual([
      [
        '2026-11-03',
        'Review',
        'Add two engineers to Big betTwo engineers join Big bet in January.Decided by: Portfolio boardOn: 1. Big bet is behind plan',
      ],
    ]);
    expect(rows('Actions raised')).toEqual([
      [
        'Hire two engineers for Big betOn 1. Big bet is behind plan',
        'Ana Lima',
        '2026-12-01',
        'Open',
      ],
    ]);
    expect(rows('Open actions from earlier reviews')).toEqual([
      [
        'Draft the 2027 budgetRaised at “October portfolio review” on 2026-10-06',
        'Ben Okafor',
        '2026-10-31Overdue',
        'Open',
      ],
      [
        'Price the web shop licenceRaised at “October portfolio review” on 2026-10-06',
        'Ana Lima',
        '—',
        'Closed on 2026-11-03 (dropped with the web shop)',
      ],
    ]);
  });

  it('leaves out a planned review’s empty decisions and actions raised', () => {
    render(<PackDocument input={input('r3', ['minutes'])} />);
    expect(screen.getByRole('heading', { name: 'Agenda' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Decisions recorded at the review' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Actions raised' })).toBeNull();
    expect(rows('Open actions from earlier reviews').map((row) => row[3])).toEqual([
      'Open',
      'Open',
    ]);
  });

  it('cuts long notes into rows a page can hold, none lost', () => {
    const long = `${'The team walked through each milestone and its risks in turn. '.repeat(30)}End.`;
    const base = input('r2', ['minutes']);
    if (!base.review) throw new Error('no review');
    const review = {
      ...R2,
      agenda: [{ id: 'long', kind: 'custom' as const, title: 'Long item', notes: long }],
    };
    render(<PackDocument input={{ ...base, review: { ...base.review, review } }} />);
    const agenda = rows('Agenda');
    expect(agenda.length).toBeGreaterThan(3);
    expect(agenda.every((row) => (row[1] ?? '').length <= 700)).toBe(true);
    const text = agenda.map((row) => row[1]).join(' ');
    expect(text.replace(/^Long itemNotes: /, '').replace(/\s+/g, ' ')).toBe(
      long.replace(/\s+/g, ' ').trim(),
    );
  });

  it('leaves both sections out of a pack made for no review', () => {
    const { review: _review, ...general } = input();
    render(<PackDocument input={general} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).not.toContain('What changed since the last review');
    expect(titles).not.toContain('Minutes and decisions');
  });
});
