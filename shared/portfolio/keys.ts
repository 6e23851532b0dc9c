/** The keys of each part of the portfolio file, in the order the format documents and Baton writes them. */

export const PERIOD_KEYS = ['id', 'label', 'start', 'end'] as const;
export const TEAM_KEYS = ['id', 'name', 'capacity'] as const;
export const MEASURE_KEYS = [
  'id',
  'name',
  'unit',
  'baseline',
  'target',
  'targetDate',
  'actuals',
] as const;
export const OBJECTIVE_KEYS = [
  'id',
  'name',
  'parentId',
  'weight',
  'description',
  'measures',
] as const;
export const CRITERION_KEYS = ['id', 'name', 'weight', 'scale', 'source'] as const;
export const OBJECTIVE_COMPARISON_KEYS = ['parentId', 'judgments'] as const;
export const JUDGMENT_KEYS = ['a', 'b', 'ratio'] as const;
export const SCORING_KEYS = ['model', 'criteria'] as const;
/** Initiative keys in the order a writer puts them. */
export const INITIATIVE_KEYS = [
  'id',
  'name',
  'status',
  'description',
  'owner',
  'objectives',
  'scores',
  'value',
  'demand',
  'spend',
  'duration',
  'earliestStart',
  'latestStart',
  'start',
  'dependsOn',
  'excludes',
  'forced',
  'forcedReason',
  'estimateRange',
  'benefit',
] as const;
export const SCENARIO_KEYS = ['id', 'name', 'ranking', 'description'] as const;
export const ACTUAL_KEYS = [
  'initiativeId',
  'periodId',
  'spend',
  'effort',
  'progress',
  'rag',
  'confidence',
  'benefit',
  'note',
] as const;
export const PORTFOLIO_KEYS = [
  'format',
  'version',
  'batonRevision',
  'name',
  'currency',
  'capacityUnit',
  'periods',
  'teams',
  'budget',
  'objectives',
  'objectiveComparisons',
  'scoring',
  'initiatives',
  'scenarios',
  'actuals',
  'decisions',
  'workshops',
  'intakeSettings',
  'proposals',
  'cadences',
  'reviews',
  'actions',
  'snapshots',
  'selfReviews',
] as const;
export const DECISION_KEYS = [
  'id',
  'date',
  'kind',
  'title',
  'decision',
  'rationale',
  'decidedBy',
  'concerns',
  'fingerprint',
  'supersedes',
  'recordedAt',
] as const;
export const DECISION_CONCERN_KEYS = ['kind', 'id'] as const;
export const OBJECTIVE_LINK_KEYS = ['id', 'contribution'] as const;
export const MEASURE_ACTUAL_KEYS = ['date', 'value'] as const;
export const WORKSHOP_KEYS = [
  'id',
  'title',
  'purpose',
  'date',
  'facilitator',
  'participants',
  'initiatives',
  'criteria',
  'timer',
  'dots',
  'scenarioId',
  'stage',
  'turn',
  'finished',
  'round',
  'rescore',
  'scores',
  'votes',
  'calls',
  'notes',
  'outcome',
] as const;
export const WORKSHOP_PARTICIPANT_KEYS = ['id', 'name'] as const;
export const WORKSHOP_SCORE_KEYS = [
  'participantId',
  'initiativeId',
  'criterionId',
  'value',
  'round',
] as const;
export const WORKSHOP_VOTE_KEYS = ['participantId', 'initiativeId', 'dots'] as const;
export const WORKSHOP_CALL_KEYS = ['initiativeId', 'criterionId', 'value', 'note'] as const;
export const WORKSHOP_TIMER_KEYS = ['per', 'seconds'] as const;
export const WORKSHOP_DOTS_KEYS = ['perPerson', 'weighted', 'maxPerItem'] as const;
export const WORKSHOP_RESCORE_KEYS = ['initiativeId', 'criterionId'] as const;
export const WORKSHOP_OUTCOME_KEYS = [
  'scenarioId',
  'decisionId',
  'before',
  'after',
  'recordedAt',
] as const;
export const INTAKE_SETTINGS_KEYS = ['stageLabels', 'sizes', 'gate'] as const;
export const SIZE_TEMPLATE_KEYS = ['duration', 'demand', 'spend'] as const;
export const GATE_RULES_KEYS = [
  'objectiveFit',
  'priority',
  'businessCase',
  'exclusions',
  'capacity',
] as const;
export const OBJECTIVE_FIT_RULE_KEYS = ['enabled', 'minimum'] as const;
export const PRIORITY_RULE_KEYS = ['enabled', 'basis', 'minimum'] as const;
export const BUSINESS_CASE_RULE_KEYS = ['enabled', 'fromSize', 'fromCost'] as const;
export const SWITCH_RULE_KEYS = ['enabled'] as const;
export const PROPOSAL_KEYS = [
  'id',
  'title',
  'stage',
  'history',
  'problem',
  'outcome',
  'hypothesis',
  'objectives',
  'sponsor',
  'owner',
  'size',
  'demand',
  'duration',
  'spend',
  'earliestStart',
  'dependsOn',
  'excludes',
  'attachments',
  'scores',
  'businessCase',
  'revisitOn',
  'initiativeId',
  'decisionIds',
] as const;
export const STAGE_CHANGE_KEYS = ['stage', 'date', 'decisionId'] as const;
export const HYPOTHESIS_KEYS = ['believe', 'result', 'measure'] as const;
export const ATTACHMENT_KEYS = ['label', 'url'] as const;
export const CADENCE_KEYS = [
  'id',
  'name',
  'kind',
  'start',
  'durationMinutes',
  'timeZone',
  'rule',
  'location',
  'attendees',
] as const;
export const REVIEW_KEYS = [
  'id',
  'title',
  'kind',
  'cadenceId',
  'date',
  'time',
  'status',
  'agenda',
  'dismissed',
  'attendance',
  'notes',
  'heldAt',
  'snapshotId',
] as const;
export const AGENDA_ITEM_KEYS = [
  'id',
  'kind',
  'title',
  'detail',
  'refs',
  'source',
  'minutes',
  'notes',
  'outcome',
  'decisions',
  'carriedFrom',
] as const;
export const AGENDA_REF_KEYS = ['kind', 'id'] as const;
export const ATTENDEE_KEYS = ['name', 'present'] as const;
export const ACTION_KEYS = [
  'id',
  'title',
  'owner',
  'due',
  'reviewId',
  'agendaItemId',
  'closedOn',
  'closedNote',
] as const;
export const SNAPSHOT_KEYS = ['id', 'reviewId', 'label', 'takenAt', 'fingerprint', 'text'] as const;
export const SELF_REVIEW_KEYS = ['id', 'date', 'answers', 'notes'] as const;
export const SELF_REVIEW_ANSWER_KEYS = ['questionId', 'question', 'score', 'note'] as const;
