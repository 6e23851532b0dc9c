/**
 * The strategy tree, a WAI-ARIA tree view: one Tab stop (roving tabindex), the arrow keys, Home
 * and End to go from item to item, Right and Left to open and close an objective. F2 renames an
 * item in place, Enter opens its details, Delete deletes it. Space lifts an item: the arrow keys
 * move it (an objective up and down among its siblings, left out to its parent's level, right
 * into the sibling above as its last child; a measure up and down among its objective's
 * measures), Space or Enter drops it, Escape puts it back; every move is announced. The mouse
 * drags an item by its row: up and down to a new place, left and right to a new depth.
 */
import { plural } from '../../../shared/format';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { Measure, Portfolio } from '../../../shared/portfolio/types';
import { measureProgress } from '../../../shared/strategy/measure-progress';
import * as edits from '../../db/edits';
import type { EditResult } from '../../db/edits';
import {
  buildTree,
  describePlace,
  findNode,
  itemKey,
  measureDrop,
  measurePlacementOf,
  objectiveDrop,
  placementOf,
  sameItem,
  samePlacement,
  stepMeasure,
  stepObjective,
  visibleRows,
  type ItemRef,
  type MeasurePlacement,
  type ObjectiveNode,
  type Placement,
  type Relocation,
  type TreeRow,
} from './strategy-tree';
import { MEASURE_STATUS_LABELS, progressWidth } from './measure-view';

/** How far each level is indented, in pixels; a drag this far sideways changes the depth. */
export const INDENT_PX = 22;
/** Where a drop line starts at depth 0: past the row's border and padding, at its toggle. */
const LINE_START_PX = 30;

/** An item being added: its name is typed in the tree, where it will go. */
export type Draft =
  | { readonly kind: 'objective'; readonly parentId: string | null }
  | { readonly kind: 'measure'; readonly objectiveId: string };

export type StrategyTreeHandle = {
  /** Focuses an item (once it is on screen), or the tree's current item. */
  readonly focus: (ref?: ItemRef) => void;
};

type Lift = {
  readonly ref: ItemRef;
  readonly name: string;
  readonly from: Placement | MeasurePlacement;
  readonly to: Placement | MeasurePlacement;
  /** lifted: moving with the keys; dropping: stored, shown there until the portfolio has it. */
  readonly phase: 'lifted' | 'dropping' | 'dropped';
  readonly base?: Portfolio;
};

type Drag = {
  readonly row: TreeRow;
  readonly start: { readonly x: number; readonly y: number };
  /** The rows a drop can go between: those in view, without the dragged item and its own. */
  readonly candidates: readonly TreeRow[];
};

type DropTarget = {
  readonly to: Placement | MeasurePlacement;
  /** A line where the item would go, or the objective it would join, highlighted. */
  readonly line?: { readonly top: number; readonly left: number };
  readonly into?: string;
};

function relocationOf(lift: Lift | null): Relocation | null {
  if (!lift) return null;
  if (lift.ref.kind === 'objective') {
    return { kind: 'objective', id: lift.ref.id, to: lift.to as Placement };
  }
  return {
    kind: 'measure',
    objectiveId: lift.ref.objectiveId,
    id: lift.ref.id,
    to: lift.to as MeasurePlacement,
  };
}

function problem(result: EditResult): string {
  return result.ok ? '' : (result.problems[0]?.message ?? 'The change was refused.');
}

/** The ids of every objective above `ref` in `nodes`. */
function ancestorsOf(nodes: readonly ObjectiveNode[], ref: ItemRef): string[] {
  const ids: string[] = [];
  let parent: string | null = ref.kind === 'measure' ? ref.objectiveId : ref.id;
  if (ref.kind === 'objective') parent = findNode(nodes, ref.id)?.parentId ?? null;
  while (parent !== null && !ids.includes(parent)) {
    ids.push(parent);
    parent = findNode(nodes, parent)?.parentId ?? null;
  }
  return ids;
}

