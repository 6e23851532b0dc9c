/**
 * Tells a screen reader when a background job starts, is stopping and ends: only then, not at
 * every progress update (which would talk over everything else).
 */
import type { JobPhase } from '../../../state/slices/optimizeSlice';

const SAID: Readonly<Record<JobPhase, string>> = {
  running: 'working',
  stopping: 'stopping, keeping the best so far',
  done: 'done',
  failed: '',
};

export function PhaseAnnouncement({
  task,
  phase,
}: {
  readonly task: string;
  readonly phase: JobPhase | undefined;
}) {
  const said = phase ? SAID[phase] : '';
  return (
    <p className="visually-hidden" role="status">
      {said ? `${task}: ${said}.` : ''}
    </p>
  );
}
