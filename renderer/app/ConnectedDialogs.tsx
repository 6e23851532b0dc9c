/**
 * The app's notices and dialogs, each a presentational component from components/ given what it
 * shows from the app's state, and the callbacks that change it.
 */
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useOpenQuestion } from '../components/dialogs';
import { Notices } from '../components/Notices';
import { RefusedFileDialog } from '../components/RefusedFileDialog';
import { usePortfolio } from '../db/hooks';
import { ExportDialog } from '../exchange/ExportDialog';
import { importDroppedFile } from '../exchange/import-actions';
import { ImportDialog } from '../exchange/ImportDialog';
import { useFileDrop } from '../exchange/useFileDrop';
import { useAppStore } from '../state/store';

/** The notices about what just happened. */
export function AppNotices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return <Notices notices={notices} onDismiss={dismiss} />;
}

/** The question asked with askUser(), if any. */
export function AppConfirmDialog() {
  const question = useOpenQuestion();
  return question && <ConfirmDialog question={question} onAnswer={question.answer} />;
}

/** Why the last file was refused, until dismissed. */
export function AppRefusedFileDialog() {
  const refused = useAppStore((state) => state.refusedFile);
  const close = useAppStore((state) => state.setRefusedFile);
  return refused && <RefusedFileDialog {...refused} onClose={() => close(null)} />;
}

/** The Import dialog while a file is being imported. */
export function AppImportDialog() {
  const source = useAppStore((state) => state.importSource);
  const close = useAppStore((state) => state.setImportSource);
  // A new file makes a new dialog, from its first step.
  return source && <ImportDialog key={source.name} source={source} onClose={() => close(null)} />;
}

function ConnectedExportDialog() {
  const portfolio = usePortfolio();
  const close = useAppStore((state) => state.setExportOpen);
  const notify = useAppStore((state) => state.notify);
  return (
    portfolio && <ExportDialog portfolio={portfolio} onClose={() => close(false)} onDone={notify} />
  );
}

/** The Export dialog while it is open. */
export function AppExportDialog() {
  const open = useAppStore((state) => state.exportOpen);
  return open && <ConnectedExportDialog />;
}

/** A file dragged over the window: where to drop it; dropped, it is imported. */
export function AppFileDrop() {
  const dragging = useFileDrop((files) => {
    const [file] = files;
    if (files.length > 1) {
      useAppStore.getState().notify('info', 'Drop one file at a time to import it.');
      return;
    }
    if (file) void importDroppedFile(file);
  });
  return (
    dragging && (
      <div className="file-drop" aria-hidden="true">
        <div className="file-drop__box">
          Drop the file to import it
          <p>CSV, Excel, a Jira CSV export, Microsoft Project XML, or a Baton portfolio (.json)</p>
        </div>
      </div>
    )
  );
}

/** All of them, once, at the end of the app. */
export function AppDialogs() {
  return (
    <>
      <AppNotices />
      <AppImportDialog />
      <AppExportDialog />
      <AppConfirmDialog />
      <AppRefusedFileDialog />
      <AppFileDrop />
    </>
  );
}
