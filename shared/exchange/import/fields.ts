/**
 * The fields a spreadsheet column can fill, per kind of table. Field ids are plain
 * (`name`, `spend`) or a field of one criterion, team or period (`score:reach`,
 * `demand:platform`, `effort:platform`, `capacity:2027-Q1`).
 */
import type { Portfolio } from '../../portfolio/types';
import { modelCriteria } from '../../strategy/scoring';
import type { ImportTableKind } from './types';

export type ImportField = {
  /** The field id a mapping names (`name`, `score:reach`, `demand:platform`). */
  readonly id: string;
  /** The field in words, for the mapping step ("Demand: Platform"). */
  readonly label: string;
  /** The import is refused when no column fills it. */
  readonly required: boolean;
  /** What a cell holds, in words ("numbers per period, separated by spaces"). */
  readonly hint: string;
};

/** The fields that take one item each: of a criterion, a team or a period. */
export const PER_ITEM_FIELDS = ['score', 'demand', 'effort', 'capacity'] as const;
export type PerItemField = (typeof PER_ITEM_FIELDS)[number];

/** Plain fields per kind, with their labels and hints, in the order of Baton's export. */
const PLAIN_FIELDS: Readonly<
  Record<ImportTableKind, readonly (readonly [id: string, label: string, hint: string])[]>
> = {
  initiatives: [
    ['id', 'Id', 'a short unique id; made from the name when empty'],
    ['name', 'Name', 'text'],
    ['status', 'Status', 'proposed, approved, active, done or cancelled'],
    ['owner', 'Owner', 'text'],
    ['description', 'Description', 'text'],
    [
      'objectives',
      'Objectives',
      'objective ids or names with a contribution 1 to 3: grow:3, retain:1',
    ],
    ['value', 'Value', 'a number'],
    ['spend', 'Spend', 'numbers per period, separated by spaces'],
    ['duration', 'Duration', 'a whole number of periods'],
    ['earliestStart', 'Earliest start', 'a period'],
    ['latestStart', 'Latest start', 'a period'],
    ['start', 'Start', 'a period (work already under way)'],
    ['dependsOn', 'Depends on', 'initiative ids or names, separated by commas'],
    ['excludes', 'Excludes', 'initiative ids or names, separated by commas'],
    ['forced', 'Forced', 'in or out'],
    ['forcedReason', 'Forced reason', 'text'],
    ['estimateRange', 'Estimate range', 'a share below 1 (0.3) or a percentage (30%)'],
  ],
  capacity: [
    ['team', 'Team id', 'a short unique id; made from the name when empty'],
    ['name', 'Team name', 'text'],
  ],
  actuals: [
    ['initiativeId', 'Initiative', 'an initiative id or name'],
    ['periodId', 'Period', 'a period id or label'],
    ['spend', 'Spend', 'a number'],
    ['progress', 'Progress', 'a share from 0 to 1 (0.5) or a percentage (50%)'],
    ['rag', 'RAG', 'green, amber or red'],
    ['confidence', 'Confidence', 'high, medium or low'],
    ['benefit', 'Benefit realized', 'a number: the benefit realized in the period'],
    ['note', 'Note', 'text'],
  ],
  proposals: [
    ['id', 'Id', 'a short unique id; made from the title when empty'],
    ['title', 'Title', 'text'],
    ['problem', 'Problem', 'text: the problem or opportunity'],
    ['outcome', 'Outcome', 'text: what will be different when it is done'],
    ['sponsor', 'Sponsor', 'text'],
    ['owner', 'Owner', 'text'],
    ['size', 'Size', 'a t-shirt size: S, M, L, XL or XXL'],
    [
      'objectives',
      'Objectives',
      'objective ids or names with a contribution 1 to 3: grow:3, retain:1',
    ],
    ['earliestStart', 'Earliest start', 'a period'],
    ['businessCase', 'Business case', 'text'],
  ],
};

const REQUIRED: Readonly<Record<ImportTableKind, readonly string[]>> = {
  initiatives: ['name'],
  capacity: ['name'],
  actuals: ['initiativeId', 'periodId'],
  proposals: ['title'],
};

