/**
 * The PMO's intake settings: the names of the pipeline's stages, the strategic-fit gate's rules
 * (each with its switch and threshold) and a demand template per t-shirt size. Every field is
 * saved as typed, as one edit of the settings (`updateIntakeSettings`); a value the settings'
 * rules refuse (a name two stages share, a template asking less than a smaller size) is shown at
 * the field and nothing is stored.
 */
import { useId, useRef, type ReactNode } from 'react';
import { checkIntakeSettings } from '../../../shared/intake/rules';
import {
  DEFAULT_INTAKE_SETTINGS,
  DEFAULT_STAGE_LABELS,
  INTAKE_STAGES,
  stageLabel,
  TSHIRT_SIZES,
  type GateRules,
  type IntakeSettings,
  type IntakeStage,
  type SizeTemplate,
  type TShirtSize,
} from '../../../shared/intake/types';
import { MAX_CAPACITY, MAX_MONEY } from '../../../shared/portfolio/limits';
import { formatPath } from '../../../shared/portfolio/paths';
import { describePlace } from '../../../shared/portfolio/places';
import {
  SCORING_MODELS,
  type Portfolio,
  type ScoringModelKind,
} from '../../../shared/portfolio/types';
import type { EditResult } from '../../../shared/store/changes';
import { MODEL_NAMES } from '../../../shared/strategy/scoring';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { askUser } from '../../components/dialogs';
import * as edits from '../../db/edits';
import { usePortfolio } from '../../db/hooks';
import { formatMoney, formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import './intake-figures.css';

type Path = readonly (string | number)[];
type Change = (settings: IntakeSettings) => IntakeSettings;
type Save = (path: Path, change: Change) => Promise<EditResult>;

/** "Stage names", "a business case": a problem's message as a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The first problem `next` has that `before` had not, said for the field at `path`: its own
 * message when it is the field's, else with the place it is at. Undefined when there is none.
 */
export function newProblem(
  before: IntakeSettings,
  next: IntakeSettings,
  portfolio: Portfolio,
  path: Path,
): string | undefined {
  const key = (problem: { path: string; message: string }) => `${problem.path}\n${problem.message}`;
  const had = new Set(checkIntakeSettings(before, portfolio).map(key));
  const document = { ...portfolio, intakeSettings: next };
  const fresh = checkIntakeSettings(next, portfolio, ['intakeSettings'], (place) =>
    describePlace(place, document),
  ).filter((problem) => !had.has(key(problem)));
  if (fresh.length === 0) return undefined;
  const own = formatPath(['intakeSettings', ...path]);
  const mine = fresh.find((problem) => problem.path === own || problem.path.startsWith(`${own}.`));
  if (mine) return sentence(mine.message);
  const other = fresh[0] as (typeof fresh)[number];
  const where = other.where ?? other.path;
  return sentence(`${where}: ${other.message}`);
}

/** A list `length` long: `list`'s numbers, zeros after them, cut at `length`. */
function padded(list: readonly number[] | undefined, length: number): number[] {
  return Array.from({ length }, (_, index) => list?.[index] ?? 0);
}

const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

function effortOf(template: SizeTemplate): number {
  return total(Object.values(template.demand).flat());
}

/** The template a new size starts from: the nearest smaller one, else the nearest larger one. */
function startingTemplate(settings: IntakeSettings, size: TShirtSize): SizeTemplate {
  const at = TSHIRT_SIZES.indexOf(size);
  const smaller = TSHIRT_SIZES.slice(0, at)
    .reverse()
    .map((other) => settings.sizes[other])
    .find((template) => template !== undefined);
  const larger = TSHIRT_SIZES.slice(at + 1)
    .map((other) => settings.sizes[other])
    .find((template) => template !== undefined);
  const from = smaller ?? larger;
  if (!from) return { duration: 1, demand: {} };
  return {
    duration: from.duration,
    demand: Object.fromEntries(
      Object.entries(from.demand).map(([team, list]) => [team, [...list]]),
    ),
    ...(from.spend && { spend: [...from.spend] }),
  };
}

function withTemplate(
  settings: IntakeSettings,
  size: TShirtSize,
  template: SizeTemplate | undefined,
): IntakeSettings {
  const sizes: Partial<Record<TShirtSize, SizeTemplate>> = { ...settings.sizes };
  if (template) sizes[size] = template;
  else delete sizes[size];
  return { ...settings, sizes };
}

function withGate(settings: IntakeSettings, gate: Partial<GateRules>): IntakeSettings {
  return { ...settings, gate: { ...settings.gate, ...gate } };
}

/** Thrown by a change to refuse it with a message for the field (a name another stage has). */
class Refusal extends Error {}

/**
 * Saves changes of the settings one after another, each first checked by the settings' rules for
 * the field's sake. In order, so that a refusal is never overtaken by the answer to an earlier
 * keystroke (which would clear the field's message), and each change builds on the one before.
 */
function useSave(portfolio: Portfolio, settings: IntakeSettings): Save {
  // The settings the next change builds on: what is stored, or what this editor stored since.
  const latest = useRef(settings);
  const seen = useRef(settings);
  const pending = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  if (seen.current !== settings) {
    seen.current = settings;
    // While this editor's own changes are on their way, what comes back may lag behind them.
    if (pending.current === 0) latest.current = settings;
  }
  const attempt = async (path: Path, change: Change): Promise<EditResult> => {
    const refused = (message: string): EditResult => ({
      ok: false,
      problems: [{ path: formatPath(['intakeSettings', ...path]), message }],
    });
    const before = latest.current;
    let next: IntakeSettings;
    try {
      next = change(before);
    } catch (reason) {
      if (reason instanceof Refusal) return refused(reason.message);
      throw reason;
    }
    const problem = newProblem(before, next, portfolio, path);
    if (problem) return refused(problem);
    const result = await edits.updateIntakeSettings(next, {
      mergeKey: `intake-settings:${path.join('.')}`,
    });
    if (result.ok) latest.current = next;
    return result;
  };
  return (path, change) => {
    pending.current += 1;
    const run = queue.current.then(() => attempt(path, change));
    queue.current = run
      .catch(() => undefined)
      .finally(() => {
        pending.current -= 1;
      });
    return run;
  };
}

function Section({
  title,
  intro,
  children,
}: {
  readonly title: string;
  readonly intro: ReactNode;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="intake-settings__section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>{intro}</p>
      {children}
    </section>
  );
}

/** A switch that stores at once and says why when the portfolio refuses. */
function RuleSwitch({
  label,
  checked,
  onChange,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => Promise<EditResult>;
}) {
  const notify = useAppStore((state) => state.notify);
  return (
    <label className="switch">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          void onChange(event.target.checked).then((result) => {
            if (!result.ok) notify('error', result.problems[0]?.message ?? 'Not saved.');
          });
        }}
      />
      {label}
    </label>
  );
}

