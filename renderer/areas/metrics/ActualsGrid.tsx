/**
 * The actuals of one period, entered like a spreadsheet: initiatives down, spend, effort per team,
 * progress, RAG, reason, confidence and benefit realized across. The arrow keys move, Enter or F2
 * edits (typing a character starts over with it), Enter stores and moves down, Tab right, Escape
 * takes back what was typed, Delete clears; Ctrl+V pastes a block copied from Excel at the
 * selected cell as one edit. A bad cell refuses the whole edit, named by row and column, and
 * nothing changes; every stored edit is undone with Ctrl+Z. Over 200 rows, only those in view
 * are drawn.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { plural } from '../../../shared/format';
import type { Period, Portfolio } from '../../../shared/portfolio/types';
import {
  actualLabels,
  fieldKey,
  parsePastedBlock,
  type ActualCellProblem,
  type ActualField,
  type ActualLabels,
} from '../../../shared/store/operations/actuals';
import { STATUS_LABELS } from '../../components/labels';
import { displayLocale, formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import {
  cellValue,
  decimalOf,
  displayText,
  editText,
  gridColumns,
  gridRows,
  moveFrom,
  typedCell,
  type CellPosition,
  type GridColumn,
} from './actuals-grid-model';
import { clearActual, setActualCells } from './metrics-edits';

const ROW_HEIGHT = 35;
const OVERSCAN = 12;
/** Grids longer than this draw only the rows in view. */
export const DRAW_ALL_UP_TO = 200;

type Editing = {
  readonly text: string;
  /** 'enter': started by typing, the arrow keys store and move; 'edit': they move the caret. */
  readonly mode: 'enter' | 'edit';
};

function problemKey(initiativeId: string | undefined, field: ActualField | undefined): string {
  return `${initiativeId ?? ''}\u0000${field === undefined ? '' : fieldKey(field)}`;
}

export type ActualsGridProps = {
  readonly portfolio: Portfolio;
  readonly period: Period;
};

