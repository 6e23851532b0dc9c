/**
 * The rules a portfolio must keep beyond the shape of each value: unique ids, references that
 * resolve, dependency and strategy trees without cycles, start windows in order, initiatives no
 * longer than the plan, scores on their model's scale, decisions that amend only the latest of an
 * earlier chain, workshop sessions whose scores and votes fit the session, proposals and intake
 * settings as the intake rules have them (shared/intake/rules.ts). Used when a file is read
 * and when the app checks an edit before it stores it. Every walk here uses a stack of its own, not
 * recursion, so a long chain or a deep tree is a problem to report, not a crash.
 */
import { checkIntakeSettings, checkProposals } from '../intake/rules';
import { DEFAULT_INTAKE_SETTINGS } from '../intake/types';
import { MODEL_NAMES, modelCriteria, onScale, type Scale } from '../strategy/scoring';
import { formatLimit } from './limits';
import { initiativeDuration } from './measures';
import { formatPath } from './paths';
import { describePlace } from './places';
import {
  DECISION_CONCERN_KINDS,
  type Decision,
  type Portfolio,
  type ScoringModel,
  type ScoringModelKind,
  type Workshop,
} from './types';

/** Why a score is refused: "must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the WSJF model's scale". */
export function scoreOffScaleMessage(model: ScoringModelKind, scale: Scale): string {
  return scale.kind === 'range'
    ? `must be from ${formatLimit(scale.min)} to ${formatLimit(scale.max)} on the ${MODEL_NAMES[model]} model's scale`
    : `must be one of ${scale.values.map(formatLimit).join(', ')} (${scale.label}) on the ${MODEL_NAMES[model]} model's scale`;
}

/**
 * A problem of a portfolio file. `path` names the place as a path into the file
 * (`teams[0].capacity["2026-Q3"]`), `where` in words ("Team Platform, capacity in Q3 2026")
 * when the reader could name it.
 */
export type PortfolioProblem = {
  readonly path: string;
  readonly message: string;
  readonly where?: string;
};

/** The problem as people read it: the place in words, then the path beneath as the detail. */
export function describeProblem(problem: PortfolioProblem): {
  readonly headline: string;
  readonly detail?: string;
} {
  if (!problem.where) return { headline: `${problem.path}: ${problem.message}` };
  return { headline: `${problem.where}: ${problem.message}`, detail: `(${problem.path})` };
}

/** Makes problems for `document`: the path formatted, and the place in words. */
export function problemAt(
  document: unknown,
  at: readonly PropertyKey[],
  message: string,
): PortfolioProblem {
  const where = describePlace(at, document);
  return { path: formatPath(at), message, ...(where !== undefined && { where }) };
}

/** At most this many nodes of a cycle are named; the rest are counted. */
const SHOWN_CYCLE_NODES = 8;

function describeCycle(cycle: readonly string[]): string {
  if (cycle.length <= SHOWN_CYCLE_NODES + 1) return cycle.join(' → ');
  const distinct = cycle.length - 1;
  return `${cycle.slice(0, SHOWN_CYCLE_NODES).join(' → ')} → … (${formatLimit(distinct)} in the cycle) → ${cycle[0]}`;
}

/**
 * Finds a cycle in a directed graph given as adjacency lists; returns its nodes in order with the
 * first repeated at the end (`a → b → a`), or null. Depth-first, with a stack of its own.
 */
