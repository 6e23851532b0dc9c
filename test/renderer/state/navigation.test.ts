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
      workshopId: null,
      workshopView: 'session',
      intakeView: 'board',
      proposalId: null,
      cadenceView: 'month',
      reviewId: null,
      snapshotId: null,
      packReviewId: null,
      metricsView: 'dashboard',
      metricsPeriodId: null,
      metricId: null,
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

  it('names a workshop session and its presentation mode', () => {
    for (const hash of ['#/workshop', '#/workshop/w1', '#/workshop/w1/present']) {
      expect(formatLocationHash(parseLocationHash(hash))).toBe(hash);
    }
    expect(parseLocationHash('#/workshop/q1%2Fplan/present')).toMatchObject({
      area: 'workshop',
      workshopId: 'q1/plan',
      workshopView: 'present',
    });
    expect(parseLocationHash('#/workshop')).toMatchObject({
      workshopId: null,
      workshopView: 'session',
    });
  });

  it('names the intake board, its settings and an open proposal', () => {
    for (const hash of ['#/intake', '#/intake/settings', '#/intake/q-abc', '#/intake/q%2Fx']) {
      expect(formatLocationHash(parseLocationHash(hash))).toBe(hash);
    }
    expect(parseLocationHash('#/intake')).toMatchObject({
      area: 'intake',
      intakeView: 'board',
      proposalId: null,
    });
    expect(parseLocationHash('#/intake/settings')).toMatchObject({
      intakeView: 'settings',
      proposalId: null,
    });
    expect(parseLocationHash('#/intake/q%2Fx')).toMatchObject({ proposalId: 'q/x' });
    expect(parseLocationHash('#/intake/')).toMatchObject({ area: 'intake', proposalId: null });
  });
});
