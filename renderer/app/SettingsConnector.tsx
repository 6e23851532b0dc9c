/**
 * Leads the Settings… command (the menu item, Ctrl+,) to the Settings area, with the focus in
 * "Your name". Anything that raises the store's `settingsOpen` flag is led there too.
 */
import { useEffect } from 'react';
import { SETTINGS_NAME_FIELD_ID } from '../areas/settings/SettingsArea';
import { useProfileNames } from '../state/profile';
import { useAppStore } from '../state/store';

/** Puts the focus in the name field once the Settings area shows it. */
function focusNameField(tries = 20): void {
  const field = document.getElementById(SETTINGS_NAME_FIELD_ID);
  if (field) field.focus();
  else if (tries > 0) requestAnimationFrame(() => focusNameField(tries - 1));
}

/** Opens Settings (the menu command and the File menu's item). */
export function openSettings(): void {
  useAppStore.getState().navigate({ area: 'settings' });
  focusNameField();
}

export function SettingsConnector() {
  const open = useAppStore((state) => state.settingsOpen);
  const setOpen = useAppStore((state) => state.setSettingsOpen);
  // Subscribed from the start, so the platform's default name is asked for before any change.
  useProfileNames();
  useEffect(() => {
    if (!open) return;
    setOpen(false);
    openSettings();
  }, [open, setOpen]);
  return null;
}
