import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  areaLink,
  dialog,
  editor,
  eventually,
  fileCommand,
  initiativeLink,
  initiativeNameField,
  openPortfolioFile,
  shown,
} from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { newProfile, openApp, type Profile, type Session } from './support/browser';
import { STEP_TIMEOUT_MS, useHarness } from './support/harness';

const harness = useHarness();

// One browser for the file, to keep the suite fast: each check starts from a reload at a known
// place, which closes any dialog or menu left open. Only the last check edits the portfolio.
const VIEWPORT = { width: 1440, height: 900 };
let profile: Profile;
let session: Session;

beforeAll(async () => {
  profile = await newProfile();
  session = await openApp(profile, harness.url(), VIEWPORT);
  session.context.setDefaultTimeout(STEP_TIMEOUT_MS);
});

afterAll(async () => {
  await session?.context.close();
  await profile?.remove();
});

async function visit(hash: string) {
  const { page } = session;
  await page.goto(harness.url() + hash);
  await page.reload();
  await shown(page.getByRole('heading', { level: 1 }));
  return page;
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  afterEach(() => {
    const errors = session.errors.splice(0);
    expect(errors, 'the page reported errors').toEqual([]);
  });

  it('has no violations on the initiatives list', async () => {
    const page = await visit('#/portfolio/initiatives');
    await shown(initiativeLink(page, 'Cloud landing zone'));
    await expectNoAxeViolations(page, 'the initiatives list');
  });

  it('has no violations with the initiative editor open', async () => {
    const page = await visit('#/portfolio/initiatives/nis2-controls');
    await shown(editor(page).getByRole('heading', { name: 'NIS2 security controls' }));
    await shown(editor(page).getByRole('heading', { name: 'Actuals' }));
    await expectNoAxeViolations(page, 'the initiative editor (NIS2 security controls)');
    // The editor scrolls inside the window; axe cannot judge the contrast of what is scrolled
    // out of sight, so check again with a window tall enough to show all of it.
    await page.setViewportSize({ width: 1440, height: 2600 });
    try {
      await expectNoAxeViolations(page, 'the whole initiative editor (NIS2 security controls)');
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

  it('has no violations on Teams & capacity, also with a cell that shows an error', async () => {
    const page = await visit('#/portfolio/teams');
    const cell = page.getByLabel('Platform capacity in Q1 2027');
    await shown(cell);
    await expectNoAxeViolations(page, 'Teams & capacity');
    await cell.fill('abc');
    await shown(page.getByText('Platform capacity in Q1 2027: enter a number, such as 2.5.'));
    await expectNoAxeViolations(page, 'Teams & capacity with an invalid cell');
  });

  it('has no violations on Periods & budget', async () => {
    const page = await visit('#/portfolio/periods');
    await shown(page.getByLabel('Budget in Q1 2027'));
    await expectNoAxeViolations(page, 'Periods & budget');
  });

  it('has no violations on the Metrics tabs', async () => {
    const page = await visit('#/portfolio/initiatives');
    await areaLink(page, 'Metrics').click();
    await shown(page.getByRole('list', { name: 'Dashboard' }));
    await expectNoAxeViolations(page, 'Metrics dashboard');
    await page.getByRole('tab', { name: 'Actuals' }).click();
    await shown(page.getByRole('grid'));
    await expectNoAxeViolations(page, 'Metrics actuals grid');
    await page.getByRole('tab', { name: 'Trends' }).click();
    await shown(page.getByRole('article'));
    await expectNoAxeViolations(page, 'Metrics trends');
    await page.getByRole('tab', { name: 'Self-review' }).click();
    await shown(page.getByRole('button', { name: /self-review today/ }));
    await expectNoAxeViolations(page, 'Metrics self-review');
  });

  it('has no violations with the File menu open', async () => {
    const page = await visit('#/portfolio/initiatives');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await shown(page.getByRole('button', { name: 'New empty portfolio' }));
    await expectNoAxeViolations(page, 'the open File menu');
  });

  it('has no violations on the dialog of a refused file', async () => {
    const page = await visit('#/portfolio/initiatives');
    const folder = await harness.folder();
    const file = join(folder, 'broken.baton.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'baton-portfolio', version: 1, name: 'Broken', periods: 'Q1' }),
    );
    await openPortfolioFile(page, file);
    await shown(dialog(page, 'broken.baton.json was not opened'));
    await expectNoAxeViolations(page, 'the refused-file dialog');
  });

  it('has no violations on the confirmation dialog', async () => {
    const page = await visit('#/portfolio/initiatives/cloud-landing-zone');
    const name = initiativeNameField(page);
    await eventually(() => name.inputValue(), 'Cloud landing zone', 'the demo name');
    await name.fill('Cloud landing zone (a11y)');
    await shown(initiativeLink(page, 'Cloud landing zone (a11y)'));
    await fileCommand(page, 'Load the demo portfolio');
    const question = dialog(page, 'Load the demo portfolio?');
    await shown(question);
    await expectNoAxeViolations(page, 'the confirmation dialog');
  });
});
