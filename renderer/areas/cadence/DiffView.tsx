/**
 * What changed between two portfolios, as a short summary in sentences and a section per kind of
 * change: initiatives added, removed and changed, moves across the cut line, capacity, budget,
 * and the decisions taken in between. Sections with nothing in them are left out.
 */
import { useId, type ReactNode } from 'react';
import { diffIsEmpty, diffSentences } from '../../../shared/cadence/diff';
import type { PortfolioDiff, ValueChange } from '../../../shared/cadence/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { STATUS_LABELS } from '../../components/labels';
import { formatDay, formatMoney, formatNumber } from '../../format';
import { safely } from './safely';

function Change<T>({
  change,
  show,
}: {
  readonly change: ValueChange<T> | undefined;
  readonly show: (value: T) => string;
}) {
  if (!change) return <span className="muted">—</span>;
  return (
    <span className="diff-change">
      {show(change.before)} <span aria-label="to">→</span> {show(change.after)}
    </span>
  );
}

function Section({
  title,
  count,
  children,
}: {
  readonly title: string;
  readonly count: number;
  readonly children: ReactNode;
}) {
  const id = useId();
  if (count === 0) return null;
  return (
    <section className="diff-section" aria-labelledby={id}>
      <h4 id={id}>
        {title} <span className="diff-section__count">{count}</span>
      </h4>
      {children}
    </section>
  );
}

const statusText = (status: string) =>
  STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status;

export type DiffViewProps = {
  readonly diff: PortfolioDiff;
  /** The portfolio after: its currency and names for the sentences. */
  readonly after: Portfolio;
  /** What the two sides are, for the tables' captions: "the snapshot of 3 March" and "now". */
  readonly beforeLabel: string;
  readonly afterLabel: string;
};

export function DiffView({ diff, after, beforeLabel, afterLabel }: DiffViewProps) {
  const money = (value: number) => formatMoney(value, after.currency);
  const number = (value: number) => formatNumber(value);
  if (safely(() => diffIsEmpty(diff), false)) {
    return (
      <p className="diff-empty">
        Nothing changed from {beforeLabel} to {afterLabel}.
      </p>
    );
  }
  const sentences = safely(() => diffSentences(diff, after), []);
  return (
    <div className="diff">
      {sentences.length > 0 && (
        <ul className="diff-summary">
          {sentences.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      <div className="diff-sections">
        <Section title="Added" count={diff.added.length}>
          <ul className="diff-names">
            {diff.added.map((item) => (
              <li key={item.id}>
                <a href={`#/portfolio/initiatives/${encodeURIComponent(item.id)}`}>{item.name}</a>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Removed" count={diff.removed.length}>
          <ul className="diff-names">
            {diff.removed.map((item) => (
              <li key={item.id}>{item.name}</li>
            ))}
          </ul>
        </Section>
        <Section title="Changed" count={diff.changed.length}>
          <div className="table-scroll">
            <table className="data-table data-table--compact">
              <caption className="visually-hidden">
                Initiatives changed from {beforeLabel} to {afterLabel}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Initiative</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    Spend
                  </th>
                  <th scope="col" className="num">
                    Demand
                  </th>
                </tr>
              </thead>
              <tbody>
                {diff.changed.map((change) => (
                  <tr key={change.id}>
                    <th scope="row">
                      {change.name}
                      {change.renamed && (
                        <span className="diff-renamed"> (was “{change.renamed.before}”)</span>
                      )}
                    </th>
                    <td>
                      <Change change={change.status} show={statusText} />
                    </td>
                    <td className="num">
                      <Change change={change.value} show={number} />
                    </td>
                    <td className="num">
                      <Change change={change.spend} show={money} />
                    </td>
                    <td className="num">
                      <Change change={change.demand} show={number} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
        <Section
          title={`Crossed the cut line${diff.scenario ? ` of “${diff.scenario.name}”` : ''}`}
          count={diff.cutLine.length}
        >
          <ul className="diff-names">
            {diff.cutLine.map((move) => (
              <li key={move.id}>
                <span className={`diff-move diff-move--${move.direction}`}>
                  {move.direction === 'in' ? 'Now funded' : 'No longer funded'}
                </span>{' '}
                {move.name}{' '}
                <span className="muted small">
                  (rank {move.rankBefore ?? '—'} → {move.rankAfter ?? '—'})
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Capacity" count={diff.capacity.length}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Team capacity changed</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Period</th>
                <th scope="col" className="num">
                  Capacity
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.capacity.map((change) => (
                <tr key={`${change.teamId}:${change.periodId}`}>
                  <th scope="row">{change.teamName}</th>
                  <td>{change.periodLabel}</td>
                  <td className="num">
                    <Change change={change.change} show={number} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title="Budget" count={diff.budget.length}>
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Budget changed</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="num">
                  Budget
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.budget.map((change) => (
                <tr key={change.periodId}>
                  <th scope="row">{change.periodLabel}</th>
                  <td className="num">
                    <Change
                      change={change.change}
                      show={(value) => (value === undefined ? 'none' : money(value))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title="Decisions in between" count={diff.decisions.length}>
          <ul className="diff-names">
            {diff.decisions.map((decision) => (
              <li key={decision.id}>
                <span className="muted small">{formatDay(decision.date)}</span> {decision.title}
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </div>
  );
}
