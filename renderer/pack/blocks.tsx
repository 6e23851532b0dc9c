/**
 * The small flow blocks every section of the pack is built from (a paragraph of any content, a
 * sub-heading kept with what follows it, a note), in one place for sections.tsx, IntakePage.tsx
 * and ReviewPages.tsx.
 */
import type { ReactNode } from 'react';
import { Heading } from './Heading';
import type { FlowBlock } from './sections';

/** A block of any content; `keepWithNext` keeps it on the page of the block after it. */
export function flow(key: string, node: ReactNode, keepWithNext = false): FlowBlock {
  return { kind: 'flow', key, node, ...(keepWithNext && { keepWithNext }) };
}

/** A third-level heading, kept with the block after it. */
export function subheading(key: string, text: string): FlowBlock {
  return flow(
    key,
    <Heading level={3} className="pack-h3">
      {text}
    </Heading>,
    true,
  );
}

/** A note in the pack's small, quiet type. */
export function note(key: string, text: string): FlowBlock {
  return flow(key, <p className="pack-note">{text}</p>);
}
