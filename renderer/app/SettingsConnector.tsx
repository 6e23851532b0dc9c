/**
 * Connects the Settings dialog to the profile and the app: open while the store says so (the
 * Settings… menu item, Ctrl+,), saves "your name" to the local profile.
 */
import { SettingsDialog } from '../components/SettingsDialog';
import { savedProfileName, setProfileName, useProfileNames } from '../state/profile';
import { useAppStore } from '../state/store';

/** Opens the Settings dialog (the menu command and the File menu's item). */
export function openSettings(): void {
  useAppStore.getState().setSettingsOpen(true);
}

function savedText(name: string, defaultName: string): string {
  if (name) return `Your changes are recorded as made by ${name}.`;
  return defaultName
    ? `No name saved: your changes are recorded as made by ${defaultName}, your account name.`
    : 'No name saved: your changes are recorded without a name.';
}

export function SettingsConnector() {
  const open = useAppStore((state) => state.settingsOpen);
  const setOpen = useAppStore((state) => state.setSettingsOpen);
  const notify = useAppStore((state) => state.notify);
  // Subscribed from the start, so the platform's default name is asked for before any change.
  const { saved, platformDefault } = useProfileNames();
  if (!open) return null;
  return (
    <SettingsDialog
      name={saved}
      defaultName={platformDefault}
      onCancel={() => setOpen(false)}
      onSave={(name) => {
        const kept = setProfileName(name);
        setOpen(false);
        const text = savedText(savedProfileName(), platformDefault);
        if (kept) notify('success', text);
        else {
          notify(
            'warning',
            `${text} This window's storage refused it, so Baton keeps it only until the window closes.`,
          );
        }
      }}
    />
  );
}
