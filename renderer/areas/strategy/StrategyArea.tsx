/**
 * The Strategy area: the tree of themes → objectives (any depth) → success measures, edited in
 * place, with the details of the chosen item beside it. Every edit is a named operation through
 * the edit API, so each is checked, kept in the history and undone with Ctrl+Z.
 */
import { plural } from '../../../shared/format';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Portfolio } from '../../../shared/portfolio/types';
import { objectiveDeletion } from '../../../shared/store/operations/objectives';
import { askUser } from '../../components/dialogs';
import * as edits from '../../db/edits';
import { localToday } from '../../format';
import { TabList } from '../../components/TabList';
import { STRATEGY_VIEWS, type StrategyView } from '../../state/slices/navigationSlice';
import { useAppStore } from '../../state/store';
import { AlignmentView } from './alignment/AlignmentView';
import { ScoringView } from './scoring/ScoringView';
import { WeightsView } from './weights/WeightsView';
import { MeasureDetails, ObjectiveDetails } from './StrategyDetails';
import { StrategyTree, type Draft, type StrategyTreeHandle } from './StrategyTree';
import { itemKey, type ItemRef } from './strategy-tree';
import './strategy.css';

/** The question asked before deleting an objective: what links to it, and what moves. */
function deletionQuestion(portfolio: Portfolio, id: string) {
  const objective = portfolio.objectives.find((entry) => entry.id === id);
  const parent = portfolio.objectives.find((entry) => entry.id === objective?.parentId);
  const what = objective?.parentId ? 'objective' : 'theme';
  const counts = objectiveDeletion(portfolio, id);
  const sentences = [
    counts.linkedInitiatives === 0
      ? `No initiative links to it.`
      : `${plural(counts.linkedInitiatives, 'initiative links', 'initiatives link')} to it and will lose that link.`,
  ];
  if (counts.linkedBelow > 0) {
    sentences.push(
      `${plural(counts.linkedBelow, 'more initiative links', 'more initiatives link')} to the objectives under it; those links stay.`,
    );
  }
  if (counts.children > 0) {
    sentences.push(
      `${counts.children === 1 ? 'Its objective moves' : `Its ${counts.children} objectives move`} up ${
        parent ? `under “${parent.name}”` : 'to become themes'
      }.`,
    );
  }
  if (counts.measures > 0) {
    sentences.push(
      `${counts.measures === 1 ? 'Its measure is' : `Its ${counts.measures} measures are`} deleted with it.`,
    );
  }
  sentences.push('You can undo this with Ctrl+Z.');
  return {
    title: `Delete ${what} “${objective?.name ?? id}”?`,
    body: sentences.join(' '),
    actions: [
      { id: 'delete', label: 'Delete', primary: true },
      { id: 'cancel', label: 'Cancel' },
    ],
  };
}

const VIEW_LABELS: Readonly<Record<StrategyView, string>> = {
  tree: 'Tree',
  weights: 'Weights',
  scoring: 'Scoring',
  alignment: 'Alignment',
};

/**
 * The Strategy area: the tree, the objectives' weights, the scoring model with its grid, and how
 * the portfolio aligns with the strategy, one tab each.
 */
export function StrategyArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const view = useAppStore((state) => state.location.strategyView);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <section className="area strategy" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Strategy</h2>
        <TabList
          label="Strategy sections"
          tabs={STRATEGY_VIEWS}
          labels={VIEW_LABELS}
          selected={view}
          onSelect={(id) => navigate({ strategyView: id })}
        />
      </div>
      <div
        role="tabpanel"
        id={`panel-${view}`}
        aria-labelledby={`tab-${view}`}
        className="area__panel"
      >
        {view === 'tree' && <TreeView portfolio={portfolio} />}
        {view === 'weights' && <WeightsView portfolio={portfolio} />}
        {view === 'scoring' && <ScoringView portfolio={portfolio} />}
        {view === 'alignment' && <AlignmentView portfolio={portfolio} />}
      </div>
    </section>
  );
}

