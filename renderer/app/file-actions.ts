/**
 * The File commands: new, open, open recent, save as, and the demo. Opening a file replaces the
 * portfolio only when the whole file is valid; otherwise the problems are shown and nothing changes.
 */
import { plural } from '../../shared/format';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { emptyPortfolio } from '../../shared/portfolio/empty';
import { describeProblem, readPortfolioText } from '../../shared/portfolio/restore';
import { portfolioFileName, writePortfolio } from '../../shared/portfolio/write';
import type { Portfolio } from '../../shared/portfolio/types';
import { backupNow } from '../backup/backups';
import {
  hasUnsavedChanges,
  markSaved,
  readPortfolio,
  readState,
  replacePortfolio,
} from '../db/repository';
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

/**
 * Replaces the portfolio as one undoable edit, after a backup of the one it replaces (a failed
 * backup is told in a notice and does not stop the Open: the Open itself can be undone).
 */
async function load(
  portfolio: Portfolio,
  origin: Parameters<typeof replacePortfolio>[1],
  label: string,
) {
  await backupNow('before-open');
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
  const result = readPortfolioText(file.text);
  if (!result.ok) {
    useAppStore.getState().setRefusedFile({
      fileName: file.name,
      problems: result.errors,
      problemCount: result.problemCount,
    });
    return false;
  }
  if (!(await confirmReplace(`Open ${file.name}`))) return false;
  const loaded = await load(
    result.portfolio,
    { kind: 'file', label: file.name },
    `Open ${file.name}`,
  );
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

/** Saves the portfolio as a file; returns whether it was saved. */
export async function saveAs(): Promise<boolean> {
  try {
    const portfolio = await readPortfolio();
    const saved = await getPlatform().savePortfolioFile(
      portfolioFileName(portfolio.name),
      writePortfolio(portfolio),
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
  if (!(await confirmReplace('Start an empty portfolio'))) return;
  if (await load(emptyPortfolio(localToday()), { kind: 'empty' }, 'New portfolio')) {
    notify('success', 'Started an empty portfolio. Add teams and initiatives in Portfolio.');
  }
}

export async function loadDemo(): Promise<void> {
  if (!(await confirmReplace('Load the demo portfolio'))) return;
  if (await load(DEMO_PORTFOLIO, { kind: 'demo' }, 'Load demo portfolio')) {
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
  // A stored portfolio that cannot be shown may still be read and kept; if not, there is nothing
  // a backup could keep, and the way out must not wait for it.
  await backupNow('before-open');
  const result = await replacePortfolio(portfolio, origin, label);
  if (!result.ok)
    return { ok: false, message: `Could not load it: ${firstProblem(result.problems)}` };
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
  const result = readPortfolioText(file.text);
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
