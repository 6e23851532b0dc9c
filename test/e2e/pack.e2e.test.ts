/**
 * The board pack as a board member gets it: a PDF printed by Chromium from the built print page,
 * read back with poppler (page count and size, text per page, fonts, images, ink). One browser
 * renders every pack in process; the `baton pack` command line is run as a user runs it.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPrintPage, renderPackPdf } from '../../electron/cli/render-pack';
import { DEMO_PORTFOLIO } from '../../shared/demo/demo-portfolio';
import { packMetrics } from '../../shared/pack/metrics';
import { defaultPackSettings } from '../../shared/pack/settings';
import {
  PACK_SECTIONS,
  REVIEW_SECTIONS,
  SECTION_INFO,
  type FrozenAnalysis,
  type PackInput,
  type PackSectionId,
  type PackSettings,
} from '../../shared/pack/types';
import type { Portfolio } from '../../shared/portfolio/types';
import { writePortfolio } from '../../shared/portfolio/write';
import {
  computeCutLine,
  lineOf,
  scenarioCutLine,
  stackOrder,
} from '../../shared/prioritize/cutline';
import { generatePortfolio } from '../bench/generate-portfolio';
import { DEMO_WITH_DECISIONS, LOG_PACK_DATE, manyDecisions } from '../fixtures/pack/decision-log';
import { RENDERER_DIST } from './support/server';
import {
  imagesPerPage,
  inkPerPage,
  pageTexts,
  pdfFonts,
  pdfInfo,
  pdfWords,
  type Word,
} from './support/pdf';
import { baton } from '../electron/cli/run-baton';

const TODAY = '2027-01-15';
const CONTENTS = 'Contents';
const TITLES = new Set([CONTENTS, ...Object.values(SECTION_INFO).map((info) => info.title)]);
/** The header band and the footer band of a page (renderer/pack/geometry.ts), in millimetres. */
const HEAD_MM = 20;
const FOOT_MM = 16;
const PT_PER_MM = 72 / 25.4;

let browser: Browser;
let dir = '';

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'baton-pack-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A pack as printed: what pdfinfo, pdftotext and pdftotext -bbox say of it. */
type PrintedPack = {
  readonly file: string;
  readonly pages: number;
  /** Each page's lines as laid out, blank lines dropped. */
  readonly lines: readonly (readonly string[])[];
  /** Each page's text in drawing order, on one line: a wrapped cell reads as it was written. */
  readonly text: readonly string[];
  /** Each page's text in drawing order with its line breaks removed (a wrapped word is whole). */
  readonly joined: readonly string[];
  readonly words: readonly Word[];
};

async function readPack(file: string): Promise<PrintedPack> {
  const [info, layout, raw, words] = await Promise.all([
    pdfInfo(file),
    pageTexts(file, 'layout'),
    pageTexts(file, 'raw'),
    pdfWords(file),
  ]);
  return {
    file,
    pages: info.pages,
    lines: layout.map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
    text: raw.map((page) => page.replace(/-\n/g, '-').replace(/\s+/g, ' ')),
    joined: raw.map((page) => page.replace(/\n/g, '')),
    words,
  };
}

function settingsFor(portfolio: Portfolio, change: Partial<PackSettings> = {}): PackSettings {
  return { ...defaultPackSettings(portfolio, TODAY), ...change };
}

/** The metrics section's metrics, computed as the Board pack and `baton pack` compute them. */
function withMetrics(given: PackInput): PackInput {
  const metrics =
    given.metrics ?? packMetrics(given.portfolio, given.portfolio.snapshots ?? [], given.settings);
  return metrics ? { ...given, metrics } : given;
}

/** Renders in the shared browser, writes the PDF to the temporary folder and reads it back. */
async function renderPack(name: string, given: PackInput) {
  const rendered = await renderPackPdf(withMetrics(given), { rendererDir: RENDERER_DIST, browser });
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, rendered.pdf);
  return { rendered, pack: await readPack(file) };
}

const titleOf = (id: PackSectionId) => SECTION_INFO[id].title;

