import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export const AREAS = [
  'strategy',
  'intake',
  'portfolio',
  'prioritize',
  'workshop',
  'cadence',
  'decisions',
  'metrics',
  'board-pack',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];

export const PORTFOLIO_TABS = ['initiatives', 'teams', 'periods'] as const;
export type PortfolioTab = (typeof PORTFOLIO_TABS)[number];

export const PRIORITIZE_VIEWS = ['board', 'roadmap', 'optimize', 'scenarios'] as const;
export type PrioritizeView = (typeof PRIORITIZE_VIEWS)[number];

export const STRATEGY_VIEWS = ['tree', 'weights', 'scoring', 'alignment'] as const;
export type StrategyView = (typeof STRATEGY_VIEWS)[number];

/** What Workshop shows of a session: its steps, or the final ranking in presentation mode. */
export const WORKSHOP_VIEWS = ['session', 'present'] as const;
export type WorkshopView = (typeof WORKSHOP_VIEWS)[number];

/** What Intake shows: the pipeline board (or one proposal, by `proposalId`), or its settings. */
export const INTAKE_VIEWS = ['board', 'settings'] as const;
export type IntakeView = (typeof INTAKE_VIEWS)[number];

/** What Cadence shows: the calendar by month or as a list, or the snapshots. */
export const CADENCE_VIEWS = ['month', 'list', 'snapshots'] as const;
export type CadenceView = (typeof CADENCE_VIEWS)[number];

/** What Metrics shows: the dashboard, the actuals grid, the trends, or the PMO's self-review. */
export const METRICS_VIEWS = ['dashboard', 'actuals', 'trends', 'self-review'] as const;
export type MetricsView = (typeof METRICS_VIEWS)[number];

export type Location = {
  readonly area: Area;
  /** The workshop session open in Workshop; null: the list of sessions. */
  readonly workshopId: string | null;
  /** What Workshop shows of the open session. */
  readonly workshopView: WorkshopView;
  /** The view open in Strategy. */
  readonly strategyView: StrategyView;
  readonly tab: PortfolioTab;
  /** The initiative open in the editor, if any. */
  readonly initiativeId: string | null;
  /** The view open in Prioritize. */
  readonly view: PrioritizeView;
  /** The scenario Prioritize shows; null: the first one. */
  readonly scenarioId: string | null;
  /** What Intake shows when no proposal is open. */
  readonly intakeView: IntakeView;
  /** The proposal open in Intake; null: the pipeline board (or the settings). */
  readonly proposalId: string | null;
  /** The review the Board pack is made for (`#/board-pack?review=<id>`); null: a general pack. */
  readonly packReviewId: string | null;
  /** What Cadence shows when no review or snapshot is open. */
  readonly cadenceView: CadenceView;
  /** The review open in Cadence; null: the calendar (or a snapshot). */
  readonly reviewId: string | null;
  /** The snapshot open, read-only, in Cadence. */
  readonly snapshotId: string | null;
  /** What Metrics shows. */
  readonly metricsView: MetricsView;
  /** The period the actuals grid shows (`#/metrics/actuals/<period id>`); null: the current one. */
  readonly metricsPeriodId: string | null;
  /** The metric open in Trends (`#/metrics/trends/<metric id>`); null: the first one. */
  readonly metricId: string | null;
};

export const DEFAULT_LOCATION: Location = {
  area: 'portfolio',
  workshopId: null,
  workshopView: 'session',
  strategyView: 'tree',
  tab: 'initiatives',
  initiativeId: null,
  view: 'board',
  scenarioId: null,
  intakeView: 'board',
  proposalId: null,
  packReviewId: null,
  cadenceView: 'month',
  reviewId: null,
  snapshotId: null,
  metricsView: 'dashboard',
  metricsPeriodId: null,
  metricId: null,
};

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reads a location from a URL hash such as `#/portfolio/initiatives/crm-revamp`,
 * `#/prioritize/board/growth-push` or `#/strategy/weights`.
 */
