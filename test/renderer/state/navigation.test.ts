import { describe, expect, it } from 'vitest';
import {
  formatLocationHash,
  parseLocationHash,
} from '../../../renderer/state/slices/navigationSlice';

describe('the location in the URL hash', () => {
  it('round-trips areas, tabs and the open initiative', () => {
    for (const hash of [
      '#/portfolio/initiatives',
      '#/portfolio/teams',
      '#/strategy',
      '#/strategy/weights',
      '#/strategy/alignment',
      '#/strategy/alignment/growth-push',
      '#/portfolio/initiatives/crm%2Frevamp',
      '#/prioritize/board',
      '#/prioritize/roadmap/growth-push',
      '#/prioritize/scenarios/a%2Fb',
    ]) {
      expect(formatLocationHash(parseLocationHash(hash))).toBe(hash);
    }
    expect(parseLocationHash('#/portfolio/initiatives/crm%2Frevamp').initiativeId).toBe(
      'crm/revamp',
    );
  });

  it('falls back to the initiative list for an unknown or empty hash', () => {
    const list = {
      area: 'portfolio',
      strategyView: 'tree',
      tab: 'initiatives',
      initiativeId: null,
      view: 'board',
      scenarioId: null,
    };
    expect(parseLocationHash('')).toEqual(list);
    expect(parseLocationHash('#/nowhere/at/all')).toEqual(list);
    expect(parseLocationHash('#/strategy/elsewhere')).toMatchObject({
      area: 'strategy',
      strategyView: 'tree',
    });
    expect(parseLocationHash('#/prioritize/elsewhere')).toMatchObject({
      area: 'prioritize',
      view: 'board',
    });
  });
});