/** The section headings in page order: a page whose body starts with a section's title. */
function headings(pack: PrintedPack): { title: string; page: number }[] {
  return pack.lines.flatMap((lines, index) => {
    // The running header takes the first line (two when a long title wraps it).
    const title = lines.slice(1, 4).find((line) => TITLES.has(line));
    return title ? [{ title, page: index + 1 }] : [];
  });
}

/** What the Contents page says: each section's title and its page number. */
function contents(pack: PrintedPack): { title: string; page: number }[] {
  const page = headings(pack).find((heading) => heading.title === CONTENTS)?.page;
  if (page === undefined) return [];
  return (pack.lines[page - 1] ?? []).flatMap((line) => {
    const match = /^(.*\S)\s{2,}(\d+)$/.exec(line);
    return match && TITLES.has(match[1] as string)
      ? [{ title: match[1] as string, page: Number(match[2]) }]
      : [];
  });
}

/** The pages of a section: from its heading to the page before the next heading. */
function sectionPages(pack: PrintedPack, title: string): number[] {
  const all = headings(pack);
  const index = all.findIndex((heading) => heading.title === title);
  const first = all[index]?.page;
  if (first === undefined) return [];
  const next = all[index + 1]?.page ?? pack.pages + 1;
  return Array.from({ length: next - first }, (_, offset) => first + offset);
}

const bandText = (pack: PrintedPack, page: number, inBand: (word: Word) => boolean) =>
  pack.words
    .filter((word) => word.page === page && inBand(word))
    .map((word) => word.text)
    .join(' ');

/** The running header of a page: the words printed in the header band. */
const headerOf = (pack: PrintedPack, page: number) =>
  bandText(pack, page, (word) => word.yMax <= HEAD_MM * PT_PER_MM);

/** The footer of a page: the words printed in the footer band. */
const footerOf = (pack: PrintedPack, page: number) =>
  bandText(pack, page, (word) => word.yMin >= word.pageHeight - FOOT_MM * PT_PER_MM);

/**
 * What every pack must be, whatever its input: the page count it reports; the headings of the
 * chosen sections in order, after a Contents page whose numbers are where each heading is; each
 * page's running header naming its section and its footer "Page k of N" (not on the cover);
 * every font embedded; ink on every page between the header and the footer; no word off a page.
 */
async function expectSoundPack(
  pack: PrintedPack,
  reportedPages: number,
  sections: readonly string[],
  cover: boolean,
): Promise<void> {
  expect(pack.pages, 'pdfinfo pages vs the pages reported').toBe(reportedPages);
  expect(pack.lines).toHaveLength(pack.pages);

  const found = headings(pack);
  expect(found.map((heading) => heading.title)).toEqual(
    sections.length > 1 ? [CONTENTS, ...sections] : sections,
  );
  expect(contents(pack), 'the Contents page against where each heading is').toEqual(
    sections.length > 1 ? found.filter((heading) => heading.title !== CONTENTS) : [],
  );
  expect(found[0]?.page, 'the page after the cover opens the first section').toBe(cover ? 2 : 1);

  for (let page = 1; page <= pack.pages; page += 1) {
    if (cover && page === 1) {
      expect(pack.text[0], 'the cover has no page number').not.toMatch(/Page \d+ of \d+/);
      continue;
    }
    expect(footerOf(pack, page), `footer of page ${page}`).toMatch(
      new RegExp(`Page ${page} of ${pack.pages}$`),
    );
    // The header names the section the page belongs to (it may set it in capitals).
    const section = [...found].reverse().find((heading) => heading.page <= page)?.title ?? '?';
    const header = headerOf(pack, page).toUpperCase();
    expect(header.endsWith(section.toUpperCase()), `"${header}" on page ${page}`).toBe(true);
  }

  const fonts = await pdfFonts(pack.file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((font) => !font.embedded).map((font) => font.name)).toEqual([]);

  const ink = await inkPerPage(pack.file, { topMm: HEAD_MM + 1, bottomMm: FOOT_MM + 1 });
  expect(ink).toHaveLength(pack.pages);
  // A line of small text alone leaves hundreds of grey pixels at this resolution.
  const blank = ink.flatMap((pixels, index) => (pixels < 20 ? [index + 1] : []));
  expect(blank, 'pages with nothing printed between header and footer').toEqual([]);

  const off = pack.words.filter(
    (word) =>
      word.xMin < 0 || word.yMin < 0 || word.xMax > word.pageWidth || word.yMax > word.pageHeight,
  );
  expect(off.map((word) => `page ${word.page}: ${word.text}`)).toEqual([]);
}

