/**
 * The pack's sections: a check box each to include it, and Move up / Move down to order the
 * chosen ones (buttons, so the order can be set from the keyboard as easily as with a mouse).
 */
import { useRef } from 'react';
import { PACK_SECTIONS, SECTION_INFO, type PackSectionId } from '../../../shared/pack/types';

type Props = {
  /** The chosen sections, in print order. */
  readonly chosen: readonly PackSectionId[];
  readonly onChange: (sections: readonly PackSectionId[]) => void;
  /** A note per section, e.g. why it will be left out. */
  readonly notes: Partial<Record<PackSectionId, string>>;
};

/** The cover is the first page whatever the order: it is not moved with the others. */
const PINNED: PackSectionId = 'cover';

/** Puts a section back where the default order has it, among the chosen ones. */
export function withSection(chosen: readonly PackSectionId[], id: PackSectionId): PackSectionId[] {
  const rank = PACK_SECTIONS.indexOf(id);
  const after = chosen.findIndex((other) => PACK_SECTIONS.indexOf(other) > rank);
  const next = [...chosen];
  next.splice(after === -1 ? next.length : after, 0, id);
  return next;
}

export function moveSection(
  chosen: readonly PackSectionId[],
  id: PackSectionId,
  by: -1 | 1,
): PackSectionId[] {
  const index = chosen.indexOf(id);
  const target = index + by;
  const floor = chosen[0] === PINNED ? 1 : 0;
  if (id === PINNED || index < 0 || target < floor || target >= chosen.length) return [...chosen];
  const next = [...chosen];
  next.splice(index, 1);
  next.splice(target, 0, id);
  return next;
}

export function SectionList({ chosen, onChange, notes }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const rest = PACK_SECTIONS.filter((id) => !chosen.includes(id));
  const focusMove = (id: PackSectionId, direction: 'up' | 'down') => {
    // Keep the focus on the button that moved, now in its new row.
    requestAnimationFrame(() => {
      const button = list.current?.querySelector<HTMLButtonElement>(
        `[data-section="${id}"] [data-move="${direction}"]`,
      );
      if (button && !button.disabled) button.focus();
      else list.current?.querySelector<HTMLInputElement>(`[data-section="${id}"] input`)?.focus();
    });
  };
  const row = (id: PackSectionId, index: number | null) => {
    const info = SECTION_INFO[id];
    const included = index !== null;
    return (
      <li key={id} className="pack-sections__row" data-section={id}>
        <label className="pack-sections__label">
          <input
            type="checkbox"
            checked={included}
            disabled={included && chosen.length === 1}
            onChange={() =>
              onChange(included ? chosen.filter((other) => other !== id) : withSection(chosen, id))
            }
          />
          <span>
            <span className="pack-sections__title">{info.title}</span>
            <span className="pack-sections__about">{notes[id] ?? info.about}</span>
          </span>
        </label>
        {included && id !== PINNED && (
          <span className="pack-sections__moves">
            <button
              type="button"
              className="button button--small button--quiet"
              data-move="up"
              aria-label={`Move ${info.title} up`}
              disabled={index === (chosen[0] === PINNED ? 1 : 0)}
              onClick={() => {
                onChange(moveSection(chosen, id, -1));
                focusMove(id, 'up');
              }}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              data-move="down"
              aria-label={`Move ${info.title} down`}
              disabled={index === chosen.length - 1}
              onClick={() => {
                onChange(moveSection(chosen, id, 1));
                focusMove(id, 'down');
              }}
            >
              ↓
            </button>
          </span>
        )}
      </li>
    );
  };
  return (
    <>
      <ol className="pack-sections" ref={list} aria-label="Sections in the pack, in order">
        {chosen.map((id, index) => row(id, index))}
      </ol>
      {rest.length > 0 && (
        <ul className="pack-sections pack-sections--rest" aria-label="Sections left out">
          {rest.map((id) => row(id, null))}
        </ul>
      )}
    </>
  );
}
