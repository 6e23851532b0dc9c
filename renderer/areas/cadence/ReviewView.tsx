/**
 * One review (`#/cadence/review/<id>`): its agenda, drafted from the data and edited by the
 * facilitator (order, timings, items added and removed), and, while the meeting runs, attendance,
 * notes, decisions recorded into the decision log and actions with owner and due date. Holding it
 * freezes the portfolio in a snapshot; "What changed" compares with the previous review's.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { previousHeldReview, openActions } from '../../../shared/cadence/calendar';
import { diffPortfolios } from '../../../shared/cadence/diff';
import { takeSnapshot } from '../../../shared/cadence/snapshot';
import {
  MEETING_KIND_LABELS,
  type AgendaItem,
  type AgendaItemKind,
  type AgendaOutcome,
  type AgendaRef,
  type Review,
  type ReviewAction,
} from '../../../shared/cadence/types';
import { plural } from '../../../shared/format';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';
import type { DecisionConcern, Portfolio } from '../../../shared/portfolio/types';
import { askUser } from '../../components/dialogs';
import { decisionConcernOptions, DecisionDialog } from '../../components/DecisionForm';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { saveSnapshot } from '../../db/snapshots';
import { portfolioStore } from '../../db/store';
import { formatDateTime, formatDay, localToday } from '../../format';
import { undoLastEdit } from '../../state/history-actions';
import { useAppStore } from '../../state/store';
import { longDay } from './calendar-month';
import { DiffView } from './DiffView';
import * as cadenceEdits from './review-edits';
import { newSnapshotId, useSnapshot } from './useSnapshot';
import { safely } from './safely';

const ITEM_KIND_LABELS: Readonly<Record<AgendaItemKind, string>> = {
  'at-risk': 'At risk',
  capacity: 'Capacity',
  budget: 'Budget',
  measure: 'Success measure',
  benefit: 'Benefit due',
  gate: 'At the gate',
  decisions: 'Decisions',
  carried: 'Carried over',
  actions: 'Actions',
  custom: 'Added',
};

const STATUS_WORDS: Readonly<Record<Review['status'], string>> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** Where an agenda item's reference leads, or undefined when it has no page of its own. */
function refLink(ref: AgendaRef): string | undefined {
  const id = encodeURIComponent(ref.id);
  switch (ref.kind) {
    case 'initiative':
      return `#/portfolio/initiatives/${id}`;
    case 'proposal':
      return `#/intake/${id}`;
    case 'objective':
    case 'measure':
      return '#/strategy';
    case 'decision':
      return '#/decisions';
    case 'team':
      return '#/portfolio/teams';
    case 'period':
      return '#/portfolio/periods';
    case 'scenario':
      return `#/prioritize/board/${id}`;
    case 'action':
      return undefined;
  }
}

/** The name a reference is shown by, from the portfolio, or its id when the record is gone. */
function refName(portfolio: Portfolio, ref: AgendaRef): string {
  const find = (list: readonly { readonly id: string; readonly name: string }[] | undefined) =>
    list?.find((entry) => entry.id === ref.id)?.name;
  switch (ref.kind) {
    case 'initiative':
      return find(portfolio.initiatives) ?? ref.id;
    case 'team':
      return find(portfolio.teams) ?? ref.id;
    case 'objective':
      return find(portfolio.objectives) ?? ref.id;
    case 'scenario':
      return find(portfolio.scenarios) ?? ref.id;
    case 'period':
      return portfolio.periods.find((entry) => entry.id === ref.id)?.label ?? ref.id;
    case 'measure':
      return (
        portfolio.objectives
          .flatMap((objective) => objective.measures ?? [])
          .find((measure) => measure.id === ref.id)?.name ?? ref.id
      );
    case 'proposal':
      return portfolio.proposals?.find((entry) => entry.id === ref.id)?.title || ref.id;
    case 'decision':
      return portfolio.decisions?.find((entry) => entry.id === ref.id)?.title ?? ref.id;
    case 'action':
      return portfolio.actions?.find((entry) => entry.id === ref.id)?.title ?? ref.id;
  }
}

function useNotifyRefusal() {
  const notify = useAppStore((state) => state.notify);
  return (result: Parameters<typeof cadenceEdits.refusal>[0], fallback: string): boolean => {
    const problem = cadenceEdits.refusal(result, fallback);
    if (problem) notify('error', problem);
    return problem === null;
  };
}

// ---- Actions ---------------------------------------------------------------------------------

/**
 * The form of an action: a new one (raised in `reviewId`, on `agendaItemId` when given) or, with
 * `action`, the one to change. Enter saves; Escape and Cancel close it without saving.
 */
