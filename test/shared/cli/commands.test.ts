import { describe, expect, it } from 'vitest';
import {
  EXIT_BAD_FILE,
  EXIT_FAILURE,
  EXIT_OK,
  cutlineCommand,
  packRequest,
  parseArgs,
  validateCommand,
} from '../../../shared/cli/commands';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { PACK_SECTIONS } from '../../../shared/pack/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { fixtureText, smallPortfolioFile } from '../portfolio/fixtures';

describe('parseArgs', () => {
  it('reads a command, its file and its options', () => {
    expect(parseArgs(['cutline', 'plan.json', '--scenario', 'growth'])).toEqual({
      command: 'cutline',
      file: 'plan.json',
      options: { scenario: 'growth' },
    });
    expect(parseArgs(['optimize', 'plan.json', '--time-limit=5'])).toEqual({
      command: 'optimize',
      file: 'plan.json',
      options: { 'time-limit': '5' },
    });
  });

  it('says what is wrong with the arguments', () => {
    expect(parseArgs(['frobnicate', 'x'])).toEqual({ error: 'unknown command "frobnicate"' });
    expect(parseArgs(['validate'])).toEqual({ error: 'validate needs a FILE' });
    expect(parseArgs(['validate', 'a.json', 'b.json'])).toEqual({
      error: 'unexpected argument "b.json"',
    });
    expect(parseArgs(['validate', 'a.json', '--scenario', 'x'])).toEqual({
      error: 'validate has no option --scenario',
    });
    expect(parseArgs(['cutline', 'a.json', '--scenario'])).toEqual({
      error: '--scenario needs a value',
    });
  });
});

describe('validateCommand', () => {
  it('accepts a valid file and summarises it on stdout', () => {
    const output = validateCommand('plan.json', JSON.stringify(smallPortfolioFile()));
    expect(output.code).toBe(EXIT_OK);
    expect(output.stderr).toBe('');
    expect(output.stdout).toBe(
      'plan.json: valid baton-portfolio version 1 "Northwind 2027 plan" (3 initiatives, 2 teams, 3 periods, 2 objectives, 1 scenario)\n',
    );
  });

  it('refuses a broken file with exit code 2 and every problem in words, its path beneath, on stderr', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand = { design: [1] };
    file.initiatives[2].latestStart = '2040-Q1';
    const output = validateCommand('plan.json', JSON.stringify(file));
    expect(output.code).toBe(EXIT_BAD_FILE);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe(
      'plan.json: refused, 2 problems:\n' +
        '  Initiative Data lake, demand of "design": team "design" does not exist\n' +
        '      (initiatives[1].demand.design)\n' +
        '  Initiative CRM buy, latest start: period "2040-Q1" does not exist\n' +
        '      (initiatives[2].latestStart)\n',
    );
  });

  it('names a team and a period by their name and label', () => {
    const file = smallPortfolioFile();
    file.teams[0].capacity['2027-Q2'] = -2;
    const output = validateCommand('plan.json', JSON.stringify(file));
    expect(output.stderr).toBe(
      'plan.json: refused, 1 problem:\n' +
        '  Team Platform, capacity in Q2 2027: must not be negative\n' +
        '      (teams[0].capacity["2027-Q2"])\n',
    );
  });

  it('gives the true count of a thousand problems and lists the first 50', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].dependsOn = Array.from({ length: 1000 }, (_, index) => `ghost-${index}`);
    const output = validateCommand('plan.json', JSON.stringify(file));
    expect(output.code).toBe(EXIT_BAD_FILE);
    expect(output.stderr.split('\n')[0]).toBe(
      'plan.json: refused, 1000 problems (the first 50 listed):',
    );
    expect(output.stderr).toContain('initiative "ghost-49" does not exist');
    expect(output.stderr).not.toContain('ghost-50"');
  });

  it('reports shape problems and rule problems of one file together', () => {
    const file = smallPortfolioFile();
    file.teams[0].capacity['2027-Q1'] = 'ten';
    file.initiatives[1].dependsOn = ['ghost'];
    const output = validateCommand('plan.json', JSON.stringify(file));
    expect(output.stderr).toContain('refused, 2 problems:');
    expect(output.stderr).toContain(
      'Team Platform, capacity in Q1 2027: expected a number, got the text "ten"',
    );
    expect(output.stderr).toContain(
      'Initiative Data lake, prerequisite 1: initiative "ghost" does not exist',
    );
  });
});

