/** Snapshots: frozen as canonical text, read back the same, refused when their text was changed. */
import { describe, expect, it } from 'vitest';
import { openSnapshot, snapshotInfo, takeSnapshot } from '../../../shared/cadence/snapshot';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import { textFingerprint } from '../../../shared/portfolio/fingerprint';
import { writePortfolio } from '../../../shared/portfolio/write';

const META = {
  id: 's1',
  reviewId: 'r1',
  label: 'Review of 2 March',
  takenAt: '2027-03-02T11:30:00.000Z',
};

describe('snapshots', () => {
  it('freezes the portfolio without its own snapshots and opens it back unchanged', () => {
    const earlier = takeSnapshot(DEMO_PORTFOLIO, { ...META, id: 's0' });
    const withSnapshots = { ...DEMO_PORTFOLIO, snapshots: [earlier] };
    const snapshot = takeSnapshot(withSnapshots, META);
    expect(snapshot.text).toBe(writePortfolio(DEMO_PORTFOLIO));
    expect(snapshot.text).not.toContain('"snapshots"');
    expect(snapshot.fingerprint).toBe(textFingerprint(snapshot.text));
    expect(snapshot).toMatchObject(META);
    const opened = openSnapshot(snapshot);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(writePortfolio(opened.portfolio)).toBe(snapshot.text);
    expect(snapshotInfo(snapshot)).toEqual({
      ...META,
      fingerprint: snapshot.fingerprint,
      size: snapshot.text.length,
    });
  });

  it('says why a changed or unreadable snapshot cannot be opened, without throwing', () => {
    const snapshot = takeSnapshot(DEMO_PORTFOLIO, META);
    const changed = { ...snapshot, text: snapshot.text.replace('Corvane', 'Corvane!') };
    expect(openSnapshot(changed)).toEqual({
      ok: false,
      message:
        'The snapshot “Review of 2 March” was changed after it was taken (its fingerprint does not match its text), so it cannot be trusted.',
    });
    const garbage = { ...snapshot, text: 'not json', fingerprint: textFingerprint('not json') };
    const result = openSnapshot(garbage);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/^The snapshot “Review of 2 March” cannot be read: /);
  });
});
