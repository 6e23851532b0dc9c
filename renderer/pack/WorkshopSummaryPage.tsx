/**
 * The board pack's workshop summary, one page: the session (title, date, facilitator,
 * participants, purpose), where the room disagreed most (the spread chart), the consensus of
 * each initiative with how the scenario's ranking moved, the facilitator's calls with their
 * notes, and the dot vote. Drawn as one block that scales itself to the page if it must.
 */
import type { ReactNode } from 'react';
import { formatNumber, plural } from '../../shared/format';
import { PACK_LOCALE } from '../../shared/pack/content';
import type {
  WorkshopConsensusEntry,
  WorkshopMove,
  WorkshopSummary,
} from '../../shared/pack/workshop';
import { DotVoteChart } from '../charts/DotVoteChart';
import { SpreadChart } from '../charts/SpreadChart';
import { FitToPage } from './FitToPage';
import { Heading } from './Heading';

/** The most dot-vote bars the page draws; the rest are counted in a line. */
export const WORKSHOP_DOT_BARS = 10;

/**
 * What a page takes besides this block: the section's heading (18 pt and its rule, about 60 px,
 * see pack.css), the block's own bottom padding (3.5 mm) and the paginator's pixel of slack.
 */
const PAGE_CHROME_PX = 64 + 14 + 2;

/** Space between the two columns of a landscape page (8 mm). */
const COLUMN_GAP_PX = 30;

const counted = (count: number, one: string, many = `${one}s`) =>
  plural(count, one, many, formatNumber(count, 0, PACK_LOCALE));

function ConsensusCell({ entry }: { readonly entry: WorkshopConsensusEntry }) {
  if (entry.rule === 'none') {
    return <span className="pack-workshop__none">{entry.score}</span>;
  }
  return (
    <span>
      {entry.score}
      {entry.computed !== undefined && (
        <span className="pack-workshop__computed"> (median {entry.computed})</span>
      )}
      {entry.call !== undefined && <span className="pack-tag">call {entry.call}</span>}
    </span>
  );
}

function place(value: number | undefined): string {
  return value === undefined ? '—' : formatNumber(value, 0, PACK_LOCALE);
}

function tableIntro(summary: WorkshopSummary): string {
  const rule =
    'The consensus of each initiative on each criterion is the median of the latest scores, or the facilitator’s call (numbered, with the reason below).';
  const outcome = summary.outcome;
  if (!outcome) return `${rule} The session’s outcome was not applied to a scenario.`;
  const name = `“${outcome.scenarioName}”${outcome.scenarioKnown ? '' : ' (since removed)'}`;
  return outcome.newScenario
    ? `${rule} The session made the scenario ${name}: its places, with no ranking before.`
    : `${rule} Places in the scenario ${name}, before the session and after it.`;
}

