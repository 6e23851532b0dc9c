/** Asking the user: a promise that resolves with the chosen action once the dialog closes. */
import { useAppStore } from '../state/store';
import type { ConfirmRequest } from '../state/slices/uiSlice';

export function askUser(request: Omit<ConfirmRequest, 'resolve'>): Promise<string | null> {
  return new Promise((resolve) => {
    // Only one question at a time: a new one answers the open one with "no choice".
    useAppStore.getState().confirmRequest?.resolve(null);
    useAppStore.getState().setConfirmRequest({
      ...request,
      resolve: (actionId) => {
        useAppStore.getState().setConfirmRequest(null);
        resolve(actionId);
      },
    });
  });
}
