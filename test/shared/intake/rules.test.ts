import { describe, expect, it } from 'vitest';
import {
  checkIntakeSettings,
  checkProposal,
  checkProposals,
  isWebAddress,
  requiredFields,
  webAddressProblem,
} from '../../../shared/intake/rules';
import {
  DEFAULT_INTAKE_SETTINGS,
  type IntakeSettings,
  type Proposal,
} from '../../../shared/intake/types';
import { CHAT, plan, SETTINGS } from './fixtures';

function problems(proposal: Proposal, settings: IntakeSettings = SETTINGS) {
  return checkProposal(proposal, plan(), settings, ['proposals', 0]).map(
    (problem) => `${problem.path}: ${problem.message}`,
  );
}

describe('the rules of a proposal', () => {
  it('finds nothing wrong with a complete proposal', () => {
    expect(problems(CHAT)).toEqual([]);
  });

  it('lets a draft be saved as it is typed, empty or not', () => {
    const draft: Proposal = {
      id: 'p-1',
      title: '',
      stage: 'draft',
      history: [{ stage: 'draft', date: '2027-01-04' }],
    };
    expect(problems(draft)).toEqual([]);
  });

  it('asks a submitted proposal for a title, a problem, a sponsor and a size', () => {
    const bare: Proposal = {
      id: 'p-1',
      title: ' ',
      stage: 'submitted',
      history: [{ stage: 'submitted', date: '2027-01-04' }],
    };
    expect(problems(bare)).toEqual([
      'proposals[0].title: a proposal in Submitted needs a title',
      'proposals[0].problem: a proposal in Submitted needs the problem it solves',
      'proposals[0].sponsor: a proposal in Submitted needs a sponsor',
      'proposals[0].size: a proposal in Submitted needs a size: a t-shirt size or demand per team',
    ]);
    // Demand per team is a size too.
    expect(
      problems({ ...bare, title: 'T', problem: 'P', sponsor: 'S', demand: { platform: [1] } }),
    ).toEqual([]);
  });

  it('asks a deferred proposal for a revisit date and an approved one for its initiative', () => {
    expect(requiredFields('deferred')).toContain('revisitOn');
    expect(requiredFields('approved')).toContain('initiativeId');
    const deferred = {
      ...CHAT,
      stage: 'deferred' as const,
      history: [...CHAT.history, { stage: 'deferred' as const, date: '2027-01-20' }],
    };
    expect(problems(deferred)).toEqual([
      'proposals[0].revisitOn: a proposal in Deferred needs a date to revisit it',
    ]);
    expect(problems({ ...deferred, revisitOn: '2027-01-19' })).toEqual([
      'proposals[0].revisitOn: must be after the date it was deferred (2027-01-20)',
    ]);
  });

  it('names the proposal in words beside the path', () => {
    const [problem] = checkProposal({ ...CHAT, sponsor: '' }, plan(), SETTINGS, ['proposals', 2]);
    expect(problem).toEqual({
      path: 'proposals[2].sponsor',
      message: 'a proposal in Screening needs a sponsor',
      where: 'Proposal “Customer chat”',
    });
  });

  it('refuses references to what the portfolio does not have', () => {
    const proposal: Proposal = {
      ...CHAT,
      objectives: [
        { id: 'ecom', contribution: 3 },
        { id: 'ecom', contribution: 1 },
        { id: 'gone', contribution: 4 },
      ],
      demand: { ghosts: [1] },
      earliestStart: '2031-Q1',
      dependsOn: ['app', 'old-lake'],
      excludes: ['app'],
      decisionIds: ['d-1', 'd-404'],
    };
    expect(problems(proposal)).toEqual([
      'proposals[0].objectives[1].id: objective "ecom" is linked twice',
      'proposals[0].objectives[2].id: objective "gone" does not exist',
      'proposals[0].objectives[2].contribution: expected a whole number from 1 to 3',
      'proposals[0].demand.ghosts: team "ghosts" does not exist',
      'proposals[0].earliestStart: period "2031-Q1" does not exist',
      'proposals[0].dependsOn[1]: initiative "old-lake" does not exist',
      'proposals[0].excludes[0]: it cannot both depend on and exclude initiative "app"',
      'proposals[0].decisionIds[1]: decision "d-404" is not in the decision log',
    ]);
  });

  it('checks dates and the order of the stage history', () => {
    const proposal: Proposal = {
      ...CHAT,
      history: [
        { stage: 'draft', date: '2027-01-04' },
        { stage: 'submitted', date: '2027-02-30' },
        { stage: 'screening', date: '2027-01-02' },
      ],
      revisitOn: 'next spring',
    };
    expect(problems(proposal)).toEqual([
      'proposals[0].history[1].date: expected a real date as YYYY-MM-DD',
      'proposals[0].history[2].date: is before the move above it (2027-01-04); the history runs oldest first',
      'proposals[0].revisitOn: expected a real date as YYYY-MM-DD',
    ]);
    expect(problems({ ...CHAT, stage: 'submitted' })).toEqual([
      'proposals[0].history[2].stage: the last move is into screening, but the proposal is in submitted',
    ]);
    expect(problems({ ...CHAT, history: [] })).toEqual([
      'proposals[0].history: needs at least the move into its current stage',
    ]);
  });

  it('links attachments only over http or https', () => {
    expect(isWebAddress('https://docs.example.com/case?v=2#top')).toBe(true);
    expect(isWebAddress('http://intranet/case')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/cases/case.docx',
      'ftp://example.com/case',
      'https://',
      'https://exa mple.com',
      'https://user@evil.example',
      'https://example.com/\u0000',
      'docs.example.com',
    ]) {
      expect(isWebAddress(url), url).toBe(false);
    }
    expect(problems({ ...CHAT, attachments: [{ label: '', url: 'javascript:alert(1)' }] })).toEqual(
      [
        'proposals[0].attachments[0].label: an attachment needs a label',
        'proposals[0].attachments[0].url: expected a web address starting with http:// or https://; other kinds of link (file:, javascript:) are not opened',
      ],
    );
  });

  it('checks amounts, durations and scores on the model’s scale', () => {
    const proposal: Proposal = {
      ...CHAT,
      demand: { platform: [1, -1, 1] },
      spend: [Number.NaN],
      duration: 0,
      scores: { value: 11, other: 500 },
      size: 'XS' as never,
    };
    expect(problems(proposal)).toEqual([
      'proposals[0].size: expected one of S, M, L, XL, XXL',
      'proposals[0].demand.platform[1]: expected a number from 0 to 1,000,000',
      'proposals[0].demand.platform: lasts 3 periods, but the portfolio has only 2 periods',
      'proposals[0].duration: expected a whole number of periods, at least 1',
      'proposals[0].spend[0]: expected a number from 0 to 1,000,000,000,000,000',
      "proposals[0].scores.value: must be from 0 to 10 on the Weighted criteria model's scale",
    ]);
  });

  it('finds repeated ids in a list of proposals', () => {
    const found = checkProposals([CHAT, { ...CHAT, title: 'Again' }], plan(), SETTINGS);
    expect(found).toEqual([
      {
        path: 'proposals[1].id',
        message: 'proposal id "p-chat" is used more than once; ids must be unique',
      },
    ]);
  });
});

