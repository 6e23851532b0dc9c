/**
 * Proposals and the intake settings in the file: read with their defaults, refused with the place
 * in words when a value or a reference is wrong (what the proposal form refuses), written back in
 * the documented order, byte for byte after a second export.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_SETTINGS } from '../../../shared/intake/types';
import { MAX_PROPOSALS, MAX_PROPOSAL_ATTACHMENTS } from '../../../shared/portfolio/limits';
import {
  checkRecord,
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { smallPortfolioFile } from './fixtures';

function read(file: unknown): Portfolio {
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

function problemsOf(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

/** The small file with a decision log, intake settings and three proposals in three stages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the parsed JSON to break one field at a time
function intakeFile(): Record<string, any> {
  const file = smallPortfolioFile();
  file.decisions = [
    {
      id: 'd-approve',
      date: '2027-01-20',
      kind: 'gate',
      title: 'Gate: approved “Self-service portal”',
      decision: 'Approved it.',
    },
    {
      id: 'd-defer',
      date: '2027-01-21',
      kind: 'gate',
      title: 'Gate: deferred “Chatbot”',
      decision: 'Deferred it.',
    },
  ];
  file.initiatives.push({
    id: 'self-service',
    name: 'Self-service portal',
    status: 'approved',
    proposalId: 'p-portal',
  });
  file.intakeSettings = {
    stageLabels: { screening: 'PMO review' },
    sizes: {
      S: { duration: 1, demand: { platform: [1] } },
      M: { duration: 2, demand: { platform: [1, 1] }, spend: [50000, 50000] },
    },
    gate: {
      objectiveFit: { enabled: true, minimum: 0.3 },
      priority: { enabled: true, basis: 'priority', minimum: { weighted: 50 } },
      businessCase: { enabled: true, fromSize: 'L', fromCost: 250000 },
      exclusions: { enabled: true },
      capacity: { enabled: false },
    },
  };
  file.proposals = [
    {
      id: 'p-portal',
      title: 'Self-service portal',
      stage: 'approved',
      history: [
        { stage: 'draft', date: '2027-01-04' },
        { stage: 'submitted', date: '2027-01-06' },
        { stage: 'screening', date: '2027-01-11' },
        { stage: 'approved', date: '2027-01-20', decisionId: 'd-approve' },
      ],
      problem: 'Customers phone us for simple changes.',
      outcome: 'Half of simple changes made online.',
      hypothesis: { believe: 'a portal', result: 'fewer calls', measure: 'calls per order' },
      objectives: [{ id: 'grow-smb', contribution: 3 }],
      sponsor: 'Head of Service',
      owner: 'Ana Ruiz',
      size: 'M',
      earliestStart: '2027-Q2',
      dependsOn: ['data-lake'],
      excludes: ['crm-buy'],
      attachments: [{ label: 'Business case', url: 'https://wiki.example/portal' }],
      scores: { value: 7 },
      initiativeId: 'self-service',
      decisionIds: ['d-approve'],
    },
    {
      id: 'p-chat',
      title: 'Chatbot',
      stage: 'deferred',
      history: [
        { stage: 'draft', date: '2027-01-05' },
        { stage: 'submitted', date: '2027-01-07' },
        { stage: 'screening', date: '2027-01-12' },
        { stage: 'deferred', date: '2027-01-21', decisionId: 'd-defer' },
      ],
      problem: 'Simple questions wait on the phone.',
      sponsor: 'Head of Service',
      demand: { platform: [1, 2], 'sales-ops': [0, 1] },
      spend: [20000, 30000],
      duration: 3,
      revisitOn: '2027-04-01',
      decisionIds: ['d-defer'],
    },
    { id: 'p-draft', title: '', stage: 'draft', history: [{ stage: 'draft', date: '2027-02-01' }] },
  ];
  return file;
}

/** The intake file with the first proposal changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
function withProposal(edit: (proposal: Record<string, any>) => void, index = 0) {
  const file = intakeFile();
  edit(file.proposals[index]);
  return file;
}

/** The problem at `path`, which must be there. */
function problemAt(problems: readonly PortfolioProblem[], path: string): PortfolioProblem {
  const found = problems.find((problem) => problem.path === path);
  if (!found) throw new Error(`no problem at ${path}: ${JSON.stringify(problems)}`);
  return found;
}

