/**
 * The pack made for a review, on the worked example of review-portfolio.ts: the sections its kind
 * picks, the context (previous review, its snapshot opened), what changed since it, the minutes,
 * the summary's "what changed", and `baton pack --review`.
 */
import { describe, expect, it } from 'vitest';
import { packRequest } from '../../../shared/cli/commands';
import { packDiffSentences } from '../../../shared/pack/changes';
import { buildPackContent } from '../../../shared/pack/content';
import { reviewActions, reviewMinutes, reviewPackContext } from '../../../shared/pack/review';
import {
  checkPackInput,
  defaultPackSettings,
  reviewPackSettings,
} from '../../../shared/pack/settings';
import type { PackReviewContext } from '../../../shared/pack/types';
import { openSnapshot, takeSnapshot } from '../../../shared/cadence/snapshot';
import type { Snapshot } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';

function openSnapshotOf(snapshot: Snapshot): Portfolio {
  const opened = openSnapshot(snapshot);
  if (!opened.ok) throw new Error(opened.message);
  return opened.portfolio;
}
import { NOW, NOW_WITH_SNAPSHOT, R2, SNAPSHOT } from './review-portfolio';

const snapshots = (id: string) => (id === SNAPSHOT.id ? SNAPSHOT : undefined);

function contextFor(reviewId = 'r2', find = snapshots): PackReviewContext {
  const made = reviewPackContext(NOW, reviewId, find);
  if (!made.ok) throw new Error(made.error);
  return made.context;
}

describe('the sections a review picks', () => {
  it('picks the sections by kind, titled and dated as the review', () => {
    expect(reviewPackSettings(NOW, R2)).toMatchObject({
      title: 'November portfolio review',
      date: '2026-11-03',
      sections: [
        'cover',
        'summary',
        'changes',
        'metrics',
        'ranked',
        'heatmap',
        'decisions',
        'minutes',
      ],
    });
    expect(reviewPackSettings(NOW, { ...R2, kind: 'alignment-checkpoint' }).sections).toEqual([
      'cover',
      'summary',
      'alignment',
      'changes',
      'minutes',
    ]);
    expect(reviewPackSettings(NOW, { ...R2, kind: 'value-review' }).sections).toEqual([
      'cover',
      'summary',
      'value-effort',
      'metrics',
      'changes',
      'minutes',
    ]);
  });

  it('leaves the two review sections out of a general pack', () => {
    const { sections } = defaultPackSettings(NOW, '2026-11-03');
    expect(sections).not.toContain('changes');
    expect(sections).not.toContain('minutes');
  });
});

describe('the context of a review pack', () => {
  it('finds the previous held review and opens its snapshot', () => {
    const context = contextFor();
    expect(context.review.id).toBe('r2');
    expect(context.previous?.id).toBe('r1');
    expect(context.baseline?.initiatives.map((item) => item.name)).toEqual([
      'Core platform',
      'Web shop',
      'Big bet',
    ]);
    expect(context.baselineTakenAt).toBe('2026-10-06T11:02:00.000Z');
    expect(context.baselineProblem).toBeUndefined();
  });

  it('lists the actions raised at the review and those still open from earlier ones on its day', () => {
    const review = NOW.reviews?.find((item) => item.id === 'r2');
    if (!review) throw new Error('no r2');
    // a2 was closed on 2026-10-15, before the review: it is not carried.
    expect(reviewActions(NOW, review).map((action) => action.id)).toEqual(['a1', 'a3', 'a4']);
  });

  it('says why there is nothing to compare with, and refuses an unknown review', () => {
    expect(contextFor('r1').previous).toBeUndefined();
    const missing = contextFor('r2', () => undefined);
    expect(missing.baseline).toBeUndefined();
    expect(missing.baselineProblem).toBe(
      'The snapshot of the last review, “October portfolio review” on 2026-10-06, is not in this portfolio (it may have been left out of the file): there is nothing to compare with.',
    );
    const tampered = contextFor('r2', () => ({ ...SNAPSHOT, text: `${SNAPSHOT.text} ` }));
    expect(tampered.baselineProblem).toMatch(
      /^The snapshot of the last review, “October portfolio review” on 2026-10-06, cannot be opened: /,
    );
    expect(reviewPackContext(NOW, 'nope', snapshots)).toEqual({
      ok: false,
      error: 'There is no review "nope" in the portfolio.',
    });
  });
});

