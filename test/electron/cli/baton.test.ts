/** The `baton` command line as a user runs it: `npm run --silent baton -- ...`. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

type Run = { code: number; stdout: string; stderr: string };

function baton(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'baton', '--', ...args],
      { cwd: ROOT },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

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

  it('exits 2 with the path of each problem on stderr for a file that breaks a rule', async () => {
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
    expect(run.stderr).toContain('initiatives[0].demand.platfrom: team "platfrom" does not exist');
    expect(run.stderr).toContain('initiatives[0].dependsOn: dependencies form a cycle: a → b → a');
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

  it('exits 1 with the usage for arguments it does not understand', async () => {
    const run = await baton('validate');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('validate needs a FILE');
    expect(run.stderr).toContain('Usage:');
  });
});
