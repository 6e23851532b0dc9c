/** Choosing 2 to 4 scenarios and a baseline, and the table that sets them side by side. */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Portfolio } from '../../../../shared/portfolio/types';
import {
  compareScenarios,
  MAX_COMPARED,
  MIN_COMPARED,
  teamCapacity,
  type ComparedScenario,
} from '../../../../shared/prioritize/scenario-comparison';
import { formatMoney, formatNumber } from '../../../format';

/** Below this a difference is rounding noise, shown as no change. */
const NOISE = 1e-9;

const MINUS = '\u2212';

/**
 * A difference with its sign and what it measures: "+1,200 value", "−€870K spend", or "no
 * change in value" when it rounds to nothing.
 */
function describeDelta(delta: number, noun: string, format: (value: number) => string) {
  const shown = format(Math.abs(delta));
  if (Math.abs(delta) < NOISE || !/[1-9]/.test(shown)) return `no change in ${noun}`;
  return `${delta > 0 ? '+' : MINUS}${shown} ${noun}`;
}

function percent(fraction: number): string {
  return `${formatNumber(fraction * 100, 0)}%`;
}

type DeltaProps = {
  readonly delta: number;
  readonly noun: string;
  readonly format: (value: number) => string;
  /** More is better (value): the colour then repeats what the sign says. Otherwise neutral. */
  readonly moreIsBetter?: boolean;
};

function Delta({ delta, noun, format, moreIsBetter }: DeltaProps) {
  const text = describeDelta(delta, noun, format);
  const direction = text.startsWith('+') ? 'up' : text.startsWith(MINUS) ? 'down' : 'same';
  const tone =
    direction === 'same' || !moreIsBetter ? direction : direction === 'up' ? 'better' : 'worse';
  return <span className={`scenario-delta scenario-delta--${tone}`}>{text}</span>;
}

type ScenarioComparisonViewProps = {
  readonly portfolio: Portfolio;
  readonly activeScenarioId: string | null;
};

/** The scenarios picked at first: the one on the board, then the others in list order. */
function firstChoice(portfolio: Portfolio, activeScenarioId: string | null): string[] {
  const ids = portfolio.scenarios.map((scenario) => scenario.id);
  const ordered =
    activeScenarioId !== null && ids.includes(activeScenarioId)
      ? [activeScenarioId, ...ids.filter((id) => id !== activeScenarioId)]
      : ids;
  return ordered.slice(0, MIN_COMPARED);
}

export function ScenarioComparisonView({
  portfolio,
  activeScenarioId,
}: ScenarioComparisonViewProps) {
  const id = useId();
  // Until the user ticks a box, the choice follows the list (and the scenario on the board).
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  const picked = useMemo(
    () => ticked ?? firstChoice(portfolio, activeScenarioId),
    [ticked, portfolio, activeScenarioId],
  );
  const [baselineChoice, setBaselineChoice] = useState<string | null>(null);

  // Columns follow the list's order; scenarios deleted meanwhile drop out.
  const chosen = useMemo(
    () =>
      portfolio.scenarios
        .map((scenario) => scenario.id)
        .filter((scenarioId) => picked.includes(scenarioId)),
    [portfolio.scenarios, picked],
  );
  const baselineId =
    baselineChoice !== null && chosen.includes(baselineChoice) ? baselineChoice : chosen[0];
  const full = chosen.length >= MAX_COMPARED;
  const ready = chosen.length >= MIN_COMPARED && baselineId !== undefined;

  const comparison = useMemo(
    () => (ready ? compareScenarios(portfolio, chosen, baselineId as string) : null),
    [portfolio, ready, chosen, baselineId],
  );

  const toggle = (scenarioId: string, on: boolean) =>
    setTicked(on ? [...chosen, scenarioId] : chosen.filter((entry) => entry !== scenarioId));

  if (portfolio.scenarios.length < MIN_COMPARED) {
    return (
      <section className="card scenario-compare" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>Compare scenarios</h3>
        <p className="muted">
          Comparing needs at least two scenarios. Duplicate a scenario, change its ranking on the
          board, then compare the two here.
        </p>
      </section>
    );
  }

  return (
    <section className="card scenario-compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Compare scenarios</h3>
      <div className="scenario-compare__controls">
        <fieldset className="scenario-compare__choice" aria-describedby={`${id}-limit`}>
          <legend className="field__label">Scenarios to compare</legend>
          {portfolio.scenarios.map((scenario) => {
            const checked = chosen.includes(scenario.id);
            const blocked = !checked && full;
            return (
              <label
                key={scenario.id}
                className={`scenario-compare__option${blocked ? ' scenario-compare__option--blocked' : ''}`}
              >
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={blocked}
                  aria-describedby={blocked ? `${id}-limit` : undefined}
                  onChange={(event) => toggle(scenario.id, event.target.checked)}
                />
                {scenario.name}
              </label>
            );
          })}
          <p id={`${id}-limit`} className="field__hint" aria-live="polite">
            {full
              ? `At most ${MAX_COMPARED} scenarios fit side by side; untick one to choose another.`
              : chosen.length < MIN_COMPARED
                ? `Choose at least ${MIN_COMPARED} scenarios (up to ${MAX_COMPARED}).`
                : `${chosen.length} chosen; up to ${MAX_COMPARED} fit side by side.`}
          </p>
        </fieldset>
        {ready && (
          <div className="field scenario-compare__baseline">
            <label htmlFor={`${id}-baseline`} className="field__label">
              Baseline
            </label>
            <select
              id={`${id}-baseline`}
              value={baselineId}
              aria-describedby={`${id}-baseline-hint`}
              onChange={(event) => setBaselineChoice(event.target.value)}
            >
              {chosen.map((scenarioId) => (
                <option key={scenarioId} value={scenarioId}>
                  {portfolio.scenarios.find((scenario) => scenario.id === scenarioId)?.name}
                </option>
              ))}
            </select>
            <p id={`${id}-baseline-hint`} className="field__hint">
              The others are measured against it.
            </p>
          </div>
        )}
      </div>
      {comparison && <ComparisonTable portfolio={portfolio} scenarios={comparison.scenarios} />}
    </section>
  );
}

