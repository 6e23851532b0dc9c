/**
 * The editor of one initiative: every field of the portfolio file, each stored as soon as it is
 * valid, with the reason shown beside any value the portfolio's rules refuse.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { dependantsOf, wouldCreateCycle } from '../../../shared/portfolio/dependencies';
import { initiativeDuration, initiativeValue } from '../../../shared/portfolio/measures';
import {
  INITIATIVE_STATUSES,
  type Initiative,
  type Portfolio,
} from '../../../shared/portfolio/types';
import { askUser } from '../../components/dialogs';
import { NumberField, SelectField, TextField } from '../../components/fields';
import {
  deleteInitiative,
  duplicateInitiative,
  setField,
  updateInitiative,
  type EditResult,
} from '../../db/repository';
import type { InitiativeRow } from '../../db/schema';
import { formatMoney, formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import { CONTRIBUTION_LABELS, STATUS_LABELS } from './labels';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';

type EditorProps = {
  readonly initiative: Initiative;
  readonly portfolio: Portfolio;
  readonly onClose: () => void;
};

type Update = (
  label: string,
  change: (row: InitiativeRow) => InitiativeRow,
  mergeField?: string,
) => Promise<EditResult>;

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className="editor__section" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {children}
    </section>
  );
}

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
  const update: Update = (label, change, mergeField) =>
    updateInitiative(
      initiative.id,
      label,
      change,
      mergeField ? { mergeKey: `initiative:${initiative.id}:${mergeField}` } : undefined,
    );

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
    const result = await deleteInitiative(initiative.id);
    if (result.ok) {
      notify('success', `Deleted "${initiative.name}".`);
      onClose();
    } else notify('error', result.problems[0]?.message ?? 'Could not delete.');
  };

  const duplicate = async () => {
    const id = await duplicateInitiative(initiative.id);
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
        <GeneralSection initiative={initiative} update={update} />
        <StrategySection initiative={initiative} portfolio={portfolio} update={update} />
        <ValueSection initiative={initiative} portfolio={portfolio} update={update} />
        <DemandSection initiative={initiative} portfolio={portfolio} update={update} />
        <TimingSection initiative={initiative} portfolio={portfolio} update={update} />
        <LinksSection initiative={initiative} portfolio={portfolio} update={update} />
        <ForcedSection initiative={initiative} update={update} />
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

type SectionProps = { readonly initiative: Initiative; readonly update: Update };
type PortfolioSectionProps = SectionProps & { readonly portfolio: Portfolio };

function GeneralSection({ initiative, update }: SectionProps) {
  return (
    <Section title="General">
      <TextField
        label="Name"
        required
        maxLength={MAX_NAME_LENGTH}
        value={initiative.name}
        onCommit={(name) => update('Rename initiative', (row) => ({ ...row, name }), 'name')}
      />
      <div className="field-row">
        <SelectField
          label="Status"
          value={initiative.status}
          options={INITIATIVE_STATUSES.map((status) => ({
            value: status,
            label: STATUS_LABELS[status],
          }))}
          onCommit={(status) => update('Change status', (row) => ({ ...row, status }))}
        />
        <TextField
          label="Owner"
          value={initiative.owner ?? ''}
          maxLength={MAX_NAME_LENGTH}
          onCommit={(owner) =>
            update('Change owner', (row) => setField(row, 'owner', owner || undefined), 'owner')
          }
        />
      </div>
      <TextField
        label="Description"
        multiline
        maxLength={MAX_TEXT_LENGTH}
        value={initiative.description ?? ''}
        onCommit={(description) =>
          update(
            'Change description',
            (row) => setField(row, 'description', description || undefined),
            'description',
          )
        }
      />
    </Section>
  );
}

function StrategySection({ initiative, portfolio, update }: PortfolioSectionProps) {
  const links = initiative.objectives ?? [];
  const linked = new Set(links.map((link) => link.id));
  const available = portfolio.objectives.filter((objective) => !linked.has(objective.id));
  const objectiveName = new Map(
    portfolio.objectives.map((objective) => [objective.id, objective.name]),
  );
  const setLinks = (label: string, next: Initiative['objectives']) =>
    update(label, (row) => setField(row, 'objectives', next && next.length > 0 ? next : undefined));
  return (
    <Section title="Strategic alignment">
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
            {links.map((link, index) => (
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
                      setLinks(
                        'Change contribution',
                        links.map((other, otherIndex) =>
                          otherIndex === index ? { ...other, contribution: Number(value) } : other,
                        ),
                      )
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Remove the link to ${objectiveName.get(link.id) ?? link.id}`}
                    onClick={() =>
                      void setLinks(
                        'Remove objective link',
                        links.filter((other) => other.id !== link.id),
                      )
                    }
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
          onPick={(id) => setLinks('Link objective', [...links, { id, contribution: 2 }])}
        />
      )}
    </Section>
  );
}

function ValueSection({ initiative, portfolio, update }: PortfolioSectionProps) {
  const criteria = portfolio.scoring?.criteria ?? [];
  const modelValue = initiativeValue({ ...initiative, value: undefined }, portfolio.scoring);
  return (
    <Section title="Scores and value">
      {criteria.length > 0 && (
        <div className="field-grid">
          {criteria.map((criterion) => (
            <NumberField
              key={criterion.id}
              label={`${criterion.name}${criterion.weight !== undefined ? ` (weight ${formatNumber(criterion.weight, 2)})` : ''}`}
              value={initiative.scores?.[criterion.id]}
              optional
              onCommit={(score) =>
                update(
                  `Change ${criterion.name} score`,
                  (row) => {
                    const scores: Record<string, number> = { ...(row.scores ?? {}) };
                    if (score === undefined) delete scores[criterion.id];
                    else scores[criterion.id] = score;
                    return setField(
                      row,
                      'scores',
                      Object.keys(scores).length > 0 ? scores : undefined,
                    );
                  },
                  `score:${criterion.id}`,
                )
              }
            />
          ))}
        </div>
      )}
      <NumberField
        label="Value"
        optional
        value={initiative.value}
        hint={
          modelValue === undefined
            ? 'The value the optimizer maximizes. Leave empty when the scoring model gives it.'
            : `Leave empty to use the ${portfolio.scoring?.model ?? 'scoring'} model's ${formatNumber(modelValue, 2)}.`
        }
        onCommit={(value) =>
          update('Change value', (row) => setField(row, 'value', value), 'value')
        }
      />
    </Section>
  );
}

function resize(list: readonly number[] | undefined, length: number): number[] {
  const next = [...(list ?? [])].slice(0, length);
  while (next.length < length) next.push(0);
  return next;
}

function DemandSection({ initiative, portfolio, update }: PortfolioSectionProps) {
  const unit = portfolio.capacityUnit ?? 'units';
  const duration = Math.max(initiativeDuration(initiative), 1);
  const demand = initiative.demand ?? {};
  const teamsInDemand = portfolio.teams.filter((team) => team.id in demand);
  const otherTeams = portfolio.teams.filter((team) => !(team.id in demand));
  const columns = Array.from({ length: duration }, (_, index) => index);
  const [lengthResult, setLengthResult] = useState<EditResult | null>(null);

  /** Adds or removes the last active period of every list, from the stored row. */
  const changeLength = async (step: 1 | -1) => {
    const result = await update(
      step > 0 ? 'Add an active period' : 'Remove the last active period',
      (row) => {
        const length = Math.max(Math.max(initiativeDuration(row), 1) + step, 1);
        const nextDemand: Record<string, number[]> = {};
        for (const [teamId, list] of Object.entries(row.demand ?? {})) {
          nextDemand[teamId] = resize(list, length);
        }
        const hasLists = Object.keys(nextDemand).length > 0 || row.spend !== undefined;
        let next = setField(
          row,
          'demand',
          Object.keys(nextDemand).length > 0 ? nextDemand : undefined,
        );
        next = setField(next, 'spend', row.spend ? resize(row.spend, length) : undefined);
        // Without any list the length lives in `duration` alone.
        return setField(
          next,
          'duration',
          row.duration !== undefined || !hasLists ? length : undefined,
        );
      },
    );
    setLengthResult(result);
  };

  return (
    <Section title="Demand and spend per active period">
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
                        update(
                          'Change demand',
                          (row) => {
                            const list = resize(
                              row.demand?.[team.id],
                              Math.max(initiativeDuration(row), index + 1),
                            );
                            list[index] = amount ?? 0;
                            return { ...row, demand: { ...(row.demand ?? {}), [team.id]: list } };
                          },
                          `demand:${team.id}:${index}`,
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
                    onClick={() =>
                      void update('Remove team demand', (row) => {
                        const { [team.id]: _removed, ...rest } = row.demand ?? {};
                        return setField(
                          row,
                          'demand',
                          Object.keys(rest).length > 0 ? rest : undefined,
                        );
                      })
                    }
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
                      update(
                        'Change spend',
                        (row) => {
                          const list = resize(
                            row.spend,
                            Math.max(initiativeDuration(row), index + 1),
                          );
                          list[index] = amount ?? 0;
                          return { ...row, spend: list };
                        },
                        `spend:${index}`,
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
              update('Add team demand', (row) => ({
                ...row,
                demand: { ...(row.demand ?? {}), [teamId]: resize([], duration) },
              }))
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
    </Section>
  );
}

function TimingSection({ initiative, portfolio, update }: PortfolioSectionProps) {
  const periodOptions = [
    { value: '', label: 'Any' },
    ...portfolio.periods.map((period) => ({ value: period.id, label: period.label })),
  ];
  const choose =
    (field: 'earliestStart' | 'latestStart' | 'start', label: string) => (value: string) =>
      update(label, (row) => setField(row, field, value || undefined));
  return (
    <Section title="Timing">
      <div className="field-row">
        <SelectField
          label="Earliest start"
          value={initiative.earliestStart ?? ''}
          options={periodOptions}
          onCommit={choose('earliestStart', 'Change earliest start')}
        />
        <SelectField
          label="Latest start"
          value={initiative.latestStart ?? ''}
          options={periodOptions}
          onCommit={choose('latestStart', 'Change latest start')}
        />
      </div>
      <div className="field-row">
        <SelectField
          label="Fixed start"
          value={initiative.start ?? ''}
          options={[{ value: '', label: 'Not fixed' }, ...periodOptions.slice(1)]}
          hint="Fix the start for work already under way."
          onCommit={choose('start', 'Change fixed start')}
        />
        <NumberField
          label="Duration (periods)"
          optional
          integer
          min={1}
          value={initiative.duration}
          hint="Optional; the demand lists give it otherwise."
          onCommit={(duration) =>
            update('Change duration', (row) => setField(row, 'duration', duration), 'duration')
          }
        />
      </div>
    </Section>
  );
}

function LinksSection({ initiative, portfolio, update }: PortfolioSectionProps) {
  const name = new Map(portfolio.initiatives.map((other) => [other.id, other.name]));
  const dependsOn = initiative.dependsOn ?? [];
  const excludes = initiative.excludes ?? [];
  const [result, setResult] = useState<EditResult | null>(null);
  const others = portfolio.initiatives.filter((other) => other.id !== initiative.id);
  const setList = async (
    field: 'dependsOn' | 'excludes',
    label: string,
    list: readonly string[],
  ) => {
    setResult(
      await update(label, (row) => setField(row, field, list.length > 0 ? list : undefined)),
    );
  };
  const candidates = others.filter(
    (other) =>
      !dependsOn.includes(other.id) &&
      !wouldCreateCycle(portfolio.initiatives, initiative.id, other.id),
  );
  const excludedBy = others.filter((other) => other.excludes?.includes(initiative.id));
  return (
    <Section title="Dependencies and exclusions">
      <LinkList
        title="Needs first (finish to start)"
        ids={dependsOn}
        name={name}
        empty="No prerequisites."
        onRemove={(id) =>
          void setList(
            'dependsOn',
            'Remove prerequisite',
            dependsOn.filter((other) => other !== id),
          )
        }
      />
      {candidates.length > 0 && (
        <AddPicker
          label="Add prerequisite"
          placeholder="Add a prerequisite…"
          hint="Initiatives that already depend on this one are not offered: that would be a cycle."
          options={candidates.map((other) => ({ value: other.id, label: other.name }))}
          onPick={(id) => setList('dependsOn', 'Add prerequisite', [...dependsOn, id])}
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
        onRemove={(id) =>
          void setList(
            'excludes',
            'Remove exclusion',
            excludes.filter((other) => other !== id),
          )
        }
      />
      {others.some((other) => !excludes.includes(other.id)) && (
        <AddPicker
          label="Add exclusion"
          placeholder="Exclusive with…"
          options={others
            .filter((other) => !excludes.includes(other.id))
            .map((other) => ({ value: other.id, label: other.name }))}
          onPick={(id) => setList('excludes', 'Add exclusion', [...excludes, id])}
        />
      )}
      <InlineError result={result} />
    </Section>
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

function ForcedSection({ initiative, update }: SectionProps) {
  const name = useId();
  const choices = [
    { value: '', label: 'Not forced' },
    { value: 'in', label: 'Forced in' },
    { value: 'out', label: 'Forced out' },
  ] as const;
  return (
    <Section title="Forced decisions">
      <fieldset className="radio-group">
        <legend className="visually-hidden">Forced in or out</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="radio">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={(initiative.forced ?? '') === choice.value}
              onChange={() =>
                void update(
                  choice.value ? `Force ${choice.value}` : 'Remove forced decision',
                  (row) => setField(row, 'forced', choice.value || undefined),
                )
              }
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
            update(
              'Change forced reason',
              (row) => setField(row, 'forcedReason', reason || undefined),
              'forcedReason',
            )
          }
        />
      )}
    </Section>
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
    <Section title="Actuals">
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
    </Section>
  );
}
