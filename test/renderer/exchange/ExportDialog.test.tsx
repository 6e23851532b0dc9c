import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { ExportDialog, exportFileName } from '../../../renderer/exchange/ExportDialog';
import { getPlatform, setPlatform } from '../../../renderer/platform';
import { withDialogPolyfill } from '../dialog-polyfill';

const writeXlsxInWorker = vi.fn(async () => new Uint8Array([0x50, 0x4b, 3, 4]));
vi.mock('../../../renderer/exchange/xlsx-client', () => ({
  writeXlsxInWorker: (...args: unknown[]) => writeXlsxInWorker(...(args as [])),
  readXlsxInWorker: vi.fn(),
}));

const saveExportFile = vi.fn(async (name: string, _data: Uint8Array | string) => ({
  location: `your downloads as ${name}`,
}));
setPlatform({ ...getPlatform(), saveExportFile });

withDialogPolyfill();

beforeEach(() => {
  saveExportFile.mockClear();
  writeXlsxInWorker.mockClear();
});

function renderDialog() {
  const onClose = vi.fn();
  const onDone = vi.fn();
  render(<ExportDialog portfolio={DEMO_PORTFOLIO} onClose={onClose} onDone={onDone} />);
  return { onClose, onDone };
}

describe('the export dialog', () => {
  it('exports all four tables as one workbook by default', async () => {
    const user = userEvent.setup();
    const { onClose, onDone } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(writeXlsxInWorker).toHaveBeenCalledTimes(1);
    const [tables] = writeXlsxInWorker.mock.calls[0] as unknown as [{ name: string }[]];
    expect(tables.map((table) => table.name)).toEqual([
      'initiatives',
      'capacity',
      'ranking',
      'actuals',
    ]);
    const name = exportFileName(DEMO_PORTFOLIO.name, 'xlsx', 'initiatives');
    expect(name).toMatch(/\.xlsx$/);
    expect(saveExportFile).toHaveBeenCalledWith(name, expect.any(Uint8Array));
    expect(onDone).toHaveBeenCalledWith(
      'success',
      `Exported "${DEMO_PORTFOLIO.name}" to your downloads as ${name}.`,
    );
    expect(onClose).toHaveBeenCalled();
  });

  it('exports one table as CSV, the ranking of the chosen scenario', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('radio', { name: /CSV file/ }));
    await user.click(screen.getByRole('radio', { name: /ranking/ }));
    const second = DEMO_PORTFOLIO.scenarios[1];
    if (second)
      await user.selectOptions(screen.getByLabelText('Ranking of the scenario'), second.name);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(writeXlsxInWorker).not.toHaveBeenCalled();
    const [name, text] = saveExportFile.mock.calls[0] as [string, string];
    expect(name).toBe(exportFileName(DEMO_PORTFOLIO.name, 'csv', 'ranking'));
    expect(text.startsWith('\ufeffrank,id,name,status,value,line,start,reason\r\n')).toBe(true);
    const firstOfSecond = second?.ranking[0];
    if (firstOfSecond) expect(text.split('\r\n')[1]).toContain(`1,${firstOfSecond},`);
  });

  it('says why nothing was exported when the workbook cannot be written, and stays open', async () => {
    writeXlsxInWorker.mockRejectedValueOnce(
      new Error('The workbook could not be written: no memory.'),
    );
    const user = userEvent.setup();
    const { onClose } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nothing was exported: The workbook could not be written: no memory.',
    );
    expect(saveExportFile).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();
  });
});
