/**
 * Asking the user lives in components/dialogs, below the areas that ask; the app shell asks the
 * same way, through here.
 */
import { openQuestion, subscribeQuestion } from '../components/dialogs';
import { useAppStore } from '../state/store';

export { askUser, dismissQuestion, openQuestion, type Question } from '../components/dialogs';

// TEMPORARY: the keyboard shortcuts (useAppCommands) still look for an open question in the
// store's `confirmRequest`, so it follows the question here. Once they ask openQuestion()
// instead, drop this and `confirmRequest` from uiSlice.
subscribeQuestion(() => {
  const question = openQuestion();
  useAppStore.getState().setConfirmRequest(question && { ...question, resolve: question.answer });
});
