/** The migration chain: generic checks, the file's chain, and files of every earlier revision. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  CURRENT_REVISION,
  FILE_MIGRATIONS,
  checkMigrationChain,
  keepScoresOnTheirScale,
  liftEstimateRange,
  migrateDocument,
  runMigrations,
  type Migration,
  type PortfolioDocument,
} from '../../../shared/portfolio/migrations';
import { readPortfolioText, restorePortfolio } from '../../../shared/portfolio/restore';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import { portfolioToDocument, writePortfolio } from '../../../shared/portfolio/write';
import { fixtureText, smallPortfolioFile } from './fixtures';

/** Freezes `value` and everything inside it, so any change a migration tried would throw. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || Object.isFrozen(node)) continue;
    Object.freeze(node);
    for (const key of Reflect.ownKeys(node))
      stack.push((node as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function read(text: string): Portfolio {
  const result = readPortfolioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

const REVISIONS_DIR = fileURLToPath(new URL('../../fixtures/revisions/', import.meta.url));
/** Every fixture of an earlier revision: `revision-N.baton.json` with N below the current one. */
const EARLIER_FILES = readdirSync(REVISIONS_DIR)
  .filter((file) => /^revision-\d+\.baton\.json$/.test(file))
  .filter((file) => Number(/\d+/.exec(file)?.[0]) < CURRENT_REVISION)
  .map((file) => `revisions/${file}`);

type Numbered = { readonly steps: readonly string[] };
const step = (name: string, from: number, to: number): Migration<Numbered> => ({
  name,
  from,
  to,
  migrate: (input) => ({ steps: [...input.steps, name] }),
});

describe('runMigrations', () => {
  const chain = [step('a', 1, 2), step('b', 2, 3), step('c', 3, 5)];

  it('runs the steps from the given revision on, once each and in order', () => {
    expect(runMigrations(chain, { steps: [] }, 1)).toEqual({
      output: { steps: ['a', 'b', 'c'] },
      ran: ['a', 'b', 'c'],
    });
    expect(runMigrations(chain, { steps: [] }, 3).ran).toEqual(['c']);
  });

  it('runs nothing for a document already at the last revision, and gives it back', () => {
    const input = { steps: [] };
    const run = runMigrations(chain, input, 5);
    expect(run.ran).toEqual([]);
    expect(run.output).toBe(input);
  });

  it('leaves its input as it was', () => {
    const input = deepFreeze({ steps: ['before'] });
    expect(runMigrations(chain, input, 1).output).toEqual({ steps: ['before', 'a', 'b', 'c'] });
    expect(input).toEqual({ steps: ['before'] });
  });

  it('refuses a chain with a gap, out of order, going down, or with a name twice', () => {
    expect(() => checkMigrationChain([step('a', 1, 2), step('b', 3, 4)])).toThrow(/contiguous/);
    expect(() => checkMigrationChain([step('b', 2, 3), step('a', 1, 2)])).toThrow(/contiguous/);
    expect(() => checkMigrationChain([step('a', 2, 2)])).toThrow(/goes up/);
    expect(() => checkMigrationChain([step('a', 1.5, 2)])).toThrow(/whole revision/);
    expect(() => checkMigrationChain([step('a', 1, 2), step('a', 2, 3)])).toThrow(/named "a"/);
    expect(() => runMigrations([step('a', 1, 2), step('b', 3, 4)], { steps: [] }, 1)).toThrow();
  });

  it('refuses a revision the chain neither starts a step at nor ends at', () => {
    expect(() => runMigrations(chain, { steps: [] }, 0)).toThrow(/revision 0/);
    expect(() => runMigrations(chain, { steps: [] }, 4)).toThrow(/revision 4/);
    expect(() => runMigrations(chain, { steps: [] }, 6)).toThrow(/revision 6/);
  });
});

