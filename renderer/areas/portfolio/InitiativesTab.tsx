import { useVirtualizer } from '@tanstack/react-virtual';
import { plural } from '../../../shared/format';
import { StatusOptions } from '../../components/StatusOptions';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createInitiative } from '../../db/edits';
import type { Portfolio } from '../../../shared/portfolio/types';
import { formatMoney, formatNumber } from '../../format';
import { DEFAULT_INITIATIVE_QUERY, type InitiativeSortKey } from '../../state/slices/uiSlice';
import { useAppStore } from '../../state/store';
import { InitiativeEditor } from './InitiativeEditor';
import { queryInitiatives } from './initiative-query';
import { STATUS_LABELS } from '../../components/labels';

const COLUMNS: readonly {
  key: InitiativeSortKey;
  label: string;
  numeric?: boolean;
  wide?: boolean;
}[] = [
  { key: 'order', label: '#', numeric: true },
  { key: 'name', label: 'Initiative' },
  { key: 'status', label: 'Status' },
  { key: 'value', label: 'Value', numeric: true },
  { key: 'spend', label: 'Spend', numeric: true, wide: true },
  { key: 'effort', label: 'Effort', numeric: true, wide: true },
  { key: 'duration', label: 'Periods', numeric: true, wide: true },
];

/** A row's height before it is measured (one line of text). */
const ROW_HEIGHT = 37;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 12;
/**
 * Lists longer than this draw only the rows in view. Shorter ones are all on the page, where the
 * browser's find and a screen reader's table commands reach every row.
 */
export const DRAW_ALL_UP_TO = 200;

/** Stands in for the rows not drawn: keeps the table's height, and its scroll bar, right. */
function Spacer({ height }: { readonly height: number }) {
  return (
    <tr aria-hidden="true" className="initiative-table__spacer">
      <td colSpan={COLUMNS.length + 1} style={{ height }} />
    </tr>
  );
}

