/**
 * A session's set-up: title, purpose, date, facilitator, participants, the initiatives in play,
 * the criteria the room scores, the timer, the dot vote and the scenario the outcome ranks.
 * Nothing is stored until the form is saved whole; a problem is named at its field.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  type Portfolio,
  type Workshop,
  type WorkshopDots,
  type WorkshopTimer,
} from '../../../shared/portfolio/types';
import { MAX_WORKSHOP_PARTICIPANTS } from '../../../shared/portfolio/limits';
import { scorableCriteria } from '../../../shared/workshop/session';
import { STATUS_LABELS } from '../../components/labels';
import * as edits from '../../db/edits';
import { localToday } from '../../format';

type TimerChoice = 'none' | WorkshopTimer['per'];

type Draft = {
  readonly title: string;
  readonly purpose: string;
  readonly date: string;
  readonly facilitator: string;
  readonly participants: string;
  readonly initiatives: ReadonlySet<string>;
  readonly criteria: ReadonlySet<string>;
  readonly timer: TimerChoice;
  readonly minutes: string;
  readonly dots: boolean;
  readonly perPerson: string;
  readonly weighted: boolean;
  readonly maxPerItem: string;
  readonly scenarioId: string;
};

/** Statuses in play by default: work not yet committed. */
const OPEN_STATUSES: readonly InitiativeStatus[] = ['proposed', 'approved'];

function draftOf(portfolio: Portfolio, workshop?: Workshop): Draft {
  const criteria = scorableCriteria(portfolio);
  return {
    title: workshop?.title ?? '',
    purpose: workshop?.purpose ?? '',
    date: workshop?.date ?? localToday(),
    facilitator: workshop?.facilitator ?? '',
    participants: workshop?.participants.map((person) => person.name).join('\n') ?? '',
    initiatives: new Set(
      workshop?.initiatives ??
        portfolio.initiatives
          .filter((initiative) => OPEN_STATUSES.includes(initiative.status))
          .map((initiative) => initiative.id),
    ),
    criteria: new Set(workshop?.criteria ?? criteria.map((criterion) => criterion.id)),
    timer: workshop?.timer?.per ?? 'none',
    minutes: workshop?.timer ? minutesText(workshop.timer.seconds) : '2',
    dots: workshop ? workshop.dots !== undefined : true,
    perPerson: String(workshop?.dots?.perPerson ?? 3),
    weighted: workshop?.dots?.weighted ?? false,
    maxPerItem: String(workshop?.dots?.maxPerItem ?? 2),
    scenarioId: workshop?.scenarioId ?? '',
  };
}

/** The timer's bounds, in minutes (the file keeps 10 s to 2 h; the form asks from 15 s). */
const MIN_MINUTES = 0.25;
const MAX_MINUTES = 120;

/** Seconds as minutes for the field: "2", "1.5", "0.25". */
export function minutesText(seconds: number): string {
  return String(Number((seconds / 60).toFixed(2)));
}

type Problems = Partial<
  Record<'title' | 'participants' | 'minutes' | 'perPerson' | 'maxPerItem' | 'lists', string>
>;

