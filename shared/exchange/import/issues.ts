/**
 * Import problems and warnings in words: where (sheet, row, column or path), then what.
 */
import type { ImportIssue } from './types';

/** At most this many problems are listed; the rest are counted. */
export const MAX_IMPORT_PROBLEMS = 100;

/**
 * The issue as one line people read: `row 14, column Spend Q2: "12k€" is not a number`, with the
 * sheet first when it is set, and the path when the place is not a table's.
 */
export function describeIssue(issue: ImportIssue): string {
  const place: string[] = [];
  if (issue.sheet !== undefined) place.push(`sheet ${issue.sheet}`);
  if (issue.row !== undefined) place.push(`row ${issue.row}`);
  if (issue.column !== undefined) place.push(`column ${issue.column}`);
  if (issue.path !== undefined) place.push(issue.path);
  return place.length === 0 ? issue.message : `${place.join(', ')}: ${issue.message}`;
}

/** Collects problems in file order, keeping the first `MAX_IMPORT_PROBLEMS` and counting all. */
export type ProblemList = {
  readonly add: (issue: ImportIssue) => void;
  readonly count: () => number;
  readonly listed: () => readonly ImportIssue[];
};

export function problemList(): ProblemList {
  const listed: ImportIssue[] = [];
  let count = 0;
  return {
    add: (issue) => {
      count += 1;
      if (listed.length < MAX_IMPORT_PROBLEMS) listed.push(issue);
    },
    count: () => count,
    listed: () => listed,
  };
}

/** A cell's text as shown in a message: quoted, and cut short when long. */
export function shownCell(text: string): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine);
}
