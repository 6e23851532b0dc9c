/** Asking the user: a promise that resolves with the chosen action once the dialog closes. */
import { useAppStore } from '../state/store';
import type { ConfirmRequest } from '../state/slices/uiSlice';

export function askUser(request: Omit<ConfirmRequest, 'resolve'>): Promise<string | null> {
  return new Promise((resolve) => {
    useAppStore.getState().setConfirmRequest({
      ...request,
      resolve: (actionId) => {
        useAppStore.getState().setConfirmRequest(null);
        resolve(actionId);
      },
    });
  });
}
