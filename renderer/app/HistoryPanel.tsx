/**
 * The History panel: every change to the portfolio, newest first, grouped by day, with who made
 * it; filtered by initiative; and "Restore to here", which puts the portfolio back as it was
 * right after an entry, as one edit that Undo takes back.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { entriesByDay, type HistoryEntry } from '../../shared/store/history';
import type { Portfolio } from '../../shared/portfolio/types';
import { askUser } from '../components/dialogs';
import { Modal } from '../components/Modal';
import { portfolioStore } from '../db/store';
import { displayLocale } from '../format';
import { useAppStore } from '../state/store';

let open = false;
const listeners = new Set<() => void>();

function setOpen(next: boolean): void {
  open = next;
  for (const listener of listeners) listener();
}

/** Opens the History panel (the top bar's History button, Ctrl+H). */
export function openHistory(): void {
  setOpen(true);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many entries the panel lists (the store keeps more; they are restorable from the CLI). */
const SHOWN_ENTRIES = 500;

const KIND_LABELS: Readonly<Record<HistoryEntry['kind'], string>> = {
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  restore: 'Restore',
};

function dayLabel(at: string): string {
  return new Date(at).toLocaleDateString(displayLocale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

function timeLabel(at: string): string {
  return new Date(at).toLocaleTimeString(displayLocale(), { hour: '2-digit', minute: '2-digit' });
}

export function HistoryPanel({ portfolio }: { readonly portfolio: Portfolio | undefined }) {
  const isOpen = useSyncExternalStore(subscribe, () => open);
  if (!isOpen) return null;
  return <HistoryDialog portfolio={portfolio} onClose={() => setOpen(false)} />;
}

function HistoryDialog({
  portfolio,
  onClose,
}: {
  readonly portfolio: Portfolio | undefined;
  readonly onClose: () => void;
}) {
  const notify = useAppStore((state) => state.notify);
  const [initiativeId, setInitiativeId] = useState('');
  const entries = useLiveQuery(
    () => portfolioStore().readHistory(SHOWN_ENTRIES, initiativeId || undefined),
    [initiativeId],
  );
  const days = useMemo(() => entriesByDay(entries ?? [], dayLabel), [entries]);
  const newest = useLiveQuery(() => portfolioStore().readHistory(1), [])?.[0]?.seq;

  const restore = async (entry: HistoryEntry) => {
    const choice = await askUser({
      title: 'Restore the portfolio to this point?',
      body: `The portfolio goes back to how it was right after “${entry.label}” (${dayLabel(entry.at)}, ${timeLabel(entry.at)}). Every later change is undone as one edit; Undo brings them back.`,
      actions: [
        { id: 'restore', label: 'Restore', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'restore') return;
    const result = await portfolioStore().restoreToEntry(entry.seq, entry.label);
    if (result.ok && result.unchanged) {
      notify(
        'info',
        'The portfolio is already as it was right after that change: nothing to restore.',
      );
      onClose();
    } else if (result.ok) {
      notify('success', `Restored the portfolio to “${entry.label}”. Undo takes it back.`);
      onClose();
    } else {
      notify(
        'error',
        `Could not restore: ${result.problems[0]?.message ?? 'the portfolio would break a rule'}. Nothing was changed.`,
      );
    }
  };

  return (
    <Modal
      title="History"
      wide
      onCancel={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="history">
        <label className="field history__filter">
          <span className="field__label">Changes to</span>
          <select
            className="field__input"
            value={initiativeId}
            onChange={(event) => setInitiativeId(event.target.value)}
          >
            <option value="">The whole portfolio</option>
            {(portfolio?.initiatives ?? []).map((initiative) => (
              <option key={initiative.id} value={initiative.id}>
                {initiative.name}
              </option>
            ))}
          </select>
        </label>
        {entries === undefined ? (
          <p role="status">Reading the history…</p>
        ) : entries.length === 0 ? (
          <p className="history__empty">
            {initiativeId
              ? 'No change to this initiative is in the history yet.'
              : 'No changes yet. Every edit you make is listed here, with when and by whom, and you can go back to any of them.'}
          </p>
        ) : (
          days.map((day) => (
            <section key={day.day} className="history__day" aria-label={day.day}>
              <h3 className="history__day-title">{day.day}</h3>
              <ol className="history__list">
                {day.entries.map((entry) => (
                  <li key={entry.seq} className="history__entry" data-testid="history-entry">
                    <span className="history__time">{timeLabel(entry.at)}</span>
                    <span className="history__label">
                      {entry.label}
                      {entry.kind !== 'edit' && (
                        <span className="badge history__kind">{KIND_LABELS[entry.kind]}</span>
                      )}
                    </span>
                    <span className="history__who">{entry.who || 'No name set'}</span>
                    {entry.seq !== newest ? (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => void restore(entry)}
                        aria-label={`Restore the portfolio to right after “${entry.label}”`}
                      >
                        Restore to here
                      </button>
                    ) : (
                      <span className="history__now">Now</span>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ))
        )}
      </div>
    </Modal>
  );
}
