/** The `baton` command line as a user runs it, in its own process (from the sources). */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SOURCE_CLI, baton, type Run } from './run-baton';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('baton validate', () => {
  it('exits 0 on a valid file and says so on stdout', async () => {
    const run = await baton('validate', 'test/fixtures/orlib-mknap1/mknap1-07.json');
    expect(run).toEqual({
      code: 0,
      stdout:
        'test/fixtures/orlib-mknap1/mknap1-07.json: valid baton-portfolio version 1 "OR-Library mknap1 problem 7" (50 initiatives, 5 teams, 1 period, 0 objectives, 1 scenario)\n',
      stderr: '',
    });
  });

  it('exits 2 with each problem in words and its path on stderr for a file that breaks a rule', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'baton-portfolio',
        version: 1,
        name: 'Broken',
        teams: [{ id: 'platform', capacity: {} }],
        initiatives: [
          { id: 'a', demand: { platfrom: [1] }, dependsOn: ['b'] },
          { id: 'b', dependsOn: ['a'] },
        ],
      }),
    );
    const run = await baton('validate', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      '  Initiative a, demand of "platfrom": team "platfrom" does not exist\n' +
        '      (initiatives[0].demand.platfrom)\n',
    );
    expect(run.stderr).toContain(
      '  Initiative a, depends on: dependencies form a cycle: a → b → a\n' +
        '      (initiatives[0].dependsOn)\n',
    );
  });

  it('exits 2 for a file that cannot be read or is not JSON', async () => {
    const missing = await baton('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read: no such file');
    const notJson = join(dir, 'text.json');
    await writeFile(notJson, 'name: plan\n');
    const run = await baton('validate', notJson);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(file): not valid JSON');
  });

  it('exits 2 for a file that is not UTF-8 text', async () => {
    const file = join(dir, 'latin1.json');
    await writeFile(file, Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
    const run = await baton('validate', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${file}: not UTF-8 text; save the file as UTF-8 and open it again\n`);
  });

  it('refuses a file over the size limit before reading it, in the words the app uses', async () => {
    const file = join(dir, 'huge.json');
    await writeFile(file, '');
    // A sparse file: large on paper, nothing written to disk.
    await truncate(file, 200 * 1024 * 1024 + 1);
    const run = await baton('validate', file);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}: is 201 MB, over the 200 MB limit of a portfolio file; Baton does not open it\n`,
    });
  });

  it('names UTF-16 text, with or without a byte-order mark', async () => {
    const file = join(dir, 'utf16.json');
    await writeFile(file, Buffer.from('{"format":"baton-portfolio"}', 'utf16le'));
    const run = await baton('validate', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${file}: UTF-16 text (little-endian), not UTF-8; save the file as UTF-8 and open it again\n`,
    );
  });

  it('exits 1 with the usage for arguments it does not understand', async () => {
    const run = await baton('validate');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('validate needs a FILE');
    expect(run.stderr).toContain('Usage:');
  });
});

describe('baton score', () => {
  it('prints the model, the weights and each initiative’s value and priority as JSON', async () => {
    const run = await baton('score', 'test/fixtures/strategy/ahp-wsjf.baton.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.model.kind).toBe('wsjf');
    expect(report.objectives[0]).toMatchObject({ id: 'grow', local: 0.636986, from: 'judgments' });
    expect(report.initiatives[0]).toMatchObject({ id: 'portal', rank: 1, value: 15, priority: 5 });
  });
});

describe('baton cutline', () => {
  const FIXTURE = 'test/fixtures/cutline/reasons.baton.json';

  it('prints the cut line of the first scenario as JSON on stdout and exits 0', async () => {
    const run = await baton('cutline', FIXTURE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`{
  "above": [
    {
      "id": "nis2",
      "start": "2027-Q1"
    },
    {
      "id": "crm-buy",
      "start": "2027-Q1"
    },
    {
      "id": "lakehouse",
      "start": "2027-Q1"
    },
    {
      "id": "churn",
      "start": "2027-Q3"
    },
    {
      "id": "fleet",
      "start": "2027-Q4",
      "inGap": true
    },
    {
      "id": "intranet",
      "start": "2027-Q1",
      "inGap": true
    }
  ],
  "below": [
    {
      "id": "crm-build",
      "reason": "excluded by CRM: buy SaaS"
    },
    {
      "id": "big-bang",
      "reason": "Platform is 2 FTE short in Q1 2027"
    },
    {
      "id": "pricing",
      "reason": "the budget is 150,000 EUR short in Q1 2027"
    },
    {
      "id": "as400",
      "reason": "forced out"
    },
    {
      "id": "lockers",
      "reason": "needs AS/400 rehost, which is below the line"
    },
    {
      "id": "portal",
      "reason": "cannot finish by Q4 2027, the last period"
    },
    {
      "id": "returns",
      "reason": "cannot start by its latest start, Q2 2027"
    },
    {
      "id": "scanners",
      "reason": "cannot start at its fixed start, Q2 2027"
    },
    {
      "id": "bi",
      "reason": "Data & Analytics is 1 FTE short in Q4 2027"
    }
  ]
}
`);
  });

  it('uses the scenario named by --scenario', async () => {
    const run = await baton('cutline', FIXTURE, '--scenario', 'growth');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.above[1]).toEqual({ id: 'crm-build', start: '2027-Q1' });
    expect(report.below).toContainEqual({
      id: 'crm-buy',
      reason: 'excluded by CRM: build in-house',
    });
  });

  it('exits 1 naming the scenarios that exist for an unknown --scenario', async () => {
    const run = await baton('cutline', FIXTURE, '--scenario=stretch');
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `${FIXTURE}: no scenario "stretch"; the scenarios are: base, growth\n`,
    });
  });

  it('exits 2 with the problems on stderr for a file that breaks a rule or cannot be read', async () => {
    const file = join(dir, 'cutline-broken.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'baton-portfolio',
        version: 1,
        name: 'Broken',
        initiatives: [{ id: 'a', dependsOn: ['ghost'] }],
      }),
    );
    const run = await baton('cutline', file);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}: refused, 1 problem:\n  Initiative a, prerequisite 1: initiative "ghost" does not exist\n      (initiatives[0].dependsOn[0])\n`,
    });
    const missing = await baton('cutline', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read: no such file');
  });

  it('pack refuses bad arguments before it renders anything, and writes no file', async () => {
    const out = join(dir, 'refused.pdf');
    const noOut = await baton('pack', FIXTURE);
    expect(noOut).toMatchObject({ code: 1, stderr: 'baton: pack needs --out PACK.pdf\n' });
    const notPdf = await baton('pack', FIXTURE, '--out', join(dir, 'pack.txt'));
    expect(notPdf.code).toBe(1);
    expect(notPdf.stderr).toContain('should end in .pdf');
    const section = await baton('pack', FIXTURE, '--out', out, '--sections', 'cover,charts');
    expect(section.code).toBe(1);
    expect(section.stderr).toContain('unknown section "charts"; choose from cover, summary');
    const scenario = await baton('pack', FIXTURE, '--out', out, '--scenario', 'nope');
    expect(scenario.code).toBe(1);
    expect(scenario.stderr).toContain('no scenario "nope"');
    await expect(readFile(out)).rejects.toThrow();
  });
});