export function findCycle(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const position = new Map<string, number>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const frames: { node: string; next: readonly string[]; index: number }[] = [];
    const enter = (node: string) => {
      state.set(node, 'open');
      position.set(node, path.length);
      path.push(node);
      frames.push({ node, next: edges(node), index: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      if (frame.index >= frame.next.length) {
        frames.pop();
        path.pop();
        position.delete(frame.node);
        state.set(frame.node, 'done');
        continue;
      }
      const next = frame.next[frame.index] as string;
      frame.index += 1;
      const seen = state.get(next);
      if (seen === 'open') return [...path.slice(position.get(next)), next];
      if (seen === undefined) enter(next);
    }
  }
  return null;
}

/** Checks every rule of the portfolio file; returns the problems found, each with its path. */
export function checkPortfolioRules(portfolio: Portfolio): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  const add = (at: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(portfolio, at, message));

  const uniqueIds = (
    items: readonly { readonly id: string }[],
    listPath: readonly PropertyKey[],
    what: string,
  ): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        add(
          [...listPath, index, 'id'],
          `${what} id "${item.id}" is used more than once; ids must be unique`,
        );
      }
      seen.add(item.id);
    });
    return seen;
  };

  const periodIds = uniqueIds(portfolio.periods, ['periods'], 'period');
  const teamIds = uniqueIds(portfolio.teams, ['teams'], 'team');
  const objectiveIds = uniqueIds(portfolio.objectives, ['objectives'], 'objective');
  const initiativeIds = uniqueIds(portfolio.initiatives, ['initiatives'], 'initiative');
  uniqueIds(portfolio.scenarios, ['scenarios'], 'scenario');
  if (portfolio.scoring?.criteria) {
    uniqueIds(portfolio.scoring.criteria, ['scoring', 'criteria'], 'criterion');
    // Strategic fit counts the objective links once: a second computed criterion would count
    // them again under another name.
    const computed = portfolio.scoring.criteria.flatMap((criterion, index) =>
      criterion.source === 'strategic-fit' ? [{ criterion, index }] : [],
    );
    for (const { criterion, index } of computed.slice(1)) {
      add(
        ['scoring', 'criteria', index, 'source'],
        `only one criterion can be strategic fit, and "${computed[0]?.criterion.name}" is; "${criterion.name}" must be scored`,
      );
    }
  }
  const periodIndex = new Map(portfolio.periods.map((period, index) => [period.id, index]));
  const periodCount = portfolio.periods.length;

  const needPeriod = (id: string, at: readonly PropertyKey[]) => {
    if (!periodIds.has(id)) add(at, `period "${id}" does not exist`);
  };
  const needTeam = (id: string, at: readonly PropertyKey[]) => {
    if (!teamIds.has(id)) add(at, `team "${id}" does not exist`);
  };
  const needInitiative = (id: string, at: readonly PropertyKey[]) => {
    if (!initiativeIds.has(id)) add(at, `initiative "${id}" does not exist`);
  };

  portfolio.periods.forEach((period, index) => {
    if (period.start && period.end && period.start > period.end) {
      add(['periods', index, 'end'], `ends (${period.end}) before it starts (${period.start})`);
    }
  });

  portfolio.teams.forEach((team, index) => {
    for (const periodId of Object.keys(team.capacity)) {
      needPeriod(periodId, ['teams', index, 'capacity', periodId]);
    }
  });
  for (const periodId of Object.keys(portfolio.budget ?? {})) {
    needPeriod(periodId, ['budget', periodId]);
  }

  portfolio.objectives.forEach((objective, index) => {
    const parent = objective.parentId;
    if (parent === undefined || parent === null) return;
    if (parent === objective.id) {
      add(['objectives', index, 'parentId'], 'an objective cannot be its own parent');
    } else if (!objectiveIds.has(parent)) {
      add(['objectives', index, 'parentId'], `objective "${parent}" does not exist`);
    }
  });
  portfolio.objectives.forEach((objective, index) => {
    if (objective.measures)
      uniqueIds(objective.measures, ['objectives', index, 'measures'], 'measure');
  });
  const parentOf = new Map(
    portfolio.objectives.map((objective) => [objective.id, objective.parentId]),
  );
  const objectiveCycle = findCycle(
    portfolio.objectives.map((objective) => objective.id),
    (node) => {
      const parent = parentOf.get(node);
      return parent && parent !== node && objectiveIds.has(parent) ? [parent] : [];
    },
  );
  if (objectiveCycle) {
    const index = portfolio.objectives.findIndex((objective) => objective.id === objectiveCycle[0]);
    add(
      ['objectives', index, 'parentId'],
      `the strategy tree has a cycle: ${describeCycle(objectiveCycle)}`,
    );
  }

  // Pairwise judgments compare siblings: the children of the group's parent, or the themes.
  const comparedGroups = new Set<string | null>();
  portfolio.objectiveComparisons?.forEach((comparison, index) => {
    const at = ['objectiveComparisons', index];
    const parent = comparison.parentId;
    const group = parent === null ? 'the themes' : `the children of "${parent}"`;
    if (parent !== null && !objectiveIds.has(parent)) {
      add([...at, 'parentId'], `objective "${parent}" does not exist`);
    } else if (comparedGroups.has(parent)) {
      add(
        [...at, 'parentId'],
        `${group} are compared in more than one entry; keep one entry per sibling group`,
      );
    }
    comparedGroups.add(parent);
    const pairs = new Set<string>();
    comparison.judgments.forEach((judgment, judgmentIndex) => {
      const judgmentAt = [...at, 'judgments', judgmentIndex];
      for (const side of ['a', 'b'] as const) {
        const id = judgment[side];
        if (!objectiveIds.has(id)) add([...judgmentAt, side], `objective "${id}" does not exist`);
        else if ((parentOf.get(id) ?? null) !== parent) {
          add(
            [...judgmentAt, side],
            `objective "${id}" is not one of ${group}; a judgment compares siblings`,
          );
        }
      }
      if (judgment.a === judgment.b) {
        add(judgmentAt, 'an objective cannot be compared with itself');
        return;
      }
      const pair = JSON.stringify([judgment.a, judgment.b].sort());
      if (pairs.has(pair)) {
        add(judgmentAt, `"${judgment.a}" and "${judgment.b}" are compared more than once`);
      }
      pairs.add(pair);
    });
  });

  const scoring = portfolio.scoring;
  // The scale of each score the model takes typed (a computed criterion takes none).
  const scales = new Map(
    modelCriteria(scoring)
      .filter((criterion) => !criterion.computed)
      .map((criterion) => [criterion.id, criterion.scale]),
  );

  portfolio.initiatives.forEach((initiative, index) => {
    const base = ['initiatives', index] as const;
    initiative.objectives?.forEach((link, linkIndex) => {
      if (!objectiveIds.has(link.id)) {
        add([...base, 'objectives', linkIndex, 'id'], `objective "${link.id}" does not exist`);
      }
    });
    for (const teamId of Object.keys(initiative.demand ?? {})) {
      needTeam(teamId, [...base, 'demand', teamId]);
    }
    for (const field of ['earliestStart', 'latestStart', 'start'] as const) {
      const value = initiative[field];
      if (value !== undefined) needPeriod(value, [...base, field]);
    }
    const earliest = initiative.earliestStart && periodIndex.get(initiative.earliestStart);
    const latest = initiative.latestStart && periodIndex.get(initiative.latestStart);
    if (typeof earliest === 'number' && typeof latest === 'number' && earliest > latest) {
      add(
        [...base, 'earliestStart'],
        `earliest start ${initiative.earliestStart} is after latest start ${initiative.latestStart}`,
      );
    }
    const duration = initiativeDuration(initiative);
    if (duration > periodCount) {
      const longest =
        initiative.duration !== undefined && initiative.duration === duration
          ? 'duration'
          : initiative.spend && initiative.spend.length === duration
            ? 'spend'
            : 'demand';
      add(
        longest === 'demand'
          ? [
              ...base,
              'demand',
              Object.keys(initiative.demand ?? {}).find(
                (teamId) => initiative.demand?.[teamId]?.length === duration,
              ) ?? '',
            ]
          : [...base, longest],
        `lasts ${duration} periods, but the portfolio has ${periodCount === 0 ? 'no periods' : `only ${periodCount} period${periodCount === 1 ? '' : 's'}`}; an initiative must fit the plan`,
      );
    }
    if (scoring && initiative.scores) {
      for (const key of Object.keys(initiative.scores)) {
        const scale = scales.get(key);
        const score = initiative.scores[key] as number;
        if (scale && !onScale(scale, score)) {
          add([...base, 'scores', key], scoreOffScaleMessage(scoring.model, scale));
        }
      }
    }
    for (const field of ['dependsOn', 'excludes'] as const) {
      initiative[field]?.forEach((other, otherIndex) => {
        const at = [...base, field, otherIndex];
        if (other === initiative.id) {
          add(
            at,
            field === 'dependsOn'
              ? 'an initiative cannot depend on itself'
              : 'an initiative cannot exclude itself',
          );
        } else needInitiative(other, at);
      });
    }
  });

  const dependsOn = new Map(
    portfolio.initiatives.map((initiative) => [initiative.id, initiative.dependsOn ?? []]),
  );
  const dependencyCycle = findCycle(
    portfolio.initiatives.map((initiative) => initiative.id),
    (node) =>
      (dependsOn.get(node) ?? []).filter((other) => other !== node && initiativeIds.has(other)),
  );
  if (dependencyCycle) {
    const index = portfolio.initiatives.findIndex(
      (initiative) => initiative.id === dependencyCycle[0],
    );
    add(
      ['initiatives', index, 'dependsOn'],
      `dependencies form a cycle: ${describeCycle(dependencyCycle)}`,
    );
  }

  portfolio.scenarios.forEach((scenario, index) => {
    const listed = new Set<string>();
    scenario.ranking.forEach((initiativeId, rankIndex) => {
      const at = ['scenarios', index, 'ranking', rankIndex];
      if (listed.has(initiativeId)) add(at, `initiative "${initiativeId}" is ranked twice`);
      listed.add(initiativeId);
      needInitiative(initiativeId, at);
    });
  });

  const actualKeys = new Set<string>();
  portfolio.actuals?.forEach((actual, index) => {
    const key = JSON.stringify([actual.initiativeId, actual.periodId]);
    if (actualKeys.has(key)) {
      add(
        ['actuals', index],
        `a second entry for initiative "${actual.initiativeId}" in period "${actual.periodId}"; give one entry per initiative and period`,
      );
    }
    actualKeys.add(key);
    needInitiative(actual.initiativeId, ['actuals', index, 'initiativeId']);
    needPeriod(actual.periodId, ['actuals', index, 'periodId']);
    for (const teamId of Object.keys(actual.effort ?? {})) {
      needTeam(teamId, ['actuals', index, 'effort', teamId]);
    }
  });

  checkDecisions(portfolio.decisions ?? [], add);
  checkWorkshops(portfolio.workshops ?? [], scoring, add);
  checkGovernance(portfolio, add);
  checkSelfReviews(portfolio, add);

  // Intake: the settings against the teams and periods, and each proposal as the form checks it.
  const describe = (at: readonly PropertyKey[]) => describePlace(at, portfolio);
  if (portfolio.intakeSettings) {
    problems.push(
      ...checkIntakeSettings(portfolio.intakeSettings, portfolio, ['intakeSettings'], describe),
    );
  }
  if (portfolio.proposals) {
    problems.push(
      ...checkProposals(
        portfolio.proposals,
        portfolio,
        portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS,
        ['proposals'],
        describe,
      ),
    );
  }

  return problems;
}

