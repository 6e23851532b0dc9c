/**
 * Invariants of the capacity check over generated valid portfolios and proposals: the proposal
 * joins the stack once, what it pushes out is exactly what the cut line places without it and not
 * with it, committed work is never pushed out, and a proposal that does not fit changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityCheck } from '../../../shared/intake/capacity-check';
import type { Proposal } from '../../../shared/intake/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { computeCutLine, stackOrder } from '../../../shared/prioritize/cutline';
import { isPinned } from '../../../shared/prioritize/status';
import { portfolioArbitrary } from '../portfolio/arbitraries';
import { SETTINGS } from './fixtures';

const RUNS = { numRuns: 300 };

/** A generated portfolio scored on one 0–10 criterion, and a proposal for it. */
const caseArbitrary = portfolioArbitrary.chain((generated) => {
  const ids = generated.initiatives.map((item) => item.id);
  const teamIds = generated.teams.map((team) => team.id);
  const longest = Math.min(3, generated.periods.length);
  const score = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
  return fc.record({
    portfolio: fc
      .array(score, { minLength: ids.length, maxLength: ids.length })
      .map((scores): Portfolio => ({
        ...generated,
        scoring: { model: 'weighted', criteria: [{ id: 'value', name: 'Value', scale: '0-10' }] },
        initiatives: generated.initiatives.map((item, index) => {
          const value = scores[index];
          return value === undefined ? item : { ...item, scores: { value } };
        }),
      })),
    proposal: fc
      .record({
        demand: fc.array(
          fc.array(
            fc.integer({ min: 0, max: 40 }).map((n) => n / 10),
            { maxLength: longest },
          ),
          {
            minLength: teamIds.length,
            maxLength: teamIds.length,
          },
        ),
        spend: fc.option(
          fc.array(
            fc.integer({ min: 0, max: 400 }).map((n) => n / 10),
            { maxLength: longest },
          ),
          {
            nil: undefined,
          },
        ),
        score,
        dependsOn: fc.subarray(ids, { maxLength: Math.min(2, ids.length) }),
        excludes: fc.subarray(ids, { maxLength: Math.min(2, ids.length) }),
      })
      .map((fields): Proposal => ({
        id: 'p',
        title: 'Generated proposal',
        stage: 'screening',
        history: [{ stage: 'screening', date: '2027-01-01' }],
        demand: Object.fromEntries(
          teamIds.map((team, index) => [team, fields.demand[index] ?? []]),
        ),
        ...(fields.spend && { spend: fields.spend }),
        ...(fields.score !== undefined && { scores: { value: fields.score } }),
        dependsOn: fields.dependsOn,
        excludes: fields.excludes.filter((id) => !fields.dependsOn.includes(id)),
      })),
  });
});

describe('capacity check invariants', () => {
  it('adds the proposal to the stack once and keeps the order of the rest', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ portfolio, proposal }) => {
        const check = capacityCheck(portfolio, proposal, SETTINGS);
        expect(check.ranking.filter((id) => id === check.candidateId)).toHaveLength(1);
        expect(check.ranking.filter((id) => id !== check.candidateId)).toEqual(
          stackOrder(portfolio),
        );
        expect(check.rank).toBeGreaterThanOrEqual(1);
        expect(check.rank).toBeLessThanOrEqual(check.competing);
      }),
      RUNS,
    );
  });

  it('pushes out exactly the work placed without it and not with it, never committed work', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ portfolio, proposal }) => {
        const check = capacityCheck(portfolio, proposal, SETTINGS);
        const before = computeCutLine(portfolio, stackOrder(portfolio));
        const candidate = portfolio.initiatives.length; // its index once appended
        const withIt: Portfolio = {
          ...portfolio,
          initiatives: [
            ...portfolio.initiatives,
            {
              id: check.candidateId,
              name: proposal.title,
              status: 'approved',
              ...(proposal.demand && { demand: proposal.demand }),
              ...(proposal.spend && { spend: proposal.spend }),
              ...(proposal.scores && { scores: proposal.scores }),
              ...(proposal.dependsOn?.length && { dependsOn: proposal.dependsOn }),
              ...(proposal.excludes?.length && { excludes: proposal.excludes }),
            },
          ],
        };
        expect(withIt.initiatives).toHaveLength(candidate + 1);
        const after = computeCutLine(withIt, check.ranking);
        const expected = portfolio.initiatives
          .filter((item) => before.byId.get(item.id)?.above && !after.byId.get(item.id)?.above)
          .map((item) => item.id);
        expect(check.pushedOut.map((item) => item.id).sort()).toEqual(expected.sort());
        const byId = new Map(portfolio.initiatives.map((item) => [item.id, item]));
        for (const out of check.pushedOut) expect(isPinned(byId.get(out.id)!)).toBe(false);
        expect(check.landing === 'below').toBe(!after.byId.get(check.candidateId)?.above);
      }),
      RUNS,
    );
  });

  it('changes nothing when it does not fit and pulls nothing up', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ portfolio, proposal }) => {
        const check = capacityCheck(portfolio, { ...proposal, dependsOn: [] }, SETTINGS);
        if (check.landing !== 'below') return;
        expect(check.pushedOut).toEqual([]);
        expect(check.delayed).toEqual([]);
      }),
      RUNS,
    );
  });
});
