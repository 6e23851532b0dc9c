/**
 * The criteria of the model in use. Weighted criteria are edited in full: name, weight (with
 * each one's share and the sum of the weights, live), scale, whether strategic fit is computed
 * from the objective links, order, add and delete. WSJF's and value / effort's criteria take a
 * scale; RICE's scales are its own and are shown as they are.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_NAME_LENGTH, MAX_WEIGHT } from '../../../../shared/portfolio/limits';
import { describeProblem, type PortfolioProblem } from '../../../../shared/portfolio/rules';
import {
  CRITERION_SCALES,
  type CriterionScale,
  type Portfolio,
  type ScoringModel,
} from '../../../../shared/portfolio/types';
import { scoresOffScale } from '../../../../shared/strategy/model-switch';
import {
  MODEL_NAMES,
  modelCriteria,
  scaleOf,
  type ModelCriterion,
} from '../../../../shared/strategy/scoring';
import { NumberField, TextField } from '../../../components/fields';
import {
  addCriterion,
  deleteCriterion,
  moveCriterion,
  renameCriterion,
  setCriterionScale,
  setCriterionSource,
  setCriterionWeight,
} from '../../../db/edits';
import { formatNumber } from '../../../format';
import { undoLastEdit } from '../../../state/history-actions';
import { useAppStore } from '../../../state/store';
import { scaleHint } from './scoring-rows';

const SCALE_LABELS: Readonly<Record<CriterionScale, string>> = Object.fromEntries(
  CRITERION_SCALES.map((scale) => [scale, scaleOf(scale).label]),
) as Record<CriterionScale, string>;

/** How many names a message lists before it counts the rest. */
const NAMED = 3;

/**
 * Why a criterion cannot take `scale`: the scores that would be off it, named and counted, and
 * what to do about it.
 */
/**
 * A refusal in words: a workshop session's score is named with its place, and what to do about
 * it, since nothing on this screen shows it.
 */
function refusalText(problem: PortfolioProblem | undefined, fallback: string): string {
  if (!problem) return fallback;
  if (!problem.path.startsWith('workshops')) return problem.message;
  return `${describeProblem(problem).headline}. A workshop session still under way has scores on this criterion: finish or delete it first.`;
}

function scaleRefusal(
  portfolio: Portfolio,
  scoring: ScoringModel,
  criterion: ModelCriterion,
  scale: CriterionScale,
  fallback: string,
): string {
  const trial: ScoringModel = {
    ...scoring,
    criteria: (scoring.criteria ?? []).some((entry) => entry.id === criterion.id)
      ? (scoring.criteria ?? []).map((entry) =>
          entry.id === criterion.id ? { ...entry, scale, source: 'score' as const } : entry,
        )
      : [...(scoring.criteria ?? []), { id: criterion.id, name: criterion.name, scale }],
  };
  const off = scoresOffScale(portfolio.initiatives, trial, new Set([criterion.id]));
  if (off.length === 0) return fallback;
  const named = off
    .slice(0, NAMED)
    .map((entry) => `${entry.initiativeName} (${formatNumber(entry.score)})`)
    .join(', ');
  const more = off.length > NAMED ? ` and ${off.length - NAMED} more` : '';
  return `${criterion.name} cannot be scored ${scaleOf(scale).label}: ${off.length === 1 ? '1 score is' : `${off.length} scores are`} off it: ${named}${more}. Change ${off.length === 1 ? 'that score' : 'those scores'} first, or choose a wider scale.`;
}

type Props = {
  readonly portfolio: Portfolio;
  readonly scoring: ScoringModel;
};

