import { useRef } from 'react';
import type { Workshop, WorkshopParticipant } from '../../../shared/portfolio/types';
import * as edits from '../../db/edits';
import { useAppStore } from '../../state/store';

/**
 * Ends `participant`'s pass once: a second press while the first is on its way (a double click,
 * Enter held down) does nothing, and one that arrives later is refused by the store, because the
 * pass is no longer theirs, so it never ends the next person's pass too.
 */
export function useFinishPass(
  workshop: Pick<Workshop, 'id'>,
  participant: Pick<WorkshopParticipant, 'id'>,
): () => Promise<void> {
  const finishing = useRef(false);
  return async () => {
    if (finishing.current) return;
    finishing.current = true;
    try {
      const result = await edits.finishPass(workshop.id, participant.id);
      if (!result.ok) {
        useAppStore.getState().notify('error', result.problems[0]?.message ?? 'Refused.');
      }
    } finally {
      finishing.current = false;
    }
  };
}
