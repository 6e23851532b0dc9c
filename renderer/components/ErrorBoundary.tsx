import { Component, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { parseMenuCommand } from '../../shared/ipc/contract';
import { getPlatform } from '../platform';

/** What a way out of the error screen did: done, or why not in a sentence. */
type RecoveryResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** A backup the recovery screen offers to restore. */
export type RecoveryBackup = {
  readonly id: string;
  /** When it was taken, as the screens write it. */
  readonly when: string;
  /** One line: "Acme 2027 · 42 initiatives · 5 teams". */
  readonly summary: string;
};

/** The ways out the recovery screen offers, from the app's File commands and its backups. */
export type RecoveryActions = {
  /** Saves the stored data as a file; whether it was saved, or why not. */
  readonly saveCopy: () => Promise<boolean | RecoveryResult>;
  /** Opens a portfolio file in place of the stored one, without asking first. */
  readonly open: () => Promise<RecoveryResult>;
  /** Replaces the stored portfolio with an empty one, without asking first. */
  readonly startEmpty: () => Promise<RecoveryResult>;
  /** Replaces the stored portfolio with the demo, without asking first. */
  readonly loadDemo?: () => Promise<RecoveryResult>;
  /** The newest backups, newest first. */
  readonly listBackups?: () => Promise<readonly RecoveryBackup[]>;
  /** Restores a backup in place of the stored portfolio, without asking first. */
  readonly restoreBackup?: (id: string) => Promise<RecoveryResult>;
  /**
   * The error in words when it is the storage's (a full disk, another window's upgrade): what
   * happened and what to do; null for another error, which is shown as it is.
   */
  readonly explain?: (
    error: Error,
  ) => { readonly happened: string; readonly advice: string } | null;
};

type Props = { readonly children: ReactNode } & (
  | {
      /**
       * One area of the app rather than all of it: the sidebar, the top bar and the File menu
       * stay, so the way out is there too. The boundary tries again when `resetKey` changes.
       */
      readonly area: string;
      readonly resetKey?: unknown;
      /**
       * Hand the error on to the boundary above (the recovery screen) instead of showing it here:
       * set while the stored portfolio has not been shown yet, since an error then would come
       * back at every start.
       */
      readonly escalate?: boolean;
      readonly recovery?: never;
    }
  | {
      /** All of the app: the recovery screen, with these ways out. */
      readonly recovery: RecoveryActions;
      readonly area?: never;
      readonly resetKey?: never;
      readonly escalate?: never;
    }
);
type State = { readonly error: Error | null };

/** An Error for anything thrown; a DOMException (not an Error everywhere) keeps its name. */
function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'object' && thrown !== null) {
    const { name, message } = thrown as { name?: unknown; message?: unknown };
    if (typeof message === 'string') {
      const error = new Error(message, { cause: thrown });
      if (typeof name === 'string') error.name = name;
      return error;
    }
  }
  return new Error(String(thrown));
}

/**
 * The last line of defence: an unexpected error (storage that cannot be opened, a bug, a record
 * the app cannot show) shows what happened and a way on, instead of a blank window. Every edit was
 * stored when it was made, so a record that breaks the app would break it again at every start:
 * the screen therefore offers to save a copy, open another file or start empty, and answers the
 * File menu, without the rest of the app.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: asError(error) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Baton stopped on an error', error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && !Object.is(previous.resetKey, this.props.resetKey)) {
      this.setState({ error: null });
    }
  }

  private readonly recover = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Thrown again while rendering, the error goes to the boundary above.
    if (this.props.escalate) throw error;
    return this.props.recovery ? (
      <FatalScreen error={error} recovery={this.props.recovery} onRecovered={this.recover} />
    ) : (
      <AreaProblem area={this.props.area} error={error} />
    );
  }
}

/** Inside the app: the area is replaced, the File menu and the other areas still work. */
function AreaProblem({ area, error }: { readonly area: string; readonly error: Error }) {
  return (
    <section className="fatal fatal--area" role="alert" aria-labelledby="area-problem-title">
      <h2 id="area-problem-title">{area} hit a problem</h2>
      <p>{error.message}</p>
      <p>
        Every change you made before this was stored. The other areas and the File menu still work:
        open another portfolio file, start an empty portfolio or load the demo from there, or save a
        copy of this one to look at it.
      </p>
    </section>
  );
}

type Outcome = { readonly done: boolean; readonly message?: string };

function resultOutcome(result: RecoveryResult): Outcome {
  return result.ok ? { done: true } : { done: false, message: result.message };
}

/**
 * The recovery screen: what happened, and the ways on without the rest of the app: reload,
 * restore a backup, save the stored data as a file, open another file, load the demo or start
 * empty. It answers the File menu too.
 */
