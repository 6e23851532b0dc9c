/**
 * The board pack builder's settings: sensible defaults for a portfolio, and the checks every
 * renderer runs on what it is given (a bad colour, date or section names what is wrong).
 */
import type { Review } from '../cadence/types';
import type { Portfolio } from '../portfolio/types';
import {
  ORIENTATIONS,
  PACK_SECTIONS,
  PAGE_SIZES,
  REVIEW_PACK_SECTIONS,
  REVIEW_SECTIONS,
  type PackInput,
  type PackSectionId,
  type PackSettings,
} from './types';

export const DEFAULT_ACCENT = '#2d3a78';
export const MAX_TITLE = 120;
/** A logo larger than this (as a data URL) would bloat every pack. */
export const MAX_LOGO_BYTES = 1024 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp', 'image/gif'];

export function defaultPackSettings(portfolio: Portfolio, today: string): PackSettings {
  return {
    title: 'Portfolio review',
    // `checkPackInput` refuses a longer organisation, and a portfolio name may be longer.
    organisation: portfolio.name.slice(0, MAX_TITLE),
    date: today,
    accent: DEFAULT_ACCENT,
    pageSize: 'A4',
    orientation: 'portrait',
    // The review sections print only in a pack made for a review.
    sections: PACK_SECTIONS.filter((id) => !REVIEW_SECTIONS.includes(id)),
  };
}

/**
 * The settings of a pack made for `review`: titled and dated as the review, with the sections
 * its kind picks (`REVIEW_PACK_SECTIONS`); the rest as `defaultPackSettings`.
 */