describe('what changed since the last review', () => {
  const settings = reviewPackSettings(NOW, R2);
  const content = buildPackContent(NOW, settings, undefined, undefined, contextFor());

  it('compares the snapshot with the portfolio as packed, on the pack’s scenario', () => {
    const changes = content.reviewChanges;
    if (changes?.kind !== 'diff') throw new Error('no diff');
    expect(changes.lead).toBe('Since the last review, “October portfolio review” on 2026-10-06:');
    const { diff } = changes;
    expect(diff.scenario).toEqual({ id: 'main', name: 'Main plan' });
    expect(diff.added.map((item) => item.name)).toEqual(['Mobile app']);
    expect(diff.removed.map((item) => item.name)).toEqual(['Web shop']);
    expect(diff.changed).toEqual([
      { id: 'big', name: 'Big bet', value: { before: 300, after: 320 } },
    ]);
    expect(diff.cutLine).toEqual([
      expect.objectContaining({ id: 'big', direction: 'in', rankBefore: 3, rankAfter: 2 }),
    ]);
    expect(
      diff.capacity.map((change) => [
        change.periodLabel,
        change.change.before,
        change.change.after,
      ]),
    ).toEqual([
      ['Nov 2026', 10, 18],
      ['Dec 2026', 10, 18],
    ]);
    expect(diff.decisions.map((decision) => decision.id)).toEqual(['d1', 'd2']);
  });

  it('for a held review whose own snapshot is stored, measures up to that snapshot, not to now', () => {
    // November's own snapshot froze the portfolio as October left it: nothing changed between the
    // two meetings, whatever was edited after November.
    const heldSnapshot = takeSnapshot(openSnapshotOf(SNAPSHOT), {
      id: 'snap-r2',
      reviewId: 'r2',
      label: 'November',
      takenAt: '2026-11-03T11:10:00.000Z',
    });
    const heldNow: Portfolio = {
      ...NOW,
      reviews: (NOW.reviews ?? []).map((review) =>
        review.id === 'r2' ? { ...review, snapshotId: 'snap-r2' } : review,
      ),
    };
    const find = (id: string) =>
      id === SNAPSHOT.id ? SNAPSHOT : id === heldSnapshot.id ? heldSnapshot : undefined;
    const made = reviewPackContext(heldNow, 'r2', find);
    if (!made.ok) throw new Error(made.error);
    expect(made.context.heldTakenAt).toBe('2026-11-03T11:10:00.000Z');
    const packed = buildPackContent(heldNow, settings, undefined, undefined, made.context);
    const changes = packed.reviewChanges;
    if (changes?.kind !== 'diff') throw new Error('no diff');
    expect(changes.empty).toBe(true);
    expect(changes.heldTakenAt).toBe('2026-11-03T11:10:00.000Z');
    expect(changes.lead).toBe(
      'Nothing changed since the last review, “October portfolio review” on 2026-10-06.',
    );
    // Its snapshot not stored: measured up to the portfolio as packed, as before.
    const without = reviewPackContext(heldNow, 'r2', snapshots);
    if (!without.ok) throw new Error(without.error);
    expect(without.context.held).toBeUndefined();
  });

  it('says it in short sentences, lists of names cut to four', () => {
    const changes = content.reviewChanges;
    if (changes?.kind !== 'diff') throw new Error('no diff');
    expect(changes.sentences).toEqual([
      '1 initiative was added (Mobile app) and 1 removed (Web shop).',
      '1 initiative changed (Big bet): 1 in value.',
      'Across the cut line of “Main plan”, 1 initiative is now funded (Big bet).',
      'Changed: the capacity of Platform in 2 team-periods.',
      '2 decisions were recorded in between.',
    ]);
    const many = (n: number) =>
      Array.from({ length: n }, (_, index) => ({ id: `i${index}`, name: `I${index + 1}` }));
    expect(
      packDiffSentences({
        added: many(6),
        removed: [],
        changed: [],
        cutLine: many(2).map((item) => ({ ...item, direction: 'out' as const })),
        capacity: [],
        budget: [{ periodId: 'nov', periodLabel: 'Nov', change: { before: 1, after: 2 } }],
        decisions: [],
      }),
    ).toEqual([
      '6 initiatives were added: I1, I2, I3 and 3 more.',
      'Across the cut line, 2 initiatives are no longer funded (I1 and I2).',
      'Changed: the budget in 1 period.',
    ]);
  });

  it('writes the summary’s "what changed" and key figures against the snapshot', () => {
    // Before: Core platform and Web shop funded, value 100 + 80 = 180, spend 200 + 150 = 350.
    // Now: Core platform, Big bet and Mobile app, value 100 + 320 + 50 = 470, spend 200 + 400 + 20.
    expect(content.summary[1]).toMatch(
      /^Since the last review, “October portfolio review” on 2026-10-06: /,
    );
    expect(content.since).toEqual({ title: 'October portfolio review', date: '2026-10-06' });
    expect(content.compareWith).toBeUndefined();
    const value = content.keyFigures.find((figure) => figure.label === 'Value funded');
    expect(value).toMatchObject({ value: '470', change: '+290', direction: 'up', good: true });
    const funded = content.keyFigures.find((figure) => figure.label === 'Initiatives funded');
    expect(funded).toMatchObject({ value: '3 of 3', change: '+1' });
    expect(content.changes).toEqual({ comesIn: ['Big bet', 'Mobile app'], goesOut: ['Web shop'] });
  });

  it('says so when the review is the first, without comparing with a scenario', () => {
    const first = buildPackContent(NOW, settings, undefined, undefined, contextFor('r1'));
    expect(first.reviewChanges).toEqual({
      kind: 'none',
      sentence:
        'This is the first review held: there is no earlier snapshot to compare the portfolio with.',
    });
    expect(first.summary[1]).toBe(
      'This is the first review held: there is no earlier snapshot to compare the portfolio with.',
    );
    expect(first.keyFigures.every((figure) => figure.change === undefined)).toBe(true);
  });

  it('says nothing changed when the snapshot is the portfolio as it is', () => {
    const same = buildPackContent(NOW, settings, undefined, undefined, {
      ...contextFor(),
      baseline: NOW,
    });
    expect(same.summary[1]).toBe(
      'Nothing changed since the last review, “October portfolio review” on 2026-10-06.',
    );
  });
});

