/**
 * Alignment (pillar 1): how the work funded on the board's scenario lines up with the strategy.
 * The alignment score and what it means, the objectives whose share of the funded spend is far
 * from their weight, each objective's weight against its shares of funded spend and capacity,
 * what serves no objective and what no funded work serves, and the heatmap of which initiative
 * serves which objective. A tab of the Strategy area; it edits nothing.
 */
import { plural } from '../../../../shared/format';
import { useId, useMemo } from 'react';
import { formatPercent } from '../../../../shared/format';
import type { Portfolio } from '../../../../shared/portfolio/types';
import type { ObjectiveAlignment, Shares } from '../../../../shared/strategy/alignment';
import {
  basisWords,
  callOutRule,
  type AlignmentBasis,
} from '../../../../shared/strategy/alignment-text';
import { AlignmentHeatmap } from '../../../charts/AlignmentHeatmap';
import { formatMoney, formatNumber } from '../../../format';
import { useAppStore } from '../../../state/store';
import { alignmentViewModel, type AlignmentViewModel } from './alignment-model';
import './alignment.css';

const percent = (share: number) => formatPercent(share);

/** "A, B, C and 4 more": a list that never runs on. */
function someNames(names: readonly string[], most = 4): string {
  const shown = names.length > most ? names.slice(0, most - 1) : [...names];
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${formatNumber(rest, 0)} more`] : shown;
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const counted = (count: number, one: string, many: string) =>
  plural(count, one, many, formatNumber(count, 0));

export function AlignmentView({ portfolio }: { readonly portfolio: Portfolio }) {
  const scenarioId = useAppStore((state) => state.location.scenarioId);
  const heatmapTitle = useId();
  const model = useMemo(() => alignmentViewModel(portfolio, scenarioId), [portfolio, scenarioId]);

  if (portfolio.objectives.length === 0) {
    return (
      <div className="alignment">
        <div className="empty-state">
          <p className="empty-state__lead">
            Add themes and objectives in the tree to see alignment
          </p>
          <p>
            Alignment shows how the funded work divides over the objectives against their weights,
            which work serves no objective, and which objective no funded work serves.
          </p>
        </div>
      </div>
    );
  }

  const { alignment } = model;
  const basis = alignment.basis;
  return (
    <div className="alignment">
      <ScenarioLine portfolio={portfolio} model={model} />
      {model.funded.size === 0 || !basis ? (
        <NothingFunded portfolio={portfolio} model={model} />
      ) : (
        <>
          <div className="alignment__top">
            <Score model={model} />
            <CallOuts model={model} basis={basis} />
          </div>
          <InvestmentTable model={model} basis={basis} />
        </>
      )}
      <div className="alignment__flags">
        <Unlinked portfolio={portfolio} model={model} />
        <Unserved model={model} />
      </div>
      <section className="card alignment__heatmap" aria-labelledby={heatmapTitle}>
        <h3 id={heatmapTitle}>Which initiative serves which objective</h3>
        <p className="section-hint">
          Funded initiatives first. A cell is an initiative’s contribution to an objective, from 1
          (weak) to 3 (strong); an initiative linked to a theme as a whole shows on the theme’s row.
          Hover a cell for its names.
        </p>
        <AlignmentHeatmap matrix={alignment.matrix} />
      </section>
    </div>
  );
}

/** Which scenario's funded work this is, with the board's scenario picker. */
function ScenarioLine({
  portfolio,
  model,
}: {
  readonly portfolio: Portfolio;
  readonly model: AlignmentViewModel;
}) {
  const navigate = useAppStore((state) => state.navigate);
  const active = portfolio.initiatives.filter((item) => item.status !== 'cancelled').length;
  const fundedOf = `${formatNumber(model.funded.size, 0)} of ${counted(active, 'initiative', 'initiatives')} funded (above the line or in a gap)`;
  if (!model.scenario) {
    return (
      <p className="alignment__scenario">
        No scenario is saved: {fundedOf} with the portfolio ranked in file order. Create a scenario
        in Prioritize to rank it.
      </p>
    );
  }
  return (
    <div className="alignment__scenario">
      <label className="scenario-picker">
        <span>Funded on</span>
        <select
          value={model.scenario.id}
          onChange={(event) => navigate({ scenarioId: event.target.value })}
        >
          {portfolio.scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </label>
      <p>{fundedOf}, as the board shows it.</p>
    </div>
  );
}

function NothingFunded({
  portfolio,
  model,
}: {
  readonly portfolio: Portfolio;
  readonly model: AlignmentViewModel;
}) {
  const where = model.scenario ? `on “${model.scenario.name}”` : 'in file order';
  return (
    <div className="empty-state alignment__nothing" role="note">
      {model.funded.size === 0 ? (
        <>
          <p className="empty-state__lead">Nothing is funded {where}</p>
          <p>
            {portfolio.initiatives.length === 0
              ? 'The portfolio has no initiatives yet. Add them in Portfolio, link them to objectives, and rank them in Prioritize: the score, the shares and the call-outs follow what fits.'
              : 'No initiative fits above the line, so there is no funded spend to compare with the objectives’ weights. Rank the board, or add capacity and budget, and the score, the shares and the call-outs follow.'}
          </p>
        </>
      ) : (
        <>
          <p className="empty-state__lead">The funded work has no spend or demand entered</p>
          <p>
            {counted(model.funded.size, 'initiative is', 'initiatives are')} funded {where}, but
            without spend or team demand there is nothing to divide over the objectives. Enter their
            spend or demand in Portfolio.
          </p>
        </>
      )}
    </div>
  );
}

function Score({ model }: { readonly model: AlignmentViewModel }) {
  const id = useId();
  const score = model.alignment.score ?? 0;
  return (
    <section className="card alignment__score" aria-labelledby={id}>
      <h3 id={id}>Alignment score</h3>
      <p className="alignment__score-value" data-testid="alignment-score">
        <span className="alignment__score-number">{formatNumber(score, 0)}</span>
        <span className="alignment__score-of" aria-hidden="true">
          / 100
        </span>
        <span className="visually-hidden"> out of 100</span>
      </p>
      <p className="alignment__score-meaning">{model.scoreSentence}</p>
    </section>
  );
}

function CallOuts({
  model,
  basis,
}: {
  readonly model: AlignmentViewModel;
  readonly basis: AlignmentBasis;
}) {
  const id = useId();
  return (
    <section className="card alignment__callouts" aria-labelledby={id}>
      <h3 id={id}>Investment against weight</h3>
      {model.callOuts.length === 0 ? (
        <p className="alignment__balanced">
          No objective is under- or over-invested: each one’s share of {basisWords(basis)} is close
          to its weight.
        </p>
      ) : (
        <ul className="alignment__callout-list">
          {model.callOuts.map((callOut) => (
            <li
              key={callOut.id}
              className={`alignment__callout alignment__callout--${callOut.kind}`}
            >
              <span className="alignment__callout-mark" aria-hidden="true">
                {callOut.kind === 'under-invested' ? '▼' : '▲'}
              </span>
              {callOut.sentence}
            </li>
          ))}
        </ul>
      )}
      <p className="section-hint alignment__rule">{callOutRule()}</p>
      {basis === 'capacity' ? (
        <p className="section-hint">
          Nothing funded has spend entered, so the call-outs and the score use capacity.
        </p>
      ) : null}
    </section>
  );
}

/** A share as a bar on the table's common scale, with the weight marked on the same scale. */
function ShareBar({
  share,
  weight,
  scale,
}: {
  readonly share: number;
  readonly weight?: number;
  readonly scale: (share: number) => number;
}) {
  return (
    <span className="alignment-bar">
      <span className="alignment-bar__track" aria-hidden="true">
        <span className="alignment-bar__fill" style={{ width: `${scale(share) * 100}%` }} />
        {weight !== undefined ? (
          <span className="alignment-bar__weight" style={{ left: `${scale(weight) * 100}%` }} />
        ) : null}
      </span>
      <span className="alignment-bar__text">{percent(share)}</span>
    </span>
  );
}

const CALL_OUT_LABEL = {
  'under-invested': 'Under-invested',
  'over-invested': 'Over-invested',
} as const;

function InvestmentTable({
  model,
  basis,
}: {
  readonly model: AlignmentViewModel;
  readonly basis: AlignmentBasis;
}) {
  const id = useId();
  const { alignment, barScale } = model;
  const unlinkedFunded = model.unlinked.filter((item) => item.funded).length;
  const row = (objective: ObjectiveAlignment) => (
    <tr
      key={objective.id}
      className={objective.depth === 0 ? 'alignment__theme-row' : undefined}
      data-objective={objective.id}
    >
      <th scope="row" style={{ paddingLeft: 10 + objective.depth * 18 }}>
        {objective.name}
      </th>
      <td className="num">
        {objective.globalWeight === undefined ? '—' : percent(objective.globalWeight)}
      </td>
      <td>
        <ShareBar share={objective.spendShare} weight={objective.globalWeight} scale={barScale} />
      </td>
      <td>
        <ShareBar
          share={objective.capacityShare}
          weight={objective.globalWeight}
          scale={barScale}
        />
      </td>
      <td className="num">{formatNumber(objective.funded, 0)}</td>
      <td>
        {objective.callOut ? (
          <span className={`alignment__tag alignment__tag--${objective.callOut}`}>
            {CALL_OUT_LABEL[objective.callOut]}
          </span>
        ) : null}
      </td>
    </tr>
  );
  const unaligned: Shares = alignment.unaligned;
  return (
    <section className="card alignment__investment" aria-labelledby={id}>
      <h3 id={id}>Weight and share of funded work, per objective</h3>
      <p className="section-hint">
        Each objective’s global weight (its share of the whole strategy; the themes make 100%)
        beside its share of the funded spend and capacity; a theme’s share includes its objectives’.
        The call-outs compare the share of {basisWords(basis)} with the weight. Bars share one
        scale; the upright amber mark on a bar is the objective’s weight.
      </p>
      <div className="table-scroll">
        <table className="data-table data-table--compact alignment__table">
          <caption className="visually-hidden">
            Objectives with their weight and their share of funded spend and capacity
          </caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col">Share of funded spend</th>
              <th scope="col">Share of funded capacity</th>
              <th scope="col" className="num">
                Funded initiatives
              </th>
              <th scope="col">Call-out</th>
            </tr>
          </thead>
          <tbody>
            {alignment.objectives.map(row)}
            <tr className="alignment__unaligned-row">
              <th scope="row">Not linked to any objective</th>
              <td className="num">—</td>
              <td>
                <ShareBar share={unaligned.spendShare} scale={barScale} />
              </td>
              <td>
                <ShareBar share={unaligned.capacityShare} scale={barScale} />
              </td>
              <td className="num">{formatNumber(unlinkedFunded, 0)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Unlinked({
  portfolio,
  model,
}: {
  readonly portfolio: Portfolio;
  readonly model: AlignmentViewModel;
}) {
  const id = useId();
  const navigate = useAppStore((state) => state.navigate);
  const funded = model.unlinked.filter((item) => item.funded).length;
  return (
    <section className="card alignment__flag" aria-labelledby={id}>
      <h3 id={id}>
        Linked to no objective <span className="alignment__count">{model.unlinked.length}</span>
      </h3>
      {model.unlinked.length === 0 ? (
        <p className="alignment__ok">Every initiative serves at least one objective.</p>
      ) : (
        <>
          <p className="section-hint">
            {funded > 0
              ? `${counted(funded, 'is', 'are')} funded: the board will ask why this work is in the portfolio. `
              : ''}
            Open one to link it to the objectives it serves.
          </p>
          <ul className="alignment__list">
            {model.unlinked.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="alignment__link"
                  onClick={() =>
                    navigate({ area: 'portfolio', tab: 'initiatives', initiativeId: item.id })
                  }
                >
                  {item.name}
                </button>
                <span className="alignment__meta">
                  {item.funded
                    ? `funded · ${formatMoney(item.spend, portfolio.currency)}`
                    : 'not funded'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Unserved({ model }: { readonly model: AlignmentViewModel }) {
  const id = useId();
  return (
    <section className="card alignment__flag" aria-labelledby={id}>
      <h3 id={id}>
        Served by no funded initiative{' '}
        <span className="alignment__count">{model.unserved.length}</span>
      </h3>
      {model.unserved.length === 0 ? (
        <p className="alignment__ok">Every objective has funded work serving it.</p>
      ) : (
        <ul className="alignment__list">
          {model.unserved.map((objective) => (
            <li key={objective.id}>
              <span className="alignment__name">{objective.name}</span>
              {objective.theme ? (
                <span className="alignment__meta">in {objective.theme}</span>
              ) : null}
              <span className="alignment__detail">
                {objective.waiting.length === 0
                  ? 'No initiative links to it.'
                  : `Not funded but linked: ${someNames(objective.waiting)}.`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
