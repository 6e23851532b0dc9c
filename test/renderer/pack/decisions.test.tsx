/**
 * The decision log in the pack: the "Risks and decisions" section lists the decisions since the
 * last pack, newest first, with what each amends or is superseded by, and the appendix lists them
 * compactly. jsdom lays nothing out, so page breaks are checked with estimated row heights here
 * and in Chromium by test/e2e/pack.e2e.test.ts.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildPackContent } from '../../../shared/pack/content';
import { defaultPackSettings } from '../../../shared/pack/settings';
import type { PackInput, PackSettings } from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { PackDocument } from '../../../renderer/pack/PackDocument';
import { paginate } from '../../../renderer/pack/paginate';
import { DECISION_ROW_CHARS, packSections, type TableBlock } from '../../../renderer/pack/sections';
import {
  DEMO_WITH_DECISIONS,
  LOG_PACK_DATE,
  manyDecisions,
} from '../../fixtures/pack/decision-log';

function settings(fields: Partial<PackSettings> = {}): PackSettings {
  return {
    ...defaultPackSettings(DEMO_WITH_DECISIONS, LOG_PACK_DATE),
    sections: ['decisions', 'appendix'],
    ...fields,
  };
}

function pack(portfolio: Portfolio = DEMO_WITH_DECISIONS, fields: Partial<PackSettings> = {}) {
  return render(<PackDocument input={{ portfolio, settings: settings(fields) }} />);
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');

describe('the decision log in the pack', () => {
  it('lists the decisions since the last review, newest first, each with its kind and date', () => {
    pack();
    expect(screen.getByRole('heading', { name: 'Decisions since 2026-10-06' })).toBeTruthy();
    expect(
      screen.getByText(
        'The decision log from 2026-10-06, the date of the last review (“Q3 2026 portfolio review”), to the pack’s date, 2027-01-15: 5 decisions, newest first, 1 of them since amended.',
      ),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Decisions since 2026-10-06' });
    const firsts = rowsOf(table).filter((row) => /^\d{4}-\d\d-\d\d/.test(row));
    expect(firsts.map((row) => row.slice(0, 10))).toEqual([
      '2027-01-12',
      '2026-12-01',
      '2026-11-03',
      '2026-10-20',
      '2026-10-06',
    ]);
    expect(firsts[0]).toBe(
      '2027-01-12Scenario commitmentCommit to the growth push for 2027Decision: The growth push is the plan of record for 2027.Decided by: Executive committeeConcerns: Scenario: Growth push',
    );
    const printed = rowsOf(table).join(' ');
    expect(printed).not.toContain('Decided after the pack date');
    expect(printed).not.toContain('Chatbot pilot passes gate 1');
  });

  it('shows an amended decision as superseded, names what amends it, and what the amendment amends', () => {
    pack();
    const rows = rowsOf(screen.getByRole('table', { name: 'Decisions since 2026-10-06' }));
    const amended = rows.find((row) => row.startsWith('2026-11-03'));
    expect(amended).toBe(
      '2026-11-03PrioritisationSupersededRank marketplace connectors above CIAMSuperseded by: “CIAM back above marketplace connectors” (2026-12-01)Decision: Marketplace and webshop connectors go above customer identity in the ranking.Why: Two large retail customers asked for marketplace orders by spring.Decided by: Portfolio boardConcerns: Initiatives: Marketplace & webshop connectors, Customer identity (CIAM) · Scenario: Growth push',
    );
    const amendment = rows.find((row) => row.startsWith('2026-12-01'));
    expect(amendment).toContain(
      'Amends: “Rank marketplace connectors above CIAM” (2026-11-03)Decision:',
    );
    // A decision outlives the initiative it was about.
    expect(amendment).toContain(
      'Concerns: Initiatives: Customer identity (CIAM), fax-ordering-shutdown (removed)',
    );
  });

  it('runs a long decision over several rows, none longer than a row may be', () => {
    pack();
    const rows = rowsOf(screen.getByRole('table', { name: 'Decisions since 2026-10-06' }));
    const start = rows.findIndex((row) => row.includes('Continue the WMS upgrade'));
    const own = rows.slice(start).findIndex((row, index) => index > 0 && /^\d{4}-/.test(row));
    const wms = rows.slice(start, start + own);
    expect(wms.length).toBeGreaterThan(3);
    expect(wms.slice(1).every((row) => !/^\d{4}-/.test(row))).toBe(true);
    expect(wms.every((row) => row.length <= DECISION_ROW_CHARS + 60)).toBe(true);
    expect(wms.join('')).toContain('Point 14: the vendor');
    expect(wms.at(-1)).toContain('Concerns: Initiative: WMS upgrade to v12 · Objective:');
  });

  it('lists every decision since the date in the appendix: date, kind, title and fingerprint', () => {
    pack();
    const heading = screen.getByRole('heading', { name: 'Decision log since 2026-10-06' });
    const table = heading.closest('.pack-block')?.nextElementSibling as HTMLElement;
    expect(rowsOf(within(table).getByRole('table'))).toEqual([
      '2027-01-12Scenario commitmentCommit to the growth push for 2027—',
      '2026-12-01PrioritisationCIAM back above marketplace connectorse2c58a17d09b4f63',
      '2026-11-03PrioritisationRank marketplace connectors above CIAM (superseded)1b7e93d0c4a2f586',
      '2026-10-20Stop or continueContinue the WMS upgrade through peak season9ad4e0c2f1b35768',
      '2026-10-06ReviewQ3 2026 portfolio review5f0c1a93be7d2e41',
    ]);
  });

  it('starts at the previous pack’s date when the settings give one', () => {
    pack(DEMO_WITH_DECISIONS, { since: '2026-12-01' });
    const rows = rowsOf(screen.getByRole('table', { name: 'Decisions since 2026-12-01' }));
    expect(rows.filter((row) => /^\d{4}-/.test(row)).map((row) => row.slice(0, 10))).toEqual([
      '2027-01-12',
      '2026-12-01',
    ]);
    expect(screen.getByText(/^The decision log from 2026-12-01, the date of the previous pack/));
  });

  it('says so when nothing was decided since the date, and keeps the decisions needed and the risks', () => {
    pack({ ...DEMO_WITH_DECISIONS, decisions: [] });
    expect(screen.getAllByText('No decisions recorded since 2026-10-17.')).toHaveLength(2);
    expect(
      screen.getByText(/90 days before this pack \(no earlier review is recorded\)/),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Initiatives needing a decision' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Risks' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Forced items and their reasons' })).toBeTruthy();
  });
});

describe('a long decision log on pages', () => {
  it('counts a paragraph in whole lines: a decision of 300 short lines takes many rows', () => {
    const list = Array.from({ length: 300 }, (_, index) => `- Item ${index + 1}`).join('\n');
    const [only] = manyDecisions(1, LOG_PACK_DATE);
    if (!only) throw new Error('one decision');
    pack({ ...DEMO_WITH_DECISIONS, decisions: [{ ...only, decision: list }] });
    const table = screen.getByRole('table', { name: /^Decisions since / });
    const paragraphs = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('p').length);
    // At most ten lines a row (DECISION_ROW_CHARS of 70-character lines), the title one of them.
    expect(Math.max(...paragraphs)).toBeLessThanOrEqual(10);
    expect(paragraphs.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(300);
    expect(within(table).getByText('- Item 300')).toBeTruthy();
  });

  it('200 decisions, some of the longest text, break between rows, no row taller than a page', () => {
    const long = 'This decision is written at the greatest length a file allows. '.repeat(160);
    // Every tenth at the longest a file allows, one word of its rationale 3,000 letters long.
    const decisions = manyDecisions(200, LOG_PACK_DATE).map((decision, index) =>
      index % 10 === 0
        ? {
            ...decision,
            decision: long.slice(0, 10_000),
            rationale: `${'x'.repeat(3000)} ${long}`.slice(0, 10_000),
          }
        : decision,
    );
    const input: PackInput = {
      portfolio: { ...DEMO_WITH_DECISIONS, decisions },
      settings: settings({
        since: '2026-01-01',
        sections: ['decisions'],
        orientation: 'landscape',
      }),
    };
    const content = buildPackContent(input.portfolio, input.settings);
    expect(content.decisionLog.entries).toHaveLength(200);
    const [section] = packSections(input, content, { widthPx: 970, heightPx: 650 });
    const log = section?.blocks.find((block) => block.key === 'log') as TableBlock;
    const { container } = render(
      <table>
        <tbody>
          {log.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>,
    );
    const lengths = [...container.querySelectorAll('tr')].map((row) => row.textContent.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(DECISION_ROW_CHARS + 60);
    // A generous estimate of a row's height in the narrowest column: 60 characters a line.
    const height = (chars: number) => 12 + Math.ceil(chars / 60) * 16;
    const page = 650;
    expect(Math.max(...lengths.map(height))).toBeLessThan(page / 2);
    const pages = paginate(
      [
        {
          id: 'decisions',
          headingHeight: 40,
          blocks: [{ kind: 'table', headHeight: 24, rowHeights: lengths.map(height), gap: 0 }],
        },
      ],
      page,
    );
    expect(pages.length).toBeGreaterThan(100);
    const rowsPlaced = pages.flatMap((laid) => laid.pieces.map((piece) => piece.rows ?? [0, 0]));
    expect(rowsPlaced.reduce((sum, [from, to]) => sum + to - from, 0)).toBe(lengths.length);
    for (const [index, laid] of pages.entries()) {
      const rows = laid.pieces[0]?.rows ?? [0, 0];
      const used =
        (index === 0 ? 40 : 0) +
        24 +
        lengths.slice(rows[0], rows[1]).reduce((sum, chars) => sum + height(chars), 0);
      expect(used, `page ${index + 1}`).toBeLessThanOrEqual(page);
    }
  });
});
