/**
 * The editor of one initiative: every field of the portfolio file, each stored as soon as it is
 * valid, with the reason shown beside any value the portfolio's rules refuse.
 */
import { CriterionScoreFields } from '../../components/CriterionScoreFields';
import { EditorSection } from '../../components/EditorSection';
import { useEffect, useId, useRef, useState } from 'react';
import { dependantsAndSelf, dependantsOf } from '../../../shared/portfolio/dependencies';
import { initiativeDuration } from '../../../shared/portfolio/measures';
import {
  MODEL_NAMES,
  modelCriteria,
  portfolioScorer,
  type ModelCriterion,
} from '../../../shared/strategy/scoring';
import {
  INITIATIVE_STATUSES,
  type Initiative,
  type Portfolio,
} from '../../../shared/portfolio/types';
import { askUser } from '../../components/dialogs';
import { NumberField, SelectField, TextField } from '../../components/fields';
import * as edits from '../../db/edits';
import type { CommitOptions, EditResult } from '../../db/edits';
import { formatMoney, formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import { CONTRIBUTION_LABELS, STATUS_LABELS } from '../../components/labels';
import { InitiativeDecisionsSection, StopDecisionDialog } from './InitiativeDecisions';
import { isCommitted } from '../../../shared/prioritize/status';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';

type EditorProps = {
  readonly initiative: Initiative;
  readonly portfolio: Portfolio;
  readonly onClose: () => void;
};

/** Typing into one field of one initiative is one undo step. */
type Merge = (field: string) => CommitOptions;

function InlineError({ result }: { readonly result: EditResult | null }) {
  return (
    <p className="field__error" aria-live="polite">
      {result && !result.ok ? (result.problems[0]?.message ?? 'This change was refused.') : ''}
    </p>
  );
}

export function InitiativeEditor({ initiative, portfolio, onClose }: EditorProps) {
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opening the editor takes keyboard focus to it, so its fields come next on Tab.
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), []);
  const merge: Merge = (field) => ({ mergeKey: `initiative:${initiative.id}:${field}` });

  const remove = async () => {
    const dependants = dependantsOf(portfolio.initiatives, initiative.id);
    const choice = await askUser({
      title: `Delete "${initiative.name}"?`,
      body:
        dependants.length > 0
          ? `${dependants.length} initiative${dependants.length === 1 ? ' depends' : 's depend'} on it (${dependants
              .map((other) => other.name)
              .join(
                ', ',
              )}); those links, its place in every scenario and its actuals are removed too. You can undo this with Ctrl+Z.`
          : 'It is removed from every scenario, with its actuals. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await edits.deleteInitiative(initiative.id);
    if (result.ok) {
      notify('success', `Deleted "${initiative.name}".`);
      onClose();
    } else notify('error', result.problems[0]?.message ?? 'Could not delete.');
  };

  const duplicate = async () => {
    const id = await edits.duplicateInitiative(initiative.id);
    if (id) navigate({ initiativeId: id });
  };

  return (
    <aside className="editor" aria-labelledby="editor-title">
      <div className="editor__header">
        <div>
          <p className="editor__eyebrow">Initiative · id {initiative.id}</p>
          <h3 id="editor-title" ref={titleRef} tabIndex={-1}>
            {initiative.name}
          </h3>
        </div>
        <button
          type="button"
          className="button button--quiet"
          onClick={onClose}
          aria-label="Close the editor"
        >
          Close
        </button>
      </div>
      <div className="editor__body">
        <GeneralSection initiative={initiative} merge={merge} />
        <StrategySection initiative={initiative} portfolio={portfolio} merge={merge} />
        <ValueSection initiative={initiative} portfolio={portfolio} merge={merge} />
        <DemandSection initiative={initiative} portfolio={portfolio} merge={merge} />
        <TimingSection initiative={initiative} portfolio={portfolio} merge={merge} />
        <LinksSection initiative={initiative} portfolio={portfolio} merge={merge} />
        <ForcedSection initiative={initiative} portfolio={portfolio} merge={merge} />
        <InitiativeDecisionsSection initiative={initiative} portfolio={portfolio} />
        <ActualsSection initiative={initiative} portfolio={portfolio} />
        <div className="editor__footer">
          <button type="button" className="button" onClick={() => void duplicate()}>
            Duplicate
          </button>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            Delete initiative
          </button>
        </div>
      </div>
    </aside>
  );
}

type SectionProps = { readonly initiative: Initiative; readonly merge: Merge };
type PortfolioSectionProps = SectionProps & { readonly portfolio: Portfolio };

function GeneralSection({ initiative, merge }: SectionProps) {
  return (
    <EditorSection title="General">
      <TextField
        label="Name"
        required
        maxLength={MAX_NAME_LENGTH}
        value={initiative.name}
        onCommit={(name) => edits.renameInitiative(initiative.id, name, merge('name'))}
      />
      <div className="field-row">
        <SelectField
          label="Status"
          value={initiative.status}
          options={INITIATIVE_STATUSES.map((status) => ({
            value: status,
            label: STATUS_LABELS[status],
          }))}
          onCommit={(status) => edits.setInitiativeStatus(initiative.id, status)}
        />
        <TextField
          label="Owner"
          value={initiative.owner ?? ''}
          maxLength={MAX_NAME_LENGTH}
          onCommit={(owner) =>
            edits.setInitiativeDetail(initiative.id, 'owner', owner, merge('owner'))
          }
        />
      </div>
      <TextField
        label="Description"
        multiline
        maxLength={MAX_TEXT_LENGTH}
        value={initiative.description ?? ''}
        onCommit={(description) =>
          edits.setInitiativeDetail(initiative.id, 'description', description, merge('description'))
        }
      />
    </EditorSection>
  );
}

function StrategySection({ initiative, portfolio }: PortfolioSectionProps) {
  const links = initiative.objectives ?? [];
  const linked = new Set(links.map((link) => link.id));
  const available = portfolio.objectives.filter((objective) => !linked.has(objective.id));
  const objectiveName = new Map(
    portfolio.objectives.map((objective) => [objective.id, objective.name]),
  );
  return (
    <EditorSection title="Strategic alignment">
      {links.length === 0 && (
        <p className="hint-box">
          Not aligned to any objective: the board will ask why this work is in the portfolio.
        </p>
      )}
      {links.length > 0 && (
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">Objectives this initiative contributes to</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col">Contribution</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <td>{objectiveName.get(link.id) ?? link.id}</td>
                <td>
                  <SelectField
                    label={`Contribution to ${objectiveName.get(link.id) ?? link.id}`}
                    hideLabel
                    value={String(link.contribution)}
                    options={[1, 2, 3].map((level) => ({
                      value: String(level),
                      label: `${level} · ${CONTRIBUTION_LABELS[level]}`,
                    }))}
                    onCommit={(value) =>
                      edits.setObjectiveContribution(initiative.id, link.id, Number(value))
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Remove the link to ${objectiveName.get(link.id) ?? link.id}`}
                    onClick={() => void edits.unlinkObjective(initiative.id, link.id)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {available.length > 0 && (
        <AddPicker
          label="Link to objective"
          placeholder="Choose an objective…"
          options={available.map((objective) => ({
            value: objective.id,
            label: `${objective.parentId ? '' : 'Theme: '}${objective.name}`,
          }))}
          onPick={(id) => edits.linkObjective(initiative.id, id, 2)}
        />
      )}
    </EditorSection>
  );
}

function ValueSection({ initiative, portfolio, merge }: PortfolioSectionProps) {
  const criteria = modelCriteria(portfolio.scoring);
  const result = portfolioScorer(portfolio).score(initiative);
  const model = portfolio.scoring ? MODEL_NAMES[portfolio.scoring.model] : undefined;
  const part = (id: string) => result.breakdown.find((entry) => entry.id === id);
  const commitScore = (criterion: ModelCriterion, score: number | undefined) =>
    edits.setInitiativeScore(
      initiative.id,
      criterion.id,
      score,
      criterion.name,
      merge(`score:${criterion.id}`),
    );
  return (
    <EditorSection title="Scores and value">
      {criteria.length > 0 ? (
        <CriterionScoreFields
          criteria={criteria}
          scores={initiative.scores}
          computedScore={(id) => part(id)?.score}
          onCommit={commitScore}
        />
      ) : (
        <p className="section-hint">
          The portfolio has no scoring model: the value below is the only measure of benefit.
        </p>
      )}
      {model && (
        <p className="score-summary" aria-live="polite">
          {result.modelValue === undefined
            ? `${model} gives no value yet${result.missing.length > 0 ? `: ${result.missing.join(', ')} not scored` : ''}.`
            : `${model} gives a value of ${formatNumber(result.modelValue, 2)}`}
          {result.modelValue !== undefined &&
            (result.priority !== undefined
              ? ` and a priority of ${formatNumber(result.priority, 2)}.`
              : '.')}
        </p>
      )}
      <NumberField
        label="Value"
        optional
        value={initiative.value}
        hint={
          initiative.value !== undefined
            ? result.modelValue !== undefined
              ? `Typed (a business case figure): it overrides the model’s ${formatNumber(result.modelValue, 2)}. Leave empty to use the model.`
              : 'Typed (a business case figure): the value the plan counts.'
            : result.modelValue !== undefined
              ? `Leave empty to use the model’s ${formatNumber(result.modelValue, 2)}, or type a business case figure.`
              : 'The value the optimizer maximizes. Leave empty when the scoring model gives it.'
        }
        onCommit={(value) =>
          edits.setInitiativeDetail(initiative.id, 'value', value, merge('value'))
        }
      />
    </EditorSection>
  );
}

function DemandSection({ initiative, portfolio, merge }: PortfolioSectionProps) {
  const unit = portfolio.capacityUnit ?? 'units';
  const duration = Math.max(initiativeDuration(initiative), 1);
  const demand = initiative.demand ?? {};
  const teamsInDemand = portfolio.teams.filter((team) => team.id in demand);
  const otherTeams = portfolio.teams.filter((team) => !(team.id in demand));
  const columns = Array.from({ length: duration }, (_, index) => index);
  const [lengthResult, setLengthResult] = useState<EditResult | null>(null);

  /** Adds or removes the last active period of every list, from the stored row. */
  const changeLength = async (step: 1 | -1) => {
    const result = await edits.resizeInitiative(initiative.id, step);
    setLengthResult(result);
  };

  return (
    <EditorSection title="Demand and spend per active period">
      <p className="section-hint">
        What the initiative needs from each team ({unit}) and spends (
        {portfolio.currency ?? 'money'}) in each period it is active, counted from its start.
      </p>
      <div className="table-scroll">
        <table className="data-table data-table--grid">
          <caption className="visually-hidden">
            Demand per team and spend, per active period
          </caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {columns.map((index) => (
                <th key={index} scope="col" className="num">
                  Period {index + 1}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {teamsInDemand.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                {columns.map((index) => (
                  <td key={index}>
                    <NumberField
                      label={`${team.name} demand in period ${index + 1}`}
                      hideLabel
                      optional
                      value={demand[team.id]?.[index]}
                      className="field--cell"
                      onCommit={(amount) =>
                        edits.setInitiativeDemand(
                          initiative.id,
                          team.id,
                          index,
                          amount,
                          team.name,
                          merge(`demand:${team.id}:${index}`),
                        )
                      }
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Remove ${team.name}'s demand`}
                    onClick={() => void edits.removeTeamDemand(initiative.id, team.id, team.name)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            <tr className="data-table__spend">
              <th scope="row">Spend</th>
              {columns.map((index) => (
                <td key={index}>
                  <NumberField
                    label={`Spend in period ${index + 1}`}
                    hideLabel
                    optional
                    value={initiative.spend?.[index]}
                    className="field--cell"
                    onCommit={(amount) =>
                      edits.setInitiativeSpend(
                        initiative.id,
                        index,
                        amount,
                        merge(`spend:${index}`),
                      )
                    }
                  />
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => void changeLength(1)}>
          Add a period
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={duration <= 1}
          onClick={() => void changeLength(-1)}
        >
          Remove the last period
        </button>
        {otherTeams.length > 0 && (
          <AddPicker
            label="Add demand for team"
            placeholder="Add a team…"
            options={otherTeams.map((team) => ({ value: team.id, label: team.name }))}
            onPick={(teamId) =>
              edits.addTeamDemand(
                initiative.id,
                teamId,
                portfolio.teams.find((team) => team.id === teamId)?.name ?? teamId,
              )
            }
          />
        )}
      </div>
      <InlineError result={lengthResult} />
      <p className="section-hint">
        Total:{' '}
        {formatMoney(
          (initiative.spend ?? []).reduce((sum, amount) => sum + amount, 0),
          portfolio.currency,
          false,
        )}{' '}
        over {duration} period{duration === 1 ? '' : 's'}.
      </p>
    </EditorSection>
  );
}

function TimingSection({ initiative, portfolio, merge }: PortfolioSectionProps) {
  const periodOptions = [
    { value: '', label: 'Any' },
    ...portfolio.periods.map((period) => ({ value: period.id, label: period.label })),
  ];
  const choose = (field: 'earliestStart' | 'latestStart' | 'start') => (value: string) =>
    edits.setInitiativeDetail(initiative.id, field, value);
  return (
    <EditorSection title="Timing">
      <div className="field-row">
        <SelectField
          label="Earliest start"
          value={initiative.earliestStart ?? ''}
          options={periodOptions}
          onCommit={choose('earliestStart')}
        />
        <SelectField
          label="Latest start"
          value={initiative.latestStart ?? ''}
          options={periodOptions}
          onCommit={choose('latestStart')}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Fixed start"
          value={initiative.start ?? ''}
          options={[{ value: '', label: 'Not fixed' }, ...periodOptions.slice(1)]}
          hint="Fix the start for work already under way."
          onCommit={choose('start')}
        />
        <NumberField
          label="Duration (periods)"
          optional
          integer
          min={1}
          value={initiative.duration}
          hint="Optional; the demand lists give it otherwise."
          onCommit={(duration) =>
            edits.setInitiativeDetail(initiative.id, 'duration', duration, merge('duration'))
          }
        />
      </div>
    </EditorSection>
  );
}

function LinksSection({ initiative, portfolio }: PortfolioSectionProps) {
  const name = new Map(portfolio.initiatives.map((other) => [other.id, other.name]));
  const dependsOn = initiative.dependsOn ?? [];
  const excludes = initiative.excludes ?? [];
  const [result, setResult] = useState<EditResult | null>(null);
  const others = portfolio.initiatives.filter((other) => other.id !== initiative.id);
  const relate = async (
    change: 'add' | 'remove',
    relation: edits.InitiativeRelation,
    otherId: string,
  ) => {
    setResult(
      await (change === 'add' ? edits.addRelation : edits.removeRelation)(
        initiative.id,
        relation,
        otherId,
      ),
    );
  };
  // One walk of the graph, not one per candidate: a long list stays quick.
  const closesCycle = dependantsAndSelf(portfolio.initiatives, initiative.id);
  const candidates = others.filter(
    (other) => !dependsOn.includes(other.id) && !closesCycle.has(other.id),
  );
  const excludedBy = others.filter((other) => other.excludes?.includes(initiative.id));
  return (
    <EditorSection title="Dependencies and exclusions">
      <LinkList
        title="Needs first (finish to start)"
        ids={dependsOn}
        name={name}
        empty="No prerequisites."
        onRemove={(id) => void relate('remove', 'dependsOn', id)}
      />
      {candidates.length > 0 && (
        <AddPicker
          label="Add prerequisite"
          placeholder="Add a prerequisite…"
          hint="Initiatives that already depend on this one are not offered: that would be a cycle."
          options={candidates.map((other) => ({ value: other.id, label: other.name }))}
          onPick={(id) => relate('add', 'dependsOn', id)}
        />
      )}
      <LinkList
        title="Mutually exclusive with"
        ids={[
          ...excludes,
          ...excludedBy.map((other) => other.id).filter((id) => !excludes.includes(id)),
        ]}
        name={name}
        empty="Not exclusive with any initiative."
        removable={new Set(excludes)}
        onRemove={(id) => void relate('remove', 'excludes', id)}
      />
      {others.some((other) => !excludes.includes(other.id)) && (
        <AddPicker
          label="Add exclusion"
          placeholder="Exclusive with…"
          options={others
            .filter((other) => !excludes.includes(other.id))
            .map((other) => ({ value: other.id, label: other.name }))}
          onPick={(id) => relate('add', 'excludes', id)}
        />
      )}
      <InlineError result={result} />
    </EditorSection>
  );
}

type LinkListProps = {
  readonly title: string;
  readonly ids: readonly string[];
  readonly name: ReadonlyMap<string, string>;
  readonly empty: string;
  readonly onRemove: (id: string) => void;
  /** The ids that can be removed here (others are set on the other initiative). */
  readonly removable?: ReadonlySet<string>;
};

function LinkList({ title, ids, name, empty, onRemove, removable }: LinkListProps) {
  const id = useId();
  return (
    <div className="link-list">
      <p id={id} className="field__label">
        {title}
      </p>
      {ids.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul aria-labelledby={id}>
          {ids.map((other) => (
            <li key={other}>
              <span>{name.get(other) ?? other}</span>
              {!removable || removable.has(other) ? (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Remove ${name.get(other) ?? other}`}
                  onClick={() => onRemove(other)}
                >
                  Remove
                </button>
              ) : (
                <span className="muted small">set on {name.get(other) ?? other}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type AddPickerProps = {
  readonly label: string;
  readonly placeholder: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onPick: (value: string) => unknown;
  readonly hint?: string;
};

/** A select that adds the chosen item and returns to its placeholder. */
function AddPicker({ label, placeholder, options, onPick, hint }: AddPickerProps) {
  const id = useId();
  return (
    <div className="field add-picker">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value=""
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          if (event.target.value) void onPick(event.target.value);
        }}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function ForcedSection({ initiative, portfolio, merge }: PortfolioSectionProps) {
  const name = useId();
  // Forcing committed work out is a stop decision: it waits for that decision to be recorded.
  const [stopping, setStopping] = useState(false);
  const choices = [
    { value: '', label: 'Not forced' },
    { value: 'in', label: 'Forced in' },
    { value: 'out', label: 'Forced out' },
  ] as const;
  return (
    <EditorSection title="Forced decisions">
      <fieldset className="radio-group">
        <legend className="visually-hidden">Forced in or out</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={(initiative.forced ?? '') === choice.value}
              onChange={() => {
                if (choice.value === 'out' && isCommitted(initiative)) setStopping(true);
                else void edits.setInitiativeForced(initiative.id, choice.value || undefined);
              }}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {initiative.forced && (
        <TextField
          label="Reason"
          maxLength={MAX_TEXT_LENGTH}
          value={initiative.forcedReason ?? ''}
          hint="Shown on the board and frozen into the board pack's decision record."
          onCommit={(reason) =>
            edits.setInitiativeDetail(initiative.id, 'forcedReason', reason, merge('forcedReason'))
          }
        />
      )}
      {stopping && (
        <StopDecisionDialog
          initiative={initiative}
          portfolio={portfolio}
          onClose={() => setStopping(false)}
        />
      )}
    </EditorSection>
  );
}

function ActualsSection({
  initiative,
  portfolio,
}: {
  readonly initiative: Initiative;
  readonly portfolio: Portfolio;
}) {
  const actuals = (portfolio.actuals ?? []).filter(
    (actual) => actual.initiativeId === initiative.id,
  );
  if (actuals.length === 0) return null;
  const periodLabel = new Map(portfolio.periods.map((period) => [period.id, period.label]));
  return (
    <EditorSection title="Actuals">
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">What was spent and delivered, per period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Spend
            </th>
            <th scope="col" className="num">
              Effort ({portfolio.capacityUnit ?? 'units'})
            </th>
            <th scope="col" className="num">
              Progress
            </th>
          </tr>
        </thead>
        <tbody>
          {actuals.map((actual) => (
            <tr key={actual.periodId}>
              <th scope="row">{periodLabel.get(actual.periodId) ?? actual.periodId}</th>
              <td className="num">
                {actual.spend === undefined ? '–' : formatMoney(actual.spend, portfolio.currency)}
              </td>
              <td className="num">
                {formatNumber(
                  Object.values(actual.effort ?? {}).reduce((sum, amount) => sum + amount, 0),
                )}
              </td>
              <td className="num">
                {actual.progress === undefined ? '–' : `${Math.round(actual.progress * 100)} %`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorSection>
  );
}