function FatalScreen({
  error,
  recovery,
  onRecovered,
}: {
  readonly error: Error;
  readonly recovery: RecoveryActions;
  readonly onRecovered: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [backups, setBackups] = useState<readonly RecoveryBackup[] | null>(null);
  const busyRef = useRef(false);
  const explained = recovery.explain?.(error) ?? null;

  useEffect(() => {
    const list = recovery.listBackups;
    if (!list) return;
    let live = true;
    list().then(
      (found) => live && setBackups(found.slice(0, 5)),
      () => live && setBackups([]),
    );
    return () => {
      live = false;
    };
  }, [recovery]);

  const run = async (action: () => Promise<Outcome>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    let outcome: Outcome;
    try {
      outcome = await action();
    } catch (reason) {
      outcome = { done: false, message: reason instanceof Error ? reason.message : String(reason) };
    }
    busyRef.current = false;
    setBusy(false);
    if (outcome.done) onRecovered();
    else setNote(outcome.message ?? null);
  };

  const saveCopy = async (): Promise<Outcome> => {
    const saved = await recovery.saveCopy();
    if (typeof saved === 'object') {
      return {
        done: false,
        message: saved.ok ? 'The stored data was saved as a file.' : saved.message,
      };
    }
    return {
      done: false,
      message: saved
        ? 'A copy was saved. You can open it in a text editor, or start again below.'
        : 'Nothing was saved: the save was cancelled or the copy could not be written.',
    };
  };
  const open = async (): Promise<Outcome> => resultOutcome(await recovery.open());
  const startEmpty = async (): Promise<Outcome> => resultOutcome(await recovery.startEmpty());
  const loadDemo = async (): Promise<Outcome> =>
    recovery.loadDemo ? resultOutcome(await recovery.loadDemo()) : { done: false };
  const restore = (id: string) => async (): Promise<Outcome> =>
    recovery.restoreBackup ? resultOutcome(await recovery.restoreBackup(id)) : { done: false };

  // The rest of the app is gone, so this screen answers the File menu itself.
  const latest = useRef({ open, startEmpty, saveCopy, run });
  latest.current = { open, startEmpty, saveCopy, run };
  useEffect(
    () =>
      getPlatform().onMenuCommand((raw) => {
        const command = parseMenuCommand(raw);
        const { run: go, open: openFile, startEmpty: empty, saveCopy: copy } = latest.current;
        if (command?.type === 'open') void go(openFile);
        else if (command?.type === 'new') void go(empty);
        else if (command?.type === 'save-as') void go(copy);
      }),
    [],
  );

  return (
    <main className="fatal recovery" role="alert" aria-labelledby="fatal-title">
      <h1 id="fatal-title">Baton hit a problem</h1>
      {explained ? (
        <>
          <p>{explained.happened}</p>
          <p>{explained.advice}</p>
          <p className="recovery__detail">The browser said: {error.message}</p>
        </>
      ) : (
        <>
          <p>Baton could not show the portfolio: a screen stopped on an error.</p>
          <p className="recovery__detail">The error: {error.message}</p>
        </>
      )}
      <p>
        Every change you made before this was stored. Reload to carry on. If the problem comes back
        at every start, the stored portfolio may hold something Baton cannot show: save it as a
        file, then restore a backup, open another portfolio file, load the demo or start with an
        empty portfolio. Each of these replaces the portfolio stored in Baton.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(saveCopy)}>
          Save the stored data as a file…
        </button>
      </div>
      {recovery.listBackups && (
        <section className="recovery__backups" aria-labelledby="recovery-backups-title">
          <h2 id="recovery-backups-title">Restore a backup</h2>
          {backups === null ? (
            <p>Reading the backups…</p>
          ) : backups.length === 0 ? (
            <p>There are no backups yet.</p>
          ) : (
            <ul className="recovery__list">
              {backups.map((backup) => (
                <li key={backup.id}>
                  <span>
                    <strong>{backup.when}</strong> · {backup.summary}
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy}
                    aria-label={`Restore the backup of ${backup.when}`}
                    onClick={() => void run(restore(backup.id))}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="recovery-start-title">
        <h2 id="recovery-start-title">Start again</h2>
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void run(open)}>
            Open a portfolio file…
          </button>
          {recovery.loadDemo && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(loadDemo)}
            >
              Load the demo portfolio
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(startEmpty)}
          >
            Start with an empty portfolio
          </button>
        </div>
      </section>
      {note && (
        <p className="fatal__note" role="status">
          {note}
        </p>
      )}
    </main>
  );
}
