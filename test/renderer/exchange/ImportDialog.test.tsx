import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { exportTables } from '../../../shared/exchange/tables';
import { readXlsx } from '../../../shared/exchange/xlsx';
import { AppDialogs } from '../../../renderer/app/ConnectedDialogs';
import { listBackups } from '../../../renderer/backup/backups';
import { db } from '../../../renderer/db/database';
import { setInitiativeDetail } from '../../../renderer/db/edits';
import { readPortfolio, replacePortfolio } from '../../../renderer/db/repository';
import { beginImport } from '../../../renderer/exchange/import-actions';
import { readXlsxInWorker } from '../../../renderer/exchange/xlsx-client';
import { getPlatform } from '../../../renderer/platform';
import { undoLastEdit } from '../../../renderer/state/history-actions';
import { useAppStore } from '../../../renderer/state/store';
import { freshApp } from '../app/fresh-app';
import { withDialogPolyfill } from '../dialog-polyfill';

// A workbook is read in a worker, which jsdom has not: these tests import CSV and Jira files.
vi.mock('../../../renderer/exchange/xlsx-client', () => ({
  readXlsxInWorker: vi.fn(),
  writeXlsxInWorker: vi.fn(),
}));

withDialogPolyfill();

beforeEach(async () => {
  await freshApp();
  localStorage.clear();
  useAppStore.setState({ importSource: null, exportOpen: false });
});

const bytes = (text: string) => new TextEncoder().encode(text);

const CSV = [
  'Initiative,Exec sponsor,Status,Budget',
  'Warehouse robots,Grace Hopper,proposed,120 80',
  'Route planner v2,Alan Turing,approved,40',
].join('\r\n');

