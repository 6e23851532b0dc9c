import type { StateCreator } from 'zustand';
import type { Frontier, FrontierPoint } from '../../../shared/optimize/frontier';
import type { OptimizeProgress, OptimizeResult } from '../../../shared/optimize/optimize';
import type { Robustness } from '../../../shared/optimize/robustness';
import type { WhatItTakes } from '../../../shared/optimize/what-it-takes';
import type { AppState } from '../store';

/** Where a background job is: running, asked to stop, finished, or failed. */
export type JobPhase = 'running' | 'stopping' | 'done' | 'failed';

type Job = {
  readonly phase: JobPhase;
  /** Fingerprint of the portfolio the job ran on (to tell when the result is out of date). */
  readonly key: string;
  readonly error?: string;
  /** Stops the job (while it runs). */
  readonly stop?: () => void;
};

export type OptimizeJob = Job & {
  readonly progress?: OptimizeProgress;
  /** The best plan so far, as progress brought it. */
  readonly best?: OptimizeProgress['plan'];
  readonly result?: OptimizeResult;
};

export type FrontierJob = Job & {
  readonly points: readonly FrontierPoint[];
  readonly count: number;
  readonly result?: Frontier;
};

export type RobustnessJob = Job & {
  readonly runs: number;
  readonly range: number;
  readonly done: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly result?: Robustness;
};

export type WhatItTakesJob = Job & { readonly id: string; readonly result?: WhatItTakes };

/** The optimizer's results for one scenario, kept while the app is open. */
export type ScenarioAnalyses = {
  readonly optimize?: OptimizeJob;
  readonly frontier?: FrontierJob;
  readonly robustness?: RobustnessJob;
  readonly whatItTakes?: WhatItTakesJob;
};

export type OptimizeSlice = {
  analyses: Readonly<Record<string, ScenarioAnalyses>>;
  updateAnalyses: (
    scenarioId: string,
    update: (analyses: ScenarioAnalyses) => ScenarioAnalyses,
  ) => void;
};

export const createOptimizeSlice: StateCreator<AppState, [], [], OptimizeSlice> = (set) => ({
  analyses: {},
  updateAnalyses: (scenarioId, update) =>
    set((state) => ({
      analyses: { ...state.analyses, [scenarioId]: update(state.analyses[scenarioId] ?? {}) },
    })),
});

/** Whether any job of these analyses is still running. */
export function isBusy(analyses: ScenarioAnalyses | undefined): boolean {
  if (!analyses) return false;
  return [analyses.optimize, analyses.frontier, analyses.robustness, analyses.whatItTakes].some(
    (job) => job?.phase === 'running' || job?.phase === 'stopping',
  );
}