function Rule({
  title,
  about,
  enabled,
  onSwitch,
  children,
}: {
  readonly title: string;
  readonly about: string;
  readonly enabled: boolean;
  readonly onSwitch: (checked: boolean) => Promise<EditResult>;
  readonly children?: ReactNode;
}) {
  return (
    <fieldset className="intake-settings__rule">
      <legend>
        <RuleSwitch label={title} checked={enabled} onChange={onSwitch} />
      </legend>
      <p className="intake-settings__rule-about">{about}</p>
      {children && enabled && <div className="intake-settings__fields">{children}</div>}
    </fieldset>
  );
}

function StageNames({
  settings,
  save,
}: {
  readonly settings: IntakeSettings;
  readonly save: Save;
}) {
  return (
    <Section
      title="Stage names"
      intro="What the pipeline calls each stage, on the board, the cards and in the decision log. Leave a name empty to use the standard one."
    >
      <div className="intake-settings__stages">
        {INTAKE_STAGES.map((stage: IntakeStage) => (
          <TextField
            key={stage}
            label={`${DEFAULT_STAGE_LABELS[stage]} stage`}
            value={settings.stageLabels[stage] ?? ''}
            placeholder={DEFAULT_STAGE_LABELS[stage]}
            maxLength={200}
            onCommit={(text) =>
              save(['stageLabels', stage], (current) => {
                const name = text.trim();
                const taken = INTAKE_STAGES.find(
                  (other) =>
                    other !== stage &&
                    stageLabel(current, other).toLowerCase() === name.toLowerCase(),
                );
                if (name !== '' && taken) {
                  throw new Refusal(
                    `“${name}” already names the ${DEFAULT_STAGE_LABELS[taken]} stage; give each stage its own name.`,
                  );
                }
                const stageLabels: Partial<Record<IntakeStage, string>> = {
                  ...current.stageLabels,
                };
                if (text.trim() === '') delete stageLabels[stage];
                else stageLabels[stage] = text;
                return { ...current, stageLabels };
              })
            }
          />
        ))}
      </div>
    </Section>
  );
}