describe('importing a CSV file', () => {
  it('maps its columns, previews exactly what is added, imports it as one undoable edit', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });

    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    const heading = await within(dialog).findByRole('heading', {
      name: 'Match the columns of plan',
    });
    // The step moves the focus to its heading once it is drawn.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(
      within(dialog).getByRole('combobox', { name: 'Imported as, for column Initiative' }),
    ).toHaveDisplayValue('Name (required)');
    const sponsor = within(dialog).getByRole('combobox', {
      name: 'Imported as, for column Exec sponsor',
    });
    expect(sponsor).toHaveDisplayValue('Leave out');
    await user.selectOptions(sponsor, 'Owner');
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));

    const previewHeading = await within(dialog).findByRole('heading', {
      name: 'Check what will be imported',
    });
    await waitFor(() => expect(previewHeading).toHaveFocus());
    expect(within(dialog).getByText('2 initiatives added.')).toBeVisible();
    const table = within(dialog).getByRole('table', { name: 'Initiatives (2)' });
    expect(within(table).getByRole('row', { name: /Warehouse robots/ })).toHaveTextContent(
      'Grace Hopper',
    );
    expect(within(table).getByRole('row', { name: /Warehouse robots/ })).toHaveTextContent(
      '120 80',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(
      'Imported plan.csv: 2 initiatives added. Undo with Ctrl+Z.',
    );
    const imported = await readPortfolio();
    expect(imported.initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length + 2);
    expect(imported.initiatives.find((i) => i.name === 'Route planner v2')?.owner).toBe(
      'Alan Turing',
    );
    expect((await listBackups()).map((backup) => backup.reason)).toContain('before-import');

    await undoLastEdit();
    expect((await readPortfolio()).initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
  });

  it('remembers the corrected mapping for the next file with the same header', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    let dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Imported as, for column Exec sponsor' }),
      'Owner',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByRole('heading', { name: 'Check what will be imported' });
    // Escape: jsdom's dialog does not turn the key into its cancel event, as a browser does.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await beginImport({ name: 'plan-may.csv', bytes: bytes(CSV) });
    dialog = await screen.findByRole('dialog', { name: 'Import plan-may.csv' });
    expect(
      await within(dialog).findByRole('combobox', { name: 'Imported as, for column Exec sponsor' }),
    ).toHaveDisplayValue('Owner');
    expect(within(dialog).getByText(/as you did last time/)).toBeVisible();
  });

  it('refuses a file with a bad number, naming its row and column, and changes nothing', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    const before = await readPortfolio();
    await beginImport({
      name: 'spend.csv',
      bytes: bytes('Name,Spend Q2\r\nWarehouse robots,10\r\nRoute planner,12k€\r\n'),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Import spend.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Imported as, for column Spend Q2' }),
      'Spend',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(
      await within(dialog).findByRole('heading', { name: 'spend.csv cannot be imported' }),
    ).toBeVisible();
    const problems = within(dialog).getByRole('list', { name: 'Problems in the file' });
    expect(within(problems).getByRole('listitem')).toHaveTextContent(/row 3, column Spend Q2/);
    expect(within(problems).getByRole('listitem')).toHaveTextContent('12k€');

    // Back to the columns, then away: the portfolio is as it was.
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(await within(dialog).findByRole('heading', { name: /Match the columns/ })).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await readPortfolio()).toEqual(before);
  });

  it('asks for the required column before the preview', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Imported as, for column Initiative' }),
      'Leave out',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(
      within(within(dialog).getByRole('list', { name: 'Before the preview' })).getByText(
        'Choose the column that holds Name: Baton needs it.',
      ),
    ).toBeVisible();
    expect(within(dialog).getByRole('heading', { name: /Match the columns/ })).toBeVisible();
  });

  it('imports into a new portfolio made from the file alone', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await user.click(
      await within(dialog).findByRole('radio', { name: /A new portfolio made from plan.csv/ }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const imported = await readPortfolio();
    expect(imported.initiatives.map((i) => i.name)).toEqual([
      'Warehouse robots',
      'Route planner v2',
    ]);
    // Named after its file, as `baton import` names it, not after the portfolio it replaced.
    expect(imported.name).toBe('plan');
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(
      'Imported plan.csv: 2 initiatives added. Undo with Ctrl+Z.',
    );
  });

  it('stores nothing and offers no undo when every record is there as it is', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    const importPlan = async (expected: string) => {
      await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
      const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
      await within(dialog).findByRole('heading', { name: /Match the columns/ });
      await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
      expect(await within(dialog).findByText(expected)).toBeVisible();
      if (expected !== '2 initiatives added.')
        expect(within(dialog).queryByText(/undo with Ctrl\+Z/)).not.toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: 'Import' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    };
    await importPlan('2 initiatives added.');
    const imported = await readPortfolio();
    const backups = (await listBackups()).length;

    const nothing =
      'Nothing to import: every record in plan.csv is already in the portfolio as it is.';
    await importPlan(nothing);
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(nothing);
    expect(await readPortfolio()).toEqual(imported);
    expect(await listBackups()).toHaveLength(backups);
    // Ctrl+Z still takes back the import that did something, not a step that did nothing.
    await undoLastEdit();
    expect((await readPortfolio()).initiatives).toHaveLength(DEMO_PORTFOLIO.initiatives.length);
  });
});

describe('updating what is there', () => {
  it('matches by name and shows each field the import changes', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    const cloud = DEMO_PORTFOLIO.initiatives.find((i) => i.name === 'Cloud landing zone');
    await beginImport({
      name: 'status.csv',
      bytes: bytes('Name,Status\r\nCloud landing zone,done\r\n'),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Import status.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText('1 initiative updated.')).toBeVisible();
    const row = within(dialog).getByRole('row', { name: /Cloud landing zone/ });
    expect(row).toHaveTextContent('Updated');
    expect(row).toHaveTextContent(`status: ${cloud?.status} → done`);
  });

  it('shows the preview again when the portfolio changed meanwhile, and imports nothing', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText('2 initiatives added.');

    // Another window adds one of the file's initiatives before the user clicks Import.
    const now = await readPortfolio();
    await replacePortfolio(
      {
        ...now,
        initiatives: [
          ...now.initiatives,
          { id: 'warehouse-robots', name: 'Warehouse robots', status: 'proposed' },
        ],
      },
      { kind: 'demo' },
      'Added in another window',
    );
    const before = await readPortfolio();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(
      await within(dialog).findByText(/The portfolio changed while you were looking/),
    ).toBeVisible();
    expect(within(dialog).getByText('1 initiative added, 1 updated.')).toBeVisible();
    expect(await readPortfolio()).toEqual(before);
  });
});

