/**
 * The proposal form: what a sponsor fills in, in about five minutes, for a proposal to pass the
 * strategic-fit gate. Every field is stored as it is typed (one undo step per field, by its merge
 * key); a value the portfolio's rules refuse stays in the field, with the reason beside it. Once a
 * proposal is approved or rejected its fields are locked: it stays as it was decided.
 */
import {
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { candidateInitiative, proposalDemand } from '../../../shared/intake/approve';
import {
  DEFAULT_INTAKE_SETTINGS,
  TSHIRT_SIZES,
  stageLabel,
  type IntakeSettings,
  type Proposal,
  type SizeTemplate,
  type TShirtSize,
} from '../../../shared/intake/types';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../shared/portfolio/limits';
import type { Portfolio } from '../../../shared/portfolio/types';
import {
  MODEL_NAMES,
  modelCriteria,
  portfolioScorer,
  type ModelCriterion,
} from '../../../shared/strategy/scoring';
import { localWeights } from '../../../shared/strategy/weights';
import { CriterionScoreFields } from '../../components/CriterionScoreFields';
import { NumberField, ReplayCount, SelectField, TextField } from '../../components/fields';
import { CONTRIBUTION_LABELS } from '../../components/labels';
import { formatNumberText, screenLocale } from '../../components/number-text';
import * as edits from '../../db/edits';
import type { CommitOptions, EditResult, ProposalChanges } from '../../db/edits';
import { usePortfolio } from '../../db/hooks';
import { displayLocale, formatDay, formatMoney, formatNumber } from '../../format';
import {
  addressProblem,
  attachmentAdded,
  attachmentChanged,
  attachmentRemoved,
  demandAt,
  hypothesisChanged,
  inWords,
  missingForSubmission,
  objectiveLinked,
  objectiveUnlinked,
  periodsChanged,
  readAttachment,
  relationAdded,
  relationRemoved,
  scoreChanged,
  shownPeriods,
  spendAt,
  teamAdded,
  teamRemoved,
  type AttachmentProblems,
  type Relation,
} from './proposal-fields';

type SectionProps = {
  readonly proposal: Proposal;
  readonly portfolio: Portfolio;
  readonly settings: IntakeSettings;
  /**
   * Stores what `change` makes of the proposal as it stands after this window's edits so far;
   * `field` names the merge key, so that typing into one field is one undo step.
   */
  readonly save: (change: Change, field?: string) => Promise<EditResult>;
};

/** Some fields of the proposal, or what to make of them from the proposal as it stands. */
type Change = ProposalChanges | ((proposal: Proposal) => ProposalChanges);

type Sent = { readonly value: unknown; settled: boolean; seenAt?: Proposal };

/**
 * Saves fields of a proposal, each computed from the proposal as this window last changed it.
 * A list field (demand, links, attachments) is stored whole, so a change made from the proposal
 * as last drawn would drop one sent a moment before that has not come back yet (typing a demand
 * and at once adding a period). Each sent field is kept until the proposal drawn after its edit
 * was stored shows it; an undo or redo starts afresh from what is drawn.
 */
function useProposalSaver(proposal: Proposal | undefined) {
  const drawn = useRef(proposal);
  const sent = useRef(new Map<string, Sent>());
  const replays = useContext(ReplayCount);
  useEffect(() => {
    drawn.current = proposal;
  }, [proposal]);
  const proposalId = proposal?.id;
  useEffect(() => {
    sent.current.clear();
  }, [replays, proposalId]);
  return async (change: Change, field?: string): Promise<EditResult> => {
    const base = drawn.current;
    if (base === undefined) return refused('This proposal is not in the portfolio any more.');
    const id = base.id;
    const pending = sent.current;
    const overlay: Record<string, unknown> = {};
    for (const [key, entry] of pending) {
      if (entry.settled && entry.seenAt !== drawn.current) pending.delete(key);
      else overlay[key] = entry.value;
    }
    const current = { ...base, ...overlay } as Proposal;
    const changes = typeof change === 'function' ? change(current) : change;
    const mine = Object.entries(changes).map(([key, value]) => {
      const entry: Sent = { value, settled: false };
      pending.set(key, entry);
      return [key, entry] as const;
    });
    const options: CommitOptions | undefined =
      field === undefined ? undefined : { mergeKey: `proposal:${id}:${field}` };
    const result = await edits.updateProposal(id, changes, options);
    for (const [key, entry] of mine) {
      if (pending.get(key) !== entry) continue;
      if (!result.ok) pending.delete(key);
      else {
        entry.settled = true;
        entry.seenAt = drawn.current;
      }
    }
    return result;
  };
}

/** A refusal of the store, as the fields show it. */
function refused(message: string): EditResult {
  return { ok: false, problems: [{ path: '', message }] };
}

export function ProposalForm({ proposalId }: { readonly proposalId: string }) {
  const portfolio = usePortfolio();
  const descriptionId = useId();
  const proposal = portfolio?.proposals?.find((entry) => entry.id === proposalId);
  const save = useProposalSaver(proposal);
  if (!portfolio) return <p className="loading">Loading the proposal…</p>;
  if (!proposal) {
    return (
      <div className="empty-state">
        <p className="empty-state__lead">This proposal is not in the portfolio.</p>
        <p>It may have been deleted, here or in another window. Its decisions stay in the log.</p>
      </div>
    );
  }
  const settings = portfolio.intakeSettings ?? DEFAULT_INTAKE_SETTINGS;
  const props: SectionProps = { proposal, portfolio, settings, save };
  const locked = proposal.stage === 'approved' || proposal.stage === 'rejected';
  const missing = proposal.stage === 'draft' ? missingForSubmission(proposal) : [];
  return (
    <div className="proposal-form">
      {locked && (
        <p id={descriptionId} className="hint-box proposal-form__locked" role="note">
          {lockedReason(proposal, portfolio, settings)}
        </p>
      )}
      {missing.length > 0 && (
        <p className="section-hint proposal-form__missing">
          A draft is saved as you type. To submit it, it still needs {inWords(missing)}.
        </p>
      )}
      {/* A disabled fieldset locks every field inside it at once, and says why by its description. */}
      <fieldset
        className="proposal-form__fields"
        disabled={locked}
        aria-describedby={locked ? descriptionId : undefined}
      >
        <legend className="visually-hidden">The proposal</legend>
        <ProblemSection {...props} />
        <PeopleSection {...props} />
        <ObjectivesSection {...props} />
        <SizeSection {...props} />
        <TimingSection {...props} />
        <ScoresSection {...props} />
        <BusinessCaseSection {...props} />
        <AttachmentsSection {...props} />
      </fieldset>
    </div>
  );
}

/** Why the form is locked: the decision that ended the proposal's story, and where it went. */
function lockedReason(proposal: Proposal, portfolio: Portfolio, settings: IntakeSettings): string {
  const stage = stageLabel(settings, proposal.stage);
  const on = proposal.history.at(-1)?.date;
  const when = on ? ` on ${formatDay(on)}` : '';
  if (proposal.stage === 'approved') {
    const initiative = portfolio.initiatives.find((entry) => entry.id === proposal.initiativeId);
    const became = initiative
      ? `it became the initiative “${initiative.name}”. Change the initiative in Portfolio instead`
      : 'the initiative it became has since been deleted';
    return `${stage}${when}: ${became}. The proposal stays as it was when it was decided, so its fields are locked.`;
  }
  return `${stage}${when}. A rejected proposal stays as it was when it was decided, so its fields are locked; to bring the idea back, start a new proposal.`;
}

function FormSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="proposal-form__section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function ProblemSection({ proposal, save }: SectionProps) {
  const hypothesis = proposal.hypothesis ?? {};
  const hypothesisLegend = useId();
  return (
    <FormSection title="Problem and outcome">
      <TextField
        label="Title"
        maxLength={MAX_NAME_LENGTH}
        value={proposal.title}
        hint="A short name, as it would appear on the board."
        onCommit={(title) => save({ title }, 'title')}
      />
      <TextField
        label="Problem or opportunity"
        multiline
        maxLength={MAX_TEXT_LENGTH}
        value={proposal.problem ?? ''}
        hint="What is wrong today, or what could be won, and for whom."
        onCommit={(problem) => save({ problem }, 'problem')}
      />
      <TextField
        label="Intended outcome"
        multiline
        maxLength={MAX_TEXT_LENGTH}
        value={proposal.outcome ?? ''}
        hint="What will be different when it is done."
        onCommit={(outcome) => save({ outcome }, 'outcome')}
      />
      <fieldset className="proposal-form__hypothesis" aria-describedby={hypothesisLegend}>
        <legend className="field__label">Hypothesis</legend>
        <p id={hypothesisLegend} className="field__hint">
          We believe … will result in … measured by …
        </p>
        <TextField
          label="We believe"
          maxLength={MAX_TEXT_LENGTH}
          value={hypothesis.believe ?? ''}
          placeholder="a self-service returns portal"
          onCommit={(text) =>
            save((current) => hypothesisChanged(current, 'believe', text), 'believe')
          }
        />
        <TextField
          label="will result in"
          maxLength={MAX_TEXT_LENGTH}
          value={hypothesis.result ?? ''}
          placeholder="fewer calls to the service desk"
          onCommit={(text) =>
            save((current) => hypothesisChanged(current, 'result', text), 'result')
          }
        />
        <TextField
          label="measured by"
          maxLength={MAX_TEXT_LENGTH}
          value={hypothesis.measure ?? ''}
          placeholder="return calls per 1,000 orders"
          onCommit={(text) =>
            save((current) => hypothesisChanged(current, 'measure', text), 'measure')
          }
        />
      </fieldset>
    </FormSection>
  );
}

