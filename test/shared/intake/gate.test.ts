import { describe, expect, it } from 'vitest';
import { evaluateGate, type GateItem, type GateRuleId } from '../../../shared/intake/gate';
import type { IntakeSettings, Proposal } from '../../../shared/intake/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { APP, CHAT, CORE, PORTAL, plan, SETTINGS } from './fixtures';

function itemOf(
  proposal: Proposal,
  rule: GateRuleId,
  settings: IntakeSettings = SETTINGS,
  portfolio: Portfolio = plan(),
): GateItem {
  const found = evaluateGate(portfolio, proposal, settings).items.find(
    (item) => item.rule === rule,
  );
  if (!found) throw new Error(`no ${rule} item`);
  return found;
}

function withGate(gate: Partial<IntakeSettings['gate']>): IntakeSettings {
  return { ...SETTINGS, gate: { ...SETTINGS.gate, ...gate } };
}

describe('the strategic-fit gate', () => {
  it('passes a proposal that keeps every rule, one checklist item per rule', () => {
    const result = evaluateGate(plan(), CHAT, SETTINGS);
    expect(result.items.map((item) => [item.rule, item.outcome])).toEqual([
      ['objective-fit', 'passed'],
      ['priority', 'passed'],
      ['business-case', 'not-applicable'],
      ['exclusions', 'passed'],
      ['capacity', 'passed'],
    ]);
    expect(result.passed).toBe(true);
    expect(result.failed).toEqual([]);
    expect(result.headline).toBe('Passes the gate');
  });

  it('lists every failed rule, and a proposal that fails still gets the whole checklist', () => {
    const result = evaluateGate(
      plan(),
      { ...CHAT, objectives: [], scores: { value: 2 }, size: 'XL', excludes: ['core'] },
      SETTINGS,
    );
    expect(result.passed).toBe(false);
    expect(result.failed).toEqual([
      'objective-fit',
      'priority',
      'business-case',
      'exclusions',
      'capacity',
    ]);
    expect(result.headline).toBe(
      'Blocked: too little objective fit; priority too low; no business case; excludes committed work; does not fit the plan of record',
    );
    for (const item of result.items) expect(item.fix).toBeTruthy();
  });

  it('treats a switched-off rule as not applicable', () => {
    const off = { enabled: false };
    const settings = withGate({
      objectiveFit: { enabled: false, minimum: 0.3 },
      priority: { ...SETTINGS.gate.priority, enabled: false },
      businessCase: { enabled: false, fromSize: 'S' },
      exclusions: off,
      capacity: off,
    });
    const result = evaluateGate(plan(), { ...CHAT, objectives: [], excludes: ['core'] }, settings);
    expect(result.items.every((item) => item.outcome === 'not-applicable')).toBe(true);
    expect(result.items[0]?.why).toBe('Switched off in the intake settings.');
    expect(result.passed).toBe(true);
    expect(result.capacity).toBeUndefined();
  });
});

describe('objective fit: global weight × contribution of the best link', () => {
  it('passes with the numbers: 18 % × 3 = 0.54 against 0.30', () => {
    expect(itemOf(CHAT, 'objective-fit')).toMatchObject({
      outcome: 'passed',
      why: 'Linked to Grow e-commerce revenue (global weight 18 % × contribution 3 = 0.54); the gate asks at least 0.30.',
    });
  });

  it('fails a weak link, and says what contribution would pass', () => {
    const item = itemOf(
      { ...CHAT, objectives: [{ id: 'ecom', contribution: 1 }] },
      'objective-fit',
    );
    expect(item.outcome).toBe('failed');
    expect(item.why).toBe(
      'Its strongest link is to Grow e-commerce revenue (global weight 18 % × contribution 1 = 0.18); the gate asks at least 0.30.',
    );
    expect(item.fix).toMatch(/^A contribution of 2 to Grow e-commerce revenue would give 0\.36/);
  });

  it('takes the best of several links, not their sum', () => {
    const item = itemOf(
      {
        ...CHAT,
        objectives: [
          { id: 'ecom', contribution: 1 },
          { id: 'b2b', contribution: 1 },
        ],
      },
      'objective-fit',
    );
    expect(item.outcome).toBe('passed');
    expect(item.why).toContain('Win B2B accounts (global weight 42 % × contribution 1 = 0.42)');
  });

  it('fails an unlinked proposal with the weights that would pass', () => {
    const item = itemOf({ ...CHAT, objectives: [] }, 'objective-fit');
    expect(item).toMatchObject({
      outcome: 'failed',
      why: 'Not linked to any objective; the gate asks at least 0.30 (global weight × contribution).',
      fix: 'Link it to an objective it serves: a strong contribution (3) to one of at least 10 % global weight passes, or a medium one (2) to one of at least 15 %.',
    });
  });

  it('ignores links to objectives the portfolio does not have', () => {
    const item = itemOf(
      { ...CHAT, objectives: [{ id: 'gone', contribution: 3 }] },
      'objective-fit',
    );
    expect(item.outcome).toBe('failed');
    expect(item.why).toMatch(/^Not linked to any objective/);
  });

  it('does not apply while the portfolio has no objectives', () => {
    const item = itemOf(CHAT, 'objective-fit', SETTINGS, { ...plan(), objectives: [] });
    expect(item.outcome).toBe('not-applicable');
  });
});

