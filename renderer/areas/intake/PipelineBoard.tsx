/**
 * The intake pipeline: one column per stage (named as the PMO set them), each proposal a card.
 * Cards move between stages by their handle, with the mouse or the keyboard (Space picks a card
 * up, the left and right arrow keys choose a stage, Space drops, Escape cancels), with dnd-kit as
 * on the Prioritize board. A move the pipeline allows is made at once (submit, take into
 * screening, bring back); a move that is a gate decision (approve, defer, reject, send back) opens
 * its dialog; a move it does not allow is refused with the reason.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { canMove } from '../../../shared/intake/stages';
import {
  INTAKE_STAGES,
  stageLabel,
  type IntakeSettings,
  type IntakeStage,
  type Proposal,
} from '../../../shared/intake/types';
import { plural } from '../../../shared/format';
import type { Portfolio } from '../../../shared/portfolio/types';
import { localToday } from '../../format';
import { useAppStore } from '../../state/store';
import {
  GateDecisionDialog,
  moveDirectly,
  settingsOf,
  stageMove,
  type GateDecisionRequest,
} from './DecisionDialogs';
import { cardFacts, ProposalCard, type CardFacts } from './ProposalCard';

const COLUMN_PREFIX = 'stage:';

function columnId(stage: IntakeStage): string {
  return `${COLUMN_PREFIX}${stage}`;
}

function stageOfColumn(id: string | number | undefined | null): IntakeStage | null {
  if (typeof id !== 'string' || !id.startsWith(COLUMN_PREFIX)) return null;
  const stage = id.slice(COLUMN_PREFIX.length);
  return (INTAKE_STAGES as readonly string[]).includes(stage) ? (stage as IntakeStage) : null;
}

/** Pointer drops go to the column under the pointer, else the one the card overlaps most. */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

/** What dropping `proposal` on `stage` would do, in words, for the announcements. */
export function dropText(proposal: Proposal, stage: IntakeStage, settings: IntakeSettings): string {
  const into = stageLabel(settings, stage);
  if (stage === proposal.stage) return `${into}, where it is now: dropping leaves it there.`;
  const move = stageMove(proposal, stage, settings);
  if (move.kind === 'refused') return `${into}: ${move.message}`;
  if (move.kind === 'direct') return `${into}: dropping moves it there.`;
  const verb =
    move.request.kind === 'approve'
      ? 'approve it'
      : move.request.kind === 'defer'
        ? 'defer it'
        : move.request.kind === 'reject'
          ? 'reject it'
          : 'send it back';
  return `${into}: dropping opens the dialog to ${verb}, with its rationale.`;
}

type ColumnState = 'idle' | 'home' | 'allowed' | 'decision' | 'refused';

function columnState(
  active: Proposal | undefined,
  stage: IntakeStage,
  settings: IntakeSettings,
): ColumnState {
  if (!active) return 'idle';
  if (stage === active.stage) return 'home';
  if (!canMove(active.stage, stage)) return 'refused';
  return stageMove(active, stage, settings).kind === 'decision' ? 'decision' : 'allowed';
}

const COLUMN_HINTS: Readonly<Record<ColumnState, string>> = {
  idle: '',
  home: 'Where it is',
  allowed: 'Drop to move',
  decision: 'Drop to decide',
  refused: 'Not from here',
};

type ColumnProps = {
  readonly stage: IntakeStage;
  readonly settings: IntakeSettings;
  readonly proposals: readonly Proposal[];
  readonly facts: ReadonlyMap<string, CardFacts>;
  readonly state: ColumnState;
  readonly over: boolean;
  readonly activeId: string | null;
};

