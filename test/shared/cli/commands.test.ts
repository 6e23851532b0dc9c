import { describe, expect, it } from 'vitest';
import { EXIT_BAD_FILE, EXIT_OK, parseArgs, validateCommand } from '../../../shared/cli/commands';
import { smallPortfolioFile } from '../portfolio/fixtures';

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

  it('refuses a broken file with exit code 2 and every problem by path on stderr', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand = { design: [1] };
    file.initiatives[2].latestStart = '2040-Q1';
    const output = validateCommand('plan.json', JSON.stringify(file));
    expect(output.code).toBe(EXIT_BAD_FILE);
    expect(output.stdout).toBe('');
    expect(output.stderr).toBe(
      'plan.json: refused, 2 problems:\n' +
        '  initiatives[1].demand.design: team "design" does not exist\n' +
        '  initiatives[2].latestStart: period "2040-Q1" does not exist\n',
    );
  });
});
