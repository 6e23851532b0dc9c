/**
 * Places in a portfolio file in words, for people: `teams[0].capacity["2026-Q3"]` is "Team
 * Platform, capacity in Q3 2026". Names and labels come from the file when it has them; the path
 * stays beside the words as the detail a tool or a text editor needs.
 */
import { isWellFormedText } from './limits';
import { formatPath } from './paths';
import { MODEL_CRITERIA, MODEL_NAMES } from '../strategy/scoring';

/** The names of the criteria the models define themselves, by model and criterion id. */
const FIXED_CRITERION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> =
  Object.fromEntries(
    Object.entries(MODEL_CRITERIA).map(([model, criteria]) => [
      model,
      Object.fromEntries(criteria.map((criterion) => [criterion.id, criterion.name])),
    ]),
  );

type Node = Record<PropertyKey, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function own(node: unknown, key: PropertyKey): unknown {
  return isNode(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

const SHOWN_NAME_LENGTH = 60;

/** A name fit to show: the text, shortened, or undefined when it is no usable text. */
function shown(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || !isWellFormedText(value)) {
    return undefined;
  }
  const single = value.replace(/\s+/g, ' ').trim();
  return single.length > SHOWN_NAME_LENGTH ? `${single.slice(0, SHOWN_NAME_LENGTH - 1)}…` : single;
}

/** The name of list entry `index`: its name (or label), else its id, else its number. */
function entryName(list: unknown, index: number, nameKey = 'name'): string {
  const entry = own(list, index);
  return shown(own(entry, nameKey)) ?? shown(own(entry, 'id')) ?? `number ${index + 1}`;
}

/** The name of the entry of `list` whose id is `id`, else the id in quotes. */
function nameById(list: unknown, id: string, nameKey = 'name'): string {
  if (Array.isArray(list)) {
    const entry: unknown = list.find((item) => own(item, 'id') === id);
    const name = shown(own(entry, nameKey)) ?? (entry !== undefined ? shown(id) : undefined);
    if (name !== undefined) return name;
  }
  return JSON.stringify(shown(id) ?? id);
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** `earliestStart` → `earliest start`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const TOP_LEVEL: Readonly<Record<string, string>> = {
  format: 'Format',
  version: 'Version',
  batonRevision: 'Baton revision',
  name: 'Portfolio name',
  currency: 'Currency',
  capacityUnit: 'Capacity unit',
  periods: 'Periods',
  teams: 'Teams',
  budget: 'Budget',
  objectives: 'Objectives',
  scoring: 'Scoring',
  initiatives: 'Initiatives',
  scenarios: 'Scenarios',
  actuals: 'Actuals',
  decisions: 'Decisions',
  workshops: 'Workshops',
  intakeSettings: 'Intake settings',
  proposals: 'Proposals',
  cadences: 'Meeting series',
  reviews: 'Reviews',
  actions: 'Actions',
  snapshots: 'Snapshots',
  selfReviews: 'Self-reviews',
};

/**
 * The place `path` points to in `document` (a parsed file or a portfolio), in words; undefined
 * for the top level of the file.
 */
export function describePlace(path: readonly PropertyKey[], document: unknown): string | undefined {
  if (path.length === 0) return undefined;
  const [head, second, ...rest] = path;
  const top = String(head);
  const periods = own(document, 'periods');
  const teams = own(document, 'teams');
  const periodName = (id: PropertyKey) => nameById(periods, String(id), 'label');
  const teamName = (id: PropertyKey) => nameById(teams, String(id));
  const parts: string[] = [];
  let remaining: readonly PropertyKey[] = rest;

  const list = own(document, top);
  if (typeof second === 'number' && Array.isArray(list)) {
    const entry = own(list, second);
    switch (top) {
      case 'periods':
        parts.push(`Period ${entryName(list, second, 'label')}`);
        break;
      case 'teams':
        parts.push(`Team ${entryName(list, second)}`);
        break;
      case 'objectives':
        parts.push(`Objective ${entryName(list, second)}`);
        break;
      case 'initiatives':
        parts.push(`Initiative ${entryName(list, second)}`);
        break;
      case 'scenarios':
        parts.push(`Scenario ${entryName(list, second)}`);
        break;
      case 'decisions': {
        // A title is a sentence ("Commit plan Q3"), so it reads in quotes; an id does not.
        const title = shown(own(entry, 'title'));
        parts.push(
          title !== undefined ? `Decision “${title}”` : `Decision ${entryName(list, second)}`,
        );
        break;
      }
      case 'workshops': {
        // A title reads in quotes, as a decision's does.
        const title = shown(own(entry, 'title'));
        parts.push(
          title !== undefined ? `Workshop “${title}”` : `Workshop ${entryName(list, second)}`,
        );
        break;
      }
      case 'proposals': {
        // A title reads in quotes, as a decision's does; a draft may have none yet.
        const title = shown(own(entry, 'title'));
        parts.push(
          title !== undefined ? `Proposal “${title}”` : `Proposal ${entryName(list, second)}`,
        );
        break;
      }
      case 'cadences':
        parts.push(`Meeting series ${entryName(list, second)}`);
        break;
      case 'reviews': {
        // A review reads by its title and date: a monthly series has many of one title.
        const title = shown(own(entry, 'title'));
        const date = shown(own(entry, 'date'));
        parts.push(
          title !== undefined
            ? `Review “${title}”${date !== undefined ? ` of ${date}` : ''}`
            : `Review ${entryName(list, second)}`,
        );
        break;
      }
      case 'actions': {
        const title = shown(own(entry, 'title'));
        parts.push(title !== undefined ? `Action “${title}”` : `Action ${entryName(list, second)}`);
        break;
      }
      case 'snapshots': {
        const label = shown(own(entry, 'label'));
        parts.push(
          label !== undefined ? `Snapshot “${label}”` : `Snapshot ${entryName(list, second)}`,
        );
        break;
      }
      case 'selfReviews': {
        // A self-review reads by its date: the PMO takes one a quarter.
        const date = shown(own(entry, 'date'));
        parts.push(
          date !== undefined ? `Self-review of ${date}` : `Self-review ${entryName(list, second)}`,
        );
        break;
      }
      case 'actuals': {
        const initiativeId = own(entry, 'initiativeId');
        const periodId = own(entry, 'periodId');
        parts.push(
          typeof initiativeId === 'string' && typeof periodId === 'string'
            ? `Actuals of ${nameById(own(document, 'initiatives'), initiativeId)} in ${periodName(periodId)}`
            : `Actuals entry ${second + 1}`,
        );
        break;
      }
      default:
        parts.push(`${TOP_LEVEL[top] ?? words(top)}, entry ${second + 1}`);
    }
    remaining = describeInside(top, entry, rest, parts, { periodName, teamName, document });
  } else if (top === 'intakeSettings' && typeof second === 'string') {
    parts.push(TOP_LEVEL[top] as string);
    remaining = describeIntakeSettings(second, rest, parts, teamName);
  } else if (top === 'budget' && second !== undefined) {
    parts.push(`Budget in ${periodName(second)}`);
  } else if (top === 'scoring' && second === 'criteria' && typeof rest[0] === 'number') {
    const criteria = own(own(document, 'scoring'), 'criteria');
    parts.push(`Scoring criterion ${entryName(criteria, rest[0])}`);
    remaining = rest.slice(1);
  } else {
    parts.push(TOP_LEVEL[top] ?? `Key ${JSON.stringify(top)}`);
    remaining = second === undefined ? [] : [second, ...rest];
  }
  if (remaining.length > 0) parts.push(formatPath(remaining));
  return parts.join(', ');
}

type Namers = {
  readonly periodName: (id: PropertyKey) => string;
  readonly teamName: (id: PropertyKey) => string;
  readonly document: unknown;
};

/** Adds the words for the fields of a list entry; returns what is left of the path. */
function describeInside(
  top: string,
  entry: unknown,
  path: readonly PropertyKey[],
  parts: string[],
  { periodName, teamName, document }: Namers,
): readonly PropertyKey[] {
  const [field, key, ...rest] = path;
  if (field === undefined) return [];
  const name = String(field);
  if (top === 'teams' && name === 'capacity' && key !== undefined) {
    parts.push(`capacity in ${periodName(key)}`);
    return rest;
  }
  if (top === 'actuals' && name === 'effort' && key !== undefined) {
    parts.push(`effort of ${teamName(key)}`);
    return rest;
  }
  if (top === 'proposals') {
    const inside = describeProposalPart(name, key, rest, parts);
    if (inside) return inside;
  }
  // A proposal asks for demand, spend, scores and links as an initiative does.
  if (top === 'initiatives' || top === 'proposals') {
    if (name === 'demand' && key !== undefined) {
      const [step, ...after] = rest;
      parts.push(
        typeof step === 'number'
          ? `demand of ${teamName(key)} in its ${ordinal(step + 1)} active period`
          : `demand of ${teamName(key)}`,
      );
      return after;
    }
    if (name === 'spend' && typeof key === 'number') {
      parts.push(`spend in its ${ordinal(key + 1)} active period`);
      return rest;
    }
    if (name === 'scores' && key !== undefined) {
      const scoring = own(document, 'scoring');
      const criteria = own(scoring, 'criteria');
      const fixed = FIXED_CRITERION_NAMES[String(own(scoring, 'model'))]?.[String(key)];
      const given = Array.isArray(criteria)
        ? criteria.some((item) => own(item, 'id') === String(key))
        : false;
      parts.push(
        `score for ${fixed !== undefined && !given ? fixed : nameById(criteria, String(key))}`,
      );
      return rest;
    }
    if (name === 'objectives' && typeof key === 'number') {
      const link = own(own(entry, 'objectives'), key);
      const objectiveId = own(link, 'id');
      parts.push(
        typeof objectiveId === 'string'
          ? `link to objective ${nameById(own(document, 'objectives'), objectiveId)}`
          : `objective link ${key + 1}`,
      );
      return rest;
    }
    if ((name === 'dependsOn' || name === 'excludes') && typeof key === 'number') {
      parts.push(`${name === 'dependsOn' ? 'prerequisite' : 'exclusion'} ${key + 1}`);
      return rest;
    }
  }
  if (top === 'objectives' && name === 'measures' && typeof key === 'number') {
    const measures = own(entry, 'measures');
    parts.push(`measure ${entryName(measures, key)}`);
    const [inner, index, ...after] = rest;
    if (inner === 'actuals' && typeof index === 'number') {
      const date = shown(own(own(own(own(measures, key), 'actuals'), index), 'date'));
      parts.push(date ? `actual of ${date}` : `actual ${index + 1}`);
      return after;
    }
    return rest;
  }
  if (top === 'decisions' && name === 'concerns' && typeof key === 'number') {
    parts.push(`concern ${key + 1}`);
    return rest;
  }
  if (top === 'workshops') {
    const inside = describeWorkshopPart(name, key, rest, parts);
    if (inside) return inside;
  }
  if (top === 'reviews' && typeof key === 'number') {
    if (name === 'agenda') {
      const item = own(own(entry, 'agenda'), key);
      const title = shown(own(item, 'title'));
      parts.push(title !== undefined ? `agenda item “${title}”` : `agenda item ${key + 1}`);
      const [inner, index, ...after] = rest;
      if (inner === 'refs' && typeof index === 'number') {
        parts.push(`reference ${index + 1}`);
        return after;
      }
      return rest;
    }
    if (name === 'attendance') {
      parts.push(`attendee ${entryName(own(entry, 'attendance'), key)}`);
      return rest;
    }
  }
  if (top === 'selfReviews' && name === 'answers' && typeof key === 'number') {
    const question = shown(own(own(own(entry, 'answers'), key), 'question'));
    parts.push(question !== undefined ? `answer to “${question}”` : `answer ${key + 1}`);
    return rest;
  }
  if (top === 'cadences' && name === 'attendees' && typeof key === 'number') {
    parts.push(`attendee ${key + 1}`);
    return rest;
  }
  if (top === 'scenarios' && name === 'ranking' && typeof key === 'number') {
    parts.push(`place ${key + 1} of the ranking`);
    return rest;
  }
  parts.push(words(name));
  return key === undefined ? [] : [key, ...rest];
}

/** Each list of a workshop session, its entries as people count them: "score 5". */
const WORKSHOP_ENTRIES: Readonly<Record<string, string>> = {
  participants: 'participant',
  initiatives: 'initiative',
  criteria: 'criterion',
  scores: 'score',
  votes: 'vote',
  calls: 'call',
};

/** Each part of a workshop session that is one object, in words. */
const WORKSHOP_PARTS: Readonly<Record<string, string>> = {
  timer: 'timer',
  dots: 'dot voting',
  rescore: 're-score',
  outcome: 'outcome',
};

/**
 * Adds the words for `field`'s `key` inside a workshop session ("score 5, participant id",
 * "dot voting, per person"); returns what is left of the path, or undefined when the generic
 * words do.
 */
function describeWorkshopPart(
  field: string,
  key: PropertyKey | undefined,
  rest: readonly PropertyKey[],
  parts: string[],
): readonly PropertyKey[] | undefined {
  const entry = WORKSHOP_ENTRIES[field];
  if (entry !== undefined && typeof key === 'number') {
    // The initiatives and criteria lists hold plain ids; the others hold objects.
    const ofSession = field === 'initiatives' || field === 'criteria' ? ' of the session' : '';
    parts.push(`${entry} ${key + 1}${ofSession}`);
    return fieldWords(rest, parts);
  }
  const part = WORKSHOP_PARTS[field];
  if (part !== undefined && typeof key === 'string') {
    parts.push(part);
    const [index, ...after] = rest;
    if (field === 'outcome' && (key === 'before' || key === 'after') && typeof index === 'number') {
      parts.push(`place ${index + 1} of the ranking ${key}`);
      return after;
    }
    parts.push(words(key));
    return rest;
  }
  return undefined;
}

/** A last field name in words ("participant id"); a longer path stays a path. */
function fieldWords(path: readonly PropertyKey[], parts: string[]): readonly PropertyKey[] {
  const [only, ...more] = path;
  if (typeof only === 'string' && more.length === 0) {
    parts.push(words(only));
    return [];
  }
  return path;
}

/** Each list of a proposal that the initiative's words do not cover, its entries counted. */
const PROPOSAL_ENTRIES: Readonly<Record<string, string>> = {
  history: 'move',
  attachments: 'attachment',
  decisionIds: 'decision',
};

/**
 * Adds the words for `field`'s `key` inside a proposal ("move 2, date", "attachment 1, url");
 * returns what is left of the path, or undefined when other words do.
 */
function describeProposalPart(
  field: string,
  key: PropertyKey | undefined,
  rest: readonly PropertyKey[],
  parts: string[],
): readonly PropertyKey[] | undefined {
  const entry = PROPOSAL_ENTRIES[field];
  if (entry !== undefined && typeof key === 'number') {
    parts.push(`${entry} ${key + 1}`);
    return fieldWords(rest, parts);
  }
  return undefined;
}

/** The gate's rules in words, by their keys. */
const GATE_RULE_WORDS: Readonly<Record<string, string>> = {
  objectiveFit: 'objective fit rule',
  priority: 'priority rule',
  businessCase: 'business case rule',
  exclusions: 'exclusions rule',
  capacity: 'capacity rule',
};

/**
 * Adds the words for a place in the intake settings ("size L, demand of Platform in its 2nd
 * active period", "gate, priority rule, minimum"); returns what is left of the path.
 */
function describeIntakeSettings(
  part: string,
  path: readonly PropertyKey[],
  parts: string[],
  teamName: (id: PropertyKey) => string,
): readonly PropertyKey[] {
  const [key, field, team, step, ...rest] = path;
  if (part === 'stageLabels' && key !== undefined) {
    parts.push(`name of the ${String(key)} stage`);
    return path.slice(1);
  }
  if (part === 'sizes' && key !== undefined) {
    parts.push(`size ${String(key)}`);
    if (field === 'demand' && team !== undefined) {
      parts.push(
        typeof step === 'number'
          ? `demand of ${teamName(team)} in its ${ordinal(step + 1)} active period`
          : `demand of ${teamName(team)}`,
      );
      return typeof step === 'number' ? rest : path.slice(3);
    }
    if (field === 'spend' && typeof team === 'number') {
      parts.push(`spend in its ${ordinal(team + 1)} active period`);
      return path.slice(3);
    }
    return fieldWords(path.slice(1), parts);
  }
  if (part === 'gate' && typeof key === 'string') {
    parts.push(`gate, ${GATE_RULE_WORDS[key] ?? words(key)}`);
    if (key === 'priority' && field === 'minimum' && team !== undefined) {
      const model = MODEL_NAMES[String(team) as keyof typeof MODEL_NAMES] as string | undefined;
      parts.push(`minimum under ${model ?? JSON.stringify(String(team))}`);
      return path.slice(3);
    }
    return fieldWords(path.slice(1), parts);
  }
  parts.push(words(part));
  return path;
}