export function parseLocationHash(hash: string): Location {
  // A query (`?review=<id>`) follows the path; ids in the path are encoded, so `?` starts it.
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split(/\?(.*)/s, 2);
  const [area, tab, ...rest] = path.split('/').map(decodeSegment);
  if (!(AREAS as readonly string[]).includes(area ?? '')) return DEFAULT_LOCATION;
  const validArea = area as Area;
  if (validArea === 'board-pack') {
    // `#/board-pack` and `#/board-pack?review=<id>`: the pack for one review.
    const review = new URLSearchParams(query).get('review');
    return { ...DEFAULT_LOCATION, area: validArea, packReviewId: review || null };
  }
  if (validArea === 'strategy') {
    const strategyView = (STRATEGY_VIEWS as readonly string[]).includes(tab ?? '')
      ? (tab as StrategyView)
      : 'tree';
    // The alignment view shows what the board's scenario funds: its address names the scenario.
    const scenarioId = strategyView === 'alignment' && rest.length > 0 ? rest.join('/') : null;
    return { ...DEFAULT_LOCATION, area: validArea, strategyView, scenarioId };
  }
  if (validArea === 'workshop') {
    // `#/workshop/<session id>` and `#/workshop/<session id>/present`.
    const present = rest.length > 0 && rest[rest.length - 1] === 'present';
    return {
      ...DEFAULT_LOCATION,
      area: validArea,
      workshopId: tab ? [tab, ...(present ? rest.slice(0, -1) : rest)].join('/') : null,
      workshopView: tab && present ? 'present' : 'session',
    };
  }
  if (validArea === 'intake') {
    // `#/intake`, `#/intake/settings` and `#/intake/<proposal id>`. Generated proposal ids
    // (`q-…`) never read "settings".
    const parts = [tab, ...rest].filter((part): part is string => Boolean(part));
    if (parts.length === 0) return { ...DEFAULT_LOCATION, area: validArea };
    if (parts.length === 1 && parts[0] === 'settings') {
      return { ...DEFAULT_LOCATION, area: validArea, intakeView: 'settings' };
    }
    return { ...DEFAULT_LOCATION, area: validArea, proposalId: parts.join('/') };
  }
  if (validArea === 'cadence') {
    // `#/cadence`, `#/cadence/list`, `#/cadence/snapshots`, `#/cadence/review/<id>` and
    // `#/cadence/snapshot/<id>`.
    const id = rest.length > 0 ? rest.join('/') : null;
    if (tab === 'review' && id) return { ...DEFAULT_LOCATION, area: validArea, reviewId: id };
    if (tab === 'snapshot' && id) {
      return { ...DEFAULT_LOCATION, area: validArea, cadenceView: 'snapshots', snapshotId: id };
    }
    const cadenceView = (CADENCE_VIEWS as readonly string[]).includes(tab ?? '')
      ? (tab as CadenceView)
      : 'month';
    return { ...DEFAULT_LOCATION, area: validArea, cadenceView };
  }
  if (validArea === 'metrics') {
    // `#/metrics`, `#/metrics/actuals[/<period id>]`, `#/metrics/trends[/<metric id>]` and
    // `#/metrics/self-review`.
    const metricsView = (METRICS_VIEWS as readonly string[]).includes(tab ?? '')
      ? (tab as MetricsView)
      : 'dashboard';
    const id = rest.length > 0 ? rest.join('/') : null;
    return {
      ...DEFAULT_LOCATION,
      area: validArea,
      metricsView,
      metricsPeriodId: metricsView === 'actuals' ? id : null,
      metricId: metricsView === 'trends' ? id : null,
    };
  }
  if (validArea === 'prioritize') {
    const view = (PRIORITIZE_VIEWS as readonly string[]).includes(tab ?? '')
      ? (tab as PrioritizeView)
      : 'board';
    return {
      ...DEFAULT_LOCATION,
      area: validArea,
      view,
      scenarioId: rest[0] ? rest.join('/') : null,
    };
  }
  const validTab = (PORTFOLIO_TABS as readonly string[]).includes(tab ?? '')
    ? (tab as PortfolioTab)
    : 'initiatives';
  const initiativeId =
    validArea === 'portfolio' && validTab === 'initiatives' && rest[0] ? rest.join('/') : null;
  return { ...DEFAULT_LOCATION, area: validArea, tab: validTab, initiativeId };
}