/** The plain field ids of a kind. */
export function plainFieldIds(kind: ImportTableKind): readonly string[] {
  return PLAIN_FIELDS[kind].map(([id]) => id);
}

/** The fields a column of a `kind` table can fill, given the portfolio's criteria, teams, periods. */
export function importFields(kind: ImportTableKind, portfolio: Portfolio): readonly ImportField[] {
  const plain = PLAIN_FIELDS[kind].map(([id, label, hint]): ImportField => ({
    id,
    label,
    hint,
    required: REQUIRED[kind].includes(id),
  }));
  const teams = (prefix: 'demand' | 'effort', hint: string): ImportField[] =>
    portfolio.teams.map((team) => ({
      id: `${prefix}:${team.id}`,
      label: `${prefix === 'demand' ? 'Demand' : 'Effort'}: ${team.name}`,
      hint,
      required: false,
    }));
  if (kind === 'initiatives') {
    const scores = modelCriteria(portfolio.scoring)
      .filter((criterion) => !criterion.computed)
      .map((criterion): ImportField => ({
        id: `score:${criterion.id}`,
        label: `Score: ${criterion.name}`,
        hint: 'a number',
        required: false,
      }));
    const at = plain.findIndex((field) => field.id === 'value');
    return [
      ...plain.slice(0, at),
      ...scores,
      plain[at] as ImportField,
      ...teams('demand', 'numbers per period, separated by spaces'),
      ...plain.slice(at + 1),
    ];
  }
  if (kind === 'capacity') {
    return [
      ...plain,
      ...portfolio.periods.map((period): ImportField => ({
        id: `capacity:${period.id}`,
        label: `Capacity: ${period.label}`,
        hint: 'a number',
        required: false,
      })),
    ];
  }
  if (kind === 'proposals') return plain;
  const at = plain.findIndex((field) => field.id === 'progress');
  return [...plain.slice(0, at), ...teams('effort', 'a number'), ...plain.slice(at)];
}

/** A field id split into its field and item: `demand:platform` → demand, platform. */
export function splitFieldId(
  fieldId: string,
): { readonly field: PerItemField; readonly item: string } | { readonly field: string } {
  const colon = fieldId.indexOf(':');
  if (colon > 0) {
    const field = fieldId.slice(0, colon);
    if ((PER_ITEM_FIELDS as readonly string[]).includes(field)) {
      return { field: field as PerItemField, item: fieldId.slice(colon + 1) };
    }
  }
  return { field: fieldId };
}

/** Which per-item fields a kind takes. */
export const KIND_ITEM_FIELDS: Readonly<Record<ImportTableKind, readonly PerItemField[]>> = {
  initiatives: ['score', 'demand'],
  capacity: ['capacity'],
  actuals: ['effort'],
  proposals: [],
};

/**
 * Whether `fieldId` is one a `kind` table takes. A per-item field may name a team or period the
 * portfolio does not have yet (the import adds it); a criterion must be the scoring model's.
 */
export function isFieldOf(kind: ImportTableKind, fieldId: string, portfolio: Portfolio): boolean {
  const split = splitFieldId(fieldId);
  if (!('item' in split)) return plainFieldIds(kind).includes(split.field);
  if (!KIND_ITEM_FIELDS[kind].includes(split.field) || split.item.trim() === '') return false;
  if (split.field === 'score') {
    return modelCriteria(portfolio.scoring).some(
      (criterion) => !criterion.computed && criterion.id === split.item,
    );
  }
  return true;
}

/**
 * The field in words, also for a field `importFields` does not list (a team or period the file
 * brings): "Demand: data (new team)".
 */
export function fieldLabel(kind: ImportTableKind, fieldId: string, portfolio: Portfolio): string {
  const known = importFields(kind, portfolio).find((field) => field.id === fieldId);
  if (known) return known.label;
  const split = splitFieldId(fieldId);
  if ('item' in split) {
    const what = split.field === 'capacity' ? 'new period' : 'new team';
    const word = split.field.charAt(0).toUpperCase() + split.field.slice(1);
    return `${word}: ${split.item} (${what})`;
  }
  return fieldId;
}
