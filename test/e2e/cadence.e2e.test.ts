/**
 * Cadence in Chromium, as a facilitator uses it: plan a quarterly alignment checkpoint, open its
 * next meeting from the calendar and see the agenda drafted from the data, hold it (attendance, a
 * decision, an action) which takes the snapshot, rename an initiative, then open the meeting after
 * it: "what changed since the last review" names the rename, the open action is back on the
 * agenda, and the review's pack shows the change. The calendar's .ics export is read back by
 * ical.js. axe finds nothing on the calendar, the series editor and the reviews; screenshots at
 * three window sizes go to BATON_SHOTS (default /tmp/shots-cadence) for a person to look at.
 *
 * Dates are counted from today, so the journey holds whatever day it runs.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dialog, eventually, gone, notices, shown } from './support/app';
import { expectNoAxeViolations } from './support/axe';
import { useHarness } from './support/harness';

const harness = useHarness();

const SHOTS = process.env.BATON_SHOTS ?? '/tmp/shots-cadence';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 853, height: 533 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

const SERIES = 'Strategy checkpoint with the board';
const RENAMED_FROM = 'Customer identity (CIAM)';
const RENAMED_TO = 'Customer identity platform';

/** `YYYY-MM-DD` of the day `days` after today (UTC, as the browser here keeps time). */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The calendar's button for the series' meeting that is not held yet, moving a month at a time. */
async function nextMeeting(page: Page, status: RegExp): Promise<Locator> {
  for (let month = 0; month < 8; month += 1) {
    const entry = page
      .locator('.cal-entry')
      .filter({ hasText: SERIES })
      .filter({ hasText: status })
      .first();
    if ((await entry.count()) > 0) return entry;
    await page.getByRole('button', { name: 'Next month' }).click();
  }
  throw new Error(`No meeting of ${SERIES} matching ${String(status)} in the next eight months.`);
}

function agendaItem(page: Page, title: string | RegExp): Locator {
  return page.locator('.agenda-item').filter({ has: page.getByRole('heading', { name: title }) });
}