/**
 * The decision log's rules: ids unique; a decision supersedes only one earlier in the log (so
 * amendments form chains without cycles) and only the latest of its chain (a decision superseded
 * once is amended through the decision that superseded it); each concern of a known kind. What a
 * decision concerns need not exist any more: the log outlives the initiative it was about.
 */
function checkDecisions(
  decisions: readonly Decision[],
  add: (at: readonly PropertyKey[], message: string) => void,
): void {
  const allIds = new Set<string>();
  const seen = new Set<string>();
  /** Decision id → the id of the first decision that supersedes it. */
  const supersededBy = new Map<string, string>();
  const latestOf = (id: string): string => {
    let latest = id;
    const visited = new Set<string>([latest]);
    for (let next = supersededBy.get(latest); next !== undefined; next = supersededBy.get(latest)) {
      // Repeated ids (already a problem) could close a loop; stop rather than go round it.
      if (visited.has(next)) break;
      visited.add(next);
      latest = next;
    }
    return latest;
  };
  for (const decision of decisions) allIds.add(decision.id);
  decisions.forEach((decision, index) => {
    const base = ['decisions', index] as const;
    if (seen.has(decision.id)) {
      add(
        [...base, 'id'],
        `decision id "${decision.id}" is used more than once; ids must be unique`,
      );
    }
    decision.concerns?.forEach((concern, concernIndex) => {
      if (!(DECISION_CONCERN_KINDS as readonly string[]).includes(concern.kind)) {
        add(
          [...base, 'concerns', concernIndex, 'kind'],
          `expected one of ${DECISION_CONCERN_KINDS.join(', ')}`,
        );
      }
    });
    const target = decision.supersedes;
    if (target !== undefined) {
      const at = [...base, 'supersedes'];
      if (target === decision.id) {
        add(at, 'a decision cannot supersede itself');
      } else if (!seen.has(target)) {
        add(
          at,
          allIds.has(target)
            ? `decision "${target}" comes later in the log; a decision supersedes only an earlier one`
            : `decision "${target}" does not exist`,
        );
      } else {
        const by = supersededBy.get(target);
        if (by === undefined) supersededBy.set(target, decision.id);
        else {
          add(
            at,
            `decision "${target}" is already superseded by "${by}"; supersede the latest decision of that chain, "${latestOf(by)}"`,
          );
        }
      }
    }
    seen.add(decision.id);
  });
}