describe('the file chain', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is contiguous from revision 1 and ends at the current revision', () => {
    expect(() => checkMigrationChain(FILE_MIGRATIONS)).not.toThrow();
    expect(FILE_MIGRATIONS[0]?.from).toBe(1);
    expect(FILE_MIGRATIONS.at(-1)?.to).toBe(CURRENT_REVISION);
  });

  it('runs each migration exactly once for a revision-1 file, and none for a current one', () => {
    const spies = FILE_MIGRATIONS.map((migration) => vi.spyOn(migration, 'migrate'));
    expect(read(fixtureText('revisions/revision-1.baton.json')).name).toBe('Revision 1 plan');
    for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
    for (const spy of spies) spy.mockClear();
    read(fixtureText('revisions/revision-3.baton.json'));
    read(writePortfolio(DEMO_PORTFOLIO));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('names the steps it ran', () => {
    const revision1 = JSON.parse(fixtureText('revisions/revision-1.baton.json'));
    expect(migrateDocument(revision1)).toMatchObject({
      ok: true,
      ran: FILE_MIGRATIONS.map((migration) => migration.name),
    });
    expect(migrateDocument(portfolioToDocument(DEMO_PORTFOLIO))).toMatchObject({
      ok: true,
      ran: [],
    });
  });

  it('never changes what it is given (every step, on a frozen file)', () => {
    for (const file of EARLIER_FILES) {
      const text = fixtureText(file);
      const document = deepFreeze(JSON.parse(text) as PortfolioDocument);
      let revision = 1;
      for (const migration of FILE_MIGRATIONS) {
        if (migration.from < revision) continue;
        expect(() => migration.migrate(document)).not.toThrow();
        revision = migration.to;
      }
      expect(document).toEqual(JSON.parse(text));
      // And the reader as a whole, which runs the chain first.
      expect(restorePortfolio(document).ok).toBe(true);
    }
  });

  it('exercises every registered migration with the fixtures of earlier revisions', () => {
    const ran = new Set<string>();
    for (const file of EARLIER_FILES) {
      const result = migrateDocument(JSON.parse(fixtureText(file)));
      if (result.ok) for (const name of result.ran) ran.add(name);
    }
    expect(EARLIER_FILES.length).toBeGreaterThan(0);
    expect([...ran].sort()).toEqual(FILE_MIGRATIONS.map((migration) => migration.name).sort());
  });

  it('refuses a file of a newer revision, saying so', () => {
    const file = { ...smallPortfolioFile(), batonRevision: 4 };
    expect(restorePortfolio(file)).toEqual({
      ok: false,
      errors: [
        {
          path: 'batonRevision',
          message: 'made by a newer Baton (revision 4); this one reads up to revision 3',
          where: 'Baton revision',
        },
      ],
      problemCount: 1,
    });
  });

  it('refuses a revision that is not a whole number from 1', () => {
    for (const batonRevision of [0, 1.5, '2', null, -1]) {
      const result = restorePortfolio({ ...smallPortfolioFile(), batonRevision });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([
        {
          path: 'batonRevision',
          message:
            "expected a whole number from 1 to 3: the revision of Baton's own keys the file was written with",
          where: 'Baton revision',
        },
      ]);
    }
  });

  it('reads an explicit revision 1 like a file without the key', () => {
    const file = JSON.parse(fixtureText('revisions/revision-1.baton.json'));
    const explicit = { format: file.format, version: file.version, batonRevision: 1, ...file };
    expect(writePortfolio(read(JSON.stringify(explicit)))).toBe(
      writePortfolio(read(JSON.stringify(file))),
    );
  });
});

