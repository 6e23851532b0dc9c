/**
 * Import, step by step in one dialog: read the file (a workbook in a worker, with progress),
 * choose the sheet, match its columns, check the preview, import. Jira and MS Project files go
 * straight to the preview. Escape or Cancel leaves the portfolio as it was at every step; a file
 * Baton cannot read lists its problems by row and column and changes nothing.
 */
import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { headerSignature, importFields } from '../../shared/exchange/import';
import type {
  ColumnMapping,
  ImportDraft,
  ImportIssue,
  MergeMode,
  MergeResult,
  RawTable,
} from '../../shared/exchange/import/types';
import type { Portfolio } from '../../shared/portfolio/types';
import { askUser } from '../components/dialogs';
import { Modal } from '../components/Modal';
import { readPortfolio } from '../db/repository';
import { formatNumber, localToday } from '../format';
import type { ImportSource } from '../state/slices/importSlice';
import { useAppStore } from '../state/store';
import {
  draftSheet,
  headerNames,
  headerRowChoices,
  importFailureText,
  mappingProblems,
  mergePreview,
  readSource,
  sampleValues,
  startingMapping,
  storeImport,
} from './import-flow';
import { IssueList } from './IssueList';
import { rememberMapping } from './mapping-memory';
import { MappingStep } from './MappingStep';
import { previewTables } from './preview-model';
import { PreviewStep } from './PreviewStep';
import { firstImportableSheet, SheetStep } from './SheetStep';
import { formatName } from './source';
import './exchange.css';

type MergedOk = Extract<MergeResult, { ok: true }>;

type PreviewState = {
  readonly kind: 'preview';
  readonly draft: ImportDraft;
  readonly mode: MergeMode;
  readonly result: MergedOk;
  readonly notice?: string;
  /** The step Back goes to. */
  readonly back: Step | null;
};

type Step =
  | {
      readonly kind: 'reading';
      readonly fraction: number | null;
      /** What is being read, when not the file itself ("Reading 10,000 rows…"). */
      readonly label?: string;
    }
  | { readonly kind: 'sheet'; readonly chosen: number }
  | {
      readonly kind: 'mapping';
      readonly mapping: ColumnMapping;
      readonly remembered: boolean;
      /** Whether Preview was asked for: problems show from then on. */
      readonly tried: boolean;
    }
  | PreviewState
  | {
      readonly kind: 'refused';
      readonly problems: readonly ImportIssue[];
      readonly problemCount: number;
      readonly back: Step | null;
    }
  | { readonly kind: 'storing'; readonly preview: PreviewState };

/** What was read of the file, kept while the user goes back and forth between the steps. */
type Read = {
  readonly portfolio: Portfolio;
  readonly tables: readonly RawTable[];
  readonly warnings: readonly ImportIssue[];
};

const STEP_NAMES = { sheet: 'Sheet', mapping: 'Columns', preview: 'Preview' } as const;

type ImportDialogProps = {
  readonly source: ImportSource;
  readonly onClose: () => void;
  /** Today, for what the merge dates; the user's local day unless a test fixes it. */
  readonly today?: string;
};