/** Runs `meanwhile` while the backup before the import is being written, as a slow disk would. */
function duringTheBackup(meanwhile: () => Promise<unknown>) {
  const { backups } = getPlatform();
  const write = backups.write.bind(backups);
  return vi.spyOn(backups, 'write').mockImplementationOnce(async (meta, text) => {
    await meanwhile();
    return write(meta, text);
  });
}

describe('an edit stored while the import is being stored', () => {
  it('is kept: the import merges into the portfolio as it is when it is stored', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    const cloud = DEMO_PORTFOLIO.initiatives.find((i) => i.name === 'Cloud landing zone');
    await beginImport({
      name: 'status.csv',
      bytes: bytes('Name,Status\r\nCloud landing zone,done\r\n'),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Import status.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText('1 initiative updated.');

    // While the backup is written, the user (or another window) changes the same initiative.
    const spy = duringTheBackup(() =>
      setInitiativeDetail(cloud?.id ?? '', 'owner', 'Changed meanwhile'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(spy).toHaveBeenCalled();
    const stored = (await readPortfolio()).initiatives.find((i) => i.id === cloud?.id);
    expect(stored?.status).toBe('done');
    expect(stored?.owner).toBe('Changed meanwhile');
    spy.mockRestore();
  });

  it('stops the import when it changes what the preview said, and shows the new preview', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText('2 initiatives added.');

    let meanwhile: Awaited<ReturnType<typeof readPortfolio>> | undefined;
    const spy = duringTheBackup(async () => {
      const now = await readPortfolio();
      await replacePortfolio(
        {
          ...now,
          initiatives: [
            ...now.initiatives,
            { id: 'warehouse-robots', name: 'Warehouse robots', status: 'proposed' },
          ],
        },
        { kind: 'demo' },
        'Added while the backup was written',
      );
      meanwhile = await readPortfolio();
    });
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(
      await within(dialog).findByText(/The portfolio changed while you were looking/),
    ).toBeVisible();
    expect(within(dialog).getByText('1 initiative added, 1 updated.')).toBeVisible();
    expect(meanwhile).toBeDefined();
    expect(await readPortfolio()).toEqual(meanwhile);
    spy.mockRestore();
  });
});

describe('a storage failure while importing', () => {
  it('goes back to the preview with what happened and what to do; Cancel and Escape leave', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    const before = await readPortfolio();
    await beginImport({ name: 'plan.csv', bytes: bytes(CSV) });
    const dialog = await screen.findByRole('dialog', { name: 'Import plan.csv' });
    await within(dialog).findByRole('heading', { name: /Match the columns/ });
    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    await within(dialog).findByText('2 initiatives added.');

    // The disk fills up once the backup is written: the import's own transaction fails.
    let full: ReturnType<typeof vi.spyOn> | undefined;
    const spy = duringTheBackup(async () => {
      full = vi
        .spyOn(db, 'transaction')
        .mockRejectedValueOnce(
          new Dexie.AbortError(
            'Transaction aborted',
            new DOMException('full', 'QuotaExceededError'),
          ),
        );
    });
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(
      await within(dialog).findByText(/^Nothing was imported\. There is no room left/),
    ).toBeVisible();
    expect(dialog).not.toHaveTextContent(/AbortError/);
    expect(full).toBeDefined();
    full?.mockRestore();
    spy.mockRestore();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(await readPortfolio()).toEqual(before);
    // Escape: jsdom's dialog does not turn the key into its cancel event, as a browser does.
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('importing a workbook', () => {
  /** The workbook as the worker would read it: here, read in the test's own thread. */
  async function workbook(name: string) {
    const file = new Uint8Array(await readFile(join(process.cwd(), 'test/fixtures/import', name)));
    vi.mocked(readXlsxInWorker).mockImplementation((data) => readXlsx(data));
    return { name, bytes: file };
  }

  it('finds the field names below a row of merged group headers, and lets the user move the header', async () => {
    const user = userEvent.setup();
    render(<AppDialogs />);
    await beginImport(await workbook('initiatives-merged.xlsx'));
    const dialog = await screen.findByRole('dialog', { name: 'Import initiatives-merged.xlsx' });
    await within(dialog).findByRole('heading', { name: 'Choose the sheet' });
    expect(within(dialog).getByRole('radio', { name: /^Portfolio 2027/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));

    await within(dialog).findByRole('heading', { name: 'Match the columns of Portfolio 2027' });
    const headerRow = within(dialog).getByLabelText('The headers are in');
    expect(headerRow).toHaveDisplayValue(/^Row 2: id, name, owner, Platform/);
    expect(
      within(dialog).getByRole('combobox', { name: 'Imported as, for column owner' }),
    ).toHaveDisplayValue('Owner');
    // The demo has a Platform team: its column is that team's demand.
    expect(
      within(dialog).getByRole('combobox', { name: 'Imported as, for column Platform' }),
    ).toHaveDisplayValue(/^Demand: Platform/);

    // The user may say the headers are elsewhere; the columns follow.
    await user.selectOptions(headerRow, within(dialog).getByRole('option', { name: /^Row 1:/ }));
    expect(
      within(dialog).getAllByRole('combobox', { name: 'Imported as, for column Initiative' }),
    ).toHaveLength(3);
    await user.selectOptions(headerRow, within(dialog).getByRole('option', { name: /^Row 2:/ }));

    await user.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText('4 initiatives added.')).toBeVisible();
    const table = within(dialog).getByRole('table', { name: 'Initiatives (4)' });
    expect(within(table).getByRole('row', { name: /CRM renewal/ })).toHaveTextContent('Ana');
  });

  it('goes on to the columns with Enter on the sheet chosen by the arrow keys', async () => {
    const user = userEvent.setup();
    const { writeXlsx } = await import('../../../shared/exchange/xlsx');
    const exported = await writeXlsx(
      exportTables(DEMO_PORTFOLIO).filter((t) => t.name === 'initiatives' || t.name === 'capacity'),
    );
    vi.mocked(readXlsxInWorker).mockImplementation((data) => readXlsx(data));
    render(<AppDialogs />);
    await beginImport({ name: 'export.xlsx', bytes: exported });
    const dialog = await screen.findByRole('dialog', { name: 'Import export.xlsx' });
    await within(dialog).findByRole('heading', { name: 'Choose the sheet' });
    const initiatives = within(dialog).getByRole('radio', { name: /^initiatives/ });
    const capacity = within(dialog).getByRole('radio', { name: /^capacity/ });
    expect(initiatives).toBeChecked();
    initiatives.focus();
    await user.keyboard('{ArrowDown}');
    expect(capacity).toBeChecked();
    expect(capacity).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(
      await within(dialog).findByRole('heading', { name: 'Match the columns of capacity' }),
    ).toBeVisible();
  });

  it('shows Baton’s ranking sheet as computed, and does not let it be chosen', async () => {
    const user = userEvent.setup();
    const { writeXlsx } = await import('../../../shared/exchange/xlsx');
    const exported = await writeXlsx(
      exportTables(DEMO_PORTFOLIO).filter((t) => t.name === 'ranking' || t.name === 'capacity'),
    );
    vi.mocked(readXlsxInWorker).mockImplementation((data) => readXlsx(data));
    render(<AppDialogs />);
    await beginImport({ name: 'export.xlsx', bytes: exported });
    const dialog = await screen.findByRole('dialog', { name: 'Import export.xlsx' });
    await within(dialog).findByRole('heading', { name: 'Choose the sheet' });
    const ranking = within(dialog).getByRole('radio', { name: /^ranking/ });
    expect(ranking).toBeDisabled();
    expect(ranking).toHaveAccessibleDescription(
      'A ranking of Baton’s export is computed from the rest, so it is not imported.',
    );
    await user.click(ranking);
    expect(ranking).not.toBeChecked();
    expect(within(dialog).getByRole('radio', { name: /^capacity/ })).toBeChecked();
  });
});

describe('importing a Jira export', () => {
  it('goes straight to the preview', async () => {
    render(<AppDialogs />);
    const jira = [
      'Summary,Issue key,Issue id,Issue Type,Status,Parent,Custom field (Story point estimate)',
      'Checkout revamp,SHOP-1,10001,Epic,In Progress,,',
      'Card form,SHOP-2,10002,Story,To Do,10001,5',
    ].join('\r\n');
    await beginImport({ name: 'jira.csv', bytes: bytes(jira) });
    const dialog = await screen.findByRole('dialog', { name: 'Import jira.csv' });
    expect(
      await within(dialog).findByRole('heading', { name: 'Check what will be imported' }),
    ).toBeVisible();
    expect(within(dialog).getByRole('table', { name: /Initiatives/ })).toHaveTextContent(
      'Checkout revamp',
    );
    expect(within(dialog).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
  });

  it('warns once about a row wider than the header', async () => {
    render(<AppDialogs />);
    const jira = [
      'Summary,Issue key,Issue id,Issue Type,Status',
      'Checkout revamp,SHOP-1,10001,Epic,In Progress,extra',
    ].join('\r\n');
    await beginImport({ name: 'jira.csv', bytes: bytes(jira) });
    const dialog = await screen.findByRole('dialog', { name: 'Import jira.csv' });
    await within(dialog).findByRole('heading', { name: 'Check what will be imported' });
    expect(within(dialog).getAllByText(/has 6 cells but the header has 5/)).toHaveLength(1);
  });
});

describe('importing a Microsoft Project file', () => {
  it('goes straight to the preview, with its tasks as initiatives', async () => {
    render(<AppDialogs />);
    // jsdom's import.meta.url is not a file address: the fixture is found from the repository.
    const xml = await readFile(join(process.cwd(), 'test/fixtures/import/msproject-relaunch.xml'));
    await beginImport({ name: 'relaunch.xml', bytes: new Uint8Array(xml) });
    const dialog = await screen.findByRole('dialog', { name: 'Import relaunch.xml' });
    expect(
      await within(dialog).findByRole('heading', { name: 'Check what will be imported' }),
    ).toBeVisible();
    expect(within(dialog).getByRole('table', { name: /^Initiatives/ })).toBeVisible();
    expect(within(dialog).getByText(/initiatives? added/)).toBeVisible();
  });
});

describe('a file Import cannot read', () => {
  it('refuses a ranking exported alone: it is computed from the rest', async () => {
    render(<AppDialogs />);
    const ranking = exportTables(DEMO_PORTFOLIO).find((t) => t.name === 'ranking');
    const csv = [ranking?.header, ...(ranking?.rows ?? [])].map((row) => row?.join(',')).join('\n');
    await beginImport({ name: 'ranking.csv', bytes: bytes(csv) });
    const dialog = await screen.findByRole('dialog', { name: 'Import ranking.csv' });
    expect(
      await within(dialog).findByRole('heading', { name: 'ranking.csv cannot be imported' }),
    ).toBeVisible();
    expect(
      within(dialog).getByText(/holds only a ranking of Baton’s export, which is computed/),
    ).toBeVisible();
  });

  it('is refused in a sentence before any dialog opens', async () => {
    render(<AppDialogs />);
    await beginImport({ name: 'notes.pdf', bytes: bytes('%PDF-1.7') });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(
      /"notes.pdf" is not a file Baton can import/,
    );
  });
});
