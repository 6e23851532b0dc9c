/** The platform in a plain browser: a file picker to open, a download to save. */
import { decodeUtf8 } from '../../shared/portfolio/text';
import type { OpenedFile, Platform } from './types';

const MAX_FILE_BYTES = 200 * 1024 * 1024;

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    openPortfolioFile: async (): Promise<OpenedFile | null> => {
      const file = await pickFile('.json,application/json');
      if (!file) return null;
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(`${file.name} is larger than 200 MB; Baton cannot open it.`);
      }
      const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) throw new Error(`${file.name} is ${decoded.message}.`);
      return { path: file.name, name: file.name, text: decoded.text };
    },
    openRecentFile: async () => null,
    savePortfolioFile: async (suggestedName, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { location: `your downloads as ${suggestedName}` };
    },
    // A placeholder until the browser's print of the pack page lands.
    exportPack: async () => {
      window.print();
      return null;
    },
    onMenuCommand: () => () => undefined,
    dataLocation: async () =>
      `this browser's storage for ${window.location.origin} (IndexedDB database "baton")`,
  };
}