function ComparisonTable({
  portfolio,
  scenarios,
}: {
  readonly portfolio: Portfolio;
  readonly scenarios: readonly ComparedScenario[];
}) {
  const unit = portfolio.capacityUnit ?? 'units';
  const money = (value: number) => formatMoney(value, portfolio.currency);
  const amount = (value: number) => formatNumber(value);
  const capacityByTeam = teamCapacity(portfolio);
  const names = new Map(
    portfolio.initiatives.map((initiative) => [initiative.id, initiative.name]),
  );
  const baseline = scenarios.find((scenario) => scenario.isBaseline);

  const cells = (render: (scenario: ComparedScenario) => ReactNode) =>
    scenarios.map((scenario) => (
      <td key={scenario.scenarioId} className={scenario.isBaseline ? 'scenario-compare__base' : ''}>
        {render(scenario)}
      </td>
    ));

  const nameList = (ids: readonly string[], scenario: ComparedScenario, empty: string) => {
    if (scenario.isBaseline) return <span className="muted">Baseline</span>;
    if (ids.length === 0) return <span className="muted">{empty}</span>;
    return (
      <ul className="scenario-compare__names">
        {ids.map((initiativeId) => (
          <li key={initiativeId}>{names.get(initiativeId) ?? initiativeId}</li>
        ))}
      </ul>
    );
  };

  return (
    <div className="table-scroll">
      <table className="data-table scenario-compare__table">
        <caption>
          {scenarios.length} scenarios side by side, measured against the baseline {baseline?.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {scenarios.map((scenario) => (
              <th key={scenario.scenarioId} scope="col">
                {scenario.name}
                {scenario.isBaseline && <span className="scenario-compare__tag">baseline</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Value funded</th>
            {cells((scenario) => (
              <>
                <span className="scenario-compare__figure">{amount(scenario.valueAbove)}</span>
                {scenario.unvaluedAbove > 0 && (
                  <span className="scenario-compare__note">
                    {scenario.unvaluedAbove} unvalued, counted as 0
                  </span>
                )}
                {!scenario.isBaseline && (
                  <Delta
                    delta={scenario.vsBaseline.value}
                    noun="value"
                    format={amount}
                    moreIsBetter
                  />
                )}
              </>
            ))}
          </tr>
          <tr>
            <th scope="row">Spend funded</th>
            {cells((scenario) => (
              <>
                <span className="scenario-compare__figure">{money(scenario.spendAbove)}</span>
                {!scenario.isBaseline && (
                  <Delta delta={scenario.vsBaseline.spend} noun="spend" format={money} />
                )}
              </>
            ))}
          </tr>
          <tr>
            <th scope="row">Capacity used</th>
            {cells((scenario) => (
              <>
                <span className="scenario-compare__figure">
                  {amount(scenario.capacityUsed)} of {amount(scenario.capacity)} {unit}
                </span>
                <span className="scenario-compare__note">
                  {scenario.utilization === undefined
                    ? 'no capacity set'
                    : `${percent(scenario.utilization)} utilization`}
                </span>
                {!scenario.isBaseline && (
                  <>
                    <Delta
                      delta={scenario.vsBaseline.capacityUsed}
                      noun={`${unit} used`}
                      format={amount}
                    />
                    {scenario.vsBaseline.utilization !== undefined && (
                      <Delta
                        delta={scenario.vsBaseline.utilization * 100}
                        noun="points utilization"
                        format={(value) => formatNumber(value, 1)}
                      />
                    )}
                  </>
                )}
              </>
            ))}
          </tr>
          {portfolio.teams.map((team) => (
            <tr key={team.id} className="scenario-compare__team">
              <th scope="row">
                <span className="visually-hidden">Capacity used by</span> {team.name}
              </th>
              {cells((scenario) => {
                const used = scenario.capacityUsedByTeam[team.id] ?? 0;
                const available = capacityByTeam[team.id] ?? 0;
                return (
                  <>
                    {amount(used)} of {amount(available)} {unit}
                    {available > 0 && <span className="muted"> ({percent(used / available)})</span>}
                  </>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">Initiatives funded / below the line</th>
            {cells((scenario) => (
              <>
                <span className="scenario-compare__figure">
                  {scenario.above.length - scenario.inGap} above the line
                  {scenario.inGap > 0 && `, ${scenario.inGap} in a gap`}, {scenario.below.length}{' '}
                  below
                </span>
                {!scenario.isBaseline && (
                  <Delta
                    delta={scenario.vsBaseline.countAbove}
                    noun="funded"
                    format={(value) => formatNumber(value, 0)}
                  />
                )}
              </>
            ))}
          </tr>
          <tr>
            <th scope="row">Comes in vs baseline</th>
            {cells((scenario) =>
              nameList(scenario.vsBaseline.comesIn, scenario, 'Nothing comes in'),
            )}
          </tr>
          <tr>
            <th scope="row">Goes out vs baseline</th>
            {cells((scenario) =>
              nameList(scenario.vsBaseline.goesOut, scenario, 'Nothing goes out'),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