describe('priority under the active scoring model', () => {
  it('passes a priority at the minimum or above, in the model’s units', () => {
    expect(itemOf(CHAT, 'priority')).toMatchObject({
      outcome: 'passed',
      why: 'Priority 70 under Weighted criteria; the gate asks at least 40.',
    });
    expect(itemOf({ ...CHAT, scores: { value: 4 } }, 'priority').outcome).toBe('passed');
  });

  it('fails a low priority, with how far it is short', () => {
    const item = itemOf({ ...CHAT, scores: { value: 3 } }, 'priority');
    expect(item.outcome).toBe('failed');
    expect(item.why).toBe('Priority 30 under Weighted criteria; the gate asks at least 40.');
    expect(item.fix).toMatch(/^It needs 10 more to pass\. Revisit its scores \(Value 3\)/);
  });

  it('fails an unscored proposal and names the criteria to score', () => {
    const item = itemOf({ ...CHAT, scores: {} }, 'priority');
    expect(item).toMatchObject({
      outcome: 'failed',
      why: 'It has no priority under Weighted criteria yet: Value is not scored; the gate asks at least 40.',
      fix: 'Score Value.',
    });
  });

  it('uses the minimum set for the active model, and skips a model without one', () => {
    const wsjf: Portfolio = { ...plan(), scoring: { model: 'wsjf' } };
    const scores = { businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 5 };
    // Cost of delay 15 ÷ job size 5 = 3, against the WSJF default of 2.
    expect(itemOf({ ...CHAT, scores }, 'priority', SETTINGS, wsjf)).toMatchObject({
      outcome: 'passed',
      why: 'Priority 3 under WSJF; the gate asks at least 2.',
    });
    const rice: Portfolio = { ...plan(), scoring: { model: 'rice' } };
    expect(itemOf(CHAT, 'priority', SETTINGS, rice)).toMatchObject({
      outcome: 'not-applicable',
      why: 'No minimum priority is set for RICE, the active model, in the intake settings.',
    });
  });

  it('can check the value instead of the priority', () => {
    const wsjf: Portfolio = { ...plan(), scoring: { model: 'wsjf' } };
    const settings = withGate({
      priority: { enabled: true, basis: 'value', minimum: { wsjf: 20 } },
    });
    const scores = { businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 5 };
    expect(itemOf({ ...CHAT, scores }, 'priority', settings, wsjf)).toMatchObject({
      outcome: 'failed',
      why: 'Value 15 under WSJF; the gate asks at least 20.',
    });
  });
});

describe('business case above a size or a cost', () => {
  it('does not apply below the size, and says the limit', () => {
    expect(itemOf(CHAT, 'business-case')).toMatchObject({
      outcome: 'not-applicable',
      why: 'A business case is asked from size L up; this one has size M and a cost of 50,000 EUR.',
    });
  });

  it('fails a large proposal without one, passes it with one written or attached', () => {
    const large = { ...CHAT, size: 'L' as const };
    expect(itemOf(large, 'business-case')).toMatchObject({
      outcome: 'failed',
      why: 'A business case is required: its size, L, is L or larger, and it has none.',
    });
    expect(
      itemOf({ ...large, businessCase: 'Saves 2 FTE of call handling.' }, 'business-case').outcome,
    ).toBe('passed');
    const attached = {
      ...large,
      attachments: [{ label: 'Business case v2', url: 'https://docs.example.com/case' }],
    };
    expect(itemOf(attached, 'business-case').outcome).toBe('passed');
  });

  it('asks for one from a cost up, in the portfolio’s currency', () => {
    const settings = withGate({ businessCase: { enabled: true, fromCost: 100_000 } });
    const item = itemOf({ ...CHAT, spend: [60_000, 40_000] }, 'business-case', settings);
    expect(item).toMatchObject({
      outcome: 'failed',
      why: 'A business case is required: its cost, 100,000 EUR, is at least 100,000 EUR, and it has none.',
    });
  });

  it('measures a proposal sized by demand against the threshold size’s template', () => {
    const byDemand: Proposal = { ...CHAT, size: undefined, demand: { platform: [2, 2] } };
    expect(itemOf(byDemand, 'business-case')).toMatchObject({
      outcome: 'failed',
      why: 'A business case is required: its demand, 4 FTE in all, is as large as size L (4 FTE), and it has none.',
    });
    const small: Proposal = { ...CHAT, size: undefined, demand: { platform: [1, 1] } };
    expect(itemOf(small, 'business-case').outcome).toBe('not-applicable');
  });
});