/** Ids of `list` unique: the second use of an id is named at its `id`. */
function uniqueIds(
  list: readonly { readonly id: string }[] | undefined,
  top: string,
  what: string,
  add: (at: readonly PropertyKey[], message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  list?.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      add(
        [top, index, 'id'],
        `${what} id "${entry.id}" is used more than once; ids must be unique`,
      );
    }
    seen.add(entry.id);
  });
  return seen;
}

/**
 * The rules of the governance calendar: ids of meeting series, reviews, actions and snapshots
 * unique, and item ids unique within a review's agenda; a review of a series names a series of
 * the file, and a series has one review per date; an action names a review of the file. What an
 * agenda item is about, and a review's snapshot, need not be in the file: the item outlives the
 * initiative, and a file may be written without its snapshots.
 */
function checkGovernance(
  portfolio: Portfolio,
  add: (at: readonly PropertyKey[], message: string) => void,
): void {
  const cadenceIds = uniqueIds(portfolio.cadences, 'cadences', 'meeting series', add);
  const reviewIds = uniqueIds(portfolio.reviews, 'reviews', 'review', add);
  uniqueIds(portfolio.actions, 'actions', 'action', add);
  uniqueIds(portfolio.snapshots, 'snapshots', 'snapshot', add);
  const occurrences = new Map<string, string>();
  portfolio.reviews?.forEach((review, index) => {
    const base = ['reviews', index] as const;
    const items = new Set<string>();
    review.agenda.forEach((item, itemIndex) => {
      if (items.has(item.id)) {
        add(
          [...base, 'agenda', itemIndex, 'id'],
          `agenda item id "${item.id}" is used more than once in this review; ids must be unique`,
        );
      }
      items.add(item.id);
    });
    if (typeof review.cadenceId !== 'string') return;
    if (!cadenceIds.has(review.cadenceId)) {
      add([...base, 'cadenceId'], `meeting series "${review.cadenceId}" does not exist`);
      return;
    }
    const key = JSON.stringify([review.cadenceId, review.date]);
    const other = occurrences.get(key);
    if (other !== undefined) {
      add(
        [...base, 'date'],
        `review "${other}" is already the meeting of series "${review.cadenceId}" on ${review.date}; a series has one review per date`,
      );
    } else occurrences.set(key, review.id);
  });
  portfolio.actions?.forEach((action, index) => {
    if (typeof action.reviewId === 'string' && !reviewIds.has(action.reviewId)) {
      add(['actions', index, 'reviewId'], `review "${action.reviewId}" does not exist`);
    }
  });
}

