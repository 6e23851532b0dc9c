/** The one bound Zustand store of UI and session state. Portfolio data lives in Dexie. */
import { create } from 'zustand';
import { createHistorySlice, type HistorySlice } from './slices/historySlice';
import { createNavigationSlice, type NavigationSlice } from './slices/navigationSlice';
import { createUiSlice, type UiSlice } from './slices/uiSlice';

export type AppState = NavigationSlice & HistorySlice & UiSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createHistorySlice(...args),
  ...createUiSlice(...args),
}));
