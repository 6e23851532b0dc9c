/**
 * The intake section of the pack as blocks, in jsdom: its tables and notes, left out without
 * proposals, and a long rationale cut to keep its row short (the printed page was checked with
 * `baton pack … --sections intake`).
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { PackInput } from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { INTAKE_RATIONALE_CHARS, intakeSection } from '../../../renderer/pack/IntakePage';
import type { Block, TableBlock } from '../../../renderer/pack/sections';
import { packSections } from '../../../renderer/pack/sections';

function input(portfolio: Portfolio = DEMO_PORTFOLIO): PackInput {
  return {
    portfolio,
    settings: { ...defaultPackSettings(portfolio, '2026-11-25'), sections: ['intake'] },
  };
}

function table(blocks: readonly Block[], key: string): TableBlock {
  const found = blocks.find((block) => block.key === key);
  if (found?.kind !== 'table') throw new Error(`no table ${key}`);
  return found;
}

/** A table's rows as the text of each cell. */
function rowsOf(block: TableBlock): string[][] {
  return block.rows.map((row) =>
    row.cells.map((cell) => {
      const { container, unmount } = render(<div>{cell}</div>);
      const text = container.textContent ?? '';
      unmount();
      return text;
    }),
  );
}

describe('the intake section of the pack', () => {
  it('lists the gate decisions and what waits at the gate, with the overdue revisit', () => {
    const blocks = intakeSection(input());
    const decisions = table(blocks, 'intake-decisions');
    expect(decisions.head).toEqual(['Date', 'Decision', 'Proposal']);
    expect(rowsOf(decisions).map((row) => row.slice(0, 2))).toEqual([
      ['2026-10-19', 'Deferred'],
      ['2026-10-14', 'Rejected'],
      ['2026-09-21', 'Approved'],
      ['2026-09-16', 'Deferred'],
    ]);
    const waiting = rowsOf(table(blocks, 'intake-waiting'));
    expect(waiting[0]).toEqual([
      'Drone stock counts in Venlo',
      'Deferredrevisit 9 days overdue',
      '70',
      'Sanne Bakker',
      'XL',
      '0.39',
      'Blocked: does not fit the plan of record',
    ]);
    expect(waiting[3]?.[6]).toBe('Passes the gate');
    render(<div>{blocks.map((block) => (block.kind === 'flow' ? block.node : null))}</div>);
    expect(
      screen.getByText(
        'Overdue for their revisit: Drone stock counts in Venlo (due 2026-11-16, 9 days ago).',
      ),
    ).toBeInTheDocument();
  });

  it('cuts a long rationale, pointing to the decision log for the rest', () => {
    const rationale = `${'The depot budget is committed to the new sorter. '.repeat(12)}End.`;
    const portfolio: Portfolio = {
      ...DEMO_PORTFOLIO,
      decisions: [
        {
          id: 'gate-1',
          date: '2026-10-14',
          kind: 'gate',
          title: 'Gate: rejected “Own parcel lockers in Belgium”',
          decision: 'Rejected.',
          rationale,
        },
      ],
      proposals: (DEMO_PORTFOLIO.proposals ?? []).map((proposal) =>
        proposal.id === 'belgian-lockers'
          ? {
              ...proposal,
              history: proposal.history.map((change) =>
                change.stage === 'rejected' ? { ...change, decisionId: 'gate-1' } : change,
              ),
              decisionIds: ['gate-1'],
            }
          : proposal,
      ),
    };
    const row = rowsOf(table(intakeSection(input(portfolio)), 'intake-decisions'))[1];
    const text = row?.[2] ?? '';
    expect(text).toContain('Why: The depot budget is committed');
    expect(text).toContain('… (in full in the decision log)');
    expect(text.length).toBeLessThan(INTAKE_RATIONALE_CHARS + 120);
  });

  it('is left out of a pack of a portfolio without proposals, and says when nothing waits', () => {
    const { proposals: _none, ...bare } = DEMO_PORTFOLIO;
    expect(intakeSection(input(bare))).toEqual([]);
    const empty = input(bare);
    const content = buildPackContent(empty.portfolio, empty.settings);
    expect(packSections(empty, content, { widthPx: 673, heightPx: 987 })).toEqual([]);

    const decided: Portfolio = {
      ...DEMO_PORTFOLIO,
      proposals: (DEMO_PORTFOLIO.proposals ?? []).filter((proposal) =>
        ['approved', 'rejected', 'draft'].includes(proposal.stage),
      ),
    };
    const blocks = intakeSection(input(decided));
    render(<div>{blocks.map((block) => (block.kind === 'flow' ? block.node : null))}</div>);
    expect(
      screen.getByText('No proposal is submitted, in review or deferred.'),
    ).toBeInTheDocument();
    expect(within(document.body).queryByText(/Overdue for their revisit/)).toBeNull();
  });
});
