/**
 * The Strategy area's Scoring tab: the portfolio's scoring model and its criteria, the scoring
 * grid, and "Rank by model", which puts the board's scenario in the model's order. Choosing
 * another model first shows how the ranking would move under it; the switch is made (and can be
 * undone) only when confirmed.
 */
import { useId, useMemo, useState } from 'react';
import {
  SCORING_MODELS,
  type Portfolio,
  type ScoringModelKind,
} from '../../../../shared/portfolio/types';
import { MODEL_NAMES, portfolioScorer } from '../../../../shared/strategy/scoring';
import { rankScenarioByModel, setScoringModel } from '../../../db/edits';
import { undoLastEdit } from '../../../state/history-actions';
import { useAppStore } from '../../../state/store';
import { CriteriaEditor } from './CriteriaEditor';
import { ModelComparison } from './ModelComparison';
import { ScoringGrid } from './ScoringGrid';
import { MODEL_FORMULAS } from './scoring-rows';
import './scoring.css';

export function ScoringView({ portfolio }: { readonly portfolio: Portfolio }) {
  const ids = useId();
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const boardScenarioId = useAppStore((state) => state.location.scenarioId);
  const scoring = portfolio.scoring;
  /** The model chosen but not yet switched to: its comparison is shown first. */
  const [pending, setPending] = useState<ScoringModelKind | null>(null);
  const [switchProblem, setSwitchProblem] = useState<string | null>(null);
  const [ranking, setRanking] = useState(false);
  const scenario =
    portfolio.scenarios.find((entry) => entry.id === boardScenarioId) ?? portfolio.scenarios[0];
  const undo = { label: 'Undo', run: () => void undoLastEdit() };
  /** Whether the model gives any initiative a priority: without one, ranking by it means nothing. */
  const anyRanked = useMemo(() => {
    const { score } = portfolioScorer(portfolio);
    return portfolio.initiatives.some((initiative) => score(initiative).priority !== undefined);
  }, [portfolio]);
  const rankBlocked = ranking || pending !== null || !anyRanked;

  const choose = async (model: ScoringModelKind) => {
    setSwitchProblem(null);
    if (model === scoring?.model) {
      setPending(null);
      return;
    }
    // Without a model there is no ranking to compare with: the first choice is made at once.
    if (!scoring) {
      await switchTo(model);
      return;
    }
    setPending(model);
  };

  const switchTo = async (model: ScoringModelKind) => {
    const result = await setScoringModel(model);
    if (!result.ok) {
      const problem = result.problems[0];
      setSwitchProblem(
        `The switch to ${MODEL_NAMES[model]} was refused: ${problem ? `${problem.where ?? problem.path}: ${problem.message}` : 'it would break a rule'}.`,
      );
      return;
    }
    setPending(null);
    notify(
      'success',
      scoring
        ? `Switched the scoring model from ${MODEL_NAMES[scoring.model]} to ${MODEL_NAMES[model]}. Scores are kept; Ctrl+Z switches back.`
        : `Chose the ${MODEL_NAMES[model]} scoring model.`,
      undo,
    );
  };

  const rank = async (scenarioId: string | null) => {
    setRanking(true);
    try {
      const result = await rankScenarioByModel(scenarioId);
      if (!result.ok) {
        const problem = result.problems[0];
        notify(
          'error',
          `Could not rank by the model: ${problem ? `${problem.where ?? problem.path}: ${problem.message}` : 'it would break a rule'}.`,
        );
        return;
      }
      const name = portfolio.scenarios.find((entry) => entry.id === result.id)?.name;
      if (result.unchanged) {
        notify(
          'info',
          `“${name}” is already in the order of ${MODEL_NAMES[scoring?.model ?? 'weighted']}.`,
        );
        return;
      }
      if (scenarioId === null) navigate({ scenarioId: result.id });
      notify('success', `${result.label}. The board shows it; Ctrl+Z undoes it.`, undo);
    } catch (error) {
      notify(
        'error',
        `Could not rank by the model: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setRanking(false);
    }
  };

  const shownModel = pending ?? scoring?.model ?? '';
  return (
    <div className="scoring">
      <section className="card scoring__model" aria-labelledby={`${ids}-model`}>
        <div className="scoring__model-head">
          <h3 id={`${ids}-model`}>Scoring model</h3>
          <div className="field field--inline scoring__model-choice">
            <label htmlFor={`${ids}-choice`} className="field__label">
              Model
            </label>
            <select
              id={`${ids}-choice`}
              value={shownModel}
              aria-describedby={`${ids}-formula`}
              onChange={(event) => void choose(event.target.value as ScoringModelKind)}
            >
              {!scoring && (
                <option value="" disabled>
                  Choose a model
                </option>
              )}
              {SCORING_MODELS.map((model) => (
                <option key={model} value={model}>
                  {MODEL_NAMES[model]}
                </option>
              ))}
            </select>
          </div>
          {scoring && (
            <div className="scoring__rank">
              {scenario && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={rankBlocked}
                  aria-describedby={anyRanked ? undefined : `${ids}-unranked`}
                  onClick={() => void rank(scenario.id)}
                >
                  Rank “{scenario.name}” by model
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={rankBlocked}
                aria-describedby={anyRanked ? undefined : `${ids}-unranked`}
                onClick={() => void rank(null)}
              >
                New scenario ranked by model
              </button>
            </div>
          )}
        </div>
        <p id={`${ids}-formula`} className="muted scoring__formula">
          {scoring
            ? MODEL_FORMULAS[scoring.model]
            : 'No scoring model yet: choose one to score the initiatives and rank by it.'}
        </p>
        {scoring && !anyRanked && (
          <p id={`${ids}-unranked`} className="hint-box">
            No initiative has a priority under {MODEL_NAMES[scoring.model]} yet: score them in the
            grid below, then rank by the model.
          </p>
        )}
        {switchProblem && (
          <p className="field__error" role="alert">
            {switchProblem}
          </p>
        )}
        {pending && scoring && (
          <ModelComparison
            portfolio={portfolio}
            model={pending}
            onSwitch={() => void switchTo(pending)}
            onCancel={() => {
              setPending(null);
              setSwitchProblem(null);
            }}
          />
        )}
        {scoring && <CriteriaEditor portfolio={portfolio} scoring={scoring} />}
      </section>
      {scoring && (
        <section className="scoring__scores" aria-labelledby={`${ids}-scores`}>
          <h3 id={`${ids}-scores`}>Scores</h3>
          <ScoringGrid portfolio={portfolio} scoring={scoring} />
        </section>
      )}
    </div>
  );
}
