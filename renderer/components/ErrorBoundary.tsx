import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { readonly children: ReactNode };
type State = { readonly error: Error | null };

/**
 * The last line of defence: an unexpected error (storage that cannot be opened, a bug) shows what
 * happened and a way on, instead of a blank window. Every edit was stored when it was made.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Baton stopped on an error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="fatal" role="alert">
        <h1>Baton hit a problem</h1>
        <p>{error.message}</p>
        <p>
          Every change you made before this was stored. Reload to carry on; if the problem comes
          back, close other Baton windows and start Baton again.
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </main>
    );
  }
}
