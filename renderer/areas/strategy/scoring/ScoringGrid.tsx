/**
 * The scoring grid: initiatives × the model's criteria, the value and priority beside each
 * initiative's name so that they stay in view when the criteria scroll, typed in like a spreadsheet. Tab and
 * Shift+Tab go across (on to the next row at the end of one), Enter and Shift+Enter down and up,
 * Escape takes back what was typed; each cell is stored when it is left, as one edit. The value,
 * priority and place follow every stored score; the rows keep their order while the grid has the
 * focus, so that the row being typed in does not run away, and are sorted again when it is left.
 * Over 200 rows, only those in view are drawn.
 */
import { plural } from '../../../../shared/format';
import { StatusOptions } from '../../../components/StatusOptions';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useCallback, useId, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { Portfolio, ScoringModel } from '../../../../shared/portfolio/types';
import { modelCriteria, type ModelCriterion } from '../../../../shared/strategy/scoring';
import { NumberCell, type CellMove } from '../../../components/fields';
import { STATUS_LABELS } from '../../../components/labels';
import { setInitiativeScore } from '../../../db/edits';
import { formatNumber } from '../../../format';
import {
  DEFAULT_SCORING_QUERY,
  SCORING_SORTS,
  SORT_LABELS,
  offScaleText,
  queryRows,
  scaleHint,
  scoringRows,
  type ScoringQuery,
  type ScoringRow,
} from './scoring-rows';

/** A row's height before it is measured (one line of inputs). */
const ROW_HEIGHT = 41;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 10;
/** Grids longer than this draw only the rows in view. */
export const DRAW_ALL_UP_TO = 200;

function cellKey(initiativeId: string, criterionId: string): string {
  return `${initiativeId}\u0000${criterionId}`;
}

/** "260 typed · model 65", "65", or a dash. */
function valueText(row: ScoringRow): string {
  const { override, modelValue, value } = row.score;
  if (override !== undefined) {
    return modelValue === undefined
      ? `${formatNumber(override)} typed`
      : `${formatNumber(override)} typed · model ${formatNumber(modelValue)}`;
  }
  return value === undefined ? '–' : formatNumber(value);
}

type GridProps = {
  readonly portfolio: Portfolio;
  readonly scoring: ScoringModel;
};