export function WorkshopSummaryPage({
  summary,
  room,
}: {
  readonly summary: WorkshopSummary;
  readonly room: { readonly widthPx: number; readonly heightPx: number };
}) {
  const columns = room.widthPx > room.heightPx;
  const columnWidth = Math.floor(columns ? (room.widthPx - COLUMN_GAP_PX) / 2 : room.widthPx);
  const moves = new Map<string, WorkshopMove>(
    (summary.outcome?.moves ?? []).map((move) => [move.initiativeId, move]),
  );
  const outcome = summary.outcome;
  const dots = summary.dots;
  const dotBars = dots?.tally.slice(0, WORKSHOP_DOT_BARS) ?? [];
  const outliers = summary.spread.cells.flatMap((cell) =>
    cell.outliers.map((sentence) => `${sentence} (${cell.initiativeName}, ${cell.criterion.name})`),
  );
  const shown = summary.spread.cells.length;
  const facts: { label: string; value: ReactNode }[] = [
    ...(summary.date ? [{ label: 'Date', value: summary.date }] : []),
    ...(summary.facilitator ? [{ label: 'Facilitator', value: summary.facilitator }] : []),
    {
      label: `Participants (${formatNumber(summary.participants.length, 0, PACK_LOCALE)})`,
      value: summary.participants.join(', ') || 'None',
    },
  ];

  return (
    <FitToPage maxHeight={room.heightPx - PAGE_CHROME_PX}>
      <div
        className={`pack-workshop${columns ? ' pack-workshop--columns' : ''}`}
        data-workshop={summary.id}
      >
        <div className="pack-workshop__session">
          <Heading level={3} className="pack-h3 pack-workshop__title">
            {summary.title}
          </Heading>
          <dl className="pack-workshop__facts">
            {facts.map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
          {summary.purpose && (
            <p className="pack-p">
              <span className="pack-workshop__label">Purpose: </span>
              {summary.purpose}
            </p>
          )}
          <p className="pack-p">{summary.lead}</p>
        </div>

        <div className="pack-workshop__spread">
          <Heading level={4} className="pack-h4">
            Where the room disagreed
          </Heading>
          {shown === 0 ? (
            <p className="pack-note">No initiative of the session is left to show.</p>
          ) : (
            <SpreadChart cells={summary.spread.cells} width={columnWidth} />
          )}
          {summary.spread.more > 0 && (
            <p className="pack-note pack-workshop__more">
              The {formatNumber(shown, 0, PACK_LOCALE)} of{' '}
              {formatNumber(shown + summary.spread.more, 0, PACK_LOCALE)} initiative–criterion pairs
              with the least agreement; the other{' '}
              {formatNumber(summary.spread.more, 0, PACK_LOCALE)} agreed more.
            </p>
          )}
          {outliers.length > 0 && (
            <p className="pack-note pack-workshop__outliers">
              {outliers.length === 1 ? 'Outlier: ' : 'Outliers: '}
              {outliers.join('; ')}.
            </p>
          )}
        </div>

        <div className="pack-workshop__outcome">
          <Heading level={4} className="pack-h4">
            Consensus and ranking
          </Heading>
          <p className="pack-p pack-workshop__intro">{tableIntro(summary)}</p>
          <table className="pack-table pack-table--compact pack-table--workshop">
            <colgroup>
              <col style={{ width: outcome ? '30%' : '40%' }} />
              {summary.criteria.map((criterion) => (
                <col
                  key={criterion.id}
                  style={{
                    width: `${(outcome ? 38 : 60) / Math.max(1, summary.criteria.length)}%`,
                  }}
                />
              ))}
              {outcome && (
                <>
                  <col style={{ width: '9%' }} />
                  <col style={{ width: '9%' }} />
                  <col style={{ width: '14%' }} />
                </>
              )}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                {summary.criteria.map((criterion) => (
                  <th key={criterion.id} scope="col" className="pack-num">
                    {criterion.name}
                    <span className="pack-workshop__scale">{criterion.scale}</span>
                  </th>
                ))}
                {outcome && (
                  <>
                    <th scope="col" className="pack-num">
                      Before
                    </th>
                    <th scope="col" className="pack-num">
                      After
                    </th>
                    <th scope="col">Move</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {summary.consensus.map((row) => {
                const move = moves.get(row.initiativeId);
                return (
                  <tr key={row.initiativeId} data-initiative={row.initiativeId}>
                    <td>
                      <span className="pack-name">{row.name}</span>
                    </td>
                    {row.entries.map((entry) => (
                      <td key={entry.criterionId} className="pack-num">
                        <ConsensusCell entry={entry} />
                      </td>
                    ))}
                    {outcome && (
                      <>
                        <td className="pack-num">{place(move?.before)}</td>
                        <td className="pack-num">{place(move?.after)}</td>
                        <td
                          className={`pack-workshop__move pack-workshop__move--${move?.direction ?? 'unranked'}`}
                        >
                          {move?.text ?? 'not ranked'}
                        </td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {summary.calls.map((call) => (
            <p className="pack-workshop__call" key={call.number}>
              <span className="pack-tag">call {call.number}</span> {call.initiative},{' '}
              {call.criterion}: {call.score}
              {call.median !== undefined ? ` (the room’s median was ${call.median})` : ''}.{' '}
              {call.note && <q>{call.note}</q>}
            </p>
          ))}

          {dots && (
            <>
              <Heading level={4} className="pack-h4">
                Dot vote
              </Heading>
              <p className="pack-p pack-workshop__intro">
                {dots.voters === 0
                  ? 'No dots were counted.'
                  : `${counted(dots.voters, 'participant')} placed up to ${counted(dots.perPerson, 'dot')} each${
                      dots.weighted
                        ? `, weighted by order: a first dot counts ${formatNumber(dots.perPerson, 0, PACK_LOCALE)} points, the last 1`
                        : ', one point a dot'
                    }.`}
                {dots.refused > 0 &&
                  (dots.refused === 1
                    ? ' One ballot was not counted: it broke the voting rules.'
                    : ` ${counted(dots.refused, 'ballot')} were not counted: they broke the voting rules.`)}
              </p>
              <DotVoteChart
                tally={dotBars}
                names={new Map(dots.tally.map((row) => [row.itemId, row.name]))}
                weighted={dots.weighted}
                width={columnWidth}
              />
              {dots.tally.length > dotBars.length && (
                <p className="pack-note">
                  {counted(dots.tally.length - dotBars.length, 'more initiative')} got fewer{' '}
                  {dots.weighted ? 'points' : 'dots'}.
                </p>
              )}
            </>
          )}
        </div>
      </div>
    </FitToPage>
  );
}
