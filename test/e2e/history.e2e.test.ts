/**
 * The change history and undo that keep the portfolio readable: undo across two windows on one
 * profile refuses to break a rule, the undo history survives a reload, and the History panel
 * restores the portfolio to an earlier entry as one edit.
 */
import { describe, expect, it } from 'vitest';
import { readPortfolioText } from '../../shared/portfolio/restore';
import { dialog, eventually, initiativeNameField, notices, saveAsFile, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

describe('the change history', () => {
  it('refuses an undo in one window that would break what another window built on it', async () => {
    const profile = await harness.profile();
    const a = await harness.open(profile, '#/portfolio/teams');
    const teamsBefore = await a.page.getByRole('textbox', { name: /^Name of team/ }).count();
    await a.page.getByRole('button', { name: 'Add team' }).click();
    await eventually(
      () => a.page.getByRole('textbox', { name: /^Name of team/ }).count(),
      teamsBefore + 1,
      'the new team in window A',
    );

    // Window B, on the same profile: gives an initiative demand for the new team.
    const b = await a.context.newPage();
    await b.goto(`${harness.url()}#/portfolio/initiatives/ciam`);
    await shown(initiativeNameField(b));
    await b.getByLabel('Add demand for team').selectOption({ label: 'New team' });
    await shown(b.getByRole('rowheader', { name: 'New team' }));

    // Window A undoes adding the team: refused, with the reason, and nothing changes.
    await a.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await shown(notices(a.page).getByText(/^Could not undo "Added team “New team”":/));
    expect(await notices(a.page).innerText()).toMatch(/team .* does not exist/);
    await eventually(
      () => a.page.getByRole('textbox', { name: /^Name of team/ }).count(),
      teamsBefore + 1,
      'the team still there after the refused undo',
    );

    // The portfolio as saved is one Baton reads back.
    const saved = await saveAsFile(a.page, await harness.folder());
    const read = readPortfolioText(saved.text);
    expect(read.ok).toBe(true);
    if (read.ok) {
      const ciam = read.portfolio.initiatives.find((initiative) => initiative.id === 'ciam');
      const team = read.portfolio.teams.find((entry) => entry.name === 'New team');
      expect(team).toBeDefined();
      expect(Object.keys(ciam?.demand ?? {})).toContain(team?.id);
    }
  });

  it('keeps the undo history across a reload, and restores an earlier entry as one edit', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/initiatives/ciam');
    const name = initiativeNameField(page);
    await eventually(() => name.inputValue(), 'Customer identity (CIAM)', 'the demo name');
    await name.fill('CIAM one');
    await shown(page.getByRole('link', { name: 'CIAM one' }));
    await name.press('Tab');
    // A pause longer than typing: the second rename is its own entry.
    await page.waitForTimeout(1700);
    await name.fill('CIAM two');
    await shown(page.getByRole('link', { name: 'CIAM two' }));
    await eventually(
      () => page.getByTestId('save-state').getAttribute('data-pending'),
      'false',
      'every edit stored',
    );

    await page.reload();
    await shown(initiativeNameField(page));
    const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    await eventually(
      () => undoButton.getAttribute('title'),
      'Undo Renamed “CIAM one” to “CIAM two” (Ctrl+Z)',
      'Undo after the reload says what it undoes',
    );
    await undoButton.click();
    await eventually(() => initiativeNameField(page).inputValue(), 'CIAM one', 'after Undo');

    // The History panel lists every change, and restores the state after the first rename.
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const panel = dialog(page, 'History');
    await shown(panel);
    await shown(panel.getByText('Renamed “Customer identity (CIAM)” to “CIAM one”'));
    await shown(panel.getByText('Undid: Renamed “CIAM one” to “CIAM two”'));
    await expectNoAxeViolations(page, 'the History panel');
    await panel.getByLabel('Changes to').selectOption({ label: 'CIAM one' });
    expect(await panel.getByTestId('history-entry').count()).toBe(3);
    await panel
      .getByRole('button', {
        name: 'Restore the portfolio to right after “Renamed “CIAM one” to “CIAM two””',
      })
      .click();
    await dialog(page, 'Restore the portfolio to this point?')
      .getByRole('button', { name: 'Restore' })
      .click();
    await shown(
      notices(page).getByText(/^Restored the portfolio to “Renamed “CIAM one” to “CIAM two””/),
    );
    await eventually(() => initiativeNameField(page).inputValue(), 'CIAM two', 'after restore');
    // One edit: Undo takes the restore back.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await eventually(() => initiativeNameField(page).inputValue(), 'CIAM one', 'after undoing it');
  });
});