export function CriteriaEditor({ portfolio, scoring }: Props) {
  const ids = useId();
  const notify = useAppStore((state) => state.notify);
  const criteria = modelCriteria(scoring);
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  /** The move button to give the focus back to once the criteria are redrawn. */
  const [refocus, setRefocus] = useState<string | null>(null);
  /** The criterion just added, whose name is ready to be typed over once it is drawn. */
  const [nameToFocus, setNameToFocus] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!nameToFocus) return;
    const input = tableRef.current?.querySelector<HTMLInputElement>(
      `tr[data-criterion="${nameToFocus}"] input[type="text"]`,
    );
    if (!input) return;
    input.focus();
    input.select();
    setNameToFocus(null);
  }, [nameToFocus, scoring]);
  useEffect(() => {
    if (!refocus) return;
    const button = document.getElementById(refocus) as HTMLButtonElement | null;
    if (button && !button.disabled) button.focus();
    else {
      // Moved to the top or the bottom: the other arrow is the one left to press.
      const other = refocus.endsWith('-up')
        ? refocus.replace(/-up$/, '-down')
        : refocus.replace(/-down$/, '-up');
      document.getElementById(other)?.focus();
    }
    setRefocus(null);
  }, [refocus, scoring]);

  const setProblem = (id: string, message: string | null) =>
    setProblems((before) => {
      const next = { ...before };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });

  const changeScale = async (criterion: ModelCriterion, scale: CriterionScale) => {
    const result = await setCriterionScale(criterion.id, scale);
    setProblem(
      criterion.id,
      result.ok
        ? null
        : scaleRefusal(
            portfolio,
            scoring,
            criterion,
            scale,
            refusalText(result.problems[0], 'This scale was refused.'),
          ),
    );
  };

  const changeSource = async (criterion: ModelCriterion, computed: boolean) => {
    const result = await setCriterionSource(criterion.id, computed ? 'strategic-fit' : 'score');
    const scale = criterion.scaleName;
    setProblem(
      criterion.id,
      result.ok
        ? null
        : scale
          ? scaleRefusal(
              portfolio,
              scoring,
              criterion,
              scale,
              result.problems[0]?.message ?? 'Refused.',
            )
          : (result.problems[0]?.message ?? 'Refused.'),
    );
  };

  const remove = async (criterion: ModelCriterion) => {
    const result = await deleteCriterion(criterion.id);
    if (result.ok) {
      notify(
        'info',
        `Deleted the criterion ${criterion.name}; its scores stay on the initiatives.`,
        {
          label: 'Undo',
          run: () => void undoLastEdit(),
        },
      );
    }
  };

  const move = async (criterion: ModelCriterion, step: -1 | 1) => {
    const index = criteria.indexOf(criterion);
    const before = step < 0 ? criteria[index - 1] : criteria[index + 2];
    const result = await moveCriterion(criterion.id, before?.id ?? null);
    if (result.ok) setRefocus(`${ids}-${criterion.id}-${step < 0 ? 'up' : 'down'}`);
  };

  if (scoring.model !== 'weighted') {
    return (
      <div className="table-scroll criteria__scroll">
        <table className="data-table criteria-table">
          <caption className="visually-hidden">
            The criteria of {MODEL_NAMES[scoring.model]}
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Scored on</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">{criterion.name}</th>
                <td>
                  {criterion.scaleName ? (
                    <div
                      className={`field field--cell${problems[criterion.id] ? ' field--invalid' : ''}`}
                    >
                      <select
                        aria-label={`Scale of ${criterion.name}`}
                        value={criterion.scaleName}
                        aria-invalid={problems[criterion.id] ? true : undefined}
                        aria-describedby={
                          problems[criterion.id] ? `${ids}-${criterion.id}-problem` : undefined
                        }
                        onChange={(event) =>
                          void changeScale(criterion, event.target.value as CriterionScale)
                        }
                      >
                        {CRITERION_SCALES.map((scale) => (
                          <option key={scale} value={scale}>
                            {SCALE_LABELS[scale]}
                          </option>
                        ))}
                      </select>
                      <p
                        id={`${ids}-${criterion.id}-problem`}
                        className="field__error"
                        aria-live="polite"
                      >
                        {problems[criterion.id] ?? ''}
                      </p>
                    </div>
                  ) : (
                    <span>
                      {criterion.scale.kind === 'range'
                        ? criterion.scale.label
                        : scaleHint(criterion)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const total = criteria.reduce((sum, criterion) => sum + (criterion.weight ?? 1), 0);
  return (
    <div className="criteria">
      <div className="table-scroll criteria__scroll">
        <table className="data-table data-table--grid criteria-table" ref={tableRef}>
          <caption className="visually-hidden">Weighted criteria</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col">Scored on</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Order and delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion, index) => {
              const problemId = `${ids}-${criterion.id}-problem`;
              return (
                <tr key={criterion.id} data-criterion={criterion.id}>
                  <th scope="row">
                    <TextField
                      label={`Name of criterion ${index + 1}`}
                      hideLabel
                      required
                      maxLength={MAX_NAME_LENGTH}
                      value={criterion.name}
                      className="field--cell"
                      onCommit={(name) =>
                        renameCriterion(criterion.id, name, {
                          mergeKey: `criterion:${criterion.id}:name`,
                        })
                      }
                    />
                  </th>
                  <td>
                    <NumberField
                      label={`Weight of ${criterion.name}`}
                      hideLabel
                      max={MAX_WEIGHT}
                      value={criterion.weight}
                      className="field--cell"
                      onCommit={(weight) =>
                        setCriterionWeight(criterion.id, weight ?? 0, {
                          mergeKey: `criterion:${criterion.id}:weight`,
                        })
                      }
                    />
                  </td>
                  <td className="num">
                    {total > 0
                      ? `${formatNumber(((criterion.weight ?? 1) / total) * 100, 0)} %`
                      : '–'}
                  </td>
                  <td>
                    <div
                      className={`field field--cell${problems[criterion.id] ? ' field--invalid' : ''}`}
                    >
                      {criterion.computed ? (
                        <span className="muted">0–100, from the links</span>
                      ) : (
                        <select
                          aria-label={`Scale of ${criterion.name}`}
                          value={criterion.scaleName}
                          aria-invalid={problems[criterion.id] ? true : undefined}
                          aria-describedby={problems[criterion.id] ? problemId : undefined}
                          onChange={(event) =>
                            void changeScale(criterion, event.target.value as CriterionScale)
                          }
                        >
                          {CRITERION_SCALES.map((scale) => (
                            <option key={scale} value={scale}>
                              {SCALE_LABELS[scale]}
                            </option>
                          ))}
                        </select>
                      )}
                      <p id={problemId} className="field__error" aria-live="polite">
                        {problems[criterion.id] ?? ''}
                      </p>
                    </div>
                  </td>
                  <td>
                    <label className="switch">
                      <input
                        type="checkbox"
                        checked={criterion.computed}
                        onChange={(event) => void changeSource(criterion, event.target.checked)}
                      />
                      {/* "Computed from objective links" in full for screen readers; one word keeps it narrow. */}
                      <span aria-hidden="true">Computed</span>
                      <span className="visually-hidden">
                        Computed from objective links ({criterion.name})
                      </span>
                    </label>
                  </td>
                  <td className="criteria-table__actions">
                    <button
                      type="button"
                      id={`${ids}-${criterion.id}-up`}
                      className="button button--quiet button--small"
                      aria-label={`Move ${criterion.name} up`}
                      disabled={index === 0}
                      onClick={() => void move(criterion, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`${ids}-${criterion.id}-down`}
                      className="button button--quiet button--small"
                      aria-label={`Move ${criterion.name} down`}
                      disabled={index === criteria.length - 1}
                      onClick={() => void move(criterion, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Delete the criterion ${criterion.name}`}
                      onClick={() => void remove(criterion)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Sum of the weights</th>
              <td className="num" aria-live="polite">
                {formatNumber(total, 2)}
              </td>
              <td className="num">{total > 0 ? '100 %' : '–'}</td>
              <td colSpan={3}>
                {total <= 0 && criteria.length > 0 && (
                  <span className="field__error">
                    Every weight is 0: no criterion counts. Give one a weight.
                  </span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <button
        type="button"
        className="button"
        onClick={() =>
          void addCriterion().then((id) => {
            if (id) setNameToFocus(id);
          })
        }
      >
        Add criterion
      </button>
    </div>
  );
}