export function ScoringGrid({ portfolio, scoring }: GridProps) {
  const ids = useId();
  const criteria = useMemo(() => modelCriteria(scoring), [scoring]);
  const typed = useMemo(() => criteria.filter((criterion) => !criterion.computed), [criteria]);
  const [query, setQuery] = useState<ScoringQuery>(DEFAULT_SCORING_QUERY);
  const allRows = useMemo(() => scoringRows(portfolio), [portfolio]);
  const found = useMemo(() => queryRows(allRows, query), [allRows, query]);
  // While the grid has the focus its rows keep their order: a score typed does not move the row.
  const [frozen, setFrozen] = useState<readonly string[] | null>(null);
  const rows = useMemo(() => {
    if (!frozen) return found;
    const byId = new Map(found.map((row) => [row.initiative.id, row]));
    const kept = frozen.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
    const known = new Set(frozen);
    return [...kept, ...found.filter((row) => !known.has(row.initiative.id))];
  }, [found, frozen]);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [announcement, setAnnouncement] = useState('');

  const scrollRef = useRef<HTMLDivElement>(null);
  const inView = rows.length > DRAW_ALL_UP_TO;
  const virtualizer = useVirtualizer({
    enabled: inView,
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.initiative.id ?? index,
    overscan: OVERSCAN,
    initialRect: { width: 1100, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const drawn = inView ? items.map((item) => item.index) : rows.map((_, index) => index);
  const above = inView ? (items[0]?.start ?? 0) : 0;
  const below = inView ? Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)) : 0;

  const problemFor = useCallback(
    (key: string) => (message: string | null) => {
      setProblems((before) => {
        if ((before.get(key) ?? null) === message) return before;
        const next = new Map(before);
        if (message === null) next.delete(key);
        else next.set(key, message);
        return next;
      });
      if (message) setAnnouncement(message);
    },
    [],
  );

  /**
   * The cell the focus is on its way to, while its row is scrolled into view and drawn: keys
   * pressed meanwhile move on from there, not from the cell the focus is leaving.
   */
  const pendingFocus = useRef<{ readonly row: number; readonly column: number } | null>(null);

  /** Focuses the cell at row `row`, typed criterion `column`, scrolling it into view first. */
  const focusCell = (row: number, column: number): boolean => {
    if (row < 0 || row >= rows.length || column < 0 || column >= typed.length) return false;
    const find = () =>
      scrollRef.current?.querySelector<HTMLInputElement>(
        `input[data-row="${row}"][data-column="${column}"]`,
      );
    const now = find();
    if (now) {
      pendingFocus.current = null;
      now.focus();
      now.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      return true;
    }
    // Not drawn: scroll to it, and focus it once it is (a few frames at most).
    const target = { row, column };
    pendingFocus.current = target;
    virtualizer.scrollToIndex(row, { align: 'auto' });
    let frames = 0;
    const attempt = () => {
      if (pendingFocus.current !== target) return;
      const found = find();
      if (found) {
        pendingFocus.current = null;
        found.focus();
      } else if (++frames < 60) requestAnimationFrame(attempt);
      else pendingFocus.current = null;
    };
    requestAnimationFrame(attempt);
    return true;
  };

  const move = (cellRow: number, cellColumn: number) => (direction: CellMove) => {
    const { row, column } = pendingFocus.current ?? { row: cellRow, column: cellColumn };
    switch (direction) {
      case 'next':
        return column + 1 < typed.length ? focusCell(row, column + 1) : focusCell(row + 1, 0);
      case 'previous':
        return column > 0 ? focusCell(row, column - 1) : focusCell(row - 1, typed.length - 1);
      case 'down':
        return focusCell(row + 1, column);
      case 'up':
        return focusCell(row - 1, column);
    }
  };

  const onFocusIn = () => {
    if (!frozen) setFrozen(rows.map((row) => row.initiative.id));
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && event.currentTarget.contains(next)) return;
    setFrozen(null);
  };

  const columnCount = 4 + criteria.length;
  const filtered = query.search !== '' || query.status !== 'all';

  const criterionCell = (row: ScoringRow, index: number, criterion: ModelCriterion) => {
    const part = row.score.breakdown.find((entry) => entry.id === criterion.id);
    if (criterion.computed) {
      return (
        <td key={criterion.id} className="num score-grid__computed">
          {part?.score === undefined ? '–' : formatNumber(part.score, 0)}
        </td>
      );
    }
    const column = typed.indexOf(criterion);
    const key = cellKey(row.initiative.id, criterion.id);
    const missing = part?.score === undefined;
    return (
      <td key={criterion.id} className={`num${missing ? ' score-grid__missing' : ''}`}>
        <NumberCell
          label={`${criterion.name} of ${row.initiative.name}`}
          value={part?.score}
          factor={criterion.percent ? 100 : 1}
          placeholder={missing ? 'missing' : undefined}
          check={(score) => offScaleText(criterion, scoring.model, score)}
          onCommit={(score) =>
            setInitiativeScore(row.initiative.id, criterion.id, score, criterion.name)
          }
          onMove={move(index, column)}
          onProblem={problemFor(key)}
          describedBy={`${ids}-message-${index}`}
          row={index}
          column={column}
        />
      </td>
    );
  };

  return (
    <div className="score-grid">
      <div className="toolbar" role="search" aria-label="Find initiatives to score">
        <div className="field field--inline">
          <label htmlFor={`${ids}-search`} className="field__label">
            Search
          </label>
          <input
            id={`${ids}-search`}
            type="search"
            data-native-undo
            placeholder="Name, id or owner"
            value={query.search}
            onChange={(event) => setQuery({ ...query, search: event.target.value })}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor={`${ids}-status`} className="field__label">
            Status
          </label>
          <select
            id={`${ids}-status`}
            value={query.status}
            onChange={(event) =>
              setQuery({ ...query, status: event.target.value as ScoringQuery['status'] })
            }
          >
            <StatusOptions />
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={`${ids}-sort`} className="field__label">
            Sort by
          </label>
          <select
            id={`${ids}-sort`}
            value={query.sort}
            onChange={(event) =>
              setQuery({ ...query, sort: event.target.value as ScoringQuery['sort'] })
            }
          >
            {SCORING_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        <p className="list-summary score-grid__summary">
          {filtered
            ? `${rows.length} of ${plural(portfolio.initiatives.length, 'initiative')}`
            : plural(portfolio.initiatives.length, 'initiative')}
          {frozen && query.sort === 'priority' && ' · order kept while you type'}
        </p>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">
            {portfolio.initiatives.length === 0 ? 'No initiatives yet.' : 'No initiative matches.'}
          </p>
          <p>
            {portfolio.initiatives.length === 0
              ? 'Add initiatives in Portfolio, then score them here.'
              : 'Change the search or the status.'}
          </p>
        </div>
      ) : (
        <div
          className="table-scroll score-grid__scroll"
          ref={scrollRef}
          onFocus={onFocusIn}
          onBlur={onFocusOut}
        >
          <table
            className="data-table data-table--grid score-grid__table"
            aria-rowcount={rows.length + 1}
          >
            <caption className="visually-hidden">
              Scores of each initiative, with the value and priority the model gives. Type a number;
              Tab moves across, Enter down, Escape takes back what was typed.
            </caption>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" className="num" title="Place in the model's ranking">
                  #
                </th>
                <th scope="col">Initiative</th>
                <th scope="col" className="num">
                  Value
                </th>
                <th scope="col" className="num">
                  Priority
                </th>
                {criteria.map((criterion) => (
                  <th key={criterion.id} scope="col" className="num score-grid__criterion">
                    <span className="score-grid__criterion-name">{criterion.name}</span>
                    <span className="visually-hidden">, </span>
                    <span className="score-grid__scale">{scaleHint(criterion)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {above > 0 && (
                <tr aria-hidden="true" className="score-grid__spacer">
                  <td colSpan={columnCount} style={{ height: above }} />
                </tr>
              )}
              {drawn.map((index) => {
                const row = rows[index];
                if (!row) return null;
                const messages = criteria.flatMap((criterion) => {
                  const message = problems.get(cellKey(row.initiative.id, criterion.id));
                  return message ? [message] : [];
                });
                const { missing } = row.score;
                // One keyed group per initiative: a row keeps its inputs (and the focus) when the
                // rows drawn around it change.
                return (
                  <Fragment key={row.initiative.id}>
                    <tr
                      ref={inView ? virtualizer.measureElement : undefined}
                      data-index={index}
                      aria-rowindex={index + 2}
                    >
                      <td className="num muted">{row.place ?? '–'}</td>
                      <th scope="row" className="score-grid__name">
                        <span>{row.initiative.name}</span>
                        {row.initiative.status !== 'proposed' && (
                          <span className={`status status--${row.initiative.status}`}>
                            {STATUS_LABELS[row.initiative.status]}
                          </span>
                        )}
                      </th>
                      <td className="num score-grid__value">{valueText(row)}</td>
                      <td className="num score-grid__priority">
                        {row.score.priority === undefined ? (
                          row.score.noPriority ? (
                            <span title={row.score.noPriority}>
                              –<span className="visually-hidden">: {row.score.noPriority}</span>
                            </span>
                          ) : (
                            '–'
                          )
                        ) : (
                          formatNumber(row.score.priority, 2)
                        )}
                        {missing.length > 0 && (
                          <span
                            className="score-grid__needs"
                            title={`Missing: ${missing.join(', ')}`}
                          >
                            {missing.length} missing
                            <span className="visually-hidden">: {missing.join(', ')}</span>
                          </span>
                        )}
                      </td>
                      {criteria.map((criterion) => criterionCell(row, index, criterion))}
                    </tr>
                    {messages.length > 0 && (
                      <tr className="score-grid__message">
                        <td colSpan={columnCount}>
                          <p id={`${ids}-message-${index}`} className="field__error">
                            {messages.join(' ')}{' '}
                            <span className="score-grid__escape">
                              Escape puts back the stored score.
                            </span>
                          </p>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
              {below > 0 && (
                <tr aria-hidden="true" className="score-grid__spacer">
                  <td colSpan={columnCount} style={{ height: below }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
