/** checkRecord: one record checked on its own agrees with the reader of the whole file. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  checkRecord,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { portfolioToDocument, type RecordEntity } from '../../../shared/portfolio/write';
import { smallPortfolioFile } from './fixtures';

function read(file: unknown): Portfolio {
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

const SMALL = read({
  ...smallPortfolioFile(),
  actuals: [
    { initiativeId: 'crm-revamp', periodId: '2027-Q1', spend: 10, effort: { platform: 2 } },
  ],
  decisions: [
    {
      id: 'd1',
      date: '2027-01-12',
      kind: 'gate',
      title: 'Gate 1',
      decision: 'Go.',
      concerns: [{ kind: 'initiative', id: 'crm-revamp' }],
    },
  ],
});

const ENTITIES: readonly RecordEntity[] = [
  'periods',
  'teams',
  'objectives',
  'initiatives',
  'scenarios',
  'actuals',
  'decisions',
];

/** What the rules between records say (checkRecord leaves those to `checkPortfolioRules`). */
const RULE_MESSAGE =
  /does not exist|used more than once|ranked twice|a cycle|cannot (depend on|exclude|supersede)|own parent|after latest start|before it starts|lasts \d+ periods|model's scale|a second entry|superseded by|comes later/;

/**
 * The whole reader's problems of `portfolio` with record `index` of `entity` replaced by `record`,
 * written as the writer writes it: those in that record, and only shape problems (not the rules).
 */
function readerProblems(
  portfolio: Portfolio,
  entity: RecordEntity,
  index: number,
  record: object,
): PortfolioProblem[] {
  const list: object[] = [...((portfolio[entity] ?? []) as readonly object[])];
  list[index] = record;
  const result = restorePortfolio(portfolioToDocument({ ...portfolio, [entity]: list }));
  if (result.ok) return [];
  const prefix = `${entity}[${index}]`;
  return result.errors.filter(
    (problem) =>
      !RULE_MESSAGE.test(problem.message) &&
      (problem.path === prefix ||
        problem.path.startsWith(`${prefix}.`) ||
        problem.path.startsWith(`${prefix}[`)),
  );
}

describe('checkRecord', () => {
  it('finds nothing wrong with any record of valid portfolios', () => {
    for (const portfolio of [SMALL, DEMO_PORTFOLIO]) {
      for (const entity of ENTITIES) {
        const records = (portfolio[entity] ?? []) as readonly object[];
        records.forEach((record, index) => {
          expect(checkRecord(entity, record), `${entity}[${index}]`).toEqual([]);
        });
      }
    }
  });

  it('names the problems of a bad record relative to the record, in words', () => {
    const initiative = SMALL.initiatives[0] as Portfolio['initiatives'][number];
    expect(
      checkRecord('initiatives', {
        ...initiative,
        name: ' ',
        demand: { platform: [2, -1] },
        estimateRange: 2,
      }),
    ).toEqual([
      { path: 'name', message: 'must not be empty', where: 'Initiative crm-revamp, name' },
      {
        path: 'demand.platform[1]',
        message: 'must not be negative',
        where: 'Initiative crm-revamp, demand of "platform" in its 2nd active period',
      },
      {
        path: 'estimateRange',
        message: 'expected a share from 0 up to but not including 1 (0.3 for ± 30 %)',
        where: 'Initiative crm-revamp, estimate range',
      },
    ]);
  });

  it('gives exactly the reader’s problems when told where the record sits', () => {
    const initiative = SMALL.initiatives[1] as Portfolio['initiatives'][number];
    const bad = { ...initiative, demand: { platform: [1e9] }, forced: 'sideways' };
    const place = { index: 1, portfolio: SMALL };
    const problems = checkRecord('initiatives', bad, place);
    expect(problems).toEqual([
      {
        path: 'initiatives[1].demand.platform[0]',
        message: 'must be at most 1,000,000',
        where: 'Initiative Data lake, demand of Platform in its 1st active period',
      },
      {
        path: 'initiatives[1].forced',
        message: 'expected "in" or "out"',
        where: 'Initiative Data lake, forced',
      },
    ]);
    expect(problems).toEqual(readerProblems(SMALL, 'initiatives', 1, bad));
  });

  it('checks a decision in domain form: extras written out, then the reader’s schema', () => {
    const decision = SMALL.decisions?.[0] as NonNullable<Portfolio['decisions']>[number];
    expect(checkRecord('decisions', { ...decision, extras: { minutes: 'm-1' } })).toEqual([]);
    expect(
      checkRecord('decisions', {
        ...decision,
        recordedAt: 'yesterday',
        concerns: [{ kind: 'team', id: 'platform', extras: { note: 'x' } }],
      }),
    ).toEqual([
      {
        path: 'concerns[0].kind',
        message: 'expected one of initiative, scenario, objective, review, metric',
        where: 'Decision “Gate 1”, concern 1, kind',
      },
      {
        path: 'recordedAt',
        message:
          'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
        where: 'Decision “Gate 1”, recorded at',
      },
    ]);
  });

  it('refuses a record nested too deep, as the reader does', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 62; level += 1) deep = { x: deep };
    const team = { id: 't', name: 'T', capacity: {}, extras: { deep } };
    const problems = checkRecord('teams', team);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      'nests objects and lists more than 64 levels deep; Baton reads at most 64',
    );
    expect(checkRecord('teams', team, { index: 0, portfolio: SMALL })).toEqual(
      readerProblems(SMALL, 'teams', 0, team),
    );
  });

  it('agrees with the reader on any broken field of any record (property)', () => {
    // Values that break a field somewhere, or are fine, tried on every known key of every record.
    const values = fc.constantFrom<unknown>(
      '',
      ' ',
      'x'.repeat(201),
      'a\ud800',
      -1,
      1e16,
      1.5,
      0.5,
      'wide',
      null,
      [],
      {},
      [1, -2],
      { platform: [-1] },
      '2027-02-30',
      '2027-01-12T10:00:00Z',
      'initiative',
    );
    const cases = ENTITIES.flatMap((entity) =>
      ((SMALL[entity] ?? []) as readonly object[]).map((record, index) => ({
        entity,
        index,
        record,
      })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom(
          'id',
          'name',
          'label',
          'start',
          'end',
          'capacity',
          'weight',
          'measures',
          'description',
          'value',
          'demand',
          'spend',
          'duration',
          'forced',
          'estimateRange',
          'ranking',
          'spend',
          'effort',
          'progress',
          'note',
          'date',
          'kind',
          'title',
          'decision',
          'concerns',
          'recordedAt',
          'supersedes',
        ),
        values,
        ({ entity, index, record }, key, value) => {
          const broken = { ...record, [key]: value };
          expect(checkRecord(entity, broken, { index, portfolio: SMALL })).toEqual(
            readerProblems(SMALL, entity, index, broken),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