/**
 * Every section's heading in the default order but the cover's (it has none), the frontier's
 * and the workshop summary's (the demo has no analysis and no finished session).
 */
const WITHOUT_FRONTIER = PACK_SECTIONS.filter(
  (id) => id !== 'cover' && id !== 'frontier' && id !== 'workshop' && !REVIEW_SECTIONS.includes(id),
).map(titleOf);

/**
 * The same for a portfolio without proposals, actuals or self-reviews, which has no intake and no
 * metrics section either.
 */
const WITHOUT_INTAKE = PACK_SECTIONS.filter(
  (id) =>
    id !== 'cover' &&
    id !== 'frontier' &&
    id !== 'workshop' &&
    id !== 'intake' &&
    id !== 'metrics' &&
    !REVIEW_SECTIONS.includes(id),
).map(titleOf);

describe('the demo pack, every section', () => {
  const portfolio = DEMO_PORTFOLIO;
  let pack: PrintedPack;
  let reported = 0;

  beforeAll(async () => {
    const { rendered, pack: printed } = await renderPack('demo', {
      portfolio,
      settings: settingsFor(portfolio),
    });
    expect(rendered).toMatchObject({ pageSize: 'A4', landscape: false });
    pack = printed;
    reported = rendered.pages;
  });

  it('is Baton’s PDF under the pack’s title, as a PDF reader shows it', async () => {
    await expect(pdfInfo(pack.file)).resolves.toMatchObject({
      title: 'Portfolio review',
      creator: 'Baton',
      producer: 'Baton',
    });
  });

  it('has the pages it reports, a heading per section in order (no frontier without an analysis), a true Contents page, numbered pages with embedded fonts and no blank page', async () => {
    expect(reported).toBeGreaterThanOrEqual(15);
    await expectSoundPack(pack, reported, WITHOUT_FRONTIER, true);
    expect(pack.text.join(' ')).not.toContain(titleOf('frontier'));
    expect(pack.text[0]).toContain('Portfolio review');
    expect(pack.text[0]).toContain(portfolio.name);
  });

  it('funds what the board funds: the cut line, the figures and the rows each side of it', () => {
    // Without a choice the pack presents the first scenario, as the board does.
    const scenario = portfolio.scenarios[0];
    const order = stackOrder(portfolio, scenario?.id);
    const line = lineOf(portfolio, computeCutLine(portfolio, order), order);
    expect(line.above.length).toBeGreaterThan(0);
    expect(line.gap.length).toBeGreaterThan(0);
    expect(line.below.length).toBeGreaterThan(0);
    const counts = `${line.above.length} above the line · ${line.gap.length} funded in a gap · ${line.below.length} below`;
    const total = portfolio.initiatives.length;
    const nameOf = (id: string | undefined) =>
      portfolio.initiatives.find((initiative) => initiative.id === id)?.name ?? `?${id}`;

    const summary = sectionPages(pack, titleOf('summary'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(summary).toContain(`${line.above.length + line.gap.length} of ${total}`);
    expect(summary).toContain(counts);

    const ranked = sectionPages(pack, titleOf('ranked'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(ranked).toContain(`“${scenario?.name}”: ${counts} (of ${total} initiatives)`);
    // The cut line's row may be set in capitals.
    const escaped = counts.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const cut = ranked.search(new RegExp(`Cut line: ${escaped}`, 'i'));
    expect(cut).toBeGreaterThan(0);
    // The board's order: the pinned group, the cards in front of the line, the line, the rest.
    const lastInFront = ranked.indexOf(nameOf(line.rankable[line.lineIndex - 1]));
    const firstBehind = ranked.indexOf(nameOf(line.rankable[line.lineIndex]));
    const firstPinned = ranked.indexOf(nameOf(line.pinned[0]));
    expect(firstPinned, 'the pinned group comes first').toBeGreaterThan(0);
    expect(firstPinned).toBeLessThan(lastInFront);
    expect(lastInFront, 'the last card in front of the line').toBeLessThan(cut);
    expect(firstBehind, 'the first card behind the line').toBeGreaterThan(cut);
    for (const id of line.gap) {
      expect(ranked, nameOf(id)).toMatch(
        new RegExp(`${nameOf(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*?funded in a gap`, 'i'),
      );
    }
    // Every initiative is in the ranked table.
    const missing = portfolio.initiatives.filter((item) => !ranked.includes(item.name));
    expect(missing.map((item) => item.name)).toEqual([]);
  });

  it('prints every funded initiative’s name whole on the roadmap and the value/effort key, none cut with “…”', () => {
    for (const id of ['roadmap', 'value-effort'] as const) {
      const printed = sectionPages(pack, titleOf(id))
        .map((page) => pack.text[page - 1])
        .join(' ');
      expect(printed, titleOf(id)).not.toContain('…');
    }
    const roadmap = sectionPages(pack, titleOf('roadmap'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    const cutLine = scenarioCutLine(portfolio, portfolio.scenarios[0]?.id);
    const funded = cutLine.placements.filter((placement) => placement.above);
    const names = funded.map(
      (placement) => portfolio.initiatives.find((item) => item.id === placement.id)?.name ?? '',
    );
    // A wrapped name reads as one run of words in drawing order.
    expect(names.filter((name) => !roadmap.includes(name))).toEqual([]);
  });

  it('fills roadmap pages: only the last may be short', () => {
    const pages = sectionPages(pack, titleOf('roadmap'));
    const cutLine = scenarioCutLine(portfolio, portfolio.scenarios[0]?.id);
    const names = cutLine.placements
      .filter((placement) => placement.above)
      .map((placement) => portfolio.initiatives.find((item) => item.id === placement.id)?.name);
    const perPage = pages.map(
      (page) => names.filter((name) => name && (pack.text[page - 1] ?? '').includes(name)).length,
    );
    expect(perPage.reduce((sum, count) => sum + count, 0)).toBe(names.length);
    // A page holds some twenty lanes; none but the last holds a handful.
    expect(perPage.slice(0, -1).filter((count) => count < 15)).toEqual([]);
  });

  it('records each forced-in initiative with its reason in the appendix', () => {
    const forced = portfolio.initiatives.filter((item) => item.forced === 'in');
    expect(forced.length).toBeGreaterThan(0);
    const appendix = sectionPages(pack, titleOf('appendix'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(appendix).toContain('Forced items and their reasons');
    for (const item of forced) {
      expect(appendix).toContain(`${item.name} in ${item.forcedReason?.replace(/\s+/g, ' ')}`);
    }
  });

  it('prints none of the screen’s instructions for dragging or keyboard use', () => {
    const printed = pack.text.join(' ');
    for (const hint of ['Drag the bar', 'arrow keys', 'Show as table', 'Hide table']) {
      expect(printed, `"${hint}" in the printed pack`).not.toContain(hint);
    }
  });
});

describe('the decision log', () => {
  it('prints the decisions since the last review, an amended one as superseded, and lists them in the appendix', async () => {
    expect(TODAY).toBe(LOG_PACK_DATE);
    const shown: PackSectionId[] = ['decisions', 'appendix'];
    const { rendered, pack } = await renderPack('decisions', {
      portfolio: DEMO_WITH_DECISIONS,
      settings: settingsFor(DEMO_WITH_DECISIONS, { sections: shown }),
    });
    await expectSoundPack(pack, rendered.pages, shown.map(titleOf), false);
    const decisions = sectionPages(pack, titleOf('decisions'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(decisions).toContain('Decisions since 2026-10-06');
    expect(decisions).toMatch(
      /2027-01-12 Scenario commitment Commit to the growth push for 2027 Decision: The growth push is the plan of record for 2027\. Decided by: Executive committee/i,
    );
    expect(decisions).toContain(
      'Rank marketplace connectors above CIAM Superseded by: “CIAM back above marketplace connectors” (2026-12-01)',
    );
    expect(decisions).toContain('Amends: “Rank marketplace connectors above CIAM” (2026-11-03)');
    // The long rationale, whole, over the rows (and pages) it needs.
    expect(decisions).toContain('Point 14: the vendor');
    expect(decisions).not.toContain('Decided after the pack date');
    expect(decisions).not.toContain('Chatbot pilot passes gate 1');
    const appendix = sectionPages(pack, titleOf('appendix'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(appendix).toContain('Decision log since 2026-10-06');
    expect(appendix).toContain(
      '2026-10-20 Stop or continue Continue the WMS upgrade through peak season 9ad4e0c2f1b35768',
    );
  });

  it('200 decisions run over pages, each page’s text between its header and its footer', async () => {
    const portfolio: Portfolio = { ...DEMO_WITH_DECISIONS, decisions: manyDecisions(200, TODAY) };
    const settings = settingsFor(portfolio, { sections: ['decisions'], since: '2026-01-01' });
    const { rendered, pack } = await renderPack('many-decisions', { portfolio, settings });
    await expectSoundPack(pack, rendered.pages, [titleOf('decisions')], false);
    expect(pack.pages).toBeGreaterThan(20);
    const printed = pack.text.join(' ');
    const missing = Array.from({ length: 200 }, (_, index) => index + 1).filter(
      (number) => !printed.includes(`Logged decision ${number} `),
    );
    expect(missing).toEqual([]);
    // Nothing of the body runs into the header or footer bands.
    for (let page = 1; page <= pack.pages; page += 1) {
      expect(footerOf(pack, page), `footer of page ${page}`).toBe(
        `${settings.organisation} · ${TODAY} Page ${page} of ${pack.pages}`,
      );
      expect(headerOf(pack, page).toUpperCase(), `header of page ${page}`).toBe(
        `${settings.title} ${titleOf('decisions')}`.toUpperCase(),
      );
    }
  });
});

describe('what the builder chooses', () => {
  it('adds the efficient frontier, in the order chosen, when the optimizer’s frontier is given', async () => {
    const shown: PackSectionId[] = ['value-effort', 'frontier', 'scenarios'];
    const analysis: FrozenAnalysis = {
      frozenAt: `${TODAY}T09:30:00Z`,
      frontier: {
        points: [
          {
            budget: 4_000_000,
            value: 2500,
            bound: 2500,
            status: 'optimal',
            spend: 3.9e6,
            selected: [],
          },
          {
            budget: 8_000_000,
            value: 4620,
            bound: 4620,
            status: 'optimal',
            spend: 7.9e6,
            selected: [],
          },
          {
            budget: 12_000_000,
            value: 5610,
            bound: 5700,
            status: 'feasible',
            spend: 11.6e6,
            selected: [],
          },
        ],
        greedy: [
          { spend: 0, value: 0 },
          { spend: 4_000_000, value: 2200 },
          { spend: 8_000_000, value: 4300 },
          { spend: 12_000_000, value: 5500 },
        ],
        current: { spend: 8_000_000, value: 4430 },
      },
    };
    const { rendered, pack } = await renderPack('frontier', {
      portfolio: DEMO_PORTFOLIO,
      settings: settingsFor(DEMO_PORTFOLIO, { sections: ['cover', ...shown] }),
      analysis,
    });
    await expectSoundPack(pack, rendered.pages, shown.map(titleOf), true);
    const frontier = sectionPages(pack, titleOf('frontier'))
      .map((page) => pack.text[page - 1])
      .join(' ');
    expect(frontier).toMatch(/€4m 2,500 2,500 Proven best/);
    // Not proven: how far from its bound, (5,700 − 5,610) / 5,610.
    expect(frontier).toMatch(/€12m 5,610 5,700 Within 1.6% of the best/);
  });

  it('`baton pack --sections cover,ranked,appendix` prints the cover, Contents and exactly those sections', async () => {
    const file = join(dir, 'demo.baton.json');
    const out = join(dir, 'chosen.pdf');
    await writeFile(file, writePortfolio(DEMO_PORTFOLIO));
    const run = await baton('pack', file, '--out', out, '--sections', 'cover,ranked,appendix');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { out: string; pages: number; bytes: number };
    expect(Object.keys(summary)).toEqual(['out', 'pages', 'bytes']);
    expect(summary.out).toBe(out);
    expect(summary.bytes).toBe((await stat(out)).size);
    const pack = await readPack(out);
    await expectSoundPack(pack, summary.pages, [titleOf('ranked'), titleOf('appendix')], true);
    // The PDF says it is Baton's, under the pack's title (not Chromium's user agent).
    await expect(pdfInfo(out)).resolves.toMatchObject({
      title: 'Portfolio review',
      creator: 'Baton',
      producer: 'Baton',
    });
    expect(pack.text[0]).toContain('Portfolio review');
    const printed = pack.text.join(' ');
    for (const id of ['summary', 'alignment', 'heatmap', 'roadmap', 'scenarios'] as const) {
      expect(printed).not.toContain(titleOf(id));
    }
  });

  it('prints landscape Letter at 792 × 612 pt on every page, with the logo on the cover', async () => {
    // A 1 × 1 PNG.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const { rendered, pack } = await renderPack('letter', {
      portfolio: DEMO_PORTFOLIO,
      settings: settingsFor(DEMO_PORTFOLIO, {
        pageSize: 'Letter',
        orientation: 'landscape',
        logo: { name: 'logo.png', dataUrl: `data:image/png;base64,${png}` },
      }),
    });
    expect(rendered).toMatchObject({ pageSize: 'Letter', landscape: true });
    const { sizes } = await pdfInfo(pack.file);
    expect(sizes).toHaveLength(pack.pages);
    expect(new Set(sizes.map((size) => `${size.width} x ${size.height}`))).toEqual(
      new Set(['792 x 612']),
    );
    await expectSoundPack(pack, rendered.pages, WITHOUT_FRONTIER, true);
    expect((await imagesPerPage(pack.file, pack.pages))[0], 'images on the cover').toBe(1);
  });
});

describe('one print page, pack after pack (as the app keeps its print window)', () => {
  it('prints each pack as a freshly opened page does, nothing left over from the one before', async () => {
    const demo: PackInput = { portfolio: DEMO_PORTFOLIO, settings: settingsFor(DEMO_PORTFOLIO) };
    const generated = generatePortfolio({
      initiatives: 60,
      teams: 4,
      periods: 6,
      dependencyShare: 0.2,
      seed: 11,
    });
    const other: PackInput = {
      portfolio: generated,
      settings: settingsFor(generated, {
        title: 'Quarterly review',
        pageSize: 'Letter',
        orientation: 'landscape',
        sections: ['cover', 'summary', 'ranked', 'appendix'],
      }),
    };
    const fresh = {
      demo: await renderPack('fresh-demo', demo),
      other: await renderPack('fresh-other', other),
    };
    // Packs of different lengths and page sizes, so that a page left over would show.
    expect(fresh.other.pack.pages).toBeLessThan(fresh.demo.pack.pages);

    const page = await openPrintPage({ rendererDir: RENDERER_DIST, browser });
    try {
      const order = [
        ['demo', demo],
        ['other', other],
        ['demo', demo],
      ] as const;
      for (const [index, [name, input]] of order.entries()) {
        const rendered = await page.render(withMetrics(input));
        const file = join(dir, `kept-${index}.pdf`);
        await writeFile(file, rendered.pdf);
        const pack = await readPack(file);
        const expected = fresh[name];
        expect(rendered.pages).toBe(expected.rendered.pages);
        expect(pack.pages).toBe(expected.pack.pages);
        expect(pack.text).toEqual(expected.pack.text);
        expect((await pdfInfo(file)).sizes).toEqual((await pdfInfo(expected.pack.file)).sizes);
        expect((await pdfInfo(file)).title).toBe(input.settings.title);
      }
    } finally {
      await page.close();
    }
  });
});

describe('inputs that could break the pack', () => {
  it('an empty portfolio gives one short page per section, each saying what is missing', async () => {
    const empty: Portfolio = {
      name: 'Empty plan',
      periods: [],
      teams: [],
      objectives: [],
      initiatives: [],
      scenarios: [],
    };
    const { rendered, pack } = await renderPack('empty', {
      portfolio: empty,
      settings: settingsFor(empty),
    });
    await expectSoundPack(pack, rendered.pages, WITHOUT_INTAKE, true);
    expect(pack.pages).toBe(2 + WITHOUT_INTAKE.length);
    const printed = pack.text.join(' ');
    expect(printed).toContain('The portfolio has no initiatives yet.');
    expect(printed).toContain('No scenario is saved');
    expect(printed).toContain('0 above the line · 0 below, of 0 initiatives');
  });

  it('300 initiatives: the ranked table runs over pages, its header repeated on each, no row lost', async () => {
    const portfolio = generatePortfolio({
      initiatives: 300,
      teams: 8,
      periods: 8,
      dependencyShare: 0.2,
      seed: 3,
    });
    const { rendered, pack } = await renderPack('large', {
      portfolio,
      settings: settingsFor(portfolio),
    });
    await expectSoundPack(pack, rendered.pages, WITHOUT_INTAKE, true);
    expect(pack.pages).toBeLessThanOrEqual(80);

    const ranked = sectionPages(pack, titleOf('ranked'));
    expect(ranked.length).toBeGreaterThanOrEqual(4);
    for (const page of ranked) {
      expect(pack.lines[page - 1]?.join('\n'), `table header on page ${page}`).toMatch(
        /INITIATIVE.*\s+STATUS\s+VALUE\s+SPEND\s+RUNS \/ WHY BELOW$/im,
      );
    }
    const rows = ranked.flatMap((page) =>
      [...(pack.text[page - 1] ?? '').matchAll(/(\d+) Initiative (\d+) Proposed/g)].map((match) => [
        Number(match[1]),
        Number(match[2]),
      ]),
    );
    // Above the line first, then below it; the rank is the place in the stack (here file order).
    expect(rows.map(([rank]) => rank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    expect(rows.filter(([rank, name]) => rank !== name)).toEqual([]);
    const cutLine = scenarioCutLine(portfolio, 'base');
    const line = lineOf(portfolio, cutLine, stackOrder(portfolio, 'base'));
    const gap = line.gap.length > 0 ? ` · ${line.gap.length} funded in a gap` : '';
    expect(ranked.map((page) => pack.text[page - 1]).join(' ')).toMatch(
      new RegExp(
        `Cut line: ${line.above.length} above the line${gap} · ${line.below.length} below`,
        'i',
      ),
    );
  });

  it('names of 200 characters, some without a space: every one printed whole or visibly shortened, never cut off', async () => {
    const [first, second, ...rest] = DEMO_PORTFOLIO.initiatives;
    if (!first || !second) throw new Error('the demo has initiatives');
    const forcedIndex = rest.findIndex((item) => item.forced === 'in');
    // One letter per long word, so that each can be followed through the pages.
    const long = {
      Q: 'Q'.repeat(200), // an initiative's name
      W: 'W'.repeat(120), // most of another initiative's name
      J: 'J'.repeat(200), // a team
      X: 'X'.repeat(200), // a scenario
      V: 'V'.repeat(200), // an objective
      Z: 'Z'.repeat(200), // a forced-in initiative's reason
      P: 'P'.repeat(120), // the pack's title, as long as it may be
    };
    const tail = ' the warehouse management system in every European distribution centre';
    const mixed = `Replatform${long.W}${tail}`.slice(0, 200);
    // A portfolio name longer than a pack's organisation may be (it has spaces: it wraps).
    const name = `Corvane Logistics ${'and partners '.repeat(20)}`.slice(0, 200).trim();
    const portfolio: Portfolio = {
      ...DEMO_PORTFOLIO,
      name,
      teams: DEMO_PORTFOLIO.teams.map((team, i) => (i === 0 ? { ...team, name: long.J } : team)),
      objectives: DEMO_PORTFOLIO.objectives.map((objective, i) =>
        i === 0 ? { ...objective, name: long.V } : objective,
      ),
      scenarios: DEMO_PORTFOLIO.scenarios.map((scenario, i) =>
        i === 1 ? { ...scenario, name: long.X } : scenario,
      ),
      initiatives: [
        { ...first, name: long.Q },
        { ...second, name: mixed },
        ...rest.map((item, i) => (i === forcedIndex ? { ...item, forcedReason: long.Z } : item)),
      ],
    };
    const { rendered, pack } = await renderPack('long-names', {
      portfolio,
      settings: settingsFor(portfolio, { title: long.P }),
    });
    expect(pack.pages).toBeLessThanOrEqual(40);
    // A chart label or a running header may shorten a name with "…"; elsewhere it is whole.
    const cut = Object.entries(long).flatMap(([letter, word]) => {
      const runs = pack.joined.flatMap((text, index) =>
        [...text.matchAll(new RegExp(`${letter}{10,}(…?)`, 'g'))].map((match) => ({
          page: index + 1,
          length: match[0].length - (match[1] ?? '').length,
          shortened: match[1] === '…',
        })),
      );
      if (runs.length === 0) return [`${letter}${letter}${letter}… is not printed at all`];
      return runs
        .filter((run) => run.length !== word.length && !run.shortened)
        .map((run) => `page ${run.page}: ${run.length} of the ${word.length} ${letter}s`);
    });
    // Soft: the pack's other checks still run and report.
    expect.soft(cut, 'long words printed in part, without "…"').toEqual([]);
    await expectSoundPack(pack, rendered.pages, WITHOUT_FRONTIER, true);
    expect(pack.text[0], 'the cover names the portfolio in full').toContain(name);
  });

  it('a logo that is not a decodable image: the pack is made, with no broken image on the cover', async () => {
    const { rendered, pack } = await renderPack('bad-logo', {
      portfolio: DEMO_PORTFOLIO,
      settings: settingsFor(DEMO_PORTFOLIO, {
        logo: { name: 'logo.png', dataUrl: 'data:image/png;base64,AAAA' },
        sections: ['cover', 'summary'],
      }),
    });
    await expectSoundPack(pack, rendered.pages, [titleOf('summary')], true);
    expect(pack.text[0], 'the alt text of a broken image').not.toContain('logo.png');
    expect((await imagesPerPage(pack.file, pack.pages))[0], 'images on the cover').toBe(0);
  });

  it('refuses an accent that is not a colour, naming `accent`', async () => {
    await expect(
      renderPackPdf(
        { portfolio: DEMO_PORTFOLIO, settings: settingsFor(DEMO_PORTFOLIO, { accent: 'blue' }) },
        { rendererDir: RENDERER_DIST, browser },
      ),
    ).rejects.toThrow(/accent: expected a colour as #rrggbb/);
  });
});

describe('what the print page can reach', () => {
  /** The print page `openPrintPage` opened in `browser` (its own context, the newest one). */
  function printPageIn(given: Browser): Page {
    const pages = given.contexts().flatMap((context) => context.pages());
    const found = pages.find((candidate) => candidate.url().endsWith('/pack.html'));
    if (!found) throw new Error('no print page open');
    return found;
  }

  /** What the page gets when it asks for `url`: the text, the failed status, or 'refused'. */
  function fetchFrom(page: Page, url: string): Promise<string> {
    return page.evaluate(async (address) => {
      try {
        const response = await fetch(address);
        return response.ok ? await response.text() : `status ${response.status}`;
      } catch {
        return 'refused';
      }
    }, url);
  }

  it('reads no file outside the renderer build, and nothing from the network', async () => {
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'not for the pack');
    const page = await openPrintPage({ rendererDir: RENDERER_DIST, browser });
    try {
      const printPage = printPageIn(browser);
      // The page's own files are served, so a refusal below is a refusal, not a broken page.
      expect(await fetchFrom(printPage, 'pack.html')).toContain('<div id="root">');

      expect(await fetchFrom(printPage, pathToFileURL(secret).href)).toBe('refused');
      expect(await fetchFrom(printPage, 'file:///etc/hostname')).toBe('refused');
      // Up out of the build with encoded slashes, which the address itself does not resolve.
      const up = relative(resolve(RENDERER_DIST), secret).split('/').join('%2F');
      expect(await fetchFrom(printPage, `/${up}`)).toBe('refused');
      expect(await fetchFrom(printPage, 'http://example.com/')).toBe('refused');
      // A file the build does not have is not found.
      expect(await fetchFrom(printPage, '/assets/none.js')).toBe('status 404');

      // The page still prints after what it was refused.
      const rendered = await page.render(
        withMetrics({
          portfolio: DEMO_PORTFOLIO,
          settings: settingsFor(DEMO_PORTFOLIO, { sections: ['cover'] }),
        }),
      );
      expect(rendered.pages).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
