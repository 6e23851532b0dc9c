/**
 * Roadmap: the initiatives above the cut line on a timeline, one lane each, with arrows from
 * prerequisites to dependants. Dragging a bar (or moving it with the arrow keys and Enter) asks
 * to pin its start to another period; the parent decides what that does to the cut line.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { CutLine } from '../../shared/prioritize/cutline';
import type { Portfolio } from '../../shared/portfolio/types';
import {
  ROADMAP_SIZES,
  barRect,
  describeBar,
  latestStartIndex,
  periodUnit,
  roadmapLayout,
  snapStartIndex,
  type RoadmapBar,
  type RoadmapLabel,
  type RoadmapLayout,
  type RoadmapSizes,
} from './roadmap-model';
import { fitLabel } from './label-fit';
import './charts.css';

export type RoadmapProps = {
  readonly portfolio: Portfolio;
  readonly cutLine: CutLine;
  /** Asks to fix the initiative's start to the period (dropped there, or chosen with the keys). */
  readonly onPinStart: (initiativeId: string, periodId: string) => void;
  readonly selectedId?: string;
  /** A bar was clicked (or activated with Enter or Space while not moving it). */
  readonly onSelect?: (initiativeId: string) => void;
  /** Other sizes than the screen's: the printed pack sets a name column and its column width. */
  readonly sizes?: Partial<RoadmapSizes>;
};

type Ghost = { readonly id: string; readonly index: number; readonly via: 'pointer' | 'keyboard' };

type Drag = {
  readonly id: string;
  readonly pointerId: number;
  readonly originX: number;
  /** Screen pixels per chart unit: the chart may be drawn smaller than its natural size. */
  readonly scale: number;
  moved: boolean;
};

/** Pixels a pointer must travel before a press becomes a drag rather than a click. */
const DRAG_THRESHOLD = 4;

const COLORS = {
  bar: '#2d3a78',
  fixed: '#131b3f',
  selected: '#f5b83d',
  ghost: '#f5b83d',
  ghostFill: '#fdf1d8',
  arrow: '#4a4f63',
  ink: '#1b1e2b',
  paper: '#ffffff',
  columnA: '#ffffff',
  columnB: '#f6f7fa',
  grid: '#e9ebf1',
} as const;

const percent = (value: number, total: number) => `${(value / total) * 100}%`;