describe('the minutes of the review', () => {
  const minutes = reviewMinutes(NOW, contextFor(), '2026-11-03');

  it('opens with the numbers, and lists who was there', () => {
    expect(minutes.lead).toBe(
      'Held on 2026-11-03 at 10:00, 2 of 3 invitees present. 3 agenda items, 1 decision recorded and 1 action raised. 2 actions from earlier reviews were open on the day, 1 of them still open.',
    );
    expect(minutes.present).toEqual(['Ana Lima', 'Ben Okafor']);
    expect(minutes.absent).toEqual(['Chris Vogel']);
    expect(minutes.totalMinutes).toBe(40);
  });

  it('gives each agenda item its notes, outcome, decisions and actions', () => {
    expect(minutes.items).toEqual([
      {
        id: 'r2-i1',
        number: 1,
        title: 'Big bet is behind plan',
        detail: 'Planned 50% done by now, reported 20%.',
        minutes: 15,
        notes: 'Agreed to add two engineers from January.',
        outcome: 'Discussed',
        decisions: ['Add two engineers to Big bet'],
        actions: ['Hire two engineers for Big bet'],
      },
      {
        id: 'r2-i2',
        number: 2,
        title: 'Budget for 2027',
        minutes: 20,
        outcome: 'Carried to the next review',
        decisions: [],
        actions: [],
      },
      {
        id: 'r2-i3',
        number: 3,
        title: 'Open actions',
        minutes: 5,
        outcome: '',
        decisions: [],
        actions: [],
      },
    ]);
  });

  it('lists the decisions recorded at it, the actions raised and those carried', () => {
    // d1 was recorded between the reviews, not at this one.
    expect(minutes.decisions).toEqual([
      {
        id: 'd2',
        date: '2026-11-03',
        kindLabel: 'Review',
        title: 'Add two engineers to Big bet',
        decision: 'Two engineers join Big bet in January.',
        decidedBy: 'Portfolio board',
        item: '1. Big bet is behind plan',
      },
    ]);
    expect(minutes.raised).toEqual([
      {
        id: 'a4',
        title: 'Hire two engineers for Big bet',
        owner: 'Ana Lima',
        due: '2026-12-01',
        state: 'Open',
        open: true,
        overdue: false,
        item: '1. Big bet is behind plan',
      },
    ]);
    expect(minutes.carried).toEqual([
      {
        id: 'a1',
        title: 'Draft the 2027 budget',
        owner: 'Ben Okafor',
        due: '2026-10-31',
        state: 'Open',
        open: true,
        overdue: true,
        raisedAt: '“October portfolio review” on 2026-10-06',
      },
      {
        id: 'a3',
        title: 'Price the web shop licence',
        owner: 'Ana Lima',
        state: 'Closed on 2026-11-03 (dropped with the web shop)',
        open: false,
        overdue: false,
        raisedAt: '“October portfolio review” on 2026-10-06',
      },
    ]);
  });

  it('shows a planned review’s agenda, saying the minutes follow', () => {
    const planned = reviewMinutes(NOW, contextFor('r3'), '2026-11-20');
    expect(planned.lead).toBe(
      'Planned for 2026-12-01 at 10:00: the agenda as it stands. The minutes follow once the review is held. 2 actions from earlier reviews are open.',
    );
  });
});