describe('baton optimize', () => {
  const MKNAP = fileURLToPath(
    new URL('../../fixtures/orlib-mknap1/mknap1-03.json', import.meta.url),
  );

  it('prints the optimal plan as JSON: status, objective, bound, selected, rejected, usage', async () => {
    const run = await baton('optimize', MKNAP, '--time-limit', '20');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual([
      'status',
      'objective',
      'bound',
      'selected',
      'rejected',
      'usage',
    ]);
    expect(report).toMatchObject({ status: 'optimal', objective: 4015, bound: 4015 });
    expect(report.selected.length + report.rejected.length).toBe(15);
    expect(report.selected[0]).toEqual({ id: expect.stringMatching(/^i\d+$/), start: 'P1' });
    for (const entry of report.rejected) expect(entry.reason).toMatch(/short in Period 1/);
    expect(Object.keys(report.usage)).toHaveLength(10);
    // Usage is what the selected initiatives demand, and within each team's capacity.
    const file = JSON.parse(await readFile(MKNAP, 'utf8'));
    const chosen = new Set(report.selected.map((entry: { id: string }) => entry.id));
    for (const team of file.teams) {
      const demand = file.initiatives
        .filter((entry: { id: string }) => chosen.has(entry.id))
        .reduce(
          (sum: number, entry: { demand: Record<string, number[]> }) =>
            sum + (entry.demand[team.id]?.[0] ?? 0),
          0,
        );
      expect(report.usage[team.id].P1).toBeCloseTo(demand, 6);
      expect(report.usage[team.id].P1).toBeLessThanOrEqual(team.capacity.P1);
    }
  });

  it('reports an infeasible plan as a success, naming the forced items', async () => {
    const file = join(dir, 'forced.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'baton-portfolio',
        version: 1,
        name: 'Forced',
        periods: [{ id: 'Q1', label: 'Q1 2027' }],
        teams: [{ id: 'ops', name: 'Ops', capacity: { Q1: 5 } }],
        objectives: [],
        initiatives: [
          {
            id: 'a',
            name: 'Audit',
            status: 'proposed',
            value: 1,
            demand: { ops: [4] },
            forced: 'in',
          },
          {
            id: 'b',
            name: 'Backup',
            status: 'proposed',
            value: 1,
            demand: { ops: [4] },
            forced: 'in',
          },
        ],
      }),
    );
    const run = await baton('optimize', file);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('infeasible');
    expect(report.conflict.forced).toEqual(['a', 'b']);
    expect(report.conflict.message).toContain('Ops is 3 short in Q1 2027');
    expect(report.selected).toEqual([]);
  });

  it('plans a team and a period whose id is __proto__', async () => {
    const file = join(dir, 'proto.json');
    await writeFile(
      file,
      '{"format":"baton-portfolio","version":1,"name":"Odd ids",' +
        '"periods":[{"id":"__proto__"},{"id":"constructor"}],' +
        '"teams":[{"id":"__proto__","capacity":{"__proto__":5,"constructor":5}}],' +
        '"initiatives":[{"id":"a","value":3,"demand":{"__proto__":[4]}},' +
        '{"id":"b","value":2,"demand":{"__proto__":[0,3]}}]}',
    );
    const run = await baton('optimize', file, '--time-limit', '5');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('optimal');
    expect(report.objective).toBe(5);
    expect(report.usage).toEqual(JSON.parse('{"__proto__":{"__proto__":4,"constructor":3}}'));
  });

  it('refuses a bad --time-limit and a broken file', async () => {
    const limit = await baton('optimize', MKNAP, '--time-limit', 'soon');
    expect(limit.code).toBe(1);
    expect(limit.stderr).toContain('--time-limit needs a number of seconds above 0, not "soon"');
    const missing = await baton('optimize', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read: no such file');
  });
});

