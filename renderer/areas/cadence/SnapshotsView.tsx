/**
 * The snapshots taken when reviews were held: the list (`#/cadence/snapshots`), and one snapshot
 * opened read-only (`#/cadence/snapshot/<id>`) with its key figures and initiatives, compared with
 * now or with another snapshot, and exported as a portfolio file of its own.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { diffPortfolios } from '../../../shared/cadence/diff';
import type { SnapshotInfo } from '../../../shared/cadence/types';
import { plural } from '../../../shared/format';
import type { Portfolio } from '../../../shared/portfolio/types';
import { STATUS_LABELS } from '../../components/labels';
import { loadSnapshot, useSnapshotInfos } from '../../db/snapshots';
import { formatDateTime, formatDay, formatMoney, formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import { exportSnapshot } from './cadence-files';
import { DiffView } from './DiffView';
import { useSnapshot } from './useSnapshot';

/** What the snapshot view compares with when it opens (set by "Compare with now" in the list). */
let compareOnOpen: { readonly snapshotId: string; readonly with: string } | null = null;

function sizeText(size: number): string {
  return size < 1024 ? plural(size, 'character') : `${formatNumber(size / 1024, 0)} KB`;
}

async function exportById(portfolioName: string, id: string): Promise<void> {
  const snapshot = await loadSnapshot(id);
  if (!snapshot) {
    useAppStore.getState().notify('error', 'That snapshot is no longer stored on this computer.');
    return;
  }
  await exportSnapshot(portfolioName, snapshot);
}

function reviewOf(portfolio: Portfolio, info: SnapshotInfo) {
  return portfolio.reviews?.find(
    (review) => review.snapshotId === info.id || (info.reviewId && review.id === info.reviewId),
  );
}

