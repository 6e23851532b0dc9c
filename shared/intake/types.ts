/**
 * The domain model of intake: proposals for new work, the stages they pass through, and the
 * settings of the strategic-fit gate a proposal must pass before it competes for capacity.
 *
 * A proposal is not an initiative yet. It says what problem it solves, what it would achieve and
 * how big it is; the gate (`gate.ts`) checks it against the PMO's rules, and approving it
 * (`approve.ts`) makes it an initiative of status `approved`. Like the portfolio's entities, every
 * record may carry `extras`: keys a reader did not know, kept in their original order.
 */
import type { Extras, ObjectiveLink, ScoringModelKind } from '../portfolio/types';

/**
 * The stages of a proposal, in pipeline order: Draft → Submitted → Screening → Approved, Deferred
 * or Rejected. Deferred can come back (to Submitted or Screening); `stages.ts` says which moves
 * are allowed.
 */
export const INTAKE_STAGES = [
  'draft',
  'submitted',
  'screening',
  'approved',
  'deferred',
  'rejected',
] as const;
export type IntakeStage = (typeof INTAKE_STAGES)[number];

/** The stages a gate decision leads to: approve, defer (with a date to revisit) or reject. */
export const DECISION_STAGES = ['approved', 'deferred', 'rejected'] as const;
export type DecisionStage = (typeof DECISION_STAGES)[number];

/** The stages a proposal is still waiting in: not approved and not rejected. */
export const OPEN_STAGES = ['draft', 'submitted', 'screening', 'deferred'] as const;

/** The stage names shown when the PMO has not renamed them. */
export const DEFAULT_STAGE_LABELS: Readonly<Record<IntakeStage, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  screening: 'Screening',
  approved: 'Approved',
  deferred: 'Deferred',
  rejected: 'Rejected',
};

/** T-shirt sizes, smallest first. */
export const TSHIRT_SIZES = ['S', 'M', 'L', 'XL', 'XXL'] as const;
export type TShirtSize = (typeof TSHIRT_SIZES)[number];

/** One move of a proposal into a stage, on a date. */
export type StageChange = {
  readonly stage: IntakeStage;
  /** ISO date (YYYY-MM-DD) the proposal entered the stage. */
  readonly date: string;
  /** The decision-log entry that moved it, for a gate decision. */
  readonly decisionId?: string;
  readonly extras?: Extras;
};

/** "We believe <believe> will result in <result>, measured by <measure>." */
export type Hypothesis = {
  readonly believe?: string;
  readonly result?: string;
  readonly measure?: string;
  readonly extras?: Extras;
};

/** A document kept elsewhere, by link: a business case, a slide deck, a ticket. */
export type Attachment = {
  readonly label: string;
  /** An http or https address. */
  readonly url: string;
  readonly extras?: Extras;
};

/**
 * A proposal for new work. Its size is a t-shirt `size`, mapped to demand by the PMO's size
 * templates (`IntakeSettings.sizes`), or an explicit `demand` per team, which wins when both are
 * given. `demand` and `spend` have the shape an initiative's have: one number per active period
 * from the start on.
 */
export type Proposal = {
  readonly id: string;
  readonly title: string;
  /** The current stage; the last entry of `history` says since when. */
  readonly stage: IntakeStage;
  /** Every move into a stage, oldest first; the last one is the current stage. */
  readonly history: readonly StageChange[];
  /** The problem or opportunity, in the sponsor's words. */
  readonly problem?: string;
  /** What will be different when it is done. */
  readonly outcome?: string;
  readonly hypothesis?: Hypothesis;
  /** The objectives it serves, with a contribution of 1 (weak) to 3 (strong), as an initiative's. */
  readonly objectives?: readonly ObjectiveLink[];
  /** Who asks for it and pays for it. */
  readonly sponsor?: string;
  /** Who would be accountable for delivering it. */
  readonly owner?: string;
  readonly size?: TShirtSize;
  /** Explicit demand per team id, one number per active period from the start on. */
  readonly demand?: Readonly<Record<string, readonly number[]>>;
  /** Active periods, when longer than the demand and spend lists. */
  readonly duration?: number;
  /** Cost per active period, in the portfolio's currency. */
  readonly spend?: readonly number[];
  /** Period id it cannot start before. */
  readonly earliestStart?: string;
  /** Initiative ids it needs finished first. */
  readonly dependsOn?: readonly string[];
  /** Initiative ids it cannot be done together with. */
  readonly excludes?: readonly string[];
  readonly attachments?: readonly Attachment[];
  /** Inputs to the scoring model, by criterion id, as an initiative's. */
  readonly scores?: Readonly<Record<string, number>>;
  /** The business case, as text (or a summary with the full case among the attachments). */
  readonly businessCase?: string;
  /** ISO date to look at a deferred proposal again. */
  readonly revisitOn?: string;
  /** The initiative approving it made. */
  readonly initiativeId?: string;
  /** The decision-log entries about it (gate decisions), oldest first. */
  readonly decisionIds?: readonly string[];
  readonly extras?: Extras;
};

