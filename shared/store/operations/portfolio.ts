/** Named edits of the portfolio as a whole, its teams, periods and actuals. */
import type { Period } from '../../portfolio/types';
import type { SizeTemplate } from '../../intake/types';
import { change, setField, type Change, type EditPlan } from '../changes';
import { LIST_ENTITY_NAMES, keyOf, keyText } from '../entities';
import { byId, quoted, type EditContext } from '../context';
import {
  lastOrder,
  type ActualRecord,
  type PortfolioMeta,
  type PortfolioState,
  type TeamRecord,
} from '../state';

// ---- The whole portfolio ---------------------------------------------------------------------

/** The changes that turn `current` into `next` (open a file, start empty, load the demo, restore). */
export function replaceState(current: PortfolioState, next: PortfolioState): Change[] {
  const changes: Change[] = [change('meta', 'portfolio', current.meta, next.meta)];
  for (const name of LIST_ENTITY_NAMES) {
    const after = new Map<string, object>();
    for (const record of next[name] as readonly object[]) {
      after.set(keyText(keyOf(name, record)), record);
    }
    for (const record of current[name] as readonly object[]) {
      const key = keyOf(name, record);
      const text = keyText(key);
      changes.push(change(name, key, record, after.get(text)));
      after.delete(text);
    }
    for (const record of after.values()) {
      changes.push(change(name, keyOf(name, record), undefined, record));
    }
  }
  return changes;
}

export function renamePortfolio(state: PortfolioState, name: string): EditPlan {
  return {
    label: `Renamed the portfolio to ${quoted(name)}`,
    changes: [change('meta', 'portfolio', state.meta, { ...state.meta, name })],
  };
}

/** Sets the currency (ISO 4217 code, upper-cased) or capacity unit; empty removes it. */
export function setPortfolioUnit(
  state: PortfolioState,
  field: 'currency' | 'capacityUnit',
  value: string,
): EditPlan {
  const text = field === 'currency' ? value.trim().toUpperCase() : value.trim();
  const meta: PortfolioMeta = setField(state.meta, field, text || undefined);
  return {
    label:
      field === 'currency'
        ? text
          ? `Set the currency to ${text}`
          : 'Cleared the currency'
        : text
          ? `Set the capacity unit to ${text}`
          : 'Cleared the capacity unit',
    changes: [change('meta', 'portfolio', state.meta, meta)],
  };
}

/** Sets the budget of one period; `undefined` removes the limit for that period. */
export function setPeriodBudget(
  state: PortfolioState,
  periodId: string,
  value: number | undefined,
): EditPlan {
  const budget: Record<string, number> = { ...(state.meta.budget ?? {}) };
  if (value === undefined) delete budget[periodId];
  else budget[periodId] = value;
  const label = state.periods.find((period) => period.id === periodId)?.label ?? periodId;
  return {
    label: `Changed the budget of ${label}`,
    changes: [change('meta', 'portfolio', state.meta, { ...state.meta, budget })],
  };
}

/** Turns the budget constraint on (an empty budget to fill in) or off (removes it). */
export function setBudgetEnabled(state: PortfolioState, enabled: boolean): EditPlan {
  return {
    label: enabled ? 'Turned the budget on' : 'Turned the budget off',
    changes: [
      change(
        'meta',
        'portfolio',
        state.meta,
        setField(state.meta, 'budget', enabled ? (state.meta.budget ?? {}) : undefined),
      ),
    ],
  };
}

// ---- Teams -----------------------------------------------------------------------------------

export function createTeam(
  state: PortfolioState,
  context: EditContext,
  name = 'New team',
): EditPlan & { readonly id: string } {
  const id = context.newId('teams');
  const record: TeamRecord = {
    id,
    name,
    capacity: {},
    order: context.keys.between(lastOrder(state.teams), null),
  };
  return {
    id,
    label: `Added team ${quoted(name)}`,
    changes: [change('teams', id, undefined, record)],
  };
}

export function renameTeam(state: PortfolioState, id: string, name: string): EditPlan {
  const team = byId(state.teams, id, 'Team');
  return {
    label: `Renamed team ${quoted(team.name)} to ${quoted(name)}`,
    changes: [change('teams', id, team, { ...team, name })],
  };
}

/** Sets a team's capacity in one period; `undefined` clears it (counts as 0). */
export function setTeamCapacity(
  state: PortfolioState,
  id: string,
  periodId: string,
  value: number | undefined,
): EditPlan {
  const team = byId(state.teams, id, 'Team');
  const capacity: Record<string, number> = { ...team.capacity };
  if (value === undefined) delete capacity[periodId];
  else capacity[periodId] = value;
  const period = state.periods.find((entry) => entry.id === periodId)?.label ?? periodId;
  return {
    label: `Changed the capacity of ${quoted(team.name)} in ${period}`,
    changes: [change('teams', id, team, { ...team, capacity })],
  };
}

/**
 * Deletes a team and the demand and effort recorded against it: initiatives', proposals' and the
 * intake size templates' demand of it, and actual effort.
 */