export function Roadmap({
  portfolio,
  cutLine,
  onPinStart,
  selectedId,
  onSelect,
  sizes,
}: RoadmapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { columnWidth, nameWidth } = { ...ROADMAP_SIZES, ...sizes };
  const layout = useMemo(
    () => roadmapLayout(portfolio, cutLine, { ...ROADMAP_SIZES, columnWidth, nameWidth }),
    [portfolio, cutLine, columnWidth, nameWidth],
  );
  const unit = useMemo(() => periodUnit(portfolio.periods), [portfolio.periods]);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragRef = useRef<Drag | null>(null);
  const ghostRef = useRef<Ghost | null>(null);
  const suppressClick = useRef(false);
  const [ghost, setGhostState] = useState<Ghost | null>(null);
  const [message, setMessage] = useState('');

  const setGhost = useCallback((next: Ghost | null) => {
    ghostRef.current = next;
    setGhostState(next);
  }, []);

  const commit = useCallback(
    (bar: RoadmapBar, index: number) => {
      const period = layout.periods[index];
      if (!period) return;
      if (index === bar.startIndex) {
        setMessage(`${bar.name}: start unchanged, ${period.label}.`);
        return;
      }
      setMessage(`${bar.name}: pinned to start in ${period.label}.`);
      onPinStart(bar.id, period.id);
    },
    [layout, onPinStart],
  );

  const cancel = useCallback(() => {
    dragRef.current = null;
    setGhost(null);
    setMessage('Move cancelled.');
  }, [setGhost]);

  const pointerDragging = ghost?.via === 'pointer';
  useEffect(() => {
    if (!pointerDragging) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      suppressClick.current = true;
      cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pointerDragging, cancel]);

  const handlers = useMemo<BarHandlers>(() => {
    const barOf = (element: HTMLElement) => layout.byId.get(element.dataset.barId ?? '');
    const periodCount = layout.periods.length;
    return {
      onPointerDown: (event) => {
        if (event.button !== 0) return;
        const bar = barOf(event.currentTarget);
        if (!bar) return;
        suppressClick.current = false;
        const drawn = svgRef.current?.getBoundingClientRect().width ?? 0;
        dragRef.current = {
          id: bar.id,
          pointerId: event.pointerId,
          originX: event.clientX,
          scale: drawn > 0 ? drawn / layout.width : 1,
          moved: false,
        };
        event.currentTarget.setPointerCapture?.(event.pointerId);
      },
      onPointerMove: (event) => {
        const drag = dragRef.current;
        if (!drag || drag.pointerId !== event.pointerId) return;
        const dx = event.clientX - drag.originX;
        if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
        drag.moved = true;
        const bar = layout.byId.get(drag.id);
        if (!bar) return;
        const index = snapStartIndex(
          bar.startIndex,
          dx / drag.scale,
          layout.sizes.columnWidth,
          periodCount,
          bar.duration,
        );
        const current = ghostRef.current;
        if (current?.id !== bar.id || current.index !== index || current.via !== 'pointer') {
          setGhost({ id: bar.id, index, via: 'pointer' });
        }
      },
      onPointerUp: (event) => {
        const drag = dragRef.current;
        if (!drag || drag.pointerId !== event.pointerId) return;
        dragRef.current = null;
        if (!drag.moved) return;
        suppressClick.current = true;
        const target = ghostRef.current;
        setGhost(null);
        const bar = layout.byId.get(drag.id);
        if (bar && target?.id === bar.id) commit(bar, target.index);
      },
      onPointerCancel: (event) => {
        if (dragRef.current?.pointerId !== event.pointerId) return;
        dragRef.current = null;
        setGhost(null);
      },
      onClick: (event) => {
        if (suppressClick.current) {
          suppressClick.current = false;
          return;
        }
        const bar = barOf(event.currentTarget);
        if (bar) onSelect?.(bar.id);
      },
      onKeyDown: (event) => {
        const bar = barOf(event.currentTarget);
        if (!bar || dragRef.current) return;
        const held = ghostRef.current;
        const pending = held?.id === bar.id && held.via === 'keyboard' ? held.index : undefined;
        const base = pending ?? bar.startIndex;
        const last = latestStartIndex(periodCount, bar.duration);
        let next: number;
        switch (event.key) {
          case 'ArrowLeft':
            next = Math.max(0, base - 1);
            break;
          case 'ArrowRight':
            next = Math.min(last, base + 1);
            break;
          case 'Home':
            next = 0;
            break;
          case 'End':
            next = last;
            break;
          case 'Enter':
            if (pending === undefined) return;
            event.preventDefault();
            setGhost(null);
            commit(bar, pending);
            return;
          case 'Escape':
            if (pending === undefined) return;
            event.preventDefault();
            event.stopPropagation();
            cancel();
            return;
          default:
            return;
        }
        event.preventDefault();
        setGhost({ id: bar.id, index: next, via: 'keyboard' });
      },
      onBlur: (event) => {
        const held = ghostRef.current;
        if (held?.via === 'keyboard' && held.id === event.currentTarget.dataset.barId) {
          setGhost(null);
        }
      },
    };
  }, [layout, commit, cancel, onSelect, setGhost]);

  if (layout.periods.length === 0) {
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">No periods yet.</p>
        <p>The roadmap needs planning periods. Add them in the Portfolio area.</p>
      </div>
    );
  }
  if (layout.bars.length === 0) {
    return (
      <div className="chart-empty" role="note">
        <p className="chart-empty__lead">Nothing is above the cut line.</p>
        <p>Initiatives that fit the capacity and the budget appear here on the timeline.</p>
      </div>
    );
  }

  const ghostBar = ghost ? layout.byId.get(ghost.id) : undefined;
  const ghostPeriod = ghost ? layout.periods[ghost.index] : undefined;
  const status =
    ghost && ghostBar && ghostPeriod
      ? `${ghostBar.name}: start in ${ghostPeriod.label}. ${
          ghost.via === 'keyboard'
            ? 'Press Enter to pin it there, Escape to cancel.'
            : 'Release to pin it there, Escape to cancel.'
        }`
      : message;
  const hintId = `${uid}-hint`;
  const markerId = `${uid}-arrowhead`;
  const { headerHeight } = layout.sizes;

  return (
    <figure className="roadmap">
      <p className="roadmap__status" aria-live="polite">
        {status}
      </p>
      <p id={hintId} className="visually-hidden">
        Drag the bar, or use the left and right arrow keys to choose a new start and Enter to pin it
        there; Escape cancels.
      </p>
      <div className="roadmap__canvas" style={{ maxWidth: `${layout.width}px` }}>
        <svg
          className="roadmap__header"
          aria-hidden="true"
          width={layout.width}
          height={headerHeight}
          viewBox={`0 0 ${layout.width} ${headerHeight}`}
        >
          <rect width={layout.width} height={headerHeight} fill={COLORS.paper} />
          {layout.sizes.nameWidth > 0 ? (
            <text
              x={4}
              y={headerHeight / 2}
              dominantBaseline="central"
              fontSize={12}
              fontWeight={600}
              fill="#4a4f63"
            >
              Initiative
            </text>
          ) : null}
          {layout.periods.map((period, index) => (
            <g key={period.id} className="roadmap__period">
              <text
                x={layout.columnX(index) + layout.sizes.columnWidth / 2}
                y={headerHeight / 2}
                dominantBaseline="central"
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill="#4a4f63"
              >
                {fitLabel(period.label, layout.sizes.columnWidth - 8, 12)}
              </text>
              <line
                x1={layout.columnX(index)}
                x2={layout.columnX(index)}
                y1={headerHeight - 8}
                y2={headerHeight}
                stroke="#d9dce6"
              />
            </g>
          ))}
          <line
            x1={0}
            x2={layout.width}
            y1={headerHeight - 0.5}
            y2={headerHeight - 0.5}
            stroke="#d9dce6"
          />
        </svg>
        <div className="roadmap__body">
          <svg
            ref={svgRef}
            className="roadmap__svg"
            aria-hidden="true"
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
          >
            <defs>
              <marker
                id={markerId}
                viewBox="0 0 8 8"
                refX={8}
                refY={4}
                markerWidth={6}
                markerHeight={6}
                orient="auto"
              >
                <path d="M0 0 L8 4 L0 8 Z" fill={COLORS.arrow} />
              </marker>
            </defs>
            <Columns layout={layout} />
            <Bars layout={layout} selectedId={selectedId} movingId={ghost?.id} />
            <g className="roadmap__arrows" fill="none" stroke={COLORS.arrow} strokeWidth={1.2}>
              {layout.arrows.map((arrow) => (
                <path
                  key={`${arrow.from}->${arrow.to}`}
                  className="roadmap__arrow"
                  data-from={arrow.from}
                  data-to={arrow.to}
                  d={arrow.d}
                  markerEnd={`url(#${markerId})`}
                />
              ))}
            </g>
            {ghost && ghostBar && ghostPeriod ? (
              <GhostBar
                bar={ghostBar}
                index={ghost.index}
                label={ghostPeriod.label}
                layout={layout}
              />
            ) : null}
          </svg>
          <BarButtons
            layout={layout}
            unit={unit}
            hintId={hintId}
            uid={uid}
            selectedId={selectedId}
            handlers={handlers}
          />
        </div>
      </div>
    </figure>
  );
}

