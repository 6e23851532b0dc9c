import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// IndexedDB in jsdom (fake-indexeddb) answers slower than a browser; give live queries time.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
});
