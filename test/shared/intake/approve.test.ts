import { describe, expect, it } from 'vitest';
import {
  candidateInitiative,
  proposalDemand,
  proposalDescription,
  proposalIdOf,
  proposalToInitiative,
  rankingPlace,
} from '../../../shared/intake/approve';
import type { IntakeSettings, Proposal } from '../../../shared/intake/types';
import type { Initiative } from '../../../shared/portfolio/types';
import { checkPortfolioRules } from '../../../shared/portfolio/rules';
import { APP, CHAT, CORE, PORTAL, plan, SETTINGS } from './fixtures';

describe('approving a proposal makes an initiative', () => {
  it('makes an approved initiative with the size template’s demand, linked to its proposal', () => {
    const approval = proposalToInitiative(CHAT, SETTINGS, plan(), () => 'chat-1');
    expect(approval.initiative).toEqual({
      id: 'chat-1',
      name: 'Customer chat',
      status: 'approved',
      description:
        'Customers wait on the phone for simple questions.\n\nIntended outcome: Half of simple questions answered in the chat.\n\nHypothesis: We believe a chat on the portal will result in fewer calls, measured by calls per 1,000 orders.\n\nSponsor: Head of Service',
      owner: 'Ana Ruiz',
      objectives: [{ id: 'ecom', contribution: 3 }],
      scores: { value: 7 },
      demand: { platform: [2] },
      spend: [50_000],
      extras: { proposalId: 'p-chat' },
    });
    expect(proposalIdOf(approval.initiative)).toBe('p-chat');
    expect(approval.dropped).toEqual([]);
  });

  it('places it in the scenario’s ranking where its priority puts it', () => {
    const approval = proposalToInitiative(CHAT, SETTINGS, plan(), () => 'chat-1');
    expect(approval.scenarioId).toBe('base');
    expect(approval.ranking).toEqual(['core', 'portal', 'chat-1', 'app']);
    expect(approval.index).toBe(2);
    expect(approval.rank).toBe(2);
    expect(approval.competing).toBe(3);
  });

  it('gives a portfolio that keeps every rule once added', () => {
    const portfolio = plan();
    const approval = proposalToInitiative(
      { ...CHAT, dependsOn: ['app'], excludes: ['portal'], earliestStart: '2027-Q2' },
      SETTINGS,
      portfolio,
      () => 'chat-1',
    );
    const after = {
      ...portfolio,
      initiatives: [...portfolio.initiatives, approval.initiative],
      scenarios: [{ ...portfolio.scenarios[0]!, ranking: [...approval.ranking] }],
    };
    expect(checkPortfolioRules(after)).toEqual([]);
  });

  it('leaves out references the portfolio does not have, and says so', () => {
    const proposal: Proposal = {
      ...CHAT,
      objectives: [{ id: 'gone', contribution: 2 }],
      size: undefined,
      demand: { platform: [1], ghosts: [1] },
      dependsOn: ['old-lake'],
      excludes: ['app'],
      earliestStart: '2031-Q1',
    };
    const { initiative, dropped } = candidateInitiative(proposal, SETTINGS, plan(), 'x');
    expect(initiative.objectives).toBeUndefined();
    expect(initiative.demand).toEqual({ platform: [1] });
    expect(initiative.dependsOn).toBeUndefined();
    expect(initiative.excludes).toEqual(['app']);
    expect(initiative.earliestStart).toBeUndefined();
    expect(dropped).toEqual([
      'Its link to objective “gone” is left out: the objective does not exist',
      'Its demand of team “ghosts” is left out: the team does not exist',
      'Its dependency on “old-lake” is left out: the initiative does not exist',
      'Its earliest start “2031-Q1” is left out: the period does not exist',
    ]);
  });

  it('joins the first scenario by default, and none when the portfolio has none', () => {
    const bare = { ...plan(), scenarios: [] };
    const approval = proposalToInitiative(CHAT, SETTINGS, bare, () => 'chat-1');
    expect(approval.scenarioId).toBeUndefined();
    // File order, with the new one at its place by priority.
    expect(approval.ranking).toEqual(['core', 'portal', 'chat-1', 'app']);
  });
});