type StrategyTreeProps = {
  readonly ref?: Ref<StrategyTreeHandle>;
  readonly portfolio: Portfolio;
  /** Today as YYYY-MM-DD, for the measures' progress. */
  readonly today: string;
  readonly labelledBy: string;
  readonly current: ItemRef | null;
  readonly onCurrent: (ref: ItemRef) => void;
  readonly collapsed: ReadonlySet<string>;
  readonly onExpand: (objectiveId: string, expanded: boolean) => void;
  readonly draft: Draft | null;
  /** The draft is done: the item it added, or null when it was left. */
  readonly onDraftEnd: (added: ItemRef | null) => void;
  readonly onOpen: (ref: ItemRef) => void;
  readonly onDelete: (ref: ItemRef) => void;
  readonly announce: (text: string) => void;
};

export function StrategyTree({
  ref,
  portfolio,
  today,
  labelledBy,
  current,
  onCurrent,
  collapsed,
  onExpand,
  draft,
  onDraftEnd,
  onOpen,
  onDelete,
  announce,
}: StrategyTreeProps) {
  const [lift, setLift] = useState<Lift | null>(null);
  const [renaming, setRenaming] = useState<ItemRef | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const nodes = useMemo(
    () => buildTree(portfolio.objectives, relocationOf(lift)),
    [portfolio.objectives, lift],
  );
  const stored = useMemo(() => buildTree(portfolio.objectives), [portfolio.objectives]);

  // A dropped item shows where it went until the stored portfolio has it there.
  useEffect(() => {
    if (lift?.phase === 'dropped' && lift.base !== portfolio) setLift(null);
  }, [lift, portfolio]);

  // What must be open: where a lifted item or a draft is.
  const shownCollapsed = useMemo(() => {
    const open = new Set<string>();
    if (lift) for (const id of ancestorsOf(nodes, lift.ref)) open.add(id);
    if (draft?.kind === 'objective' && draft.parentId !== null) {
      open.add(draft.parentId);
      for (const id of ancestorsOf(nodes, { kind: 'objective', id: draft.parentId })) open.add(id);
    }
    if (draft?.kind === 'measure') {
      open.add(draft.objectiveId);
      for (const id of ancestorsOf(nodes, { kind: 'objective', id: draft.objectiveId })) {
        open.add(id);
      }
    }
    if (open.size === 0) return collapsed;
    return new Set([...collapsed].filter((id) => !open.has(id)));
  }, [collapsed, lift, draft, nodes]);
  const rows = useMemo(() => visibleRows(nodes, shownCollapsed), [nodes, shownCollapsed]);
  const rowByKey = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  const currentKey = current ? itemKey(current) : null;

  // ---- Focus ----------------------------------------------------------------------------------
  const treeRef = useRef<HTMLUListElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const lines = useRef(new Map<string, HTMLDivElement>());
  const pendingFocus = useRef<string | null>(null);
  const hadFocus = useRef(false);
  // The item in the Tab order: the current one, else (deleted, undone) the one now in its place.
  const lastIndex = useRef(0);
  const currentIndex = currentKey ? rows.findIndex((row) => row.key === currentKey) : -1;
  if (currentIndex >= 0) lastIndex.current = currentIndex;
  const tabRow =
    currentIndex >= 0 ? rows[currentIndex] : rows[Math.min(lastIndex.current, rows.length - 1)];
  const tabKey = tabRow?.key ?? null;

  const focusKey = (key: string) => {
    const element = items.current.get(key);
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'nearest' });
    } else pendingFocus.current = key;
  };
  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return;
    onCurrent(row.ref);
    focusKey(row.key);
  };
  useImperativeHandle(ref, () => ({
    focus: (target) => {
      const key = target ? itemKey(target) : tabKey;
      if (target) onCurrent(target);
      if (key) focusKey(key);
    },
  }));
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted) {
      const element = items.current.get(wanted);
      if (element) {
        pendingFocus.current = null;
        element.focus();
        element.scrollIntoView?.({ block: 'nearest' });
      }
      return;
    }
    // No current item yet, or it is gone (deleted, undone): the one in its place becomes it.
    if (currentIndex < 0 && tabRow) onCurrent(tabRow.ref);
    // An item that took the focus with it hands it to the one in its place.
    const active = document.activeElement;
    if (hadFocus.current && !renaming && tabRow && (active === null || active === document.body)) {
      items.current.get(tabRow.key)?.focus();
    }
  });

  const onTreeFocus = (event: FocusEvent) => {
    hadFocus.current = true;
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-item-key]')?.dataset
      .itemKey;
    const row = key ? rowByKey.get(key) : undefined;
    if (row && !sameItem(row.ref, current)) onCurrent(row.ref);
  };
  const onTreeBlur = (event: FocusEvent) => {
    const next = event.relatedTarget;
    // No next target: the item is being moved in the page under the focus; that is not leaving.
    if (next instanceof Node && !treeRef.current?.contains(next)) {
      hadFocus.current = false;
      if (lift?.phase === 'lifted') cancelLift();
    }
  };

  // ---- Lifting and moving with the keyboard --------------------------------------------------
  const startLift = (row: TreeRow) => {
    const from =
      row.ref.kind === 'objective'
        ? placementOf(nodes, row.ref.id)
        : measurePlacementOf(nodes, row.ref.objectiveId, row.ref.id);
    if (!from) return;
    setLift({ ref: row.ref, name: row.name, from, to: from, phase: 'lifted' });
    announce(
      `Lifted “${row.name}”, ${describePlace(nodes, row.ref)}. ${
        row.ref.kind === 'objective'
          ? 'Up and Down move it among its siblings, Left out to its parent’s level, Right into the item above.'
          : 'Up and Down move it among the measures.'
      } Space drops it, Escape cancels.`,
    );
  };

  const moveLift = (step: 'up' | 'down' | 'left' | 'right') => {
    if (!lift) return;
    const { ref: item, name } = lift;
    let to: Placement | MeasurePlacement | null;
    if (item.kind === 'objective') to = stepObjective(nodes, item.id, step);
    else if (step === 'up' || step === 'down')
      to = stepMeasure(nodes, item.objectiveId, item.id, step);
    else {
      announce(
        `A measure moves among its objective’s measures; drag it with the mouse to another objective.`,
      );
      return;
    }
    if (!to) {
      const why =
        step === 'up'
          ? 'already first'
          : step === 'down'
            ? 'already last'
            : step === 'left'
              ? 'already a theme'
              : 'not below an item it could go into';
      announce(`“${name}” is ${why}.`);
      return;
    }
    const next: Lift = { ...lift, to };
    setLift(next);
    pendingFocus.current = itemKey(item);
    announce(
      `“${name}”, ${describePlace(buildTree(portfolio.objectives, relocationOf(next)), item)}.`,
    );
  };

  const cancelLift = () => {
    if (!lift) return;
    setLift(null);
    pendingFocus.current = itemKey(lift.ref);
    announce(`Move cancelled. “${lift.name}” is back, ${describePlace(stored, lift.ref)}.`);
  };

  /** Stores a move, showing the item at its new place meanwhile. */
  const commitMove = async (item: ItemRef, name: string, from: Lift['from'], to: Lift['to']) => {
    // A measure dropped on another objective is found there, under that objective's id.
    const landed: ItemRef =
      item.kind === 'measure'
        ? { kind: 'measure', objectiveId: (to as MeasurePlacement).objectiveId, id: item.id }
        : item;
    const place = describePlace(
      buildTree(portfolio.objectives, relocationOf({ ref: item, name, from, to, phase: 'lifted' })),
      landed,
    );
    if (samePlacement(from, to)) {
      setLift(null);
      announce(`Dropped “${name}”; it stays ${place}.`);
      return;
    }
    const base = portfolio;
    setLift({ ref: item, name, from, to, phase: 'dropping', base });
    pendingFocus.current = itemKey(item);
    const result =
      item.kind === 'objective'
        ? await edits.moveObjective(item.id, (to as Placement).parentId, to.beforeId)
        : await edits.moveMeasure(
            item.objectiveId,
            item.id,
            (to as MeasurePlacement).objectiveId,
            to.beforeId,
          );
    if (!result.ok || result.unchanged) {
      setLift(null);
      if (!result.ok) announce(`“${name}” was not moved: ${problem(result)}`);
      return;
    }
    setLift((now) => (now?.phase === 'dropping' ? { ...now, phase: 'dropped' } : now));
    if (item.kind === 'measure' && item.objectiveId !== (to as MeasurePlacement).objectiveId) {
      // The measure now belongs to another objective: it is another item of the tree.
      const moved: ItemRef = {
        kind: 'measure',
        objectiveId: (to as MeasurePlacement).objectiveId,
        id: item.id,
      };
      onCurrent(moved);
      pendingFocus.current = itemKey(moved);
    }
    announce(`Dropped “${name}”, ${place}.`);
  };

  const dropLift = () => {
    if (!lift || lift.phase !== 'lifted') return;
    void commitMove(lift.ref, lift.name, lift.from, lift.to);
  };

  // ---- Keys -----------------------------------------------------------------------------------
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem') return;
    const row = rowByKey.get(target.dataset.itemKey ?? '');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    if (lift) {
      const steps: Record<string, 'up' | 'down' | 'left' | 'right'> = {
        ArrowUp: 'up',
        ArrowDown: 'down',
        ArrowLeft: 'left',
        ArrowRight: 'right',
      };
      const step = steps[event.key];
      if (step || [' ', 'Enter', 'Escape', 'Home', 'End'].includes(event.key)) {
        event.preventDefault();
      }
      if (lift.phase !== 'lifted') return;
      if (step) moveLift(step);
      else if (event.key === ' ' || event.key === 'Enter') dropLift();
      else if (event.key === 'Escape') cancelLift();
      return;
    }
    const index = rows.indexOf(row);
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
        handled();
        focusRow(rows[index + 1]);
        break;
      case 'ArrowUp':
        handled();
        focusRow(rows[index - 1]);
        break;
      case 'Home':
        handled();
        focusRow(rows[0]);
        break;
      case 'End':
        handled();
        focusRow(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        handled();
        if (row.expandable && !row.expanded) onExpand(row.ref.id, true);
        else if (row.expanded) focusRow(rows[index + 1]);
        break;
      case 'ArrowLeft':
        handled();
        if (row.expanded) onExpand(row.ref.id, false);
        else if (row.parentId !== null)
          focusRow(rowByKey.get(itemKey({ kind: 'objective', id: row.parentId })));
        break;
      case 'Enter':
        handled();
        onOpen(row.ref);
        break;
      case 'F2':
        handled();
        setRenaming(row.ref);
        break;
      case ' ':
        handled();
        startLift(row);
        break;
      case 'Delete':
        handled();
        onDelete(row.ref);
        break;
      default:
    }
  };

  // ---- Dragging with the mouse ----------------------------------------------------------------
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const onDragStart = (event: DragStartEvent) => {
    const row = rowByKey.get(String(event.active.id));
    const pointer = event.activatorEvent as PointerEvent;
    if (!row || lift) return;
    const below = new Set<string>();
    if (row.ref.kind === 'objective') {
      const node = findNode(nodes, row.ref.id);
      const walk = (list: readonly ObjectiveNode[]) => {
        for (const child of list) {
          below.add(child.objective.id);
          walk(child.children);
        }
      };
      if (node) walk(node.children);
    }
    const candidates = rows.filter((other) => {
      if (other.key === row.key) return false;
      if (row.ref.kind !== 'objective') return true;
      if (other.ref.kind === 'objective') return !below.has(other.ref.id);
      return other.ref.objectiveId !== row.ref.id && !below.has(other.ref.objectiveId);
    });
    onCurrent(row.ref);
    setDrag({ row, start: { x: pointer.clientX, y: pointer.clientY }, candidates });
  };

  const onDragMove = (event: DragMoveEvent) => {
    if (!drag) return;
    const wrapper = wrapperRef.current?.getBoundingClientRect();
    if (!wrapper) return;
    const y = drag.start.y + event.delta.y;
    const rects = drag.candidates.map((row) => lines.current.get(row.key)?.getBoundingClientRect());
    // The line is drawn inside the tree's box, which scrolls on its own on narrow screens.
    const scrolled = wrapperRef.current?.scrollTop ?? 0;
    const offset = (top: number) => top - wrapper.top + scrolled;
    let next: DropTarget | null = null;
    if (drag.row.ref.kind === 'objective') {
      let gap = drag.candidates.length;
      for (let index = 0; index < rects.length; index += 1) {
        const rect = rects[index];
        if (rect && y < rect.top + rect.height / 2) {
          gap = index;
          break;
        }
      }
      const wanted = drag.row.depth + Math.round(event.delta.x / INDENT_PX);
      const drop = objectiveDrop(drag.candidates, gap, wanted);
      const below = rects[drop.gap];
      const above = rects[drop.gap - 1];
      const top = below ? offset(below.top) : above ? offset(above.bottom) : 0;
      next = { to: drop.placement, line: { top, left: LINE_START_PX + drop.depth * INDENT_PX } };
    } else {
      const index = rects.findIndex((rect) => rect && y >= rect.top && y < rect.bottom);
      const row = drag.candidates[index];
      const rect = rects[index];
      if (row && rect) {
        const lower = y >= rect.top + rect.height / 2;
        const to = measureDrop(drag.candidates, row, lower);
        next =
          row.ref.kind === 'objective'
            ? { to, into: row.key }
            : {
                to,
                line: {
                  top: offset(lower ? rect.bottom : rect.top),
                  left: LINE_START_PX + row.depth * INDENT_PX,
                },
              };
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(dropTarget)) setDropTarget(next);
  };

  const endDrag = () => {
    setDrag(null);
    setDropTarget(null);
  };
  const onDragEnd = (_event: DragEndEvent) => {
    const dragged = drag;
    const target = dropTarget;
    endDrag();
    if (!dragged || !target) return;
    const { row } = dragged;
    const from =
      row.ref.kind === 'objective'
        ? placementOf(nodes, row.ref.id)
        : measurePlacementOf(nodes, row.ref.objectiveId, row.ref.id);
    if (!from) return;
    void commitMove(row.ref, row.name, from, target.to);
  };

  // ---- Drawing --------------------------------------------------------------------------------
  const linked = useMemo(() => linkedCounts(portfolio, nodes), [portfolio, nodes]);
  const ids = useId();

  const renderDraft = (forKind: Draft['kind'], depth: number, setSize: number) => (
    <DraftItem
      key="draft"
      draft={draft as Draft}
      kind={forKind}
      depth={depth}
      setSize={setSize}
      onEnd={onDraftEnd}
    />
  );

  const renderNode = (node: ObjectiveNode): ReactNode => {
    const key = itemKey({ kind: 'objective', id: node.objective.id });
    const row = rowByKey.get(key);
    if (!row) return null;
    const measureDraft =
      draft?.kind === 'measure' && draft.objectiveId === node.objective.id ? 1 : 0;
    const childDraft = draft?.kind === 'objective' && draft.parentId === node.objective.id ? 1 : 0;
    const size = node.measures.length + node.children.length + measureDraft + childDraft;
    const open = row.expanded || measureDraft + childDraft > 0;
    return (
      <TreeItem
        key={key}
        row={row}
        labelId={`${ids}-${rows.indexOf(row)}`}
        tabbable={key === tabKey}
        selected={key === currentKey}
        lifted={lift !== null && sameItem(lift.ref, row.ref) && lift.phase === 'lifted'}
        dropInto={dropTarget?.into === key}
        renaming={sameItem(renaming, row.ref)}
        onRenameEnd={() => {
          setRenaming(null);
          pendingFocus.current = key;
        }}
        onToggle={() => {
          if (row.expanded && current && ancestorsOf(nodes, current).includes(node.objective.id)) {
            onCurrent(row.ref);
          }
          onExpand(node.objective.id, !row.expanded);
        }}
        onStartRename={() => setRenaming(row.ref)}
        itemRef={(element) => {
          if (element) items.current.set(key, element);
          else items.current.delete(key);
        }}
        lineRef={(element) => {
          if (element) lines.current.set(key, element);
          else lines.current.delete(key);
        }}
        meta={
          <ObjectiveMeta
            measures={node.measures.length}
            initiatives={linked.get(node.objective.id) ?? 0}
          />
        }
        kindLabel={node.depth === 0 ? 'Theme' : 'Objective'}
      >
        {open && (
          <ul role="group" className="strategy-tree__group">
            {row.expanded &&
              node.measures.map((measure) => {
                const measureRef: ItemRef = {
                  kind: 'measure',
                  objectiveId: node.objective.id,
                  id: measure.id,
                };
                const measureKey = itemKey(measureRef);
                const measureRow = rowByKey.get(measureKey);
                if (!measureRow) return null;
                return (
                  <TreeItem
                    key={measureKey}
                    row={measureRow}
                    labelId={`${ids}-${rows.indexOf(measureRow)}`}
                    tabbable={measureKey === tabKey}
                    selected={measureKey === currentKey}
                    lifted={
                      lift !== null && sameItem(lift.ref, measureRef) && lift.phase === 'lifted'
                    }
                    dropInto={false}
                    renaming={sameItem(renaming, measureRef)}
                    onRenameEnd={() => {
                      setRenaming(null);
                      pendingFocus.current = measureKey;
                    }}
                    onToggle={() => undefined}
                    onStartRename={() => setRenaming(measureRef)}
                    itemRef={(element) => {
                      if (element) items.current.set(measureKey, element);
                      else items.current.delete(measureKey);
                    }}
                    lineRef={(element) => {
                      if (element) lines.current.set(measureKey, element);
                      else lines.current.delete(measureKey);
                    }}
                    meta={<MeasureMeta measure={measure} today={today} />}
                    kindLabel="Measure"
                  />
                );
              })}
            {measureDraft > 0 && renderDraft('measure', node.depth + 1, size)}
            {row.expanded && node.children.map(renderNode)}
            {childDraft > 0 && renderDraft('objective', node.depth + 1, size)}
          </ul>
        )}
      </TreeItem>
    );
  };

  const draggedRow = drag?.row;
  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
      // A thin band at the edges scrolls: a row aimed at near the top stays where it is.
      autoScroll={{ threshold: { x: 0, y: 0.08 }, acceleration: 6 }}
      accessibility={{
        // The tree announces its own moves; the mouse drag needs no words of dnd-kit's.
        announcements: {
          onDragStart: () => undefined,
          onDragMove: () => undefined,
          onDragOver: () => undefined,
          onDragEnd: () => undefined,
          onDragCancel: () => undefined,
        },
        screenReaderInstructions: { draggable: '' },
      }}
    >
      <div
        ref={wrapperRef}
        className={`strategy-tree${drag ? ' strategy-tree--dragging' : ''}`}
        style={{ ['--indent' as string]: `${INDENT_PX}px` }}
      >
        <ul
          ref={treeRef}
          role="tree"
          aria-labelledby={labelledBy}
          className="strategy-tree__root"
          onKeyDown={onKeyDown}
          onFocus={onTreeFocus}
          onBlur={onTreeBlur}
        >
          {nodes.map(renderNode)}
          {draft?.kind === 'objective' &&
            draft.parentId === null &&
            renderDraft('objective', 0, nodes.length + 1)}
        </ul>
        {dropTarget?.line && (
          <div
            className="strategy-tree__drop-line"
            style={{ top: dropTarget.line.top, left: dropTarget.line.left }}
            aria-hidden="true"
          />
        )}
      </div>
      <DragOverlay dropAnimation={null}>
        {draggedRow && <div className="strategy-tree__ghost">{draggedRow.name}</div>}
      </DragOverlay>
    </DndContext>
  );
}

