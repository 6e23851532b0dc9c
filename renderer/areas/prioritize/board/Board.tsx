/** The board: the ranked stack with its cut line, and what the stack does to capacity. */
import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CutLine } from '../../../../shared/prioritize/cutline';
import { initiativeValue } from '../../../../shared/portfolio/measures';
import { pinnedSummary, pinnedTitle } from '../../../../shared/prioritize/line-wording';
import type { Initiative, Portfolio } from '../../../../shared/portfolio/types';
import { CapacityHeatmap } from '../../../charts/CapacityHeatmap';
import { moveInStack } from '../../../db/edits';
import { formatMoney, formatNumber } from '../../../format';
import { useAppStore } from '../../../state/store';
import { RankedStack, type RankedStackHandle } from './RankedStack';
import { StackCard } from './StackCard';
import {
  lineCounts,
  planMoveTo,
  viewStack,
  type StackMovePlan,
  type StackView,
} from './stack-model';

export type BoardProps = {
  readonly portfolio: Portfolio;
  readonly scenarioId: string;
  /** The scenario's stack as stored. */
  readonly stack: readonly string[];
};

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function summary(portfolio: Portfolio, view: StackView) {
  let value = 0;
  for (const initiative of portfolio.initiatives) {
    if (view.cutLine.byId.get(initiative.id)?.above) {
      value += initiativeValue(initiative, portfolio) ?? 0;
    }
  }
  const spend = view.cutLine.spend.reduce((sum, amount) => sum + amount, 0);
  // Compared with the budget only when every period has one; otherwise the totals mislead.
  const limits = portfolio.periods.map((period) => portfolio.budget?.[period.id]);
  const budget =
    limits.length > 0 && limits.every((limit) => limit !== undefined)
      ? limits.reduce<number>((sum, limit) => sum + (limit ?? 0), 0)
      : undefined;
  return { value, spend, budget };
}

/**
 * The pinned group: committed and forced-in work, placed first. Folded to one line while all of
 * it fits, so the ranked stack and its cut line keep the screen; what does not fit is always
 * shown, with the shortage named.
 */