function confirmWithoutBackup(): Promise<boolean> {
  return askUser({
    title: 'Import without a backup?',
    body: 'Baton could not back up the portfolio before the import. You can still undo the import with Ctrl+Z while Baton stays open.',
    actions: [
      { id: 'import', label: 'Import anyway', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  }).then((answer) => answer === 'import');
}

export function ImportDialog({ source, onClose, today = localToday() }: ImportDialogProps) {
  const id = useId();
  const [read, setRead] = useState<Read | null>(null);
  const [sheet, setSheet] = useState(0);
  const [step, setStep] = useState<Step>({ kind: 'reading', fraction: null });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);

  // Back to where the user was when the dialog goes (read while rendering, before focus moves).
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );

  const preview = (
    portfolio: Portfolio,
    draft: ImportDraft,
    mode: MergeMode,
    back: Step | null,
    notice?: string,
  ): Step => {
    const result = mergePreview(portfolio, draft, mode, today);
    if (!result.ok) return { kind: 'refused', ...result, back };
    return { kind: 'preview', draft, mode, result, back, ...(notice && { notice }) };
  };

  const mappingStep = (portfolio: Portfolio, table: RawTable): Step => ({
    kind: 'mapping',
    ...startingMapping(table, portfolio),
    tried: false,
  });

  useEffect(() => {
    let alive = true;
    // Cancel while a workbook is read ends its worker.
    const reading = new AbortController();
    void (async () => {
      const portfolio = await readPortfolio();
      const outcome = await readSource(
        source,
        portfolio,
        (fraction) => {
          if (alive) setStep({ kind: 'reading', fraction });
        },
        reading.signal,
      );
      if (!alive) return;
      if (outcome.kind === 'refused') {
        setStep({ ...outcome, back: null });
        return;
      }
      if (outcome.kind === 'draft') {
        setRead({ portfolio, tables: [], warnings: outcome.warnings });
        setStep(preview(portfolio, outcome.draft, 'merge', null));
        return;
      }
      setRead({ portfolio, tables: outcome.tables, warnings: outcome.warnings });
      const first = outcome.tables[0] as RawTable;
      setStep(
        outcome.tables.length > 1
          ? { kind: 'sheet', chosen: firstImportableSheet(outcome.tables) }
          : mappingStep(portfolio, first),
      );
    })().catch((error: unknown) => {
      if (alive)
        setStep({
          kind: 'refused',
          problems: [{ message: `Baton could not read ${source.name}: ${String(error)}.` }],
          problemCount: 1,
          back: null,
        });
    });
    return () => {
      alive = false;
      reading.abort();
    };
    // Read once per file: the dialog is made anew for another file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  // Each step starts at its heading, so a screen reader says where the user is.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.kind]);

  const table = read?.tables[sheet];
  const fields = useMemo(
    () => (read && step.kind === 'mapping' ? importFields(step.mapping.kind, read.portfolio) : []),
    [read, step],
  );
  const headers = table && step.kind === 'mapping' ? headerNames(table, step.mapping) : [];
  const problems =
    read && step.kind === 'mapping' ? mappingProblems(step.mapping, read.portfolio, headers) : [];

  const toPreview = () => {
    if (!read || !table || step.kind !== 'mapping') return;
    if (problems.length > 0) {
      setStep({ ...step, tried: true });
      problemsRef.current?.focus();
      return;
    }
    rememberMapping(headerSignature(table, step.mapping.headerRow), step.mapping);
    const rows = Math.max(0, table.rows.length - step.mapping.headerRow);
    setStep({
      kind: 'reading',
      fraction: null,
      label: `Reading ${formatNumber(rows)} ${rows === 1 ? 'row' : 'rows'} of ${table.name}…`,
    });
    // After a paint, so that a large sheet shows that it is being read.
    setTimeout(() => {
      const drafted = draftSheet(table, step.mapping, read.portfolio);
      if (drafted.kind !== 'draft') {
        setStep({ ...drafted, back: { ...step, tried: false } });
        return;
      }
      // The merge in a task of its own: on a sheet of thousands of rows each of the two takes a
      // good part of a second's work, and the window answers between them.
      setTimeout(() => setStep(preview(read.portfolio, drafted.draft, 'merge', step)), 0);
    }, 0);
  };

  /** Goes on from the sheet step with the sheet at `chosen`. */
  const toSheet = (chosen: number) => {
    const chosenTable = read?.tables[chosen];
    if (!read || !chosenTable) return;
    setSheet(chosen);
    setStep(mappingStep(read.portfolio, chosenTable));
  };

  const store = async () => {
    if (step.kind !== 'preview') return;
    setStep({ kind: 'storing', preview: step });
    try {
      const outcome = await storeImport(
        source.name,
        step.draft,
        step.mode,
        step.result.summary,
        today,
        confirmWithoutBackup,
      );
      if (outcome.kind === 'imported') {
        notify('success', outcome.text);
        navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: null });
        onClose();
        return;
      }
      if (outcome.kind === 'unchanged') {
        // Nothing was stored, so nothing is offered to undo.
        notify('info', outcome.text);
        onClose();
        return;
      }
      if (outcome.kind === 'failed') {
        setStep({ ...step, notice: outcome.message });
        return;
      }
      // The preview again, made from the portfolio the import found when it was to be stored.
      const { portfolio, result } = outcome;
      setRead((before) => before && { ...before, portfolio });
      setStep(
        result.ok
          ? {
              ...step,
              result,
              notice:
                'The portfolio changed while you were looking (another window, perhaps), so nothing was imported. This is the preview again: check it and import.',
            }
          : { kind: 'refused', ...result, back: step.back },
      );
    } catch (error) {
      // Never left on "Importing…": back to the preview, which Cancel and Escape leave.
      setStep({ ...step, notice: importFailureText(error) });
    }
  };

  const flow: readonly (keyof typeof STEP_NAMES)[] =
    source.format === 'jira' || source.format === 'msproject'
      ? ['preview']
      : (read?.tables.length ?? 0) > 1
        ? ['sheet', 'mapping', 'preview']
        : ['mapping', 'preview'];
  const current = step.kind === 'storing' ? 'preview' : step.kind === 'refused' ? null : step.kind;

  const back = (() => {
    if (step.kind === 'mapping' && (read?.tables.length ?? 0) > 1)
      return () => setStep({ kind: 'sheet', chosen: sheet });
    if ((step.kind === 'preview' || step.kind === 'refused') && step.back) {
      const to = step.back;
      return () => setStep(to.kind === 'mapping' ? { ...to, tried: false } : to);
    }
    return null;
  })();

  const primary = (() => {
    switch (step.kind) {
      case 'sheet':
        return (
          <button
            type="button"
            className="button button--primary"
            onClick={() => toSheet(step.chosen)}
          >
            Next
          </button>
        );
      case 'mapping':
        return (
          <button type="button" className="button button--primary" onClick={toPreview}>
            Preview
          </button>
        );
      case 'preview':
        return (
          <button type="button" className="button button--primary" onClick={() => void store()}>
            Import
          </button>
        );
      case 'storing':
        return (
          <button type="button" className="button button--primary" disabled>
            Importing…
          </button>
        );
      default:
        return null;
    }
  })();

  const cancel = () => {
    if (step.kind !== 'storing') onClose();
  };

  return (
    <Modal
      title={`Import ${source.name}`}
      wide
      onCancel={cancel}
      actions={
        <>
          {back && (
            <button type="button" className="button import-dialog__back" onClick={back}>
              Back
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={cancel}
            disabled={step.kind === 'storing'}
          >
            {step.kind === 'refused' ? 'Close' : 'Cancel'}
          </button>
          {primary}
        </>
      }
    >
      <div className="import-dialog">
        {flow.length > 1 && current && (
          <ol className="import-steps" aria-label="Steps">
            {flow.map((name, index) => (
              <li key={name} aria-current={name === current ? 'step' : undefined}>
                {index + 1}. {STEP_NAMES[name]}
              </li>
            ))}
          </ol>
        )}
        {step.kind === 'reading' && (
          <div className="import-step">
            <p id={`${id}-reading`}>
              {step.label ?? `Reading ${source.name}, ${formatName(source.format)}…`}
            </p>
            <progress
              aria-labelledby={`${id}-reading`}
              max={1}
              {...(step.fraction !== null && { value: step.fraction })}
            />
          </div>
        )}
        {step.kind === 'sheet' && read && (
          <SheetStep
            fileName={source.name}
            tables={read.tables}
            chosen={step.chosen}
            onChoose={(chosen) => setStep({ kind: 'sheet', chosen })}
            onNext={toSheet}
            headingRef={headingRef}
          />
        )}
        {step.kind === 'mapping' && read && table && (
          <MappingStep
            sheetName={table.name}
            mapping={step.mapping}
            remembered={step.remembered}
            fields={fields}
            headers={headers}
            samples={sampleValues(table, step.mapping)}
            problems={step.tried ? problems : []}
            headerRows={headerRowChoices(table, step.mapping.headerRow)}
            onKindChange={(kind) =>
              setStep({
                kind: 'mapping',
                ...startingMapping(table, read.portfolio, kind, step.mapping.headerRow),
                tried: step.tried,
              })
            }
            onHeaderRowChange={(headerRow) =>
              setStep({
                kind: 'mapping',
                // The kind is guessed again from the new header, as it was from the first.
                ...startingMapping(table, read.portfolio, undefined, headerRow),
                tried: step.tried,
              })
            }
            onColumnChange={(index, fieldId) =>
              setStep({
                ...step,
                mapping: {
                  ...step.mapping,
                  columns: step.mapping.columns.map((column, at) =>
                    at === index ? fieldId : column,
                  ),
                },
              })
            }
            headingRef={headingRef}
            problemsRef={problemsRef}
          />
        )}
        {(step.kind === 'preview' || step.kind === 'storing') && read && (
          <PreviewOf
            step={step.kind === 'preview' ? step : step.preview}
            read={read}
            fileName={source.name}
            headingRef={headingRef}
            onModeChange={(mode) => {
              if (step.kind !== 'preview') return;
              const next = preview(read.portfolio, step.draft, mode, step.back);
              setStep(next.kind === 'refused' ? { ...next, back: step } : next);
            }}
          />
        )}
        {step.kind === 'refused' && (
          <section className="import-step" aria-labelledby={`${id}-refused`}>
            <h3
              id={`${id}-refused`}
              className="import-step__heading"
              tabIndex={-1}
              ref={headingRef}
            >
              {source.name} cannot be imported
            </h3>
            <p>
              {step.problemCount === 1
                ? 'It has a problem'
                : `It has ${formatNumber(step.problemCount)} problems`}
              {step.problemCount > step.problems.length
                ? ` (the first ${formatNumber(step.problems.length)} are listed)`
                : ''}
              , so nothing was imported and your portfolio is unchanged. Fix{' '}
              {step.problemCount === 1 ? 'it' : 'them'}
              {step.back ? ' in the file or go back and change the columns,' : ' in the file'} and
              import again.
            </p>
            <IssueList issues={step.problems} label="Problems in the file" />
          </section>
        )}
      </div>
    </Modal>
  );
}

function PreviewOf({
  step,
  read,
  fileName,
  headingRef,
  onModeChange,
}: {
  readonly step: PreviewState;
  readonly read: Read;
  readonly fileName: string;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onModeChange: (mode: MergeMode) => void;
}) {
  const tables = useMemo(
    () => previewTables(read.portfolio, step.result.portfolio, step.result.summary),
    [read.portfolio, step.result],
  );
  return (
    <PreviewStep
      fileName={fileName}
      portfolioName={read.portfolio.name}
      mode={step.mode}
      onModeChange={onModeChange}
      summary={step.result.summary}
      tables={tables}
      warnings={[...read.warnings, ...step.draft.warnings]}
      {...(step.notice && { notice: step.notice })}
      headingRef={headingRef}
    />
  );
}
