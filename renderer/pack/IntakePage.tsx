/**
 * The board pack's intake section as blocks the paginator places: a paragraph with the flow
 * figures, the gate decisions since the last pack, and what waits at the gate. Tables break
 * between rows like the pack's other tables; a long rationale is cut to keep each row short (the
 * decision log section prints it whole).
 */
import { formatNumber } from '../../shared/format';
import { PACK_LOCALE } from '../../shared/pack/content';
import { intakeSummary, type IntakePackDecision } from '../../shared/pack/intake';
import type { PackInput } from '../../shared/pack/types';
import { flow, note, subheading } from './blocks';
import type { Block, TableBlock } from './sections';
import { cutText } from './text-pieces';

/** Most characters of a rationale in one row of the decisions table. */
export const INTAKE_RATIONALE_CHARS = 280;

const TAG_CLASS: Readonly<Record<IntakePackDecision['outcome'], string>> = {
  approved: 'pack-tag pack-tag--approve',
  rejected: 'pack-tag pack-tag--stop',
  deferred: 'pack-tag',
  'sent-back': 'pack-tag',
};

/** The rationale as a row prints it: whole, or cut at a sentence with a pointer to the log. */
function rationaleText(rationale: string): string {
  const line = rationale.replace(/\s+/g, ' ').trim();
  const [head, rest] = cutText(line, INTAKE_RATIONALE_CHARS);
  return rest === '' ? head : `${head} … (in full in the decision log)`;
}

function decisionsTable(decisions: readonly IntakePackDecision[], since: string): TableBlock {
  return {
    kind: 'table',
    key: 'intake-decisions',
    caption: `Gate decisions since ${since}`,
    widths: ['14%', '17%', '69%'],
    head: ['Date', 'Decision', 'Proposal'],
    rows: decisions.map((decision, index) => ({
      key: `${decision.proposalId}-${decision.date}-${index}`,
      cells: [
        <span className="pack-date">{decision.date}</span>,
        <span className={TAG_CLASS[decision.outcome]}>{decision.outcomeLabel}</span>,
        <div className="pack-log">
          <p className="pack-log__title">
            <span className="pack-name">{decision.title}</span>
          </p>
          {decision.detail && <p className="pack-log__p">{decision.detail}</p>}
          {decision.rationale && (
            <p className="pack-log__p">
              <span className="pack-log__label">Why: </span>
              {rationaleText(decision.rationale)}
            </p>
          )}
          {decision.decidedBy && (
            <p className="pack-log__p">
              <span className="pack-log__label">Decided by: </span>
              {decision.decidedBy}
            </p>
          )}
        </div>,
      ],
    })),
  };
}

/**
 * The intake section: none when the portfolio has no proposals (as the workshop summary is left
 * out without a finished session).
 */
export function intakeSection(input: PackInput): Block[] {
  const summary = intakeSummary(input.portfolio, input.settings, input.review?.previous);
  if (summary.kind === 'none') return [];
  const { window, decisions, waiting, overdue } = summary;
  const blocks: Block[] = [flow('intake-lead', <p className="pack-lead">{summary.lead}</p>)];

  blocks.push(subheading('intake-decisions-title', `Gate decisions since ${window.since}`));
  blocks.push(
    decisions.length === 0
      ? note('intake-no-decisions', `No gate decision since ${window.since}.`)
      : decisionsTable(decisions, window.since),
  );

  blocks.push(subheading('intake-waiting-title', 'Waiting at the gate'));
  if (waiting.length === 0) {
    blocks.push(note('intake-no-waiting', 'No proposal is submitted, in review or deferred.'));
  } else {
    blocks.push(
      flow(
        'intake-waiting-intro',
        <p className="pack-p">
          Longest waiting first. Fit is the proposal’s strongest objective link: the objective’s
          global weight × its contribution, as the gate checks it.
        </p>,
      ),
      {
        kind: 'table',
        key: 'intake-waiting',
        caption: 'Waiting at the gate',
        widths: ['27%', '13%', '8%', '14%', '6%', '7%', '25%'],
        head: ['Proposal', 'Stage', 'Days', 'Sponsor', 'Size', 'Fit', 'At the gate'],
        numeric: [2, 5],
        rows: waiting.map((entry) => ({
          key: entry.id,
          cells: [
            <span className="pack-name">{entry.title}</span>,
            <span>
              {entry.stageLabel}
              {entry.overdueDays !== undefined && (
                <span className="pack-owner">revisit {entry.overdueDays} days overdue</span>
              )}
            </span>,
            entry.days === undefined ? '—' : formatNumber(entry.days, 0, PACK_LOCALE),
            entry.sponsor ?? '—',
            entry.size ?? '—',
            entry.fit === undefined ? '—' : entry.fit.toFixed(2),
            <span className={entry.passes ? 'pack-tag pack-tag--approve' : undefined}>
              {entry.gate}
            </span>,
          ],
        })),
      },
    );
  }
  if (summary.waitingCount > waiting.length) {
    const more = summary.waitingCount - waiting.length;
    blocks.push(
      note(
        'intake-waiting-more',
        `And ${formatNumber(more, 0, PACK_LOCALE)} more ${more === 1 ? 'waits' : 'wait'} at the gate, not listed here: the Intake area lists them all.`,
      ),
    );
  }
  if (overdue.length > 0) {
    blocks.push(
      note(
        'intake-overdue',
        `Overdue for their revisit: ${overdue
          .map((entry) => `${entry.title} (due ${entry.revisitOn}, ${entry.daysOverdue} days ago)`)
          .join('; ')}.`,
      ),
    );
  }
  return blocks;
}