export function reviewPackSettings(
  portfolio: Portfolio,
  review: Pick<Review, 'title' | 'kind' | 'date'>,
): PackSettings {
  return {
    ...defaultPackSettings(portfolio, review.date),
    title: review.title.trim().slice(0, MAX_TITLE) || 'Portfolio review',
    sections: [...REVIEW_PACK_SECTIONS[review.kind]],
  };
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Reads a comma-separated section list ("cover,summary,ranked"), in the order given. */
export function parseSectionList(text: string): Checked<PackSectionId[]> {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) {
    return { ok: false, error: `--sections: name at least one of ${PACK_SECTIONS.join(', ')}` };
  }
  const unknown = names.filter((name) => !(PACK_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `--sections: unknown section ${unknown.map((name) => `"${name}"`).join(', ')}; choose from ${PACK_SECTIONS.join(', ')}`,
    };
  }
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) {
    return { ok: false, error: `--sections: "${repeated[0]}" is named twice` };
  }
  return { ok: true, value: names as PackSectionId[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD date exists: `Date.parse` rolls 2027-02-30 over to 2 March. */
function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** The problem with one settings field, or null when it is fine. */
function settingsProblem(settings: Record<string, unknown>): string | null {
  const {
    title,
    organisation,
    date,
    since,
    accent,
    pageSize,
    orientation,
    sections,
    logo,
    workshopId,
  } = settings;
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE) {
    return `title: expected 1 to ${MAX_TITLE} characters`;
  }
  if (typeof organisation !== 'string' || organisation.length > MAX_TITLE) {
    return `organisation: expected at most ${MAX_TITLE} characters`;
  }
  if (typeof date !== 'string' || !isoDate.test(date) || !isRealDate(date)) {
    return 'date: expected a date as YYYY-MM-DD';
  }
  if (since !== undefined) {
    if (typeof since !== 'string' || !isoDate.test(since) || !isRealDate(since)) {
      return 'since: expected a date as YYYY-MM-DD';
    }
    // ISO dates sort as they read. A later one would list the decisions of no day at all.
    if (since > date) return `since: expected a date on or before the pack's date (${date})`;
  }
  if (typeof accent !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(accent)) {
    return 'accent: expected a colour as #rrggbb';
  }
  if (!(PAGE_SIZES as readonly unknown[]).includes(pageSize)) {
    return `pageSize: expected ${PAGE_SIZES.join(' or ')}`;
  }
  if (!(ORIENTATIONS as readonly unknown[]).includes(orientation)) {
    return `orientation: expected ${ORIENTATIONS.join(' or ')}`;
  }
  if (!Array.isArray(sections) || sections.length === 0) {
    return 'sections: choose at least one section';
  }
  // Each entry must be a section id as it stands: joined, "cover,summary" would read as two.
  const strange = sections.findIndex(
    (name) => typeof name !== 'string' || !(PACK_SECTIONS as readonly string[]).includes(name),
  );
  if (strange >= 0) {
    return `sections: unknown section ${JSON.stringify(sections[strange]) ?? 'undefined'}; choose from ${PACK_SECTIONS.join(', ')}`;
  }
  const listed = parseSectionList(sections.join(','));
  if (!listed.ok) return listed.error.replace('--sections', 'sections');
  if (logo !== undefined) {
    if (!isRecord(logo) || typeof logo.dataUrl !== 'string' || typeof logo.name !== 'string') {
      return 'logo: expected a name and an image';
    }
    const type = /^data:([^;,]+)[;,]/.exec(logo.dataUrl)?.[1];
    if (!type || !LOGO_TYPES.includes(type)) {
      return `logo: ${logo.name} is not a PNG, JPEG, SVG, WebP or GIF image`;
    }
    if (logo.dataUrl.length > (MAX_LOGO_BYTES * 4) / 3 + 64) {
      return `logo: ${logo.name} is larger than 1 MB`;
    }
  }
  if (workshopId !== undefined && (typeof workshopId !== 'string' || workshopId === '')) {
    return 'workshopId: expected the id of a workshop session';
  }
  return null;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** What is wrong with a frozen analysis, or null (bounds may be null: JSON has no Infinity). */
function analysisProblem(analysis: unknown): string | null {
  if (!isRecord(analysis)) return 'expected an object';
  if (typeof analysis.frozenAt !== 'string') return 'frozenAt: expected a date and time';
  const { optimize, frontier } = analysis;
  if (optimize !== undefined) {
    if (!isRecord(optimize)) return 'optimize: expected an object';
    if (!['optimal', 'feasible', 'infeasible', 'unknown'].includes(String(optimize.status))) {
      return 'optimize.status: expected optimal, feasible, infeasible or unknown';
    }
    for (const key of ['objective', 'elapsed', 'spend'] as const) {
      if (!isNumber(optimize[key])) return `optimize.${key}: expected a number`;
    }
    if (!Array.isArray(optimize.selected)) return 'optimize.selected: expected a list';
  }
  if (frontier !== undefined) {
    if (!isRecord(frontier)) return 'frontier: expected an object';
    if (!Array.isArray(frontier.points) || !Array.isArray(frontier.greedy)) {
      return 'frontier: expected lists of points and greedy';
    }
    const bad = frontier.points.findIndex(
      (point) => !isRecord(point) || !isNumber(point.budget) || !isNumber(point.value),
    );
    if (bad >= 0) return `frontier.points[${bad}]: expected a budget and a value`;
  }
  return null;
}

/** What is wrong with a pack's review context, or null. */
function reviewProblem(review: unknown): string | null {
  if (!isRecord(review)) return 'expected an object';
  const meeting = review.review;
  if (
    !isRecord(meeting) ||
    typeof meeting.id !== 'string' ||
    typeof meeting.title !== 'string' ||
    typeof meeting.date !== 'string' ||
    !Array.isArray(meeting.agenda)
  ) {
    return 'review: expected a review with an id, a title, a date and an agenda';
  }
  if (review.previous !== undefined && !isRecord(review.previous)) {
    return 'previous: expected a review';
  }
  const baseline = review.baseline;
  if (
    baseline !== undefined &&
    (!isRecord(baseline) ||
      !['periods', 'teams', 'objectives', 'initiatives', 'scenarios'].every((key) =>
        Array.isArray(baseline[key]),
      ))
  ) {
    return 'baseline: expected the portfolio of the previous review’s snapshot';
  }
  const held = review.held;
  if (
    held !== undefined &&
    (!isRecord(held) ||
      !['periods', 'teams', 'objectives', 'initiatives', 'scenarios'].every((key) =>
        Array.isArray(held[key]),
      ))
  ) {
    return 'held: expected the portfolio of the review’s own snapshot';
  }
  if (!Array.isArray(review.actions) || !review.actions.every(isRecord)) {
    return 'actions: expected a list of actions';
  }
  return null;
}

/** What is wrong with the pack's metrics (a `MetricsReport`), or null. */
function metricsProblem(metrics: unknown): string | null {
  if (!isRecord(metrics)) return 'expected the metrics report';
  if (typeof metrics.asOf !== 'string') return 'asOf: expected a date';
  for (const key of ['definitions', 'trends', 'dashboard'] as const) {
    const list = metrics[key];
    if (!Array.isArray(list) || !list.every(isRecord)) return `${key}: expected a list`;
  }
  const trends = metrics.trends as Record<string, unknown>[];
  const bad = trends.findIndex(
    (trend) =>
      typeof trend.id !== 'string' ||
      !Array.isArray(trend.points) ||
      !trend.points.every(isRecord) ||
      !Array.isArray(trend.drill),
  );
  if (bad >= 0) return `trends[${bad}]: expected an id, points and drill-down rows`;
  return null;
}

/**
 * Checks what a renderer was handed before it draws anything: a portfolio with its lists, and
 * settings that make sense. The error says which field is wrong and how.
 */
export function checkPackInput(input: unknown): Checked<PackInput> {
  if (!isRecord(input)) return { ok: false, error: 'The pack input is not an object.' };
  const { portfolio, settings, analysis, review, metrics } = input;
  if (
    !isRecord(portfolio) ||
    typeof portfolio.name !== 'string' ||
    !['periods', 'teams', 'objectives', 'initiatives', 'scenarios'].every((key) =>
      Array.isArray(portfolio[key]),
    )
  ) {
    return { ok: false, error: 'The pack input has no readable portfolio.' };
  }
  if (
    portfolio.decisions !== undefined &&
    (!Array.isArray(portfolio.decisions) || !portfolio.decisions.every(isRecord))
  ) {
    return {
      ok: false,
      error: 'The pack input has a decision log that is not a list of decisions.',
    };
  }
  if (
    portfolio.workshops !== undefined &&
    (!Array.isArray(portfolio.workshops) || !portfolio.workshops.every(isRecord))
  ) {
    return {
      ok: false,
      error: 'The pack input has workshop sessions that are not a list of sessions.',
    };
  }
  if (!isRecord(settings)) return { ok: false, error: 'The pack input has no settings.' };
  const problem = settingsProblem(settings);
  if (problem) return { ok: false, error: `Pack settings, ${problem}.` };
  if (analysis !== undefined) {
    const broken = analysisProblem(analysis);
    if (broken) return { ok: false, error: `The pack's optimizer analysis, ${broken}.` };
  }
  if (review !== undefined) {
    const wrong = reviewProblem(review);
    if (wrong) return { ok: false, error: `The pack's review, ${wrong}.` };
  }
  if (metrics !== undefined) {
    const off = metricsProblem(metrics);
    if (off) return { ok: false, error: `The pack's metrics, ${off}.` };
  }
  if (
    portfolio.selfReviews !== undefined &&
    (!Array.isArray(portfolio.selfReviews) ||
      !portfolio.selfReviews.every(
        (entry) =>
          isRecord(entry) && typeof entry.date === 'string' && Array.isArray(entry.answers),
      ))
  ) {
    return {
      ok: false,
      error: 'The pack input has self-reviews that are not a list of dated reviews with answers.',
    };
  }
  return { ok: true, value: input as PackInput };
}