/**
 * What a t-shirt size stands for: the demand per team id for each active period, the number of
 * active periods, and optionally a cost per active period (used when a proposal gives none).
 */
export type SizeTemplate = {
  readonly duration: number;
  readonly demand: Readonly<Record<string, readonly number[]>>;
  readonly spend?: readonly number[];
  readonly extras?: Extras;
};

/**
 * Linked to an objective that matters: the best of the proposal's links, global weight ×
 * contribution, must be at least `minimum`. A strong link (3) to an objective of 10 % gives 0.30.
 */
export type ObjectiveFitRule = {
  readonly enabled: boolean;
  readonly minimum: number;
  readonly extras?: Extras;
};

/**
 * Worth doing under the active scoring model: its priority (or its value, by `basis`) must be at
 * least the minimum set for that model. Each model has its own units (weighted criteria 0–100,
 * WSJF cost of delay ÷ job size, …), so the minimum is set per model; a model without one is not
 * checked.
 */
export type PriorityRule = {
  readonly enabled: boolean;
  readonly basis: 'priority' | 'value';
  readonly minimum: Readonly<Partial<Record<ScoringModelKind, number>>>;
  readonly extras?: Extras;
};

/**
 * A business case is required from a t-shirt size up (`fromSize`, inclusive), or from a total cost
 * up (`fromCost`, inclusive, in the portfolio's currency); either limit may be absent.
 */
export type BusinessCaseRule = {
  readonly enabled: boolean;
  readonly fromSize?: TShirtSize;
  readonly fromCost?: number;
  readonly extras?: Extras;
};

/** A switch for a rule with no threshold. */
export type SwitchRule = {
  readonly enabled: boolean;
  readonly extras?: Extras;
};

/** The strategic-fit gate's rules; each can be switched off. */
export type GateRules = {
  readonly objectiveFit: ObjectiveFitRule;
  readonly priority: PriorityRule;
  readonly businessCase: BusinessCaseRule;
  /** It must not exclude committed or forced-in work, nor be excluded by it. */
  readonly exclusions: SwitchRule;
  /** It must land above the cut line of the plan of record without pushing promised work out. */
  readonly capacity: SwitchRule;
  readonly extras?: Extras;
};

/** The PMO's intake settings: stage names, size templates and the gate's rules. */
export type IntakeSettings = {
  /** Display names of the stages; a missing or blank one shows the default. */
  readonly stageLabels: Readonly<Partial<Record<IntakeStage, string>>>;
  /** Demand template per t-shirt size; a size without one cannot be planned from its size. */
  readonly sizes: Readonly<Partial<Record<TShirtSize, SizeTemplate>>>;
  readonly gate: GateRules;
  readonly extras?: Extras;
};

/**
 * The gate's defaults, for a PMO that has not set its own:
 *
 * - objective fit at least 0.20: a medium link (2) to an objective of 10 % global weight, or a
 *   strong one (3) to an objective of 6.7 %. With eight leaf objectives of equal weight
 *   (12.5 % each), a weak link alone fails and any medium or strong one passes;
 * - priority at least 40 under weighted criteria (on its 0–100 scale), 2 under WSJF (cost of delay
 *   twice the job size), 1 under value / effort (value at least the effort); RICE has no natural
 *   scale, so no minimum until the PMO sets one;
 * - a business case from size L up; no cost limit until the PMO sets one in its currency;
 * - no exclusion with committed work, and the capacity check, both on.
 *
 * No size templates: they name the portfolio's teams, which only the PMO knows.
 */
export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  stageLabels: {},
  sizes: {},
  gate: {
    objectiveFit: { enabled: true, minimum: 0.2 },
    priority: {
      enabled: true,
      basis: 'priority',
      minimum: { weighted: 40, wsjf: 2, 'value-effort': 1 },
    },
    businessCase: { enabled: true, fromSize: 'L' },
    exclusions: { enabled: true },
    capacity: { enabled: true },
  },
};

/** The name a stage is shown by: the PMO's label when set, else the default. */
export function stageLabel(
  settings: Pick<IntakeSettings, 'stageLabels'>,
  stage: IntakeStage,
): string {
  const label = settings.stageLabels[stage]?.trim();
  return label ? label : DEFAULT_STAGE_LABELS[stage];
}

/** Whether `size` is at least `threshold`: 'XL' is at least 'L'. */
export function sizeAtLeast(size: TShirtSize, threshold: TShirtSize): boolean {
  return TSHIRT_SIZES.indexOf(size) >= TSHIRT_SIZES.indexOf(threshold);
}
