/** `baton metrics FILE [--as-of DATE]` prints every metric as JSON, measured against the file's snapshots. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsCommand } from '../../../shared/cli/commands';
import type { MetricsReport } from '../../../shared/metrics/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { metricsPortfolio } from '../../fixtures/metrics/portfolio';
import { baton } from './run-baton';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/metrics/metrics.baton.json', import.meta.url),
);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-cli-metrics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const latest = (report: MetricsReport, id: string) =>
  report.trends.find((trend) => trend.id === id)?.latest?.value;

describe('baton metrics', () => {
  it('prints every metric of the fixture as of --as-of, against its snapshots', async () => {
    const run = await baton('metrics', FIXTURE, '--as-of', '2027-12-31');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as MetricsReport;
    expect(report.asOf).toBe('2027-12-31');
    expect(report.dashboard).toHaveLength(10);
    // The figures test/shared/metrics/compute.test.ts works out by hand.
    expect(latest(report, 'predictability')).toBe(70);
    expect(latest(report, 'cpi')).toBeCloseTo(410 / 530, 6);
    expect(latest(report, 'spi')).toBeCloseTo(410 / 460, 6);
    expect(report.earnedValue?.portfolio.eac).toBeCloseTo((460 * 530) / 410, 6);
    expect(latest(report, 'utilization')).toBe(120);
    expect(report.trends.find((trend) => trend.id === 'predictability')?.baseline).toBe('snapshot');
  });

  it('says the baseline is the current plan when the file has no snapshots', async () => {
    const { snapshots: _left, ...bare } = metricsPortfolio();
    void _left;
    const file = join(dir, 'bare.json');
    await writeFile(file, writePortfolio(bare));
    const run = await baton('metrics', file, '--as-of=2027-12-31');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as MetricsReport;
    expect(report.trends.find((trend) => trend.id === 'predictability')?.baseline).toBe('current');
  });

  it('refuses a date that is not one, and a file that cannot be read, with the usual exit codes', async () => {
    const badDate = await baton('metrics', FIXTURE, '--as-of', '2027-02-30');
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toBe(
      'baton: --as-of needs a date written YYYY-MM-DD, not "2027-02-30"\n',
    );
    const missing = await baton('metrics', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope.json')}: cannot read: no such file\n`);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"format": "baton-portfolio"');
    const refused = await baton('metrics', broken);
    expect(refused.code).toBe(2);
    const unknown = await baton('metrics', FIXTURE, '--since', '2027-01-01');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('baton: metrics has no option --since');
  });
});

describe('metricsCommand', () => {
  const text = writePortfolio(metricsPortfolio());

  it('takes today when --as-of is not given', () => {
    const output = metricsCommand('f.json', text, undefined, '2027-08-15');
    expect(output.code).toBe(0);
    expect((JSON.parse(output.stdout) as MetricsReport).asOf).toBe('2027-08-15');
  });
});
