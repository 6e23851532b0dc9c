import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEMO_INITIATIVE_COUNT,
  DEMO_NAME,
  dialog,
  eventually,
  gone,
  initiativeLink,
  initiativeNameField,
  listSummary,
  notices,
  openPortfolioFile,
  portfolioHeading,
  saveAsFile,
  shown,
} from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

const FILE_NAME = 'corvane-logistics-2027-portfolio.baton.json';

type PortfolioDocument = {
  format: string;
  version: number;
  name: string;
  initiatives: {
    id: string;
    name: string;
    demand?: Record<string, number[]>;
    dependsOn?: string[];
  }[];
};

describe('import and export', () => {
  it('saves the portfolio as a .baton.json file holding every initiative', async () => {
    const { page } = await harness.open(await harness.profile());
    const saved = await saveAsFile(page, await harness.folder());

    expect(saved.name).toBe(FILE_NAME);
    const document = JSON.parse(saved.text) as PortfolioDocument;
    expect(document.format).toBe('baton-portfolio');
    expect(document.version).toBe(1);
    expect(document.name).toBe(DEMO_NAME);
    expect(document.initiatives).toHaveLength(DEMO_INITIATIVE_COUNT);
    expect(document.initiatives.map((initiative) => initiative.name)).toContain(
      'Cloud landing zone',
    );
    await shown(notices(page).getByText(`Saved "${DEMO_NAME}" to your downloads as ${FILE_NAME}.`));
  });

  it('opens a saved file over an edited portfolio after confirmation, and saves it again byte for byte', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/cloud-landing-zone',
    );
    const first = await saveAsFile(page, await harness.folder());

    await initiativeNameField(page).fill('Cloud landing zone (draft)');
    await shown(initiativeLink(page, 'Cloud landing zone (draft)'));

    await openPortfolioFile(page, first.path);
    const confirm = dialog(page, `Open ${FILE_NAME}?`);
    await shown(confirm);
    await shown(
      confirm.getByText(`"${DEMO_NAME}" has changes that are not saved to a file.`, {
        exact: false,
      }),
    );
    await shown(confirm.getByRole('button', { name: 'Save a copy first…' }));
    await shown(confirm.getByRole('button', { name: 'Cancel' }));
    await confirm.getByRole('button', { name: 'Replace' }).click();
    await gone(confirm);

    await shown(initiativeLink(page, 'Cloud landing zone'));
    await eventually(
      () => initiativeLink(page, 'Cloud landing zone (draft)').count(),
      0,
      'the edited name after opening the file',
    );
    await eventually(
      () => listSummary(page).textContent(),
      `${DEMO_INITIATIVE_COUNT} initiatives`,
      'the initiative count after opening the file',
    );
    await shown(page.getByText(`Opened from ${FILE_NAME} · saved in Baton as you edit`));
    await shown(
      notices(page).getByText(`Opened ${FILE_NAME}: ${DEMO_INITIATIVE_COUNT} initiatives.`),
    );

    const second = await saveAsFile(page, await harness.folder());
    expect(second.name).toBe(FILE_NAME);
    expect(second.bytes.equals(first.bytes), 'the second export differs from the first').toBe(true);
  });

  it('refuses a file with an unknown team and a dependency cycle, names each problem, and changes nothing', async () => {
    const { page } = await harness.open(
      await harness.profile(),
      '#/portfolio/initiatives/cloud-landing-zone',
    );
    const folder = await harness.folder();
    const saved = await saveAsFile(page, folder);
    const document = JSON.parse(saved.text) as PortfolioDocument;
    const [landingZone] = document.initiatives;
    if (!landingZone?.demand?.platform) throw new Error('The demo changed: no Platform demand.');
    // A typo in a team id, and a prerequisite that closes a loop with event-streaming.
    landingZone.demand = { platfrom: landingZone.demand.platform };
    landingZone.dependsOn = ['event-streaming'];
    const broken = join(folder, 'broken.baton.json');
    await writeFile(broken, JSON.stringify(document, null, 2));

    await initiativeNameField(page).fill('Cloud landing zone (kept)');
    await shown(initiativeLink(page, 'Cloud landing zone (kept)'));

    await openPortfolioFile(page, broken);
    const refused = dialog(page, 'broken.baton.json was not opened');
    await shown(refused);
    await shown(
      refused.getByText(
        'The file has 2 problems, so nothing was imported and your portfolio is unchanged.',
        { exact: false },
      ),
    );
    const problems = refused
      .getByRole('list', { name: 'Problems in the file' })
      .getByRole('listitem');
    expect(await problems.allInnerTexts()).toEqual([
      'Initiative Cloud landing zone, demand of "platfrom": team "platfrom" does not exist\n(initiatives[0].demand.platfrom)',
      'Initiative Cloud landing zone, depends on: dependencies form a cycle: cloud-landing-zone → event-streaming → cloud-landing-zone\n(initiatives[0].dependsOn)',
    ]);
    await refused.getByRole('button', { name: 'Close' }).click();
    await gone(refused);

    expect(await portfolioHeading(page).textContent()).toBe(DEMO_NAME);
    await shown(page.getByText('Demo portfolio · saved in Baton as you edit'));
    await eventually(
      () => listSummary(page).textContent(),
      `${DEMO_INITIATIVE_COUNT} initiatives`,
      'the initiative count after the refused file',
    );
    await shown(initiativeLink(page, 'Cloud landing zone (kept)'));
    await page.reload();
    await shown(initiativeLink(page, 'Cloud landing zone (kept)'));
  });

  it('refuses a file that is not JSON with a message that says so', async () => {
    const { page } = await harness.open(await harness.profile());
    const folder = await harness.folder();
    const notJson = join(folder, 'minutes.baton.json');
    await writeFile(notJson, 'Minutes of the portfolio review, 3 March\n');

    await openPortfolioFile(page, notJson);
    const refused = dialog(page, 'minutes.baton.json was not opened');
    await shown(refused);
    const problems = refused
      .getByRole('list', { name: 'Problems in the file' })
      .getByRole('listitem');
    expect(await problems.count()).toBe(1);
    expect(await problems.first().textContent()).toMatch(/^\(file\): not valid JSON\b/);
    await refused.press('Escape');
    await gone(refused);

    // A slip in hand-edited JSON is pointed out by line and column.
    const saved = await saveAsFile(page, folder);
    expect(saved.text.split('\n')[2]).toBe('  "version": 1,');
    const slipped = join(folder, 'hand-edited.baton.json');
    await writeFile(slipped, saved.text.replace('"version": 1,', '"version": 1'));
    await openPortfolioFile(page, slipped);
    const slip = dialog(page, 'hand-edited.baton.json was not opened');
    await shown(slip);
    expect(await slip.getByRole('listitem').first().textContent()).toMatch(
      /^\(file\): not valid JSON at line 4, column 3: /,
    );
    await slip.getByRole('button', { name: 'Close' }).click();
    await gone(slip);

    expect(await portfolioHeading(page).textContent()).toBe(DEMO_NAME);
    await eventually(
      () => listSummary(page).textContent(),
      `${DEMO_INITIATIVE_COUNT} initiatives`,
      'the initiative count after the refused files',
    );
  });
});