describe('cutlineCommand', () => {
  const text = fixtureText('cutline/reasons.baton.json');

  it('prints the cut line of the first scenario as JSON: gap-fillers marked, one reason sentence per initiative below', () => {
    const output = cutlineCommand('reasons.baton.json', text);
    expect(output.code).toBe(EXIT_OK);
    expect(output.stderr).toBe('');
    expect(output.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(output.stdout)).toEqual({
      above: [
        { id: 'nis2', start: '2027-Q1' },
        { id: 'crm-buy', start: '2027-Q1' },
        { id: 'lakehouse', start: '2027-Q1' },
        { id: 'churn', start: '2027-Q3' },
        // Behind the line (Big-bang migration does not fit), yet they fit a gap.
        { id: 'fleet', start: '2027-Q4', inGap: true },
        { id: 'intranet', start: '2027-Q1', inGap: true },
      ],
      below: [
        { id: 'crm-build', reason: 'excluded by CRM: buy SaaS' },
        { id: 'big-bang', reason: 'Platform is 2 FTE short in Q1 2027' },
        { id: 'pricing', reason: 'the budget is 150,000 EUR short in Q1 2027' },
        { id: 'as400', reason: 'forced out' },
        { id: 'lockers', reason: 'needs AS/400 rehost, which is below the line' },
        { id: 'portal', reason: 'cannot finish by Q4 2027, the last period' },
        { id: 'returns', reason: 'cannot start by its latest start, Q2 2027' },
        { id: 'scanners', reason: 'cannot start at its fixed start, Q2 2027' },
        { id: 'bi', reason: 'Data & Analytics is 1 FTE short in Q4 2027' },
      ],
    });
  });

  it('uses the scenario it is given', () => {
    const output = cutlineCommand('reasons.baton.json', text, 'growth');
    expect(output.code).toBe(EXIT_OK);
    const report = JSON.parse(output.stdout);
    expect(report.above.slice(0, 3)).toEqual([
      { id: 'nis2', start: '2027-Q1' },
      { id: 'crm-build', start: '2027-Q1' },
      { id: 'pricing', start: '2027-Q1' },
    ]);
    expect(report.below).toContainEqual({
      id: 'crm-buy',
      reason: 'excluded by CRM: build in-house',
    });
  });

  it('places in file order when the file has no scenarios', () => {
    const file = JSON.parse(text);
    file.scenarios = [];
    const report = JSON.parse(cutlineCommand('plan.json', JSON.stringify(file)).stdout);
    expect(report.above.slice(0, 3)).toEqual([
      { id: 'nis2', start: '2027-Q1' },
      { id: 'crm-buy', start: '2027-Q1' },
      { id: 'lakehouse', start: '2027-Q1' },
    ]);
    expect(report.below[0]).toEqual({ id: 'crm-build', reason: 'excluded by CRM: buy SaaS' });
  });

  it('exits 1 naming the scenarios that exist when asked for one that does not', () => {
    expect(cutlineCommand('plan.json', text, 'grwoth')).toEqual({
      stdout: '',
      stderr: 'plan.json: no scenario "grwoth"; the scenarios are: base, growth\n',
      code: EXIT_FAILURE,
    });
    const file = JSON.parse(text);
    file.scenarios = [];
    expect(cutlineCommand('plan.json', JSON.stringify(file), 'base')).toEqual({
      stdout: '',
      stderr: 'plan.json: no scenario "base"; the file has no scenarios\n',
      code: EXIT_FAILURE,
    });
  });

  it('refuses a broken file exactly as validate does', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand = { design: [1] };
    const broken = JSON.stringify(file);
    const output = cutlineCommand('plan.json', broken, 'base');
    expect(output).toEqual(validateCommand('plan.json', broken));
    expect(output.code).toBe(EXIT_BAD_FILE);
    expect(output.stderr).toBe(
      'plan.json: refused, 1 problem:\n' +
        '  Initiative Data lake, demand of "design": team "design" does not exist\n' +
        '      (initiatives[1].demand.design)\n',
    );
    expect(cutlineCommand('plan.json', '{ nope').code).toBe(EXIT_BAD_FILE);
  });
});

describe('packRequest', () => {
  const text = writePortfolio(DEMO_PORTFOLIO);

  it('makes the pack input with the defaults, the sections and the scenario asked for', () => {
    const request = packRequest('demo.json', text, { out: 'pack.pdf' }, '2026-11-26');
    if (!('input' in request)) throw new Error(request.stderr);
    expect(request.out).toBe('pack.pdf');
    expect(request.input.settings).toMatchObject({
      title: 'Portfolio review',
      organisation: DEMO_PORTFOLIO.name,
      date: '2026-11-26',
      sections: PACK_SECTIONS.filter((id) => id !== 'changes' && id !== 'minutes'),
    });
    const chosen = packRequest(
      'demo.json',
      text,
      { out: 'pack.pdf', sections: 'ranked,cover', scenario: 'baseline' },
      '2026-11-26',
    );
    if (!('input' in chosen)) throw new Error(chosen.stderr);
    expect(chosen.input.settings.sections).toEqual(['ranked', 'cover']);
    expect(chosen.input.settings.scenarioId).toBe('baseline');
  });

  it('refuses what would print nothing or cannot be written, before reading further', () => {
    const refuse = (options: Record<string, string>) => {
      const result = packRequest('demo.json', text, options, '2026-11-26');
      return 'input' in result ? null : result;
    };
    expect(refuse({})?.stderr).toBe('baton: pack needs --out PACK.pdf\n');
    expect(refuse({ out: 'pack.docx' })?.stderr).toBe(
      'baton: --out: "pack.docx" should end in .pdf\n',
    );
    expect(refuse({ out: 'p.pdf', sections: 'frontier' })?.stderr).toContain(
      'the frontier needs the optimizer, which the command line does not run',
    );
    expect(refuse({ out: 'p.pdf', scenario: 'nope' })).toMatchObject({ code: 1 });
    expect(packRequest('bad.json', '{', { out: 'p.pdf' }, '2026-11-26')).toMatchObject({ code: 2 });
  });
});
