/**
 * The CLI's JSON on a file whose statuses count: cancelled work is never planned, active and done
 * work is committed (placed first, at a fixed start, selected by the optimizer), and only a stop
 * decision takes committed work out.
 */
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutlineCommand, EXIT_OK, optimizeCommand } from '../../../shared/cli/commands';
import { fixtureText } from '../portfolio/fixtures';

const text = fixtureText('cutline/status.baton.json');

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe('status counts in the command line', () => {
  it('cutline: committed first, cancelled and stopped work below with their reasons, gap-fillers marked', () => {
    const output = cutlineCommand('status.baton.json', text);
    expect(output.code).toBe(EXIT_OK);
    expect(JSON.parse(output.stdout)).toEqual({
      above: [
        // Committed work, in ranking order, before anything ranked above it.
        { id: 'wms', start: '2027-Q2' },
        { id: 'pod', start: '2027-Q1' },
        { id: 'migration', start: '2027-Q1' },
        // Customer portal v2 no longer fits: these fit the room it leaves.
        { id: 'tracking', start: '2027-Q1', inGap: true },
        { id: 'intranet', start: '2027-Q2', inGap: true },
      ],
      below: [
        { id: 'voice', reason: 'cancelled' },
        { id: 'portal', reason: 'Platform is 1 FTE short in Q1 2027' },
        { id: 'legacy', reason: 'forced out' },
      ],
    });
  });

  it('optimize: selects every committed initiative, never the cancelled one, and not the stopped one', () => {
    const output = optimizeCommand('status.baton.json', text, '10', highs, () => 0);
    expect(output.code).toBe(EXIT_OK);
    const report = JSON.parse(output.stdout);
    expect(report.status).toBe('optimal');
    const selected = Object.fromEntries(
      report.selected.map((entry: { id: string; start: string }) => [entry.id, entry.start]),
    );
    expect(selected).toMatchObject({ wms: '2027-Q2', pod: '2027-Q1', migration: '2027-Q1' });
    expect(selected).not.toHaveProperty('voice');
    expect(selected).not.toHaveProperty('legacy');
    expect(report.rejected).toContainEqual({ id: 'voice', reason: 'cancelled' });
    expect(report.rejected).toContainEqual({ id: 'legacy', reason: 'forced out' });
    // With 6 FTE a quarter and 3 + 1 + 2 taken by committed work, the portal (90) cannot fit;
    // tracking (80) and intranet (3) can: 10 + 5 + 30 + 80 + 3.
    expect(report.objective).toBe(128);
  });
});