function ActionForm({
  reviewId,
  agendaItemId,
  action,
  onDone,
}: {
  readonly reviewId: string;
  readonly agendaItemId?: string;
  readonly action?: ReviewAction;
  readonly onDone: () => void;
}) {
  const [title, setTitle] = useState(action?.title ?? '');
  const [owner, setOwner] = useState(action?.owner ?? '');
  const [due, setDue] = useState(action?.due ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const base = action ? `action-edit-${action.id}` : `action-${agendaItemId ?? reviewId}`;
  const submitLabel = action ? 'Save action' : 'Add action';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem('Say what is to be done.');
      document.getElementById(`${base}-title`)?.focus();
      return;
    }
    if (action) {
      const result = await cadenceEdits.updateAction(action.id, {
        title: title.trim(),
        owner: owner.trim() || undefined,
        due: due || undefined,
      });
      const refused = cadenceEdits.refusal(result, 'The action was not saved.');
      if (refused) {
        setProblem(refused);
        return;
      }
      onDone();
      return;
    }
    const result = await cadenceEdits.addAction({
      title: title.trim(),
      reviewId,
      ...(agendaItemId && { agendaItemId }),
      ...(owner.trim() && { owner: owner.trim() }),
      ...(due && { due }),
    });
    if (!result.ok) {
      setProblem(result.message || 'The action was not added.');
      return;
    }
    setTitle('');
    setOwner('');
    setDue('');
    setProblem(null);
    onDone();
  };
  return (
    <form
      className="action-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <div className={`field${problem ? ' field--invalid' : ''} action-form__title`}>
        <label htmlFor={`${base}-title`} className="field__label">
          Action
        </label>
        <input
          id={`${base}-title`}
          type="text"
          value={title}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${base}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id={`${base}-error`} className="field__error" aria-live="polite">
          {problem ?? ''}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${base}-owner`} className="field__label">
          Owner
        </label>
        <input
          id={`${base}-owner`}
          type="text"
          value={owner}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          onChange={(event) => setOwner(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-due`} className="field__label">
          Due
        </label>
        <input
          id={`${base}-due`}
          type="date"
          value={due}
          onChange={(event) => setDue(event.target.value)}
        />
      </div>
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary button--small">
          {submitLabel}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Moves the focus to the element with `id` once the screen has been drawn again. */
function focusSoon(find: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => find()?.focus());
}

/**
 * Asks `question`; a dismissed question gives the focus back to the control that asked it (the
 * native dialog, closed by React, does not), or to the review's title when that control is gone.
 */
async function ask(question: Parameters<typeof askUser>[0]): Promise<string | null> {
  const asker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const choice = await askUser(question);
  focusSoon(() => (asker?.isConnected ? asker : document.getElementById('area-title')));
  return choice;
}