export function SnapshotList({ portfolio }: { readonly portfolio: Portfolio }) {
  const infos = useSnapshotInfos();
  const navigate = useAppStore((state) => state.navigate);
  const open = (id: string, compareWith?: string) => {
    compareOnOpen = compareWith ? { snapshotId: id, with: compareWith } : null;
    navigate({ area: 'cadence', reviewId: null, snapshotId: id });
  };
  if (infos === undefined) {
    return (
      <p className="loading" role="status">
        Reading the snapshots…
      </p>
    );
  }
  if (infos.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">No snapshots yet.</p>
        <p>
          Holding a review freezes the portfolio as it stands, in a snapshot kept apart from the
          live data. Open one to see the portfolio as it was, compare it with now or with another
          snapshot, or export it as a portfolio file of its own.
        </p>
      </div>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table snapshot-table">
        <caption className="visually-hidden">Snapshots, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">Taken</th>
            <th scope="col">Review</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {infos.map((info) => {
            const review = reviewOf(portfolio, info);
            return (
              <tr key={info.id}>
                <th scope="row">
                  <button type="button" className="cadence-link" onClick={() => open(info.id)}>
                    {info.label}
                  </button>
                </th>
                <td>{formatDateTime(info.takenAt)}</td>
                <td>
                  {review ? (
                    <a href={`#/cadence/review/${encodeURIComponent(review.id)}`}>
                      {review.title}, {formatDay(review.date)}
                    </a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">{sizeText(info.size)}</td>
                <td className="snapshot-table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Compare “${info.label}” with now`}
                    onClick={() => open(info.id, 'now')}
                  >
                    Compare with now
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Export “${info.label}” as a portfolio file`}
                    onClick={() => void exportById(portfolio.name, info.id)}
                  >
                    Export
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function KeyFigures({ portfolio }: { readonly portfolio: Portfolio }) {
  const active = portfolio.initiatives.filter((item) => item.status === 'active').length;
  const spend = portfolio.initiatives.reduce(
    (sum, item) => sum + (item.spend ?? []).reduce((total, value) => total + value, 0),
    0,
  );
  const figures: [string, string][] = [
    ['Initiatives', formatNumber(portfolio.initiatives.length, 0)],
    ['Active', formatNumber(active, 0)],
    ['Planned spend', formatMoney(spend, portfolio.currency)],
    ['Teams', formatNumber(portfolio.teams.length, 0)],
    ['Periods', formatNumber(portfolio.periods.length, 0)],
    ['Decisions logged', formatNumber((portfolio.decisions ?? []).length, 0)],
  ];
  return (
    <dl className="snapshot-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="snapshot-figures__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function InitiativesTable({ portfolio }: { readonly portfolio: Portfolio }) {
  const sum = (values: readonly number[] | undefined) =>
    (values ?? []).reduce((total, value) => total + value, 0);
  return (
    // It scrolls on its own: focusable, so the keyboard can scroll it too.
    <div
      className="table-scroll snapshot-initiatives"
      tabIndex={0}
      role="region"
      aria-label="Initiatives in the snapshot"
    >
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">Initiatives in the snapshot</caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Status</th>
            <th scope="col">Owner</th>
            <th scope="col" className="num">
              Spend
            </th>
            <th scope="col" className="num">
              Demand
            </th>
          </tr>
        </thead>
        <tbody>
          {portfolio.initiatives.map((item) => (
            <tr key={item.id}>
              <th scope="row">{item.name}</th>
              <td>
                <span className={`status status--${item.status}`}>
                  {STATUS_LABELS[item.status]}
                </span>
              </td>
              <td>{item.owner ?? ''}</td>
              <td className="num">{formatMoney(sum(item.spend), portfolio.currency)}</td>
              <td className="num">
                {formatNumber(
                  Object.values(item.demand ?? {}).reduce((total, row) => total + sum(row), 0),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Comparison({
  portfolio,
  snapshotLabel,
  before,
  takenAt,
  against,
}: {
  readonly portfolio: Portfolio;
  readonly snapshotLabel: string;
  readonly before: Portfolio;
  /** When the opened snapshot was taken: the older of two snapshots is the "before" side. */
  readonly takenAt: string;
  readonly against: string;
}) {
  const other = useSnapshot(against === 'now' ? undefined : against);
  if (against !== 'now' && other.state !== 'open') {
    return (
      <p className="muted" role="status">
        {other.state === 'loading'
          ? 'Opening the other snapshot…'
          : other.state === 'unreadable'
            ? `The other snapshot cannot be read: ${other.message}`
            : 'The other snapshot is not stored on this computer.'}
      </p>
    );
  }
  const after = other.state === 'open' ? other.portfolio : portfolio;
  const afterLabel = other.state === 'open' ? `“${other.snapshot.label}”` : 'now';
  const swap = other.state === 'open' && other.snapshot.takenAt < takenAt;
  const diff = swap ? diffPortfolios(after, before) : diffPortfolios(before, after);
  return (
    <DiffView
      diff={diff}
      after={swap ? before : after}
      beforeLabel={swap ? afterLabel : `“${snapshotLabel}”`}
      afterLabel={swap ? `“${snapshotLabel}”` : afterLabel}
    />
  );
}

export function SnapshotView({
  portfolio,
  snapshotId,
}: {
  readonly portfolio: Portfolio;
  readonly snapshotId: string;
}) {
  const opened = useSnapshot(snapshotId);
  const infos = useSnapshotInfos();
  const navigate = useAppStore((state) => state.navigate);
  const selectId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [against, setAgainst] = useState<string | null>(() =>
    compareOnOpen?.snapshotId === snapshotId ? compareOnOpen.with : null,
  );
  const [choice, setChoice] = useState('');
  useEffect(() => {
    compareOnOpen = null;
  }, []);
  const ready = opened.state === 'open';
  useEffect(() => {
    if (ready) titleRef.current?.focus({ preventScroll: true });
  }, [ready, snapshotId]);

  const back = (
    <nav className="cadence-breadcrumb" aria-label="Breadcrumb">
      <a href="#/cadence/snapshots">Snapshots</a>
    </nav>
  );
  if (opened.state === 'loading' || opened.state === 'none') {
    return (
      <section className="area cadence" aria-labelledby="area-title">
        {back}
        <p className="loading" role="status">
          Opening the snapshot…
        </p>
      </section>
    );
  }
  if (opened.state !== 'open') {
    return (
      <section className="area cadence" aria-labelledby="area-title">
        {back}
        <div className="area__header">
          <h2 id="area-title" tabIndex={-1}>
            {opened.state === 'missing' ? 'Snapshot not found' : opened.snapshot.label}
          </h2>
        </div>
        <div className="empty-state">
          <p className="empty-state__lead">
            {opened.state === 'missing'
              ? 'This snapshot is not stored on this computer.'
              : 'This snapshot cannot be opened.'}
          </p>
          <p>
            {opened.state === 'missing'
              ? 'The portfolio file may have been saved without its snapshots.'
              : opened.message}
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              navigate({ area: 'cadence', snapshotId: null, cadenceView: 'snapshots' })
            }
          >
            All snapshots
          </button>
        </div>
      </section>
    );
  }

  const { snapshot, portfolio: frozen } = opened;
  const review = portfolio.reviews?.find(
    (entry) => entry.snapshotId === snapshot.id || entry.id === snapshot.reviewId,
  );
  const others = (infos ?? []).filter((info) => info.id !== snapshot.id);

  return (
    <section className="area cadence snapshot-view" aria-labelledby="area-title">
      {back}
      <div className="area__header">
        <h2 id="area-title" ref={titleRef} tabIndex={-1}>
          {snapshot.label}
        </h2>
        <span className="snapshot-view__badge">Read-only</span>
      </div>
      <p className="snapshot-view__lead" role="note">
        The portfolio “{frozen.name}” as it stood on {formatDateTime(snapshot.takenAt)}
        {review ? (
          <>
            , when <a href={`#/cadence/review/${encodeURIComponent(review.id)}`}>{review.title}</a>{' '}
            was held
          </>
        ) : null}
        . A snapshot never changes: compare it with now or with another, or export it as a portfolio
        file to open on its own.
      </p>
      <div className="snapshot-view__actions" role="group" aria-label="Snapshot actions">
        <button
          type="button"
          className={`button${against === 'now' ? ' button--primary' : ''}`}
          aria-pressed={against === 'now'}
          onClick={() => setAgainst(against === 'now' ? null : 'now')}
        >
          Compare with now
        </button>
        <div className="snapshot-view__other">
          <label htmlFor={selectId} className="visually-hidden">
            Another snapshot to compare with
          </label>
          <select
            id={selectId}
            value={choice}
            disabled={others.length === 0}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">
              {others.length === 0 ? 'No other snapshot' : 'Choose another snapshot…'}
            </option>
            {others.map((info) => (
              <option key={info.id} value={info.id}>
                {info.label} ({formatDay(info.takenAt.slice(0, 10))})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!choice}
            onClick={() => setAgainst(choice)}
          >
            Compare with…
          </button>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => void exportSnapshot(portfolio.name, snapshot)}
        >
          Export as portfolio file
        </button>
      </div>
      {against && (
        <section className="snapshot-view__diff" aria-labelledby="snapshot-diff-title">
          <div className="review-section__head">
            <h3 id="snapshot-diff-title">
              {against === 'now'
                ? 'What changed since this snapshot'
                : `Compared with “${others.find((info) => info.id === against)?.label ?? against}”`}
            </h3>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setAgainst(null)}
            >
              Close comparison
            </button>
          </div>
          <Comparison
            portfolio={portfolio}
            snapshotLabel={snapshot.label}
            before={frozen}
            takenAt={snapshot.takenAt}
            against={against}
          />
        </section>
      )}
      <h3 className="snapshot-view__heading">Key figures</h3>
      <KeyFigures portfolio={frozen} />
      <h3 className="snapshot-view__heading">
        Initiatives <span className="muted small">({frozen.initiatives.length})</span>
      </h3>
      <InitiativesTable portfolio={frozen} />
      <p className="muted small snapshot-view__fingerprint">
        Fingerprint <code>{snapshot.fingerprint}</code>
      </p>
    </section>
  );
}