describe('the rules of the intake settings', () => {
  it('finds nothing wrong with the defaults or the test settings', () => {
    expect(checkIntakeSettings(DEFAULT_INTAKE_SETTINGS, plan())).toEqual([]);
    expect(checkIntakeSettings(SETTINGS, plan())).toEqual([]);
  });

  it('checks stage names, templates and thresholds', () => {
    const settings: IntakeSettings = {
      stageLabels: { draft: 'Idea', submitted: 'idea', screening: ' ' },
      sizes: {
        S: { duration: 1, demand: { platform: [2] } },
        M: { duration: 1, demand: { platform: [1, 1], ghosts: [1] } },
        L: { duration: 3, demand: { platform: [2, 2, 2] } },
      },
      gate: {
        ...DEFAULT_INTAKE_SETTINGS.gate,
        objectiveFit: { enabled: true, minimum: -1 },
        priority: { enabled: true, basis: 'priority', minimum: { wsjf: Number.POSITIVE_INFINITY } },
        businessCase: { enabled: true, fromCost: -5 },
      },
    };
    expect(
      checkIntakeSettings(settings, plan()).map((problem) => `${problem.path}: ${problem.message}`),
    ).toEqual([
      'intakeSettings.stageLabels.submitted: “idea” already names the draft stage; give each stage its own name',
      'intakeSettings.stageLabels.screening: a stage name cannot be blank',
      'intakeSettings.sizes.M.demand.ghosts: team "ghosts" does not exist',
      'intakeSettings.sizes.M.duration: is shorter than its demand or spend lists',
      'intakeSettings.sizes.L.duration: lasts 3 periods, but the portfolio has only 2 periods',
      'intakeSettings.gate.objectiveFit.minimum: expected a number, 0 or more',
      'intakeSettings.gate.priority.minimum.wsjf: expected a number, 0 or more',
      'intakeSettings.gate.businessCase.fromCost: expected a number, 0 or more',
    ]);
  });

  it('refuses renaming a stage to the standard name another stage still has', () => {
    const settings = {
      ...DEFAULT_INTAKE_SETTINGS,
      stageLabels: { submitted: 'Draft' },
    };
    expect(
      checkIntakeSettings(settings, plan()).map((problem) => `${problem.path}: ${problem.message}`),
    ).toEqual([
      'intakeSettings.stageLabels.submitted: “Draft” is the name of the draft stage; give each stage its own name',
    ]);
  });

  it('asks sizes to grow from S to XXL', () => {
    const settings: IntakeSettings = {
      ...SETTINGS,
      sizes: {
        S: { duration: 1, demand: { platform: [3] } },
        M: { duration: 1, demand: { platform: [2] } },
      },
    };
    expect(checkIntakeSettings(settings, plan())).toEqual([
      {
        path: 'intakeSettings.sizes.M.demand',
        message: 'asks less in all (2) than size S (3); sizes grow from S to XXL',
      },
    ]);
  });
});

describe('an attachment address that is refused', () => {
  it('says why in words: a space, a missing host, another kind of link', () => {
    expect(webAddressProblem('https://example.com/"><img src=x onerror=alert(1)>')).toBe(
      'contains a space or a control character, which a web address cannot hold (write a space as %20)',
    );
    expect(webAddressProblem(' https://ok.example.com')).toBe(
      'starts with a space; a web address starts with http:// or https://',
    );
    expect(webAddressProblem('https://')).toBe(
      'has no host name after the http:// or https:// (as in https://example.com/page)',
    );
    expect(webAddressProblem('javascript:alert(1)')).toMatch(/^expected a web address starting/);
    expect(webAddressProblem('https://wiki.example.com/case')).toBeNull();
  });
});
