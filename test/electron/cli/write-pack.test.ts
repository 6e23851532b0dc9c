/** What `baton pack` says when it cannot render: a hint to rebuild only when the build may be why. */
import { describe, expect, it } from 'vitest';
import { NO_CHROMIUM_MESSAGE } from '../../../electron/cli/chromium';
import { BrowserUnavailable } from '../../../electron/cli/render-pack';
import { builtRenderer, cannotRender } from '../../../electron/cli/write-pack';

const REBUILD = /run `npm run build`/;

describe('cannotRender', () => {
  it('suggests rebuilding when the app’s own print page failed', () => {
    const said = cannotRender(builtRenderer(), new Error('the print page did not start'));
    expect(said.code).not.toBe(0);
    expect(said.stderr).toMatch(/^baton: cannot render the pack: the print page did not start/);
    expect(said.stderr).toMatch(REBUILD);
  });

  it('says only what to install when no browser is found', () => {
    const said = cannotRender(builtRenderer(), new BrowserUnavailable(NO_CHROMIUM_MESSAGE));
    expect(said.stderr).toBe(`baton: cannot render the pack: ${NO_CHROMIUM_MESSAGE}\n`);
    expect(said.stderr).not.toMatch(REBUILD);
  });

  it('does not suggest rebuilding another build than the app’s own', () => {
    const said = cannotRender('/elsewhere/renderer', new Error('the print page did not start'));
    expect(said.stderr).not.toMatch(REBUILD);
  });
});
