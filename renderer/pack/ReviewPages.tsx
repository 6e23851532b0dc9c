/**
 * The two sections of a pack made for a review, as blocks the paginator places: "What changed
 * since the last review" (the diff of the previous review's snapshot and the portfolio as packed,
 * in sentences and tables) and "Minutes and decisions" (attendance, the agenda with notes and
 * outcomes, decisions recorded, actions raised and open actions carried). Long notes go on over
 * several rows, so that a table still breaks between rows.
 */
import type { ReactNode } from 'react';
import type { ValueChange } from '../../shared/cadence/types';
import { formatMoney, formatNumber } from '../../shared/format';
import { PACK_LOCALE, type PackContent } from '../../shared/pack/content';
import { reviewMinutes, type MinutesAction } from '../../shared/pack/review';
import type { PackInput } from '../../shared/pack/types';
import { flow, note, subheading } from './blocks';
import type { Block, TableBlock } from './sections';
import { textPieces } from './text-pieces';

/** Most characters of an item's notes in one row of the agenda table; the rest go on below. */
export const MINUTES_ROW_CHARS = 600;

const number = (value: number, digits = 1) => formatNumber(value, digits, PACK_LOCALE);

/** "2027-03-15 09:30 UTC". */
function utcMinute(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}

/** "before → after", or "—" when the value did not change. */
function fromTo<T>(change: ValueChange<T> | undefined, write: (value: T) => string): ReactNode {
  if (!change) return '—';
  return (
    <span className="pack-fromto">
      {write(change.before)} → {write(change.after)}
    </span>
  );
}