describe('a revision-1 file', () => {
  const text = fixtureText('revisions/revision-1.baton.json');

  it('has no batonRevision key (what wave-1 Baton and outside tools write)', () => {
    expect(Object.hasOwn(JSON.parse(text), 'batonRevision')).toBe(false);
  });

  it('reads into today’s model: a valid estimateRange is the field, one that is no share is kept aside', () => {
    const portfolio = read(text);
    const [crm, lake, portal, intranet] = portfolio.initiatives;
    expect(crm?.estimateRange).toBe(0.3);
    expect(crm?.extras).toEqual({ riskLevel: 'high' });
    expect(lake?.estimateRange).toBeUndefined();
    expect(lake?.extras).toEqual({
      estimateRangeUnread: 1.5,
      'owner-note': 'range typed as 150 %',
    });
    expect(portal?.extras).toEqual({ estimateRangeUnread: 'wide' });
    // 0 is a share: the estimate is known exactly.
    expect(intranet?.estimateRange).toBe(0);
  });

  it('writes as revision 3, byte for byte as expected', () => {
    const written = writePortfolio(read(text));
    expect(written).toBe(fixtureText('revisions/revision-1.as-revision-3.baton.json'));
    expect(written.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "format": "baton-portfolio",',
      '  "version": 1,',
      '  "batonRevision": 3,',
    ]);
  });

  it('round-trips once read: export → import → export gives the same bytes', () => {
    const first = writePortfolio(read(text));
    expect(writePortfolio(read(first))).toBe(first);
  });

  it('keeps the value it could not read aside even when that key is taken: refused, nothing lost', () => {
    const file = JSON.parse(text);
    file.initiatives[1].estimateRangeUnread = 'earlier note';
    const result = restorePortfolio(file);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          path: 'initiatives[1].estimateRange',
          message: 'expected a share from 0 up to but not including 1 (0.3 for ± 30 %)',
          where: 'Initiative Data lake, estimate range',
        },
      ],
    });
  });
});

describe('a revision-3 file', () => {
  const text = fixtureText('revisions/revision-3.baton.json');

  it('reads and writes back the same bytes: judgments, the scale and the source of criteria', () => {
    const portfolio = read(text);
    expect(portfolio.objectiveComparisons).toEqual([
      { parentId: null, judgments: [{ a: 'grow', b: 'save', ratio: 3 }] },
    ]);
    expect(
      portfolio.scoring?.criteria?.map((criterion) => criterion.source ?? criterion.scale),
    ).toEqual(['strategic-fit', '1-5']);
    expect(writePortfolio(portfolio)).toBe(text);
  });

  it('writes the weights its judgments give, for readers that know nothing of judgments', () => {
    const file = JSON.parse(text);
    file.objectives[0].weight = 0.1;
    file.objectives[1].weight = 0.9;
    expect(writePortfolio(read(JSON.stringify(file)))).toBe(text);
  });
});

describe('a revision-2 file', () => {
  const text = fixtureText('revisions/revision-2.baton.json');

  it('reads, and writes as revision 3 with nothing else changed', () => {
    expect(writePortfolio(read(text))).toBe(
      text.replace('"batonRevision": 2,', '"batonRevision": 3,'),
    );
  });

  it('refuses an estimateRange that is no share, since revision 2 checks it', () => {
    const file = JSON.parse(text);
    file.initiatives[0].estimateRange = 1.5;
    expect(restorePortfolio(file)).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ path: 'initiatives[0].estimateRange' })],
    });
  });
});