function ActionRow({ action, today }: { readonly action: ReviewAction; readonly today: string }) {
  const ok = useNotifyRefusal();
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const closed = action.closedOn !== undefined;
  const overdue = !closed && action.due !== undefined && action.due < today;
  if (editing) {
    return (
      <li className="action-row action-row--editing">
        <ActionForm
          reviewId={action.reviewId}
          action={action}
          onDone={() => {
            setEditing(false);
            focusSoon(() => editRef.current);
          }}
        />
      </li>
    );
  }
  return (
    <li className={`action-row${closed ? ' action-row--closed' : ''}`}>
      <div className="action-row__text">
        <span className="action-row__title">{action.title}</span>
        <span className="small muted">
          {[
            action.owner,
            action.due ? `due ${formatDay(action.due)}` : undefined,
            closed ? `closed ${formatDay(action.closedOn ?? '')}` : undefined,
          ]
            .filter(Boolean)
            .join(' · ') || 'No owner or due date'}
          {overdue && <span className="cal-overdue"> · overdue</span>}
        </span>
      </div>
      <div className="action-row__buttons">
        <button
          ref={editRef}
          type="button"
          className="button button--small button--quiet"
          aria-label={`Change the action “${action.title}”`}
          onClick={() => setEditing(true)}
        >
          Edit
        </button>
        {closed ? (
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Reopen the action “${action.title}”`}
            onClick={() =>
              void cadenceEdits
                .reopenAction(action.id)
                .then((result) => ok(result, 'Not reopened.'))
            }
          >
            Reopen
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-label={`Close the action “${action.title}”`}
            onClick={() =>
              void cadenceEdits
                .closeAction(action.id, today)
                .then((result) => ok(result, 'Not closed.'))
            }
          >
            Close
          </button>
        )}
      </div>
    </li>
  );
}

// ---- Agenda ----------------------------------------------------------------------------------

/** Where the focus goes once a moved item is drawn in its new place. */
type PendingFocus = {
  readonly itemId: string;
  readonly control: 'up' | 'down' | 'item';
  /** The field the item was moved from with Alt+arrows, such as its notes: it keeps the focus. */
  readonly field?: HTMLElement;
};

const OUTCOME_OPTIONS: readonly { readonly value: AgendaOutcome | ''; readonly label: string }[] = [
  { value: '', label: 'No outcome yet' },
  { value: 'discussed', label: 'Discussed' },
  { value: 'carried', label: 'Carried over to the next review' },
];

function AgendaRow({
  portfolio,
  review,
  item,
  index,
  count,
  today,
  onMove,
  onRemove,
  onDecide,
}: {
  readonly portfolio: Portfolio;
  readonly review: Review;
  readonly item: AgendaItem;
  readonly index: number;
  readonly count: number;
  readonly today: string;
  readonly onMove: (
    item: AgendaItem,
    toIndex: number,
    control: PendingFocus['control'],
    field?: HTMLElement,
  ) => void;
  readonly onRemove: (item: AgendaItem) => void;
  readonly onDecide: (item: AgendaItem) => void;
}) {
  const [adding, setAdding] = useState(false);
  const decisions = (item.decisions ?? [])
    .map((id) => portfolio.decisions?.find((decision) => decision.id === id))
    .filter((decision) => decision !== undefined);
  const actions = (portfolio.actions ?? []).filter(
    (action) => action.reviewId === review.id && action.agendaItemId === item.id,
  );
  const update = (patch: cadenceEdits.AgendaItemPatch, field: string) =>
    cadenceEdits.updateAgendaItem(review.id, item.id, patch, {
      mergeKey: `agenda:${review.id}:${item.id}:${field}`,
    });
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    // Alt+arrows inside a text field move the item too: the field keeps its own arrows otherwise.
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    const field = event.target instanceof HTMLElement ? event.target : undefined;
    onMove(item, to, 'item', field?.matches('input, textarea, select') ? field : undefined);
  };
  const title = item.title;
  return (
    <li
      className={`agenda-item agenda-item--${item.kind}${item.outcome ? ` agenda-item--${item.outcome}` : ''}`}
      data-agenda-item={item.id}
      onKeyDown={onKeyDown}
    >
      <div className="agenda-item__head">
        <span className="agenda-item__number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="agenda-item__about">
          <div className="agenda-item__heading">
            <h4 className="agenda-item__title" tabIndex={-1} data-focus="item">
              <span className="visually-hidden">Item {index + 1}:</span> {title}
            </h4>
            <span className={`agenda-kind agenda-kind--${item.kind}`}>
              {ITEM_KIND_LABELS[item.kind]}
            </span>
            {item.carriedFrom && <span className="agenda-kind">Carried over</span>}
          </div>
          {item.detail && <p className="agenda-item__detail">{item.detail}</p>}
          {(item.refs ?? []).length > 0 && (
            <ul className="agenda-item__refs" aria-label={`What “${title}” is about`}>
              {(item.refs ?? []).map((ref) => {
                const href = refLink(ref);
                const name = refName(portfolio, ref);
                return (
                  <li key={`${ref.kind}:${ref.id}`}>
                    {href ? <a href={href}>{name}</a> : <span>{name}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <NumberField
          label={`Minutes for “${title}”`}
          hideLabel
          value={item.minutes}
          optional
          integer
          min={0}
          max={1440}
          unit="min"
          className="agenda-item__minutes"
          onCommit={(minutes) => update({ minutes }, 'minutes')}
        />
        <div className="agenda-item__order" role="group" aria-label={`Order of “${title}”`}>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Move “${title}” up`}
            aria-keyshortcuts="Alt+ArrowUp"
            title="Move up (Alt+↑)"
            data-focus="up"
            disabled={index === 0}
            onClick={() => onMove(item, index - 1, 'up')}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Move “${title}” down`}
            aria-keyshortcuts="Alt+ArrowDown"
            title="Move down (Alt+↓)"
            data-focus="down"
            disabled={index === count - 1}
            onClick={() => onMove(item, index + 1, 'down')}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="button button--small button--quiet agenda-item__remove"
            aria-label={`Remove “${title}” from the agenda`}
            title="Remove from the agenda"
            onClick={() => onRemove(item)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      {review.status !== 'cancelled' && (
        <div className="agenda-item__run">
          <TextField
            label={`Notes on “${title}”`}
            hideLabel
            multiline
            placeholder="Notes taken in the meeting"
            maxLength={MAX_TEXT_LENGTH}
            value={item.notes ?? ''}
            className="agenda-item__notes"
            onCommit={(notes) => update({ notes: notes === '' ? undefined : notes }, 'notes')}
          />
          <div className="agenda-item__side">
            <SelectField
              label={`Outcome of “${title}”`}
              hideLabel
              value={item.outcome ?? ''}
              options={OUTCOME_OPTIONS}
              onCommit={(value) => update({ outcome: value === '' ? undefined : value }, 'outcome')}
            />
            <div className="agenda-item__buttons">
              <button
                type="button"
                className="button button--small"
                data-focus="decide"
                onClick={() => onDecide(item)}
              >
                Record decision…
              </button>
              {!adding && (
                <button
                  type="button"
                  className="button button--small"
                  data-focus="add-action"
                  onClick={() => setAdding(true)}
                >
                  Add action
                </button>
              )}
            </div>
          </div>
        </div>
      )}
      {decisions.length > 0 && (
        <ul className="agenda-item__decisions" aria-label={`Decisions on “${title}”`}>
          {decisions.map((decision) => (
            <li key={decision.id}>
              <span className="agenda-kind agenda-kind--decision">Decision</span>{' '}
              <a href="#/decisions">{decision.title}</a>
              {/* The title is the item's own unless changed: what was decided tells them apart. */}
              {decision.decision && decision.decision !== decision.title && (
                <span className="agenda-item__decision-text">: {decision.decision}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions.length > 0 && (
        <ul className="action-list" aria-label={`Actions on “${title}”`}>
          {actions.map((action) => (
            <ActionRow key={action.id} action={action} today={today} />
          ))}
        </ul>
      )}
      {adding && (
        <ActionForm
          reviewId={review.id}
          agendaItemId={item.id}
          onDone={() => {
            setAdding(false);
            focusSoon(() =>
              document.querySelector<HTMLElement>(
                `[data-agenda-item="${CSS.escape(item.id)}"] [data-focus="add-action"]`,
              ),
            );
          }}
        />
      )}
    </li>
  );
}

function AddItemForm({ reviewId }: { readonly reviewId: string }) {
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = minutes.trim() === '' ? undefined : Number(minutes.trim());
    if (!title.trim()) {
      setProblem('Give the item a title.');
      document.getElementById('agenda-new-title')?.focus();
      return;
    }
    if (count !== undefined && (!Number.isInteger(count) || count < 0 || count > 1440)) {
      setProblem('Minutes: enter a whole number from 0 to 1440, or leave it empty.');
      document.getElementById('agenda-new-minutes')?.focus();
      return;
    }
    const result = await cadenceEdits.addAgendaItem(reviewId, {
      title: title.trim(),
      ...(count !== undefined && { minutes: count }),
    });
    if (!result.ok) {
      setProblem(result.message || 'The item was not added.');
      return;
    }
    setTitle('');
    setMinutes('');
    setProblem(null);
    document.getElementById('agenda-new-title')?.focus();
  };
  return (
    <form className="agenda-add" noValidate onSubmit={(event) => void submit(event)}>
      <div className={`field agenda-add__title${problem ? ' field--invalid' : ''}`}>
        <label htmlFor="agenda-new-title" className="field__label">
          Add an item
        </label>
        <input
          id="agenda-new-title"
          type="text"
          value={title}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          placeholder="What the meeting should discuss"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'agenda-new-error' : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id="agenda-new-error" className="field__error" aria-live="polite">
          {problem ?? ''}
        </p>
      </div>
      <div className="field agenda-add__minutes">
        <label htmlFor="agenda-new-minutes" className="field__label">
          Minutes
        </label>
        <input
          id="agenda-new-minutes"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </div>
      <button type="submit" className="button">
        Add to the agenda
      </button>
    </form>
  );
}

function Agenda({
  portfolio,
  review,
  duration,
  today,
}: {
  readonly portfolio: Portfolio;
  readonly review: Review;
  readonly duration: number | undefined;
  readonly today: string;
}) {
  const notify = useAppStore((state) => state.notify);
  const ok = useNotifyRefusal();
  const [deciding, setDeciding] = useState<AgendaItem | null>(null);
  // Closing the decision dialog gives the focus back to the item's "Record decision…".
  const stopDeciding = (item: AgendaItem) => {
    setDeciding(null);
    focusSoon(() =>
      listRef.current?.querySelector<HTMLElement>(
        `[data-agenda-item="${CSS.escape(item.id)}"] [data-focus="decide"]`,
      ),
    );
  };
  const pendingFocus = useRef<PendingFocus | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const total = review.agenda.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  const over = duration !== undefined && total > duration;

  // A moved item is drawn in its new place: the focus follows it.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const row = listRef.current?.querySelector(
      `[data-agenda-item="${CSS.escape(pending.itemId)}"]`,
    );
    if (!row) return;
    pendingFocus.current = null;
    if (pending.field?.isConnected && row.contains(pending.field)) {
      pending.field.focus();
      return;
    }
    const control = row.querySelector<HTMLElement>(
      `[data-focus="${pending.control}"]:not(:disabled)`,
    );
    (control ?? row.querySelector<HTMLElement>('[data-focus="item"]'))?.focus();
  }, [review.agenda]);

  const move = (
    item: AgendaItem,
    toIndex: number,
    control: PendingFocus['control'],
    field?: HTMLElement,
  ) => {
    pendingFocus.current = { itemId: item.id, control, ...(field && { field }) };
    void cadenceEdits.moveAgendaItem(review.id, item.id, toIndex).then((result) => {
      if (!ok(result, 'The item was not moved.')) pendingFocus.current = null;
    });
  };

  const remove = async (item: AgendaItem) => {
    const index = review.agenda.findIndex((entry) => entry.id === item.id);
    const result = await cadenceEdits.removeAgendaItem(review.id, item.id);
    if (!ok(result, 'The item was not removed.')) return;
    // The focus goes to the next item's title, or the previous one's, or the add field.
    const next = review.agenda[index + 1] ?? review.agenda[index - 1];
    requestAnimationFrame(() => {
      const target = next
        ? listRef.current?.querySelector<HTMLElement>(
            `[data-agenda-item="${CSS.escape(next.id)}"] [data-focus="item"]`,
          )
        : document.getElementById('agenda-new-title');
      target?.focus();
    });
    notify('info', `Removed “${item.title}” from the agenda.`, {
      label: 'Undo',
      run: () => void undoLastEdit(),
    });
  };

  const refresh = async () => {
    const before = review.agenda.length;
    const result = await cadenceEdits.refreshAgenda(review.id, localToday());
    if (!ok(result, 'The agenda was not refreshed.')) return;
    const after = (await portfolioStore().readPortfolio()).reviews?.find(
      (entry) => entry.id === review.id,
    )?.agenda.length;
    const added = (after ?? before) - before;
    notify(
      'info',
      added > 0
        ? `Added ${plural(added, 'item')} the data now calls for.`
        : 'The agenda already has everything the data calls for.',
    );
  };

  const concernsOf = (item: AgendaItem): DecisionConcern[] => [
    { kind: 'review', id: review.id },
    ...(item.refs ?? []).flatMap((ref): DecisionConcern[] =>
      ref.kind === 'initiative' || ref.kind === 'objective' || ref.kind === 'scenario'
        ? [{ kind: ref.kind, id: ref.id }]
        : [],
    ),
  ];

  return (
    <section className="review-agenda" aria-labelledby="agenda-title">
      <div className="review-section__head">
        <h3 id="agenda-title">Agenda</h3>
        <p className={`review-agenda__total${over ? ' review-agenda__total--over' : ''}`}>
          {duration !== undefined
            ? `${plural(total, 'minute')} of ${duration}${over ? `: ${total - duration} over` : ''}`
            : plural(total, 'minute')}
        </p>
        {review.status === 'planned' && (
          <button type="button" className="button button--small" onClick={() => void refresh()}>
            Refresh from data
          </button>
        )}
      </div>
      {review.agenda.length === 0 ? (
        <p className="muted review-agenda__empty">
          The agenda is empty: the data calls for nothing this time. Add items below, or refresh it
          from the data after the portfolio changes.
        </p>
      ) : (
        <>
          <p className="section-hint">
            Move an item with its arrows, or with Alt+↑ and Alt+↓ from anywhere in it.
          </p>
          <ol className="agenda" ref={listRef}>
            {review.agenda.map((item, index) => (
              <AgendaRow
                key={item.id}
                portfolio={portfolio}
                review={review}
                item={item}
                index={index}
                count={review.agenda.length}
                today={today}
                onMove={move}
                onRemove={(entry) => void remove(entry)}
                onDecide={setDeciding}
              />
            ))}
          </ol>
        </>
      )}
      {review.status !== 'cancelled' && <AddItemForm reviewId={review.id} />}
      {deciding && (
        <DecisionDialog
          title={`Record a decision on “${deciding.title}”`}
          initial={{
            date: review.date <= today ? review.date : today,
            kind: 'review',
            title: deciding.title,
            concerns: concernsOf(deciding),
          }}
          options={decisionConcernOptions(portfolio)}
          onCancel={() => stopDeciding(deciding)}
          onSave={async (input) => {
            const result = await cadenceEdits.recordReviewDecision(review.id, deciding.id, input);
            if (!result.ok) return result.message || 'The decision was not recorded.';
            notify('success', `Recorded the decision “${input.title}” in the decision log.`);
            stopDeciding(deciding);
            return null;
          }}
        />
      )}
    </section>
  );
}

// ---- Attendance, notes and open actions ----------------------------------------------------

function Attendance({ review }: { readonly review: Review }) {
  const ok = useNotifyRefusal();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A ticked box shows ticked at once, before the edit is stored (and unticks if refused).
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const stored = review.attendance;
  useEffect(() => {
    setPending((current) => {
      const left = Object.entries(current).filter(
        ([who, present]) => stored?.find((person) => person.name === who)?.present !== present,
      );
      return left.length === Object.keys(current).length ? current : Object.fromEntries(left);
    });
  }, [stored]);
  const attendance = (stored ?? []).map((person) =>
    person.name in pending ? { ...person, present: pending[person.name] === true } : person,
  );
  const present = attendance.filter((person) => person.present).length;
  const toggle = (index: number, checked: boolean) => {
    const who = attendance[index]?.name;
    if (who === undefined) return;
    setPending((current) => ({ ...current, [who]: checked }));
    void cadenceEdits
      .setAttendance(
        review.id,
        attendance.map((person, at) => (at === index ? { ...person, present: checked } : person)),
      )
      .then((result) => {
        if (!ok(result, 'Attendance was not saved.')) {
          setPending(({ [who]: _dropped, ...rest }) => rest);
        }
      });
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem('Type the name to add.');
      return;
    }
    if (attendance.some((person) => person.name === trimmed)) {
      setProblem(`${trimmed} is on the list already.`);
      return;
    }
    const result = await cadenceEdits.setAttendance(review.id, [
      ...attendance,
      { name: trimmed, present: true },
    ]);
    const refused = cadenceEdits.refusal(result, 'The name was not added.');
    setProblem(refused);
    if (!refused) setName('');
  };
  return (
    <section className="review-side__section" aria-labelledby="attendance-title">
      <div className="review-section__head">
        <h3 id="attendance-title">Attendance</h3>
        {attendance.length > 0 && (
          <span className="small muted">
            {present} of {attendance.length} present
          </span>
        )}
      </div>
      {attendance.length === 0 ? (
        <p className="muted small">Nobody is invited yet. Add the names of those who came.</p>
      ) : (
        <ul className="attendance">
          {attendance.map((person, index) => (
            <li key={person.name}>
              <label className="attendance__person">
                <input
                  type="checkbox"
                  checked={person.present}
                  onChange={(event) => toggle(index, event.target.checked)}
                />
                {person.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      <form className="attendance__add" noValidate onSubmit={(event) => void add(event)}>
        <label htmlFor="attendance-new" className="visually-hidden">
          Name to add to the attendance
        </label>
        <input
          id="attendance-new"
          type="text"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          placeholder="Add a name"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'attendance-new-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--small">
          Add
        </button>
        <p id="attendance-new-error" className="field__error" aria-live="polite">
          {problem ?? ''}
        </p>
      </form>
    </section>
  );
}

function OpenActions({
  portfolio,
  review,
  today,
}: {
  readonly portfolio: Portfolio;
  readonly review: Review;
  readonly today: string;
}) {
  const [adding, setAdding] = useState(false);
  const newRef = useRef<HTMLButtonElement>(null);
  const open = safely(() => openActions(portfolio), []).filter(
    (action) => !(action.reviewId === review.id && action.agendaItemId),
  );
  return (
    <section className="review-side__section" aria-labelledby="open-actions-title">
      <div className="review-section__head">
        <h3 id="open-actions-title">Open actions</h3>
        <button
          ref={newRef}
          type="button"
          className="button button--small"
          aria-expanded={adding}
          onClick={() => setAdding((value) => !value)}
        >
          New action
        </button>
      </div>
      {adding && (
        <ActionForm
          reviewId={review.id}
          onDone={() => {
            setAdding(false);
            focusSoon(() => newRef.current);
          }}
        />
      )}
      {open.length === 0 ? (
        <p className="muted small">
          No open action from earlier reviews. Actions raised on an item show with the item.
        </p>
      ) : (
        <ul className="action-list">
          {open.map((action) => (
            <ActionRow key={action.id} action={action} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

// ---- What changed ----------------------------------------------------------------------------

function ChangesSince({
  portfolio,
  review,
}: {
  readonly portfolio: Portfolio;
  readonly review: Review;
}) {
  const previous = safely(() => previousHeldReview(portfolio, review), undefined);
  const before = useSnapshot(previous?.snapshotId);
  // A held review compares the previous snapshot with its own; a planned one with now.
  const own = useSnapshot(review.status === 'held' ? review.snapshotId : undefined);
  const heading = (
    <h3 id="changes-title" tabIndex={-1}>
      {review.status === 'held'
        ? 'What changed between the previous review and this one'
        : 'What changed since the last review'}
    </h3>
  );
  let body;
  if (!previous) {
    body = (
      <p className="muted">
        No review was held before this one: there is no snapshot to compare with yet. Holding this
        review takes one.
      </p>
    );
  } else if (!previous.snapshotId || before.state === 'missing' || before.state === 'none') {
    body = (
      <p className="muted">
        The previous review, “{previous.title}” of {formatDay(previous.date)}, has no stored
        snapshot to compare with (the file may have been saved without its snapshots).
      </p>
    );
  } else if (before.state === 'loading' || own.state === 'loading') {
    body = <p className="muted">Opening the snapshot…</p>;
  } else if (before.state === 'unreadable') {
    body = (
      <p className="review-problem">
        The snapshot of the previous review cannot be read: {before.message}
      </p>
    );
  } else {
    const after = own.state === 'open' ? own.portfolio : portfolio;
    const afterLabel = own.state === 'open' ? 'this review' : 'now';
    const diff = safely(() => diffPortfolios(before.portfolio, after), undefined);
    body = diff ? (
      <>
        <p className="muted small">
          From the snapshot of “{previous.title}”, {formatDay(previous.date)}, to {afterLabel}.
        </p>
        <DiffView
          diff={diff}
          after={after}
          beforeLabel={`the review of ${formatDay(previous.date)}`}
          afterLabel={afterLabel}
        />
      </>
    ) : (
      <p className="review-problem">The two portfolios could not be compared.</p>
    );
  }
  return (
    <section className="review-changes" aria-labelledby="changes-title">
      {heading}
      {body}
    </section>
  );
}

// ---- The review ------------------------------------------------------------------------------

export type ReviewViewProps = {
  readonly portfolio: Portfolio;
  readonly reviewId: string;
  /** Asks the calendar to show the month of `date` when the user goes back to it. */
  readonly onShowMonth: (date: string) => void;
};

export function ReviewView({ portfolio, reviewId, onShowMonth }: ReviewViewProps) {
  const navigate = useAppStore((state) => state.navigate);
  const notify = useAppStore((state) => state.notify);
  const ok = useNotifyRefusal();
  const [holding, setHolding] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const review = portfolio.reviews?.find((entry) => entry.id === reviewId);
  const cadence = portfolio.cadences?.find((entry) => entry.id === review?.cadenceId);
  const today = localToday();
  const found = review !== undefined;

  useEffect(() => {
    // A review that goes while open (its opening undone, deleted in another window) leaves the
    // focus on nothing: it goes to "Review not found".
    if (found || document.activeElement === document.body) {
      titleRef.current?.focus({ preventScroll: true });
    }
  }, [found, reviewId]);

  // Holding, cancelling or reinstating takes away the button that did it: the focus, left on
  // nothing, goes to the review's title rather than to the start of the page.
  const status = review?.status;
  useEffect(() => {
    const active = document.activeElement;
    if (status && (!active || active === document.body)) {
      titleRef.current?.focus({ preventScroll: true });
    }
  }, [status]);

  const back = (
    <nav className="cadence-breadcrumb" aria-label="Breadcrumb">
      <a
        href="#/cadence"
        onClick={() => {
          if (review) onShowMonth(review.date);
        }}
      >
        Cadence calendar
      </a>
    </nav>
  );

  if (!review) {
    return (
      <section className="area cadence" aria-labelledby="area-title">
        {back}
        <div className="area__header">
          <h2 id="area-title" ref={titleRef} tabIndex={-1}>
            Review not found
          </h2>
        </div>
        <div className="empty-state">
          <p className="empty-state__lead">This review is not in the portfolio.</p>
          <p>
            It may have been deleted or its opening undone, here or in another window, or another
            portfolio was opened.
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ area: 'cadence', reviewId: null, cadenceView: 'month' })}
          >
            Back to the calendar
          </button>
        </div>
      </section>
    );
  }

  const hold = async () => {
    if (holding) return;
    const choice = await ask({
      title: `Hold “${review.title}”?`,
      body: 'The review is marked held now, its items without an outcome count as discussed, and the portfolio as it stands is frozen in a snapshot, to compare with at the next review. You can undo this with Ctrl+Z, which also takes the snapshot off the Snapshots list (a redo brings it back).',
      actions: [
        { id: 'hold', label: 'Hold review', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'hold') return;
    setHolding(true);
    try {
      const now = new Date().toISOString();
      const current = await portfolioStore().readPortfolio();
      const label = `${review.title}, ${formatDay(review.date)}`;
      const snapshot = takeSnapshot(current, {
        id: newSnapshotId(),
        reviewId: review.id,
        label,
        takenAt: now,
      });
      await saveSnapshot(snapshot);
      const result = await cadenceEdits.holdReview(review.id, now, snapshot.id);
      if (!ok(result, 'The review was not marked held.')) return;
      notify(
        'success',
        `Held “${review.title}”. The portfolio as it stands now is kept in the snapshot “${label}”, to compare with at the next review.`,
        { label: 'Undo', run: () => void undoLastEdit() },
      );
    } catch (error) {
      notify(
        'error',
        `The review was not held: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setHolding(false);
    }
  };

  const cancel = async () => {
    const choice = await ask({
      title: `Cancel the meeting of ${formatDay(review.date)}?`,
      body: 'It stays on the calendar marked cancelled, and leaves the .ics export, with its agenda kept in case it is reinstated. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'cancel-meeting', label: 'Cancel meeting', primary: true },
        { id: 'cancel', label: 'Keep it' },
      ],
    });
    if (choice !== 'cancel-meeting') return;
    const result = await cadenceEdits.cancelReview(review.id);
    if (ok(result, 'The meeting was not cancelled.')) {
      notify('info', `Cancelled the meeting of ${formatDay(review.date)}.`, {
        label: 'Undo',
        run: () => void undoLastEdit(),
      });
    }
  };

  const remove = async () => {
    const choice = await ask({
      title: `Delete the review “${review.title}”?`,
      body: cadence
        ? 'Its agenda, attendance and notes go; the meeting stays on the calendar and opens with a freshly drafted agenda. Decisions recorded stay in the decision log. You can undo this with Ctrl+Z.'
        : 'The meeting leaves the calendar with its agenda, attendance and notes. Decisions recorded stay in the decision log. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete review', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await cadenceEdits.deleteReview(review.id);
    if (!ok(result, 'The review was not deleted.')) return;
    onShowMonth(review.date);
    navigate({ area: 'cadence', reviewId: null, cadenceView: 'month' });
    notify('info', `Deleted the review “${review.title}”.`, {
      label: 'Undo',
      run: () => void undoLastEdit(),
    });
  };

  // The Board pack for this review (`#/board-pack?review=<id>`): its kind picks the sections.
  const makePack = () => navigate({ area: 'board-pack', packReviewId: review.id });

  return (
    <section
      className={`area cadence review review--${review.status}`}
      aria-labelledby="area-title"
    >
      {back}
      <div className="area__header review__header">
        <div>
          <p className="review__eyebrow">
            <span className={`cal-kind cal-kind--${review.kind}`}>
              {MEETING_KIND_LABELS[review.kind]}
            </span>
            {cadence && <span className="muted"> · {cadence.name}</span>}
          </p>
          <h2 id="area-title" ref={titleRef} tabIndex={-1}>
            {review.title}
          </h2>
        </div>
        <p className="review__when">
          {longDay(review.date)}
          {review.time && `, ${review.time}`}
          {cadence && ` · ${plural(cadence.durationMinutes, 'minute')}`}
          {cadence?.location && ` · ${cadence.location}`}
          <span className={`cal-status cal-status--${review.status}`}>
            {STATUS_WORDS[review.status]}
          </span>
        </p>
      </div>

      <div className="review__actions" role="group" aria-label="Review actions">
        {review.status === 'planned' && (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={holding}
              onClick={() => void hold()}
            >
              Hold review…
            </button>
            <button type="button" className="button" onClick={makePack}>
              Make the review pack
            </button>
            <button type="button" className="button" onClick={() => void cancel()}>
              Cancel meeting…
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Delete review…
            </button>
          </>
        )}
        {review.status === 'held' && (
          <>
            <p className="review__held">
              Held {review.heldAt ? formatDateTime(review.heldAt) : ''}.
              {review.snapshotId
                ? ' The portfolio as it stood then is kept in its snapshot.'
                : ' No snapshot was taken.'}
            </p>
            {review.snapshotId && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  navigate({
                    area: 'cadence',
                    reviewId: null,
                    snapshotId: review.snapshotId ?? null,
                  })
                }
              >
                Open the snapshot
              </button>
            )}
            <button type="button" className="button button--primary" onClick={makePack}>
              Make the review pack
            </button>
          </>
        )}
        {review.status !== 'cancelled' && (
          <button
            type="button"
            className="button button--quiet review__jump"
            onClick={() => {
              const heading = document.getElementById('changes-title');
              heading?.scrollIntoView({ block: 'start' });
              heading?.focus({ preventScroll: true });
            }}
          >
            What changed <span aria-hidden="true">↓</span>
          </button>
        )}
        {review.status === 'cancelled' && (
          <>
            <p className="review__held">This meeting was cancelled.</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                void cadenceEdits
                  .reinstateReview(review.id)
                  .then((result) => ok(result, 'The meeting was not reinstated.'))
              }
            >
              Reinstate meeting
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Delete review…
            </button>
          </>
        )}
      </div>

      <div className="review__layout">
        <div className="review__main">
          <Agenda
            portfolio={portfolio}
            review={review}
            duration={cadence?.durationMinutes}
            today={today}
          />
          <ChangesSince portfolio={portfolio} review={review} />
        </div>
        <div className="review__side">
          <Attendance review={review} />
          <section className="review-side__section" aria-labelledby="review-notes-title">
            <h3 id="review-notes-title">Notes</h3>
            <TextField
              label="General notes of the review"
              hideLabel
              multiline
              placeholder="Minutes not tied to one item"
              maxLength={MAX_TEXT_LENGTH}
              value={review.notes ?? ''}
              onCommit={(notes) =>
                cadenceEdits.setReviewNotes(review.id, notes, {
                  mergeKey: `review-notes:${review.id}`,
                })
              }
            />
          </section>
          <OpenActions portfolio={portfolio} review={review} today={today} />
        </div>
      </div>
    </section>
  );
}
