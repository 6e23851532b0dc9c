/**
 * Presentation mode of the board, for a workshop on a projector: a scenario's ranked stack in
 * large type with its cut line, the capacity heatmap and the facilitator's notes, over the whole
 * window. The facilitator works it from the keyboard alone (? lists the keys); the audience
 * version has the same layout, follows the card the facilitator selects, and takes no keys.
 */
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { stackOrder } from '../../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../../shared/portfolio/types';
import { Modal } from '../../../components/Modal';
import { STATUS_LABELS } from '../../../components/labels';
import { moveInStack } from '../../../db/edits';
import { formatNumber } from '../../../format';
import { PresentationHeatmap } from './PresentationHeatmap';
import {
  PRESENT_KEYS,
  SIDE_SHOWN,
  SIDE_SPOKEN,
  actionForKey,
  moveAnnouncement,
  planStep,
  presentStack,
  selectionAfter,
  stackScrollTop,
  type PresentAction,
  type PresentedCard,
  type Presentation,
  type Span,
} from './presentation-model';
import './presentation.css';

export type PresentationViewProps = {
  readonly portfolio: Portfolio;
  /** The scenario whose ranking is shown. */
  readonly scenarioId: string;
  /** The workshop's title, say: shown small at the top. */
  readonly title?: string;
  /** The room's view: no controls, no key handling, no notes. */
  readonly audience?: boolean;
  /**
   * The card in focus. Controlled when given (null: none); left out, the view keeps its own
   * selection.
   */
  readonly selectedId?: string | null;
  readonly onSelect?: (initiativeId: string | null) => void;
  /** Escape, in the facilitator's view. */
  readonly onExit?: () => void;
  /** The facilitator's notes, in a side panel N hides; never in the audience's view. */
  readonly notes?: string;
};

/** Height of a card's row, gap included, as the stylesheet draws it: the scroll margin. */
const ROW_PITCH = 56;

/** Keys that switch something on and off: held down, they would flicker. */
const TOGGLES: ReadonlySet<PresentAction> = new Set(['heatmap', 'notes', 'fullscreen', 'help']);

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Typing somewhere else (a field of the app behind, say) is not a command. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

/** Full screen on or off; where the page may not (a frame, a test), it stays as it is. */
function toggleFullscreen(): void {
  try {
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    Promise.resolve(request).catch(() => undefined);
  } catch {
    // Not supported here: nothing to do.
  }
}

/** The scenario's stack, the same array while its order is the same. */
function useScenarioStack(portfolio: Portfolio, scenarioId: string | null): readonly string[] {
  const kept = useRef<{ key: string; stack: readonly string[] }>({ key: '', stack: [] });
  return useMemo(() => {
    const next = scenarioId === null ? [] : stackOrder(portfolio, scenarioId);
    const key = next.join('\n');
    if (key !== kept.current.key) kept.current = { key, stack: next };
    return kept.current.stack;
  }, [portfolio, scenarioId]);
}

