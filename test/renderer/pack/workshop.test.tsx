/**
 * The workshop summary page of the pack, in jsdom: what it shows of the latest finished session,
 * the one sentence without one, and that it is one block that scales itself to its page (jsdom
 * lays nothing out; the page was checked printed by `baton pack … --sections workshop`).
 */
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { PackInput, PackSettings } from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { FitToPage } from '../../../renderer/pack/FitToPage';
import { PackDocument } from '../../../renderer/pack/PackDocument';
import { paginate } from '../../../renderer/pack/paginate';
import { packSections } from '../../../renderer/pack/sections';
import { FINISHED_SESSION, WORKSHOP_PORTFOLIO } from '../../shared/pack/workshop-portfolio';

const A4_PORTRAIT = { widthPx: 673, heightPx: 987 };

function settings(fields: Partial<PackSettings> = {}): PackSettings {
  return {
    ...defaultPackSettings(WORKSHOP_PORTFOLIO, '2027-01-20'),
    sections: ['workshop'],
    ...fields,
  };
}

function pack(portfolio: Portfolio = WORKSHOP_PORTFOLIO, fields: Partial<PackSettings> = {}) {
  const onLaidOut = vi.fn();
  const view = render(
    <PackDocument input={{ portfolio, settings: settings(fields) }} onLaidOut={onLaidOut} />,
  );
  return { ...view, onLaidOut };
}

const cellsOf = (row: Element) => [...row.children].map((cell) => cell.textContent);

function summaryTable(container: HTMLElement): string[][] {
  const table = container.querySelector('.pack-table--workshop');
  if (!(table instanceof HTMLElement)) throw new Error('no consensus table');
  return within(table).getAllByRole('row').map(cellsOf);
}

