import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindowState,
  trackWindowState,
  type Rect,
} from '../../electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
// A second monitor to the right of the laptop, its task bar on the left.
const monitor: Rect = { x: 1500, y: 0, width: 2500, height: 1400 };

describe('parseWindowState', () => {
  it('reads a complete state', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 1300, height: 900, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 900,
      maximized: true,
    });
  });

  it.each([null, undefined, 'garbage', 42, [1, 2, 3], true])('gives up on %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });

  it('falls back to defaults field by field', () => {
    expect(parseWindowState({ width: 'wide', height: -5, maximized: 'yes' })).toEqual({
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    });
    expect(parseWindowState({ x: Number.NaN, y: 3, width: 1000, height: 700 })).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(parseWindowState({ x: 5, width: 1000, height: 700 })).not.toHaveProperty('x');
  });

  it('rounds fractional values from scaled displays', () => {
    expect(parseWindowState({ x: 10.4, y: 20.6, width: 1300.5, height: 899.2 })).toMatchObject({
      x: 10,
      y: 21,
      width: 1301,
      height: 899,
    });
  });

  it('never throws, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parseWindowState(value);
      }),
    );
  });
});

describe('placeWindowState', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(placeWindowState(null, [laptop], laptop)).toEqual({
      x: 80,
      y: 30,
      width: 1280,
      height: 800,
      maximized: false,
    });
  });

  it('keeps a window that fits where it was, on whichever display', () => {
    const state = { x: 1700, y: 100, width: 1400, height: 1000, maximized: true };
    expect(placeWindowState(state, [laptop, monitor], laptop)).toEqual(state);
  });

  it('centres a window whose display was unplugged on the primary display', () => {
    const state = { x: 1700, y: 100, width: 1400, height: 1000, maximized: false };
    expect(placeWindowState(state, [laptop], laptop)).toEqual({
      x: 20,
      y: 0,
      width: 1400,
      height: 860,
      maximized: false,
    });
  });

  it('pulls a window hanging off the edge back onto its display', () => {
    const state = { x: 1000, y: -200, width: 1280, height: 800, maximized: false };
    expect(placeWindowState(state, [laptop], laptop)).toEqual({
      x: 160,
      y: 0,
      width: 1280,
      height: 800,
      maximized: false,
    });
  });

  it('grows a window below the minimum size', () => {
    const placed = placeWindowState(
      { width: 300, height: 200, maximized: false },
      [monitor],
      monitor,
    );
    expect(placed).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('never leaves a window outside every display', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    });
    fc.assert(
      fc.property(rect, fc.boolean(), (saved, maximized) => {
        const placed = placeWindowState({ ...saved, maximized }, [laptop, monitor], laptop);
        const inside = [laptop, monitor].some(
          (area) =>
            placed.x >= area.x &&
            placed.y >= area.y &&
            placed.x + placed.width <= area.x + area.width &&
            placed.y + placed.height <= area.y + area.height,
        );
        expect(inside).toBe(true);
        expect(placed.maximized).toBe(maximized);
      }),
    );
  });
});

describe('trackWindowState', () => {
  let folder = '';

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'baton-window-state-'));
    vi.useFakeTimers();
  });

  afterEach(async () => {
    vi.useRealTimers();
    await rm(folder, { recursive: true, force: true });
  });

  function fakeWindow() {
    let bounds = { x: 40, y: 30, width: 1200, height: 700 };
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isDestroyed: () => false,
      moveTo: (x: number, y: number) => {
        bounds = { ...bounds, x, y };
      },
    });
    return window;
  }

  /** Lets the asynchronous write that a timer started reach the disk. */
  async function settle(file: string): Promise<void> {
    await vi.waitFor(() => expect(existsSync(file)).toBe(true), { timeout: 2000 });
  }

  it('writes once after a burst of moves, with the last position', async () => {
    const file = path.join(folder, 'window-state.json');
    const window = fakeWindow();
    trackWindowState(window as never, file, 500);

    for (let step = 0; step < 20; step += 1) {
      window.moveTo(step * 10, 30);
      window.emit('move');
      vi.advanceTimersByTime(100);
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(500);
    vi.useRealTimers();
    await settle(file);
    expect(loadWindowState(file)).toEqual({
      x: 190,
      y: 30,
      width: 1200,
      height: 700,
      maximized: false,
    });
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes at once when the window closes', async () => {
    const file = path.join(folder, 'window-state.json');
    const window = fakeWindow();
    trackWindowState(window as never, file, 500);
    window.moveTo(77, 88);
    window.emit('resize');
    window.emit('close');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ x: 77, y: 88 });
  });
});
