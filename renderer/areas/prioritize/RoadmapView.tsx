/** The roadmap of what is above the line; dragging a bar pins the initiative's start. */
import { useMemo, useState } from 'react';
import { computeCutLine, describeReason } from '../../../shared/prioritize/cutline';
import type { Portfolio } from '../../../shared/portfolio/types';
import { Roadmap } from '../../charts/Roadmap';
import { setInitiativeDetail } from '../../db/edits';
import { useAppStore } from '../../state/store';

export type RoadmapViewProps = {
  readonly portfolio: Portfolio;
  readonly stack: readonly string[];
};

export function RoadmapView({ portfolio, stack }: RoadmapViewProps) {
  const notify = useAppStore((state) => state.notify);
  const cutLine = useMemo(() => computeCutLine(portfolio, stack), [portfolio, stack]);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const selected = portfolio.initiatives.find((item) => item.id === selectedId);
  const placement = selectedId ? cutLine.byId.get(selectedId) : undefined;
  const label = (periodId: string) =>
    portfolio.periods.find((period) => period.id === periodId)?.label ?? periodId;

  const pin = (id: string, periodId: string | undefined) => {
    const name = portfolio.initiatives.find((item) => item.id === id)?.name ?? id;
    void setInitiativeDetail(id, 'start', periodId).then((result) => {
      if (!result.ok) {
        notify('error', `${name}: ${result.problems[0]?.message ?? 'the start was refused'}`);
        return;
      }
      const after = computeCutLine(
        {
          ...portfolio,
          initiatives: portfolio.initiatives.map((item) =>
            item.id === id ? { ...item, ...(periodId ? { start: periodId } : {}) } : item,
          ),
        },
        stack,
      ).byId.get(id);
      if (periodId && after && !after.above) {
        notify(
          'error',
          `${name} is pinned to ${label(periodId)} but now falls below the line: ${describeReason(after.reason, portfolio)}. Undo with Ctrl+Z.`,
        );
      } else {
        notify(
          'success',
          periodId
            ? `${name} now starts in ${label(periodId)}.`
            : `${name} may start whenever it fits.`,
        );
      }
    });
  };

  if (cutLine.placements.every((entry) => !entry.above)) {
    return (
      <div className="empty-state">
        <h3>Nothing is above the line</h3>
        <p>The roadmap shows the initiatives that fit. Rank the stack on the board first.</p>
      </div>
    );
  }

  return (
    <div className="roadmap-view">
      <p className="hint">
        Drag a bar to another period, or focus it and use the arrow keys and Enter, to pin its
        start. Ctrl+Z undoes.
      </p>
      <Roadmap
        portfolio={portfolio}
        cutLine={cutLine}
        onPinStart={(id, periodId) => pin(id, periodId)}
        onSelect={setSelectedId}
        {...(selectedId !== undefined && { selectedId })}
      />
      {selected && (
        <section className="roadmap-view__detail" aria-label={`${selected.name} on the roadmap`}>
          <h3>{selected.name}</h3>
          <p>
            {placement?.above
              ? `Starts ${label(placement.start)}${selected.start ? ' (pinned)' : ' (earliest that fits)'}`
              : placement
                ? `Below the line: ${describeReason(placement.reason, portfolio)}`
                : ''}
          </p>
          {selected.start && (
            <button type="button" className="button" onClick={() => pin(selected.id, undefined)}>
              Unpin start
            </button>
          )}
        </section>
      )}
    </div>
  );
}
