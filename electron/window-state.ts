/**
 * Remembers where the window was: size, position and maximized state, kept in
 * `window-state.json` in the user-data folder. The pure part parses what was stored (it may be
 * anything) and fits it onto the displays that exist now.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file';

export type Rect = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/** A window's normal (not maximized) bounds and whether it was maximized. */
export type WindowState = {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
};

/** The state to open with: the position is always known. */
export type PlacedWindowState = Rect & { readonly maximized: boolean };

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** Waits this long after the last resize or move before writing, so a drag writes once. */
export const SAVE_DELAY_MS = 500;

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined;
}

function positiveSize(value: unknown, fallback: number): number {
  const size = finiteNumber(value);
  return size !== undefined && size > 0 ? size : fallback;
}

/**
 * Reads a stored state tolerantly. Returns null when `value` is not an object; otherwise a bad
 * size falls back to the default, a bad or half-given position is dropped (the window is then
 * centred) and anything but `true` means not maximized.
 */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const x = finiteNumber(record.x);
  const y = finiteNumber(record.y);
  const size = {
    width: positiveSize(record.width, DEFAULT_WINDOW_SIZE.width),
    height: positiveSize(record.height, DEFAULT_WINDOW_SIZE.height),
    maximized: record.maximized === true,
  };
  return x !== undefined && y !== undefined ? { x, y, ...size } : size;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Fits a state onto the current displays (`workAreas`, the parts not taken by task bars). The
 * window goes to the display it overlaps most and is moved and shrunk until it lies wholly inside
 * it; a window that overlaps no display (one was unplugged) is centred on `primary`. Sizes are at
 * least `MIN_WINDOW_SIZE` unless the display is smaller than that.
 */
export function placeWindowState(
  state: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): PlacedWindowState {
  const width = state?.width ?? DEFAULT_WINDOW_SIZE.width;
  const height = state?.height ?? DEFAULT_WINDOW_SIZE.height;
  const maximized = state?.maximized ?? false;

  let area = primary;
  let position: { readonly x: number; readonly y: number } | null = null;
  if (state?.x !== undefined && state.y !== undefined) {
    const saved: Rect = { x: state.x, y: state.y, width, height };
    let best = 0;
    for (const candidate of workAreas) {
      const overlap = overlapArea(saved, candidate);
      if (overlap > best) {
        best = overlap;
        area = candidate;
      }
    }
    if (best > 0) position = saved;
  }

  const fitWidth = Math.min(Math.max(width, MIN_WINDOW_SIZE.width), area.width);
  const fitHeight = Math.min(Math.max(height, MIN_WINDOW_SIZE.height), area.height);
  const x =
    position === null
      ? area.x + Math.round((area.width - fitWidth) / 2)
      : clamp(position.x, area.x, area.x + area.width - fitWidth);
  const y =
    position === null
      ? area.y + Math.round((area.height - fitHeight) / 2)
      : clamp(position.y, area.y, area.y + area.height - fitHeight);
  return { x, y, width: fitWidth, height: fitHeight, maximized };
}

/** Reads the stored state; a missing or unreadable file means none. */
export function loadWindowState(storeFile: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(storeFile, 'utf8')));
  } catch {
    return null;
  }
}

/** The stored form of a state. */
export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** The part of a window this module watches. */
export type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'
>;

/** A window's state now: the normal bounds even while it is maximized. */
export function captureWindowState(window: TrackedWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

/**
 * Saves the window's state after it stops moving or resizing, and once more, synchronously, when
 * it closes. Write failures are ignored: losing the window position is not worth an error.
 */
export function trackWindowState(
  window: TrackedWindow,
  storeFile: string,
  delayMs: number = SAVE_DELAY_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const saveLater = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (window.isDestroyed()) return;
      const text = serializeWindowState(captureWindowState(window));
      // The user-data folder may not exist yet on the very first run.
      mkdir(path.dirname(storeFile), { recursive: true })
        .then(() => writeFileAtomic(storeFile, text))
        .catch(() => undefined);
    }, delayMs);
  };

  window.on('resize', saveLater);
  window.on('move', saveLater);
  window.on('maximize', saveLater);
  window.on('unmaximize', saveLater);
  window.on('close', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    try {
      mkdirSync(path.dirname(storeFile), { recursive: true });
      writeFileAtomicSync(storeFile, serializeWindowState(captureWindowState(window)));
    } catch {
      // Ignored on purpose, see above.
    }
  });
}
