import { useEffect, useRef, useState } from 'react';
import type { PortfolioMetaRow } from '../db/schema';
import { useHistoryLabels, usePendingEdits } from '../db/hooks';
import { openExport, openImport } from '../exchange/import-actions';
import { openHistory } from './HistoryPanel';
import { loadDemo, newPortfolio, openPortfolio, saveAs } from './file-actions';
import { redoLastEdit, undoLastEdit } from '../state/history-actions';
import { openSettings } from './SettingsConnector';

type TopBarProps = { readonly meta: PortfolioMetaRow };

function originText(meta: PortfolioMetaRow): string {
  switch (meta.origin.kind) {
    case 'demo':
      return 'Demo portfolio';
    case 'empty':
      return 'New portfolio';
    case 'file':
      return `Opened from ${meta.origin.label ?? 'a file'}`;
  }
}

/** Whether every edit of this window is stored: "Saving…" while one is on its way. */
function SaveState() {
  const pending = usePendingEdits();
  return (
    <span aria-live="polite" data-testid="save-state" data-pending={pending > 0 ? 'true' : 'false'}>
      {pending > 0 ? 'Saving your last edit…' : 'saved in Baton as you edit'}
    </span>
  );
}

export function TopBar({ meta }: TopBarProps) {
  const { undo: undoLabel, redo: redoLabel } = useHistoryLabels();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!menuOpen) return;
    // A click anywhere outside the menu closes it, as a native menu would.
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    menuRef.current?.querySelector<HTMLButtonElement>('button[data-menu-item]')?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [menuOpen]);
  const run = (action: () => Promise<unknown>) => () => {
    setMenuOpen(false);
    buttonRef.current?.focus();
    void action();
  };
  return (
    <header className="topbar">
      <div className="topbar__title">
        <h1>{meta.name}</h1>
        <p className="topbar__origin">
          {originText(meta)} · <SaveState />
        </p>
      </div>
      <div className="topbar__actions">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void undoLastEdit()}
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void redoLastEdit()}
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => openHistory()}
          title="Every change to the portfolio, by day, with who made it"
        >
          History
        </button>
        <div
          className="menu"
          ref={menuRef}
          onBlur={(event) => {
            // Tabbing out of the menu closes it.
            if (!menuRef.current?.contains(event.relatedTarget as Node | null)) setMenuOpen(false);
          }}
        >
          <button
            ref={buttonRef}
            type="button"
            className="button"
            aria-expanded={menuOpen}
            aria-controls={menuOpen ? 'file-menu' : undefined}
            onClick={() => setMenuOpen((open) => !open)}
          >
            File
          </button>
          {menuOpen && (
            <ul
              id="file-menu"
              className="menu__list"
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setMenuOpen(false);
                  buttonRef.current?.focus();
                  return;
                }
                const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
                if (step === 0) return;
                event.preventDefault();
                const items = [
                  ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button'),
                ];
                const index = items.indexOf(document.activeElement as HTMLButtonElement);
                items[(index + step + items.length) % items.length]?.focus();
              }}
            >
              <li>
                <button type="button" data-menu-item onClick={run(newPortfolio)}>
                  New empty portfolio
                </button>
              </li>
              <li>
                <button type="button" onClick={run(openPortfolio)}>
                  Open portfolio file… <kbd>Ctrl+O</kbd>
                </button>
              </li>
              <li>
                <button type="button" onClick={run(saveAs)}>
                  Save as file… <kbd>Ctrl+Shift+S</kbd>
                </button>
              </li>
              <li>
                <button type="button" onClick={run(openImport)}>
                  Import…
                </button>
              </li>
              <li>
                <button type="button" onClick={run(async () => openExport())}>
                  Export…
                </button>
              </li>
              <li>
                <button type="button" onClick={run(loadDemo)}>
                  Load the demo portfolio
                </button>
              </li>
              <li>
                <button type="button" onClick={run(async () => openSettings())}>
                  Settings… <kbd>Ctrl+,</kbd>
                </button>
              </li>
            </ul>
          )}
        </div>
      </div>
    </header>
  );
}
