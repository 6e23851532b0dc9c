import { describe, expect, it } from 'vitest';
import { readPortfolioText, restorePortfolio } from '../../../shared/portfolio/restore';
import { MKNAP_FILES, fixtureText, smallPortfolioFile } from './fixtures';

function problemsOf(file: unknown) {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('restorePortfolio', () => {
  it('reads the example of the format documentation with every field', () => {
    const result = restorePortfolio(smallPortfolioFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const crm = result.portfolio.initiatives[0];
    expect(crm?.demand).toEqual({ platform: [2, 3, 1], 'sales-ops': [1, 1, 0] });
    expect(crm?.forced).toBe('in');
    expect(result.portfolio.objectives[1]?.measures?.[0]?.actuals).toEqual([
      { date: '2027-03-31', value: 4300000 },
    ]);
    expect(result.portfolio.budget).toEqual({ '2027-Q1': 1200000 });
  });

  it.each(MKNAP_FILES)('reads the OR-Library fixture %s', (file) => {
    const result = readPortfolioText(fixtureText(file));
    expect(result.ok).toBe(true);
  });

  it('fills defaults: a missing name is the id, a missing status is proposed, missing lists are empty', () => {
    const result = restorePortfolio({
      format: 'baton-portfolio',
      version: 1,
      name: 'Minimal',
      initiatives: [{ id: 'a' }],
      teams: [{ id: 't' }],
    });
    expect(result).toMatchObject({
      ok: true,
      portfolio: {
        periods: [],
        objectives: [],
        scenarios: [],
        teams: [{ id: 't', name: 't', capacity: {} }],
        initiatives: [{ id: 'a', name: 'a', status: 'proposed' }],
      },
    });
  });

  it('keeps unknown keys at every level as extras', () => {
    const file = smallPortfolioFile();
    file.retrospectives = [{ id: 'r1' }];
    file.initiatives[0].riskLevel = 'high';
    file.teams[0].lead = 'Ana';
    const result = restorePortfolio(file);
    expect(result.ok && result.portfolio.extras).toEqual({ retrospectives: [{ id: 'r1' }] });
    expect(result.ok && result.portfolio.initiatives[0]?.extras).toEqual({ riskLevel: 'high' });
    expect(result.ok && result.portfolio.teams[0]?.extras).toEqual({ lead: 'Ana' });
  });

  it('refuses a file that is not a portfolio, saying what was expected', () => {
    expect(problemsOf([])).toEqual([
      { path: '(top level)', message: 'expected a JSON object, got a list' },
    ]);
    expect(problemsOf({ ...smallPortfolioFile(), format: 'other' })).toContainEqual({
      path: 'format',
      message: 'expected "baton-portfolio"',
      where: 'Format',
    });
    expect(problemsOf({ ...smallPortfolioFile(), version: 2 })[0]?.path).toBe('version');
    expect(problemsOf({ ...smallPortfolioFile(), format: undefined })).toContainEqual({
      path: 'format',
      message: 'is missing: expected "baton-portfolio"',
      where: 'Format',
    });
    expect(problemsOf({ ...smallPortfolioFile(), name: undefined })).toContainEqual({
      path: 'name',
      message: 'is missing: expected text',
      where: 'Portfolio name',
    });
  });

  it('names the place of a wrong type or a negative number in words, with its path', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].demand.platform = [2, -1, 1];
    file.teams[1].capacity['2027-Q1'] = 'four';
    const problems = problemsOf(file);
    expect(problems).toContainEqual({
      path: 'initiatives[0].demand.platform[1]',
      message: 'must not be negative',
      where: 'Initiative CRM revamp, demand of Platform in its 2nd active period',
    });
    expect(problems).toContainEqual({
      path: 'teams[1].capacity["2027-Q1"]',
      message: 'expected a number, got the text "four"',
      where: 'Team Sales Ops, capacity in Q1 2027',
    });
  });

  it('refuses duplicate ids in a list', () => {
    const file = smallPortfolioFile();
    file.initiatives[2].id = 'data-lake';
    expect(problemsOf(file)).toContainEqual({
      path: 'initiatives[2].id',
      message: 'initiative id "data-lake" is used more than once; ids must be unique',
      where: 'Initiative CRM buy, id',
    });
  });

  it('refuses references to teams, periods, objectives and initiatives that do not exist', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand = { design: [1] };
    file.initiatives[1].earliestStart = '2029-Q1';
    file.initiatives[1].objectives = [{ id: 'nope', contribution: 1 }];
    file.initiatives[1].dependsOn = ['ghost'];
    file.teams[0].capacity['2031-Q4'] = 3;
    file.budget['1999-Q1'] = 5;
    file.objectives[1].parentId = 'missing-theme';
    file.scenarios[0].ranking.push('phantom');
    const paths = problemsOf(file).map((problem) => `${problem.path}: ${problem.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'initiatives[1].demand.design: team "design" does not exist',
        'initiatives[1].earliestStart: period "2029-Q1" does not exist',
        'initiatives[1].objectives[0].id: objective "nope" does not exist',
        'initiatives[1].dependsOn[0]: initiative "ghost" does not exist',
        'teams[0].capacity["2031-Q4"]: period "2031-Q4" does not exist',
        'budget["1999-Q1"]: period "1999-Q1" does not exist',
        'objectives[1].parentId: objective "missing-theme" does not exist',
        'scenarios[0].ranking[2]: initiative "phantom" does not exist',
      ]),
    );
  });

  it('refuses an earliest start after the latest start', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].earliestStart = '2027-Q3';
    file.initiatives[0].latestStart = '2027-Q1';
    expect(problemsOf(file)).toContainEqual({
      path: 'initiatives[0].earliestStart',
      message: 'earliest start 2027-Q3 is after latest start 2027-Q1',
      where: 'Initiative CRM revamp, earliest start',
    });
  });

  it('refuses a cycle in dependsOn and names it', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].dependsOn = ['crm-buy'];
    file.initiatives[2].dependsOn = ['crm-revamp'];
    const problems = problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('initiatives[0].dependsOn');
    expect(problems[0]?.message).toBe(
      'dependencies form a cycle: crm-revamp → data-lake → crm-buy → crm-revamp',
    );
  });

  it('refuses a cycle in the strategy tree', () => {
    const file = smallPortfolioFile();
    file.objectives[0].parentId = 'grow-smb';
    expect(problemsOf(file).map((problem) => problem.message)).toContain(
      'the strategy tree has a cycle: growth → grow-smb → growth',
    );
  });

  it('refuses a contribution outside 1..3 and an unknown status', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].objectives[0].contribution = 5;
    file.initiatives[1].status = 'someday';
    const problems = problemsOf(file);
    expect(problems).toContainEqual({
      path: 'initiatives[0].objectives[0].contribution',
      message: 'expected a whole number from 1 to 3',
      where: 'Initiative CRM revamp, link to objective Grow SMB revenue, contribution',
    });
    expect(problems).toContainEqual({
      path: 'initiatives[1].status',
      message: 'expected one of proposed, approved, active, done, cancelled',
      where: 'Initiative Data lake, status',
    });
  });
});

describe('more rules', () => {
  it('refuses two actuals for the same initiative and period', () => {
    const file = smallPortfolioFile();
    file.actuals = [
      { initiativeId: 'crm-revamp', periodId: '2027-Q1', spend: 10 },
      { initiativeId: 'crm-revamp', periodId: '2027-Q1', spend: 20 },
    ];
    expect(problemsOf(file)).toEqual([
      {
        path: 'actuals[1]',
        message:
          'a second entry for initiative "crm-revamp" in period "2027-Q1"; give one entry per initiative and period',
        where: 'Actuals of CRM revamp in Q1 2027',
      },
    ]);
  });

  it('refuses a date that does not exist', () => {
    const file = smallPortfolioFile();
    file.periods[0].end = '2027-02-30';
    expect(problemsOf(file)).toContainEqual({
      path: 'periods[0].end',
      message: 'expected a real date',
      where: 'Period Q1 2027, end',
    });
  });

  it('counts every problem and lists the first 50', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].dependsOn = Array.from({ length: 1000 }, (_, index) => `ghost-${index}`);
    const result = restorePortfolio(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problemCount).toBe(1000);
    expect(result.errors).toHaveLength(50);
    expect(result.errors[49]?.message).toBe('initiative "ghost-49" does not exist');
  });
});

describe('estimateRange', () => {
  it('is a known key of an initiative, read as the field', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].estimateRange = 0.3;
    const result = restorePortfolio(file);
    expect(result.ok && result.portfolio.initiatives[0]?.estimateRange).toBe(0.3);
    expect(result.ok && result.portfolio.initiatives[0]?.extras).toBeUndefined();
  });

  it('is refused when it is not a share, in a file of this revision', () => {
    const file = smallPortfolioFile();
    file.batonRevision = 2;
    file.initiatives[1].estimateRange = 'wide';
    file.initiatives[2].estimateRange = 1.5;
    expect(problemsOf(file)).toEqual([
      {
        path: 'initiatives[1].estimateRange',
        message: 'expected a number, got the text "wide"',
        where: 'Initiative Data lake, estimate range',
      },
      {
        path: 'initiatives[2].estimateRange',
        message: 'expected a share from 0 up to but not including 1 (0.3 for ± 30 %)',
        where: 'Initiative CRM buy, estimate range',
      },
    ]);
  });
});

describe('readPortfolioText', () => {
  it('names the line and column of a JSON syntax error', () => {
    const result = readPortfolioText('{\n  "format": "baton-portfolio",\n  "version": 1,,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe('(file)');
    expect(result.errors[0]?.message).toMatch(/^not valid JSON at line 3, column 16/);
  });

  it('accepts a byte order mark', () => {
    expect(readPortfolioText(`\uFEFF${JSON.stringify(smallPortfolioFile())}`).ok).toBe(true);
  });
});
