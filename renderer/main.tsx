import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBackupSchedule } from './backup/backups';
import { AudienceView } from './areas/workshop/AudienceView';
import { FILE_RECOVERY } from './app/recovery';
import { ErrorBoundary } from './components/ErrorBoundary';
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
  keepEditsOnExit();
  startBackupSchedule();
}
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary recovery={FILE_RECOVERY}>{audience ? <AudienceView /> : <App />}</ErrorBoundary>
  </StrictMode>,
);