/** How many initiatives link to each objective or one under it. */
function linkedCounts(portfolio: Portfolio, nodes: readonly ObjectiveNode[]): Map<string, number> {
  const direct = new Map<string, Set<string>>();
  for (const initiative of portfolio.initiatives) {
    for (const link of initiative.objectives ?? []) {
      const set = direct.get(link.id) ?? new Set<string>();
      set.add(initiative.id);
      direct.set(link.id, set);
    }
  }
  const counts = new Map<string, number>();
  const walk = (node: ObjectiveNode): Set<string> => {
    const all = new Set(direct.get(node.objective.id) ?? []);
    for (const child of node.children) for (const id of walk(child)) all.add(id);
    counts.set(node.objective.id, all.size);
    return all;
  };
  nodes.forEach(walk);
  return counts;
}

function ObjectiveMeta({
  measures,
  initiatives,
}: {
  readonly measures: number;
  readonly initiatives: number;
}) {
  const parts = [
    ...(measures > 0 ? [plural(measures, 'measure', 'measures')] : []),
    ...(initiatives > 0 ? [plural(initiatives, 'initiative', 'initiatives')] : []),
  ];
  if (parts.length === 0) return null;
  return <span className="strategy-row__meta">{parts.join(' · ')}</span>;
}

function MeasureMeta({ measure, today }: { readonly measure: Measure; readonly today: string }) {
  const progress = measureProgress(measure, today);
  return (
    <span className="strategy-row__meta strategy-row__meta--measure">
      <span className="progress-bar" aria-hidden="true">
        <span
          className={`progress-bar__fill progress-bar__fill--${progress.status}`}
          style={{ width: progressWidth(progress.progress) }}
        />
      </span>
      <span className={`measure-status measure-status--${progress.status}`}>
        {MEASURE_STATUS_LABELS[progress.status]}
      </span>
    </span>
  );
}

