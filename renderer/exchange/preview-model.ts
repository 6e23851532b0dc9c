/**
 * The preview of an import as tables: every record the import adds, updates or finds unchanged,
 * as it will be stored, and for an updated one which fields change from what to what.
 */
import type { MergeCounts, MergeSummary } from '../../shared/exchange/import/types';
import type { Proposal } from '../../shared/intake/types';
import { plural } from '../../shared/format';
import { formatNumber } from '../format';
import { MAX_NAME_LENGTH } from '../../shared/portfolio/limits';
import type { Actual, Initiative, Period, Portfolio, Team } from '../../shared/portfolio/types';

export type RecordChange = 'added' | 'updated' | 'unchanged';

export type PreviewRow = {
  readonly key: string;
  readonly change: RecordChange;
  readonly cells: readonly string[];
  /** For an updated record: "status: proposed → active", one per changed field. */
  readonly changes: readonly string[];
};

export type PreviewTable = {
  readonly kind: keyof MergeSummary;
  readonly title: string;
  readonly header: readonly string[];
  /** The first rows (added first, then updated, then unchanged). */
  readonly rows: readonly PreviewRow[];
  /** How many records the import touches in all. */
  readonly total: number;
};

/** How many rows of each table the preview lists; the counts cover them all. */
export const PREVIEW_ROWS = 200;

/**
 * Decimals a number of the preview shows, at most: enough for what is stored (0.47 FTE, a share
 * of 0.125), few enough that arithmetic noise (0.30000000000000004) does not show.
 */
const PREVIEW_DIGITS = 6;

/** A number as the screens show it, in the number format chosen in Settings (1,5 in German). */
function numberText(value: number): string {
  return formatNumber(value, PREVIEW_DIGITS);
}

/** A value as one cell: numbers per period "2 2 1", ids "crm, data", demand "platform: 2 2". */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number')) return value.map(numberText).join(' ');
    return value
      .map((item: unknown) =>
        typeof item === 'object' && item !== null && 'id' in item
          ? Object.entries(item)
              .filter(([key]) => key !== 'extras')
              .map(([, part]) => cellText(part))
              .join(':')
          : cellText(item),
      )
      .join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, part]) => `${key}: ${cellText(part)}`)
      .join('; ');
  }
  return '';
}

/** Which fields differ between two versions of a record, with the old and the new value. */
export function changedFields(before: object, after: object): readonly string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: string[] = [];
  for (const key of keys) {
    const old: unknown = (before as Record<string, unknown>)[key];
    const next: unknown = (after as Record<string, unknown>)[key];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const oldText = cellText(old) || '(none)';
    const newText = cellText(next) || '(none)';
    changes.push(`${key}: ${oldText} → ${newText}`);
  }
  return changes;
}

function table<T extends object>(
  kind: keyof MergeSummary,
  title: string,
  header: readonly string[],
  counts: MergeCounts,
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  cells: (record: T) => readonly string[],
): PreviewTable {
  const ids = [
    ...counts.added.map((id) => [id, 'added'] as const),
    ...counts.updated.map((id) => [id, 'updated'] as const),
    ...counts.unchanged.map((id) => [id, 'unchanged'] as const),
  ];
  const rows = ids.slice(0, PREVIEW_ROWS).flatMap(([id, change]) => {
    const record = after.get(id);
    if (!record) return [];
    const old = before.get(id);
    return [
      {
        key: `${change}:${id}`,
        change,
        cells: cells(record),
        changes: change === 'updated' && old ? changedFields(old, record) : [],
      },
    ];
  });
  return { kind, title, header, rows, total: ids.length };
}

const actualKey = (actual: Pick<Actual, 'initiativeId' | 'periodId'>) =>
  `${actual.initiativeId}/${actual.periodId}`;

