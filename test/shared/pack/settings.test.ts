import { describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO } from '../../../shared/demo/demo-portfolio';
import {
  DEFAULT_ACCENT,
  MAX_LOGO_BYTES,
  MAX_TITLE,
  checkPackInput,
  defaultPackSettings,
  parseSectionList,
} from '../../../shared/pack/settings';
import { PACK_SECTIONS, type PackSettings } from '../../../shared/pack/types';
import type { Portfolio } from '../../../shared/portfolio/types';

const TINY: Portfolio = {
  name: 'Tiny portfolio',
  periods: [],
  teams: [],
  objectives: [],
  initiatives: [],
  scenarios: [],
};

const SETTINGS: PackSettings = defaultPackSettings(TINY, '2027-03-15');

/** What `checkPackInput` says of the default settings with `fields` changed. */
function check(fields: Record<string, unknown>) {
  return checkPackInput({ portfolio: TINY, settings: { ...SETTINGS, ...fields } });
}

function errorOf(fields: Record<string, unknown>): string {
  const result = check(fields);
  if (result.ok) throw new Error(`expected ${JSON.stringify(fields)} to be refused`);
  return result.error;
}

/** A data URL of `bytes` bytes of an image of `type`. */
function logo(type: string, bytes = 64) {
  return {
    name: 'logo.png',
    dataUrl: `data:${type};base64,${Buffer.alloc(bytes, 7).toString('base64')}`,
  };
}