/**
 * The rules of the PMO's self-reviews: ids unique, and each question answered at most once in a
 * self-review. Two self-reviews may share a date (one redone), and a question need not be one
 * Baton asks: the PMO adds its own.
 */
function checkSelfReviews(
  portfolio: Portfolio,
  add: (at: readonly PropertyKey[], message: string) => void,
): void {
  uniqueIds(portfolio.selfReviews, 'selfReviews', 'self-review', add);
  portfolio.selfReviews?.forEach((review, index) => {
    const asked = new Set<string>();
    review.answers.forEach((answer, answerIndex) => {
      if (asked.has(answer.questionId)) {
        add(
          ['selfReviews', index, 'answers', answerIndex, 'questionId'],
          `question "${answer.questionId}" is answered more than once in this self-review; give one answer per question`,
        );
      }
      asked.add(answer.questionId);
    });
  });
}

/** The fields of a self-review that no rule reads. */
export const SELF_REVIEW_FREE_FIELDS: ReadonlySet<string> = new Set(['date', 'notes']);

/**
 * The fields of a meeting series, a review and an action that no rule reads: a change of these
 * alone cannot break a rule between records.
 */
export const CADENCE_FREE_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'kind',
  'start',
  'durationMinutes',
  'timeZone',
  'rule',
  'location',
  'attendees',
]);
export const REVIEW_FREE_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'kind',
  'time',
  'status',
  'dismissed',
  'attendance',
  'notes',
  'heldAt',
  'snapshotId',
]);
export const ACTION_FREE_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'owner',
  'due',
  'agendaItemId',
  'closedOn',
  'closedNote',
]);