describe('reading proposals and intake settings', () => {
  it('reads them as the domain has them, the initiative keeping its link to the proposal', () => {
    const portfolio = read(intakeFile());
    expect(portfolio.proposals?.map((proposal) => [proposal.id, proposal.stage])).toEqual([
      ['p-portal', 'approved'],
      ['p-chat', 'deferred'],
      ['p-draft', 'draft'],
    ]);
    const chat = portfolio.proposals?.[1];
    expect(chat?.demand).toEqual({ platform: [1, 2], 'sales-ops': [0, 1] });
    expect(chat?.revisitOn).toBe('2027-04-01');
    expect(portfolio.intakeSettings?.stageLabels).toEqual({ screening: 'PMO review' });
    expect(portfolio.intakeSettings?.gate.capacity).toEqual({ enabled: false });
    expect(portfolio.initiatives.at(-1)?.extras).toEqual({ proposalId: 'p-portal' });
  });

  it('writes them after the workshops, settings first, and gives the same bytes a second time', () => {
    const file = intakeFile();
    file.workshops = [{ id: 'ws', title: 'Planning day', stage: 'setup' }];
    const first = writePortfolio(read(file));
    const keys = Object.keys(JSON.parse(first));
    expect(keys.slice(-4)).toEqual(['decisions', 'workshops', 'intakeSettings', 'proposals']);
    const again = readPortfolioText(first);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(writePortfolio(again.portfolio)).toBe(first);
  });

  it('puts the keys of a proposal and of the settings in the documented order, unknown ones after', () => {
    const file = intakeFile();
    const [portal] = file.proposals;
    file.proposals[0] = {
      colour: 'green',
      decisionIds: portal.decisionIds,
      initiativeId: portal.initiativeId,
      history: portal.history.map((move: Record<string, unknown>) => ({
        note: 'moved',
        ...move,
      })),
      stage: portal.stage,
      title: portal.title,
      id: portal.id,
      problem: portal.problem,
      sponsor: portal.sponsor,
      size: portal.size,
      hypothesis: { measure: 'calls', believe: 'a portal', tone: 'bold' },
      attachments: [{ url: 'https://wiki.example/portal', label: 'Case', kind: 'wiki' }],
    };
    file.intakeSettings.gate = {
      capacity: { enabled: true, strict: true },
      objectiveFit: { minimum: 0.1, enabled: false },
      board: 'monthly',
    };
    file.intakeSettings.audience = 'PMO';
    const written = JSON.parse(writePortfolio(read(file)));
    expect(Object.keys(written.proposals[0])).toEqual([
      'id',
      'title',
      'stage',
      'history',
      'problem',
      'hypothesis',
      'sponsor',
      'size',
      'attachments',
      'initiativeId',
      'decisionIds',
      'colour',
    ]);
    expect(Object.keys(written.proposals[0].history[3])).toEqual([
      'stage',
      'date',
      'decisionId',
      'note',
    ]);
    expect(written.proposals[0].hypothesis).toEqual({
      believe: 'a portal',
      measure: 'calls',
      tone: 'bold',
    });
    expect(Object.keys(written.proposals[0].attachments[0])).toEqual(['label', 'url', 'kind']);
    expect(Object.keys(written.intakeSettings)).toEqual([
      'stageLabels',
      'sizes',
      'gate',
      'audience',
    ]);
    expect(Object.keys(written.intakeSettings.gate)).toEqual([
      'objectiveFit',
      'priority',
      'businessCase',
      'exclusions',
      'capacity',
      'board',
    ]);
    expect(written.intakeSettings.gate.objectiveFit).toEqual({ enabled: false, minimum: 0.1 });
    expect(written.intakeSettings.gate.capacity).toEqual({ enabled: true, strict: true });
  });

  it('reads a file without the keys as no proposals and the default settings, and writes neither', () => {
    const portfolio = read(smallPortfolioFile());
    expect(portfolio.proposals).toBeUndefined();
    expect(portfolio.intakeSettings).toBeUndefined();
    const written = JSON.parse(writePortfolio(portfolio));
    expect(written).not.toHaveProperty('proposals');
    expect(written).not.toHaveProperty('intakeSettings');
  });

  it('fills the rules a file leaves out with their defaults, and keeps a business case rule without thresholds', () => {
    const file = smallPortfolioFile();
    file.intakeSettings = {
      gate: { capacity: { enabled: false }, businessCase: { enabled: true } },
    };
    const settings = read(file).intakeSettings;
    expect(settings).toEqual({
      stageLabels: {},
      sizes: {},
      gate: {
        ...DEFAULT_INTAKE_SETTINGS.gate,
        capacity: { enabled: false },
        businessCase: { enabled: true },
      },
    });
    file.intakeSettings = {};
    expect(read(file).intakeSettings).toEqual(DEFAULT_INTAKE_SETTINGS);
  });

  it('reads a draft without a title or a history, and then asks for the move into its stage', () => {
    const file = smallPortfolioFile();
    file.proposals = [{ id: 'p-1', stage: 'draft' }];
    const problem = problemAt(problemsOf(file), 'proposals[0].history');
    expect(problem.message).toBe('needs at least the move into its current stage');
    expect(problem.where).toBe('Proposal p-1, history');
  });
});

