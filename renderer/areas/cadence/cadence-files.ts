/**
 * The files the Cadence area writes, through the platform's export path (a Save dialog on the
 * desktop, a download in the browser): the calendar as .ics, and a snapshot as a portfolio file.
 */
import { calendarFile } from '../../../shared/cadence/ics';
import type { Snapshot } from '../../../shared/cadence/types';
import { slugify } from '../../../shared/portfolio/ids';
import type { Portfolio } from '../../../shared/portfolio/types';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';

/** "acme-2027-calendar.ics". */
export function calendarFileName(portfolioName: string): string {
  return `${slugify(portfolioName) || 'portfolio'}-calendar.ics`;
}

/** "acme-2027-snapshot-2026-03-03.baton.json", from the snapshot's label and date. */
export function snapshotFileName(portfolioName: string, snapshot: Snapshot): string {
  const base = slugify(portfolioName) || 'portfolio';
  return `${base}-snapshot-${snapshot.takenAt.slice(0, 10)}.baton.json`;
}

function failed(what: string, error: unknown): void {
  useAppStore
    .getState()
    .notify('error', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Writes the governance calendar as an .ics file and says where it went. */
export async function exportCalendar(portfolio: Portfolio): Promise<void> {
  try {
    const text = calendarFile(portfolio, { now: new Date().toISOString() });
    const saved = await getPlatform().saveExportFile(calendarFileName(portfolio.name), text);
    if (saved) {
      useAppStore
        .getState()
        .notify(
          'success',
          `Exported the calendar to ${saved.location}. Open it in your calendar app, or send it to the attendees.`,
        );
    }
  } catch (error) {
    failed('The calendar was not exported', error);
  }
}

/** Writes a snapshot's text as a portfolio file of its own and says where it went. */
export async function exportSnapshot(portfolioName: string, snapshot: Snapshot): Promise<void> {
  try {
    const saved = await getPlatform().saveExportFile(
      snapshotFileName(portfolioName, snapshot),
      snapshot.text,
    );
    if (saved) {
      useAppStore
        .getState()
        .notify(
          'success',
          `Exported the snapshot “${snapshot.label}” to ${saved.location}. Open it with File › Open to look around in it.`,
        );
    }
  } catch (error) {
    failed('The snapshot was not exported', error);
  }
}
