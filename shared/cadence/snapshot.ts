/**
 * Snapshots: the portfolio frozen as canonical file text (as `baton` writes it), with the text's
 * fingerprint, so that a snapshot can be told apart from another and checked when it is read.
 */
import { textFingerprint } from '../portfolio/fingerprint';
import { readPortfolioText } from '../portfolio/restore';
import type { Portfolio } from '../portfolio/types';
import { writePortfolio } from '../portfolio/write';
import type { Snapshot, SnapshotInfo } from './types';

/** Freezes `portfolio` (without its own snapshots) as a snapshot. */
export function takeSnapshot(
  portfolio: Portfolio,
  meta: {
    readonly id: string;
    readonly reviewId?: string;
    readonly label: string;
    readonly takenAt: string;
  },
): Snapshot {
  const { snapshots: _left, ...frozen } = portfolio;
  void _left;
  const text = writePortfolio(frozen);
  return {
    id: meta.id,
    ...(meta.reviewId !== undefined && { reviewId: meta.reviewId }),
    label: meta.label,
    takenAt: meta.takenAt,
    fingerprint: textFingerprint(text),
    text,
  };
}

/**
 * Reads a snapshot back: the portfolio, or a message saying why it cannot be opened (its text
 * was changed after it was taken, or is not a portfolio this version reads). Never throws.
 */
export function openSnapshot(
  snapshot: Snapshot,
):
  | { readonly ok: true; readonly portfolio: Portfolio }
  | { readonly ok: false; readonly message: string } {
  const label = snapshot.label.trim() || snapshot.id;
  try {
    if (textFingerprint(snapshot.text) !== snapshot.fingerprint) {
      return {
        ok: false,
        message: `The snapshot “${label}” was changed after it was taken (its fingerprint does not match its text), so it cannot be trusted.`,
      };
    }
    const read = readPortfolioText(snapshot.text);
    if (!read.ok) {
      const first = read.errors[0];
      return {
        ok: false,
        message: `The snapshot “${label}” cannot be read: ${first ? first.message.replace(/\.$/, '') : 'its text is not a portfolio'}${read.problemCount > 1 ? ` (and ${read.problemCount - 1} more problems)` : ''}.`,
      };
    }
    return { ok: true, portfolio: read.portfolio };
  } catch (error) {
    return {
      ok: false,
      message: `The snapshot “${label}” cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

/** A snapshot without its text, with the text's size in characters. */
export function snapshotInfo(snapshot: Snapshot): SnapshotInfo {
  const { text, ...info } = snapshot;
  return { ...info, size: text.length };
}
