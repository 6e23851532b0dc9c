/** Picks the platform the renderer runs on: the desktop bridge when present, else the browser. */
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type { Platform } from './types';

let current: Platform | undefined;

export function getPlatform(): Platform {
  current ??= window.baton ? createElectronPlatform(window.baton) : createBrowserPlatform();
  return current;
}

/** Replaces the platform (tests). */
export function setPlatform(platform: Platform): void {
  current = platform;
}