const Columns = memo(function Columns({ layout }: { readonly layout: RoadmapLayout }) {
  return (
    <g className="roadmap__columns">
      {layout.periods.map((period, index) => (
        <rect
          key={period.id}
          x={layout.columnX(index)}
          y={0}
          width={layout.sizes.columnWidth}
          height={layout.height}
          fill={index % 2 === 0 ? COLORS.columnA : COLORS.columnB}
          stroke={COLORS.grid}
          strokeWidth={0.5}
        />
      ))}
    </g>
  );
});

type BarsProps = {
  readonly layout: RoadmapLayout;
  readonly selectedId: string | undefined;
  readonly movingId: string | undefined;
};

const Bars = memo(function Bars({ layout, selectedId, movingId }: BarsProps) {
  return (
    <g className="roadmap__bars">
      {layout.bars.map((bar) => (
        <BarShape
          key={bar.id}
          bar={bar}
          label={layout.labels[bar.lane] as RoadmapLabel}
          lane={layout.lanes[bar.lane] as { top: number; height: number }}
          selected={bar.id === selectedId}
          moving={bar.id === movingId}
        />
      ))}
    </g>
  );
});

type BarShapeProps = {
  readonly bar: RoadmapBar;
  readonly label: RoadmapLabel;
  readonly lane: { readonly top: number; readonly height: number };
  readonly selected: boolean;
  readonly moving: boolean;
};

const BarShape = memo(function BarShape({ bar, label, lane, selected, moving }: BarShapeProps) {
  const middle = bar.y + bar.height / 2;
  return (
    <g
      className="roadmap__bar"
      data-bar={bar.id}
      data-fixed={bar.fixed || undefined}
      opacity={moving ? 0.4 : 1}
    >
      <rect
        x={bar.x}
        y={bar.y}
        width={bar.width}
        height={bar.height}
        rx={4}
        fill={bar.fixed ? COLORS.fixed : COLORS.bar}
      />
      {selected ? (
        <rect
          className="roadmap__selected"
          x={bar.x - 1.5}
          y={bar.y - 1.5}
          width={bar.width + 3}
          height={bar.height + 3}
          rx={5}
          fill="none"
          stroke={COLORS.selected}
          strokeWidth={3}
        />
      ) : null}
      {bar.fixed ? <PinMarker x={bar.x + 10} y={middle} /> : null}
      <text
        x={label.x}
        y={label.y}
        dominantBaseline="central"
        fontSize={ROADMAP_SIZES.fontSize}
        fontWeight={label.inside ? 550 : 500}
        fill={label.inside ? COLORS.paper : COLORS.ink}
      >
        {label.lines.length === 1
          ? label.lines[0]
          : label.lines.map((line, index) => (
              <tspan key={index} x={label.x} dy={index === 0 ? 0 : label.lineHeight}>
                {line}
              </tspan>
            ))}
      </text>
      {/* The lane's extent, which the printed pack measures to break pages between lanes. */}
      <rect
        className="roadmap__lane"
        data-lane={bar.lane}
        x={0}
        y={lane.top}
        width={1}
        height={lane.height}
        fill="none"
      />
    </g>
  );
});

