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
import { roadmapChunks } from '../../../renderer/pack/sections';

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

describe('roadmapChunks', () => {
  const PORTRAIT = { widthPx: 673, heightPx: 987 };

  it('keeps a short roadmap on one page and splits a tall one evenly, the first page under the heading', () => {
    expect(roadmapChunks(0, 6, PORTRAIT)).toEqual([]);
    expect(roadmapChunks(20, 6, PORTRAIT)).toEqual([20]);
    const chunks = roadmapChunks(200, 6, PORTRAIT);
    expect(chunks.reduce((sum, size) => sum + size, 0)).toBe(200);
    const [first, ...rest] = chunks;
    expect(Math.max(...rest) - Math.min(...rest)).toBeLessThanOrEqual(rest.length);
    expect(first).toBeLessThan(Math.max(...rest));
    // A lane is 28 px at natural size; a page of 987 px holds no more than that allows.
    expect(Math.max(...rest) * 28).toBeLessThanOrEqual(987);
  });

  it('fits more lanes on a page when many periods make the chart shrink to the page width', () => {
    const wide = roadmapChunks(200, 24, PORTRAIT);
    expect(wide.length).toBeLessThan(roadmapChunks(200, 6, PORTRAIT).length);
  });
});
