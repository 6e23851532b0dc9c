/** The last-resort error screen's ways out: the File commands that need none of the app's dialogs. */
import type { RecoveryActions } from '../components/ErrorBoundary';
import { openWithoutAsking, saveAs, startEmptyWithoutAsking } from './file-actions';

export const FILE_RECOVERY: RecoveryActions = {
  saveCopy: saveAs,
  open: openWithoutAsking,
  startEmpty: startEmptyWithoutAsking,
};