describe('the pack input with a review', () => {
  it('is checked: a review context without its review or actions is refused by name', () => {
    const input = { portfolio: NOW, settings: reviewPackSettings(NOW, R2) };
    expect(checkPackInput({ ...input, review: contextFor() }).ok).toBe(true);
    expect(checkPackInput({ ...input, review: { actions: [] } })).toEqual({
      ok: false,
      error:
        "The pack's review, review: expected a review with an id, a title, a date and an agenda.",
    });
    expect(checkPackInput({ ...input, review: { review: R2 } })).toEqual({
      ok: false,
      error: "The pack's review, actions: expected a list of actions.",
    });
  });
});

describe('baton pack --review', () => {
  const text = writePortfolio(NOW_WITH_SNAPSHOT);

  it('makes the review’s pack with the snapshot from the file, and the portfolio without it', () => {
    const request = packRequest(
      'board.json',
      text,
      { out: 'pack.pdf', review: 'r2' },
      '2026-11-20',
    );
    if (!('input' in request)) throw new Error(request.stderr);
    expect(request.input.settings).toMatchObject({
      title: 'November portfolio review',
      date: '2026-11-03',
      sections: [
        'cover',
        'summary',
        'changes',
        'metrics',
        'ranked',
        'heatmap',
        'decisions',
        'minutes',
      ],
    });
    expect(request.input.review?.review.id).toBe('r2');
    expect(request.input.review?.baseline?.initiatives).toHaveLength(3);
    expect(request.input.portfolio.snapshots).toBeUndefined();
    // --sections still chooses.
    const chosen = packRequest(
      'board.json',
      text,
      { out: 'pack.pdf', review: 'r2', sections: 'minutes' },
      '2026-11-20',
    );
    if (!('input' in chosen)) throw new Error(chosen.stderr);
    expect(chosen.input.settings.sections).toEqual(['minutes']);
  });

  it('refuses a review the file does not have, naming the ones it has', () => {
    expect(packRequest('board.json', text, { out: 'p.pdf', review: 'r9' }, '2026-11-20')).toEqual({
      stdout: '',
      stderr: 'baton: --review: board.json has no review "r9"; its reviews are r1, r2, r3\n',
      code: 1,
    });
  });

  it('still makes the pack when the file left the snapshots out, saying why it cannot compare', () => {
    const request = packRequest(
      'board.json',
      writePortfolio(NOW),
      { out: 'pack.pdf', review: 'r2' },
      '2026-11-20',
    );
    if (!('input' in request)) throw new Error(request.stderr);
    expect(request.input.review?.baseline).toBeUndefined();
    expect(request.input.review?.baselineProblem).toContain('is not in this portfolio');
  });
});
