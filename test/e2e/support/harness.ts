/**
 * The life cycle of an end-to-end test file: one static server for the file, and every profile
 * and browser opened by a test closed and removed after it, whether the test passed or not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { newProfile, openApp, type Profile, type Session } from './browser';
import { startStaticServer, type StaticServer } from './server';

/** How long a single step (a click, a wait for text) may take before the test fails. */
export const STEP_TIMEOUT_MS = 10_000;

export type Viewport = { readonly width: number; readonly height: number };

export type Harness = {
  /** The app's address, e.g. `http://127.0.0.1:41234/`. */
  readonly url: () => string;
  /** A fresh, empty browser profile, removed after the test. */
  readonly profile: () => Promise<Profile>;
  /**
   * Launches Chromium on `profile` at `hash` (e.g. `#/portfolio/teams`) and waits until the
   * portfolio is shown. The browser is closed after the test if the test has not closed it.
   */
  readonly open: (profile: Profile, hash?: string, viewport?: Viewport) => Promise<Session>;
  /** A fresh temporary folder for files the test saves or opens, removed after the test. */
  readonly folder: () => Promise<string>;
};

/** Registers the hooks of one test file; call it once at the top level of the file. */
export function useHarness(): Harness {
  let server: StaticServer | undefined;
  let sessions: Session[] = [];
  let profiles: Profile[] = [];
  let folders: string[] = [];

  beforeAll(async () => {
    server = await startStaticServer();
  });

  afterEach(async () => {
    const pageErrors = sessions.flatMap((session) => session.errors);
    const closing = sessions;
    const removing = profiles;
    const deleting = folders;
    sessions = [];
    profiles = [];
    folders = [];
    for (const session of closing) await session.context.close();
    for (const profile of removing) await profile.remove();
    for (const folder of deleting) await rm(folder, { recursive: true, force: true });
    // A script error or a console error is a bug the user may notice even when the screen looks
    // right, so it fails the test that caused it.
    if (pageErrors.length > 0) {
      throw new Error(`The page reported errors:\n${pageErrors.join('\n')}`);
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  const url = () => {
    if (!server) throw new Error('The static server has not started.');
    return server.url;
  };

  return {
    url,
    profile: async () => {
      const profile = await newProfile();
      profiles.push(profile);
      return profile;
    },
    open: async (profile, hash = '', viewport) => {
      const session = await openApp(profile, url() + hash, viewport);
      sessions.push(session);
      session.context.setDefaultTimeout(STEP_TIMEOUT_MS);
      await session.page.getByRole('heading', { level: 1 }).waitFor();
      return session;
    },
    folder: async () => {
      const folder = await mkdtemp(join(tmpdir(), 'baton-e2e-files-'));
      folders.push(folder);
      return folder;
    },
  };
}