/**
 * The fields of a workshop session that no rule reads: a change of these alone cannot break a
 * rule, and one of the wrong shape leaves the rest of the session for the rules to check.
 */
export const WORKSHOP_FREE_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'purpose',
  'date',
  'facilitator',
  'timer',
  'scenarioId',
  'notes',
  'outcome',
]);

/**
 * The fields of a proposal the rules read each on its own: one of the wrong shape is left out and
 * the rest of the proposal is still checked. The stage, the history and the demand (which stands
 * for a size) are read together, so a proposal with one of those wrong is checked no further.
 */
export const PROPOSAL_FREE_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'problem',
  'outcome',
  'hypothesis',
  'objectives',
  'sponsor',
  'owner',
  'size',
  'duration',
  'spend',
  'earliestStart',
  'dependsOn',
  'excludes',
  'attachments',
  'scores',
  'businessCase',
  'revisitOn',
  'decisionIds',
]);

/**
 * The fields of a proposal whose only rules are their length and well-formed text, which the
 * record's own check sees: a change of these alone cannot break a rule between records.
 */
export const PROPOSAL_UNREAD_FIELDS: ReadonlySet<string> = new Set([
  'outcome',
  'hypothesis',
  'owner',
  'businessCase',
]);

/**
 * The rules of workshop sessions: ids unique. Within a session: participant ids unique, each
 * initiative and criterion in play listed once, and past set-up at least one of each; scores and
 * votes name a participant of the session, scores, votes and calls an initiative of it, scores and
 * calls a criterion of it; a score or call on its criterion's scale when the scoring model has the
 * criterion; one score per participant, initiative, criterion and round, one call per initiative
 * and criterion; the turn one of the participants; the session's round no earlier than any
 * score's; a re-score of the session's own initiative and criterion; the dots within the session's
 * allowance. What a session was about need not exist any more (an initiative, its scenario): a
 * session outlives them, as a decision's concerns do.
 */