/** Writes a location as a URL hash. */
export function formatLocationHash(location: Location): string {
  if (location.area === 'prioritize') {
    const base = `#/prioritize/${location.view}`;
    return location.scenarioId ? `${base}/${encodeURIComponent(location.scenarioId)}` : base;
  }
  if (location.area === 'strategy') {
    if (location.strategyView === 'tree') return '#/strategy';
    const base = `#/strategy/${location.strategyView}`;
    return location.strategyView === 'alignment' && location.scenarioId
      ? `${base}/${encodeURIComponent(location.scenarioId)}`
      : base;
  }
  if (location.area === 'intake') {
    if (location.proposalId) return `#/intake/${encodeURIComponent(location.proposalId)}`;
    return location.intakeView === 'settings' ? '#/intake/settings' : '#/intake';
  }
  if (location.area === 'cadence') {
    if (location.reviewId) return `#/cadence/review/${encodeURIComponent(location.reviewId)}`;
    if (location.snapshotId) return `#/cadence/snapshot/${encodeURIComponent(location.snapshotId)}`;
    return location.cadenceView === 'month' ? '#/cadence' : `#/cadence/${location.cadenceView}`;
  }
  if (location.area === 'metrics') {
    if (location.metricsView === 'dashboard') return '#/metrics';
    const base = `#/metrics/${location.metricsView}`;
    const id =
      location.metricsView === 'actuals'
        ? location.metricsPeriodId
        : location.metricsView === 'trends'
          ? location.metricId
          : null;
    return id ? `${base}/${encodeURIComponent(id)}` : base;
  }
  if (location.area === 'workshop' && location.workshopId) {
    const base = `#/workshop/${encodeURIComponent(location.workshopId)}`;
    return location.workshopView === 'present' ? `${base}/present` : base;
  }
  if (location.area === 'board-pack' && location.packReviewId) {
    return `#/board-pack?review=${encodeURIComponent(location.packReviewId)}`;
  }
  if (location.area !== 'portfolio') return `#/${location.area}`;
  const base = `#/portfolio/${location.tab}`;
  return location.tab === 'initiatives' && location.initiativeId
    ? `${base}/${encodeURIComponent(location.initiativeId)}`
    : base;
}

export type NavigationSlice = {
  location: Location;
  navigate: (location: Partial<Location>) => void;
};

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set) => ({
  location: DEFAULT_LOCATION,
  navigate: (patch) =>
    set((state) => {
      const next = { ...state.location, ...patch };
      if (patch.area && patch.area !== 'workshop' && patch.area !== state.location.area) {
        Object.assign(next, { workshopId: null, workshopView: 'session' });
      }
      // Leaving Intake closes its proposal: it opens on its board the next time.
      if (patch.area && patch.area !== 'intake' && patch.area !== state.location.area) {
        Object.assign(next, { proposalId: null, intakeView: 'board' });
      }
      // Leaving Cadence closes its review or snapshot.
      if (patch.area && patch.area !== 'cadence' && patch.area !== state.location.area) {
        Object.assign(next, { reviewId: null, snapshotId: null });
      }
      // Leaving the Board pack ends the pack for a review: it opens as the general pack next time.
      if (patch.area && patch.area !== 'board-pack' && patch.area !== state.location.area) {
        Object.assign(next, { packReviewId: null });
      }
      if (patch.area && patch.area !== 'portfolio') {
        return { location: { ...next, initiativeId: null } };
      }
      return { location: next };
    }),
});