function PinMarker({ x, y }: { readonly x: number; readonly y: number }) {
  return (
    <g className="roadmap__pin" transform={`translate(${x} ${y})`}>
      <title>Fixed start</title>
      <line x1={0} y1={0} x2={0} y2={7} stroke={COLORS.selected} strokeWidth={1.6} />
      <circle cx={0} cy={-2} r={4} fill={COLORS.selected} stroke={COLORS.paper} strokeWidth={1} />
    </g>
  );
}

type GhostBarProps = {
  readonly bar: RoadmapBar;
  readonly index: number;
  readonly label: string;
  readonly layout: RoadmapLayout;
};

function GhostBar({ bar, index, label, layout }: GhostBarProps) {
  const rect = barRect(
    index,
    index + bar.duration - 1,
    bar.lane,
    layout.sizes,
    layout.lanes[bar.lane],
  );
  return (
    <g className="roadmap__ghost" data-ghost={bar.id} data-period-index={index}>
      <rect
        {...rect}
        rx={4}
        fill={COLORS.ghostFill}
        stroke={COLORS.ghost}
        strokeWidth={2}
        strokeDasharray="5 3"
      />
      <text
        x={rect.x + 6}
        y={rect.y + rect.height / 2}
        dominantBaseline="central"
        fontSize={ROADMAP_SIZES.fontSize}
        fontWeight={650}
        fill={COLORS.ink}
      >
        {fitLabel(`→ ${label} · ${bar.name}`, rect.width - 12, ROADMAP_SIZES.fontSize)}
      </text>
    </g>
  );
}

type BarHandlers = {
  readonly onPointerDown: (event: ReactPointerEvent<HTMLButtonElement>) => void;
  readonly onPointerMove: (event: ReactPointerEvent<HTMLButtonElement>) => void;
  readonly onPointerUp: (event: ReactPointerEvent<HTMLButtonElement>) => void;
  readonly onPointerCancel: (event: ReactPointerEvent<HTMLButtonElement>) => void;
  readonly onClick: (event: ReactMouseEvent<HTMLButtonElement>) => void;
  readonly onKeyDown: (event: ReactKeyboardEvent<HTMLButtonElement>) => void;
  readonly onBlur: (event: ReactFocusEvent<HTMLButtonElement>) => void;
};

type BarButtonsProps = {
  readonly layout: RoadmapLayout;
  readonly unit: ReturnType<typeof periodUnit>;
  readonly hintId: string;
  readonly uid: string;
  readonly selectedId: string | undefined;
  readonly handlers: BarHandlers;
};

/** Transparent buttons over the bars: focus, keyboard, pointer and an accessible name. */
const BarButtons = memo(function BarButtons({
  layout,
  unit,
  hintId,
  uid,
  selectedId,
  handlers,
}: BarButtonsProps) {
  const names = new Map(layout.bars.map((bar) => [bar.id, bar.name]));
  return (
    <div className="roadmap__buttons">
      {layout.bars.map((bar) => {
        const needs = layout.arrows
          .filter((arrow) => arrow.to === bar.id)
          .map((arrow) => names.get(arrow.from) ?? arrow.from);
        const needsId = `${uid}-needs-${bar.lane}`;
        return (
          <button
            key={bar.id}
            type="button"
            className="roadmap__button"
            data-bar-id={bar.id}
            aria-label={describeBar(bar, layout.periods, unit)}
            title={bar.name}
            aria-describedby={needs.length > 0 ? `${needsId} ${hintId}` : hintId}
            aria-current={bar.id === selectedId ? 'true' : undefined}
            style={{
              left: percent(bar.x, layout.width),
              top: percent(bar.y, layout.height),
              width: percent(bar.width, layout.width),
              height: percent(bar.height, layout.height),
            }}
            {...handlers}
          >
            {needs.length > 0 ? (
              <span id={needsId} className="visually-hidden">
                After {needs.join(', ')}.
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
});
