import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { capacityCheck, ordinal } from '../../../shared/intake/capacity-check';
import { DEFAULT_INTAKE_SETTINGS, type Proposal } from '../../../shared/intake/types';
import type { Initiative } from '../../../shared/portfolio/types';
import { computeCutLine, stackOrder } from '../../../shared/prioritize/cutline';
import { APP, CHAT, CORE, PORTAL, plan, SETTINGS } from './fixtures';

describe('where a proposal lands in the plan of record', () => {
  it('ranks it by priority, places it, and names what it pushes out with the reason', () => {
    const check = capacityCheck(plan(), CHAT, SETTINGS);
    expect(check).toMatchObject({
      scenarioId: 'base',
      scenarioName: 'Baseline',
      rank: 2,
      competing: 3,
      ranking: ['core', 'portal', 'proposal:p-chat', 'app'],
      demandSource: 'size',
      landing: 'above',
      start: '2027-Q2',
      delayed: [],
    });
    expect(check.pushedOut).toEqual([
      {
        id: 'app',
        name: 'Mobile app',
        status: 'proposed',
        promised: false,
        startedIn: '2027-Q2',
        reason: { kind: 'capacity', team: 'platform', period: '2027-Q1', short: 2 },
        reasonText: 'Platform is 2 FTE short in Q1 2027',
      },
    ]);
  });

  it('falls below the line when its priority ranks it after the work that fills the plan', () => {
    const check = capacityCheck(plan(), { ...CHAT, scores: { value: 5 } }, SETTINGS);
    expect(check.rank).toBe(3);
    expect(check.landing).toBe('below');
    expect(check.start).toBeUndefined();
    expect(check.reasonText).toBe('Platform is 2 FTE short in Q1 2027');
    expect(check.pushedOut).toEqual([]);
    expect(check.summary).toBe(
      'Ranked 3rd of 3 competing in Baseline. Falls below the line: Platform is 2 FTE short in Q1 2027. Pushes nothing out of the plan.',
    );
  });

  it('names work that stays in the plan but starts later', () => {
    // Room for two quarters of 2 FTE a quarter each: without Customer chat, both start in Q1.
    const portfolio = plan([PORTAL, APP]);
    const check = capacityCheck(portfolio, CHAT, SETTINGS);
    expect(check.landing).toBe('above');
    expect(check.start).toBe('2027-Q1');
    expect(check.pushedOut).toEqual([]);
    expect(check.delayed).toEqual([
      { id: 'app', name: 'Mobile app', from: '2027-Q1', to: '2027-Q2' },
    ]);
    expect(check.summary).toContain('Delays 1: Mobile app (Q1 2027 → Q2 2027).');
  });

  it('says when it fits only in a gap behind the line', () => {
    const big: Initiative = {
      id: 'big',
      name: 'Big rebuild',
      status: 'proposed',
      scores: { value: 5 },
      demand: { platform: [4] },
    };
    const portfolio = plan([CORE, PORTAL, APP, big]);
    const small: Proposal = {
      ...CHAT,
      size: undefined,
      demand: { data: [1] },
      scores: { value: 1 },
    };
    const check = capacityCheck(portfolio, small, SETTINGS);
    expect(check.rank).toBe(4);
    expect(check.landing).toBe('gap');
    expect(check.summary).toContain('Lands behind the line but fits in a gap, starting Q1 2027.');
  });

  it('pulls its prerequisites up, and names promised work that this pushes out', () => {
    // Customer chat (priority 90) needs Mobile app first: the app is pulled up into Q1, the chat
    // starts in Q2, and the approved Customer portal no longer fits.
    const check = capacityCheck(
      plan(),
      { ...CHAT, scores: { value: 9 }, dependsOn: ['app'] },
      SETTINGS,
    );
    expect(check.rank).toBe(1);
    expect(check.start).toBe('2027-Q2');
    expect(
      check.pushedOut.map((out) => [out.name, out.status, out.promised, out.reasonText]),
    ).toEqual([['Customer portal', 'approved', true, 'Platform is 2 FTE short in Q1 2027']]);
  });

  it('plans in the scenario asked for', () => {
    const portfolio = {
      ...plan(),
      scenarios: [
        ...plan().scenarios,
        { id: 'alt', name: 'Apps first', ranking: ['app', 'portal', 'core'] },
      ],
    };
    const check = capacityCheck(portfolio, CHAT, SETTINGS, { scenarioId: 'alt' });
    expect(check.scenarioName).toBe('Apps first');
    // By priority it still comes second among the three that compete: in front of Customer portal's
    // place, which Mobile app holds in this stack.
    expect(check.ranking).toEqual(['app', 'proposal:p-chat', 'portal', 'core']);
    expect(check.pushedOut.map((out) => out.name)).toEqual(['Customer portal']);
  });

  it('checks an approved proposal as its initiative, against the plan without it', () => {
    const approved: Initiative = {
      id: 'chat-1',
      name: 'Customer chat',
      status: 'approved',
      demand: { platform: [2] },
    };
    const portfolio = plan([CORE, PORTAL, APP, approved]);
    const check = capacityCheck(portfolio, { ...CHAT, initiativeId: 'chat-1' }, SETTINGS);
    expect(check.candidateId).toBe('chat-1');
    expect(check.ranking.filter((id) => id === 'chat-1')).toHaveLength(1);
    expect(check.pushedOut.map((out) => out.name)).toEqual(['Mobile app']);
  });

  it('reports a proposal with no demand as having nothing to plan', () => {
    const check = capacityCheck(plan(), { ...CHAT, size: undefined }, SETTINGS);
    expect(check.demandSource).toBe('none');
    expect(check.summary).toContain('It asks no team for capacity');
  });

  it('writes ranks as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('the capacity check on the demo portfolio', () => {
  const returnsPortal: Proposal = {
    id: 'p-returns-portal',
    title: 'Returns portal for web shops',
    stage: 'screening',
    history: [
      { stage: 'submitted', date: '2026-06-01' },
      { stage: 'screening', date: '2026-06-10' },
    ],
    problem: 'Web shops handle returns by e-mail.',
    sponsor: 'Commercial director',
    objectives: [{ id: 'grow-ecommerce', contribution: 3 }],
    scores: { 'customer-value': 9, 'revenue-impact': 8, 'risk-reduction': 3 },
    demand: { platform: [2, 2], 'digital-channels': [2, 2] },
    spend: [120_000, 100_000],
  };

  it('puts a high-priority proposal first and names the work it pushes out', () => {
    const check = capacityCheck(DEMO_PORTFOLIO, returnsPortal, DEFAULT_INTAKE_SETTINGS);
    expect(check.scenarioName).toBe('Baseline — value first');
    expect(check.rank).toBe(1);
    expect(check.landing).toBe('above');
    expect(check.start).toBe('2027-Q1');
    const out = new Map(check.pushedOut.map((item) => [item.name, item]));
    expect(out.get('Workforce IAM consolidation')).toMatchObject({
      status: 'approved',
      promised: true,
      reasonText: 'Platform is 1.5 FTE short in Q4 2026',
    });
    expect(out.get('Recipient mobile app')).toMatchObject({
      status: 'proposed',
      promised: false,
      reasonText: 'Digital Channels is 2.5 FTE short in Q2 2027',
    });
    expect(check.delayed).toContainEqual({
      id: 'b2b-shipping-api',
      name: 'B2B shipping API v3',
      from: '2027-Q1',
      to: '2027-Q2',
    });
  });

  it('pushes out exactly what the cut line places without it and not with it', () => {
    const check = capacityCheck(DEMO_PORTFOLIO, returnsPortal, DEFAULT_INTAKE_SETTINGS);
    const before = computeCutLine(DEMO_PORTFOLIO, stackOrder(DEMO_PORTFOLIO));
    const candidate: Initiative = {
      id: check.candidateId,
      name: returnsPortal.title,
      status: 'approved',
      ...(returnsPortal.demand && { demand: returnsPortal.demand }),
      ...(returnsPortal.spend && { spend: returnsPortal.spend }),
    };
    const withIt = { ...DEMO_PORTFOLIO, initiatives: [...DEMO_PORTFOLIO.initiatives, candidate] };
    const after = computeCutLine(withIt, check.ranking);
    const expected = DEMO_PORTFOLIO.initiatives
      .filter((item) => before.byId.get(item.id)?.above && !after.byId.get(item.id)?.above)
      .map((item) => item.id)
      .sort();
    expect(check.pushedOut.map((item) => item.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('costs nothing for a proposal ranked at the bottom that does not fit', () => {
    const weak: Proposal = {
      ...returnsPortal,
      scores: { 'customer-value': 1, 'revenue-impact': 1, 'risk-reduction': 1 },
      objectives: [],
    };
    const check = capacityCheck(DEMO_PORTFOLIO, weak, DEFAULT_INTAKE_SETTINGS);
    expect(check.landing).toBe('below');
    expect(check.pushedOut).toEqual([]);
    expect(check.delayed).toEqual([]);
  });
});
