/** The spread chart of a workshop's reveal: what the room sees, row by row, and its table. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Workshop } from '../../../shared/portfolio/types';
import { scaleOf } from '../../../shared/strategy/scoring';
import {
  cellsByDisagreement,
  revealCells,
  type RevealedCell,
} from '../../../shared/workshop/session';
import { SpreadChart } from '../../../renderer/charts/SpreadChart';
import {
  agreementLabel,
  participantMarks,
  placeScale,
} from '../../../renderer/charts/spread-chart-model';
import { FINISHED_SESSION, WORKSHOP_PORTFOLIO } from '../../shared/pack/workshop-portfolio';

/** The session's cells, least agreement first, as the reveal orders them. */
const CELLS = cellsByDisagreement(revealCells(FINISHED_SESSION, WORKSHOP_PORTFOLIO));

const rowsOf = (container: HTMLElement) => [...container.querySelectorAll('[data-cell]')];

/** The font size a text of the drawing is drawn at: its own, or the nearest group's. */
function fontSizeOf(text: Element): number {
  const sized = text.closest('[font-size]');
  return Number(sized?.getAttribute('font-size'));
}

describe('SpreadChart', () => {
  it('draws one row per cell in the order given, each named by initiative and criterion', () => {
    const { container } = render(<SpreadChart cells={CELLS} />);
    expect(rowsOf(container).map((row) => row.getAttribute('data-cell'))).toEqual(
      CELLS.map((cell) => `${cell.initiativeId}:${cell.criterionId}`),
    );
    const [first] = rowsOf(container);
    expect(first?.textContent).toContain('Data platform');
    expect(first?.textContent).toContain('Customer value · 1–5');
    // The order is the caller's: reversed in, reversed out.
    const reversed = render(<SpreadChart cells={[...CELLS].reverse()} />);
    expect(rowsOf(reversed.container)[0]?.getAttribute('data-cell')).toBe('wms:urgency');
    expect(rowsOf(reversed.container)[0]?.textContent).toContain('re-scored');
  });

  it('marks the outlier with a diamond, not a dot, and says whose score it is', () => {
    const { container } = render(<SpreadChart cells={CELLS} />);
    const [first] = rowsOf(container);
    const scores = [...(first?.querySelectorAll('[data-participant]') ?? [])];
    expect(scores.map((score) => score.getAttribute('data-participant'))).toEqual([
      'Sam',
      'Priya',
      'Lee',
    ]);
    const [sam, priya] = scores;
    expect(sam?.getAttribute('data-outlier')).toBe('true');
    expect(sam?.querySelector('path')).not.toBeNull();
    expect(sam?.querySelector('circle')).toBeNull();
    expect(sam?.querySelector('title')?.textContent).toBe('Sam: 1 (outlier)');
    expect(sam?.querySelector('text')?.textContent).toBe('S');
    expect(priya?.querySelector('circle')).not.toBeNull();
    expect(priya?.getAttribute('data-outlier')).toBeNull();
    expect(container.querySelectorAll('[data-outlier]')).toHaveLength(1);
  });

  it('puts each score where it lies on the scale, the median among them, and the agreement at the right', () => {
    const { container } = render(<SpreadChart cells={CELLS} />);
    const [first] = rowsOf(container);
    const x = (name: string) => {
      const score = first?.querySelector(`[data-participant="${name}"]`);
      return Number(score?.querySelector('circle')?.getAttribute('cx'));
    };
    // 1–5: Priya's 4 is three quarters of the way from Sam's 1 to Lee's 5.
    const sam = Number(
      first
        ?.querySelector('[data-participant="Sam"] path')
        ?.getAttribute('d')
        ?.match(/^M([\d.]+)/)?.[1],
    );
    expect((x('Priya') - sam) / (x('Lee') - sam)).toBeCloseTo(0.75, 5);
    // The median (4) is drawn through Priya's dot.
    expect(Number(first?.querySelector('.spread-chart__median')?.getAttribute('x1'))).toBeCloseTo(
      x('Priya'),
      5,
    );
    expect(first?.querySelector('.spread-chart__agreement')?.textContent).toBe('33%');
    expect(
      rowsOf(container).map((row) => row.querySelector('.spread-chart__agreement')?.textContent),
    ).toEqual(['33%', '63%', '83%', '83%', '93%', '93%']);
  });

  it('sets equal scores side by side around their value', () => {
    const { container } = render(<SpreadChart cells={CELLS} />);
    const row = container.querySelector('[data-cell="wms:value"]');
    const cx = (name: string) =>
      Number(row?.querySelector(`[data-participant="${name}"] circle`)?.getAttribute('cx'));
    // Priya and Lee both gave 2: one each side of the median's tick at 2.
    const median = Number(row?.querySelector('.spread-chart__median')?.getAttribute('x1'));
    expect(cx('Priya')).toBeLessThan(median);
    expect(cx('Lee')).toBeGreaterThan(median);
    expect((cx('Priya') + cx('Lee')) / 2).toBeCloseTo(median, 5);
  });

  it('draws more than three equal scores as one dot at their value, with their count', () => {
    const names = Array.from({ length: 10 }, (_, index) => `Person ${index + 1}`);
    const ten: Workshop = {
      ...FINISHED_SESSION,
      participants: names.map((name, index) => ({ id: `q${index}`, name })),
      scores: names.map((_, index) => ({
        participantId: `q${index}`,
        initiativeId: 'wms',
        criterionId: 'value',
        value: 3,
        round: 1,
      })),
    };
    const cells = revealCells(ten, WORKSHOP_PORTFOLIO).filter(
      (cell) => cell.initiativeId === 'wms' && cell.criterionId === 'value',
    );
    const { container } = render(<SpreadChart cells={cells} />);
    const row = container.querySelector('[data-cell="wms:value"]');
    const dots = [...(row?.querySelectorAll('[data-participant]') ?? [])];
    expect(dots).toHaveLength(1);
    expect(dots[0]?.querySelector('text')?.textContent).toBe('×10');
    expect(dots[0]?.querySelector('title')?.textContent).toMatch(/^Person 1, .*Person 10: 3$/);
    const median = Number(row?.querySelector('.spread-chart__median')?.getAttribute('x1'));
    expect(Number(dots[0]?.querySelector('circle')?.getAttribute('cx'))).toBeCloseTo(median, 5);
  });

  it('keys the initials to the names, and offers the same numbers as a table', async () => {
    const user = userEvent.setup();
    render(<SpreadChart cells={CELLS} title="Where the room disagreed" />);
    expect(screen.getByRole('figure', { name: /^Where the room disagreed/ })).toBeTruthy();
    expect(screen.getByText('Priya').closest('.spread-chart__person')?.textContent).toBe('P Priya');
    expect(screen.getByText('Outlier')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Where the room disagreed' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[0]).toEqual([
      'Data platform',
      'Customer value (1–5)',
      'Sam 1, Priya 4, Lee 5',
      '4',
      '33%',
      'Sam scored 1, the others 4–5',
    ]);
    expect(rows.at(-1)).toEqual([
      'Warehouse scanning',
      'Urgency (1–10), re-scored',
      'Priya 6, Lee 6, Sam 7',
      '6',
      '93%',
      'None',
    ]);
    expect(rows).toHaveLength(CELLS.length);
  });

  it('keys the diamond only when a row has an outlier', () => {
    render(<SpreadChart cells={CELLS.slice(1)} />);
    expect(screen.queryByText('Outlier')).toBeNull();
    expect(screen.getByText('Median', { selector: '.spread-chart__key' })).toBeTruthy();
  });

  it('describes itself to a screen reader, least agreement first', () => {
    render(<SpreadChart cells={CELLS} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Spread of the scores of 6 initiatives and criteria, in the order listed; first Data platform on Customer value, agreement 33%. 1 outlier, drawn as diamonds. The table gives every score.',
    );
  });

  it('draws every text at 16 px or more for the projector', () => {
    const { container } = render(<SpreadChart cells={CELLS} large />);
    const texts = [...container.querySelectorAll('svg text')];
    expect(texts.length).toBeGreaterThan(50);
    expect(Math.min(...texts.map(fontSizeOf))).toBeGreaterThanOrEqual(16);
    const normal = render(<SpreadChart cells={CELLS} />);
    expect(
      Math.min(...[...normal.container.querySelectorAll('svg text')].map(fontSizeOf)),
    ).toBeLessThan(16);
  });

  it('lays a set scale out evenly and says when nobody scored a cell', () => {
    const session: Workshop = {
      ...FINISHED_SESSION,
      criteria: ['size'],
      scores: [
        { participantId: 'priya', initiativeId: 'crm', criterionId: 'size', value: 2, round: 1 },
        { participantId: 'sam', initiativeId: 'crm', criterionId: 'size', value: 13, round: 1 },
        { participantId: 'lee', initiativeId: 'crm', criterionId: 'size', value: 3, round: 1 },
      ],
    };
    const portfolio = {
      ...WORKSHOP_PORTFOLIO,
      scoring: {
        model: 'weighted' as const,
        criteria: [{ id: 'size', name: 'Job size', scale: 'fibonacci' as const }],
      },
    };
    const cells: readonly RevealedCell[] = revealCells(session, portfolio);
    const { container } = render(<SpreadChart cells={cells} />);
    const row = container.querySelector('[data-cell="crm:size"]');
    const ticks = [...(row?.querySelectorAll('.spread-chart__tick') ?? [])];
    expect(ticks.map((tick) => tick.textContent)).toEqual(['1', '2', '3', '5', '8', '13', '20']);
    const xs = ticks.map((tick) => Number(tick.getAttribute('x')));
    const steps = xs.slice(1).map((x, index) => x - (xs[index] as number));
    for (const step of steps) expect(step).toBeCloseTo(steps[0] as number, 5);
    const empty = container.querySelector('[data-cell="wms:size"]');
    expect(empty?.textContent).toContain('No scores');
    expect(empty?.querySelector('.spread-chart__agreement')?.textContent).toBe('—');
  });

  it('says so when nothing has been revealed', () => {
    render(<SpreadChart cells={[]} />);
    expect(screen.getByRole('note').textContent).toContain('No scores revealed yet.');
  });
});

