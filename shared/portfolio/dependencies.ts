/** Questions about the dependency graph of a portfolio's initiatives. */
import type { Initiative } from './types';

/** Every initiative that `id` depends on, directly or through others. */
export function prerequisitesOf(initiatives: readonly Initiative[], id: string): Set<string> {
  const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
  const found = new Set<string>();
  const stack = [...(byId.get(id)?.dependsOn ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    stack.push(...(byId.get(next)?.dependsOn ?? []));
  }
  return found;
}

/** Whether making `id` depend on `prerequisiteId` would close a cycle. */
export function wouldCreateCycle(
  initiatives: readonly Initiative[],
  id: string,
  prerequisiteId: string,
): boolean {
  return prerequisiteId === id || prerequisitesOf(initiatives, prerequisiteId).has(id);
}

/**
 * Every initiative that depends on `id`, directly or through others, and `id` itself: the ones
 * `id` may not be made to depend on (that would close a cycle). One walk over the graph.
 */
export function dependantsAndSelf(initiatives: readonly Initiative[], id: string): Set<string> {
  const dependants = new Map<string, string[]>();
  for (const initiative of initiatives) {
    for (const prerequisite of initiative.dependsOn ?? []) {
      const list = dependants.get(prerequisite) ?? [];
      list.push(initiative.id);
      dependants.set(prerequisite, list);
    }
  }
  const found = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const next of dependants.get(stack.pop() as string) ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      stack.push(next);
    }
  }
  return found;
}

/** The initiatives that depend on `id` directly. */
export function dependantsOf(initiatives: readonly Initiative[], id: string): Initiative[] {
  return initiatives.filter((initiative) => initiative.dependsOn?.includes(id));
}
