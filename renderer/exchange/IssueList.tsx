/** Problems or warnings of an import, each in words with its place: "row 14, column Spend Q2: …". */
import { describeIssue } from '../../shared/exchange/import';
import type { ImportIssue } from '../../shared/exchange/import/types';

type IssueListProps = {
  readonly issues: readonly ImportIssue[];
  /** What the list is, for screen readers: "Problems in the file". */
  readonly label: string;
};

export function IssueList({ issues, label }: IssueListProps) {
  return (
    <ul className="problem-list" aria-label={label}>
      {issues.map((issue, index) => (
        <li key={index}>{describeIssue(issue)}</li>
      ))}
    </ul>
  );
}