function checkWorkshops(
  workshops: readonly Workshop[],
  scoring: ScoringModel | undefined,
  add: (at: readonly PropertyKey[], message: string) => void,
): void {
  // The scale of every criterion of the model, computed ones too: the room scores those as well.
  const scales = new Map(
    modelCriteria(scoring).map((criterion) => [criterion.id, criterion.scale]),
  );
  const seen = new Set<string>();
  workshops.forEach((workshop, index) => {
    const base = ['workshops', index] as const;
    if (seen.has(workshop.id)) {
      add(
        [...base, 'id'],
        `workshop id "${workshop.id}" is used more than once; ids must be unique`,
      );
    }
    seen.add(workshop.id);

    const participantIds = new Set<string>();
    workshop.participants.forEach((participant, participantIndex) => {
      if (participantIds.has(participant.id)) {
        add(
          [...base, 'participants', participantIndex, 'id'],
          `participant id "${participant.id}" is used more than once; ids must be unique`,
        );
      }
      participantIds.add(participant.id);
    });
    const listedOnce = (field: 'initiatives' | 'criteria', what: string): Set<string> => {
      const listed = new Set<string>();
      workshop[field].forEach((id, listIndex) => {
        if (listed.has(id)) add([...base, field, listIndex], `${what} "${id}" is listed twice`);
        listed.add(id);
      });
      return listed;
    };
    const initiativeIds = listedOnce('initiatives', 'initiative');
    const criterionIds = listedOnce('criteria', 'criterion');
    if (workshop.stage !== 'setup') {
      for (const [field, what] of [
        ['participants', 'participant'],
        ['initiatives', 'initiative'],
        ['criteria', 'criterion'],
      ] as const) {
        if (workshop[field].length === 0) {
          add([...base, field], `needs at least one ${what} once the session is past set-up`);
        }
      }
    }

    const needOf =
      (ids: ReadonlySet<string>, what: string, list: string) =>
      (id: string, at: readonly PropertyKey[]) => {
        if (!ids.has(id)) add(at, `${what} "${id}" is not one of the session's ${list}`);
      };
    const needParticipant = needOf(participantIds, 'participant', 'participants');
    const needInitiative = needOf(initiativeIds, 'initiative', 'initiatives');
    const needCriterion = needOf(criterionIds, 'criterion', 'criteria');
    const onItsScale = (criterionId: string, value: number, at: readonly PropertyKey[]) => {
      const scale = scales.get(criterionId);
      // A finished session's scores are history: a later change of scale does not undo them.
      if (workshop.stage !== 'done' && scoring && scale && !onScale(scale, value)) {
        add(at, scoreOffScaleMessage(scoring.model, scale));
      }
    };

    const scored = new Set<string>();
    let latestRound = 0;
    workshop.scores?.forEach((score, scoreIndex) => {
      const at = [...base, 'scores', scoreIndex] as const;
      needParticipant(score.participantId, [...at, 'participantId']);
      needInitiative(score.initiativeId, [...at, 'initiativeId']);
      needCriterion(score.criterionId, [...at, 'criterionId']);
      onItsScale(score.criterionId, score.value, [...at, 'value']);
      const key = JSON.stringify([
        score.participantId,
        score.initiativeId,
        score.criterionId,
        score.round,
      ]);
      if (scored.has(key)) {
        add(
          at,
          `a second score by participant "${score.participantId}" of initiative "${score.initiativeId}" on criterion "${score.criterionId}" in round ${score.round}; give one score per participant, initiative, criterion and round`,
        );
      }
      scored.add(key);
      latestRound = Math.max(latestRound, score.round);
    });
    // A session without a round is in its first (as the workshop screens read it).
    const round = workshop.round ?? 1;
    if (latestRound > round) {
      add(
        [...base, 'round'],
        `the session is at round ${round}, but has scores of round ${latestRound}`,
      );
    }

    const { turn } = workshop;
    const count = workshop.participants.length;
    if (turn !== undefined && turn >= count) {
      add(
        [...base, 'turn'],
        `points to participant ${turn + 1}, but the session has ${count === 0 ? 'no participants' : `only ${count} participant${count === 1 ? '' : 's'}`}`,
      );
    }

    const done = new Set<string>();
    workshop.finished?.forEach((participantId, index) => {
      const at = [...base, 'finished', index] as const;
      needParticipant(participantId, at);
      if (done.has(participantId)) {
        add(at, `participant "${participantId}" is listed twice as finished`);
      }
      done.add(participantId);
    });

    const names = new Set<string>();
    workshop.participants.forEach((person, index) => {
      if (names.has(person.name)) {
        add(
          [...base, 'participants', index, 'name'],
          `"${person.name}" takes part twice; give each participant a name of their own`,
        );
      }
      names.add(person.name);
    });

    if ((workshop.stage === 'voting' || workshop.stage === 'votes') && !workshop.dots) {
      add([...base, 'stage'], `is "${workshop.stage}", but the session has no dot vote (dots)`);
    }

    if (workshop.rescore) {
      needInitiative(workshop.rescore.initiativeId, [...base, 'rescore', 'initiativeId']);
      if (workshop.rescore.criterionId !== undefined) {
        needCriterion(workshop.rescore.criterionId, [...base, 'rescore', 'criterionId']);
      }
    }

    const { dots } = workshop;
    const placed = new Map<string, number>();
    const placedOn = new Map<string, number>();
    workshop.votes?.forEach((vote, voteIndex) => {
      const at = [...base, 'votes', voteIndex] as const;
      needParticipant(vote.participantId, [...at, 'participantId']);
      needInitiative(vote.initiativeId, [...at, 'initiativeId']);
      // Without a dot-voting round in the set-up there is no allowance to hold the votes to.
      if (!dots) return;
      if (dots.weighted && vote.dots !== 1) {
        add(
          [...at, 'dots'],
          'must be 1: in weighted voting each dot is a vote of its own, counted by the order it was placed',
        );
      }
      const before = placed.get(vote.participantId) ?? 0;
      const total = before + vote.dots;
      placed.set(vote.participantId, total);
      if (before <= dots.perPerson && total > dots.perPerson) {
        add(
          [...at, 'dots'],
          `brings participant "${vote.participantId}" to ${total} dots; each participant has ${dots.perPerson}`,
        );
      }
      const item = JSON.stringify([vote.participantId, vote.initiativeId]);
      const beforeOn = placedOn.get(item) ?? 0;
      const totalOn = beforeOn + vote.dots;
      placedOn.set(item, totalOn);
      if (beforeOn <= dots.maxPerItem && totalOn > dots.maxPerItem) {
        add(
          [...at, 'dots'],
          `brings participant "${vote.participantId}" to ${totalOn} dots on initiative "${vote.initiativeId}"; at most ${dots.maxPerItem} may go on one initiative`,
        );
      }
    });

    const called = new Set<string>();
    workshop.calls?.forEach((call, callIndex) => {
      const at = [...base, 'calls', callIndex] as const;
      needInitiative(call.initiativeId, [...at, 'initiativeId']);
      needCriterion(call.criterionId, [...at, 'criterionId']);
      onItsScale(call.criterionId, call.value, [...at, 'value']);
      const key = JSON.stringify([call.initiativeId, call.criterionId]);
      if (called.has(key)) {
        add(
          at,
          `a second call on initiative "${call.initiativeId}" for criterion "${call.criterionId}"; give one call per initiative and criterion`,
        );
      }
      called.add(key);
    });
  });
}
