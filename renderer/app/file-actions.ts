/**
 * The File commands: new, open, open recent, save as, and the demo. Opening a file replaces the
 * portfolio only when the whole file is valid; otherwise the problems are shown and nothing changes.
 */
import { plural } from '../../shared/format';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../shared/portfolio/empty';
import { describeProblem } from '../../shared/portfolio/restore';
import { portfolioFileName } from '../../shared/portfolio/write';
import type { Portfolio } from '../../shared/portfolio/types';
import { portfolioToState } from '../../shared/store/state';
import { attemptBackup, replaceUnreadablePortfolio } from '../backup/backups';
import { readPortfolioFileText } from './portfolio-file-client';
import {
  hasUnsavedChanges,
  markSaved,
  readPortfolio,
  readState,
  replacePortfolio,
} from '../db/repository';
import { ORDER_KEYS } from '../db/order-keys';
import { adoptSnapshots, portfolioFileText } from '../db/snapshots';
import { localToday } from '../format';
import { getPlatform } from '../platform';
import type { OpenedFile } from '../platform/types';
import { useAppStore } from '../state/store';
import { askUser } from './dialogs';

function notify(kind: 'info' | 'success' | 'error', text: string): void {
  useAppStore.getState().notify(kind, text);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks before the current portfolio is replaced; offers to save a copy first. */
async function confirmReplace(action: string): Promise<boolean> {
  if (!(await hasUnsavedChanges())) return true;
  const { meta } = await readState();
  const choice = await askUser({
    title: `${action}?`,
    body: `"${meta.name}" has changes that are not saved to a file. ${action} replaces it in Baton; you can undo that with Ctrl+Z while Baton stays open, and saving a copy first keeps it for good.`,
    actions: [
      { id: 'save', label: 'Save a copy first…' },
      { id: 'replace', label: 'Replace', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (choice === 'save') return (await saveAs()) && confirmReplace(action);
  return choice === 'replace';
}

/** "the folder is read-only" as the end of a sentence: "the folder is read-only." */
function withFullStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/**
 * The backup before a replace failed: asks whether to go on without one (as Import does), since
 * Undo brings the portfolio back only while this window stays open. Cancel changes nothing;
 * "Save a copy first…" saves it as a file, then goes on.
 */
async function confirmWithoutBackup(action: string, why: string): Promise<boolean> {
  const choice = await askUser({
    title: `${action} without a backup?`,
    body: `${withFullStop(why)} ${action} replaces the portfolio in Baton; Undo (Ctrl+Z) takes that back only while this window stays open. Saving a copy first keeps it as a file for good.`,
    actions: [
      { id: 'save', label: 'Save a copy first…' },
      { id: 'go', label: 'Continue without a backup', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  });
  if (choice === 'save') return saveAs();
  return choice === 'go';
}

/**
 * Replaces the portfolio as one undoable edit, after a backup of the one it replaces. When that
 * backup fails, the user is asked first; no answer, or Cancel, replaces nothing.
 */
async function load(
  portfolio: Portfolio,
  origin: Parameters<typeof replacePortfolio>[1],
  label: string,
  action: string,
) {
  const backup = await attemptBackup('before-open');
  if (!backup.ok && !(await confirmWithoutBackup(action, backup.message))) return false;
  const result = await replacePortfolio(portfolio, origin, label);
  if (!result.ok) {
    notify('error', `Could not load the portfolio: ${firstProblem(result.problems)}`);
    return false;
  }
  useAppStore.getState().navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: null });
  return true;
}

function firstProblem(problems: readonly Parameters<typeof describeProblem>[0][]): string {
  const first = problems[0];
  return first ? describeProblem(first).headline : 'unknown problem';
}

/** Reads a file's text; shows its problems and changes nothing when it is not a valid portfolio. */
export async function importPortfolioText(
  file: Pick<OpenedFile, 'name' | 'text'>,
): Promise<boolean> {
  const result = await readPortfolioFileText(file.text);
  if (!result.ok) {
    useAppStore.getState().setRefusedFile({
      fileName: file.name,
      problems: result.errors,
      problemCount: result.problemCount,
    });
    return false;
  }
  const action = `Open ${file.name}`;
  if (!(await confirmReplace(action))) return false;
  const loaded = await load(result.portfolio, { kind: 'file', label: file.name }, action, action);
  if (loaded)
    notify(
      'success',
      `Opened ${file.name}: ${plural(result.portfolio.initiatives.length, 'initiative')}.`,
    );
  return loaded;
}

async function openWith(read: () => Promise<OpenedFile | null>): Promise<void> {
  try {
    const file = await read();
    if (file) await importPortfolioText(file);
  } catch (error) {
    notify('error', `Could not open the file: ${errorText(error)}`);
  }
}

export function openPortfolio(): Promise<void> {
  return openWith(() => getPlatform().openPortfolioFile());
}

export function openRecentPortfolio(index: number): Promise<void> {
  return openWith(async () => {
    const file = await getPlatform().openRecentFile(index);
    if (!file) notify('error', 'That file is no longer there.');
    return file;
  });
}

/**
 * Saves the portfolio as a file, with the snapshots of its held reviews; returns whether it was
 * saved.
 */
export async function saveAs(): Promise<boolean> {
  try {
    const portfolio = await readPortfolio();
    const saved = await getPlatform().savePortfolioFile(
      portfolioFileName(portfolio.name),
      await portfolioFileText(portfolio),
    );
    if (saved) {
      await markSaved();
      notify('success', `Saved "${portfolio.name}" to ${saved.location}.`);
    }
    return saved !== null;
  } catch (error) {
    notify('error', `Could not save: ${errorText(error)}`);
    return false;
  }
}

export async function newPortfolio(): Promise<void> {
  const action = 'Start an empty portfolio';
  if (!(await confirmReplace(action))) return;
  if (await load(emptyPortfolio(localToday()), { kind: 'empty' }, 'New portfolio', action)) {
    notify('success', 'Started an empty portfolio. Add teams and initiatives in Portfolio.');
  }
}

export async function loadDemo(): Promise<void> {
  const action = 'Load the demo portfolio';
  if (!(await confirmReplace(action))) return;
  if (await load(DEMO_PORTFOLIO, { kind: 'demo' }, 'Load demo portfolio', action)) {
    notify('success', `Loaded the demo portfolio "${DEMO_PORTFOLIO.name}".`);
  }
}

/** What a way out of the error screen did: done, or why not in a sentence. */
export type RecoveryResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

async function replaceForRecovery(
  portfolio: Portfolio,
  origin: Parameters<typeof replacePortfolio>[1],
  label: string,
): Promise<RecoveryResult> {
  // The error screen cannot ask (the app's dialogs are gone with the app), and it tells the user
  // to save the stored data as a file first; so a failed backup is told and the way out goes on:
  // it must not be blocked by a backup store that fails. A stored portfolio that does not read is
  // backed up as its raw rows, and written over directly: no edit can be planned on it.
  const backup = await attemptBackup('before-open');
  if (!backup.ok) notify('error', backup.message);
  try {
    if (backup.ok && backup.raw) {
      const adopted = await adoptSnapshots(portfolio);
      await replaceUnreadablePortfolio(portfolioToState(adopted, origin, ORDER_KEYS), false);
    } else {
      const result = await replacePortfolio(portfolio, origin, label);
      if (!result.ok)
        return { ok: false, message: `Could not load it: ${firstProblem(result.problems)}` };
    }
  } catch (error) {
    return { ok: false, message: `Could not load it: ${errorText(error)}` };
  }
  useAppStore.getState().navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: null });
  return { ok: true };
}

/**
 * For the error screen, where the app's dialogs cannot show: opens a file and replaces the stored
 * portfolio without asking first (the error screen says so). A refused file changes nothing.
 */
export async function openWithoutAsking(): Promise<RecoveryResult> {
  const file = await getPlatform().openPortfolioFile();
  if (!file) return { ok: false, message: 'No file was opened.' };
  const result = await readPortfolioFileText(file.text);
  if (!result.ok) {
    const count = result.problemCount;
    return {
      ok: false,
      message: `${file.name} was not opened: it has ${count === 1 ? 'a problem' : `${count} problems`}, the first: ${firstProblem(result.errors)}`,
    };
  }
  return replaceForRecovery(
    result.portfolio,
    { kind: 'file', label: file.name },
    `Open ${file.name}`,
  );
}

/** For the error screen: replaces the stored portfolio with an empty one without asking first. */
export function startEmptyWithoutAsking(): Promise<RecoveryResult> {
  return replaceForRecovery(emptyPortfolio(localToday()), { kind: 'empty' }, 'New portfolio');
}

/** For the error screen: replaces the stored portfolio with the demo without asking first. */
export function loadDemoWithoutAsking(): Promise<RecoveryResult> {
  return replaceForRecovery(DEMO_PORTFOLIO, { kind: 'demo' }, 'Load demo portfolio');
}