/** The tree of themes, objectives and measures, with the chosen item's details beside it. */
function TreeView({ portfolio }: { readonly portfolio: Portfolio }) {
  const notify = useAppStore((state) => state.notify);
  const [current, setCurrent] = useState<ItemRef | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [draft, setDraft] = useState<Draft | null>(null);
  /** The first theme, added from the empty state: the tree stays until the portfolio has it. */
  const [firstAdded, setFirstAdded] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** The item whose details take the focus once shown (Enter on it in the tree). */
  const [opening, setOpening] = useState<string | null>(null);
  const opened = useCallback(() => setOpening(null), []);
  const tree = useRef<StrategyTreeHandle>(null);
  const ids = useId();
  const today = localToday();

  const announce = (text: string) =>
    // The same words twice in a row are still read: the live region must change.
    setAnnouncement((before) => (before === text ? `${text}\u00a0` : text));

  const themes = portfolio.objectives.filter((objective) => !objective.parentId).length;
  const measures = portfolio.objectives.reduce(
    (sum, objective) => sum + (objective.measures?.length ?? 0),
    0,
  );
  const counts = `${plural(themes, 'theme', 'themes')} · ${plural(
    portfolio.objectives.length - themes,
    'objective',
    'objectives',
  )} · ${plural(measures, 'measure', 'measures')}`;

  const chosen = useMemo(() => {
    if (!current) return null;
    const objective = portfolio.objectives.find(
      (entry) => entry.id === (current.kind === 'objective' ? current.id : current.objectiveId),
    );
    if (!objective) return null;
    if (current.kind === 'objective') return { kind: 'objective', objective } as const;
    const measure = objective.measures?.find((entry) => entry.id === current.id);
    return measure ? ({ kind: 'measure', objective, measure } as const) : null;
  }, [current, portfolio.objectives]);

  const hasObjectives = portfolio.objectives.length > 0;
  useEffect(() => {
    if (hasObjectives) setFirstAdded(false);
  }, [hasObjectives]);

  const startDraft = (next: Draft) => setDraft(next);
  const endDraft = (added: ItemRef | null) => {
    setDraft(null);
    if (added) {
      if (!hasObjectives) setFirstAdded(true);
      setCurrent(added);
      tree.current?.focus(added);
    }
  };

  const remove = async (item: ItemRef) => {
    const objective = portfolio.objectives.find(
      (entry) => entry.id === (item.kind === 'objective' ? item.id : item.objectiveId),
    );
    if (!objective) return;
    if (item.kind === 'objective') {
      const choice = await askUser(deletionQuestion(portfolio, item.id));
      if (choice !== 'delete') {
        tree.current?.focus(item);
        return;
      }
      const result = await edits.deleteObjective(item.id);
      if (result.ok) notify('success', `Deleted “${objective.name}”.`);
      else notify('error', result.problems[0]?.message ?? 'Could not delete.');
    } else {
      const measure = objective.measures?.find((entry) => entry.id === item.id);
      if (!measure) return;
      const actuals = measure.actuals?.length ?? 0;
      const choice = await askUser({
        title: `Delete measure “${measure.name}”?`,
        body: `${
          actuals > 0
            ? `${actuals === 1 ? 'Its actual is' : `Its ${actuals} actuals are`} deleted with it. `
            : ''
        }You can undo this with Ctrl+Z.`,
        actions: [
          { id: 'delete', label: 'Delete', primary: true },
          { id: 'cancel', label: 'Cancel' },
        ],
      });
      if (choice !== 'delete') {
        tree.current?.focus(item);
        return;
      }
      const result = await edits.deleteMeasure(item.objectiveId, item.id);
      if (result.ok) notify('success', `Deleted measure “${measure.name}”.`);
      else notify('error', result.problems[0]?.message ?? 'Could not delete.');
    }
    tree.current?.focus();
  };

  const open = (item: ItemRef) => {
    setCurrent(item);
    setOpening(itemKey(item));
  };

  const addTheme = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => startDraft({ kind: 'objective', parentId: null })}
    >
      Add theme
    </button>
  );

  const live = (
    <div className="visually-hidden strategy__live" aria-live="assertive" aria-atomic="true">
      {announcement}
    </div>
  );

  if (!hasObjectives && !draft && !firstAdded) {
    return (
      <div className="strategy__view">
        <div className="empty-state">
          <p className="empty-state__lead">No themes yet</p>
          <p>
            The strategy tree says what the portfolio is for: a few themes, the objectives under
            them, and for each the success measures that show whether it is working, with a
            baseline, a target and the actuals as they come in.
          </p>
          <p>Initiatives link to objectives; the board pack shows how the money follows them.</p>
          {addTheme}
        </div>
        {live}
      </div>
    );
  }

  const parentOf = (objectiveId: string) => {
    const parentId = portfolio.objectives.find((entry) => entry.id === objectiveId)?.parentId;
    return parentId ? portfolio.objectives.find((entry) => entry.id === parentId) : undefined;
  };
  const back = () => tree.current?.focus();

  return (
    <div className="strategy__view">
      <div className="strategy__toolbar">
        <p className="strategy__counts">{counts}</p>
        <div className="strategy__add">{addTheme}</div>
      </div>
      <div className="strategy__layout">
        <div className="strategy__tree-panel">
          <h3 id={`${ids}-tree`} className="visually-hidden">
            Strategy tree
          </h3>
          <StrategyTree
            ref={tree}
            portfolio={portfolio}
            today={today}
            labelledBy={`${ids}-tree`}
            current={current}
            onCurrent={setCurrent}
            collapsed={collapsed}
            onExpand={(id, expanded) =>
              setCollapsed((before) => {
                const next = new Set(before);
                if (expanded) next.delete(id);
                else next.add(id);
                return next;
              })
            }
            draft={draft}
            onDraftEnd={endDraft}
            onOpen={open}
            onDelete={(item) => void remove(item)}
            announce={announce}
          />
          <p className="strategy__keys" id={`${ids}-keys`}>
            <kbd>↑</kbd> <kbd>↓</kbd> move through the tree, <kbd>→</kbd> <kbd>←</kbd> open and
            close · <kbd>Enter</kbd> details · <kbd>F2</kbd> rename · <kbd>Space</kbd> lift, then
            arrows to move and <kbd>Space</kbd> to drop · <kbd>Delete</kbd> delete · or drag a row
            with the mouse
          </p>
        </div>
        <div className="strategy__details">
          {chosen?.kind === 'measure' ? (
            <MeasureDetails
              key={`${chosen.objective.id}\u0000${chosen.measure.id}`}
              objective={chosen.objective}
              measure={chosen.measure}
              today={today}
              focusNow={
                opening ===
                itemKey({
                  kind: 'measure',
                  objectiveId: chosen.objective.id,
                  id: chosen.measure.id,
                })
              }
              onFocused={opened}
              onDelete={() =>
                void remove({
                  kind: 'measure',
                  objectiveId: chosen.objective.id,
                  id: chosen.measure.id,
                })
              }
              onBack={back}
            />
          ) : chosen ? (
            <ObjectiveDetails
              key={chosen.objective.id}
              portfolio={portfolio}
              objective={chosen.objective}
              parent={parentOf(chosen.objective.id)}
              focusNow={opening === itemKey({ kind: 'objective', id: chosen.objective.id })}
              onFocused={opened}
              onAddObjective={() =>
                startDraft({ kind: 'objective', parentId: chosen.objective.id })
              }
              onAddMeasure={() => startDraft({ kind: 'measure', objectiveId: chosen.objective.id })}
              onDelete={() => void remove({ kind: 'objective', id: chosen.objective.id })}
              onBack={back}
            />
          ) : (
            <p className="strategy__hint muted">Choose an item of the tree to see its details.</p>
          )}
        </div>
      </div>
      {live}
    </div>
  );
}