describe('the demand of a proposal', () => {
  const settings: IntakeSettings = {
    ...SETTINGS,
    sizes: {
      ...SETTINGS.sizes,
      L: { duration: 3, demand: { platform: [2, 2] }, spend: [10, 10, 10] },
    },
  };

  it('comes from the size template, with its duration and cost', () => {
    expect(proposalDemand({ ...CHAT, size: 'L' }, settings)).toEqual({
      source: 'size',
      size: 'L',
      demand: { platform: [2, 2] },
      spend: [10, 10, 10],
      duration: 3,
    });
    const { initiative } = candidateInitiative(
      { ...CHAT, size: 'L', spend: undefined },
      settings,
      plan(),
      'x',
    );
    // The spend list already says 3 periods: no separate duration.
    expect(initiative.duration).toBeUndefined();
    const noSpend: IntakeSettings = {
      ...settings,
      sizes: { L: { duration: 3, demand: { platform: [2, 2] } } },
    };
    const longer = candidateInitiative({ ...CHAT, size: 'L' }, noSpend, plan(), 'x').initiative;
    expect(longer.duration).toBe(3);
  });

  it('takes explicit demand over the size, and its own spend over the template’s', () => {
    const proposal: Proposal = { ...CHAT, size: 'L', demand: { data: [1] }, spend: [99] };
    expect(proposalDemand(proposal, settings)).toEqual({
      source: 'explicit',
      demand: { data: [1] },
      spend: [99],
      duration: 1,
    });
  });

  it('is none without demand and without a template for its size', () => {
    expect(proposalDemand({ ...CHAT, size: 'XXL' }, settings).source).toBe('none');
    expect(proposalDemand({ ...CHAT, size: undefined }, settings).source).toBe('none');
  });
});

describe('the place a priority gives', () => {
  const order = ['core', 'portal', 'app'];
  const candidate = (value?: number): Initiative => ({
    id: 'new',
    name: 'New',
    status: 'approved',
    ...(value !== undefined && { scores: { value } }),
  });

  it('goes after equal priorities: the incumbents keep their place', () => {
    expect(rankingPlace(plan(), candidate(8), order).ranking).toEqual([
      'core',
      'portal',
      'new',
      'app',
    ]);
    expect(rankingPlace(plan(), candidate(9), order).ranking).toEqual([
      'core',
      'new',
      'portal',
      'app',
    ]);
  });

  it('goes last without a priority', () => {
    expect(rankingPlace(plan(), candidate(), order)).toMatchObject({
      ranking: ['core', 'portal', 'app', 'new'],
      rank: 3,
      competing: 3,
    });
  });

  it('takes the rank the model gives it in a stack reordered by hand', () => {
    // The room put Mobile app (60) above Customer portal (80); a 70 is second by the model.
    const place = rankingPlace(plan([CORE, PORTAL, APP]), candidate(7), ['app', 'portal', 'core']);
    expect(place.ranking).toEqual(['app', 'new', 'portal', 'core']);
    expect(place.rank).toBe(2);
  });
});

describe('the description of an approved initiative', () => {
  it('holds only the parts given', () => {
    expect(
      proposalDescription({
        ...CHAT,
        outcome: undefined,
        hypothesis: { believe: 'chat' },
        sponsor: ' ',
      }),
    ).toBe('Customers wait on the phone for simple questions.\n\nHypothesis: We believe chat.');
    expect(proposalDescription({ id: 'p', title: 'T', stage: 'draft', history: [] })).toBe('');
    expect(
      proposalDescription({
        ...CHAT,
        problem: '',
        outcome: '',
        sponsor: '',
        hypothesis: { measure: 'NPS' },
      }),
    ).toBe('Hypothesis: Measured by NPS.');
    expect(
      proposalDescription({
        ...CHAT,
        problem: '',
        outcome: '',
        sponsor: '',
        hypothesis: { result: 'fewer calls', measure: 'NPS' },
      }),
    ).toBe('Hypothesis: It will result in fewer calls, measured by NPS.');
  });
});
