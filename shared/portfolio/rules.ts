/**
 * The rules a portfolio must keep beyond its shape: unique ids, references that resolve,
 * dependency and strategy trees without cycles, start windows in order. Used when a file is read
 * and when the app checks an edit before it stores it.
 */
import { keyPath } from './paths';
import type { Portfolio } from './types';

export type PortfolioProblem = { readonly path: string; readonly message: string };

function uniqueIds(
  items: readonly { readonly id: string }[],
  listPath: string,
  what: string,
  problems: PortfolioProblem[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      problems.push({
        path: `${listPath}[${index}].id`,
        message: `${what} id "${item.id}" is used more than once; ids must be unique`,
      });
    }
    seen.add(item.id);
  });
  return seen;
}

/**
 * Finds a cycle in a directed graph given as adjacency lists; returns its nodes in order with the
 * first repeated at the end (`a → b → a`), or null.
 */
export function findCycle(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges(node)) {
      const seen = state.get(next);
      if (seen === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (seen === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of nodes) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

/** Checks every rule of the portfolio file; returns the problems found, each with its path. */
export function checkPortfolioRules(portfolio: Portfolio): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  const periodIds = uniqueIds(portfolio.periods, 'periods', 'period', problems);
  const teamIds = uniqueIds(portfolio.teams, 'teams', 'team', problems);
  const objectiveIds = uniqueIds(portfolio.objectives, 'objectives', 'objective', problems);
  const initiativeIds = uniqueIds(portfolio.initiatives, 'initiatives', 'initiative', problems);
  uniqueIds(portfolio.scenarios, 'scenarios', 'scenario', problems);
  if (portfolio.scoring?.criteria) {
    uniqueIds(portfolio.scoring.criteria, 'scoring.criteria', 'criterion', problems);
  }
  const periodIndex = new Map(portfolio.periods.map((period, index) => [period.id, index]));

  const needPeriod = (id: string, path: string) => {
    if (!periodIds.has(id)) problems.push({ path, message: `period "${id}" does not exist` });
  };
  const needTeam = (id: string, path: string) => {
    if (!teamIds.has(id)) problems.push({ path, message: `team "${id}" does not exist` });
  };
  const needInitiative = (id: string, path: string) => {
    if (!initiativeIds.has(id))
      problems.push({ path, message: `initiative "${id}" does not exist` });
  };

  portfolio.periods.forEach((period, index) => {
    if (period.start && period.end && period.start > period.end) {
      problems.push({
        path: `periods[${index}].end`,
        message: `ends (${period.end}) before it starts (${period.start})`,
      });
    }
  });

  portfolio.teams.forEach((team, index) => {
    for (const periodId of Object.keys(team.capacity)) {
      needPeriod(periodId, keyPath(`teams[${index}].capacity`, periodId));
    }
  });
  for (const periodId of Object.keys(portfolio.budget ?? {})) {
    needPeriod(periodId, keyPath('budget', periodId));
  }

  portfolio.objectives.forEach((objective, index) => {
    const parent = objective.parentId;
    if (parent === undefined || parent === null) return;
    if (parent === objective.id) {
      problems.push({
        path: `objectives[${index}].parentId`,
        message: 'an objective cannot be its own parent',
      });
    } else if (!objectiveIds.has(parent)) {
      problems.push({
        path: `objectives[${index}].parentId`,
        message: `objective "${parent}" does not exist`,
      });
    }
  });
  portfolio.objectives.forEach((objective, index) => {
    if (objective.measures) {
      uniqueIds(objective.measures, `objectives[${index}].measures`, 'measure', problems);
    }
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
    problems.push({
      path: `objectives[${index}].parentId`,
      message: `the strategy tree has a cycle: ${objectiveCycle.join(' → ')}`,
    });
  }

  portfolio.initiatives.forEach((initiative, index) => {
    const base = `initiatives[${index}]`;
    initiative.objectives?.forEach((link, linkIndex) => {
      if (!objectiveIds.has(link.id)) {
        problems.push({
          path: `${base}.objectives[${linkIndex}].id`,
          message: `objective "${link.id}" does not exist`,
        });
      }
    });
    for (const teamId of Object.keys(initiative.demand ?? {})) {
      needTeam(teamId, keyPath(`${base}.demand`, teamId));
    }
    for (const field of ['earliestStart', 'latestStart', 'start'] as const) {
      const value = initiative[field];
      if (value !== undefined) needPeriod(value, `${base}.${field}`);
    }
    const earliest = initiative.earliestStart && periodIndex.get(initiative.earliestStart);
    const latest = initiative.latestStart && periodIndex.get(initiative.latestStart);
    if (typeof earliest === 'number' && typeof latest === 'number' && earliest > latest) {
      problems.push({
        path: `${base}.earliestStart`,
        message: `earliest start ${initiative.earliestStart} is after latest start ${initiative.latestStart}`,
      });
    }
    for (const field of ['dependsOn', 'excludes'] as const) {
      initiative[field]?.forEach((other, otherIndex) => {
        const path = `${base}.${field}[${otherIndex}]`;
        if (other === initiative.id) {
          problems.push({
            path,
            message:
              field === 'dependsOn'
                ? 'an initiative cannot depend on itself'
                : 'an initiative cannot exclude itself',
          });
        } else needInitiative(other, path);
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
    problems.push({
      path: `initiatives[${index}].dependsOn`,
      message: `dependencies form a cycle: ${dependencyCycle.join(' → ')}`,
    });
  }

  portfolio.scenarios.forEach((scenario, index) => {
    const listed = new Set<string>();
    scenario.ranking.forEach((initiativeId, rankIndex) => {
      const path = `scenarios[${index}].ranking[${rankIndex}]`;
      if (listed.has(initiativeId)) {
        problems.push({ path, message: `initiative "${initiativeId}" is ranked twice` });
      }
      listed.add(initiativeId);
      needInitiative(initiativeId, path);
    });
  });

  const actualKeys = new Set<string>();
  portfolio.actuals?.forEach((actual, index) => {
    const key = JSON.stringify([actual.initiativeId, actual.periodId]);
    if (actualKeys.has(key)) {
      problems.push({
        path: `actuals[${index}]`,
        message: `a second entry for initiative "${actual.initiativeId}" in period "${actual.periodId}"; give one entry per initiative and period`,
      });
    }
    actualKeys.add(key);
    needInitiative(actual.initiativeId, `actuals[${index}].initiativeId`);
    needPeriod(actual.periodId, `actuals[${index}].periodId`);
    for (const teamId of Object.keys(actual.effort ?? {})) {
      needTeam(teamId, keyPath(`actuals[${index}].effort`, teamId));
    }
  });

  return problems;
}
