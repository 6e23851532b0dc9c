import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_DIST } from './server';

/** The end-to-end tests run against the built renderer: `npm test` builds it first. */
export default function setup(): void {
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
}