describe('default pack settings', () => {
  it('titles the pack, names the organisation after the portfolio and dates it today', () => {
    expect(defaultPackSettings(DEMO_PORTFOLIO, '2026-11-02')).toEqual({
      title: 'Portfolio review',
      organisation: 'Corvane Logistics 2027 portfolio',
      date: '2026-11-02',
      accent: DEFAULT_ACCENT,
      pageSize: 'A4',
      orientation: 'portrait',
      sections: PACK_SECTIONS.filter((id) => id !== 'changes' && id !== 'minutes'),
    });
  });

  it('chooses every section but the review ones in print order, cover first, appendix last', () => {
    const { sections } = defaultPackSettings(DEMO_PORTFOLIO, '2026-11-02');
    expect(sections[0]).toBe('cover');
    expect(sections.at(-1)).toBe('appendix');
    // "What changed since the last review" and the minutes print only in a review's pack.
    expect(new Set(sections).size).toBe(PACK_SECTIONS.length - 2);
  });

  it('passes its own check, for the demo and for an empty portfolio', () => {
    for (const portfolio of [DEMO_PORTFOLIO, TINY]) {
      const settings = defaultPackSettings(portfolio, '2026-11-02');
      expect(checkPackInput({ portfolio, settings })).toEqual({
        ok: true,
        value: { portfolio, settings },
      });
    }
  });

  it('passes its own check when the portfolio name is longer than a title may be', () => {
    // Regression: the organisation was the whole portfolio name, which the check then refused,
    // so `baton pack` could not print a pack for such a portfolio at all.
    const portfolio = { ...TINY, name: 'Long '.repeat(40).trim() };
    const settings = defaultPackSettings(portfolio, '2026-11-02');
    expect(checkPackInput({ portfolio, settings }).ok).toBe(true);
    expect(settings.organisation.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(portfolio.name.startsWith(settings.organisation)).toBe(true);
  });
});

describe('section list', () => {
  it('reads names in the order given, trimming spaces and skipping empty entries', () => {
    expect(parseSectionList(' appendix, cover ,,ranked ')).toEqual({
      ok: true,
      value: ['appendix', 'cover', 'ranked'],
    });
  });

  it('refuses an empty list and says which sections exist', () => {
    expect(parseSectionList(' , ')).toEqual({
      ok: false,
      error: `--sections: name at least one of ${PACK_SECTIONS.join(', ')}`,
    });
  });

  it('names every unknown section', () => {
    const result = parseSectionList('cover,sumary,roadmaps');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('unknown section "sumary", "roadmaps"');
    expect(result.error).toContain('choose from cover, summary, changes, metrics, alignment');
  });

  it('refuses a section named twice', () => {
    expect(parseSectionList('cover,ranked,cover')).toEqual({
      ok: false,
      error: '--sections: "cover" is named twice',
    });
  });
});

describe('pack input check', () => {
  it('accepts good settings with a logo and an optimizer analysis', () => {
    const input = {
      portfolio: DEMO_PORTFOLIO,
      settings: { ...SETTINGS, logo: logo('image/png'), orientation: 'landscape' },
      analysis: { frozenAt: '2027-03-15T09:00:00.000Z' },
    };
    expect(checkPackInput(input)).toEqual({ ok: true, value: input });
  });

  it('refuses input without a readable portfolio or settings', () => {
    expect(checkPackInput(null)).toEqual({ ok: false, error: 'The pack input is not an object.' });
    expect(checkPackInput([])).toEqual({ ok: false, error: 'The pack input is not an object.' });
    expect(checkPackInput({ settings: SETTINGS })).toEqual({
      ok: false,
      error: 'The pack input has no readable portfolio.',
    });
    const { scenarios: _scenarios, ...withoutScenarios } = TINY;
    expect(checkPackInput({ portfolio: withoutScenarios, settings: SETTINGS })).toEqual({
      ok: false,
      error: 'The pack input has no readable portfolio.',
    });
    expect(checkPackInput({ portfolio: TINY })).toEqual({
      ok: false,
      error: 'The pack input has no settings.',
    });
    expect(checkPackInput({ portfolio: TINY, settings: SETTINGS, analysis: 'optimal' })).toEqual({
      ok: false,
      error: "The pack's optimizer analysis, expected an object.",
    });
    const frozenAt = '2026-11-26T10:00:00.000Z';
    const optimize = { status: 'optimal', objective: 10, elapsed: 1, spend: 5, selected: [] };
    expect(
      checkPackInput({
        portfolio: TINY,
        settings: SETTINGS,
        analysis: { frozenAt, optimize: { ...optimize, status: 'best' } },
      }),
    ).toEqual({
      ok: false,
      error:
        "The pack's optimizer analysis, optimize.status: expected optimal, feasible, infeasible or unknown.",
    });
    expect(
      checkPackInput({
        portfolio: TINY,
        settings: SETTINGS,
        analysis: { frozenAt, frontier: { points: [{ budget: 1 }], greedy: [] } },
      }),
    ).toEqual({
      ok: false,
      error: "The pack's optimizer analysis, frontier.points[0]: expected a budget and a value.",
    });
    expect(
      checkPackInput({ portfolio: TINY, settings: SETTINGS, analysis: { frozenAt, optimize } }).ok,
    ).toBe(true);
  });

  it('refuses an empty, blank or over-long title', () => {
    const message = `Pack settings, title: expected 1 to ${MAX_TITLE} characters.`;
    expect(errorOf({ title: '' })).toBe(message);
    expect(errorOf({ title: '   ' })).toBe(message);
    expect(errorOf({ title: 'x'.repeat(MAX_TITLE + 1) })).toBe(message);
    expect(errorOf({ title: 42 })).toBe(message);
    expect(check({ title: 'x'.repeat(MAX_TITLE) }).ok).toBe(true);
  });

  it('refuses an over-long organisation but accepts none', () => {
    expect(errorOf({ organisation: 'x'.repeat(MAX_TITLE + 1) })).toBe(
      `Pack settings, organisation: expected at most ${MAX_TITLE} characters.`,
    );
    expect(check({ organisation: '' }).ok).toBe(true);
  });

  it('refuses a date that is not written YYYY-MM-DD', () => {
    const message = 'Pack settings, date: expected a date as YYYY-MM-DD.';
    for (const date of ['15/03/2027', '2027-3-15', '2027-03-15T10:00', '', undefined]) {
      expect(errorOf({ date })).toBe(message);
    }
    expect(check({ date: '2028-02-29' }).ok).toBe(true);
  });

  it('refuses a date that does not exist', () => {
    // Regression: Date.parse rolls 30 February over to 2 March, so these were printed as given.
    for (const date of ['2027-02-30', '2027-02-29', '2027-04-31', '2027-13-01', '2027-00-10']) {
      expect(errorOf({ date })).toBe('Pack settings, date: expected a date as YYYY-MM-DD.');
    }
  });

  it('accepts no since, or a real date on or before the pack’s date', () => {
    expect(SETTINGS.since).toBeUndefined();
    expect(check({ since: '2026-12-10' }).ok).toBe(true);
    expect(check({ since: SETTINGS.date }).ok).toBe(true);
  });

  it('refuses a since that is not a real YYYY-MM-DD date, or after the pack’s date', () => {
    const message = 'Pack settings, since: expected a date as YYYY-MM-DD.';
    for (const since of ['10/12/2026', '2026-12-1', '2026-02-30', '', 20261210, null]) {
      expect(errorOf({ since })).toBe(message);
    }
    expect(errorOf({ since: '2027-03-16' })).toBe(
      "Pack settings, since: expected a date on or before the pack's date (2027-03-15).",
    );
  });

  it('refuses a decision log that is not a list of decisions', () => {
    const message = 'The pack input has a decision log that is not a list of decisions.';
    for (const decisions of [{}, 'none', [null], ['d-1']]) {
      expect(checkPackInput({ portfolio: { ...TINY, decisions }, settings: SETTINGS })).toEqual({
        ok: false,
        error: message,
      });
    }
    expect(checkPackInput({ portfolio: { ...TINY, decisions: [] }, settings: SETTINGS }).ok).toBe(
      true,
    );
  });

  it('refuses an accent that is not #rrggbb', () => {
    for (const accent of ['#fff', 'red', '2d3a78', '#2d3a7g', '#2d3a7800']) {
      expect(errorOf({ accent })).toBe('Pack settings, accent: expected a colour as #rrggbb.');
    }
    expect(check({ accent: '#A0b1C2' }).ok).toBe(true);
  });

  it('refuses an unknown page size or orientation', () => {
    expect(errorOf({ pageSize: 'A3' })).toBe('Pack settings, pageSize: expected A4 or Letter.');
    expect(errorOf({ pageSize: 'a4' })).toBe('Pack settings, pageSize: expected A4 or Letter.');
    expect(errorOf({ orientation: 'sideways' })).toBe(
      'Pack settings, orientation: expected portrait or landscape.',
    );
    expect(check({ pageSize: 'Letter', orientation: 'landscape' }).ok).toBe(true);
  });

  it('refuses no sections, unknown sections and a section chosen twice', () => {
    expect(errorOf({ sections: [] })).toBe('Pack settings, sections: choose at least one section.');
    expect(errorOf({ sections: 'cover' })).toBe(
      'Pack settings, sections: choose at least one section.',
    );
    expect(errorOf({ sections: ['cover', 'charts'] })).toContain(
      'Pack settings, sections: unknown section "charts"; choose from cover, summary',
    );
    expect(errorOf({ sections: ['ranked', 'cover', 'ranked'] })).toBe(
      'Pack settings, sections: "ranked" is named twice.',
    );
  });

  it('refuses section entries that only pass once joined into a list', () => {
    // Regression: the entries were joined with commas and read back as a list, so these passed
    // and the renderer was handed section ids it does not know.
    for (const sections of [
      ['cover,summary'],
      ['cover', ''],
      [' cover'],
      ['cover', 7],
      ['cover', null],
      ['cover', undefined],
    ]) {
      expect(errorOf({ sections })).toMatch(/^Pack settings, sections: unknown section /);
    }
  });

  it('refuses a logo that is not an image it can draw, or too large', () => {
    expect(errorOf({ logo: 'logo.png' })).toBe(
      'Pack settings, logo: expected a name and an image.',
    );
    expect(errorOf({ logo: { name: 'logo.png' } })).toBe(
      'Pack settings, logo: expected a name and an image.',
    );
    expect(errorOf({ logo: { ...logo('application/pdf'), name: 'brand.pdf' } })).toBe(
      'Pack settings, logo: brand.pdf is not a PNG, JPEG, SVG, WebP or GIF image.',
    );
    expect(errorOf({ logo: { name: 'x.png', dataUrl: 'https://example.com/x.png' } })).toBe(
      'Pack settings, logo: x.png is not a PNG, JPEG, SVG, WebP or GIF image.',
    );
    expect(errorOf({ logo: logo('image/png', MAX_LOGO_BYTES + 100) })).toBe(
      'Pack settings, logo: logo.png is larger than 1 MB.',
    );
    for (const type of ['image/jpeg', 'image/svg+xml', 'image/webp', 'image/gif']) {
      expect(check({ logo: logo(type) }).ok).toBe(true);
    }
    expect(check({ logo: logo('image/png', MAX_LOGO_BYTES) }).ok).toBe(true);
  });

  it('takes the id of a workshop session for the summary, and refuses anything else there', () => {
    expect(check({ workshopId: 'ws-q1' }).ok).toBe(true);
    // An id the portfolio does not know is no error: the summary falls back to the latest session.
    expect(check({ workshopId: 'gone' }).ok).toBe(true);
    for (const workshopId of [7, '', null, ['ws-q1']]) {
      expect(errorOf({ workshopId })).toBe(
        'Pack settings, workshopId: expected the id of a workshop session.',
      );
    }
  });

  it('refuses workshop sessions that are not a list of sessions', () => {
    for (const workshops of ['ws-q1', [null], {}]) {
      expect(checkPackInput({ portfolio: { ...TINY, workshops }, settings: SETTINGS })).toEqual({
        ok: false,
        error: 'The pack input has workshop sessions that are not a list of sessions.',
      });
    }
  });
});
