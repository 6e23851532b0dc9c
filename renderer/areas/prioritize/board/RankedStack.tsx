/**
 * The ranked stack: a virtualized sortable list (dnd-kit) of the rankable cards, dragged by a
 * handle button with the mouse or the keyboard, with the cut line drawn where the stack stops
 * fitting. While a card is dragged, the parent gets the stack as it would be if dropped there.
 * One card is in the Tab order at a time (the arrow keys move between cards), and focus stays on
 * a card when a drop or an undo moves it out of the rows drawn.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type AutoScrollOptions,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { computeCutLine, describeReason } from '../../../../shared/prioritize/cutline';
import type { Initiative, Portfolio } from '../../../../shared/portfolio/types';
import { lineCounts, planDrop, type StackMovePlan, type StackView } from './stack-model';
import { StackCard, placementText } from './StackCard';

/** Marks a drag that has ended, for the announcements. */
const ENDED = '\u0000ended';

/** Height of one card row, gap included; rows have a fixed height so the list can be virtual. */
export const ROW_HEIGHT = 68;

/** What the board can ask of the stack: focus its current card (the skip link). */
export type RankedStackHandle = { readonly focus: () => void };

export type RankedStackProps = {
  readonly ref?: Ref<RankedStackHandle>;
  readonly portfolio: Portfolio;
  /** The stack as stored (or as just dropped). */
  readonly view: StackView;
  /** The stack as it would be if the dragged card were dropped where it hovers. */
  readonly preview: StackView | null;
  readonly selected: ReadonlySet<string>;
  readonly onToggleSelected: (id: string, extend: boolean) => void;
  readonly onPreview: (plan: StackMovePlan | null) => void;
  readonly onDrop: (plan: StackMovePlan) => void;
};

type Rect = { readonly top: number; readonly left: number };

/** The parts of a card that take focus, by their selector. */
const CARD_PARTS = {
  handle: '.stack-card__handle',
  select: '.stack-card__select',
  name: '.stack-card__name',
} as const;
type CardPart = keyof typeof CARD_PARTS;

type FocusedPart = { readonly id: string; readonly part: CardPart };

/** The card and part `element` belongs to, when it is one of a stack card's focusable parts. */
function focusedPart(element: EventTarget | null): FocusedPart | null {
  if (!(element instanceof Element)) return null;
  const id = element.closest('[data-initiative-id]')?.getAttribute('data-initiative-id');
  if (!id) return null;
  const part = (Object.keys(CARD_PARTS) as CardPart[]).find((key) =>
    element.matches(CARD_PARTS[key]),
  );
  return part ? { id, part } : null;
}

/**
 * The auto-scroll band at the stack's edges, as dnd-kit wants it: a share of the box's height.
 * A thin band (about a third of a row): a card aimed at near the top edge stays where it is
 * instead of the stack scrolling away under the pointer.
 */
export const AUTO_SCROLL_BAND_PX = 24;

export function autoScrollFor(boxHeight: number): AutoScrollOptions {
  const share = boxHeight > 0 ? Math.min(0.2, AUTO_SCROLL_BAND_PX / boxHeight) : 0.05;
  return { threshold: { x: 0, y: share }, acceleration: 4 };
}

/**
 * The row under the pointer, from the list's position on screen now and the fixed row height:
 * exact while the stack scrolls, where measured rectangles of a virtual list lag behind.
 */
export function rowAtPointer(pointerY: number, listTop: number, count: number): number {
  return Math.min(Math.max(Math.floor((pointerY - listTop) / ROW_HEIGHT), 0), count - 1);
}

/**
 * Where row `index` is: measured when its row is in the page; otherwise worked out from the
 * nearest measured row, since every row has the same height.
 */
function rowRect(
  order: readonly string[],
  index: number,
  rects: ReadonlyMap<string | number, Rect>,
): Rect | undefined {
  for (let distance = 0; distance < order.length; distance += 1) {
    for (const near of [index - distance, index + distance]) {
      const rect = near >= 0 ? rects.get(order[near] as string) : undefined;
      if (rect) return { top: rect.top + (index - near) * ROW_HEIGHT, left: rect.left };
    }
  }
  return undefined;
}

