/**
 * The app's notices and dialogs, each a presentational component from components/ given what it
 * shows from the app's state, and the callbacks that change it.
 */
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useOpenQuestion } from '../components/dialogs';
import { Notices } from '../components/Notices';
import { RefusedFileDialog } from '../components/RefusedFileDialog';
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

/** All of them, once, at the end of the app. */
export function AppDialogs() {
  return (
    <>
      <AppNotices />
      <AppConfirmDialog />
      <AppRefusedFileDialog />
    </>
  );
}