describe('no exclusion with committed work', () => {
  it('fails a proposal that excludes active work, naming it', () => {
    expect(itemOf({ ...CHAT, excludes: ['core'] }, 'exclusions')).toMatchObject({
      outcome: 'failed',
      why: 'It cannot be done together with Core platform (active), work the plan holds first: it could never be planned.',
      fix: 'Drop the exclusion, or first record a stop decision for Core platform (forced out).',
    });
  });

  it('counts forced-in work as committed, and excluding proposed work as allowed', () => {
    const forced = plan([CORE, { ...PORTAL, forced: 'in' }, APP]);
    expect(itemOf({ ...CHAT, excludes: ['portal'] }, 'exclusions', SETTINGS, forced).why).toContain(
      'Customer portal (forced in)',
    );
    expect(itemOf({ ...CHAT, excludes: ['app'] }, 'exclusions')).toMatchObject({
      outcome: 'passed',
      why: 'It excludes no committed or forced-in work.',
    });
  });

  it('sees committed work that excludes the proposal’s initiative', () => {
    const portfolio = plan([{ ...CORE, excludes: ['chat-initiative'] }, PORTAL, APP]);
    const item = itemOf(
      { ...CHAT, initiativeId: 'chat-initiative' },
      'exclusions',
      SETTINGS,
      portfolio,
    );
    expect(item.outcome).toBe('failed');
  });

  it('does not count a stopped initiative', () => {
    const stopped = plan([{ ...CORE, forced: 'out', forcedReason: 'Stopped' }, PORTAL, APP]);
    expect(itemOf({ ...CHAT, excludes: ['core'] }, 'exclusions', SETTINGS, stopped).outcome).toBe(
      'passed',
    );
  });
});

describe('capacity: the plan of record with the proposal approved', () => {
  it('passes when it lands in the plan and pushes out only proposed work, naming it', () => {
    const item = itemOf(CHAT, 'capacity');
    expect(item).toMatchObject({
      outcome: 'passed',
      why: 'Ranked 2nd of 3 competing in Baseline. Lands above the line, starting Q2 2027. Pushes out 1: Mobile app (proposed): Platform is 2 FTE short in Q1 2027.',
    });
  });

  it('fails when it would push approved work out', () => {
    const portfolio = plan([CORE, PORTAL, { ...APP, status: 'approved' }]);
    const item = itemOf(CHAT, 'capacity', SETTINGS, portfolio);
    expect(item.outcome).toBe('failed');
    expect(item.why).toContain(
      'Pushes out 1: Mobile app (approved): Platform is 2 FTE short in Q1 2027.',
    );
    expect(item.fix).toBe(
      'It would take promised work out of the plan (Mobile app). Approve it only with a decision that takes it out, or rank it below it and let it wait for room.',
    );
  });

  it('fails when it falls below the line, with what it lacks', () => {
    const item = itemOf({ ...CHAT, scores: { value: 5 } }, 'capacity');
    expect(item).toMatchObject({
      outcome: 'failed',
      why: 'Ranked 3rd of 3 competing in Baseline. Falls below the line: Platform is 2 FTE short in Q1 2027. Pushes nothing out of the plan.',
      fix: 'Platform needs 2 FTE more in Q1 2027 where it ranks: a smaller size, a later earliest start, or more capacity for Platform.',
    });
  });

  it('fails a proposal with nothing to plan, and says how to size it', () => {
    const item = itemOf({ ...CHAT, size: 'XXL' }, 'capacity');
    expect(item.outcome).toBe('failed');
    expect(item.why).toMatch(/^Nothing to plan: it asks no team for capacity\./);
    expect(item.fix).toBe(
      'Give it demand per team, or have the PMO set a demand template for size XXL in the intake settings.',
    );
  });
});
