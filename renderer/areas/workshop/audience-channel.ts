/**
 * What the audience window shows, kept in step with the facilitator's window: which session and
 * view, the card in focus in presentation mode, and the discussion timer. The facilitator's window
 * publishes; every audience window of the same origin (a browser window, or Electron's second
 * window) follows. The last state is also kept in localStorage, so an audience window opened or
 * reloaded later starts where the room is. The portfolio itself comes from the shared database.
 */

/** A running or paused countdown, as the room sees it. */
export type AudienceTimer = {
  readonly label: string;
  /** Milliseconds left when paused; null while running (then `endsAt` counts). */
  readonly remainingMs: number | null;
  /** When a running timer reaches 0, in milliseconds since 1970. */
  readonly endsAt: number | null;
};

export type AudienceState = {
  readonly workshopId: string | null;
  readonly view: 'session' | 'present';
  readonly selectedId: string | null;
  readonly timer?: AudienceTimer | null;
};

export const AUDIENCE_KEY = 'baton.audience';
const CHANNEL = 'baton-audience';

const NOTHING: AudienceState = { workshopId: null, view: 'session', selectedId: null };

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

let sender: BroadcastChannel | null | undefined;

/** Reads what a message or the stored state says, refusing anything of the wrong shape. */
export function readAudienceState(value: unknown): AudienceState {
  if (typeof value !== 'object' || value === null) return NOTHING;
  const record = value as Record<string, unknown>;
  const text = (entry: unknown) => (typeof entry === 'string' ? entry : null);
  const timer = record.timer as Record<string, unknown> | null | undefined;
  const number = (entry: unknown) =>
    typeof entry === 'number' && Number.isFinite(entry) ? entry : null;
  return {
    workshopId: text(record.workshopId),
    view: record.view === 'present' ? 'present' : 'session',
    selectedId: text(record.selectedId),
    timer:
      timer && typeof timer === 'object' && typeof timer.label === 'string'
        ? {
            label: timer.label,
            remainingMs: number(timer.remainingMs),
            endsAt: number(timer.endsAt),
          }
        : null,
  };
}

/** The state the room saw last (from storage), or nothing. */
export function currentAudienceState(): AudienceState {
  try {
    const stored = localStorage.getItem(AUDIENCE_KEY);
    return stored ? readAudienceState(JSON.parse(stored)) : NOTHING;
  } catch {
    return NOTHING;
  }
}

/** Tells every audience window what to show: `patch` over the state published last. */
export function publishAudience(patch: Partial<AudienceState>): void {
  const next = { ...currentAudienceState(), ...patch };
  try {
    localStorage.setItem(AUDIENCE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or denied: the channel still carries it.
  }
  sender ??= channel();
  sender?.postMessage(next);
}

/** Follows what the facilitator publishes; returns the unsubscribe function. */
export function subscribeAudience(listener: (state: AudienceState) => void): () => void {
  const receiver = channel();
  const onMessage = (event: MessageEvent) => listener(readAudienceState(event.data));
  receiver?.addEventListener('message', onMessage);
  const onStorage = (event: StorageEvent) => {
    if (event.key === AUDIENCE_KEY) listener(currentAudienceState());
  };
  window.addEventListener('storage', onStorage);
  return () => {
    receiver?.removeEventListener('message', onMessage);
    receiver?.close();
    window.removeEventListener('storage', onStorage);
  };
}
