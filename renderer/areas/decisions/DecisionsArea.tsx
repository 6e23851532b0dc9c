/**
 * The decision log: every decision newest first, found by words, kind, item and dates. A
 * decision is never edited: Amend records a new decision that supersedes it, and both stay.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { fingerprint } from '../../../shared/pack/content';
import {
  DECISION_CONCERN_KINDS,
  DECISION_KINDS,
  type Decision,
  type DecisionConcern,
  type DecisionKind,
  type Portfolio,
} from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { supersededBy } from '../../../shared/store/operations/decisions';
import {
  CONCERN_KIND_LABELS,
  concernKey,
  decisionConcernOptions,
  DecisionDialog,
  DECISION_KIND_LABELS,
  type DecisionDraft,
} from '../../components/DecisionForm';
import {
  decisionCardId,
  DecisionList,
  formatDecisionDate,
  newestFirst,
} from '../../components/DecisionList';
import * as edits from '../../db/edits';
import type { DecisionInput } from '../../db/edits';
import { profileName } from '../../state/profile';
import { useAppStore } from '../../state/store';
import './decisions.css';

type Filters = {
  readonly text: string;
  readonly kind: DecisionKind | '';
  /** A concern key (`initiative:crm-revamp`), or '' for any. */
  readonly item: string;
  readonly from: string;
  readonly to: string;
};

const NO_FILTERS: Filters = { text: '', kind: '', item: '', from: '', to: '' };

