/** What changed between two portfolios, on hand-made changes and as properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffIsEmpty, diffPortfolios, diffSentences } from '../../../shared/cadence/diff';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import type { Portfolio } from '../../../shared/portfolio/types';
import { agendaPortfolio } from './fixture';

describe('diffPortfolios', () => {
  it('finds nothing between a portfolio and itself', () => {
    expect(diffIsEmpty(diffPortfolios(DEMO_PORTFOLIO, DEMO_PORTFOLIO))).toBe(true);
    expect(diffSentences(diffPortfolios(DEMO_PORTFOLIO, DEMO_PORTFOLIO))).toEqual([]);
  });

  it('counts a new name as a change, and says the old one', () => {
    const before = agendaPortfolio();
    const after: Portfolio = {
      ...before,
      initiatives: before.initiatives.map((item, index) =>
        index === 0 ? { ...item, name: 'CRM replacement' } : item,
      ),
    };
    const diff = diffPortfolios(before, after);
    expect(diff.changed).toEqual([
      { id: 'crm', name: 'CRM replacement', renamed: { before: 'CRM', after: 'CRM replacement' } },
    ]);
    expect(diffSentences(diff, after)).toContain(
      'Changed 1 initiative: CRM replacement (renamed from CRM).',
    );
  });

  it('lists additions, removals, changes, the cut line, capacity, budget and decisions', () => {
    const before = agendaPortfolio();
    const after: Portfolio = {
      ...before,
      // Platform grows to 5 FTE in Q1 and Q2: WMS now fits beside CRM.
      teams: [{ id: 'platform', name: 'Platform', capacity: { q1: 5, q2: 5 } }],
      budget: { q1: 200, q2: 300 },
      initiatives: [
        { ...before.initiatives[0]!, value: 9, spend: [100, 120] },
        before.initiatives[1]!,
        { id: 'chatbot', name: 'Chatbot', status: 'proposed' },
      ],
      decisions: [
        ...before.decisions!,
        { id: 'd2', date: '2027-03-02', kind: 'review', title: 'Grow Platform', decision: 'Hire.' },
      ],
    };
    const diff = diffPortfolios(before, after);
    expect(diff).toEqual({
      added: [{ id: 'chatbot', name: 'Chatbot' }],
      removed: [{ id: 'portal', name: 'Portal' }],
      changed: [
        {
          id: 'crm',
          name: 'CRM',
          value: { before: 8, after: 9 },
          spend: { before: 200, after: 220 },
        },
      ],
      scenario: { id: 'plan', name: 'Plan' },
      cutLine: [{ id: 'wms', name: 'WMS', direction: 'in', rankBefore: 2, rankAfter: 2 }],
      capacity: [
        {
          teamId: 'platform',
          teamName: 'Platform',
          periodId: 'q1',
          periodLabel: 'Q1 2027',
          change: { before: 4, after: 5 },
        },
        {
          teamId: 'platform',
          teamName: 'Platform',
          periodId: 'q2',
          periodLabel: 'Q2 2027',
          change: { before: 4, after: 5 },
        },
      ],
      budget: [
        { periodId: 'q1', periodLabel: 'Q1 2027', change: { before: 150, after: 200 } },
        { periodId: 'q2', periodLabel: 'Q2 2027', change: { before: undefined, after: 300 } },
      ],
      decisions: [{ id: 'd2', date: '2027-03-02', title: 'Grow Platform' }],
    });
    expect(diffSentences(diff, after)).toEqual([
      'Added 1 initiative: Chatbot.',
      'Removed 1 initiative: Portal.',
      'Changed 1 initiative: CRM (value 8 → 9, spend EUR 200 → EUR 220).',
      'The cut line of Plan moved: WMS moved above it.',
      'Capacity changed: Platform in Q1 2027 4 FTE → 5 FTE; Platform in Q2 2027 4 FTE → 5 FTE.',
      'Budget changed: Q1 2027 EUR 150 → EUR 200; Q2 2027 none → EUR 300.',
      '1 decision recorded: Grow Platform (2027-03-02).',
    ]);
  });

  it('is empty on itself and adding/removing turns one set of initiatives into the other', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    const make = (list: readonly string[], statuses: readonly boolean[]): Portfolio => ({
      ...agendaPortfolio(),
      initiatives: list.map((id, index) => ({
        id,
        name: id.toUpperCase(),
        status: statuses[index] ? 'active' : 'proposed',
        demand: { platform: [1] },
      })),
      scenarios: [{ id: 'plan', name: 'Plan', ranking: [...list] }],
    });
    fc.assert(
      fc.property(ids, ids, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (a, b, s) => {
        const before = make(a, s);
        const after = make(b, s);
        expect(diffIsEmpty(diffPortfolios(before, before))).toBe(true);
        const diff = diffPortfolios(before, after);
        const removed = new Set(diff.removed.map((entry) => entry.id));
        const result = [
          ...a.filter((id) => !removed.has(id)),
          ...diff.added.map((entry) => entry.id),
        ].sort();
        expect(result).toEqual([...b].sort());
      }),
    );
  });
});