const SIZE_OPTIONS = [
  { value: '', label: 'No size limit' },
  ...TSHIRT_SIZES.map((size) => ({ value: size, label: `From size ${size} up` })),
] as const;

function GateRulesEditor({
  portfolio,
  settings,
  save,
}: {
  readonly portfolio: Portfolio;
  readonly settings: IntakeSettings;
  readonly save: Save;
}) {
  const gate = settings.gate;
  const active = portfolio.scoring?.model;
  const models: readonly ScoringModelKind[] = active
    ? [active, ...SCORING_MODELS.filter((model) => model !== active)]
    : SCORING_MODELS;
  const currency = portfolio.currency;
  return (
    <Section
      title="Gate rules"
      intro="The strategic-fit gate checks every proposal against these rules, live, as a checklist. A proposal that fails a rule can still be approved, but only with an override and its rationale. A rule switched off is shown as not applicable."
    >
      <Rule
        title="Linked to an objective that matters"
        about="Its best link, the objective’s global weight × the contribution (1 to 3), must reach the minimum. 0.20 is a medium link (2) to an objective of 10 %, or a strong one (3) to one of 6.7 %."
        enabled={gate.objectiveFit.enabled}
        onSwitch={(enabled) =>
          save(['gate', 'objectiveFit', 'enabled'], (current) =>
            withGate(current, { objectiveFit: { ...current.gate.objectiveFit, enabled } }),
          )
        }
      >
        <NumberField
          label="Minimum fit"
          value={gate.objectiveFit.minimum}
          min={0}
          max={3}
          onCommit={(value) =>
            save(['gate', 'objectiveFit', 'minimum'], (current) =>
              withGate(current, {
                objectiveFit: { ...current.gate.objectiveFit, minimum: value ?? 0 },
              }),
            )
          }
        />
      </Rule>

      <Rule
        title="Priority under the scoring model"
        about="Its priority (or its value) under the active scoring model must reach the minimum set for that model; each model has its own scale. A model without a minimum is not checked."
        enabled={gate.priority.enabled}
        onSwitch={(enabled) =>
          save(['gate', 'priority', 'enabled'], (current) =>
            withGate(current, { priority: { ...current.gate.priority, enabled } }),
          )
        }
      >
        <SelectField
          label="Compare"
          value={gate.priority.basis}
          options={[
            { value: 'priority', label: 'Its priority' },
            { value: 'value', label: 'Its value' },
          ]}
          onCommit={(basis) =>
            save(['gate', 'priority', 'basis'], (current) =>
              withGate(current, { priority: { ...current.gate.priority, basis } }),
            )
          }
        />
        {models.map((model) => (
          <NumberField
            key={model}
            label={`Minimum under ${MODEL_NAMES[model]}${model === active ? ' (active)' : ''}`}
            value={gate.priority.minimum[model]}
            optional
            min={0}
            placeholder="Not checked"
            onCommit={(value) =>
              save(['gate', 'priority', 'minimum', model], (current) => {
                const minimum: Partial<Record<ScoringModelKind, number>> = {
                  ...current.gate.priority.minimum,
                };
                if (value === undefined) delete minimum[model];
                else minimum[model] = value;
                return withGate(current, { priority: { ...current.gate.priority, minimum } });
              })
            }
          />
        ))}
      </Rule>

      <Rule
        title="Business case"
        about="A business case is required from a t-shirt size up, or from a total cost up; a proposal sized by demand per team counts as the size whose template it matches. Either limit may be left out."
        enabled={gate.businessCase.enabled}
        onSwitch={(enabled) =>
          save(['gate', 'businessCase', 'enabled'], (current) =>
            withGate(current, { businessCase: { ...current.gate.businessCase, enabled } }),
          )
        }
      >
        <SelectField
          label="Required by size"
          value={gate.businessCase.fromSize ?? ''}
          options={SIZE_OPTIONS}
          onCommit={(size) =>
            save(['gate', 'businessCase', 'fromSize'], (current) => {
              const { fromSize: _dropped, ...rule } = current.gate.businessCase;
              return withGate(current, {
                businessCase: size === '' ? rule : { ...rule, fromSize: size },
              });
            })
          }
        />
        <NumberField
          label="Required from a total cost of"
          value={gate.businessCase.fromCost}
          optional
          min={0}
          max={MAX_MONEY}
          placeholder="No cost limit"
          {...(currency && { unit: currency })}
          onCommit={(value) =>
            save(['gate', 'businessCase', 'fromCost'], (current) => {
              const { fromCost: _dropped, ...rule } = current.gate.businessCase;
              return withGate(current, {
                businessCase: value === undefined ? rule : { ...rule, fromCost: value },
              });
            })
          }
        />
      </Rule>

      <Rule
        title="No exclusion with committed work"
        about="It must not exclude work that is active, done or forced in: that work is planned first, so the proposal could never be."
        enabled={gate.exclusions.enabled}
        onSwitch={(enabled) =>
          save(['gate', 'exclusions', 'enabled'], (current) =>
            withGate(current, { exclusions: { ...current.gate.exclusions, enabled } }),
          )
        }
      />

      <Rule
        title="Fits the plan of record"
        about="Approved now, at the place its priority gives it in the plan’s ranking, it must land above the cut line (or in a gap) without pushing approved or committed work out. What it would push out is named with the reason."
        enabled={gate.capacity.enabled}
        onSwitch={(enabled) =>
          save(['gate', 'capacity', 'enabled'], (current) =>
            withGate(current, { capacity: { ...current.gate.capacity, enabled } }),
          )
        }
      />
    </Section>
  );
}