type TreeItemProps = {
  readonly row: TreeRow;
  readonly labelId: string;
  readonly tabbable: boolean;
  readonly selected: boolean;
  readonly lifted: boolean;
  readonly dropInto: boolean;
  readonly renaming: boolean;
  readonly onRenameEnd: () => void;
  readonly onToggle: () => void;
  readonly onStartRename: () => void;
  readonly itemRef: (element: HTMLLIElement | null) => void;
  readonly lineRef: (element: HTMLDivElement | null) => void;
  readonly meta: ReactNode;
  readonly kindLabel: string;
  readonly children?: ReactNode;
};

function TreeItem({
  row,
  labelId,
  tabbable,
  selected,
  lifted,
  dropInto,
  renaming,
  onRenameEnd,
  onToggle,
  onStartRename,
  itemRef,
  lineRef,
  meta,
  kindLabel,
  children,
}: TreeItemProps) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: row.key, disabled: renaming });
  const className = [
    'strategy-row',
    `strategy-row--${row.ref.kind === 'measure' ? 'measure' : row.depth === 0 ? 'theme' : 'objective'}`,
    selected && 'strategy-row--selected',
    lifted && 'strategy-row--lifted',
    isDragging && 'strategy-row--dragging',
    dropInto && 'strategy-row--drop-into',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={itemRef}
      role="treeitem"
      className="strategy-tree__item"
      data-item-key={row.key}
      aria-level={row.depth + 1}
      aria-setsize={row.setSize}
      aria-posinset={row.position}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-labelledby={labelId}
      aria-describedby={`${labelId}-kind ${labelId}-meta`}
      tabIndex={tabbable ? 0 : -1}
    >
      <div
        ref={(element) => {
          setNodeRef(element);
          lineRef(element);
        }}
        className={className}
        style={{ ['--depth' as string]: row.depth }}
        {...listeners}
        onDoubleClick={onStartRename}
      >
        <span
          className={`strategy-row__toggle${row.expandable ? '' : ' strategy-row__toggle--leaf'}`}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            if (row.expandable) onToggle();
          }}
          onPointerDown={(event) => event.stopPropagation()}
        >
          {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
        </span>
        <span className="strategy-row__kind" id={`${labelId}-kind`}>
          {kindLabel}
        </span>
        {renaming ? (
          <RenameField row={row} labelId={labelId} onEnd={onRenameEnd} />
        ) : (
          <span className="strategy-row__name" id={labelId}>
            {row.name}
          </span>
        )}
        <span id={`${labelId}-meta`} className="strategy-row__end">
          {meta}
        </span>
      </div>
      {children}
    </li>
  );
}

