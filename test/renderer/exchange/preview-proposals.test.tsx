import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  describeIssue,
  draftFromTable,
  guessMapping,
  mergeDraft,
  readCsv,
} from '../../../shared/exchange/import';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { PreviewStep } from '../../../renderer/exchange/PreviewStep';
import { previewTables, summaryText } from '../../../renderer/exchange/preview-model';

const CSV = [
  'Title,Problem,Sponsor,Size,Objectives',
  'Route planning for e-bikes,Couriers lose time in traffic,Eva Jansen,M,delivery-experience:3',
  'Returns at parcel lockers,Returns take days,Lotte de Graaf,S,self-service:2',
  'Cold-chain parcels for online pharmacies,Pharmacies ship by courier,Eva Jansen,L,',
].join('\n');

/** The demo with the three proposals of CSV merged in, as the Import dialog merges them. */
function importProposals() {
  const read = readCsv(CSV, 'proposals');
  if (!read.ok) throw new Error('the CSV reads');
  const mapping = guessMapping(read.table, DEMO_PORTFOLIO);
  const drafted = draftFromTable(read.table, mapping, DEMO_PORTFOLIO);
  if (!drafted.ok) throw new Error(drafted.problems.map(describeIssue).join('\n'));
  const merged = mergeDraft(DEMO_PORTFOLIO, drafted.draft, 'merge', '2026-12-07');
  if (!merged.ok) throw new Error(merged.problems.map(describeIssue).join('\n'));
  return merged;
}

describe('the preview of an import of proposals', () => {
  it('lists the proposals added and updated, and counts them in words', () => {
    const merged = importProposals();
    expect(summaryText(merged.summary)).toBe('2 proposals added, 1 updated');
    const tables = previewTables(DEMO_PORTFOLIO, merged.portfolio, merged.summary);
    expect(tables.map((table) => table.title)).toEqual(['Proposals']);
    const [proposals] = tables;
    expect(proposals?.rows.map((row) => [row.change, row.cells[1], row.cells[2]])).toEqual([
      ['added', 'Route planning for e-bikes', 'draft'],
      ['added', 'Returns at parcel lockers', 'draft'],
      ['updated', 'Cold-chain parcels for online pharmacies', 'submitted'],
    ]);
    expect(proposals?.rows[0]?.cells).toContain('delivery-experience:3');
  });

  it('shows them in the preview step, with what changes in the one updated', () => {
    const merged = importProposals();
    render(
      <PreviewStep
        fileName="proposals.csv"
        portfolioName={DEMO_PORTFOLIO.name}
        mode="merge"
        onModeChange={() => undefined}
        summary={merged.summary}
        tables={previewTables(DEMO_PORTFOLIO, merged.portfolio, merged.summary)}
        warnings={[]}
      />,
    );
    expect(screen.getByText('2 proposals added, 1 updated.')).toBeVisible();
    const table = screen.getByRole('table', { name: 'Proposals (3)' });
    const added = within(table).getByRole('row', { name: /Route planning for e-bikes/ });
    expect(added).toHaveTextContent('Added');
    expect(added).toHaveTextContent('Eva Jansen');
    const updated = within(table).getByRole('row', { name: /Cold-chain parcels/ });
    expect(updated).toHaveTextContent('Updated');
    expect(within(updated).getByText(/^size: .* → L$/)).toBeVisible();
  });
});
