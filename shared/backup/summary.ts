/** The one line that tells backups apart in a list. */
import { plural } from '../format';
import type { Portfolio } from '../portfolio/types';
import { MAX_BACKUP_LABEL } from './types';

/**
 * "Acme 2027 · 42 initiatives · 5 teams · 3 scenarios": the portfolio's name and the counts a
 * user recognises their portfolio by. Cut to the length a backup keeps.
 */
export function portfolioSummary(
  portfolio: Pick<Portfolio, 'name' | 'initiatives' | 'teams' | 'scenarios'>,
): string {
  const line = [
    portfolio.name,
    plural(portfolio.initiatives.length, 'initiative'),
    plural(portfolio.teams.length, 'team'),
    plural(portfolio.scenarios.length, 'scenario'),
  ].join(' · ');
  return line.length <= MAX_BACKUP_LABEL ? line : `${line.slice(0, MAX_BACKUP_LABEL - 1)}…`;
}