/** A whole number from `min` to `max` typed in a field, or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

function checkDraft(draft: Draft): { problems: Problems; setup?: edits.WorkshopSetup } {
  const problems: Problems = {};
  if (draft.title.trim() === '') problems.title = 'Give the session a title.';
  const names = draft.participants
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice) problems.participants = `${twice} is listed twice: each participant once.`;
  else if (names.length > MAX_WORKSHOP_PARTICIPANTS) {
    problems.participants = `${names.length} names: a session takes at most ${MAX_WORKSHOP_PARTICIPANTS} participants.`;
  } else if (names.some((name) => name.length > 200)) {
    problems.participants = 'A name is longer than 200 characters.';
  }
  let timer: WorkshopTimer | undefined;
  if (draft.timer !== 'none') {
    const minutes = Number(draft.minutes.trim().replace(',', '.'));
    const seconds = Math.round(minutes * 60);
    if (
      !Number.isFinite(minutes) ||
      draft.minutes.trim() === '' ||
      minutes < MIN_MINUTES ||
      minutes > MAX_MINUTES
    ) {
      problems.minutes = 'Enter the time in minutes, from 0.25 to 120.';
    } else timer = { per: draft.timer, seconds };
  }
  let dots: WorkshopDots | undefined;
  if (draft.dots) {
    const perPerson = wholeIn(draft.perPerson, 1, 20);
    const maxPerItem = draft.weighted ? 1 : wholeIn(draft.maxPerItem, 1, 20);
    if (perPerson === null) problems.perPerson = 'Dots per person: a whole number from 1 to 20.';
    if (maxPerItem === null) {
      problems.maxPerItem = 'Most dots on one initiative: a whole number from 1 to 20.';
    }
    if (perPerson !== null && maxPerItem !== null) {
      dots = { perPerson, weighted: draft.weighted, maxPerItem: Math.min(maxPerItem, perPerson) };
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    setup: {
      title: draft.title,
      purpose: draft.purpose,
      date: draft.date,
      facilitator: draft.facilitator,
      participants: names,
      initiatives: [...draft.initiatives],
      criteria: [...draft.criteria],
      ...(timer && { timer }),
      ...(dots && { dots }),
      ...(draft.scenarioId && { scenarioId: draft.scenarioId }),
    },
  };
}

/** Check boxes, one per item, each with a quiet hint (a status, a scale) after its name. */
function Checklist({
  items,
  chosen,
  onToggle,
  short = false,
}: {
  readonly items: readonly { readonly id: string; readonly name: string; readonly hint: string }[];
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (id: string, on: boolean) => void;
  /** A few items: one list, not a scrolling box. */
  readonly short?: boolean;
}) {
  return (
    <ul className={`workshop-setup__checklist${short ? ' workshop-setup__checklist--short' : ''}`}>
      {items.map((item) => (
        <li key={item.id}>
          <label>
            <input
              type="checkbox"
              checked={chosen.has(item.id)}
              onChange={(event) => onToggle(item.id, event.target.checked)}
            />{' '}
            {item.name} <span className="workshop__hint">{item.hint}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

export function SetupForm({
  portfolio,
  workshop,
  onDone,
}: {
  readonly portfolio: Portfolio;
  /** The session to change; absent: a new session. */
  readonly workshop?: Workshop;
  /** Called with the session's id once saved, or with null when cancelled. */
  readonly onDone: (id: string | null) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(portfolio, workshop));
  const [problems, setProblems] = useState<Problems>({});
  const [filter, setFilter] = useState<InitiativeStatus | ''>('');
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const criteria = useMemo(() => scorableCriteria(portfolio), [portfolio]);
  const started = workshop !== undefined && workshop.stage !== 'setup';
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const toggle = (key: 'initiatives' | 'criteria', id: string, on: boolean) =>
    setDraft((current) => {
      const next = new Set(current[key]);
      if (on) next.add(id);
      else next.delete(id);
      return { ...current, [key]: next };
    });
  // Kept in the portfolio's order, whatever order they were ticked in.
  const inOrder = (key: 'initiatives' | 'criteria', all: readonly { id: string }[]) =>
    all.map((entry) => entry.id).filter((id) => draft[key].has(id));
  const shown = portfolio.initiatives.filter(
    (initiative) => !filter || initiative.status === filter,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft({
      ...draft,
      initiatives: new Set(inOrder('initiatives', portfolio.initiatives)),
      criteria: new Set(inOrder('criteria', criteria)),
    });
    setProblems(checked.problems);
    if (!checked.setup) {
      // The first field with a problem takes the focus.
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const setup = {
      ...checked.setup,
      initiatives: inOrder('initiatives', portfolio.initiatives),
      criteria: inOrder('criteria', criteria),
    };
    setSaving(true);
    try {
      if (workshop) {
        const result = await edits.updateWorkshopSetup(workshop.id, setup);
        if (!result.ok) {
          setProblems({ lists: result.problems[0]?.message ?? 'The set-up was refused.' });
          return;
        }
        onDone(workshop.id);
      } else {
        const id = await edits.createWorkshop(setup);
        if (!id) {
          setProblems({ lists: 'The session was not saved: the portfolio refused it.' });
          return;
        }
        onDone(id);
      }
    } finally {
      setSaving(false);
    }
  };

  const errorOf = (key: keyof Problems) =>
    problems[key] ? (
      <p className="field__error" id={`${ids}-${key}-error`}>
        {problems[key]}
      </p>
    ) : null;
  const described = (key: keyof Problems) =>
    problems[key]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-${key}-error` }
      : {};

  return (
    <form
      className="workshop-setup"
      data-native-undo
      ref={form}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <div className="workshop-setup__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-title`}>
            Title
          </label>
          <input
            id={`${ids}-title`}
            value={draft.title}
            onChange={(event) => set('title', event.target.value)}
            maxLength={200}
            autoFocus
            {...described('title')}
          />
          {errorOf('title')}
        </div>
        <label className="field">
          <span className="field__label">Date</span>
          <input
            type="date"
            value={draft.date}
            onChange={(event) => set('date', event.target.value)}
          />
        </label>
        <label className="field workshop-setup__wide">
          <span className="field__label">Purpose</span>
          <input
            value={draft.purpose}
            onChange={(event) => set('purpose', event.target.value)}
            maxLength={10000}
            placeholder="What the room decides, e.g. the order of next year's proposals"
          />
        </label>
        <label className="field">
          <span className="field__label">Facilitator</span>
          <input
            value={draft.facilitator}
            onChange={(event) => set('facilitator', event.target.value)}
            maxLength={200}
          />
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-participants`}>
            Participants, one name per line
          </label>
          <textarea
            id={`${ids}-participants`}
            rows={4}
            value={draft.participants}
            onChange={(event) => set('participants', event.target.value)}
            disabled={started}
            {...described('participants')}
          />
          {errorOf('participants')}
        </div>
      </div>

      <fieldset className="workshop-setup__set" disabled={started}>
        <legend>
          Initiatives in play ({draft.initiatives.size} of {portfolio.initiatives.length})
        </legend>
        <div className="workshop-setup__tools">
          <label className="field field--inline">
            <span className="field__label">Show</span>
            <select
              value={filter}
              onChange={(event) => setFilter(event.target.value as InitiativeStatus | '')}
            >
              <option value="">Every status</option>
              {INITIATIVE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setDraft((current) => ({
                ...current,
                initiatives: new Set([...current.initiatives, ...shown.map((entry) => entry.id)]),
              }))
            }
          >
            Select all shown
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setDraft((current) => {
                const next = new Set(current.initiatives);
                for (const entry of shown) next.delete(entry.id);
                return { ...current, initiatives: next };
              })
            }
          >
            Clear shown
          </button>
        </div>
        {shown.length === 0 ? (
          <p className="workshop__hint">No initiative has this status.</p>
        ) : (
          <Checklist
            items={shown.map((initiative) => ({
              id: initiative.id,
              name: initiative.name,
              hint: STATUS_LABELS[initiative.status],
            }))}
            chosen={draft.initiatives}
            onToggle={(id, on) => toggle('initiatives', id, on)}
          />
        )}
      </fieldset>

      <fieldset className="workshop-setup__set" disabled={started}>
        <legend>Criteria the room scores</legend>
        {criteria.length === 0 ? (
          <p className="workshop__hint">
            The scoring model has no criteria to score: choose a model in Strategy › Scoring.
          </p>
        ) : (
          <Checklist
            short
            items={criteria.map((criterion) => ({
              id: criterion.id,
              name: criterion.name,
              hint: criterion.scale.label,
            }))}
            chosen={draft.criteria}
            onToggle={(id, on) => toggle('criteria', id, on)}
          />
        )}
      </fieldset>

      <div className="workshop-setup__grid">
        <fieldset className="workshop-setup__set">
          <legend>Timer</legend>
          <label className="field field--inline">
            <span className="field__label">Time</span>
            <select
              value={draft.timer}
              onChange={(event) => set('timer', event.target.value as TimerChoice)}
            >
              <option value="none">No timer</option>
              <option value="item">Per initiative</option>
              <option value="round">Per participant’s pass</option>
            </select>
          </label>
          {draft.timer !== 'none' && (
            <div className="field field--inline">
              <label className="field__label" htmlFor={`${ids}-minutes`}>
                Minutes
              </label>
              <input
                id={`${ids}-minutes`}
                inputMode="decimal"
                size={5}
                value={draft.minutes}
                onChange={(event) => set('minutes', event.target.value)}
                {...described('minutes')}
              />
              {errorOf('minutes')}
            </div>
          )}
        </fieldset>
        <fieldset className="workshop-setup__set">
          <legend>Dot vote</legend>
          <label>
            <input
              type="checkbox"
              checked={draft.dots}
              onChange={(event) => set('dots', event.target.checked)}
            />{' '}
            Include a dot vote after the reveal
          </label>
          {draft.dots && (
            <div className="workshop-setup__dots">
              <label className="field field--inline">
                <span className="field__label">Dots per person</span>
                <input
                  inputMode="numeric"
                  size={3}
                  value={draft.perPerson}
                  onChange={(event) => set('perPerson', event.target.value)}
                  {...described('perPerson')}
                />
              </label>
              {errorOf('perPerson')}
              <label>
                <input
                  type="checkbox"
                  checked={draft.weighted}
                  onChange={(event) => set('weighted', event.target.checked)}
                />{' '}
                Weighted by order (with 3 dots: 3-2-1; one dot per initiative)
              </label>
              {!draft.weighted && (
                <label className="field field--inline">
                  <span className="field__label">Most dots on one initiative</span>
                  <input
                    inputMode="numeric"
                    size={3}
                    value={draft.maxPerItem}
                    onChange={(event) => set('maxPerItem', event.target.value)}
                    {...described('maxPerItem')}
                  />
                </label>
              )}
              {!draft.weighted && errorOf('maxPerItem')}
            </div>
          )}
        </fieldset>
        <label className="field">
          <span className="field__label">The outcome ranks</span>
          <select
            value={draft.scenarioId}
            onChange={(event) => set('scenarioId', event.target.value)}
          >
            <option value="">A new scenario</option>
            {portfolio.scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problems.lists && (
        <p className="field__error" role="alert">
          {problems.lists}
        </p>
      )}
      {Object.keys(problems).length > 0 && !problems.lists && (
        <p className="field__error" role="alert">
          The set-up was not saved: {Object.values(problems).join(' ')}
        </p>
      )}
      <div className="workshop__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {workshop ? 'Save set-up' : 'Create session'}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
