/**
 * The pack's pages in jsdom: what each section holds and the contents page. (jsdom lays nothing
 * out, so every block measures 0 and each section is one page; real page breaks are checked in
 * Chromium by test/e2e/pack.e2e.test.ts.)
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { PackInput } from '../../../shared/pack/types';
import { PackDocument } from '../../../renderer/pack/PackDocument';
import { packRoadmapSizes } from '../../../renderer/pack/sections';

const SETTINGS = defaultPackSettings(DEMO_PORTFOLIO, '2026-11-26');

function pack(input: Partial<PackInput['settings']> = {}, analysis?: PackInput['analysis']) {
  const onLaidOut = vi.fn();
  const view = render(
    <PackDocument
      input={{
        portfolio: DEMO_PORTFOLIO,
        settings: { ...SETTINGS, ...input },
        ...(analysis && { analysis }),
      }}
      onLaidOut={onLaidOut}
    />,
  );
  return { ...view, onLaidOut };
}

describe('PackDocument', () => {
  it('draws the cover, the contents with each section’s page, and numbered pages', () => {
    const { onLaidOut } = pack({ sections: ['cover', 'summary', 'ranked', 'appendix'] });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Portfolio review');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Contents',
      'Executive summary',
      'Ranked portfolio',
      'Appendix: decision record',
    ]);
    const toc = screen.getByRole('table', { name: 'Contents' });
    expect(
      within(toc)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Executive summary3', 'Ranked portfolio4', 'Appendix: decision record5']);
    expect(screen.getByLabelText('Page 5 of 5')).toBeTruthy();
    expect(onLaidOut).toHaveBeenLastCalledWith(expect.objectContaining({ total: 5 }));
  });

  it('lists the ranking in the board’s order: pinned group, the line with its counts, gap-fillers marked', () => {
    pack({ sections: ['ranked'], scenarioId: 'baseline' });
    const { line, lineSummary } = buildPackContent(DEMO_PORTFOLIO, {
      ...SETTINGS,
      scenarioId: 'baseline',
    });
    expect(lineSummary).toMatch(/^\d+ above the line · \d+ funded in a gap · \d+ below$/);
    const rows = screen.getAllByRole('row').map((row) => row.textContent ?? '');
    expect(rows[1]).toBe(`Pinned: committed and forced in (${line.pinned.length})`);
    const cut = rows.findIndex((row) => row === `Cut line: ${lineSummary}`);
    expect(cut).toBe(2 + line.pinned.length + line.lineIndex);
    expect(rows[cut - 1]).toMatch(/Q\d 20\d\d/);
    // The first card behind the line is the one that does not fit; gap-fillers follow it.
    expect(rows[cut + 1]).toMatch(/short in|needs|cannot/);
    const gap = rows.filter((row) => row.includes('funded in a gap'));
    expect(gap).toHaveLength(line.gap.length + 1);
    expect(rows.slice(0, cut).some((row) => /funded in a gap Q/.test(row))).toBe(false);
  });

  it('leaves the frontier out until it has been computed, then draws it with its points', () => {
    pack({ sections: ['summary', 'frontier'] });
    expect(screen.queryByRole('heading', { name: 'Efficient frontier' })).toBeNull();
    pack(
      { sections: ['summary', 'frontier'] },
      {
        frozenAt: '2026-11-26T09:00:00.000Z',
        frontier: {
          points: [
            {
              budget: 1_000_000,
              value: 900,
              bound: 900,
              status: 'optimal',
              spend: 950_000,
              selected: [],
            },
            {
              budget: 2_000_000,
              value: 1500,
              bound: 1500,
              status: 'optimal',
              spend: 1_990_000,
              selected: [],
            },
            {
              budget: 3_000_000,
              value: 1600,
              bound: 1700,
              status: 'feasible',
              spend: 2_900_000,
              selected: [],
            },
          ],
          greedy: [{ spend: 1_000_000, value: 800 }],
        },
      },
    );
    expect(screen.getByRole('heading', { name: 'Efficient frontier' })).toBeTruthy();
    expect(screen.getByText('€2m')).toBeTruthy();
    expect(screen.getAllByText('Proven best')).toHaveLength(2);
    expect(screen.getByText('Within 6.3% of the best')).toBeTruthy();
  });
});

describe('packRoadmapSizes', () => {
  const PORTRAIT = { widthPx: 673, heightPx: 987 };

  it('gives the names a column in which the longest takes two lines, at most a third of the page', () => {
    const short = packRoadmapSizes(['CRM', 'Fleet'], 6, PORTRAIT);
    expect(short.nameWidth).toBe(160);
    const long = packRoadmapSizes(['Backup & disaster recovery rebuild'], 6, PORTRAIT);
    // 34 characters: 17 and a little more to a line at 7 px a character.
    expect(long.nameWidth).toBeGreaterThan(19 * 7);
    expect(packRoadmapSizes(['x'.repeat(400)], 6, PORTRAIT).nameWidth).toBeLessThanOrEqual(673 / 3);
  });

  it('shares the rest of the page between the periods, never narrower than a period label', () => {
    const six = packRoadmapSizes(['CRM'], 6, PORTRAIT);
    expect(six.nameWidth + 6 * six.columnWidth).toBeLessThanOrEqual(673);
    expect(packRoadmapSizes(['CRM'], 2, PORTRAIT).columnWidth).toBe(120);
    expect(packRoadmapSizes(['CRM'], 24, PORTRAIT).columnWidth).toBe(56);
  });
});
