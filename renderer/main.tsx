import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FILE_RECOVERY } from './app/recovery';
import { ErrorBoundary } from './components/ErrorBoundary';
import { keepEditsOnExit } from './db/keep-edits';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
keepEditsOnExit();
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary recovery={FILE_RECOVERY}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