export function InitiativesTab({ portfolio }: { readonly portfolio: Portfolio }) {
  const query = useAppStore((state) => state.initiativeQuery);
  const setQuery = useAppStore((state) => state.setInitiativeQuery);
  const selectedId = useAppStore((state) => state.location.initiativeId);
  const navigate = useAppStore((state) => state.navigate);
  const listRows = useMemo(() => queryInitiatives(portfolio, query), [portfolio, query]);
  const teamName = new Map(portfolio.teams.map((team) => [team.id, team.name]));
  const selected = portfolio.initiatives.find((initiative) => initiative.id === selectedId);
  // A long list has only the rows in view on the page (a portfolio can hold 20,000): the others
  // are stood in for by one spacer row above and one below, so the table keeps its height and its
  // scroll bar.
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  // The rows start below the table's header, inside the same scroll box.
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    setHeadHeight(headRef.current?.offsetHeight ?? 0);
  }, []);
  const inView = listRows.length > DRAW_ALL_UP_TO;
  const virtualizer = useVirtualizer({
    enabled: inView,
    count: listRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => listRows[index]?.initiative.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: headHeight,
    // Enough rows for a first paint before the table has been measured.
    initialRect: { width: 960, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const drawn = inView ? items.map((item) => item.index) : listRows.map((_, index) => index);
  const above = inView ? (items[0]?.start ?? headHeight) - headHeight : 0;
  const below = inView
    ? Math.max(0, virtualizer.getTotalSize() - ((items.at(-1)?.end ?? headHeight) - headHeight))
    : 0;
  // Opened from its address or from another area: the chosen initiative's row is scrolled to.
  const selectedIndex = listRows.findIndex((row) => row.initiative.id === selectedId);
  useEffect(() => {
    if (inView && selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when another initiative is chosen, not on every edit of this one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);
  const filtered =
    JSON.stringify({ ...query, sort: 'order', descending: false }) !==
    JSON.stringify(DEFAULT_INITIATIVE_QUERY);

  const addInitiative = async () => {
    const id = await createInitiative();
    if (id) navigate({ initiativeId: id });
  };

  const sortBy = (key: InitiativeSortKey) =>
    setQuery(
      query.sort === key
        ? { descending: !query.descending }
        : { sort: key, descending: key === 'value' || key === 'spend' },
    );

  return (
    <div className={`initiatives${selected ? ' initiatives--editing' : ''}`}>
      <div className="initiatives__list">
        <div className="toolbar" role="search" aria-label="Find initiatives">
          <div className="field field--inline">
            <label htmlFor="initiative-search" className="field__label">
              Search
            </label>
            <input
              id="initiative-search"
              type="search"
              data-native-undo
              placeholder="Name, id or owner"
              value={query.search}
              onChange={(event) => setQuery({ search: event.target.value })}
            />
          </div>
          <div className="field field--inline">
            <label htmlFor="filter-status" className="field__label">
              Status
            </label>
            <select
              id="filter-status"
              value={query.status}
              onChange={(event) => setQuery({ status: event.target.value as typeof query.status })}
            >
              <StatusOptions />
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor="filter-objective" className="field__label">
              Objective
            </label>
            <select
              id="filter-objective"
              value={query.objectiveId}
              onChange={(event) => setQuery({ objectiveId: event.target.value })}
            >
              <option value="all">Any objective</option>
              <option value="none">Not aligned to any</option>
              {portfolio.objectives.map((objective) => (
                <option key={objective.id} value={objective.id}>
                  {objective.parentId ? '\u00a0\u00a0' : ''}
                  {objective.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor="filter-team" className="field__label">
              Team
            </label>
            <select
              id="filter-team"
              value={query.teamId}
              onChange={(event) => setQuery({ teamId: event.target.value })}
            >
              <option value="all">Any team</option>
              {portfolio.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor="filter-flag" className="field__label">
              Show
            </label>
            <select
              id="filter-flag"
              value={query.flag}
              onChange={(event) => setQuery({ flag: event.target.value as typeof query.flag })}
            >
              <option value="all">All</option>
              <option value="forced-in">Forced in</option>
              <option value="forced-out">Forced out</option>
              <option value="has-dependencies">With prerequisites</option>
              <option value="fixed-start">With a fixed start</option>
            </select>
          </div>
          <div className="toolbar__end">
            {filtered && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  setQuery({
                    ...DEFAULT_INITIATIVE_QUERY,
                    sort: query.sort,
                    descending: query.descending,
                  })
                }
              >
                Clear filters
              </button>
            )}
            <button
              type="button"
              className="button button--primary"
              onClick={() => void addInitiative()}
            >
              New initiative
            </button>
          </div>
        </div>
        <p className="list-summary" aria-live="polite">
          {listRows.length === portfolio.initiatives.length
            ? plural(portfolio.initiatives.length, 'initiative')
            : `${listRows.length} of ${plural(portfolio.initiatives.length, 'initiative')}`}
        </p>
        {portfolio.initiatives.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__lead">No initiatives yet.</p>
            <p>
              Add the first one with New initiative, or open a portfolio file from the File menu.
            </p>
          </div>
        ) : listRows.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__lead">No initiative matches.</p>
            <p>Change the search or clear the filters.</p>
          </div>
        ) : (
          <div className="table-scroll initiatives__scroll" ref={scrollRef}>
            <table className="data-table initiative-table" aria-rowcount={listRows.length + 1}>
              <caption className="visually-hidden">Initiatives, sorted by {query.sort}</caption>
              <thead ref={headRef}>
                <tr aria-rowindex={1}>
                  {COLUMNS.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      className={`${column.numeric ? 'num' : ''}${column.wide ? ' col-wide' : ''}`}
                      aria-sort={
                        query.sort === column.key
                          ? query.descending
                            ? 'descending'
                            : 'ascending'
                          : undefined
                      }
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => sortBy(column.key)}
                      >
                        {column.label}
                        <span aria-hidden="true" className="sort-button__arrow">
                          {query.sort === column.key ? (query.descending ? '▼' : '▲') : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                  <th scope="col" className="col-wide">
                    Teams
                  </th>
                </tr>
              </thead>
              <tbody>
                {above > 0 && <Spacer height={above} />}
                {drawn.map((index) => {
                  const row = listRows[index];
                  if (!row) return null;
                  return (
                    <tr
                      key={row.initiative.id}
                      ref={inView ? virtualizer.measureElement : undefined}
                      data-index={index}
                      aria-rowindex={index + 2}
                      aria-current={row.initiative.id === selectedId ? 'true' : undefined}
                    >
                      <td className="num muted">{row.order}</td>
                      <td className="initiative-table__name">
                        <a
                          href={`#/portfolio/initiatives/${encodeURIComponent(row.initiative.id)}`}
                          onClick={(event) => {
                            event.preventDefault();
                            navigate({ initiativeId: row.initiative.id });
                          }}
                        >
                          {row.initiative.name}
                        </a>
                        {row.initiative.forced && (
                          <span className={`badge badge--forced-${row.initiative.forced}`}>
                            forced {row.initiative.forced}
                          </span>
                        )}
                      </td>
                      <td>
                        <span className={`status status--${row.initiative.status}`}>
                          {STATUS_LABELS[row.initiative.status]}
                        </span>
                      </td>
                      <td className="num">
                        {row.value === undefined ? '–' : formatNumber(row.value)}
                      </td>
                      <td className="num col-wide">{formatMoney(row.spend, portfolio.currency)}</td>
                      <td className="num col-wide">{formatNumber(row.effort)}</td>
                      <td className="num col-wide">{row.duration}</td>
                      <td className="col-wide teams-cell">
                        {row.teamIds.map((id) => teamName.get(id) ?? id).join(', ')}
                      </td>
                    </tr>
                  );
                })}
                {below > 0 && <Spacer height={below} />}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {selected && (
        <InitiativeEditor
          key={selected.id}
          initiative={selected}
          portfolio={portfolio}
          onClose={() => navigate({ initiativeId: null })}
        />
      )}
    </div>
  );
}