export function ActualsGrid({ portfolio, period }: ActualsGridProps) {
  const ids = useId();
  const notify = useAppStore((state) => state.notify);
  const columns = useMemo(() => gridColumns(portfolio), [portfolio]);
  const rows = useMemo(() => gridRows(portfolio, period.id), [portfolio, period.id]);
  const [active, setActive] = useState<CellPosition>({ row: 0, column: 1 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // What the editor holds right now, kept in step with `editing` at once (not at the next render):
  // the blur that follows Enter must not store the cell a second time.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = useCallback((next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  }, []);
  const [problems, setProblems] = useState<readonly ActualCellProblem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const decimal = decimalOf(displayLocale());
  const currency = portfolio.currency;

  // Rows and columns named in messages as the grid shows them (the store's own words).
  const labels = useMemo<ActualLabels>(
    () => actualLabels({ initiatives: portfolio.initiatives, teams: portfolio.teams }),
    [portfolio.initiatives, portfolio.teams],
  );

  // A new period starts at its first cell with no message left from the one before.
  const [shownPeriod, setShownPeriod] = useState(period.id);
  const shownPeriodRef = useRef(period.id);
  shownPeriodRef.current = period.id;
  if (shownPeriod !== period.id) {
    setShownPeriod(period.id);
    setEditing(null);
    setProblems([]);
  }
  // Rows may go (an initiative deleted): the selection stays inside the grid.
  const at: CellPosition = {
    row: Math.min(active.row, Math.max(0, rows.length - 1)),
    column: Math.min(active.column, columns.length),
  };

  const inView = rows.length > DRAW_ALL_UP_TO;
  const virtualizer = useVirtualizer({
    enabled: inView,
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.initiative.id ?? index,
    overscan: OVERSCAN,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const drawn = inView ? items.map((item) => item.index) : rows.map((_, index) => index);
  const above = inView ? (items[0]?.start ?? 0) : 0;
  const below = inView ? Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)) : 0;

  const cellSelector = (position: CellPosition) =>
    `[data-row="${position.row}"][data-column="${position.column}"]`;

  // The focus follows the selection when a key or a click moved it (not on every redraw), before
  // the next key is read: a layout effect, so that no keystroke lands on the cell being left.
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const scroll = scrollRef.current;
    if (!scroll) return;
    if (editing) {
      const input = scroll.querySelector<HTMLInputElement>('.actuals-grid__editor');
      if (input && document.activeElement !== input) {
        input.focus();
        const end = input.value.length;
        input.setSelectionRange?.(end, end);
      }
      return;
    }
    const cell = scroll.querySelector<HTMLElement>(cellSelector(at));
    if (cell) {
      focusWanted.current = false;
      if (document.activeElement !== cell) cell.focus({ preventScroll: true });
      cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    } else if (inView) {
      virtualizer.scrollToIndex(at.row, { align: 'auto' });
    }
  });

  const select = useCallback((position: CellPosition) => {
    focusWanted.current = true;
    setActive(position);
  }, []);

  const columnAt = (index: number): GridColumn | undefined => columns[index - 1];

  const showProblems = (found: readonly ActualCellProblem[]) => {
    setProblems(found);
    setAnnouncement('');
  };

  /** Stores what was typed in the cell at `position`; false (the editor stays) when refused. */
  const store = (position: CellPosition, text: string): boolean => {
    const row = rows[position.row];
    const column = columnAt(position.column);
    if (!row || !column) return true;
    const before = editText(cellValue(row.actual, column), column, decimal);
    if (text.trim() === before.trim()) return true;
    const typed = typedCell(text, column, row.initiative.id, decimal, labels);
    if ('problems' in typed) {
      showProblems(typed.problems);
      return false;
    }
    setProblems([]);
    const sentTo = period.id;
    void setActualCells(sentTo, [typed.cell]).then((result) => {
      if (result.ok) return;
      // Refused after the focus moved on: back to the cell, with what was typed; but not into
      // another period shown since, where Enter would store it in the wrong period.
      if (shownPeriodRef.current !== sentTo) {
        showProblems(result.problems);
        return;
      }
      showProblems(result.problems);
      focusWanted.current = true;
      setActive(position);
      setEditing({ text, mode: 'edit' });
    });
    return true;
  };

  const clearCell = (position: CellPosition) => {
    const row = rows[position.row];
    if (!row) return;
    if (position.column === 0) {
      if (!row.actual) return;
      void clearActual(row.initiative.id, period.id).then((result) => {
        if (result.ok) {
          setAnnouncement(`Cleared the actuals of ${row.initiative.name} for ${period.label}.`);
        } else notify('error', result.problems[0]?.message ?? 'The actuals were not cleared.');
      });
      return;
    }
    const column = columnAt(position.column);
    if (!column || cellValue(row.actual, column) === undefined) return;
    setProblems([]);
    void setActualCells(period.id, [
      { initiativeId: row.initiative.id, field: column.field, value: undefined },
    ]).then((result) => {
      if (!result.ok) showProblems(result.problems);
    });
  };

  const startEditing = (text: string, mode: Editing['mode']) => {
    if (at.column === 0 || rows.length === 0) return;
    focusWanted.current = true;
    setEditing({ text, mode });
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing || event.target instanceof HTMLInputElement) return;
    const { key } = event;
    if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      const row = rows[at.row];
      const column = columnAt(at.column);
      if (!row || !column) return;
      startEditing(editText(cellValue(row.actual, column), column, decimal), 'edit');
      return;
    }
    if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      clearCell(at);
      return;
    }
    if (key === 'Escape' && problems.length > 0) {
      event.preventDefault();
      setProblems([]);
      return;
    }
    if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (at.column === 0) return;
      event.preventDefault();
      startEditing(key, 'enter');
      return;
    }
    const next = moveFrom(at, key, event.shiftKey, rows.length, columns.length, event.ctrlKey);
    if (!next) return;
    event.preventDefault();
    select(next);
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const { key } = event;
    if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      focusWanted.current = true;
      setEditing(null);
      return;
    }
    const arrows = key.startsWith('Arrow') && editing.mode === 'enter';
    if (key !== 'Enter' && key !== 'Tab' && !arrows) return;
    event.preventDefault();
    event.stopPropagation();
    if (!store(at, event.currentTarget.value)) return;
    setEditing(null);
    const next =
      moveFrom(at, key, event.shiftKey, rows.length, columns.length) ??
      (key === 'Tab' ? at : undefined);
    select(next ?? at);
  };

  const onEditorBlur = (text: string) => {
    // Leaving the grid (a click elsewhere) stores what was typed, as a spreadsheet does.
    if (!editingRef.current) return;
    if (store(at, text)) setEditing(null);
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text || rows.length === 0) return;
    event.preventDefault();
    const from = Math.max(1, at.column);
    const pasteColumns = columns.slice(from - 1);
    const pasteRows = rows.slice(at.row).map((row) => row.initiative.id);
    const parsed = parsePastedBlock(
      text,
      pasteColumns.map((column) => column.field),
      pasteRows,
      decimal,
      labels,
    );
    if ('problems' in parsed) {
      showProblems(parsed.problems);
      return;
    }
    if (parsed.cells.length === 0) return;
    const cells = parsed.cells;
    void setActualCells(period.id, cells).then((result) => {
      if (!result.ok) {
        showProblems(result.problems);
        return;
      }
      setProblems([]);
      const rowCount = new Set(cells.map((cell) => cell.initiativeId)).size;
      const message = `Pasted ${plural(cells.length, 'cell')} over ${plural(rowCount, 'row')} into ${period.label}. Ctrl+Z undoes it.`;
      setAnnouncement(message);
      notify('success', message);
    });
  };

  const onCopy = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const row = rows[at.row];
    if (!row) return;
    const column = columnAt(at.column);
    const text = column
      ? editText(cellValue(row.actual, column), column, decimal)
      : row.initiative.name;
    event.preventDefault();
    event.clipboardData.setData('text/plain', text);
  };

  const flagged = useMemo(
    () => new Set(problems.map((problem) => problemKey(problem.initiativeId, problem.field))),
    [problems],
  );

  const reported = rows.filter((row) => row.actual).length;
  const totals = useMemo(
    () =>
      columns.map((column) => {
        if (column.kind !== 'money' && column.kind !== 'effort') return undefined;
        let sum = 0;
        let any = false;
        for (const row of rows) {
          const value = cellValue(row.actual, column);
          if (typeof value === 'number') {
            sum += value;
            any = true;
          }
        }
        return any ? sum : undefined;
      }),
    [columns, rows],
  );

  const periodLabel = period.label;
  const colCount = columns.length + 1;

  return (
    <div className="actuals-grid">
      <p className="actuals-grid__summary" id={`${ids}-summary`}>
        {reported === 0
          ? `Nothing reported for ${periodLabel} yet. Select a cell and type, or copy a block of cells in Excel and press Ctrl+V on the cell where it should start.`
          : `${plural(reported, 'initiative')} of ${rows.length} reported for ${periodLabel}.`}
      </p>
      <p className="actuals-grid__keys" id={`${ids}-keys`}>
        <kbd>↑</kbd> <kbd>↓</kbd> <kbd>←</kbd> <kbd>→</kbd> move · <kbd>Enter</kbd> or <kbd>F2</kbd>{' '}
        edits, <kbd>Enter</kbd> stores and moves down · <kbd>Tab</kbd> right · <kbd>Esc</kbd>{' '}
        cancels · <kbd>Delete</kbd> clears · <kbd>Ctrl</kbd>+<kbd>V</kbd> pastes a block from Excel
        · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes
      </p>
      {problems.length > 0 && (
        <div className="actuals-grid__problems" role="alert">
          <p className="actuals-grid__problems-lead">
            Nothing was stored: {problems.length === 1 ? 'this cell needs' : 'these cells need'} a
            change.
          </p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setProblems([]);
              select(at);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="actuals-grid__scroll" ref={scrollRef}>
        <table
          role="grid"
          className="actuals-grid__table"
          aria-label={`Actuals for ${periodLabel}`}
          aria-describedby={`${ids}-keys`}
          aria-rowcount={rows.length + 2}
          aria-colcount={colCount}
          onKeyDown={onGridKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" aria-colindex={1} className="actuals-grid__name-head">
                Initiative
              </th>
              {columns.map((column, index) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-colindex={index + 2}
                  className={`actuals-grid__head actuals-grid__head--${column.kind}`}
                >
                  <span className="actuals-grid__label">{column.label}</span>
                  <span className="visually-hidden">, </span>
                  <span className="actuals-grid__hint">{column.hint}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {above > 0 && (
              <tr aria-hidden="true" className="actuals-grid__spacer">
                <td colSpan={colCount} style={{ height: above }} />
              </tr>
            )}
            {drawn.map((index) => {
              const row = rows[index];
              if (!row) return null;
              const nameActive = at.row === index && at.column === 0;
              return (
                <tr
                  key={row.initiative.id}
                  ref={inView ? virtualizer.measureElement : undefined}
                  data-index={index}
                  aria-rowindex={index + 2}
                  className={row.actual ? undefined : 'actuals-grid__row--empty'}
                >
                  <th
                    scope="row"
                    aria-colindex={1}
                    className="actuals-grid__name"
                    title={row.initiative.name}
                    data-row={index}
                    data-column={0}
                    tabIndex={nameActive ? 0 : -1}
                    aria-selected={nameActive}
                    onMouseDown={() => select({ row: index, column: 0 })}
                  >
                    <span className="actuals-grid__initiative">{row.initiative.name}</span>
                    <span className={`status status--${row.initiative.status}`}>
                      {STATUS_LABELS[row.initiative.status]}
                    </span>
                  </th>
                  {columns.map((column, columnIndex) => {
                    const position = { row: index, column: columnIndex + 1 };
                    const isActive = at.row === index && at.column === position.column;
                    const value = cellValue(row.actual, column);
                    const invalid = flagged.has(problemKey(row.initiative.id, column.field));
                    const isEditing = isActive && editing !== null;
                    return (
                      <td
                        key={column.key}
                        aria-colindex={columnIndex + 2}
                        data-row={index}
                        data-column={position.column}
                        tabIndex={isActive && !isEditing ? 0 : -1}
                        aria-selected={isActive}
                        aria-invalid={invalid || undefined}
                        className={[
                          'actuals-grid__cell',
                          `actuals-grid__cell--${column.kind}`,
                          isActive ? 'actuals-grid__cell--active' : '',
                          invalid ? 'actuals-grid__cell--invalid' : '',
                          column.kind === 'rag' && typeof value === 'string'
                            ? `actuals-grid__cell--rag-${value}`
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                        title={
                          column.kind === 'text' && typeof value === 'string' ? value : undefined
                        }
                        onMouseDown={(event) => {
                          if (isEditing) return;
                          event.preventDefault();
                          if (editing) {
                            const input =
                              scrollRef.current?.querySelector<HTMLInputElement>(
                                '.actuals-grid__editor',
                              );
                            if (input && !store(at, input.value)) return;
                            setEditing(null);
                          }
                          select(position);
                        }}
                        onDoubleClick={() => {
                          select(position);
                          setEditing({ text: editText(value, column, decimal), mode: 'edit' });
                        }}
                      >
                        {isEditing ? (
                          <input
                            className="actuals-grid__editor"
                            type="text"
                            data-native-undo
                            aria-label={`${column.kind === 'effort' ? `${column.label} effort` : column.label} of ${row.initiative.name}, ${periodLabel}`}
                            aria-invalid={invalid || undefined}
                            inputMode={
                              column.kind === 'money' ||
                              column.kind === 'effort' ||
                              column.kind === 'percent'
                                ? 'decimal'
                                : undefined
                            }
                            defaultValue={editing.text}
                            onKeyDown={onEditorKeyDown}
                            onBlur={(event) => onEditorBlur(event.currentTarget.value)}
                          />
                        ) : column.kind === 'rag' && typeof value === 'string' ? (
                          <span className={`rag rag--${value}`}>
                            {displayText(value, column, currency)}
                          </span>
                        ) : (
                          displayText(value, column, currency)
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {below > 0 && (
              <tr aria-hidden="true" className="actuals-grid__spacer">
                <td colSpan={colCount} style={{ height: below }} />
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr aria-rowindex={rows.length + 2}>
              <th scope="row" aria-colindex={1}>
                Total
              </th>
              {columns.map((column, index) => {
                const total = totals[index];
                const team =
                  typeof column.field === 'string'
                    ? undefined
                    : portfolio.teams.find(
                        (entry) =>
                          typeof column.field !== 'string' && entry.id === column.field.effort,
                      );
                const capacity = team?.capacity[period.id];
                return (
                  <td key={column.key} aria-colindex={index + 2} className="actuals-grid__total">
                    {total === undefined
                      ? ''
                      : column.kind === 'money'
                        ? displayText(total, column, currency)
                        : formatNumber(total, 2)}
                    {team && capacity !== undefined && (
                      <span className="actuals-grid__capacity">
                        {' '}
                        of {formatNumber(capacity, 2)}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
