/**
 * File › Export…: the portfolio as the tables a spreadsheet user works with. An Excel workbook
 * holds all four (initiatives, team capacity, a scenario's ranking, actuals) as sheets, written in
 * a worker; a CSV file holds one. Text a spreadsheet would run as a formula is written as text.
 * Or the portfolio file itself, with the snapshots of held reviews or, for a smaller file, without.
 */
import { useId, useState, type FormEvent } from 'react';
import { tableToCsv } from '../../shared/exchange/csv';
import {
  actualsTable,
  capacityTable,
  exportTables,
  initiativesTable,
  rankingTable,
  type Table,
} from '../../shared/exchange/tables';
import { slugify } from '../../shared/portfolio/ids';
import type { Portfolio } from '../../shared/portfolio/types';
import { portfolioFileName } from '../../shared/portfolio/write';
import { Modal } from '../components/Modal';
import { portfolioFileText } from '../db/snapshots';
import { getPlatform } from '../platform';
import { writeXlsxInWorker } from './xlsx-client';
import './exchange.css';

export type ExportFormat = 'xlsx' | 'csv' | 'portfolio';
export type ExportTableName = Table['name'];

const TABLE_LABELS: Readonly<Record<ExportTableName, string>> = {
  initiatives: 'Initiatives, with scores, demand and spend',
  capacity: 'Team capacity per period',
  ranking: 'A scenario’s ranking, with the cut line',
  actuals: 'Actuals: spend, effort and progress per period',
};

const TABLE_NAMES = Object.keys(TABLE_LABELS) as ExportTableName[];

/**
 * The name a file of the export gets: "acme-2027.xlsx", "acme-2027-initiatives.csv",
 * "acme-2027.baton.json".
 */
export function exportFileName(
  portfolioName: string,
  format: ExportFormat,
  table: ExportTableName,
): string {
  if (format === 'portfolio') return portfolioFileName(portfolioName);
  const base = slugify(portfolioName) || 'portfolio';
  return format === 'xlsx' ? `${base}.xlsx` : `${base}-${table}.csv`;
}

/** The tables an export writes (none for a portfolio file). */
export function tablesToExport(
  portfolio: Portfolio,
  format: ExportFormat,
  table: ExportTableName,
  scenarioId: string | undefined,
): readonly Table[] {
  if (format === 'portfolio') return [];
  if (format === 'xlsx') return exportTables(portfolio, scenarioId);
  switch (table) {
    case 'initiatives':
      return [initiativesTable(portfolio)];
    case 'capacity':
      return [capacityTable(portfolio)];
    case 'ranking':
      return [rankingTable(portfolio, scenarioId)];
    case 'actuals':
      return [actualsTable(portfolio)];
  }
}

type ExportDialogProps = {
  readonly portfolio: Portfolio;
  readonly onClose: () => void;
  /** Says what happened once the file is saved (or why it was not). */
  readonly onDone: (kind: 'success' | 'error', text: string) => void;
};

export function ExportDialog({ portfolio, onClose, onDone }: ExportDialogProps) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [table, setTable] = useState<ExportTableName>('initiatives');
  const [scenarioId, setScenarioId] = useState<string | undefined>(portfolio.scenarios[0]?.id);
  const [leaveOutSnapshots, setLeaveOutSnapshots] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const showScenario = portfolio.scenarios.length > 1 && (format === 'xlsx' || table === 'ranking');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const tables = tablesToExport(portfolio, format, table, scenarioId);
      const name = exportFileName(portfolio.name, format, table);
      const data =
        format === 'portfolio'
          ? await portfolioFileText(portfolio, { leaveOutSnapshots })
          : format === 'xlsx'
            ? await writeXlsxInWorker(tables)
            : tableToCsv(tables[0] as Table);
      const saved = await getPlatform().saveExportFile(name, data);
      if (saved) {
        onDone('success', `Exported "${portfolio.name}" to ${saved.location}.`);
        onClose();
      } else setBusy(false);
    } catch (error) {
      setBusy(false);
      setProblem(`Nothing was exported: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <Modal
      title="Export"
      onCancel={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            disabled={busy}
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="export-dialog" noValidate onSubmit={(e) => void submit(e)}>
        <p>
          The portfolio as tables for a spreadsheet (File › Import… reads them back), or as a
          portfolio file (File › Open reads it).
        </p>
        <fieldset className="radio-group radio-group--stacked">
          <legend className="field__label">Format</legend>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-format`}
              checked={format === 'xlsx'}
              onChange={() => setFormat('xlsx')}
              autoFocus
            />
            Excel workbook (.xlsx) with all four tables as sheets
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-format`}
              checked={format === 'csv'}
              onChange={() => setFormat('csv')}
            />
            CSV file (.csv) with one table
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-format`}
              checked={format === 'portfolio'}
              onChange={() => setFormat('portfolio')}
            />
            Portfolio file (.baton.json) with everything Baton keeps
          </label>
        </fieldset>
        {format === 'portfolio' && (
          <div className="field">
            <label className="switch">
              <input
                type="checkbox"
                checked={leaveOutSnapshots}
                onChange={(event) => setLeaveOutSnapshots(event.target.checked)}
                aria-describedby={`${id}-snapshots-hint`}
              />
              Leave out snapshots
            </label>
            <p id={`${id}-snapshots-hint`} className="field__hint">
              A snapshot is the portfolio as it stood when a review was held. Without them the file
              is smaller and the reviews keep their agenda and minutes, but what changed since a
              review cannot be shown from this file.
            </p>
          </div>
        )}
        {format === 'csv' && (
          <fieldset className="radio-group radio-group--stacked">
            <legend className="field__label">Table</legend>
            {TABLE_NAMES.map((name) => (
              <label key={name} className="radio">
                <input
                  type="radio"
                  name={`${id}-table`}
                  checked={table === name}
                  onChange={() => setTable(name)}
                />
                {TABLE_LABELS[name]}
              </label>
            ))}
          </fieldset>
        )}
        {showScenario && (
          <div className="field">
            <label htmlFor={`${id}-scenario`} className="field__label">
              Ranking of the scenario
            </label>
            <select
              id={`${id}-scenario`}
              value={scenarioId}
              onChange={(event) => setScenarioId(event.target.value)}
            >
              {portfolio.scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="field__hint">
          File: {exportFileName(portfolio.name, format, table)}.
          {format !== 'portfolio' &&
            ' Text that starts with =, +, - or @ is written so that a spreadsheet shows it and never runs it as a formula.'}
        </p>
        <div role="status" aria-live="polite">
          {busy && format === 'xlsx' ? <p>Writing the workbook…</p> : null}
        </div>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Modal>
  );
}
