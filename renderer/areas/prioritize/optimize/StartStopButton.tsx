/** The button of a background job: its start label while idle, Stop while it runs. */
import type { ReactNode } from 'react';
import type { JobPhase } from '../../../state/slices/optimizeSlice';

export function StartStopButton({
  phase,
  onStart,
  onStop,
  disabled,
  primary = false,
  children,
}: {
  readonly phase: JobPhase | undefined;
  readonly onStart: () => void;
  readonly onStop: () => void;
  /** Whether starting is not possible now. */
  readonly disabled: boolean;
  readonly primary?: boolean;
  /** The start label. */
  readonly children: ReactNode;
}) {
  if (phase === 'running' || phase === 'stopping') {
    return (
      <button
        type="button"
        className="button button--danger"
        onClick={onStop}
        disabled={phase === 'stopping'}
      >
        Stop
      </button>
    );
  }
  return (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      onClick={onStart}
      disabled={disabled}
    >
      {children}
    </button>
  );
}
