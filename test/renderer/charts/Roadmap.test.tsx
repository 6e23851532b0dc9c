import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { computeCutLine, scenarioCutLine } from '../../../shared/prioritize/cutline';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { Roadmap } from '../../../renderer/charts/Roadmap';
import { ROADMAP_SIZES } from '../../../renderer/charts/roadmap-model';
import { SMALL, handCutLine } from './fixtures';

const CUT = computeCutLine(SMALL, ['fleet', 'route', 'wms', 'later']);
const COLUMN = ROADMAP_SIZES.columnWidth;

function setup(overrides: Partial<Parameters<typeof Roadmap>[0]> = {}) {
  const onPinStart = vi.fn();
  const onSelect = vi.fn();
  const view = render(
    <Roadmap
      portfolio={SMALL}
      cutLine={CUT}
      onPinStart={onPinStart}
      onSelect={onSelect}
      {...overrides}
    />,
  );
  return { ...view, onPinStart, onSelect };
}

const fleetButton = () =>
  screen.getByRole('button', { name: 'Fleet telematics, starts Q1 2027, 2 quarters' });

function status(container: HTMLElement) {
  return container.querySelector('.roadmap__status')!;
}

describe('Roadmap', () => {
  it('shows the period headers and one bar per initiative above the line', () => {
    const { container } = setup();
    const header = container.querySelector('.roadmap__header')!;
    expect(
      [...header.querySelectorAll('.roadmap__period text')].map((text) => text.textContent),
    ).toEqual(['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
    expect(
      screen.getAllByRole('button').map((button) => button.getAttribute('aria-label')),
    ).toEqual([
      // Committed (active) work is placed first.
      'WMS upgrade, starts Q2 2027, 2 quarters, pinned',
      'Fleet telematics, starts Q1 2027, 2 quarters',
      'Route optimization, starts Q3 2027, 1 quarter',
      'Later thing, starts Q1 2027, 1 quarter',
    ]);
    const bars = container.querySelectorAll('.roadmap__bar');
    expect([...bars].map((bar) => bar.querySelector('text:last-of-type')?.textContent)).toEqual([
      'WMS upgrade',
      'Fleet telematics',
      // No room for the whole name inside the bar or right of it: cut, in full on hover.
      'Route optimiz…',
      'Later thing',
    ]);
    expect(screen.getByRole('button', { name: /^Route optimization,/ })).toHaveAttribute(
      'title',
      'Route optimization',
    );
  });

  it('draws the bar from its start to the end of its last period', () => {
    const { container } = setup();
    const rect = container.querySelector('[data-bar="fleet"] rect')!;
    expect(Number(rect.getAttribute('x'))).toBe(ROADMAP_SIZES.inset);
    expect(Number(rect.getAttribute('width'))).toBe(2 * COLUMN - 2 * ROADMAP_SIZES.inset);
  });

  it('leaves out what is below the line', () => {
    const cut = computeCutLine(
      {
        ...SMALL,
        initiatives: SMALL.initiatives.map((item) =>
          item.id === 'later' ? { ...item, forced: 'out' as const } : item,
        ),
      },
      ['fleet', 'route', 'wms', 'later'],
    );
    setup({ cutLine: cut });
    expect(screen.queryByRole('button', { name: /Later thing/ })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(3);
  });

  it('draws a dependency arrow with an arrowhead when both ends are above', () => {
    const { container } = setup();
    const arrows = container.querySelectorAll('.roadmap__arrow');
    expect(arrows).toHaveLength(1);
    expect(arrows[0]).toHaveAttribute('data-from', 'fleet');
    expect(arrows[0]).toHaveAttribute('data-to', 'route');
    const marker = arrows[0]!.getAttribute('marker-end')!.match(/^url\(#(.+)\)$/)![1]!;
    expect(container.querySelector(`marker[id="${marker}"]`)).not.toBeNull();
    expect(screen.getByRole('button', { name: /Route optimization/ })).toHaveAccessibleDescription(
      /After Fleet telematics\./,
    );
  });

  it('marks a fixed start with a pin', () => {
    const { container } = setup();
    expect(container.querySelector('[data-bar="wms"] .roadmap__pin')).not.toBeNull();
    expect(container.querySelector('[data-bar="fleet"] .roadmap__pin')).toBeNull();
  });

  it('pins the start to the period the bar is dragged to', () => {
    const { container, onPinStart, onSelect } = setup();
    const button = fleetButton();
    fireEvent.pointerDown(button, { clientX: 100, pointerId: 1, button: 0 });
    fireEvent.pointerMove(button, { clientX: 100 + 1.6 * COLUMN, pointerId: 1 });
    const ghost = container.querySelector('[data-ghost="fleet"]');
    expect(ghost).toHaveTextContent('→ Q3 2027');
    expect(status(container)).toHaveTextContent('Fleet telematics: start in Q3 2027.');
    fireEvent.pointerMove(button, { clientX: 100 + 0.8 * COLUMN, pointerId: 1 });
    expect(container.querySelector('[data-ghost="fleet"]')).toHaveTextContent('→ Q2 2027');
    fireEvent.pointerUp(button, { clientX: 100 + 0.8 * COLUMN, pointerId: 1 });
    fireEvent.click(button);
    expect(onPinStart).toHaveBeenCalledExactlyOnceWith('fleet', 'p2');
    expect(onSelect).not.toHaveBeenCalled();
    expect(container.querySelector('[data-ghost]')).toBeNull();
    expect(status(container)).toHaveTextContent('Fleet telematics: pinned to start in Q2 2027.');
  });

  it('drags earlier too, and keeps the whole bar within the periods', () => {
    const { onPinStart } = setup();
    const route = screen.getByRole('button', { name: /Route optimization/ });
    fireEvent.pointerDown(route, { clientX: 500, pointerId: 3, button: 0 });
    fireEvent.pointerMove(route, { clientX: 500 - COLUMN, pointerId: 3 });
    fireEvent.pointerUp(route, { clientX: 500 - COLUMN, pointerId: 3 });
    expect(onPinStart).toHaveBeenLastCalledWith('route', 'p2');
    const fleet = fleetButton();
    fireEvent.pointerDown(fleet, { clientX: 0, pointerId: 4, button: 0 });
    fireEvent.pointerMove(fleet, { clientX: 10 * COLUMN, pointerId: 4 });
    fireEvent.pointerUp(fleet, { clientX: 10 * COLUMN, pointerId: 4 });
    // Two quarters long: Q3 2027 is the latest start that ends within the horizon.
    expect(onPinStart).toHaveBeenLastCalledWith('fleet', 'p3');
  });

  it('cancels a drag on Escape', () => {
    const { container, onPinStart, onSelect } = setup();
    const button = fleetButton();
    fireEvent.pointerDown(button, { clientX: 100, pointerId: 1, button: 0 });
    fireEvent.pointerMove(button, { clientX: 100 + 2 * COLUMN, pointerId: 1 });
    expect(container.querySelector('[data-ghost="fleet"]')).not.toBeNull();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(container.querySelector('[data-ghost]')).toBeNull();
    fireEvent.pointerMove(button, { clientX: 100 + 3 * COLUMN, pointerId: 1 });
    fireEvent.pointerUp(button, { clientX: 100 + 3 * COLUMN, pointerId: 1 });
    fireEvent.click(button);
    expect(onPinStart).not.toHaveBeenCalled();
    expect(onSelect).not.toHaveBeenCalled();
    expect(status(container)).toHaveTextContent('Move cancelled.');
  });

  it('does not pin when the bar is dropped where it was, and selects on a plain click', () => {
    const { onPinStart, onSelect } = setup();
    const button = fleetButton();
    fireEvent.pointerDown(button, { clientX: 100, pointerId: 1, button: 0 });
    fireEvent.pointerMove(button, { clientX: 100 + 0.3 * COLUMN, pointerId: 1 });
    fireEvent.pointerUp(button, { clientX: 100 + 0.3 * COLUMN, pointerId: 1 });
    expect(onPinStart).not.toHaveBeenCalled();
    fireEvent.pointerDown(button, { clientX: 100, pointerId: 2, button: 0 });
    fireEvent.pointerUp(button, { clientX: 101, pointerId: 2 });
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('fleet');
    expect(onPinStart).not.toHaveBeenCalled();
  });

  it('moves the start with the arrow keys and pins it with Enter', async () => {
    const user = userEvent.setup();
    const { container, onPinStart, onSelect } = setup();
    fleetButton().focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(container.querySelector('[data-ghost="fleet"]')).toHaveTextContent('→ Q3 2027');
    expect(status(container)).toHaveTextContent(
      'Fleet telematics: start in Q3 2027. Press Enter to pin it there, Escape to cancel.',
    );
    await user.keyboard('{ArrowRight}');
    // Two quarters long: it cannot start later than Q3 2027.
    expect(container.querySelector('[data-ghost="fleet"]')).toHaveTextContent('→ Q3 2027');
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(onPinStart).toHaveBeenCalledExactlyOnceWith('fleet', 'p2');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('cancels a keyboard move with Escape; Enter then selects', async () => {
    const user = userEvent.setup();
    const { container, onPinStart, onSelect } = setup();
    fleetButton().focus();
    await user.keyboard('{ArrowRight}{Escape}');
    expect(container.querySelector('[data-ghost]')).toBeNull();
    await user.keyboard('{Enter}');
    expect(onPinStart).not.toHaveBeenCalled();
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('fleet');
    await user.keyboard('{ArrowLeft}');
    // Already in the first period.
    expect(container.querySelector('[data-ghost="fleet"]')).toHaveTextContent('→ Q1 2027');
    await user.keyboard('{Enter}');
    expect(onPinStart).not.toHaveBeenCalled();
  });

  it('marks the selected bar', () => {
    const { container } = setup({ selectedId: 'route' });
    expect(screen.getByRole('button', { name: /Route optimization/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(fleetButton()).not.toHaveAttribute('aria-current');
    expect(container.querySelector('[data-bar="route"] .roadmap__selected')).not.toBeNull();
    expect(container.querySelectorAll('.roadmap__selected')).toHaveLength(1);
  });

  it('says so when there is nothing to show', () => {
    const { rerender } = setup({ cutLine: handCutLine({}, []) });
    expect(screen.getByText('Nothing is above the cut line.')).toBeInTheDocument();
    rerender(
      <Roadmap
        portfolio={{ ...SMALL, periods: [] }}
        cutLine={handCutLine({}, [])}
        onPinStart={() => {}}
      />,
    );
    expect(screen.getByText('No periods yet.')).toBeInTheDocument();
  });

  it('shows the demo roadmap with its dependency arrows', () => {
    const cutLine = scenarioCutLine(DEMO_PORTFOLIO);
    const { container } = render(
      <Roadmap portfolio={DEMO_PORTFOLIO} cutLine={cutLine} onPinStart={() => {}} />,
    );
    const above = cutLine.placements.filter((placement) => placement.above);
    expect(screen.getAllByRole('button')).toHaveLength(above.length);
    expect(
      screen.getByRole('button', {
        name: 'Fleet telematics rollout, starts Q3 2026, 2 quarters, pinned',
      }),
    ).toBeInTheDocument();
    const arrows = [...container.querySelectorAll('.roadmap__arrow')].map(
      (arrow) => `${arrow.getAttribute('data-from')}->${arrow.getAttribute('data-to')}`,
    );
    expect(arrows).toContain('telematics-rollout->route-optimization');
    expect(arrows).toContain('cloud-landing-zone->event-streaming');
    expect(arrows).toContain('event-streaming->realtime-tracking');
  });

  it('stays usable with 300 bars: one lane each, the chart just gets taller', () => {
    const count = 300;
    const initiatives: Initiative[] = Array.from({ length: count }, (_, index) => ({
      id: `i${index}`,
      name: `Initiative ${index + 1}`,
      status: 'approved',
      demand: { dev: [1, 1] },
      ...(index > 0 && index % 10 === 0 && { dependsOn: [`i${index - 1}`] }),
    }));
    const big: Portfolio = {
      ...SMALL,
      teams: [{ id: 'dev', name: 'Dev', capacity: { p1: 1000, p2: 1000, p3: 1000, p4: 1000 } }],
      budget: undefined,
      initiatives,
    };
    const cutLine = computeCutLine(big, []);
    const onPinStart = vi.fn();
    const { container } = render(
      <Roadmap portfolio={big} cutLine={cutLine} onPinStart={onPinStart} />,
    );
    expect(screen.getAllByRole('button')).toHaveLength(count);
    const svg = container.querySelector('.roadmap__svg')!;
    expect(Number(svg.getAttribute('height'))).toBe(count * ROADMAP_SIZES.laneHeight);
    expect(container.querySelectorAll('.roadmap__arrow')).toHaveLength(29);
    const last = screen.getByRole('button', { name: /^Initiative 300,/ });
    fireEvent.pointerDown(last, { clientX: 0, pointerId: 9, button: 0 });
    fireEvent.pointerMove(last, { clientX: COLUMN, pointerId: 9 });
    fireEvent.pointerUp(last, { clientX: COLUMN, pointerId: 9 });
    expect(onPinStart).toHaveBeenCalledWith('i299', expect.stringMatching(/^p[2-4]$/));
  });
});