/** The name of an item, typed in place: Enter or leaving the field stores it, Escape does not. */
function RenameField({
  row,
  labelId,
  onEnd,
}: {
  readonly row: TreeRow;
  readonly labelId: string;
  readonly onEnd: () => void;
}) {
  const [text, setText] = useState(row.name);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const store = async () => {
    if (done.current) return;
    const name = text.trim();
    if (name === '') {
      setError('Give it a name, or press Escape to keep the old one.');
      return;
    }
    if (name === row.name) {
      done.current = true;
      onEnd();
      return;
    }
    const { ref } = row;
    const result =
      ref.kind === 'objective'
        ? await edits.renameObjective(ref.id, name)
        : await edits.updateMeasure(ref.objectiveId, ref.id, 'name', name);
    if (!result.ok) {
      setError(problem(result));
      return;
    }
    done.current = true;
    onEnd();
  };
  return (
    <span className="strategy-row__rename" onPointerDown={(event) => event.stopPropagation()}>
      <input
        ref={inputRef}
        id={labelId}
        type="text"
        value={text}
        maxLength={200}
        aria-label={`Name of ${row.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${labelId}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void store();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            done.current = true;
            onEnd();
          }
        }}
        onBlur={() => {
          if (!done.current && text.trim() !== '') void store();
          else if (!done.current) {
            done.current = true;
            onEnd();
          }
        }}
      />
      {error && (
        <span id={`${labelId}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** A new item's name, typed where it will go: Enter adds it, Escape (or leaving it empty) not. */
function DraftItem({
  draft,
  kind,
  depth,
  setSize,
  onEnd,
}: {
  readonly draft: Draft;
  readonly kind: Draft['kind'];
  readonly depth: number;
  readonly setSize: number;
  readonly onEnd: (added: ItemRef | null) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);
  const id = useId();
  const what = kind === 'measure' ? 'measure' : depth === 0 ? 'theme' : 'objective';
  const add = async () => {
    if (done.current) return;
    const name = text.trim();
    if (name === '') {
      setError(`Name the ${what}, or press Escape.`);
      return;
    }
    done.current = true;
    const added =
      draft.kind === 'measure'
        ? await edits.addMeasure(draft.objectiveId, name)
        : await edits.createObjective(name, draft.parentId);
    if (!added) {
      done.current = false;
      setError(`The ${what} was not added: the portfolio refused it.`);
      return;
    }
    onEnd(
      draft.kind === 'measure'
        ? { kind: 'measure', objectiveId: draft.objectiveId, id: added }
        : { kind: 'objective', id: added },
    );
  };
  return (
    <li
      role="treeitem"
      className="strategy-tree__item"
      aria-level={depth + 1}
      aria-setsize={setSize}
      aria-posinset={setSize}
      aria-selected={false}
      aria-labelledby={`${id}-label`}
    >
      <div
        className={`strategy-row strategy-row--draft strategy-row--${what}`}
        style={{ ['--depth' as string]: depth }}
      >
        <span className="strategy-row__toggle strategy-row__toggle--leaf" aria-hidden="true" />
        <label id={`${id}-label`} htmlFor={id} className="strategy-row__kind">
          New {what}
        </label>
        <span className="strategy-row__rename">
          <input
            id={id}
            type="text"
            autoFocus
            value={text}
            maxLength={200}
            placeholder={`Name of the new ${what}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void add();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                done.current = true;
                onEnd(null);
              }
            }}
            onBlur={() => {
              if (done.current) return;
              if (text.trim() === '') {
                done.current = true;
                onEnd(null);
              } else void add();
            }}
          />
          {error ? (
            <span id={`${id}-error`} className="field__error" role="alert">
              {error}
            </span>
          ) : (
            <span id={`${id}-hint`} className="visually-hidden">
              Enter adds it, Escape does not.
            </span>
          )}
        </span>
      </div>
    </li>
  );
}