describe('the spread chart’s geometry', () => {
  it('places a set’s value between two allowed ones between them, and clamps a range', () => {
    const fibonacci = placeScale(scaleOf('fibonacci'), 0, 600);
    // 4, the median of 3 and 5, lies halfway between their places.
    expect(fibonacci.x(4)).toBeCloseTo((fibonacci.x(3) + fibonacci.x(5)) / 2, 5);
    expect(fibonacci.x(20)).toBe(600);
    const range = placeScale(scaleOf('0-100'), 0, 500);
    expect(range.x(150)).toBe(500);
    expect(range.ticks.map((tick) => tick.label)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(placeScale(scaleOf('1-10'), 0, 90).ticks).toHaveLength(10);
  });

  it('gives each person a mark of their own', () => {
    expect([...participantMarks(['Priya', 'Sam', 'Lee'])]).toEqual([
      ['Priya', 'P'],
      ['Sam', 'S'],
      ['Lee', 'L'],
    ]);
    expect([...participantMarks(['Sam', 'Selma', 'Sara', 'ana'])].map(([, mark]) => mark)).toEqual([
      'Sa',
      'Se',
      'Sa2',
      'A',
    ]);
  });

  it('never rounds agreement short of full up to 100 %', () => {
    expect(agreementLabel(1)).toBe('100%');
    expect(agreementLabel(0.996)).toBe('99%');
    expect(agreementLabel(1 / 3)).toBe('33%');
    expect(agreementLabel(0)).toBe('0%');
  });
});