describe('a proposal the reader refuses, as the form does', () => {
  it('names a missing objective, team, period, initiative and decision by place and path', () => {
    const problems = problemsOf(
      withProposal((proposal) => {
        proposal.objectives = [{ id: 'gone', contribution: 2 }];
        proposal.demand = { design: [1] };
        proposal.earliestStart = '2029-Q1';
        proposal.dependsOn = ['nowhere'];
        proposal.decisionIds = ['d-approve', 'd-lost'];
        proposal.history[3].decisionId = 'd-lost';
      }),
    );
    expect(problemAt(problems, 'proposals[0].objectives[0].id')).toEqual({
      path: 'proposals[0].objectives[0].id',
      message: 'objective "gone" does not exist',
      where: 'Proposal “Self-service portal”, link to objective "gone", id',
    });
    expect(problemAt(problems, 'proposals[0].demand.design').where).toBe(
      'Proposal “Self-service portal”, demand of "design"',
    );
    expect(problemAt(problems, 'proposals[0].earliestStart').message).toBe(
      'period "2029-Q1" does not exist',
    );
    expect(problemAt(problems, 'proposals[0].dependsOn[0]').where).toBe(
      'Proposal “Self-service portal”, prerequisite 1',
    );
    expect(problemAt(problems, 'proposals[0].decisionIds[1]')).toMatchObject({
      message: 'decision "d-lost" is not in the decision log',
      where: 'Proposal “Self-service portal”, decision 2',
    });
    expect(problemAt(problems, 'proposals[0].history[3].decisionId').where).toBe(
      'Proposal “Self-service portal”, move 4, decision id',
    );
  });

  it('keeps an approved proposal whose initiative was deleted since: it is history', () => {
    const file = intakeFile();
    file.initiatives = file.initiatives.filter(
      (initiative: { id: string }) => initiative.id !== 'self-service',
    );
    expect(read(file).proposals?.[0]?.initiativeId).toBe('self-service');
  });

  it('asks what the stage requires: a submitted proposal needs a sponsor, a deferred one a date', () => {
    const sponsorless = problemsOf(
      withProposal((proposal) => {
        delete proposal.sponsor;
      }),
    );
    expect(problemAt(sponsorless, 'proposals[0].sponsor')).toEqual({
      path: 'proposals[0].sponsor',
      message: 'a proposal in Approved needs a sponsor',
      where: 'Proposal “Self-service portal”, sponsor',
    });
    const undated = problemsOf(
      withProposal((proposal) => {
        delete proposal.revisitOn;
      }, 1),
    );
    expect(problemAt(undated, 'proposals[1].revisitOn').message).toBe(
      'a proposal in Deferred needs a date to revisit it',
    );
  });

  it('names the stage by the PMO’s name for it', () => {
    const file = withProposal((proposal) => {
      proposal.stage = 'screening';
      proposal.history = proposal.history.slice(0, 3);
      delete proposal.initiativeId;
      delete proposal.problem;
      proposal.decisionIds = [];
    });
    expect(problemAt(problemsOf(file), 'proposals[0].problem').message).toBe(
      'a proposal in PMO review needs the problem it solves',
    );
  });

  it('refuses hostile values, each with its place', () => {
    const problems = problemsOf(
      withProposal((proposal) => {
        proposal.stage = 'done';
        proposal.size = 'XS';
        proposal.spend = [-1, 1e16];
        proposal.duration = 1.5;
        proposal.scores = { value: -3 };
        proposal.attachments = [{ label: 'Run me', url: 'javascript:alert(1)' }];
        proposal.revisitOn = '2027-02-30';
        proposal.owner = 'x'.repeat(201);
        proposal.problem = 'Broken \uD800 text';
      }),
    );
    const at = (path: string) => problemAt(problems, path).message;
    expect(at('proposals[0].stage')).toMatch(/^expected one of draft, submitted/);
    expect(at('proposals[0].size')).toBe('expected one of S, M, L, XL, XXL');
    expect(at('proposals[0].spend[0]')).toBe('must not be negative');
    expect(at('proposals[0].spend[1]')).toMatch(/^must be at most/);
    expect(at('proposals[0].duration')).toBe('expected a whole number of periods, at least 1');
    expect(at('proposals[0].scores.value')).toBe('must not be negative');
    expect(at('proposals[0].revisitOn')).toBe('expected a real date');
    expect(at('proposals[0].owner')).toMatch(/at most 200 are allowed$/);
    expect(at('proposals[0].problem')).toMatch(/broken character/);
    // Its stage is wrong, so the rest of it is not checked against the rules.
    expect(problems.some((problem) => problem.path.includes('attachments'))).toBe(false);
  });

  it('refuses a link that is not on the web, with the attachment named', () => {
    const problems = problemsOf(
      withProposal((proposal) => {
        proposal.attachments = [
          { label: 'Deck', url: 'https://slides.example/deck' },
          { label: 'Run me', url: 'javascript:alert(1)' },
          { label: 'Local', url: 'file:///etc/passwd' },
        ];
      }),
    );
    expect(problemAt(problems, 'proposals[0].attachments[1].url').where).toBe(
      'Proposal “Self-service portal”, attachment 2, url',
    );
    expect(problemAt(problems, 'proposals[0].attachments[2].url').message).toMatch(
      /^expected a web address starting with http/,
    );
    expect(problems).toHaveLength(2);
  });

  it('refuses a broken history: an unknown stage, dates out of order, a last move into another stage', () => {
    const problems = problemsOf(
      withProposal((proposal) => {
        proposal.history[1].date = '2026-12-01';
        proposal.history[3].stage = 'screening';
      }),
    );
    expect(problemAt(problems, 'proposals[0].history[1].date').message).toMatch(
      /^is before the move above it/,
    );
    expect(
      problems
        .filter((problem) => problem.path === 'proposals[0].history[3].stage')
        .map((problem) => problem.message),
    ).toContain('the last move is into screening, but the proposal is in approved');
  });

  it('refuses a history with a move the pipeline does not allow, such as draft to approved', () => {
    const file = smallPortfolioFile();
    file.proposals = [
      {
        id: 'p-jump',
        title: 'Jumped the gate',
        stage: 'approved',
        history: [
          { stage: 'draft', date: '2026-10-01' },
          { stage: 'approved', date: '2026-10-02' },
        ],
        initiativeId: 'crm',
      },
    ];
    expect(problemAt(problemsOf(file), 'proposals[0].history[1].stage').message).toBe(
      'a proposal cannot move from draft to approved; from draft it moves to submitted',
    );
  });

  it('refuses two proposals with one id', () => {
    const file = intakeFile();
    file.proposals[2].id = 'p-chat';
    expect(problemAt(problemsOf(file), 'proposals[2].id').message).toBe(
      'proposal id "p-chat" is used more than once; ids must be unique',
    );
  });

  it(`refuses more than ${MAX_PROPOSALS.toLocaleString('en-US')} proposals and more than ${MAX_PROPOSAL_ATTACHMENTS} attachments`, () => {
    const file = smallPortfolioFile();
    const draft = (index: number) => ({
      id: `p-${index}`,
      stage: 'draft',
      history: [{ stage: 'draft', date: '2027-01-01' }],
    });
    file.proposals = Array.from({ length: MAX_PROPOSALS + 1 }, (_, index) => draft(index));
    expect(problemsOf(file)[0]).toMatchObject({
      path: 'proposals',
      message: 'has 10,001 proposals; at most 10,000 are allowed',
    });
    file.proposals = [
      {
        ...draft(1),
        attachments: Array.from({ length: MAX_PROPOSAL_ATTACHMENTS + 1 }, () => ({
          label: 'Link',
          url: 'https://example.com',
        })),
      },
    ];
    expect(problemsOf(file)[0]?.path).toBe('proposals[0].attachments');
  });

  it('reads proposals and teams named like built-ins, and refuses __proto__ where no stage or size is', () => {
    const file = intakeFile();
    file.teams.push({ id: '__proto__', name: 'Proto', capacity: { '2027-Q1': 1 } });
    file.proposals[1].demand = JSON.parse('{"__proto__":[1],"constructor":[1]}');
    const refused = problemsOf(file);
    expect(problemAt(refused, 'proposals[1].demand.constructor').message).toBe(
      'team "constructor" does not exist',
    );
    file.proposals[1].demand = JSON.parse('{"__proto__":[1]}');
    expect(read(file).proposals?.[1]?.demand?.['__proto__']).toEqual([1]);
    file.intakeSettings.stageLabels = JSON.parse('{"__proto__":"Proto"}');
    expect(problemAt(problemsOf(file), 'intakeSettings.stageLabels.__proto__').message).toMatch(
      /is not a stage/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('intake settings the reader refuses', () => {
  it('names a size template that asks of a missing team, lasts longer than the plan or shrinks', () => {
    const file = intakeFile();
    file.intakeSettings.sizes = {
      S: { duration: 1, demand: { platform: [2] } },
      M: { duration: 4, demand: { platform: [1], design: [1] } },
    };
    const problems = problemsOf(file);
    expect(problemAt(problems, 'intakeSettings.sizes.M.demand.design')).toEqual({
      path: 'intakeSettings.sizes.M.demand.design',
      message: 'team "design" does not exist',
      where: 'Intake settings, size M, demand of "design"',
    });
    expect(problemAt(problems, 'intakeSettings.sizes.M.duration')).toMatchObject({
      message: 'lasts 4 periods, but the portfolio has only 3 periods',
      where: 'Intake settings, size M, duration',
    });
  });

  it('names hostile thresholds, an unknown model and two stages with one name', () => {
    const file = intakeFile();
    file.intakeSettings.stageLabels = { submitted: 'Review', screening: 'review' };
    file.intakeSettings.gate.priority.minimum = { weighted: -1, magic: 3 };
    file.intakeSettings.gate.objectiveFit.minimum = 'high';
    file.intakeSettings.gate.businessCase.fromSize = 'XS';
    const problems = problemsOf(file);
    expect(problemAt(problems, 'intakeSettings.gate.priority.minimum.weighted')).toEqual({
      path: 'intakeSettings.gate.priority.minimum.weighted',
      message: 'must not be negative',
      where: 'Intake settings, gate, priority rule, minimum under Weighted criteria',
    });
    expect(problemAt(problems, 'intakeSettings.gate.objectiveFit.minimum').message).toBe(
      'expected a number, got the text "high"',
    );
    expect(problemAt(problems, 'intakeSettings.gate.businessCase.fromSize').where).toBe(
      'Intake settings, gate, business case rule, from size',
    );
    // The shape is wrong, so the rules between values are not run on the settings.
    expect(problems.some((problem) => problem.path.includes('magic'))).toBe(false);
    file.intakeSettings.gate.priority.minimum = { magic: 3 };
    file.intakeSettings.gate.objectiveFit.minimum = 0.2;
    file.intakeSettings.gate.businessCase.fromSize = 'L';
    const rules = problemsOf(file);
    expect(problemAt(rules, 'intakeSettings.gate.priority.minimum.magic').message).toBe(
      '"magic" is not a scoring model',
    );
    expect(problemAt(rules, 'intakeSettings.stageLabels.screening')).toMatchObject({
      message: '“review” already names the submitted stage; give each stage its own name',
      where: 'Intake settings, name of the screening stage',
    });
  });
});

describe('checking one proposal on its own', () => {
  it('checks its shape as the reader does, with the record’s paths', () => {
    expect(
      checkRecord('proposals', {
        id: 'p-1',
        title: 'Chat',
        stage: 'draft',
        history: [{ stage: 'draft', date: '2027-01-01' }],
      }),
    ).toEqual([]);
    expect(
      checkRecord('proposals', {
        id: 'p-1',
        title: 'Chat',
        stage: 'draft',
        history: [{ stage: 'draft', date: 'soon' }],
        spend: [-5],
      }).map((problem) => problem.path),
    ).toEqual(expect.arrayContaining(['history[0].date', 'spend[0]']));
  });
});