function PinnedGroup({
  portfolio,
  pinned,
  byId,
  cutLine,
}: {
  readonly portfolio: Portfolio;
  readonly pinned: readonly string[];
  readonly byId: ReadonlyMap<string, Initiative>;
  readonly cutLine: CutLine;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const short = pinned.filter((id) => cutLine.byId.get(id)?.above === false);
  const listed = open ? pinned : short;
  return (
    <div className="stack__pinned">
      <div className="stack__pinned-head">
        <h4 className="stack__pinned-title">{pinnedTitle(pinned, byId)}</h4>
        <span className="stack__pinned-summary" data-testid="pinned-summary">
          {pinnedSummary(pinned.length, short.length)}
        </span>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide' : `Show all ${pinned.length}`}
        </button>
      </div>
      <ul className="stack__pinned-list" id={listId}>
        {listed.map((id) => {
          const initiative = byId.get(id);
          if (!initiative) return null;
          return (
            <li key={id}>
              <StackCard
                portfolio={portfolio}
                initiative={initiative}
                placement={cutLine.byId.get(id)}
                position={pinned.indexOf(id) + 1}
                fitsInGap={false}
                compact
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the stack does to capacity and budget: the figures and the heatmap. */
const BoardSide = memo(function BoardSide({
  portfolio,
  view,
  preview,
}: {
  readonly portfolio: Portfolio;
  readonly view: StackView;
  readonly preview: StackView | null;
}) {
  const shown = preview ?? view;
  const figures = summary(portfolio, shown);
  return (
    <aside className="board__side" aria-label="What fits">
      <dl className="board__figures">
        <div>
          <dt>Above the line</dt>
          <dd data-testid="figure-above">
            {shown.aboveCount} of {portfolio.initiatives.length}
          </dd>
        </div>
        {shown.gap.size > 0 && (
          <div>
            <dt>Funded in a gap</dt>
            <dd data-testid="figure-gap">{shown.gap.size}</dd>
          </div>
        )}
        <div>
          <dt>Value funded</dt>
          <dd>{formatNumber(figures.value, 0)}</dd>
        </div>
        <div>
          <dt>Spend funded</dt>
          <dd>
            {formatMoney(figures.spend, portfolio.currency)}
            {figures.budget !== undefined &&
              ` of ${formatMoney(figures.budget, portfolio.currency)}`}
          </dd>
        </div>
      </dl>
      <CapacityHeatmap
        portfolio={portfolio}
        cutLine={view.cutLine}
        {...(preview && { preview: preview.cutLine })}
      />
    </aside>
  );
});

export function Board({ portfolio, scenarioId, stack }: BoardProps) {
  const notify = useAppStore((state) => state.notify);
  // The order just dropped, shown until the stored stack catches up (no flicker back).
  const [pending, setPending] = useState<readonly string[] | null>(null);
  const [previewPlan, setPreviewPlan] = useState<StackMovePlan | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);

  // Set once a drop is stored: the next data the board receives already holds it.
  const stored = useRef<readonly string[] | null>(null);
  const stackRef = useRef<RankedStackHandle>(null);
  useEffect(() => {
    setPending((current) => {
      if (current === null) return null;
      if (sameOrder(current, stack) || stored.current === current) return null;
      return current;
    });
    stored.current = null;
  }, [stack, portfolio]);
  useEffect(() => {
    setPending(null);
    setSelected(new Set());
  }, [scenarioId]);

  const shownStack = pending ?? stack;
  const view = useMemo(() => viewStack(portfolio, shownStack), [portfolio, shownStack]);
  // The preview follows the pointer at a lower priority than the drag itself, so frames stay
  // smooth on a long stack and the heatmap catches up a moment later.
  const deferredPlan = useDeferredValue(previewPlan);
  const preview = useMemo(
    () => (deferredPlan ? viewStack(portfolio, deferredPlan.stack) : null),
    [portfolio, deferredPlan],
  );
  const byId = useMemo(
    () => new Map(portfolio.initiatives.map((item) => [item.id, item])),
    [portfolio],
  );

  const commit = (plan: StackMovePlan) => {
    setPending(plan.stack);
    void moveInStack({ scenarioId, ids: plan.moved, before: plan.before }).then(
      (result) => {
        if (!result.ok) {
          setPending(null);
          notify('error', `The move was not stored: ${result.problems[0]?.message ?? ''}`);
          return;
        }
        // Stored: the next update of the data shows it (or what came after it, such as an
        // undo made at once), so the dropped order need not be held beyond that.
        stored.current = plan.stack;
      },
      (error: unknown) => {
        setPending(null);
        notify('error', `The move was not stored: ${String((error as Error).message ?? error)}`);
      },
    );
  };

  const onToggleSelected = (id: string, extend: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (extend && anchor !== null && anchor !== id) {
        const from = view.rankable.indexOf(anchor);
        const to = view.rankable.indexOf(id);
        if (from >= 0 && to >= 0) {
          const [low, high] = from < to ? [from, to] : [to, from];
          for (const other of view.rankable.slice(low, high + 1)) next.add(other);
          return next;
        }
      }
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(id);
  };

  const moveSelection = (to: 'top' | 'bottom') => {
    const plan = planMoveTo(shownStack, selected, to);
    if (plan) {
      commit(plan);
      notify(
        'info',
        `Moved ${plan.moved.length} card${plan.moved.length === 1 ? '' : 's'} to the ${to}.`,
      );
    }
  };

  const shown = preview ?? view;

  if (portfolio.initiatives.length === 0) {
    return (
      <div className="empty-state">
        <h3>No initiatives to rank yet</h3>
        <p>
          Add initiatives in <a href="#/portfolio/initiatives">Portfolio → Initiatives</a>, then
          drag them into order here.
        </p>
      </div>
    );
  }

  return (
    <div className="board">
      {/* First in the board, so the stack is one key press away past the toolbar and pinned. */}
      <a
        className="skip-link"
        href="#ranked-stack"
        onClick={(event) => {
          event.preventDefault();
          stackRef.current?.focus();
        }}
      >
        Skip to ranked stack
      </a>
      <section className="board__stack" aria-labelledby="stack-title">
        <div className="board__toolbar">
          <h3 id="stack-title">Ranked stack</h3>
          <p className="board__counts" role="status" data-testid="stack-counts">
            {lineCounts(shown)}
          </p>
        </div>
        {view.pinned.length > 0 && (
          <PinnedGroup
            portfolio={portfolio}
            pinned={view.pinned}
            byId={byId}
            cutLine={shown.cutLine}
          />
        )}
        <RankedStack
          ref={stackRef}
          portfolio={portfolio}
          view={view}
          preview={preview}
          selected={selected}
          onToggleSelected={onToggleSelected}
          onPreview={setPreviewPlan}
          onDrop={(plan) => commit(plan)}
        />
        {selected.size > 0 && (
          // Right after the stack in the Tab order: from a ticked card, two Tabs reach it.
          <div className="board__actions" role="toolbar" aria-label="Selected cards">
            <span className="board__selection">{selected.size} selected</span>
            <button type="button" className="button" onClick={() => moveSelection('top')}>
              Move to top
            </button>
            <button type="button" className="button" onClick={() => moveSelection('bottom')}>
              Move to bottom
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setSelected(new Set());
                // The toolbar goes with the selection: focus goes back to the stack.
                stackRef.current?.focus();
              }}
            >
              Clear
            </button>
          </div>
        )}
      </section>
      <BoardSide portfolio={portfolio} view={view} preview={preview} />
    </div>
  );
}
