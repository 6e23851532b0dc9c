import { Component, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { parseMenuCommand } from '../../shared/ipc/contract';
import { getPlatform } from '../platform';

/** What a way out of the error screen did: done, or why not in a sentence. */
type RecoveryResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The ways out the last-resort screen offers, from the app's File commands. */
export type RecoveryActions = {
  /** Saves a copy of the stored portfolio as a file; whether it was saved. */
  readonly saveCopy: () => Promise<boolean>;
  /** Opens a portfolio file in place of the stored one, without asking first. */
  readonly open: () => Promise<RecoveryResult>;
  /** Replaces the stored portfolio with an empty one, without asking first. */
  readonly startEmpty: () => Promise<RecoveryResult>;
};

type Props = { readonly children: ReactNode } & (
  | {
      /**
       * One area of the app rather than all of it: the sidebar, the top bar and the File menu
       * stay, so the way out is there too. The boundary tries again when `resetKey` changes.
       */
      readonly area: string;
      readonly resetKey?: unknown;
      readonly recovery?: never;
    }
  | {
      /** All of the app: the last-resort screen, with these ways out. */
      readonly recovery: RecoveryActions;
      readonly area?: never;
      readonly resetKey?: never;
    }
);
type State = { readonly error: Error | null };

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
    return { error: error instanceof Error ? error : new Error(String(error)) };
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
  const busyRef = useRef(false);

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

  const saveCopy = async (): Promise<Outcome> => ({
    done: false,
    message: (await recovery.saveCopy())
      ? 'A copy was saved. You can open it in a text editor, or start again below.'
      : 'Nothing was saved: the save was cancelled or the copy could not be written.',
  });
  const open = async (): Promise<Outcome> => {
    const result = await recovery.open();
    return result.ok ? { done: true } : { done: false, message: result.message };
  };
  const startEmpty = async (): Promise<Outcome> => {
    const result = await recovery.startEmpty();
    return result.ok ? { done: true } : { done: false, message: result.message };
  };

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
    <main className="fatal" role="alert" aria-labelledby="fatal-title">
      <h1 id="fatal-title">Baton hit a problem</h1>
      <p>{error.message}</p>
      <p>
        Every change you made before this was stored. Reload to carry on. If the problem comes back
        at every start, the stored portfolio may hold something Baton cannot show: save a copy of
        it, then open another portfolio file or start with an empty portfolio. Starting again
        replaces the portfolio stored in Baton.
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
          Save a copy…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(open)}>
          Open a portfolio file…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(startEmpty)}
        >
          Start with an empty portfolio
        </button>
      </div>
      {note && (
        <p className="fatal__note" role="status">
          {note}
        </p>
      )}
    </main>
  );
}
