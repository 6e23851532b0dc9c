/**
 * Keyboard shortcuts and native menu commands. Undo and redo are the app's own (every edit is
 * stored at once), so Ctrl+Z works the same in a text field as anywhere else.
 */
import { useEffect } from 'react';
import { parseMenuCommand, type MenuCommand } from '../../shared/ipc/contract';
import { openQuestion } from '../components/dialogs';
import { exchangeDialogOpen, openExport, openImport } from '../exchange/import-actions';
import { getPlatform } from '../platform';
import { useAppStore } from '../state/store';
import { newPortfolio, openPortfolio, openRecentPortfolio, saveAs } from './file-actions';
import { redoLastEdit, undoLastEdit } from '../state/history-actions';
import { openSettings } from './SettingsConnector';

function runMenuCommand(command: MenuCommand): void {
  switch (command.type) {
    case 'new':
      void newPortfolio();
      break;
    case 'open':
      void openPortfolio();
      break;
    case 'open-recent':
      void openRecentPortfolio(command.index);
      break;
    case 'save-as':
      void saveAs();
      break;
    case 'import':
      void openImport();
      break;
    case 'export':
      openExport();
      break;
    case 'undo':
      void undoLastEdit();
      break;
    case 'redo':
      void redoLastEdit();
      break;
    case 'settings':
      openSettings();
      break;
    case 'about':
      useAppStore
        .getState()
        .notify('info', 'Baton: portfolio planning for a Strategic PMO, offline.');
      break;
  }
}

/** What a key press means, or null. File shortcuts belong to the native menu on the desktop. */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  platformKind: 'electron' | 'browser',
): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? { type: 'redo' } : { type: 'undo' };
  if (key === 'y' && !event.shiftKey) return { type: 'redo' };
  if (platformKind === 'electron') return null;
  if (key === 'o' && !event.shiftKey) return { type: 'open' };
  if (key === 's' && event.shiftKey) return { type: 'save-as' };
  if (key === ',' && !event.shiftKey) return { type: 'settings' };
  return null;
}

export function useAppCommands(): void {
  useEffect(() => {
    const platform = getPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      const { refusedFile, settingsOpen } = useAppStore.getState();
      if (openQuestion() || refusedFile || settingsOpen || exchangeDialogOpen()) return;
      const command = commandForKey(event, platform.kind);
      if (!command) return;
      // Fields that store nothing (search, filters) keep the browser's own text undo.
      const target = event.target as HTMLElement | null;
      if (
        (command.type === 'undo' || command.type === 'redo') &&
        target?.closest?.('[data-native-undo]')
      )
        return;
      event.preventDefault();
      runMenuCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = platform.onMenuCommand((raw) => {
      const command = parseMenuCommand(raw);
      if (command) runMenuCommand(command);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}
