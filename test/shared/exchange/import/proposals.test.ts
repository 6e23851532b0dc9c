import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  draftFromTable,
  guessMapping,
  mergeDraft,
  mergeDrafted,
  readCsv,
  type ImportDraft,
  type MergeResult,
  type RawTable,
} from '../../../../shared/exchange/import';
import { DEMO_PORTFOLIO } from '../../../../shared/demo/demo-portfolio';
import { MAX_TEXT_LENGTH } from '../../../../shared/portfolio/limits';
import type { Portfolio } from '../../../../shared/portfolio/types';

const TODAY = '2026-12-07';

const PROPOSALS_CSV = [
  'Title,Problem,Outcome,Sponsor,Owner,T-shirt,Objectives,Earliest start,Business case',
  'Route planning for e-bikes,Couriers lose an hour a day in city traffic,Faster city deliveries,Eva Jansen,Marco Rossi,M,"delivery-experience:3, greener-fleet:2",Q1 2027,',
  'Returns at parcel lockers,Returns take days to collect,Returns collected the same day,Lotte de Graaf,,s,self-service:2,,',
  'Picking robots,Picking is slow at peak,Twice the picks per hour,Marco Rossi,,XL,Raise warehouse productivity,2027-Q2,Saves 1.2M a year',
].join('\n');

function tableOf(csv: string, name = 'proposals'): RawTable {
  const read = readCsv(csv, name);
  if (!read.ok) throw new Error(read.problems.map(describeIssue).join('\n'));
  return read.table;
}

function importCsv(portfolio: Portfolio, csv: string): MergeResult {
  const table = tableOf(csv);
  const mapping = guessMapping(table, portfolio);
  return mergeDrafted(portfolio, draftFromTable(table, mapping, portfolio), 'merge', TODAY);
}

function imported(portfolio: Portfolio, csv: string) {
  const result = importCsv(portfolio, csv);
  if (!result.ok) throw new Error(result.problems.map(describeIssue).join('\n'));
  return result;
}

describe('the kind of a sheet of proposals', () => {
  it('is guessed from its headers, with each column on its field', () => {
    const mapping = guessMapping(tableOf(PROPOSALS_CSV), DEMO_PORTFOLIO);
    expect(mapping.kind).toBe('proposals');
    expect(mapping.columns).toEqual([
      'title',
      'problem',
      'outcome',
      'sponsor',
      'owner',
      'size',
      'objectives',
      'earliestStart',
      'businessCase',
    ]);
    const ideas = guessMapping(tableOf('Idea,Benefit,Size\nDrones,Fewer counts,L'), DEMO_PORTFOLIO);
    expect(ideas.kind).toBe('proposals');
    expect(ideas.columns).toEqual(['title', 'outcome', 'size']);
  });

  it('leaves a sheet of initiatives with a title and a sponsor to initiatives', () => {
    const table = tableOf('Title,Sponsor,Status,Value\nCRM,Lin,active,5');
    expect(guessMapping(table, DEMO_PORTFOLIO).kind).toBe('initiatives');
  });
});