type SortableRowProps = {
  readonly id: string;
  readonly top: number;
  readonly setSize: number;
  /** 1-based place of the row in the whole list (most rows are not in the page). */
  readonly position: number;
  readonly children: (handle: {
    ref: (node: HTMLButtonElement | null) => void;
    props: Record<string, unknown>;
    dragging: boolean;
  }) => React.ReactNode;
};

const SortableRow = memo(function SortableRow({
  id,
  top,
  setSize,
  position,
  children,
}: SortableRowProps) {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      className="stack__row"
      aria-setsize={setSize}
      aria-posinset={position}
      style={{ top, transform: CSS.Translate.toString(transform), transition }}
    >
      {children({
        ref: setActivatorNodeRef,
        props: { ...attributes, ...listeners },
        dragging: isDragging,
      })}
    </li>
  );
});

export function RankedStack({
  ref,
  portfolio,
  view,
  preview,
  selected,
  onToggleSelected,
  onPreview,
  onDrop,
}: RankedStackProps) {
  const byId = useMemo(
    () => new Map<string, Initiative>(portfolio.initiatives.map((item) => [item.id, item])),
    [portfolio],
  );
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastPlan = useRef<StackMovePlan | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const ids = view.rankable;
  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId);
  // The card in the Tab order: the one focused last, else the first.
  const [currentId, setCurrentId] = useState<string | null>(null);
  const currentIndex = Math.max(currentId === null ? 0 : ids.indexOf(currentId), 0);
  const current = ids[currentIndex];

  // The dragged card's row stays mounted while it is scrolled out of view, or dnd-kit loses it;
  // so does the current card's, or Tab would skip the stack.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const kept of [activeIndex, currentIndex]) {
        if (kept >= 0 && kept < range.count && !indexes.includes(kept)) indexes.push(kept);
      }
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, currentIndex],
  );
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Enough rows for a first paint before the list has been measured.
    initialRect: { width: 640, height: 800 },
    rangeExtractor,
  });

  // ---- Focus: one card in the Tab order, arrows between cards, focus kept across moves ----
  /** The card part focused last, while focus is meant to be in the stack. */
  const lastFocused = useRef<FocusedPart | null>(null);
  const pendingFocus = useRef<FocusedPart | null>(null);
  const [, setFocusRound] = useState(0);
  const partElement = (want: FocusedPart): HTMLElement | null => {
    const id = want.id.replace(/["\\]/g, '\\$&');
    const found = listRef.current?.querySelector(
      `[data-initiative-id="${id}"] ${CARD_PARTS[want.part]}`,
    );
    return found instanceof HTMLElement ? found : null;
  };
  /** Focuses a card's part, scrolling its row into the drawn ones first when it is not. */
  const focusCard = (want: FocusedPart) => {
    const index = ids.indexOf(want.id);
    if (index < 0) return;
    const element = partElement(want);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (element) {
      element.focus();
      return;
    }
    pendingFocus.current = want;
    setFocusRound((round) => round + 1);
  };
  useImperativeHandle(ref, () => ({
    focus: () => {
      if (current !== undefined) focusCard({ id: current, part: 'handle' });
    },
  }));
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (want) {
      const element = partElement(want);
      if (element) {
        pendingFocus.current = null;
        element.focus();
      }
      return;
    }
    // A drop or an undo took the focused card's row out of the page: focus follows the card.
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (lost && lastFocused.current && activeId === null) focusCard(lastFocused.current);
  });
  // Focus leaves the stack on purpose when it moves to something else or the user clicks away.
  useLayoutEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!listRef.current?.contains(event.target as Node)) lastFocused.current = null;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);
  const onListFocus = (event: FocusEvent) => {
    const part = focusedPart(event.target);
    if (!part) return;
    lastFocused.current = part;
    setCurrentId(part.id);
  };
  const onListBlur = (event: FocusEvent) => {
    // No next target: the row may be leaving the page under the focus; that is not leaving.
    const next = event.relatedTarget;
    if (next instanceof Node && !listRef.current?.contains(next)) lastFocused.current = null;
  };
  const onListKeyDown = (event: KeyboardEvent) => {
    // While a card is lifted, the arrows move it (dnd-kit's keyboard sensor has them).
    if (activeId !== null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const from = focusedPart(event.target);
    if (!from) return;
    const index = ids.indexOf(from.id);
    const target =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? ids.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    const id = ids[Math.min(Math.max(target, 0), ids.length - 1)];
    if (id !== undefined) focusCard({ id, part: from.part });
  };

  // ---- Pointer drops: the row under the pointer, and a thin auto-scroll band ----
  const collisionDetection = useCallback<CollisionDetection>((args) => {
    const list = listRef.current;
    const pointer = args.pointerCoordinates;
    const order = idsRef.current;
    if (!list || !pointer || keyboardTarget.current >= 0 || order.length === 0) {
      return closestCenter(args);
    }
    const id = order[rowAtPointer(pointer.y, list.getBoundingClientRect().top, order.length)];
    return id !== undefined && args.droppableContainers.some((container) => container.id === id)
      ? [{ id }]
      : closestCenter(args);
  }, []);
  const boxHeight = virtualizer.scrollRect?.height ?? 0;
  const autoScroll = useMemo(() => autoScrollFor(boxHeight), [boxHeight]);

  // Arrow keys step through the stack by index, not from where the card was last drawn, so
  // that presses faster than the screen updates are not lost. During a keyboard drag that index
  // alone decides the preview, the announcements and the drop, so they always agree.
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const keyboardTarget = useRef(-1);
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, args) => {
    const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
    const { active, droppableRects } = args.context;
    if (step === 0 || !active) return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const order = idsRef.current;
    if (keyboardTarget.current < 0) keyboardTarget.current = order.indexOf(String(active.id));
    const target = Math.min(Math.max(keyboardTarget.current + step, 0), order.length - 1);
    keyboardTarget.current = target;
    const rect = rowRect(order, target, droppableRects);
    return rect ? { x: rect.left, y: rect.top } : undefined;
  }, []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const shown = preview ?? view;
  const shownIndex = useMemo(
    () => new Map(shown.rankable.map((id, index) => [id, index])),
    [shown.rankable],
  );
  const pinnedCount = view.pinned.length;

  const planFor = useCallback(
    (active: string, over: string | null) =>
      over === null ? null : planDrop(view.stack, active, over, selected),
    [view.stack, selected],
  );

  const describeAt = useCallback(
    (active: string, over: string | null): string => {
      const name = byId.get(active)?.name ?? active;
      const plan = planFor(active, over);
      const stack = plan?.stack ?? view.stack;
      const pinned = new Set(view.pinned);
      const position = pinned.size + stack.filter((id) => !pinned.has(id)).indexOf(active) + 1;
      const others = plan && plan.moved.length > 1 ? ` with ${plan.moved.length - 1} more` : '';
      // From the stack being announced, not the preview on screen, which may lag a step.
      const placement = plan
        ? computeCutLine(portfolio, plan.stack).byId.get(active)
        : view.cutLine.byId.get(active);
      const where = placement?.above
        ? `above the line, ${placementText(portfolio, placement)}`
        : placement
          ? `below the line: ${describeReason(placement.reason, portfolio)}`
          : '';
      return `${name}${others} is at position ${position} of ${stack.length}; ${where}.`;
    },
    [byId, planFor, portfolio, view],
  );

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${byId.get(String(active.id))?.name ?? active.id}. Use the arrow keys to move, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      announceMove(String(active.id), over ? String(over.id) : null),
    onDragMove: ({ active, over }) =>
      announceMove(String(active.id), over ? String(over.id) : null),
    onDragEnd: ({ active, over }) => {
      const said = `Dropped. ${describeAt(String(active.id), targetOf(over ? String(over.id) : null))}`;
      announcedTarget.current = ENDED;
      return said;
    },
    onDragCancel: ({ active }) => {
      announcedTarget.current = ENDED;
      return `Cancelled. ${byId.get(String(active.id))?.name ?? active.id} is back where it was.`;
    },
  };

  const onDragStart = (event: DragStartEvent) => {
    keyboardTarget.current = -1;
    announcedTarget.current = String(event.active.id);
    setActiveId(String(event.active.id));
    lastPlan.current = null;
  };
  /** The card the drag is over: after arrow keys, the card they stepped to (the screen may lag). */
  const targetOf = (over: string | null): string | null =>
    keyboardTarget.current >= 0 ? (ids[keyboardTarget.current] ?? null) : over;
  /** Says where the card is when the card it would land at changes; nothing otherwise. */
  const announcedTarget = useRef<string | null>(null);
  const announceMove = (active: string, over: string | null): string | undefined => {
    const target = targetOf(over);
    // A move reported late, after the drop, must not talk over "Dropped".
    if (announcedTarget.current === ENDED || target === announcedTarget.current) return undefined;
    announcedTarget.current = target;
    return describeAt(active, target);
  };
  /** Shows the stack as it would be if dropped at the current target. */
  const onDragOver = (event: DragOverEvent | DragMoveEvent) => {
    const plan = planFor(
      String(event.active.id),
      targetOf(event.over ? String(event.over.id) : null),
    );
    if (plan?.stack.join('\n') === lastPlan.current?.stack.join('\n')) return;
    lastPlan.current = plan;
    onPreview(plan);
  };
  // A pointer drag changes its target only when `over` changes; an arrow key press changes it
  // on its move, even when the row it steps to is not drawn yet.
  const onKeyboardMove = (event: DragMoveEvent) => {
    if (keyboardTarget.current >= 0) onDragOver(event);
  };
  const onDragEnd = (event: DragEndEvent) => {
    const plan = planFor(
      String(event.active.id),
      targetOf(event.over ? String(event.over.id) : null),
    );
    setActiveId(null);
    onPreview(null);
    if (plan) onDrop(plan);
  };
  const onDragCancel = () => {
    setActiveId(null);
    onPreview(null);
  };

  const activeInitiative = activeId === null ? undefined : byId.get(activeId);
  const movingCount = activeId !== null && selected.has(activeId) ? selected.size : 1;
  const lineTop = shown.lineIndex * ROW_HEIGHT;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      autoScroll={autoScroll}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragMove={onKeyboardMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'The up and down arrow keys go from card to card, Home and End to the first and last. To move a card, press Space to pick it up, the up and down arrow keys to move it, Space again to drop it, or Escape to cancel.',
        },
      }}
    >
      <SortableContext items={ids as string[]} strategy={verticalListSortingStrategy}>
        <div className="stack__scroll" ref={scrollRef} data-testid="stack-scroll">
          <ol
            ref={listRef}
            id="ranked-stack"
            className="stack__list"
            aria-label="Ranked initiatives"
            onFocus={onListFocus}
            onBlur={onListBlur}
            onKeyDown={onListKeyDown}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const id = ids[item.index] as string;
              const initiative = byId.get(id);
              if (!initiative) return null;
              const index = shownIndex.get(id) ?? item.index;
              const placement = shown.cutLine.byId.get(id);
              return (
                <SortableRow
                  key={id}
                  id={id}
                  top={item.start}
                  setSize={ids.length}
                  position={item.index + 1}
                >
                  {(handle) => (
                    <StackCard
                      portfolio={portfolio}
                      initiative={initiative}
                      placement={placement}
                      position={pinnedCount + index + 1}
                      fitsInGap={shown.gap.has(id)}
                      selected={selected.has(id)}
                      onToggleSelected={onToggleSelected}
                      handle={{
                        ref: handle.ref,
                        props: { ...handle.props, tabIndex: id === current ? 0 : -1 },
                      }}
                      tabbable={id === current}
                      dragging={handle.dragging}
                    />
                  )}
                </SortableRow>
              );
            })}
          </ol>
          {ids.length > 0 && (
            <div
              className="cut-line"
              style={{ top: lineTop }}
              data-testid="cut-line"
              data-index={shown.lineIndex}
              aria-hidden="true"
            >
              <span className="cut-line__label">Cut line · {lineCounts(shown)}</span>
            </div>
          )}
        </div>
      </SortableContext>
      <DragOverlay dropAnimation={null}>
        {activeInitiative ? (
          <div className="stack__overlay">
            <StackCard
              portfolio={portfolio}
              initiative={activeInitiative}
              placement={shown.cutLine.byId.get(activeInitiative.id)}
              position={pinnedCount + (shownIndex.get(activeInitiative.id) ?? 0) + 1}
              fitsInGap={false}
              overlay
            />
            {movingCount > 1 && <span className="stack__overlay-count">{movingCount} cards</span>}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