/** The decisions that match every filter; the search words may appear in any of the texts. */
function matching(log: readonly Decision[], filters: Filters): Decision[] {
  const words = filters.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return log.filter((decision) => {
    if (filters.kind && decision.kind !== filters.kind) return false;
    if (filters.from && decision.date < filters.from) return false;
    if (filters.to && decision.date > filters.to) return false;
    if (filters.item && !decision.concerns?.some((concern) => concernKey(concern) === filters.item))
      return false;
    if (words.length === 0) return true;
    const haystack = [decision.title, decision.decision, decision.rationale, decision.decidedBy]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

type Editing =
  | { readonly mode: 'record' }
  | { readonly mode: 'amend'; readonly decision: Decision; readonly fingerprint?: string };

export function DecisionsArea({ portfolio }: { readonly portfolio: Portfolio }) {
  const notify = useAppStore((state) => state.notify);
  const log = useMemo(() => portfolio.decisions ?? [], [portfolio.decisions]);
  const options = useMemo(() => decisionConcernOptions(portfolio), [portfolio]);
  const names = useMemo(
    () => new Map(options.map((option) => [concernKey(option), option.name])),
    [options],
  );
  const nameOf = (concern: DecisionConcern) => names.get(concernKey(concern));
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editing, setEditing] = useState<Editing | null>(null);
  /** The card to take the focus once it is on screen: an id, or the amendment of an id. */
  const [focusTarget, setFocusTarget] = useState<
    { readonly id: string } | { readonly amendmentOf: string } | null
  >(null);
  const ids = useId();

  const shown = useMemo(() => newestFirst(matching(log, filters)), [log, filters]);
  const filtered = Object.values(filters).some(Boolean);

  useEffect(() => {
    if (!focusTarget) return;
    const id =
      'id' in focusTarget ? focusTarget.id : supersededBy(log, focusTarget.amendmentOf)?.id;
    const card = id ? document.getElementById(decisionCardId(id)) : null;
    if (!card) return;
    card.scrollIntoView?.({ block: 'nearest' });
    card.focus();
    setFocusTarget(null);
  }, [focusTarget, log, shown]);

  /** The items some decision concerns, by kind, for the item filter; gone ones marked deleted. */
  const concernedItems = useMemo(() => {
    const seen = new Map<string, DecisionConcern>();
    for (const decision of log) {
      for (const concern of decision.concerns ?? []) seen.set(concernKey(concern), concern);
    }
    return DECISION_CONCERN_KINDS.map((kind) => ({
      kind,
      items: [...seen.values()]
        .filter((concern) => concern.kind === kind)
        .map((concern) => ({
          key: concernKey(concern),
          label: names.get(concernKey(concern)) ?? `${concern.id} (deleted)`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    })).filter((group) => group.items.length > 0);
  }, [log, names]);

  const startRecording = () => setEditing({ mode: 'record' });
  const startAmending = (decision: Decision) =>
    setEditing({
      mode: 'amend',
      decision,
      // An amendment retaken on a fingerprinted decision records the portfolio as it is now.
      ...(decision.fingerprint !== undefined && {
        fingerprint: fingerprint(writePortfolio(portfolio)),
      }),
    });

  const save = async (input: DecisionInput): Promise<string | null> => {
    if (!editing) return null;
    if (editing.mode === 'record') {
      const id = await edits.recordDecision(input);
      if (!id) return 'The decision was not recorded: the portfolio refused it.';
      notify('success', `Recorded: ${input.title}`);
      setEditing(null);
      setFilters(NO_FILTERS);
      setFocusTarget({ id });
      return null;
    }
    const earlier = editing.decision;
    const result = await edits.amendDecision(earlier.id, input);
    if (!result.ok) return result.problems[0]?.message ?? 'The amendment was refused.';
    notify('success', `Amended: ${earlier.title}`);
    setEditing(null);
    setFilters(NO_FILTERS);
    setFocusTarget({ amendmentOf: earlier.id });
    return null;
  };

  const showDecision = (id: string) => {
    if (!shown.some((decision) => decision.id === id)) setFilters(NO_FILTERS);
    setFocusTarget({ id });
  };

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));

  const dialog = editing && (
    <DecisionDialog
      title={editing.mode === 'record' ? 'Record a decision' : `Amend “${editing.decision.title}”`}
      initial={initialOf(editing)}
      options={options}
      saveLabel={editing.mode === 'record' ? 'Record decision' : 'Record amendment'}
      fingerprint={editing.mode === 'amend' ? editing.fingerprint : undefined}
      intro={
        editing.mode === 'amend' ? (
          <p>
            This records a new decision that amends the one of{' '}
            {formatDecisionDate(editing.decision.date)}. The earlier decision stays in the log,
            marked as superseded.
          </p>
        ) : undefined
      }
      onSave={save}
      onCancel={() => setEditing(null)}
    />
  );

  const count = `${log.length} decision${log.length === 1 ? '' : 's'}`;

  if (log.length === 0) {
    return (
      <section className="area decisions" aria-labelledby="area-title">
        <div className="area__header">
          <h2 id="area-title">Decisions</h2>
        </div>
        <div className="empty-state">
          <p className="empty-state__lead">No decisions recorded yet.</p>
          <p>
            The decision log keeps what was decided, why and by whom: gate decisions, the plan of
            record, stops, workshop and review outcomes. Months later it answers &ldquo;why is this
            in the plan?&rdquo; without a meeting, and the board pack freezes it for the board.
          </p>
          <p>
            A decision is never edited or deleted: an amendment records a new decision that
            supersedes the earlier one, and both stay in the log.
          </p>
          <button type="button" className="button button--primary" onClick={startRecording}>
            Record a decision
          </button>
        </div>
        {dialog}
      </section>
    );
  }

  return (
    <section className="area decisions" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Decisions</h2>
        <p className="decisions__count">{count}</p>
        <button
          type="button"
          className="button button--primary decisions__record"
          onClick={startRecording}
        >
          Record a decision
        </button>
      </div>
      <div className="decisions__layout">
        <div role="search" className="decisions__filters" aria-labelledby={`${ids}-filters`}>
          <h3 id={`${ids}-filters`} className="decisions__filters-title">
            Find decisions
          </h3>
          <div className="field">
            <label htmlFor={`${ids}-text`} className="field__label">
              Search
            </label>
            <input
              id={`${ids}-text`}
              type="search"
              value={filters.text}
              aria-describedby={`${ids}-text-hint`}
              onChange={(event) => set('text', event.target.value)}
            />
            <p id={`${ids}-text-hint`} className="field__hint">
              Title, decision, rationale and who decided.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-kind`} className="field__label">
              Kind
            </label>
            <select
              id={`${ids}-kind`}
              value={filters.kind}
              onChange={(event) => set('kind', event.target.value as DecisionKind | '')}
            >
              <option value="">All kinds</option>
              {DECISION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {DECISION_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-item`} className="field__label">
              Concerning
            </label>
            <select
              id={`${ids}-item`}
              value={filters.item}
              onChange={(event) => set('item', event.target.value)}
            >
              <option value="">Any item</option>
              {concernedItems.map((group) => (
                <optgroup key={group.kind} label={`${CONCERN_KIND_LABELS[group.kind]}s`}>
                  {group.items.map((item) => (
                    <option key={item.key} value={item.key}>
                      {item.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <fieldset className="decisions__dates">
            <legend className="field__label">Decided between</legend>
            <div className="field">
              <label htmlFor={`${ids}-from`} className="field__label decisions__date-label">
                From
              </label>
              <input
                id={`${ids}-from`}
                type="date"
                value={filters.from}
                max={filters.to || undefined}
                onChange={(event) => set('from', event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-to`} className="field__label decisions__date-label">
                To
              </label>
              <input
                id={`${ids}-to`}
                type="date"
                value={filters.to}
                min={filters.from || undefined}
                onChange={(event) => set('to', event.target.value)}
              />
            </div>
          </fieldset>
          <button
            type="button"
            className="button button--small"
            disabled={!filtered}
            onClick={() => setFilters(NO_FILTERS)}
          >
            Clear filters
          </button>
        </div>
        <div className="decisions__results">
          <p className="decisions__summary" role="status">
            {filtered ? `${shown.length} of ${count}, newest first` : `${count}, newest first`}
          </p>
          {shown.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__lead">No decision matches.</p>
              <p>Try other words, another kind or item, or a wider range of dates.</p>
              <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            </div>
          ) : (
            <DecisionList
              label="Decisions, newest first"
              decisions={shown}
              log={log}
              nameOf={nameOf}
              onAmend={startAmending}
              onShowDecision={showDecision}
            />
          )}
        </div>
      </div>
      {dialog}
    </section>
  );
}

/** What the form starts with: an amendment starts from what it amends, dated today. */
function initialOf(editing: Editing): DecisionDraft {
  if (editing.mode === 'record') return { decidedBy: profileName() };
  const { decision } = editing;
  return {
    kind: decision.kind,
    title: decision.title,
    decision: decision.decision,
    rationale: decision.rationale,
    decidedBy: decision.decidedBy ?? profileName(),
    concerns: decision.concerns,
  };
}