describe('importing proposals from a CSV file', () => {
  it('adds each row as a Draft proposal dated today, beside the portfolio’s own', () => {
    const result = imported(DEMO_PORTFOLIO, PROPOSALS_CSV);
    expect(result.summary.proposals).toEqual({
      added: ['route-planning-for-e-bikes', 'returns-at-parcel-lockers', 'picking-robots'],
      updated: [],
      unchanged: [],
    });
    const proposals = result.portfolio.proposals ?? [];
    expect(proposals).toHaveLength((DEMO_PORTFOLIO.proposals ?? []).length + 3);
    expect(proposals.slice(0, -3)).toEqual(DEMO_PORTFOLIO.proposals);
    expect(result.portfolio.initiatives).toEqual(DEMO_PORTFOLIO.initiatives);
    const [bikes, returns, robots] = proposals.slice(-3);
    expect(bikes).toEqual({
      id: 'route-planning-for-e-bikes',
      title: 'Route planning for e-bikes',
      stage: 'draft',
      history: [{ stage: 'draft', date: TODAY }],
      problem: 'Couriers lose an hour a day in city traffic',
      outcome: 'Faster city deliveries',
      sponsor: 'Eva Jansen',
      owner: 'Marco Rossi',
      size: 'M',
      objectives: [
        { id: 'delivery-experience', contribution: 3 },
        { id: 'greener-fleet', contribution: 2 },
      ],
      earliestStart: '2027-Q1',
    });
    expect(returns?.size).toBe('S');
    expect(returns?.owner).toBeUndefined();
    expect(robots?.objectives).toEqual([{ id: 'warehouse-productivity', contribution: 1 }]);
    expect(robots?.businessCase).toBe('Saves 1.2M a year');
    expect(robots?.earliestStart).toBe('2027-Q2');
  });

  it('changes nothing when the same file is imported again', () => {
    const once = imported(DEMO_PORTFOLIO, PROPOSALS_CSV);
    const twice = imported(once.portfolio, PROPOSALS_CSV);
    expect(twice.summary.proposals).toEqual({
      added: [],
      updated: [],
      unchanged: ['route-planning-for-e-bikes', 'returns-at-parcel-lockers', 'picking-robots'],
    });
    expect(twice.portfolio).toEqual(once.portfolio);
  });

  it('updates an open proposal it matches by id or title, keeping its stage and history', () => {
    const csv = [
      'Proposal id,Title,Owner,Size',
      'pharmacy-cold-chain,Cold-chain parcels for online pharmacies,Ada Visser,L',
      ',Depot energy monitoring,Ben Smit,',
    ].join('\n');
    const result = imported(DEMO_PORTFOLIO, csv);
    expect(result.summary.proposals?.updated).toEqual(['pharmacy-cold-chain', 'depot-energy']);
    const before = new Map((DEMO_PORTFOLIO.proposals ?? []).map((p) => [p.id, p]));
    const after = new Map((result.portfolio.proposals ?? []).map((p) => [p.id, p]));
    expect(after.get('pharmacy-cold-chain')).toEqual({
      ...before.get('pharmacy-cold-chain'),
      owner: 'Ada Visser',
      size: 'L',
    });
    expect(after.get('depot-energy')?.owner).toBe('Ben Smit');
    expect(after.get('depot-energy')?.history).toEqual(before.get('depot-energy')?.history);
  });

  it('refuses, by row, to change a proposal approved or rejected at the gate', () => {
    const csv = [
      'Proposal id,Title,Sponsor',
      'parcel-claims,Online claims for damaged parcels,Lotte de Graaf',
      'marketplace-plugins,Marketplace & webshop connectors,Someone Else',
      ',Own parcel lockers in Belgium,Eva Jansen',
      ',Own parcel lockers in Belgium,',
    ].join('\n');
    const result = importCsv(DEMO_PORTFOLIO, csv.split('\n').slice(0, 4).join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(3);
    expect(describeIssue(result.problems[0] as (typeof result.problems)[0])).toMatch(
      /marketplace-plugins.*approved/,
    );
    // Rows that leave a decided proposal as it is import as unchanged.
    const same = imported(DEMO_PORTFOLIO, [csv.split('\n')[0], csv.split('\n')[4]].join('\n'));
    expect(same.summary.proposals?.unchanged).toEqual(['belgian-lockers']);
  });

  it('tells a problem the portfolio’s rules find by the row and column it came from', () => {
    const draft: ImportDraft = {
      format: 'csv',
      initiatives: [],
      teams: [],
      periods: [],
      actuals: [],
      warnings: [],
      proposals: [
        {
          id: 'long',
          title: 'Long story',
          stage: 'draft',
          history: [],
          problem: 'x'.repeat(MAX_TEXT_LENGTH + 1),
        },
      ],
      sources: {
        columns: { title: 'Title', problem: 'The problem' },
        initiatives: [],
        teams: [],
        periods: [],
        actuals: [],
        proposals: [{ row: 7 }],
      },
    };
    const result = mergeDraft(DEMO_PORTFOLIO, draft, 'merge', TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ row: 7, column: 'The problem' });
  });

  it('refuses a size that is not a t-shirt size, naming its cell', () => {
    const result = importCsv(DEMO_PORTFOLIO, 'Title,Size\nBig idea,Huge');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ row: 2, column: 'Size' });
    expect(result.problems[0]?.message).toMatch(/S, M, L, XL, XXL/);
  });
});
