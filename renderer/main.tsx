import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBackupSchedule } from './backup/backups';
import { backUpIfUpgrading } from './backup/before-upgrade';
import { AudienceView } from './areas/workshop/AudienceView';
import { FILE_RECOVERY } from './app/recovery';
import { ErrorBoundary } from './components/ErrorBoundary';
import { runBeforeOpening } from './db/database';
import { keepEditsOnExit } from './db/keep-edits';
import { applyStoredPreferences } from './state/preferences';
import './styles/app.css';

// The number format chosen in Settings, before anything is drawn.
applyStoredPreferences();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The audience window of a workshop shows the room what it should see; it never edits.
const audience = window.location.hash.startsWith('#/audience');
if (!audience) {
  // Before the first query opens (and upgrades) the database: a backup when it is stored at an
  // older schema version. Not in the audience window, which opens only after this window did
  // (so the upgrade is done) and has no dialog to ask in if that backup fails.
  runBeforeOpening(() => backUpIfUpgrading());
  keepEditsOnExit();
  startBackupSchedule();
}
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary recovery={FILE_RECOVERY}>{audience ? <AudienceView /> : <App />}</ErrorBoundary>
  </StrictMode>,
);
