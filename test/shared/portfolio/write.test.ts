import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { readPortfolioText, restorePortfolio } from '../../../shared/portfolio/restore';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { portfolioFileName, writePortfolio } from '../../../shared/portfolio/write';
import { MKNAP_FILES, fixtureText, smallPortfolioFile } from './fixtures';

function reread(text: string): Portfolio {
  const result = readPortfolioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

describe('writePortfolio', () => {
  it("starts with the format, the version and Baton's revision, and ends with a newline", () => {
    const text = writePortfolio(DEMO_PORTFOLIO);
    expect(
      text.startsWith(
        '{\n  "format": "baton-portfolio",\n  "version": 1,\n  "batonRevision": 3,\n  "name": ',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives byte-identical JSON on export → import → export of the demo and the fixtures', () => {
    const sources = [
      DEMO_PORTFOLIO,
      reread(JSON.stringify(smallPortfolioFile())),
      ...MKNAP_FILES.map((file) => reread(fixtureText(file))),
    ];
    for (const portfolio of sources) {
      const first = writePortfolio(portfolio);
      const second = writePortfolio(reread(first));
      expect(second).toBe(first);
    }
  });

  it('writes unknown keys back after the known ones, as they were read', () => {
    const file = smallPortfolioFile();
    file.retrospectives = [{ id: 'r1', date: '2027-01-15' }];
    file.initiatives[0] = { riskLevel: 'high', ...file.initiatives[0] };
    const text = writePortfolio(reread(JSON.stringify(file)));
    const document = JSON.parse(text);
    expect(document.retrospectives).toEqual([{ id: 'r1', date: '2027-01-15' }]);
    expect(Object.keys(document.initiatives[0]).at(-1)).toBe('riskLevel');
    expect(Object.keys(document).at(-1)).toBe('retrospectives');
  });

  it('keeps unknown keys named like built-in properties', () => {
    const text =
      '{"format":"baton-portfolio","version":1,"name":"P","toString":"a","constructor":1,"hasOwnProperty":true,' +
      '"initiatives":[{"id":"a","valueOf":2}]}';
    const written = writePortfolio(reread(text));
    expect(written).toContain('"toString": "a"');
    expect(written).toContain('"constructor": 1');
    expect(written).toContain('"hasOwnProperty": true');
    expect(written).toContain('"valueOf": 2');
    expect(writePortfolio(reread(written))).toBe(written);
  });

  it('keeps a null parentId distinct from a missing one', () => {
    const text = writePortfolio(reread(JSON.stringify(smallPortfolioFile())));
    const document = JSON.parse(text);
    expect(document.objectives[0].parentId).toBeNull();
    expect('parentId' in document.objectives[1]).toBe(true);
  });

  it('round-trips any valid portfolio (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }),
    );
    const arbitraryPortfolio = fc
      .record({
        name: fc.string({ minLength: 1, maxLength: 30 }).filter((name) => name.trim().length > 0),
        // Two periods at least: every initiative's demand runs two periods, and must fit the plan.
        periodIds: fc.uniqueArray(id, { minLength: 2, maxLength: 6 }),
        teamIds: fc.uniqueArray(id, { minLength: 0, maxLength: 4 }),
        initiativeIds: fc.uniqueArray(id, { minLength: 0, maxLength: 8 }),
        amounts: fc.array(amount, { minLength: 40, maxLength: 40 }),
        // Unknown keys come from a file, so they hold what JSON can: no -0 (written as 0).
        extra: fc.option(
          fc
            .dictionary(fc.stringMatching(/^x[a-z]{1,5}$/), fc.jsonValue({ maxDepth: 2 }), {
              maxKeys: 2,
            })
            .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>),
        ),
        withBudget: fc.boolean(),
      })
      .map(({ name, periodIds, teamIds, initiativeIds, amounts, extra, withBudget }): Portfolio => {
        const pick = (index: number) => amounts[index % amounts.length] as number;
        const initiatives: Initiative[] = initiativeIds.map((initiativeId, index) => ({
          id: initiativeId,
          name: `Initiative ${initiativeId}`,
          status: 'proposed',
          value: pick(index),
          demand: Object.fromEntries(
            teamIds
              .slice(0, 2)
              .map((teamId, t) => [teamId, [pick(index + t), pick(index + t + 1)]]),
          ),
          ...(index > 0 && { dependsOn: [initiativeIds[index - 1] as string] }),
          ...(index % 3 === 1 && { forced: 'in' as const, forcedReason: 'Regulation' }),
        }));
        return {
          name,
          periods: periodIds.map((periodId) => ({ id: periodId, label: periodId.toUpperCase() })),
          teams: teamIds.map((teamId, index) => ({
            id: teamId,
            name: teamId,
            capacity: Object.fromEntries(
              periodIds.map((periodId, p) => [periodId, pick(index + p)]),
            ),
          })),
          ...(withBudget && {
            budget: Object.fromEntries(periodIds.map((periodId, p) => [periodId, pick(p)])),
          }),
          objectives: [],
          initiatives,
          scenarios: [{ id: 'base', name: 'Base', ranking: [...initiativeIds].reverse() }],
          ...(extra && Object.keys(extra).length > 0 && { extras: extra }),
        };
      });
    fc.assert(
      fc.property(arbitraryPortfolio, (portfolio) => {
        const text = writePortfolio(portfolio);
        const back = restorePortfolio(JSON.parse(text));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.portfolio).toEqual(portfolio);
        expect(writePortfolio(back.portfolio)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('portfolioFileName', () => {
  it('makes a safe file name from the portfolio name', () => {
    expect(portfolioFileName('Northwind 2027 plan')).toBe('northwind-2027-plan.baton.json');
    expect(portfolioFileName('Café / R&D: Q1')).toBe('cafe-r-d-q1.baton.json');
    expect(portfolioFileName('***')).toBe('portfolio.baton.json');
  });
});
