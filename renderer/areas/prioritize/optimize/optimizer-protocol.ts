/** Messages between the page and the optimizer's Web Worker. */
import type { Frontier, FrontierPoint } from '../../../../shared/optimize/frontier';
import type { OptimizeProgress, OptimizeResult } from '../../../../shared/optimize/optimize';
import type { Robustness } from '../../../../shared/optimize/robustness';
import type { WhatItTakes } from '../../../../shared/optimize/what-it-takes';
import type { Portfolio } from '../../../../shared/portfolio/types';

export type OptimizerRequest =
  | {
      readonly kind: 'optimize';
      readonly portfolio: Portfolio;
      readonly scenarioId: string;
      readonly timeLimit: number;
      /** Which differently seeded search to run (0 when absent). */
      readonly seed?: number;
    }
  | {
      readonly kind: 'frontier';
      readonly portfolio: Portfolio;
      readonly scenarioId: string;
      readonly points: number;
      readonly timeLimit: number;
    }
  | {
      readonly kind: 'what-it-takes';
      readonly portfolio: Portfolio;
      readonly scenarioId: string;
      readonly plan: OptimizeResult;
      readonly id: string;
      readonly timeLimit: number;
    }
  | {
      readonly kind: 'robustness';
      readonly portfolio: Portfolio;
      readonly scenarioId: string;
      readonly runs: number;
      readonly range: number;
      readonly seed: number;
      readonly timeLimitPerRun: number;
    };

export type OptimizerResults = {
  readonly optimize: OptimizeResult;
  readonly frontier: Frontier;
  readonly 'what-it-takes': WhatItTakes;
  readonly robustness: Robustness;
};

export type OptimizerProgress =
  | { readonly kind: 'optimize'; readonly progress: OptimizeProgress }
  | {
      readonly kind: 'frontier';
      readonly point: FrontierPoint;
      readonly index: number;
      readonly count: number;
    }
  | {
      readonly kind: 'robustness';
      readonly done: number;
      readonly counts: Readonly<Record<string, number>>;
    };

/** Page → worker. `stop` is a shared flag the worker polls (when the page can share memory). */
export type ToWorker = {
  readonly job: number;
  readonly request: OptimizerRequest;
  readonly stop?: SharedArrayBuffer;
};

/** Worker → page. */
export type FromWorker =
  | { readonly job: number; readonly type: 'progress'; readonly progress: OptimizerProgress }
  | {
      readonly job: number;
      readonly type: 'done';
      readonly result: OptimizerResults[keyof OptimizerResults];
    }
  | { readonly job: number; readonly type: 'error'; readonly message: string };
