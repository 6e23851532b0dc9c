import { describe, expect, it } from 'vitest';
import {
  DEMO_INITIATIVE_COUNT,
  DEMO_NAME,
  areaLink,
  initiativeLink,
  listSummary,
  portfolioHeading,
  shown,
  tab,
} from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

describe('first run', () => {
  it('shows the demo portfolio in a fresh profile, without page errors', async () => {
    const { page, errors } = await harness.open(await harness.profile());

    expect(await portfolioHeading(page).textContent()).toBe(DEMO_NAME);
    await shown(page.getByText('Demo portfolio · saved in Baton as you edit'));
    expect(await areaLink(page, 'Portfolio').getAttribute('aria-current')).toBe('page');
    expect(await tab(page, 'Initiatives').getAttribute('aria-selected')).toBe('true');

    await shown(listSummary(page));
    expect(await listSummary(page).textContent()).toBe(`${DEMO_INITIATIVE_COUNT} initiatives`);
    // One row per initiative, plus the header row.
    expect(await page.getByRole('table').getByRole('row').count()).toBe(DEMO_INITIATIVE_COUNT + 1);
    for (const name of [
      'Cloud landing zone',
      'NIS2 security controls',
      'Customer identity (CIAM)',
      'Voice assistant booking',
    ]) {
      await shown(initiativeLink(page, name));
    }

    expect(errors).toEqual([]);
  });
});
