import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_FILE_BYTES, type MenuCommand } from '../../../shared/ipc/contract';
import { AppDialogs } from '../../../renderer/app/ConnectedDialogs';
import { useAppCommands } from '../../../renderer/app/useAppCommands';
import { importDroppedFile } from '../../../renderer/exchange/import-actions';
import { getPlatform, setPlatform } from '../../../renderer/platform';
import { useAppStore } from '../../../renderer/state/store';
import { freshApp } from '../app/fresh-app';
import { withDialogPolyfill } from '../dialog-polyfill';

vi.mock('../../../renderer/exchange/xlsx-client', () => ({
  readXlsxInWorker: vi.fn(),
  writeXlsxInWorker: vi.fn(),
}));

let menuListener: ((command: MenuCommand) => void) | undefined;
const openImportFile = vi.fn(async () => ({
  name: 'plan.csv',
  bytes: new TextEncoder().encode('Name\r\nWarehouse robots\r\n'),
}));
setPlatform({
  ...getPlatform(),
  openImportFile,
  onMenuCommand: (listener) => {
    menuListener = listener;
    return () => {
      menuListener = undefined;
    };
  },
});

withDialogPolyfill();

beforeEach(async () => {
  await freshApp();
  openImportFile.mockClear();
  useAppStore.setState({ importSource: null, exportOpen: false });
});

function Shell() {
  useAppCommands();
  return <AppDialogs />;
}

const lastNotice = () => useAppStore.getState().notices.at(-1)?.text;

describe('the ways into Import and Export', () => {
  it('opens Import and Export from the native menu', async () => {
    render(<Shell />);
    act(() => menuListener?.({ type: 'import' }));
    expect(await screen.findByRole('dialog', { name: 'Import plan.csv' })).toBeInTheDocument();
    expect(openImportFile).toHaveBeenCalledTimes(1);
    act(() => useAppStore.getState().setImportSource(null));

    act(() => menuListener?.({ type: 'export' }));
    expect(await screen.findByRole('dialog', { name: 'Export' })).toBeInTheDocument();
  });

  it('refuses a dropped file that is too large or of another kind, in a sentence', async () => {
    render(<Shell />);
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_FILE_BYTES + 1 });
    await importDroppedFile(huge);
    expect(lastNotice()).toMatch(/"huge.csv" is .* over the .* limit of an import file/);
    await importDroppedFile(new File(['%PDF'], 'board.pdf'));
    expect(lastNotice()).toMatch(/"board.pdf" is not a file Baton can import/);
    await importDroppedFile(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], 'plan.xls'));
    expect(lastNotice()).toMatch(
      /"plan.xls" is an Excel 97–2003 workbook.*save it as an Excel Workbook \(\.xlsx\)/,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens a dropped portfolio file as File › Open does: a broken one is refused with its problems', async () => {
    render(<Shell />);
    await importDroppedFile(new File(['{"format": "baton-portfolio"'], 'broken.json'));
    expect(await screen.findByRole('dialog', { name: 'broken.json was not opened' })).toBeVisible();
  });

  it('waits with a second file while one is being imported', async () => {
    render(<Shell />);
    await importDroppedFile(new File(['Name\r\nA\r\n'], 'first.csv'));
    expect(await screen.findByRole('dialog', { name: 'Import first.csv' })).toBeInTheDocument();
    await importDroppedFile(new File(['Name\r\nB\r\n'], 'second.csv'));
    expect(lastNotice()).toBe('Close the dialog that is open, then drop second.csv again.');
    expect(screen.getByRole('dialog', { name: 'Import first.csv' })).toBeInTheDocument();
  });
});