describe('baton export --format csv', () => {
  it('refuses an --out that names a CSV file, saying --out is a folder, and makes nothing', async () => {
    const out = join(dir, 'plan.csv');
    const run = await baton(
      'export',
      'test/fixtures/orlib-mknap1/mknap1-07.json',
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `baton: --out: "${out}" names a file, but --format csv writes four files (initiatives.csv, capacity.csv, ranking.csv, actuals.csv) into the folder --out names; give a folder, such as --out ${join(dir, 'plan')}\n`,
    });
    expect(await readdir(dir)).not.toContain('plan.csv');
  });

  it('writes the four files into the folder --out names', async () => {
    const out = join(dir, 'plan-export');
    const run = await baton(
      'export',
      'test/fixtures/orlib-mknap1/mknap1-07.json',
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'actuals.csv',
      'capacity.csv',
      'initiatives.csv',
      'ranking.csv',
    ]);
  });
});

describe('baton import and export write their file whole', () => {
  const PORTFOLIO = 'test/fixtures/orlib-mknap1/mknap1-07.json';
  /** A CSV of `count` initiatives, each with a long description: a large portfolio to write. */
  const manyInitiatives = (count: number) =>
    [
      'Name,Status,Owner,Description',
      ...Array.from(
        { length: count },
        (_, i) => `Imported ${i},proposed,Owner ${i},${'x'.repeat(100)}`,
      ),
    ].join('\n');

  /** `baton ARGS` where no file may grow past `kilobytes` (a disk that fills up halfway). */
  function batonOnFullDisk(kilobytes: number, ...args: string[]): Promise<Run> {
    const quoted = args.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
    return new Promise((resolve) => {
      execFile(
        'sh',
        // ulimit -f counts 512-byte blocks in a POSIX shell.
        [
          '-c',
          `ulimit -f ${kilobytes * 2}; exec "$0" ${SOURCE_CLI.join(' ')} ${quoted}`,
          process.execPath,
        ],
        { cwd: ROOT },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('imports into a portfolio and writes the result over it', async () => {
    const portfolio = join(dir, 'in-place.json');
    await copyFile(PORTFOLIO, portfolio);
    const source = join(dir, 'two.csv');
    await writeFile(source, 'Name,Status\nWarehouse robots,proposed\nRoute planner,approved\n');
    const run = await baton('import', source, '--into', portfolio, '--out', portfolio);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const validated = await baton('validate', portfolio);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('(52 initiatives,');
    // No temporary file is left beside it.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the portfolio as it was when the disk fills up while --out is written over it', async () => {
    const portfolio = join(dir, 'full-disk.json');
    await copyFile(PORTFOLIO, portfolio);
    const before = await readFile(portfolio, 'utf8');
    const source = join(dir, 'many.csv');
    await writeFile(source, manyInitiatives(3000));
    // The portfolio is 14 KB; the import makes it some 800 KB, past the 256 KB the disk has.
    const run = await batonOnFullDisk(
      256,
      'import',
      source,
      '--into',
      portfolio,
      '--out',
      portfolio,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot write ${portfolio}, which is left as it was`);
    expect(await readFile(portfolio, 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves an export as it was when the disk fills up while it is written over', async () => {
    const out = join(dir, 'export.xlsx');
    await writeFile(out, 'the last export');
    const big = join(dir, 'big.json');
    const source = join(dir, 'many-export.csv');
    await writeFile(source, manyInitiatives(3000));
    expect((await baton('import', source, '--into', PORTFOLIO, '--out', big)).code).toBe(0);
    const run = await batonOnFullDisk(64, 'export', big, '--format', 'xlsx', '--out', out);
    expect(run.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('the last export');
  });

  it('refuses an import file over the 100 MB the app reads, in the words the app uses', async () => {
    const source = join(dir, 'huge.csv');
    await writeFile(source, '');
    // A sparse file: large on paper, nothing written to disk.
    await truncate(source, 100 * 1024 * 1024 + 1);
    const out = join(dir, 'never.json');
    const run = await baton('import', source, '--out', out);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${source}: is 101 MB, over the 100 MB limit of an import file; Baton does not read it\n`,
    });
    await expect(readFile(out)).rejects.toThrow();
  });

  it('reads --into and --mapping as it reads any portfolio file: named when it cannot', async () => {
    const source = join(dir, 'one.csv');
    await writeFile(source, 'Name\nOne\n');
    const into = await baton(
      'import',
      source,
      '--into',
      join(dir, 'nowhere.json'),
      '--out',
      join(dir, 'o.json'),
    );
    expect(into).toEqual({
      code: 2,
      stdout: '',
      stderr: `${join(dir, 'nowhere.json')}: cannot read: no such file\n`,
    });
    const utf16 = join(dir, 'mapping.json');
    await writeFile(utf16, Buffer.from('{"kind":"initiatives"}', 'utf16le'));
    const mapping = await baton('import', source, '--mapping', utf16, '--out', join(dir, 'o.json'));
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toMatch(
      new RegExp(`^${utf16.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    );
    expect(mapping.stderr).toContain('UTF-16');
  });
});