export function PresentationView({
  portfolio,
  scenarioId,
  title,
  audience = false,
  selectedId,
  onSelect,
  onExit,
  notes,
}: PresentationViewProps) {
  const headingId = useId();
  const scenario = portfolio.scenarios.find((entry) => entry.id === scenarioId);
  const stack = useScenarioStack(portfolio, scenario ? scenario.id : null);

  // The order just moved, shown until the stored stack catches up (no flicker back, and a key
  // held down steps on from where the card is on screen).
  const [pending, setPending] = useState<readonly string[] | null>(null);
  const storedMove = useRef<readonly string[] | null>(null);
  useEffect(() => {
    setPending((current) => {
      if (current === null) return null;
      if (sameOrder(current, stack) || storedMove.current === current) return null;
      return current;
    });
    storedMove.current = null;
  }, [stack, portfolio]);
  useEffect(() => setPending(null), [scenarioId]);

  const shownStack = pending ?? stack;
  const presentation = useMemo(() => presentStack(portfolio, shownStack), [portfolio, shownStack]);

  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const requested = selectedId === undefined ? ownSelection : selectedId;
  const selected =
    requested !== null && presentation.cards.some((card) => card.id === requested)
      ? requested
      : null;
  const select = (id: string | null) => {
    if (selectedId === undefined) setOwnSelection(id);
    onSelect?.(id);
  };

  const [showHeatmap, setShowHeatmap] = useState(true);
  const [showNotes, setShowNotes] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [said, setSaid] = useState<{
    readonly text: string;
    /** The stack a move announcement describes: once the stack is another (an undo), it is old. */
    readonly stack?: readonly string[];
  }>({ text: '' });
  const setMessage = (text: string, about?: readonly string[]) =>
    setSaid({ text, ...(about && { stack: about }) });
  const message = said.stack && !sameOrder(said.stack, stack) ? '' : said.text;

  const move = (step: -1 | 1) => {
    const card = presentation.cards.find((entry) => entry.id === selected);
    if (!card) {
      setMessage('Select a card first: ↑ or ↓.');
      return;
    }
    const plan = planStep(
      presentation.stack,
      presentation.cards.map((entry) => entry.id),
      card.id,
      step,
    );
    if (!plan) {
      setMessage(`${card.name} is already ${step < 0 ? 'first' : 'last'}.`);
      return;
    }
    const after = presentStack(portfolio, plan.stack).cards.find((entry) => entry.id === card.id);
    setPending(plan.stack);
    const failed = (why: string) => {
      setPending(null);
      setMessage(`The move was not stored: ${why}`);
    };
    void moveInStack({ scenarioId, ids: [card.id], before: plan.before }).then(
      (result) => {
        if (!result.ok) {
          failed(result.problems[0]?.message ?? '');
          return;
        }
        // Stored: the next data the view receives holds it, or what came after it (an undo).
        storedMove.current = plan.stack;
        if (after) setMessage(moveAnnouncement(after), plan.stack);
      },
      (error: unknown) => failed(String((error as Error).message ?? error)),
    );
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
    const action = actionForKey(event);
    if (action === null) return;
    if (helpOpen) {
      // The help is modal: it closes with ? or Escape, and nothing else happens behind it.
      if (action === 'help' || action === 'escape') {
        event.preventDefault();
        setHelpOpen(false);
      }
      return;
    }
    event.preventDefault();
    if (event.repeat && TOGGLES.has(action)) return;
    switch (action) {
      case 'previous':
      case 'next':
      case 'first':
      case 'last': {
        const next = selectionAfter(presentation.cards, selected, action);
        if (next !== selected) select(next);
        break;
      }
      case 'move-up':
        move(-1);
        break;
      case 'move-down':
        move(1);
        break;
      case 'heatmap':
        setShowHeatmap((shown) => !shown);
        break;
      case 'notes':
        setShowNotes((shown) => !shown);
        break;
      case 'fullscreen':
        toggleFullscreen();
        break;
      case 'help':
        setHelpOpen(true);
        break;
      case 'escape':
        onExit?.();
        break;
    }
  };
  // One listener for the view's life; it calls the handler of the latest render.
  const keyHandler = useRef(onKey);
  useLayoutEffect(() => {
    keyHandler.current = onKey;
  });
  useEffect(() => {
    if (audience) return;
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [audience]);

  // The selected card in view, with the cut line when both fit; else the line.
  const scrollRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const origin = box.getBoundingClientRect().top - box.scrollTop;
    const spanOf = (element: Element | null | undefined): Span | null => {
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return { top: rect.top - origin, bottom: rect.bottom - origin };
    };
    const card =
      selected === null
        ? null
        : Array.from(box.querySelectorAll('[data-initiative-id]')).find(
            (element) => element.getAttribute('data-initiative-id') === selected,
          );
    const next = stackScrollTop(
      box.scrollTop,
      box.clientHeight,
      spanOf(box.querySelector('[data-cut-line]')),
      spanOf(card),
      ROW_PITCH,
    );
    if (next !== box.scrollTop) box.scrollTop = next;
  }, [selected, presentation, showHeatmap, showNotes]);

  const notesShown = !audience && showNotes && (notes ?? '').trim() !== '';
  const sideShown = showHeatmap || notesShown;

  return (
    <section
      className={`present${audience ? ' present--audience' : ''}`}
      aria-labelledby={headingId}
      data-testid="presentation"
    >
      <header className="present__header">
        {title ? <p className="present__title">{title}</p> : null}
        <h2 id={headingId} className="present__scenario">
          {scenario?.name ?? 'Presentation'}
        </h2>
        {audience ? null : (
          <>
            <p className="present__message" role="status">
              {message}
            </p>
            <p className="present__hint">
              <kbd>?</kbd> Keys
            </p>
          </>
        )}
      </header>
      {!scenario ? (
        <Empty lead="No scenario to present." audience={audience}>
          The scenario this ranking belongs to is not in the portfolio: it may have been deleted, or
          another portfolio was opened.
        </Empty>
      ) : presentation.cards.length === 0 ? (
        <Empty lead={`${scenario.name} has nothing to rank.`} audience={audience}>
          {presentation.pinned
            ? `Every initiative in it is committed or forced in (${presentation.pinned.summary}).`
            : 'The portfolio has no initiatives yet. Add them in Portfolio → Initiatives.'}
        </Empty>
      ) : (
        <div className={`present__body${sideShown ? '' : ' present__body--full'}`}>
          <Stack
            presentation={presentation}
            selected={selected}
            audience={audience}
            scrollRef={scrollRef}
          />
          {sideShown ? (
            <div className="present__side">
              {showHeatmap ? (
                <div className="present__panel">
                  <h3 id={`${headingId}-capacity`} className="present__panel-title">
                    Capacity used above the line
                  </h3>
                  {/* A long horizon scrolls sideways rather than shrink its text below 16 px;
                      the facilitator can scroll it from the keyboard. */}
                  <div
                    className="present-heatmap__box"
                    role="region"
                    aria-labelledby={`${headingId}-capacity`}
                    {...(audience ? {} : { tabIndex: 0 })}
                  >
                    <PresentationHeatmap portfolio={portfolio} cutLine={presentation.cutLine} />
                  </div>
                </div>
              ) : null}
              {notesShown ? (
                <div className="present__panel present__panel--notes">
                  <h3 id={`${headingId}-notes`} className="present__panel-title">
                    Notes
                  </h3>
                  {/* Focusable, so that long notes can be scrolled from the keyboard too. */}
                  <div
                    className="present__notes"
                    tabIndex={0}
                    aria-labelledby={`${headingId}-notes`}
                    role="region"
                  >
                    {notes}
                  </div>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      )}
      {helpOpen && !audience ? (
        <Modal
          title="Keys for the presentation"
          wide
          onCancel={() => setHelpOpen(false)}
          actions={
            <button type="button" className="button" onClick={() => setHelpOpen(false)}>
              Close
            </button>
          }
        >
          <KeyTable />
        </Modal>
      ) : null}
    </section>
  );
}

function Empty({
  lead,
  audience,
  children,
}: {
  readonly lead: string;
  readonly audience: boolean;
  readonly children: string;
}) {
  return (
    <div className="present__empty" data-testid="present-empty">
      <p className="present__empty-lead">{lead}</p>
      <p>{children}</p>
      {audience ? null : (
        <p>
          Press <kbd>Esc</kbd> to leave the presentation.
        </p>
      )}
    </div>
  );
}

function KeyTable() {
  return (
    <table className="present-help">
      <caption className="present__sr">Every key of the presentation and what it does</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Does</th>
        </tr>
      </thead>
      <tbody>
        {PRESENT_KEYS.map((entry) => (
          <tr key={entry.does}>
            <th scope="row">
              {entry.keys.map((name, index) => (
                <span key={name.shown}>
                  {index > 0 ? <span className="present-help__or"> or </span> : null}
                  <kbd>
                    <span aria-hidden="true">{name.shown}</span>
                    <span className="present__sr">{name.spoken}</span>
                  </kbd>
                </span>
              ))}
            </th>
            <td>{entry.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stack({
  presentation,
  selected,
  audience,
  scrollRef,
}: {
  readonly presentation: Presentation;
  readonly selected: string | null;
  readonly audience: boolean;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const { cards, lineIndex, pinned } = presentation;
  const above = cards.slice(0, lineIndex);
  const below = cards.slice(lineIndex);
  const focus = cards.find((card) => card.id === selected);
  return (
    <div className="present__stack">
      {pinned ? (
        <p className="present__pinned" data-testid="present-pinned">
          <span className="present__pinned-title">{pinned.title}</span>
          <span>
            {pinned.summary}
            {pinned.short.length > 0 ? `: ${pinned.short.join(', ')}` : ''}
          </span>
        </p>
      ) : null}
      <div className="present__columns" aria-hidden="true">
        <span className="present__column-rank">Rank</span>
        <span className="present__column-name">Initiative</span>
        <span className="present__column-status">Status</span>
        <span className="present__column-side">Line</span>
        <span className="present__column-value">Value</span>
      </div>
      <div
        className="present__scroll"
        ref={scrollRef}
        data-testid="present-scroll"
        // The facilitator may scroll with the mouse or from the keyboard as well; the room's
        // view only follows.
        {...(audience ? {} : { tabIndex: 0, role: 'region', 'aria-label': 'Ranked stack' })}
      >
        {above.length > 0 ? (
          <ol className="present__list" aria-label="Above the line">
            {above.map((card) => (
              <Card key={card.id} card={card} selected={card.id === selected} />
            ))}
          </ol>
        ) : null}
        <div className="present__cut" data-cut-line="" data-testid="cut-line">
          <p className="present__cut-label">{presentation.lineLabel}</p>
          {presentation.lineReason ? (
            <p className="present__cut-reason">{presentation.lineReason}</p>
          ) : null}
        </div>
        {below.length > 0 ? (
          <ol className="present__list" aria-label="Below the line">
            {below.map((card) => (
              <Card key={card.id} card={card} selected={card.id === selected} />
            ))}
          </ol>
        ) : null}
      </div>
      <p className="present__focus" data-testid="present-focus">
        {focus ? (
          <>
            <span className="present__focus-name">
              {focus.rank} · {focus.name}
            </span>{' '}
            — {SIDE_SPOKEN[focus.side]}: {focus.placement}
          </>
        ) : audience ? null : (
          'No card selected: ↓ selects the first.'
        )}
      </p>
    </div>
  );
}

function Card({ card, selected }: { readonly card: PresentedCard; readonly selected: boolean }) {
  return (
    <li
      className={`present-card present-card--${card.side}${selected ? ' present-card--selected' : ''}`}
      data-initiative-id={card.id}
      aria-current={selected ? 'true' : undefined}
    >
      <span className="present-card__marker" aria-hidden="true">
        {selected ? '▶' : ''}
      </span>
      <span className="present-card__rank">{card.rank}</span>
      <span className="present-card__name" title={card.name}>
        {card.name}
      </span>
      <span className={`present-card__status present-status--${card.status}`}>
        {STATUS_LABELS[card.status]}
      </span>
      <span className="present-card__side">
        <span aria-hidden="true">{SIDE_SHOWN[card.side]}</span>
        <span className="present__sr">{SIDE_SPOKEN[card.side]}</span>
      </span>
      <span className="present-card__value">
        <span className="present__sr">value </span>
        {card.value === undefined ? '—' : formatNumber(card.value)}
      </span>
    </li>
  );
}