function Column({ stage, settings, proposals, facts, state, over, activeId }: ColumnProps) {
  const { setNodeRef } = useDroppable({ id: columnId(stage) });
  const label = stageLabel(settings, stage);
  const headingId = `intake-column-${stage}`;
  const classes = [
    'pipeline__column',
    `pipeline__column--${stage}`,
    state !== 'idle' && `pipeline__column--${state}`,
    over && 'pipeline__column--over',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section ref={setNodeRef} className={classes} aria-labelledby={headingId} data-stage={stage}>
      <h3 id={headingId} className="pipeline__heading">
        <span className="pipeline__label">{label}</span>
        <span className="pipeline__count" aria-label={plural(proposals.length, 'proposal')}>
          {proposals.length}
        </span>
      </h3>
      {state !== 'idle' && state !== 'home' && (
        <p className="pipeline__hint" aria-hidden="true">
          {COLUMN_HINTS[state]}
        </p>
      )}
      {proposals.length === 0 ? (
        <p className="pipeline__empty">No proposals</p>
      ) : (
        <ul className="pipeline__cards" aria-labelledby={headingId}>
          {proposals.map((proposal) => (
            <DraggableCard
              key={proposal.id}
              proposal={proposal}
              facts={facts.get(proposal.id)}
              settings={settings}
              lifted={proposal.id === activeId}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DraggableCard({
  proposal,
  facts,
  settings,
  lifted,
}: {
  readonly proposal: Proposal;
  readonly facts: CardFacts | undefined;
  readonly settings: IntakeSettings;
  readonly lifted: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({
    id: proposal.id,
  });
  const handle = useMemo(
    () => ({ ref: setActivatorNodeRef, props: { ...attributes, ...listeners } }),
    [setActivatorNodeRef, attributes, listeners],
  );
  return (
    <li ref={setNodeRef} className="pipeline__item">
      <ProposalCard
        proposal={proposal}
        facts={facts}
        settings={settings}
        handle={handle}
        dragging={lifted}
      />
    </li>
  );
}

export function PipelineBoard({ portfolio }: { readonly portfolio: Portfolio }) {
  const settings = settingsOf(portfolio);
  const scenarioId = useAppStore((state) => state.location.scenarioId);
  const proposals = useMemo(() => portfolio.proposals ?? [], [portfolio.proposals]);
  const byId = useMemo(
    () => new Map(proposals.map((proposal) => [proposal.id, proposal])),
    [proposals],
  );
  const today = localToday();
  const facts = useMemo(() => cardFacts(portfolio, settings, today), [portfolio, settings, today]);
  const byStage = useMemo(() => {
    const lists = new Map<IntakeStage, Proposal[]>(INTAKE_STAGES.map((stage) => [stage, []]));
    for (const proposal of proposals) lists.get(proposal.stage)?.push(proposal);
    return lists;
  }, [proposals]);

  const [activeId, setActiveId] = useState<string | null>(null);
  const [overStage, setOverStage] = useState<IntakeStage | null>(null);
  const [request, setRequest] = useState<GateDecisionRequest | null>(null);
  const active = activeId === null ? undefined : byId.get(activeId);

  // ---- Focus follows a moved card into its new column, and comes back after a dialog ----
  const boardRef = useRef<HTMLDivElement>(null);
  /** The card whose handle had the focus last, while the focus is meant to be on the board. */
  const lastFocused = useRef<string | null>(null);
  /** The card to focus once the dialog it opened has closed. */
  const pendingFocus = useRef<string | null>(null);
  const handleOf = (id: string) => {
    const escaped = id.replace(/["\\]/g, '\\$&');
    return boardRef.current?.querySelector<HTMLElement>(
      `[data-proposal-id="${escaped}"] .proposal-card__handle`,
    );
  };
  useLayoutEffect(() => {
    if (request !== null) return;
    const pending = pendingFocus.current;
    if (pending !== null) {
      const handle = handleOf(pending);
      if (handle) {
        pendingFocus.current = null;
        lastFocused.current = pending;
        handle.focus();
      }
      return;
    }
    // A move took the focused card's handle out of the page (into another column): the focus
    // follows the card.
    const focused = document.activeElement;
    if ((focused === null || focused === document.body) && lastFocused.current !== null) {
      handleOf(lastFocused.current)?.focus();
    }
  });
  useLayoutEffect(() => {
    // The focus leaves the board on purpose when the user clicks elsewhere.
    const onPointerDown = () => {
      lastFocused.current = null;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);
  const onBoardFocus = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof Element) || !target.matches('.proposal-card__handle')) return;
    lastFocused.current =
      target.closest('[data-proposal-id]')?.getAttribute('data-proposal-id') ?? null;
  };
  const onBoardBlur = (event: FocusEvent) => {
    // No next target: the handle may be leaving the page under the focus; that is not leaving.
    const next = event.relatedTarget;
    if (next instanceof Node && !boardRef.current?.contains(next)) lastFocused.current = null;
  };

  // ---- Keyboard: the left and right arrows step through the stages by index ----
  const keyboardTarget = useRef(-1);
  const activeStage = useRef<IntakeStage | null>(null);
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, args) => {
    const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || !activeStage.current) return undefined;
    event.preventDefault();
    const from =
      keyboardTarget.current >= 0
        ? keyboardTarget.current
        : INTAKE_STAGES.indexOf(activeStage.current);
    const target = Math.min(Math.max(from + step, 0), INTAKE_STAGES.length - 1);
    keyboardTarget.current = target;
    const stage = INTAKE_STAGES[target] as IntakeStage;
    setOverStage(stage);
    const rect = args.context.droppableRects.get(columnId(stage));
    return rect
      ? { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + 24 }
      : args.currentCoordinates;
  }, []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  /** The stage a drag is over: the one the arrow keys stepped to, else the one under it. */
  const targetOf = (over: string | number | null | undefined): IntakeStage | null =>
    keyboardTarget.current >= 0
      ? (INTAKE_STAGES[keyboardTarget.current] ?? null)
      : stageOfColumn(over);

  const announced = useRef<IntakeStage | null>(null);
  const titleOf = (id: string | number) => {
    const proposal = byId.get(String(id));
    return proposal?.title.trim() || 'Untitled proposal';
  };
  const announceOver = (id: string | number, over: string | number | null | undefined) => {
    const proposal = byId.get(String(id));
    const target = targetOf(over);
    if (!proposal || !target || target === announced.current) return undefined;
    announced.current = target;
    return dropText(proposal, target, settings);
  };
  const announcements: Announcements = {
    onDragStart: ({ active: dragged }) => {
      const proposal = byId.get(String(dragged.id));
      const stage = proposal ? stageLabel(settings, proposal.stage) : '';
      return `Picked up ${titleOf(dragged.id)}, in ${stage}. The left and right arrow keys choose a stage, Space drops it there, Escape cancels.`;
    },
    onDragOver: ({ active: dragged, over }) => announceOver(dragged.id, over?.id),
    onDragMove: ({ active: dragged, over }) => announceOver(dragged.id, over?.id),
    onDragEnd: ({ active: dragged, over }) => {
      const proposal = byId.get(String(dragged.id));
      const target = targetOf(over?.id);
      if (!proposal || !target || target === proposal.stage) {
        return `Dropped. ${titleOf(dragged.id)} stays where it was.`;
      }
      return `Dropped on ${dropText(proposal, target, settings)}`;
    },
    onDragCancel: ({ active: dragged }) => `Cancelled. ${titleOf(dragged.id)} stays where it was.`,
  };

  const onDragStart = (event: DragStartEvent) => {
    const id = String(event.active.id);
    keyboardTarget.current = -1;
    activeStage.current = byId.get(id)?.stage ?? null;
    announced.current = activeStage.current;
    setActiveId(id);
    setOverStage(activeStage.current);
  };
  const onDragOver = (event: DragOverEvent | DragMoveEvent) => {
    if (keyboardTarget.current >= 0) return;
    setOverStage(stageOfColumn(event.over?.id));
  };
  const finish = () => {
    setActiveId(null);
    setOverStage(null);
    activeStage.current = null;
  };
  const onDragEnd = (event: DragEndEvent) => {
    const proposal = byId.get(String(event.active.id));
    const target = targetOf(event.over?.id);
    keyboardTarget.current = -1;
    finish();
    if (!proposal) return;
    if (!target || target === proposal.stage) return;
    const move = stageMove(proposal, target, settings);
    if (move.kind === 'refused') {
      useAppStore.getState().notify('error', move.message);
      return;
    }
    if (move.kind === 'decision') {
      pendingFocus.current = proposal.id;
      setRequest(move.request);
      return;
    }
    void moveDirectly(proposal, move.to, settings);
  };
  const onDragCancel = () => {
    keyboardTarget.current = -1;
    finish();
  };

  return (
    <div className="pipeline" ref={boardRef} onFocus={onBoardFocus} onBlur={onBoardBlur}>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragMove={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move a proposal to another stage, press Space to pick it up, the left and right arrow keys to choose the stage, Space again to drop it, or Escape to cancel. A gate decision opens its dialog.',
          },
        }}
      >
        <div className="pipeline__columns">
          {INTAKE_STAGES.map((stage) => (
            <Column
              key={stage}
              stage={stage}
              settings={settings}
              proposals={byStage.get(stage) ?? []}
              facts={facts}
              state={columnState(active, stage, settings)}
              over={active !== undefined && overStage === stage && stage !== active.stage}
              activeId={activeId}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <ProposalCard
              proposal={active}
              facts={facts.get(active.id)}
              settings={settings}
              overlay
            />
          ) : null}
        </DragOverlay>
      </DndContext>
      {request && (
        <GateDecisionDialog
          portfolio={portfolio}
          request={request}
          scenarioId={scenarioId}
          onClose={() => {
            pendingFocus.current = request.proposalId;
            setRequest(null);
          }}
        />
      )}
    </div>
  );
}
