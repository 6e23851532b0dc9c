/**
 * A countdown for the room: scoring time per initiative or per pass, and discussion time at the
 * reveal. It starts, pauses and resets by button or key; when the time is up it says so once to
 * screen readers and keeps counting over time, so the facilitator decides when to move on. The
 * audience window shows the same countdown.
 */
import { useEffect, useRef, useState } from 'react';
import { publishAudience } from './audience-channel';

/** "1:05", "0:09", "-0:12" (over time). */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${over ? '−' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function Timer({
  label,
  seconds,
  autoStart = false,
  resetKey,
}: {
  /** What the time is for: "Scoring time", "Discussion". */
  readonly label: string;
  readonly seconds: number;
  readonly autoStart?: boolean;
  /** A new value starts the countdown again (the next initiative, the next pass). */
  readonly resetKey?: string;
}) {
  const [endsAt, setEndsAt] = useState<number | null>(() =>
    autoStart ? Date.now() + seconds * 1000 : null,
  );
  const [remaining, setRemaining] = useState(seconds * 1000);
  const [, tick] = useState(0);
  const announced = useRef(false);
  const [upMessage, setUpMessage] = useState('');

  useEffect(() => {
    setRemaining(seconds * 1000);
    setEndsAt(autoStart ? Date.now() + seconds * 1000 : null);
    announced.current = false;
    setUpMessage('');
  }, [resetKey, seconds, autoStart]);

  useEffect(() => {
    if (endsAt === null) return;
    const interval = window.setInterval(() => tick((count) => count + 1), 250);
    return () => window.clearInterval(interval);
  }, [endsAt]);

  const left = endsAt === null ? remaining : endsAt - Date.now();
  useEffect(() => {
    if (left <= 0 && !announced.current && endsAt !== null) {
      announced.current = true;
      setUpMessage(`${label}: time is up.`);
    }
  }, [left, endsAt, label]);

  useEffect(() => {
    publishAudience({ timer: { label, remainingMs: endsAt === null ? remaining : null, endsAt } });
  }, [label, endsAt, remaining]);
  useEffect(() => () => publishAudience({ timer: null }), []);

  const running = endsAt !== null;
  const toggle = () => {
    if (running) {
      setRemaining(endsAt - Date.now());
      setEndsAt(null);
    } else setEndsAt(Date.now() + remaining);
  };
  const reset = () => {
    setEndsAt(null);
    setRemaining(seconds * 1000);
    announced.current = false;
    setUpMessage('');
  };

  return (
    <div className={`timer${left <= 0 ? ' timer--up' : ''}`} role="group" aria-label={label}>
      <span className="timer__label">{label}</span>
      <span className="timer__clock" aria-hidden="true">
        {formatClock(left)}
      </span>
      <span className="visually-hidden">
        {left > 0 ? `${formatClock(left)} left` : `${formatClock(left)} over time`}
      </span>
      <button type="button" className="button button--small" onClick={toggle}>
        {running ? 'Pause' : left < seconds * 1000 ? 'Resume' : 'Start'}
      </button>
      <button type="button" className="button button--small button--quiet" onClick={reset}>
        Reset
      </button>
      <span className="visually-hidden" role="status">
        {upMessage}
      </span>
    </div>
  );
}