function signedNumber(delta: number, write: (magnitude: number) => string): string {
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : '−'}${write(Math.abs(delta))}`;
}

/** What changed since the last review; none when the pack is not made for a review. */
export function changesSection(input: PackInput, content: PackContent): Block[] {
  const changes = content.reviewChanges;
  if (!input.review || !changes) return [];
  if (changes.kind === 'none')
    return [flow('changes-none', <p className="pack-lead">{changes.sentence}</p>)];
  const { diff, previous } = changes;
  const currency = input.portfolio.currency;
  const unit = input.portfolio.capacityUnit ? ` ${input.portfolio.capacityUnit}` : '';
  const money = (amount: number) => formatMoney(amount, currency, true, PACK_LOCALE);
  const blocks: Block[] = [
    flow(
      'changes-lead',
      <p className="pack-lead">
        {[changes.lead, ...(changes.empty ? [] : changes.sentences)].join(' ')}
      </p>,
    ),
    flow(
      'changes-basis',
      <p className="pack-note">
        The portfolio as frozen when “{previous.title}” was held
        {changes.takenAt ? ` (snapshot taken ${utcMinute(changes.takenAt)})` : ''}, against{' '}
        {changes.heldTakenAt
          ? `the portfolio as frozen when this review was held (snapshot taken ${utcMinute(changes.heldTakenAt)})`
          : `the portfolio as packed on ${input.settings.date}`}
        {diff.scenario ? `, ranked by the scenario “${diff.scenario.name}”` : ''}.
      </p>,
    ),
  ];
  if (changes.empty) return blocks;
  if (diff.added.length > 0 || diff.removed.length > 0) {
    blocks.push(subheading('changes-added-title', 'Initiatives added and removed'));
    blocks.push(
      flow(
        'changes-added',
        <div className="pack-columns">
          <div>
            <p className="pack-label">Added ({diff.added.length})</p>
            <p className="pack-p">{diff.added.map((item) => item.name).join(' · ') || 'None'}</p>
          </div>
          <div>
            <p className="pack-label">Removed ({diff.removed.length})</p>
            <p className="pack-p">{diff.removed.map((item) => item.name).join(' · ') || 'None'}</p>
          </div>
        </div>,
      ),
    );
  }
  if (diff.changed.length > 0) {
    blocks.push(subheading('changes-changed-title', 'Initiatives changed'), {
      kind: 'table',
      key: 'changes-changed',
      caption: 'Initiatives changed',
      widths: ['31%', '20%', '15%', '17%', '17%'],
      head: ['Initiative', 'Status', 'Value', 'Spend', `Demand${unit}`],
      rows: diff.changed.map((change) => ({
        key: change.id,
        cells: [
          <span className="pack-name">
            {change.name}
            {change.renamed && ` (was “${change.renamed.before}”)`}
          </span>,
          fromTo(change.status, (status) => status),
          fromTo(change.value, (value) => number(value, 1)),
          fromTo(change.spend, money),
          fromTo(change.demand, (demand) => number(demand, 1)),
        ],
      })),
    });
  }
  if (diff.cutLine.length > 0) {
    const title = diff.scenario
      ? `Crossed the cut line of “${diff.scenario.name}”`
      : 'Crossed the cut line';
    blocks.push(subheading('changes-cut-title', title), {
      kind: 'table',
      key: 'changes-cut',
      caption: title,
      widths: ['46%', '24%', '15%', '15%'],
      head: ['Initiative', 'Moved', 'Rank then', 'Rank now'],
      numeric: [2, 3],
      rows: diff.cutLine.map((move) => ({
        key: move.id,
        cells: [
          <span className="pack-name">{move.name}</span>,
          <span
            className={
              move.direction === 'in' ? 'pack-tag pack-tag--approve' : 'pack-tag pack-tag--stop'
            }
          >
            {move.direction === 'in' ? 'Now funded' : 'No longer funded'}
          </span>,
          move.rankBefore === undefined ? '—' : number(move.rankBefore, 0),
          move.rankAfter === undefined ? '—' : number(move.rankAfter, 0),
        ],
      })),
    });
  }
  if (diff.capacity.length > 0) {
    blocks.push(subheading('changes-capacity-title', 'Capacity'), {
      kind: 'table',
      key: 'changes-capacity',
      caption: 'Capacity changed',
      widths: ['34%', '21%', '15%', '15%', '15%'],
      head: ['Team', 'Period', 'Then', 'Now', 'Change'],
      numeric: [2, 3, 4],
      rows: diff.capacity.map((change) => ({
        key: `${change.teamId}-${change.periodId}`,
        cells: [
          change.teamName,
          change.periodLabel,
          number(change.change.before),
          number(change.change.after),
          signedNumber(change.change.after - change.change.before, (v) => number(v)),
        ],
      })),
    });
  }
  if (diff.budget.length > 0) {
    const amount = (value: number | undefined) => (value === undefined ? 'no limit' : money(value));
    blocks.push(subheading('changes-budget-title', 'Budget'), {
      kind: 'table',
      key: 'changes-budget',
      caption: 'Budget changed',
      widths: ['34%', '22%', '22%', '22%'],
      head: ['Period', 'Then', 'Now', 'Change'],
      numeric: [1, 2, 3],
      rows: diff.budget.map((change) => {
        const { before, after } = change.change;
        return {
          key: change.periodId,
          cells: [
            change.periodLabel,
            amount(before),
            amount(after),
            before === undefined || after === undefined ? '—' : signedNumber(after - before, money),
          ],
        };
      }),
    });
  }
  if (diff.decisions.length > 0) {
    blocks.push(subheading('changes-decisions-title', 'Decisions recorded in between'), {
      kind: 'table',
      key: 'changes-decisions',
      caption: 'Decisions recorded in between',
      widths: ['16%', '84%'],
      head: ['Date', 'Decision'],
      rows: diff.decisions.map((decision) => ({
        key: decision.id,
        cells: [<span className="pack-date">{decision.date}</span>, decision.title],
      })),
    });
  }
  return blocks;
}

function actionRows(actions: readonly MinutesAction[], carried: boolean): TableBlock['rows'] {
  return actions.map((action) => ({
    key: action.id,
    ...(!action.open && { className: 'pack-row--muted' }),
    cells: [
      <span>
        <span className="pack-name">{action.title}</span>
        {carried && action.raisedAt && (
          <span className="pack-owner">Raised at {action.raisedAt}</span>
        )}
        {!carried && action.item && <span className="pack-owner">On {action.item}</span>}
      </span>,
      action.owner ?? '—',
      action.due === undefined ? (
        '—'
      ) : (
        <span className="pack-date">
          {action.due}
          {action.overdue && <span className="pack-owner pack-overdue">Overdue</span>}
        </span>
      ),
      action.state,
    ],
  }));
}

/** The minutes of the pack's review; none when the pack is not made for a review. */
export function minutesSection(input: PackInput): Block[] {
  if (!input.review) return [];
  const minutes = reviewMinutes(input.portfolio, input.review, input.settings.date);
  const blocks: Block[] = [
    flow(
      'minutes-lead',
      <p className="pack-lead">
        {minutes.kindLabel}: {minutes.title}. {minutes.lead}
      </p>,
    ),
  ];
  if (minutes.present.length > 0 || minutes.absent.length > 0) {
    blocks.push(
      flow(
        'minutes-attendance',
        <div className="pack-columns">
          <div>
            <p className="pack-label">
              {minutes.status === 'held' ? 'Present' : 'Invited'} ({minutes.present.length})
            </p>
            <p className="pack-p">{minutes.present.join(' · ') || 'Nobody recorded'}</p>
          </div>
          <div>
            <p className="pack-label">
              {minutes.status === 'held' ? 'Apologies' : 'Not expected'} ({minutes.absent.length})
            </p>
            <p className="pack-p">{minutes.absent.join(' · ') || 'None'}</p>
          </div>
        </div>,
      ),
    );
  }

  blocks.push(subheading('minutes-agenda-title', 'Agenda'));
  if (minutes.items.length === 0) {
    blocks.push(note('minutes-no-agenda', 'The agenda has no items.'));
  } else {
    const rows: TableBlock['rows'][number][] = [];
    for (const item of minutes.items) {
      const pieces = item.notes ? textPieces(item.notes, MINUTES_ROW_CHARS) : [];
      const extras = (
        <>
          {item.decisions.length > 0 && (
            <p className="pack-log__p">
              <span className="pack-log__label">Decided: </span>
              {item.decisions.join('; ')}
            </p>
          )}
          {item.actions.length > 0 && (
            <p className="pack-log__p">
              <span className="pack-log__label">Actions: </span>
              {item.actions.join('; ')}
            </p>
          )}
        </>
      );
      const runs = Math.max(1, pieces.length);
      for (let index = 0; index < runs; index += 1) {
        const piece = pieces[index];
        const last = index === runs - 1;
        const classes = [index > 0 && 'pack-row--more', !last && 'pack-row--continues'].filter(
          Boolean,
        );
        rows.push({
          key: `${item.id}-${index}`,
          ...(classes.length > 0 && { className: classes.join(' ') }),
          cells: [
            index === 0 ? number(item.number, 0) : '',
            <div className="pack-log">
              {index === 0 && (
                <p className="pack-log__title">
                  <span className="pack-name">{item.title}</span>
                </p>
              )}
              {index === 0 && item.detail && (
                <p className="pack-log__p pack-muted">{item.detail}</p>
              )}
              {piece !== undefined && (
                <p className="pack-log__p">
                  {index === 0 && <span className="pack-log__label">Notes: </span>}
                  {piece}
                </p>
              )}
              {last && extras}
            </div>,
            index === 0 && item.minutes !== undefined ? number(item.minutes, 0) : '',
            index === 0 ? item.outcome || '—' : '',
          ],
        });
      }
    }
    blocks.push({
      kind: 'table',
      key: 'minutes-agenda',
      caption: 'Agenda',
      className: 'pack-table--log',
      widths: ['6%', '64%', '10%', '20%'],
      head: ['#', 'Item', 'Minutes', 'Outcome'],
      numeric: [0, 2],
      rows,
    });
    if (minutes.totalMinutes > 0) {
      blocks.push(
        note(
          'minutes-total',
          `The agenda’s items take ${number(minutes.totalMinutes, 0)} minutes.`,
        ),
      );
    }
  }

  if (minutes.notes) {
    blocks.push(subheading('minutes-notes-title', 'General notes'));
    textPieces(minutes.notes, MINUTES_ROW_CHARS).forEach((piece, index) =>
      blocks.push(flow(`minutes-notes-${index}`, <p className="pack-p">{piece}</p>)),
    );
  }

  // A review not held yet has no decisions or actions of its own to report, unless some were.
  const held = minutes.status === 'held';
  if (held || minutes.decisions.length > 0) {
    blocks.push(subheading('minutes-decisions-title', 'Decisions recorded at the review'));
    blocks.push(
      minutes.decisions.length === 0
        ? note('minutes-no-decisions', 'No decision was recorded at this review.')
        : {
            kind: 'table',
            key: 'minutes-decisions',
            caption: 'Decisions recorded at the review',
            className: 'pack-table--log',
            widths: ['15%', '16%', '69%'],
            head: ['Date', 'Kind', 'Decision'],
            rows: minutes.decisions.map((decision) => ({
              key: decision.id,
              cells: [
                <span className="pack-date">{decision.date}</span>,
                <span className="pack-tag pack-tag--log">{decision.kindLabel}</span>,
                <div className="pack-log">
                  <p className="pack-log__title">
                    <span className="pack-name">{decision.title}</span>
                  </p>
                  {textPieces(decision.decision, MINUTES_ROW_CHARS)
                    .slice(0, 1)
                    .map((text) => (
                      <p key="decision" className="pack-log__p">
                        {text}
                        {text.length < decision.decision.length
                          ? ' … (in full in the decision log)'
                          : ''}
                      </p>
                    ))}
                  {decision.decidedBy && (
                    <p className="pack-log__p">
                      <span className="pack-log__label">Decided by: </span>
                      {decision.decidedBy}
                    </p>
                  )}
                  {decision.item && (
                    <p className="pack-log__p">
                      <span className="pack-log__label">On: </span>
                      {decision.item}
                    </p>
                  )}
                </div>,
              ],
            })),
          },
    );
  }

  const actionTable = (
    key: string,
    caption: string,
    list: readonly MinutesAction[],
    carried: boolean,
  ): TableBlock => ({
    kind: 'table',
    key,
    caption,
    widths: ['40%', '17%', '15%', '28%'],
    head: ['Action', 'Owner', 'Due', 'State'],
    rows: actionRows(list, carried),
  });
  if (held || minutes.raised.length > 0) {
    blocks.push(subheading('minutes-raised-title', 'Actions raised'));
    blocks.push(
      minutes.raised.length === 0
        ? note('minutes-no-raised', 'No action was raised at this review.')
        : actionTable('minutes-raised', 'Actions raised', minutes.raised, false),
    );
  }
  blocks.push(subheading('minutes-carried-title', 'Open actions from earlier reviews'));
  blocks.push(
    minutes.carried.length === 0
      ? note('minutes-no-carried', 'None: no action from an earlier review was open.')
      : actionTable('minutes-carried', 'Open actions from earlier reviews', minutes.carried, true),
  );
  return blocks;
}