describe('a revision-2 file scored with WSJF or RICE', () => {
  const revision2 = (scoring: object, scores: readonly object[]) => ({
    ...smallPortfolioFile(),
    batonRevision: 2,
    scoring,
    initiatives: smallPortfolioFile().initiatives.map((initiative: object, index: number) => ({
      ...initiative,
      scores: scores[index] ?? {},
    })),
  });

  it('keeps WSJF scores off the Fibonacci scale on the 0–100 scale they were typed on', () => {
    const file = revision2({ model: 'wsjf' }, [
      { businessValue: 40, timeCriticality: 8, jobSize: 13 },
      { businessValue: 20, jobSize: 5 },
    ]);
    const portfolio = read(JSON.stringify(deepFreeze(file)));
    expect(portfolio.scoring).toEqual({
      model: 'wsjf',
      criteria: [{ id: 'businessValue', name: 'Business value', scale: '0-100' }],
    });
    expect(portfolio.initiatives[0]?.scores).toEqual({
      businessValue: 40,
      timeCriticality: 8,
      jobSize: 13,
    });
    // Written as revision 3, it reads back the same.
    const written = writePortfolio(portfolio);
    expect(writePortfolio(read(written))).toBe(written);
  });

  it('keeps a criterion’s own scale, and leaves scores already on the scale alone', () => {
    const file = revision2(
      { model: 'wsjf', criteria: [{ id: 'jobSize', name: 'Size', scale: '1-10' }] },
      [{ businessValue: 13, jobSize: 7 }],
    );
    expect(read(JSON.stringify(file)).scoring).toEqual({
      model: 'wsjf',
      criteria: [{ id: 'jobSize', name: 'Size', scale: '1-10' }],
    });
  });

  it('keeps RICE impact and confidence off RICE’s values aside, and reads the rest', () => {
    const file = revision2({ model: 'rice' }, [
      { reach: 500, impact: 1.5, confidence: 0.8, effort: 2 },
      { reach: 100, impact: 2, confidence: 0.5, effort: 1 },
    ]);
    const portfolio = read(JSON.stringify(deepFreeze(file)));
    const [first, second] = portfolio.initiatives;
    expect(first?.scores).toEqual({ reach: 500, confidence: 0.8, effort: 2 });
    expect(first?.extras).toEqual({ scoresUnread: { impact: 1.5 } });
    expect(second?.scores).toEqual({ reach: 100, impact: 2, confidence: 0.5, effort: 1 });
    expect(second?.extras).toBeUndefined();
    expect(writePortfolio(portfolio)).toContain(
      '"scoresUnread": {\n        "impact": 1.5\n      }',
    );
  });

  it('does the same to stored records, whose unknown keys are in extras', () => {
    const stored = deepFreeze<Initiative[]>([
      { id: 'a', name: 'A', status: 'proposed', scores: { impact: 0.7, reach: 1 } },
      { id: 'b', name: 'B', status: 'proposed', scores: { impact: 1 } },
    ]);
    const kept = keepScoresOnTheirScale({ model: 'rice' }, stored, 'extras');
    expect(kept.initiatives).toEqual([
      { ...stored[0], scores: { reach: 1 }, extras: { scoresUnread: { impact: 0.7 } } },
      stored[1],
    ]);
    const weighted = { model: 'weighted', criteria: [] };
    expect(keepScoresOnTheirScale(weighted, stored, 'extras')).toEqual({
      scoring: weighted,
      initiatives: stored,
    });
  });
});

describe('liftEstimateRange (for data stored before revision 2)', () => {
  const base: Initiative = { id: 'a', name: 'A', status: 'proposed' };

  it('makes a valid extra the field, and moves one that is no share aside', () => {
    const stored = deepFreeze({ ...base, extras: { estimateRange: 0.4, riskLevel: 'low' } });
    expect(liftEstimateRange(stored)).toEqual({
      ...base,
      estimateRange: 0.4,
      extras: { riskLevel: 'low' },
    });
    expect(liftEstimateRange({ ...base, extras: { estimateRange: 0.4 } })).toEqual({
      ...base,
      estimateRange: 0.4,
    });
    expect(liftEstimateRange(deepFreeze({ ...base, extras: { estimateRange: 2 } }))).toEqual({
      ...base,
      extras: { estimateRangeUnread: 2 },
    });
  });

  it('gives back the same initiative when there is nothing to move', () => {
    const plain = { ...base, estimateRange: 0.2 };
    expect(liftEstimateRange(plain)).toBe(plain);
    const taken = { ...base, extras: { estimateRange: 5, estimateRangeUnread: 'x' } };
    expect(liftEstimateRange(taken)).toBe(taken);
  });

  it('gives what the file reader gives for the same value in a revision-1 file', () => {
    for (const value of [0, 0.3, 0.999, 1, 1.5, -0.1, 'wide', null]) {
      const stored: Initiative = { ...base, extras: { estimateRange: value } };
      const file = {
        format: 'baton-portfolio',
        version: 1,
        name: 'P',
        initiatives: [{ id: 'a', name: 'A', status: 'proposed', estimateRange: value }],
      };
      expect(liftEstimateRange(stored)).toEqual(read(JSON.stringify(file)).initiatives[0]);
    }
  });
});