describe('cadence', () => {
  it('plans a checkpoint, holds it with a decision and an action, and shows what changed at the next one and in its pack', async () => {
    const { page } = await harness.open(await harness.profile(), '#/cadence');
    const folder = await harness.folder();
    await shown(page.getByRole('heading', { level: 2, name: 'Cadence' }));
    await expectNoAxeViolations(page, 'the calendar');
    await shoot(page, 'calendar');

    // Plan the series.
    await page.getByRole('button', { name: 'New series' }).click();
    const editor = dialog(page, /series/i);
    await shown(editor);
    await editor.getByLabel('Name').fill(SERIES);
    await editor.getByLabel('Kind of meeting').selectOption('alignment-checkpoint');
    await editor.getByLabel('First meeting').fill(dayFromToday(2));
    await editor.getByLabel('Starts at').fill('14:00');
    await editor.getByLabel('Length in minutes').fill('90');
    await editor.getByLabel('Time zone').selectOption('Europe/Berlin');
    await editor.getByLabel('Repeats').selectOption('quarterly');
    await editor.getByLabel('Attendees').fill('Dana Lee\nSam Ortiz');
    await shown(editor.getByText(/^Quarterly on .* at 14:00 \(Europe\/Berlin\)/).first());
    await expectNoAxeViolations(page, 'the series editor');
    await shoot(page, 'series-editor');
    await editor.getByRole('button', { name: 'Add series' }).click();
    await gone(editor);

    // Export the calendar: the new series is there, with its rule and time zone.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
    const file = await download;
    const icsPath = join(folder, file.suggestedFilename());
    await file.saveAs(icsPath);
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(icsPath, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    const checkpoint = events.find((event) => event.summary === SERIES);
    expect(checkpoint, 'the series is an event of the .ics').toBeDefined();
    expect(checkpoint!.component.getFirstPropertyValue('rrule')?.toString()).toMatch(
      /FREQ=MONTHLY;.*INTERVAL=3/,
    );
    expect(checkpoint!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
      'Europe/Berlin',
    );
    expect(checkpoint!.startDate.toString()).toBe(`${dayFromToday(2)}T14:00:00`);
    expect(events.length).toBeGreaterThanOrEqual(4); // the demo's three series and this one

    // Open the first meeting: the agenda is drafted from the data.
    await page.getByRole('tab', { name: 'List' }).click();
    await (await nextMeeting(page, /Upcoming/)).click();
    await shown(page.locator('.review'));
    await shown(agendaItem(page, /serve no objective/));
    await expectNoAxeViolations(page, 'a drafted review');
    await shoot(page, 'review-drafted');

    // Run it: attendance, a decision and an action on the unaligned work.
    await page.getByRole('checkbox', { name: 'Dana Lee' }).check();
    await page.getByLabel('Name to add to the attendance').fill('Priya Natarajan');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await shown(page.getByRole('checkbox', { name: 'Priya Natarajan' }));
    const unaligned = agendaItem(page, /serve no objective/);
    await unaligned.getByLabel(/^Notes on/).fill('Both need an objective or a stop decision.');
    await unaligned.getByRole('button', { name: 'Record decision…' }).click();
    const decision = dialog(page, /decision/i);
    await shown(decision);
    await decision.getByLabel('Title').fill('Link the unaligned work to objectives');
    await decision
      .getByLabel(/^Decision/)
      .fill('Owners link both initiatives by the next checkpoint.');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await gone(decision);
    await shown(unaligned.getByText('Link the unaligned work to objectives'));
    await unaligned.getByRole('button', { name: 'Add action' }).click();
    await unaligned.getByLabel('Action').fill('Propose objective links for the unaligned work');
    await unaligned.getByLabel('Owner').fill('Sam Ortiz');
    await unaligned.getByLabel('Due').fill(dayFromToday(30));
    await unaligned.getByRole('button', { name: 'Add action' }).click();
    await shown(unaligned.getByText('Propose objective links for the unaligned work'));

    // Hold it: the snapshot is taken.
    // The question opens on its safe answer (Enter must not hold by accident), and Escape gives
    // the focus back to the button that asked it.
    const holdButton = page.getByRole('button', { name: 'Hold review…' });
    await holdButton.click();
    const hold = dialog(page, /hold/i);
    await shown(hold);
    await expect(
      hold.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await gone(hold);
    await eventually(
      () => holdButton.evaluate((el) => el === document.activeElement),
      true,
      'the focus back on Hold review…',
    );
    await holdButton.click();
    await hold.getByRole('button', { name: 'Hold review' }).click();
    await gone(hold);
    await shown(page.getByRole('button', { name: 'Open the snapshot' }));
    await shoot(page, 'review-held');

    // The decision is in the log, about the review.
    await page.evaluate(() => {
      window.location.hash = '#/decisions';
    });
    await shown(page.getByText('Link the unaligned work to objectives').first());

    // Change the portfolio: rename an initiative.
    await page.evaluate(() => {
      window.location.hash = '#/portfolio/initiatives/ciam';
    });
    const name = page.getByRole('textbox', { name: /^Name/ }).first();
    await eventually(() => name.inputValue(), RENAMED_FROM, 'the initiative’s name');
    await name.fill(RENAMED_TO);
    await name.press('Tab');
    await eventually(() => name.inputValue(), RENAMED_TO, 'the new name');

    // The next meeting: what changed, and the open action back on the agenda.
    await page.evaluate(() => {
      window.location.hash = '#/cadence/list';
    });
    await shown(page.getByRole('tab', { name: 'List' }));
    await (await nextMeeting(page, /Upcoming/)).click();
    await shown(page.locator('.review'));
    const changes = page.getByRole('region', { name: /What changed/ });
    await shown(
      changes
        .getByText(new RegExp(`renamed from ${RENAMED_FROM.replace(/[()]/g, '\\$&')}`))
        .first(),
    );
    await shown(agendaItem(page, /Open actions/));
    await shown(
      agendaItem(page, /Open actions/)
        .getByText(/Propose objective links for the unaligned work/)
        .first(),
    );
    await expectNoAxeViolations(page, 'the next review with what changed');
    await shoot(page, 'review-next');

    // Its pack: the change is in "What changed since the last review".
    await page.getByRole('button', { name: 'Make the review pack' }).click();
    await shown(page.getByText(`Pack for ${SERIES}`).first());
    const preview = page.getByLabel('Print preview');
    await shown(preview.getByText('What changed since the last review').first(), 20_000);
    await shown(preview.getByText(RENAMED_TO).first());
    await shown(preview.getByText('Minutes and decisions').first());
    await shoot(page, 'review-pack');
    await expect(notices(page).getByRole('alert').count()).resolves.toBe(0);
  });
});