export function deleteTeam(state: PortfolioState, id: string): EditPlan {
  const team = byId(state.teams, id, 'Team');
  const changes: Change[] = [change('teams', id, team, undefined)];
  for (const record of state.initiatives) {
    if (record.demand && id in record.demand) {
      const { [id]: _removed, ...demand } = record.demand;
      changes.push(change('initiatives', record.id, record, { ...record, demand }));
    }
  }
  for (const record of state.proposals) {
    if (record.demand && Object.hasOwn(record.demand, id)) {
      const { [id]: _removed, ...demand } = record.demand;
      changes.push(change('proposals', record.id, record, { ...record, demand }));
    }
  }
  const settings = state.meta.intakeSettings;
  if (settings) {
    let touched = false;
    const sizes: Record<string, SizeTemplate> = {};
    for (const [size, template] of Object.entries(settings.sizes)) {
      if (!template) continue;
      if (Object.hasOwn(template.demand, id)) {
        const { [id]: _removed, ...demand } = template.demand;
        sizes[size] = { ...template, demand };
        touched = true;
      } else sizes[size] = template;
    }
    if (touched) {
      const meta = { ...state.meta, intakeSettings: { ...settings, sizes } };
      changes.push(change('meta', 'portfolio', state.meta, meta));
    }
  }
  for (const actual of state.actuals) {
    if (actual.effort && id in actual.effort) {
      const { [id]: _removed, ...effort } = actual.effort;
      changes.push(change('actuals', keyOf('actuals', actual), actual, { ...actual, effort }));
    }
  }
  return { label: `Deleted team ${quoted(team.name)}`, changes };
}

// ---- Periods ---------------------------------------------------------------------------------

/** Appends a period after the last one; `next` computes it from the last (or undefined). */
export function appendPeriod(
  state: PortfolioState,
  context: EditContext,
  next: (last: Period | undefined, taken: ReadonlySet<string>) => Period,
): EditPlan & { readonly id: string } {
  const period = next(state.periods.at(-1), new Set(state.periods.map((record) => record.id)));
  const record = { ...period, order: context.keys.between(lastOrder(state.periods), null) };
  return {
    id: period.id,
    label: `Added period ${period.label}`,
    changes: [change('periods', period.id, undefined, record)],
  };
}

export function renamePeriod(state: PortfolioState, id: string, label: string): EditPlan {
  const period = byId(state.periods, id, 'Period');
  return {
    label: `Renamed period ${period.label} to ${label}`,
    changes: [change('periods', id, period, { ...period, label })],
  };
}

/** Sets a period's start or end date (ISO); `undefined` clears it. */
export function setPeriodDate(
  state: PortfolioState,
  id: string,
  field: 'start' | 'end',
  value: string | undefined,
): EditPlan {
  const period = byId(state.periods, id, 'Period');
  return {
    label: `Changed the ${field === 'start' ? 'start' : 'end'} of ${period.label}`,
    changes: [change('periods', id, period, setField(period, field, value || undefined))],
  };
}

/**
 * Deletes a period with the capacity and budget entered for it. The store refuses it (with the
 * reason) while an initiative's start window or an actual refers to it.
 */
export function deletePeriod(state: PortfolioState, id: string): EditPlan {
  const period = byId(state.periods, id, 'Period');
  const changes: Change[] = [change('periods', id, period, undefined)];
  for (const team of state.teams) {
    if (id in team.capacity) {
      const { [id]: _removed, ...capacity } = team.capacity;
      changes.push(change('teams', team.id, team, { ...team, capacity }));
    }
  }
  const { meta } = state;
  if (meta.budget && id in meta.budget) {
    const { [id]: _removed, ...budget } = meta.budget;
    changes.push(change('meta', 'portfolio', meta, { ...meta, budget }));
  }
  return { label: `Deleted period ${period.label}`, changes };
}

// ---- Objectives ------------------------------------------------------------------------------

// The strategy tree's operations live in objectives.ts; these names stay here for older callers.
export { createObjective, deleteObjective, renameObjective } from './objectives';

// ---- Actuals ---------------------------------------------------------------------------------

/** Records what an initiative really spent and delivered in a period (replacing any entry). */
export function setActual(
  state: PortfolioState,
  context: EditContext,
  actual: Omit<ActualRecord, 'order'>,
): EditPlan {
  const key = [actual.initiativeId, actual.periodId] as const;
  const existing = state.actuals.find(
    (record) => record.initiativeId === actual.initiativeId && record.periodId === actual.periodId,
  );
  const name =
    state.initiatives.find((initiative) => initiative.id === actual.initiativeId)?.name ??
    actual.initiativeId;
  return {
    label: `Recorded the actuals of ${quoted(name)} in ${actual.periodId}`,
    changes: [
      change('actuals', key, existing, {
        ...actual,
        order: existing?.order ?? context.keys.between(lastOrder(state.actuals), null),
      }),
    ],
  };
}

export function deleteActual(
  state: PortfolioState,
  initiativeId: string,
  periodId: string,
): EditPlan {
  const existing = state.actuals.find(
    (record) => record.initiativeId === initiativeId && record.periodId === periodId,
  );
  return {
    label: `Deleted the actuals of ${initiativeId} in ${periodId}`,
    changes: existing ? [change('actuals', [initiativeId, periodId], existing, undefined)] : [],
  };
}