describe('the workshop summary in the pack', () => {
  it('names the latest finished session: title, date, facilitator, participants and purpose', () => {
    const { onLaidOut } = pack();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Workshop summary');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(
      'Q1 prioritisation workshop',
    );
    const facts = [...document.querySelectorAll('.pack-workshop__facts > div')].map(
      (fact) => fact.textContent,
    );
    expect(facts).toEqual([
      'Date2027-01-12',
      'FacilitatorDana Okafor',
      'Participants (3)Priya, Sam, Lee',
    ]);
    expect(
      screen.getByText('Agree which of the three platform bets goes first in 2027.'),
    ).toBeTruthy();
    expect(
      screen.getByText(
        '3 participants scored 3 initiatives on 2 criteria; 1 cell was re-scored after discussion; 1 score stood far from the others.',
      ),
    ).toBeTruthy();
    expect(onLaidOut).toHaveBeenLastCalledWith(expect.objectContaining({ total: 1 }));
  });

  it('draws the spread least agreement first and names the outlier under it', () => {
    const { container } = pack();
    expect(
      [...container.querySelectorAll('.pack-page [data-cell]')].map((row) =>
        row.getAttribute('data-cell'),
      ),
    ).toEqual([
      'data:value',
      'data:urgency',
      'crm:value',
      'wms:value',
      'crm:urgency',
      'wms:urgency',
    ]);
    expect(
      screen.getByText('Outlier: Sam scored 1, the others 4–5 (Data platform, Customer value).'),
    ).toBeTruthy();
    // All the cells are shown: no "more" line.
    expect(container.querySelector('.pack-workshop__more')).toBeNull();
  });

  it('tabulates the consensus with the call marked, and each move in places, with arrows in words', () => {
    const { container } = pack();
    expect(summaryTable(container)).toEqual([
      ['Initiative', 'Customer value1–5', 'Urgency1–10', 'Before', 'After', 'Move'],
      ['Data platform', '4', '8call 1', '4', '1', '↑ 3 places'],
      ['CRM renewal', '4', '7', '3', '2', '↑ 1 place'],
      ['Warehouse scanning', '2', '6', '1', '4', '↓ 3 places'],
    ]);
    expect(container.querySelector('.pack-workshop__intro')?.textContent).toContain(
      'Places in the scenario “After the workshop”, before the session and after it.',
    );
    expect(container.querySelector('.pack-workshop__call')?.textContent).toBe(
      'call 1 Data platform, Urgency: 8 (the room’s median was 6). The regulator’s reporting deadline in Q3 makes this urgent.',
    );
  });

  it('draws the dot vote as ranked bars with their points', () => {
    const { container } = pack();
    expect(
      screen.getByText(
        '3 participants placed up to 3 dots each, weighted by order: a first dot counts 3 points, the last 1.',
      ),
    ).toBeTruthy();
    const bars = [...container.querySelectorAll('.pack-page [data-item]')];
    expect(bars.map((bar) => bar.getAttribute('data-item'))).toEqual(['data', 'crm', 'wms']);
    expect(bars.map((bar) => bar.querySelector('.dot-vote__value')?.textContent)).toEqual([
      '10',
      '7',
      '1',
    ]);
  });

  it('shows the session the settings choose: a new scenario’s places are new', () => {
    const { container } = pack(WORKSHOP_PORTFOLIO, { workshopId: 'ws-old' });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Autumn scoring session');
    expect(container.querySelector('.pack-workshop__intro')?.textContent).toContain(
      'The session made the scenario “Baseline”: its places, with no ranking before.',
    );
    expect(summaryTable(container).map((row) => row.at(-1))).toEqual(['Move', 'new', 'new', 'new']);
  });

  it('leaves the ranking out when the outcome was not recorded, and the dot vote without one', () => {
    const { dots: _dots, ...session } = FINISHED_SESSION;
    const { container } = pack({
      ...WORKSHOP_PORTFOLIO,
      workshops: [{ ...session, outcome: undefined }],
    });
    expect(summaryTable(container)[0]).toEqual(['Initiative', 'Customer value1–5', 'Urgency1–10']);
    expect(container.querySelector('.pack-workshop__intro')?.textContent).toContain(
      'The session’s outcome was not applied to a scenario.',
    );
    expect(screen.queryByRole('heading', { name: 'Dot vote' })).toBeNull();
  });

  it('shows the ten cells of least agreement and says how many more there are', () => {
    const extra = ['e1', 'e2', 'e3'];
    const { container } = pack({
      ...WORKSHOP_PORTFOLIO,
      initiatives: [
        ...WORKSHOP_PORTFOLIO.initiatives,
        ...extra.map((id) => ({ id, name: `Extra ${id}`, status: 'proposed' as const })),
      ],
      workshops: [
        {
          ...FINISHED_SESSION,
          initiatives: [...FINISHED_SESSION.initiatives, ...extra],
          scores: [
            ...(FINISHED_SESSION.scores ?? []),
            ...extra.flatMap((initiativeId) =>
              ['priya', 'sam', 'lee'].flatMap((participantId) =>
                ['value', 'urgency'].map((criterionId) => ({
                  participantId,
                  initiativeId,
                  criterionId,
                  value: 3,
                  round: 1,
                })),
              ),
            ),
          ],
        },
      ],
    });
    expect(container.querySelectorAll('.pack-page [data-cell]')).toHaveLength(10);
    expect(container.querySelector('.pack-workshop__more')?.textContent).toBe(
      'The 10 of 12 initiative–criterion pairs with the least agreement; the other 2 agreed more.',
    );
  });

  it('leaves the page out when no session has finished, as the frontier without an analysis', () => {
    pack({ ...WORKSHOP_PORTFOLIO, workshops: [] }, { sections: ['cover', 'ranked', 'workshop'] });
    expect(screen.queryByText(/no workshop to summarise/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Workshop summary' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Ranked portfolio' })).toBeTruthy();
  });

  it('is one block, so the paginator never splits it, however tall it measures', () => {
    const input: PackInput = { portfolio: WORKSHOP_PORTFOLIO, settings: settings() };
    const content = buildPackContent(input.portfolio, input.settings);
    const [section] = packSections(input, content, A4_PORTRAIT);
    expect(section?.id).toBe('workshop');
    expect(section?.blocks.map((block) => block.kind)).toEqual(['flow']);
    const pages = paginate(
      [{ id: 'workshop', headingHeight: 60, blocks: [{ kind: 'flow', height: 5000 }] }],
      A4_PORTRAIT.heightPx,
    );
    expect(pages).toHaveLength(1);
  });
});

describe('FitToPage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Lays blocks out as Chromium does under zoom, roughly: `natural` px tall at zoom 1. */
  function layOut(natural: number) {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const zoom = Number(this.style.zoom || 1);
      return { height: natural * zoom } as DOMRect;
    });
  }

  it('zooms a block taller than its page down to the page, and no further', () => {
    layOut(1500);
    const { container } = render(
      <FitToPage maxHeight={900}>
        <p>Tall</p>
      </FitToPage>,
    );
    const zoom = Number((container.firstChild as HTMLElement).style.zoom);
    expect(1500 * zoom).toBeLessThanOrEqual(900);
    expect(1500 * zoom).toBeGreaterThan(895);
  });

  it('leaves a block that fits as it is', () => {
    layOut(600);
    const { container } = render(
      <FitToPage maxHeight={900}>
        <p>Short</p>
      </FitToPage>,
    );
    expect((container.firstChild as HTMLElement).style.zoom).toBe('');
  });
});