function PeopleSection({ proposal, save }: SectionProps) {
  return (
    <FormSection title="People">
      <div className="field-row">
        <TextField
          label="Sponsor"
          maxLength={MAX_NAME_LENGTH}
          value={proposal.sponsor ?? ''}
          hint="Who asks for it and pays for it."
          onCommit={(sponsor) => save({ sponsor }, 'sponsor')}
        />
        <TextField
          label="Owner"
          maxLength={MAX_NAME_LENGTH}
          value={proposal.owner ?? ''}
          hint="Who would be accountable for delivering it."
          onCommit={(owner) => save({ owner }, 'owner')}
        />
      </div>
    </FormSection>
  );
}

/** A fit figure (global weight × contribution) with two decimals, as the gate gives it: "0.25". */
function fitFigure(value: number): string {
  return new Intl.NumberFormat(displayLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** "12.5 %" */
function percent(share: number): string {
  return `${formatNumber(share * 100, 1)} %`;
}

function ObjectivesSection({ proposal, portfolio, settings, save }: SectionProps) {
  const [result, setResult] = useState<EditResult | null>(null);
  const links = proposal.objectives ?? [];
  const linked = new Set(links.map((link) => link.id));
  const names = new Map(portfolio.objectives.map((objective) => [objective.id, objective.name]));
  const weights = localWeights(portfolio).objectives;
  const available = portfolio.objectives.filter((objective) => !linked.has(objective.id));
  const rule = settings.gate.objectiveFit;
  const store = async (change: Change) => setResult(await save(change));
  if (portfolio.objectives.length === 0) {
    return (
      <FormSection title="Objectives it serves">
        <p className="section-hint">
          The portfolio has no objectives yet. Add them in Strategy, then link the proposal here.
        </p>
      </FormSection>
    );
  }
  return (
    <FormSection title="Objectives it serves">
      <p className="section-hint">
        Each link counts the objective’s global weight × the contribution (1 weak, 2 medium, 3
        strong).
        {rule.enabled && ` The gate asks at least ${fitFigure(rule.minimum)} from the best link.`}
      </p>
      {links.length === 0 ? (
        <p className="muted">Not linked to any objective yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Objectives this proposal serves</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col">Contribution</th>
                <th scope="col" className="num">
                  Fit
                </th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => {
                const name = names.get(link.id) ?? link.id;
                const weight = weights.get(link.id)?.global;
                return (
                  <tr key={link.id}>
                    <th scope="row">{name}</th>
                    <td>
                      <SelectField
                        label={`Contribution to ${name}`}
                        hideLabel
                        value={String(link.contribution)}
                        options={[1, 2, 3].map((level) => ({
                          value: String(level),
                          label: `${level} · ${CONTRIBUTION_LABELS[level]}`,
                        }))}
                        onCommit={(value) =>
                          save((current) => objectiveLinked(current, link.id, Number(value)))
                        }
                      />
                    </td>
                    <td className="num">
                      {weight === undefined
                        ? '–'
                        : `${percent(weight)} × ${link.contribution} = ${fitFigure(weight * link.contribution)}`}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={`Remove the link to ${name}`}
                        onClick={() => void store((current) => objectiveUnlinked(current, link.id))}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {available.length > 0 && (
        <AddPicker
          label="Link to an objective"
          placeholder="Link to an objective…"
          options={available.map((objective) => ({
            value: objective.id,
            label: `${objective.parentId ? '' : 'Theme: '}${objective.name} (${percent(weights.get(objective.id)?.global ?? 0)})`,
          }))}
          onPick={(id) => void store((current) => objectiveLinked(current, id))}
        />
      )}
      <InlineError result={result} />
    </FormSection>
  );
}

/** What a size's template stands for, in words. */
function templateText(size: TShirtSize, template: SizeTemplate, portfolio: Portfolio): string {
  const unit = portfolio.capacityUnit ? ` ${portfolio.capacityUnit}` : '';
  const team = (id: string) => portfolio.teams.find((entry) => entry.id === id)?.name ?? id;
  const demand = Object.entries(template.demand).map(
    ([id, list]) =>
      `${team(id)} ${list.map((amount) => formatNumber(amount, 1)).join(', ')}${unit}`,
  );
  const periods = `${template.duration} active period${template.duration === 1 ? '' : 's'}`;
  const spend =
    template.spend && template.spend.length > 0
      ? `; cost ${template.spend.map((amount) => formatMoney(amount, portfolio.currency, false)).join(', ')}`
      : '';
  return `Size ${size} stands for ${periods}: ${demand.length > 0 ? demand.join('; ') : 'no demand'}${spend}.`;
}

function SizeSection({ proposal, portfolio, settings, save }: SectionProps) {
  const [result, setResult] = useState<EditResult | null>(null);
  const store = async (change: Change) => setResult(await save(change));
  const unit = portfolio.capacityUnit ?? 'units';
  const currency = portfolio.currency ?? 'money';
  const demand = proposal.demand ?? {};
  const teamsInDemand = portfolio.teams.filter((team) => team.id in demand);
  const otherTeams = portfolio.teams.filter((team) => !(team.id in demand));
  const template = proposal.size === undefined ? undefined : settings.sizes[proposal.size];
  const planned = proposalDemand(proposal, settings);
  const cost = planned.spend.reduce((sum, amount) => sum + amount, 0);
  // A proposal sized by its template shows the template's periods, and cannot be shorter.
  const periods = shownPeriods(proposal, settings);
  const shortest = planned.source === 'size' ? (template?.duration ?? 1) : 1;
  const templateSpend = template?.spend ?? [];
  const locale = screenLocale();
  const columns = Array.from({ length: periods }, (_, index) => index);
  const sizeOptions = [
    { value: '', label: 'Not sized' },
    ...TSHIRT_SIZES.map((size) => ({
      value: size,
      label: settings.sizes[size] ? size : `${size} (no template yet)`,
    })),
  ];
  const source =
    planned.source === 'explicit'
      ? 'The demand per team below is what the plan counts' +
        (proposal.size === undefined
          ? '.'
          : `; size ${proposal.size} still counts for the business case.`)
      : planned.source === 'size' && template && proposal.size
        ? templateText(proposal.size, template, portfolio)
        : proposal.size
          ? `Size ${proposal.size} has no demand template in the intake settings yet: give demand per team below, or ask the PMO to set one.`
          : 'Choose a size, or give demand per team below.';
  return (
    <FormSection title="Size and cost">
      <SelectField
        label="Size"
        value={proposal.size ?? ''}
        options={sizeOptions}
        onCommit={(size) => save({ size: size === '' ? undefined : (size as TShirtSize) })}
      />
      <p className="section-hint" aria-live="polite">
        {source}
      </p>
      <p className="section-hint">
        Or give demand per team ({unit}) for each active period, counted from its start: it replaces
        the size’s template. The cost ({currency}) per active period is its own, or the size’s when
        left empty.
      </p>
      <div className="table-scroll">
        <table className="data-table data-table--grid">
          <caption className="visually-hidden">Demand per team and cost, per active period</caption>
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
                        save(
                          (current) =>
                            demandAt(
                              current,
                              team.id,
                              index,
                              amount,
                              shownPeriods(current, settings),
                            ),
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
                    onClick={() => void store((current) => teamRemoved(current, team.id))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            <tr className="data-table__spend">
              <th scope="row">Cost</th>
              {columns.map((index) => (
                <td key={index}>
                  <NumberField
                    label={`Cost in period ${index + 1}`}
                    hideLabel
                    optional
                    value={proposal.spend?.[index]}
                    placeholder={
                      proposal.spend === undefined && templateSpend[index] !== undefined
                        ? formatNumberText(templateSpend[index], locale)
                        : undefined
                    }
                    className="field--cell"
                    onCommit={(amount) =>
                      save(
                        (current) =>
                          spendAt(
                            current,
                            index,
                            amount,
                            shownPeriods(current, settings),
                            templateSpend,
                          ),
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
        <button
          type="button"
          className="button button--small"
          disabled={periods >= portfolio.periods.length}
          onClick={() =>
            void store((current) => periodsChanged(current, shownPeriods(current, settings) + 1))
          }
        >
          Add a period
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={periods <= shortest}
          onClick={() =>
            void store((current) => periodsChanged(current, shownPeriods(current, settings) - 1))
          }
        >
          Remove the last period
        </button>
        {otherTeams.length > 0 && (
          <AddPicker
            label="Add demand for a team"
            placeholder="Add demand for a team…"
            options={otherTeams.map((team) => ({ value: team.id, label: team.name }))}
            onPick={(teamId) =>
              void store((current) => teamAdded(current, teamId, shownPeriods(current, settings)))
            }
          />
        )}
      </div>
      <InlineError result={result} />
      <p className="section-hint">
        Total cost: {formatMoney(cost, portfolio.currency, false)} over {planned.duration} active
        period{planned.duration === 1 ? '' : 's'}
        {proposal.spend === undefined && planned.spend.length > 0
          ? ', from the size’s template'
          : ''}
        .
      </p>
    </FormSection>
  );
}

function TimingSection({ proposal, portfolio, save }: SectionProps) {
  const [result, setResult] = useState<EditResult | null>(null);
  const names = new Map(
    portfolio.initiatives.map((initiative) => [initiative.id, initiative.name]),
  );
  const dependsOn = proposal.dependsOn ?? [];
  const excludes = proposal.excludes ?? [];
  const taken = new Set([...dependsOn, ...excludes]);
  const candidates = portfolio.initiatives
    .filter((initiative) => !taken.has(initiative.id))
    .map((initiative) => ({ value: initiative.id, label: initiative.name }));
  const relate = async (change: 'add' | 'remove', relation: Relation, id: string) =>
    setResult(
      await save(
        change === 'add'
          ? (current) => relationAdded(current, relation, id)
          : (current) => relationRemoved(current, relation, id),
      ),
    );
  return (
    <FormSection title="Timing and dependencies">
      <SelectField
        label="Earliest start"
        value={proposal.earliestStart ?? ''}
        options={[
          { value: '', label: 'Any period' },
          ...portfolio.periods.map((period) => ({ value: period.id, label: period.label })),
        ]}
        onCommit={(earliestStart) => save({ earliestStart: earliestStart || undefined })}
      />
      <LinkList
        title="Needs first (finish to start)"
        ids={dependsOn}
        names={names}
        empty="No prerequisites."
        onRemove={(id) => void relate('remove', 'dependsOn', id)}
      />
      {candidates.length > 0 && (
        <AddPicker
          label="Add a prerequisite"
          placeholder="Add a prerequisite…"
          options={candidates}
          onPick={(id) => void relate('add', 'dependsOn', id)}
        />
      )}
      <LinkList
        title="Cannot be done together with"
        ids={excludes}
        names={names}
        empty="Excludes no other work."
        onRemove={(id) => void relate('remove', 'excludes', id)}
      />
      {candidates.length > 0 && (
        <AddPicker
          label="Add an exclusion"
          placeholder="Cannot be done together with…"
          options={candidates}
          onPick={(id) => void relate('add', 'excludes', id)}
        />
      )}
      <InlineError result={result} />
    </FormSection>
  );
}

function ScoresSection({ proposal, portfolio, settings, save }: SectionProps) {
  const scoring = portfolio.scoring;
  if (!scoring) {
    return (
      <FormSection title="Scores">
        <p className="section-hint">
          The portfolio has no scoring model yet, so there is nothing to score. Choose one in
          Strategy.
        </p>
      </FormSection>
    );
  }
  const criteria = modelCriteria(scoring);
  const model = MODEL_NAMES[scoring.model];
  const { initiative } = candidateInitiative(
    proposal,
    settings,
    portfolio,
    `proposal:${proposal.id}`,
  );
  const result = portfolioScorer(portfolio).score(initiative);
  const part = (id: string) => result.breakdown.find((entry) => entry.id === id);
  const commitScore = (criterion: ModelCriterion, score: number | undefined) =>
    save((current) => scoreChanged(current, criterion.id, score), `score:${criterion.id}`);
  const rule = settings.gate.priority;
  const minimum = rule.enabled ? rule.minimum[scoring.model] : undefined;
  const figure = rule.basis === 'priority' ? result.priority : result.value;
  return (
    <FormSection title={`Scores under ${model}`}>
      <CriterionScoreFields
        criteria={criteria}
        scores={proposal.scores}
        computedScore={(id) => part(id)?.score}
        onCommit={commitScore}
      />
      <p className="score-summary" aria-live="polite">
        {figure === undefined
          ? `${model} gives no ${rule.basis} yet${result.missing.length > 0 ? `: ${inWords(result.missing)} not scored` : ''}.`
          : `${model} gives a ${rule.basis} of ${formatNumber(figure, 2)}.`}
        {minimum !== undefined && ` The gate asks at least ${formatNumber(minimum, 2)}.`}
      </p>
    </FormSection>
  );
}

function BusinessCaseSection({ proposal, settings, portfolio, save }: SectionProps) {
  const rule = settings.gate.businessCase;
  const limits = [
    rule.fromSize !== undefined && `from size ${rule.fromSize} up`,
    rule.fromCost !== undefined &&
      `from a total cost of ${formatMoney(rule.fromCost, portfolio.currency, false)} up`,
  ].filter((text): text is string => typeof text === 'string');
  const hint =
    rule.enabled && limits.length > 0
      ? `The gate asks for one ${inWords(limits)}. Write it here, or attach it below under a label such as “Business case”.`
      : 'Optional: the gate does not ask for one.';
  return (
    <FormSection title="Business case">
      <TextField
        label="Business case"
        hideLabel
        multiline
        maxLength={MAX_TEXT_LENGTH}
        value={proposal.businessCase ?? ''}
        hint={hint}
        onCommit={(businessCase) => save({ businessCase }, 'businessCase')}
      />
    </FormSection>
  );
}

function AttachmentsSection({ proposal, save }: SectionProps) {
  const attachments = proposal.attachments ?? [];
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<AttachmentProblems>({});
  const [result, setResult] = useState<EditResult | null>(null);
  const labelId = useId();
  const urlId = useId();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const read = readAttachment(label, url);
    if (!read.ok) {
      setProblems(read.problems);
      // The first field with a problem takes the focus, so its message is read out.
      document.getElementById(read.problems.label !== undefined ? labelId : urlId)?.focus();
      return;
    }
    setProblems({});
    const stored = await save((current) => attachmentAdded(current, read.attachment));
    setResult(stored);
    if (stored.ok) {
      setLabel('');
      setUrl('');
    }
  };
  return (
    <FormSection title="Attachments by link">
      <p className="section-hint">
        Documents kept elsewhere: a slide deck, a spreadsheet, a ticket. Only web addresses (http://
        or https://) are kept; Baton does not open them, so copy one into your browser.
      </p>
      {attachments.length === 0 ? (
        <p className="muted">No links yet.</p>
      ) : (
        <ul className="proposal-form__attachments">
          {attachments.map((attachment, index) => (
            <li key={index}>
              <TextField
                label={`Label of link ${index + 1}`}
                maxLength={MAX_NAME_LENGTH}
                value={attachment.label}
                onCommit={(text) =>
                  text.trim() === ''
                    ? refused('A link needs a label, such as “Business case”.')
                    : save(
                        (current) => attachmentChanged(current, index, { label: text }),
                        `attachment:${index}:label`,
                      )
                }
              />
              <TextField
                label={`Address of link ${index + 1}`}
                maxLength={2000}
                value={attachment.url}
                onCommit={(text) => {
                  const problem = addressProblem(text);
                  return problem === undefined
                    ? save(
                        (current) => attachmentChanged(current, index, { url: text.trim() }),
                        `attachment:${index}:url`,
                      )
                    : refused(problem);
                }}
              />
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Remove the link ${attachment.label}`}
                onClick={() =>
                  void save((current) => attachmentRemoved(current, index)).then(setResult)
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="proposal-form__add-link" onSubmit={(event) => void add(event)} noValidate>
        <div className={`field${problems.label ? ' field--invalid' : ''}`}>
          <label htmlFor={labelId} className="field__label">
            Label
          </label>
          <input
            id={labelId}
            type="text"
            value={label}
            maxLength={MAX_NAME_LENGTH}
            placeholder="Business case"
            aria-invalid={problems.label ? true : undefined}
            aria-describedby={problems.label ? `${labelId}-error` : undefined}
            onChange={(event) => setLabel(event.target.value)}
          />
          <p id={`${labelId}-error`} className="field__error" aria-live="polite">
            {problems.label ?? ''}
          </p>
        </div>
        <div className={`field${problems.url ? ' field--invalid' : ''}`}>
          <label htmlFor={urlId} className="field__label">
            Web address
          </label>
          <input
            id={urlId}
            type="text"
            inputMode="url"
            autoComplete="url"
            value={url}
            maxLength={2000}
            placeholder="https://"
            aria-invalid={problems.url ? true : undefined}
            aria-describedby={problems.url ? `${urlId}-error` : undefined}
            onChange={(event) => setUrl(event.target.value)}
          />
          <p id={`${urlId}-error`} className="field__error" aria-live="polite">
            {problems.url ?? ''}
          </p>
        </div>
        <button type="submit" className="button button--small">
          Add link
        </button>
      </form>
      <InlineError result={result} />
    </FormSection>
  );
}

function InlineError({ result }: { readonly result: EditResult | null }) {
  return (
    <p className="field__error" aria-live="polite">
      {result && !result.ok ? (result.problems[0]?.message ?? 'This change was refused.') : ''}
    </p>
  );
}

type LinkListProps = {
  readonly title: string;
  readonly ids: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  readonly empty: string;
  readonly onRemove: (id: string) => void;
};

function LinkList({ title, ids, names, empty, onRemove }: LinkListProps) {
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
              <span>{names.get(other) ?? other}</span>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Remove ${names.get(other) ?? other} from ${title.toLowerCase()}`}
                onClick={() => onRemove(other)}
              >
                Remove
              </button>
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
  readonly onPick: (value: string) => void;
};

/** A select that adds the chosen item and returns to its placeholder. */
function AddPicker({ label, placeholder, options, onPick }: AddPickerProps) {
  const id = useId();
  return (
    <div className="field add-picker">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