function byId<T extends { readonly id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

function byActual(records: readonly Actual[] | undefined): Map<string, Actual> {
  return new Map((records ?? []).map((record) => [actualKey(record), record]));
}

/**
 * The tables of the preview, for the kinds of record the import touches: `before` is the
 * portfolio now (for what changes), `after` the one the import stores.
 */
export function previewTables(
  before: Portfolio,
  after: Portfolio,
  summary: MergeSummary,
): readonly PreviewTable[] {
  const teams = after.teams.map((team) => team.id);
  const periods = after.periods.map((period) => period.id);
  const tables = [
    table<Initiative>(
      'initiatives',
      'Initiatives',
      ['Id', 'Name', 'Status', 'Owner', 'Value', 'Demand', 'Spend', 'Depends on'],
      summary.initiatives,
      byId(before.initiatives),
      byId(after.initiatives),
      (initiative) => [
        initiative.id,
        initiative.name,
        initiative.status,
        initiative.owner ?? '',
        cellText(initiative.value),
        cellText(initiative.demand),
        cellText(initiative.spend),
        cellText(initiative.dependsOn),
      ],
    ),
    table<Team>(
      'teams',
      'Teams',
      ['Id', 'Name', 'Capacity'],
      summary.teams,
      byId(before.teams),
      byId(after.teams),
      (team) => [
        team.id,
        team.name,
        periods.map((period) => `${period}: ${numberText(team.capacity[period] ?? 0)}`).join('; '),
      ],
    ),
    table<Period>(
      'periods',
      'Periods',
      ['Id', 'Label', 'Start', 'End'],
      summary.periods,
      byId(before.periods),
      byId(after.periods),
      (period) => [period.id, period.label, period.start ?? '', period.end ?? ''],
    ),
    table<Actual>(
      'actuals',
      'Actuals',
      ['Initiative', 'Period', 'Spend', 'Effort', 'Progress', 'Note'],
      summary.actuals,
      byActual(before.actuals),
      byActual(after.actuals),
      (actual) => [
        actual.initiativeId,
        actual.periodId,
        cellText(actual.spend),
        teams
          .filter((team) => actual.effort?.[team] !== undefined)
          .map((team) => `${team}: ${cellText(actual.effort?.[team])}`)
          .join('; '),
        cellText(actual.progress),
        actual.note ?? '',
      ],
    ),
    ...(summary.proposals
      ? [
          table<Proposal>(
            'proposals',
            'Proposals',
            ['Id', 'Title', 'Stage', 'Sponsor', 'Owner', 'Size', 'Objectives', 'Earliest start'],
            summary.proposals,
            byId(before.proposals ?? []),
            byId(after.proposals ?? []),
            (proposal) => [
              proposal.id,
              proposal.title,
              proposal.stage,
              proposal.sponsor ?? '',
              proposal.owner ?? '',
              proposal.size ?? '',
              cellText(proposal.objectives),
              proposal.earliestStart ?? '',
            ],
          ),
        ]
      : []),
  ];
  return tables.filter((entry) => entry.total > 0);
}

const KINDS_OF_RECORD = [
  ['initiatives', 'initiative', 'initiatives'],
  ['teams', 'team', 'teams'],
  ['periods', 'period', 'periods'],
  ['actuals', 'row of actuals', 'rows of actuals'],
  ['proposals', 'proposal', 'proposals'],
] as const;

/**
 * What a merge does, in words: "3 initiatives added, 2 updated, 10 unchanged; 1 team added",
 * counts in the number format chosen in Settings ("10,000 initiatives added"). Kinds of record the
 * file did not touch are left out.
 */
export function summaryText(summary: MergeSummary): string {
  const parts = KINDS_OF_RECORD.flatMap(([key, one, many]) => {
    const kind = summary[key];
    if (!kind) return [];
    const { added, updated, unchanged } = kind;
    const counts = [
      [added.length, 'added'],
      [updated.length, 'updated'],
      [unchanged.length, 'unchanged'],
    ] as const;
    const [first, ...rest] = counts.filter(([count]) => count > 0);
    if (!first) return [];
    return [
      [
        `${plural(first[0], one, many, formatNumber(first[0], 0))} ${first[1]}`,
        ...rest.map(([count, what]) => `${formatNumber(count, 0)} ${what}`),
      ].join(', '),
    ];
  });
  return parts.length > 0 ? parts.join('; ') : 'nothing to add or change';
}

/** Whether a merge adds and updates nothing: every record is in the portfolio as it is. */
export function importsNothing(summary: MergeSummary): boolean {
  return Object.values(summary).every(
    (counts: MergeSummary[keyof MergeSummary]) =>
      counts === undefined || (counts.added.length === 0 && counts.updated.length === 0),
  );
}

/** What the notice (and the preview) says when an import would change nothing. */
export function nothingToImportText(fileName: string): string {
  return `Nothing to import: every record in ${fileName} is already in the portfolio as it is.`;
}

/** The name of a portfolio made from a file alone: the file's name without its extension. */
export function portfolioNameOfFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (
    (base.replace(/\.[^.]*$/, '') || base).trim().slice(0, MAX_NAME_LENGTH) || 'Imported portfolio'
  );
}
