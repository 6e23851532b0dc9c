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

export type Location = {
  readonly area: Area;
  /** The view open in Strategy. */
  readonly strategyView: StrategyView;
  readonly tab: PortfolioTab;
  /** The initiative open in the editor, if any. */
  readonly initiativeId: string | null;
  /** The view open in Prioritize. */
  readonly view: PrioritizeView;
  /** The scenario Prioritize shows; null: the first one. */
  readonly scenarioId: string | null;
};

export const DEFAULT_LOCATION: Location = {
  area: 'portfolio',
  strategyView: 'tree',
  tab: 'initiatives',
  initiativeId: null,
  view: 'board',
  scenarioId: null,
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
  const [area, tab, ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeSegment);
  if (!(AREAS as readonly string[]).includes(area ?? '')) return DEFAULT_LOCATION;
  const validArea = area as Area;
  if (validArea === 'strategy') {
    const strategyView = (STRATEGY_VIEWS as readonly string[]).includes(tab ?? '')
      ? (tab as StrategyView)
      : 'tree';
    // The alignment view shows what the board's scenario funds: its address names the scenario.
    const scenarioId = strategyView === 'alignment' && rest.length > 0 ? rest.join('/') : null;
    return { ...DEFAULT_LOCATION, area: validArea, strategyView, scenarioId };
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
      if (patch.area && patch.area !== 'portfolio') {
        return { location: { ...next, initiativeId: null } };
      }
      return { location: next };
    }),
});
