/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab in the Tab order, arrow keys move between them.
 * Tab `x` has the id `tab-x` and controls the panel `panel-x`, which the caller renders.
 */
import { useRef, type KeyboardEvent } from 'react';

export type TabListProps<T extends string> = {
  /** What the tabs choose between, for assistive technology. */
  readonly label: string;
  readonly tabs: readonly T[];
  readonly labels: Readonly<Record<T, string>>;
  readonly selected: T;
  readonly onSelect: (tab: T) => void;
};

export function TabList<T extends string>({
  label,
  tabs,
  labels,
  selected,
  onSelect,
}: TabListProps<T>) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = tabs.indexOf(selected);
    const next = tabs[(index + step + tabs.length) % tabs.length] as T;
    onSelect(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((id) => (
        <button
          key={id}
          ref={(node) => {
            refs.current[id] = node;
          }}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={selected === id}
          aria-controls={`panel-${id}`}
          tabIndex={selected === id ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(id)}
        >
          {labels[id]}
        </button>
      ))}
    </div>
  );
}
