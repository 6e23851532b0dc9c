/** The one bound Zustand store of UI and session state. Portfolio data lives in Dexie. */
import { create } from 'zustand';
import { createImportSlice, type ImportSlice } from './slices/importSlice';
import { createNavigationSlice, type NavigationSlice } from './slices/navigationSlice';
import { createOptimizeSlice, type OptimizeSlice } from './slices/optimizeSlice';
import { createPackSlice, type PackSlice } from './slices/packSlice';
import { createUiSlice, type UiSlice } from './slices/uiSlice';

export type AppState = NavigationSlice & UiSlice & OptimizeSlice & PackSlice & ImportSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createNavigationSlice(...args),
  ...createUiSlice(...args),
  ...createOptimizeSlice(...args),
  ...createPackSlice(...args),
  ...createImportSlice(...args),
}));