function TemplateEditor({
  portfolio,
  size,
  template,
  save,
  sized,
}: {
  readonly portfolio: Portfolio;
  readonly size: TShirtSize;
  readonly template: SizeTemplate;
  readonly save: Save;
  /** How many proposals have this size. */
  readonly sized: number;
}) {
  const notify = useAppStore((state) => state.notify);
  const headingId = useId();
  const addId = useId();
  const unit = portfolio.capacityUnit ?? 'units';
  const teamName = new Map(portfolio.teams.map((team) => [team.id, team.name]));
  const teams = Object.keys(template.demand);
  const others = portfolio.teams.filter((team) => !(team.id in template.demand));
  const periods = Array.from({ length: template.duration }, (_, index) => index);
  const base: Path = ['sizes', size];
  const update = (path: Path, change: (template: SizeTemplate) => SizeTemplate) =>
    save([...base, ...path], (current) => {
      const now = current.sizes[size];
      return now ? withTemplate(current, size, change(now)) : current;
    });
  const spend = template.spend ?? [];

  const remove = async () => {
    const choice = await askUser({
      title: `Remove the template of size ${size}?`,
      body:
        sized > 0
          ? `${sized} ${sized === 1 ? 'proposal is' : 'proposals are'} sized ${size}: without a template ${sized === 1 ? 'it' : 'they'} cannot be planned from the size, and the gate’s capacity check fails until ${sized === 1 ? 'it gives' : 'they give'} demand per team. You can undo this with Ctrl+Z.`
          : `No proposal is sized ${size}. You can undo this with Ctrl+Z.`,
      actions: [
        { id: 'remove', label: 'Remove template', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'remove') return;
    const result = await save(base, (current) => withTemplate(current, size, undefined));
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Not removed.');
  };

  const addTeam = async (teamId: string) => {
    if (!teamId) return;
    const result = await update(['demand', teamId], (current) => ({
      ...current,
      demand: { ...current.demand, [teamId]: padded([], current.duration) },
    }));
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Not added.');
  };

  const removeTeam = async (teamId: string) => {
    const result = await update(['demand', teamId], (current) => {
      const demand = { ...current.demand };
      delete demand[teamId];
      return { ...current, demand };
    });
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Not removed.');
  };

  const summary = [
    `${formatNumber(effortOf(template))} ${unit} in all`,
    `over ${template.duration} ${template.duration === 1 ? 'period' : 'periods'}`,
    ...(spend.length > 0 ? [formatMoney(total(spend), portfolio.currency)] : []),
  ].join(', ');

  return (
    <div className="intake-settings__size" role="group" aria-labelledby={headingId}>
      <div className="intake-settings__size-header">
        <h4 id={headingId}>Size {size}</h4>
        <span className="intake-settings__size-total">{summary}</span>
        <div className="intake-settings__size-actions">
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => void remove()}
          >
            Remove template {size}
          </button>
        </div>
      </div>
      <NumberField
        className="intake-settings__duration"
        label={`Duration of size ${size}`}
        unit="periods"
        value={template.duration}
        integer
        min={1}
        max={Math.max(1, portfolio.periods.length)}
        onCommit={(value) =>
          update(['duration'], (current) => {
            const duration = value ?? 1;
            const cut = (list: readonly number[]) => list.slice(0, duration);
            return {
              ...current,
              duration,
              demand: Object.fromEntries(
                Object.entries(current.demand).map(([team, list]) => [team, cut(list)]),
              ),
              ...(current.spend && { spend: cut(current.spend) }),
            };
          })
        }
      />
      <div className="table-scroll">
        <table className="data-table data-table--compact intake-settings__template">
          <caption className="visually-hidden">
            Demand per team and spend of size {size}, per active period
          </caption>
          <thead>
            <tr>
              <th scope="col">Team ({unit})</th>
              {periods.map((index) => (
                <th scope="col" key={index} className="num">
                  Period {index + 1}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map((teamId) => {
              const name = teamName.get(teamId) ?? teamId;
              const list = template.demand[teamId] ?? [];
              return (
                <tr key={teamId}>
                  <th scope="row">{name}</th>
                  {periods.map((index) => (
                    <td key={index}>
                      <NumberField
                        label={`${name}, period ${index + 1} of size ${size}`}
                        hideLabel
                        optional
                        min={0}
                        max={MAX_CAPACITY}
                        value={list[index] ?? 0}
                        onCommit={(value) =>
                          update(['demand', teamId], (current) => {
                            const next = padded(
                              current.demand[teamId],
                              Math.max(index + 1, (current.demand[teamId] ?? []).length),
                            );
                            next[index] = value ?? 0;
                            return { ...current, demand: { ...current.demand, [teamId]: next } };
                          })
                        }
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={`Remove ${name} from size ${size}`}
                      onClick={() => void removeTeam(teamId)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Spend{portfolio.currency ? ` (${portfolio.currency})` : ''}</th>
              {periods.map((index) => (
                <td key={index}>
                  <NumberField
                    label={`Spend, period ${index + 1} of size ${size}`}
                    hideLabel
                    optional
                    min={0}
                    max={MAX_MONEY}
                    value={spend[index] ?? 0}
                    onCommit={(value) =>
                      update(['spend'], (current) => {
                        const next = padded(
                          current.spend,
                          Math.max(index + 1, (current.spend ?? []).length),
                        );
                        next[index] = value ?? 0;
                        const { spend: _old, ...rest } = current;
                        return next.every((amount) => amount === 0)
                          ? rest
                          : { ...rest, spend: next };
                      })
                    }
                  />
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {teams.length === 0 && (
        <p className="intake-settings__problem">
          No team yet: a proposal of size {size} would ask no one for capacity. Add the teams a
          typical {size} change needs.
        </p>
      )}
      {others.length > 0 && (
        <div className="intake-settings__add">
          <label htmlFor={addId} className="visually-hidden">
            Add a team to size {size}
          </label>
          <select id={addId} value="" onChange={(event) => void addTeam(event.target.value)}>
            <option value="">Add a team to size {size}…</option>
            {others.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

function SizeTemplates({
  portfolio,
  settings,
  save,
}: {
  readonly portfolio: Portfolio;
  readonly settings: IntakeSettings;
  readonly save: Save;
}) {
  const notify = useAppStore((state) => state.notify);
  const missing = TSHIRT_SIZES.filter((size) => !settings.sizes[size]);
  const count = (size: TShirtSize) =>
    (portfolio.proposals ?? []).filter((proposal) => proposal.size === size).length;
  const add = async (size: TShirtSize) => {
    const result = await save(['sizes', size], (current) =>
      withTemplate(current, size, startingTemplate(current, size)),
    );
    if (!result.ok) notify('error', result.problems[0]?.message ?? 'Not added.');
  };
  const noTeams = portfolio.teams.length === 0;
  return (
    <Section
      title="Size templates"
      intro={`What each t-shirt size stands for: the demand per team in each active period (in ${portfolio.capacityUnit ?? 'units'}), how many periods, and what it costs. A proposal sized S–XXL is planned from its template unless it gives demand per team; sizes grow from S to XXL.`}
    >
      {noTeams ? (
        <p className="muted">
          The portfolio has no teams yet: a template names the teams a size needs. Add teams under
          Portfolio first.
        </p>
      ) : (
        <>
          {TSHIRT_SIZES.map((size) => {
            const template = settings.sizes[size];
            return template ? (
              <TemplateEditor
                key={size}
                portfolio={portfolio}
                size={size}
                template={template}
                save={save}
                sized={count(size)}
              />
            ) : null;
          })}
          {missing.length === TSHIRT_SIZES.length && (
            <p className="muted">
              No size has a template yet: proposals can only be planned from demand per team.
            </p>
          )}
          {missing.length > 0 && (
            <div className="intake-settings__add">
              {missing.map((size) => (
                <button
                  key={size}
                  type="button"
                  className="button button--small"
                  onClick={() => void add(size)}
                >
                  Add a template for size {size}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function Editor({ portfolio }: { readonly portfolio: Portfolio }) {
  const settings = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  const save = useSave(portfolio, settings);
  return (
    <div className="intake-settings">
      <StageNames settings={settings} save={save} />
      <GateRulesEditor portfolio={portfolio} settings={settings} save={save} />
      <SizeTemplates portfolio={portfolio} settings={settings} save={save} />
    </div>
  );
}

export function IntakeSettingsEditor() {
  const portfolio = usePortfolio();
  if (!portfolio) return <p className="muted">Loading the intake settings…</p>;
  return <Editor portfolio={portfolio} />;
}
