/**
 * Asking the user lives in components/dialogs, below the areas that ask; the app shell asks the
 * same way, through here.
 */
export { askUser, dismissQuestion, openQuestion, type Question } from '../components/dialogs';
