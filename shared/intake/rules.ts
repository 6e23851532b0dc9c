/**
 * The rules a proposal keeps, shared by the file reader and the proposal form: what each stage
 * requires, references that resolve (objectives, initiatives, teams, periods, decisions), dates
 * that are dates, numbers in range, attachments that link over http or https only. The rules of
 * the intake settings (size templates and gate thresholds) too. Each problem names its path and
 * says what is wrong in a sentence, as the portfolio's rules do.
 */
import { formatPath } from '../portfolio/paths';
import {
  formatLimit,
  isWellFormedText,
  MAX_CAPACITY,
  MAX_ID_LENGTH,
  MAX_MONEY,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
} from '../portfolio/limits';
import type { PortfolioProblem } from '../portfolio/rules';
import { scoreOffScaleMessage } from '../portfolio/rules';
import { SCORING_MODELS, type Portfolio } from '../portfolio/types';
import { modelCriteria, onScale } from '../strategy/scoring';
import { dayNumber } from './dates';
import { canMove, STAGE_MOVES } from './stages';
import {
  DEFAULT_STAGE_LABELS,
  INTAKE_STAGES,
  stageLabel,
  TSHIRT_SIZES,
  type IntakeSettings,
  type IntakeStage,
  type Proposal,
} from './types';

function isStage(value: string): value is IntakeStage {
  return (INTAKE_STAGES as readonly string[]).includes(value);
}

/** A problem of a proposal or of the intake settings: the same shape as a portfolio's. */
export type IntakeProblem = PortfolioProblem;

/**
 * Names a place in words from its full path (`["proposals", 3, "sponsor"]`), as the file reader
 * does (shared/portfolio/places.ts). Without one, a proposal's problems name the proposal by its
 * title.
 */
export type DescribePlace = (path: readonly PropertyKey[]) => string | undefined;

/** Longest attachment address, in characters. */
export const MAX_URL_LENGTH = 2000;

/** What a proposal must have, by the stage it is in. */
export type RequiredField = 'title' | 'problem' | 'sponsor' | 'size' | 'revisitOn' | 'initiativeId';

/**
 * Drafts need nothing yet: they are saved as they are typed. From submission on a proposal needs a
 * title, a problem, a sponsor and a size (a t-shirt size or demand per team); a deferred one also
 * a date to revisit it, and an approved one the initiative it became.
 */
export function requiredFields(stage: IntakeStage): readonly RequiredField[] {
  if (stage === 'draft') return [];
  const submitted: RequiredField[] = ['title', 'problem', 'sponsor', 'size'];
  if (stage === 'deferred') return [...submitted, 'revisitOn'];
  if (stage === 'approved') return [...submitted, 'initiativeId'];
  return submitted;
}

const REQUIRED_MESSAGES: Readonly<Record<RequiredField, string>> = {
  title: 'a title',
  problem: 'the problem it solves',
  sponsor: 'a sponsor',
  size: 'a size: a t-shirt size or demand per team',
  revisitOn: 'a date to revisit it',
  initiativeId: 'the initiative it became',
};

/** A URL a proposal may link to: http or https, a host, no spaces or control characters. */
export function isWebAddress(url: string): boolean {
  return (
    url.length <= MAX_URL_LENGTH &&
    /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(url) &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    !/[\u0000-\u001f\u007f]/.test(url)
  );
}

/**
 * Why `url` is not a web address an attachment may hold, in words; null when it is one. The
 * reasons are told apart, so that "https://…" with a space in it is not told it lacks https://.
 */
export function webAddressProblem(url: string): string | null {
  if (isWebAddress(url)) return null;
  if (url.length > MAX_URL_LENGTH) {
    return `is longer than ${MAX_URL_LENGTH.toLocaleString('en-US')} characters`;
  }
  if (/^\s/.test(url)) return 'starts with a space; a web address starts with http:// or https://';
  if (!/^https?:\/\//i.test(url)) {
    return 'expected a web address starting with http:// or https://; other kinds of link (file:, javascript:) are not opened';
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f]/.test(url)) {
    return 'contains a space or a control character, which a web address cannot hold (write a space as %20)';
  }
  return 'has no host name after the http:// or https:// (as in https://example.com/page)';
}

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * Checks one proposal against `portfolio` and `settings`; `at` is the path of the proposal in the
 * document that holds it (`["proposals", 3]`), so that each problem's path leads to its field, and
 * `describe` names that place in words.
 */
export function checkProposal(
  proposal: Proposal,
  portfolio: Portfolio,
  settings: IntakeSettings,
  at: readonly PropertyKey[] = [],
  describe?: DescribePlace,
): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const title = proposal.title.trim();
  const named = title && isWellFormedText(title) ? `Proposal “${title.slice(0, 60)}”` : undefined;
  const add = (path: readonly PropertyKey[], message: string) => {
    const full = [...at, ...path];
    const where = describe ? describe(full) : named;
    problems.push({ path: formatPath(full), message, ...(where !== undefined && { where }) });
  };

  if (proposal.id.trim() === '') add(['id'], 'a proposal needs an id');
  else if (proposal.id.length > MAX_ID_LENGTH) {
    add(['id'], `is longer than ${MAX_ID_LENGTH} characters`);
  }
  if (!(INTAKE_STAGES as readonly string[]).includes(proposal.stage)) {
    add(['stage'], `expected one of ${INTAKE_STAGES.join(', ')}`);
  }

  // What the stage requires.
  const has: Readonly<Record<RequiredField, boolean>> = {
    title: !blank(proposal.title),
    problem: !blank(proposal.problem),
    sponsor: !blank(proposal.sponsor),
    size:
      proposal.size !== undefined ||
      (proposal.demand !== undefined && Object.keys(proposal.demand).length > 0),
    revisitOn: proposal.revisitOn !== undefined,
    initiativeId: !blank(proposal.initiativeId),
  };
  const stageName = (INTAKE_STAGES as readonly string[]).includes(proposal.stage)
    ? proposal.stage
    : 'draft';
  for (const field of requiredFields(stageName)) {
    if (!has[field]) {
      add(
        [field],
        `a proposal in ${stageLabel(settings, stageName)} needs ${REQUIRED_MESSAGES[field]}`,
      );
    }
  }

  // Text lengths and well-formed text.
  const texts: readonly [readonly PropertyKey[], string | undefined, number][] = [
    [['title'], proposal.title, MAX_NAME_LENGTH],
    [['sponsor'], proposal.sponsor, MAX_NAME_LENGTH],
    [['owner'], proposal.owner, MAX_NAME_LENGTH],
    [['problem'], proposal.problem, MAX_TEXT_LENGTH],
    [['outcome'], proposal.outcome, MAX_TEXT_LENGTH],
    [['businessCase'], proposal.businessCase, MAX_TEXT_LENGTH],
    [['hypothesis', 'believe'], proposal.hypothesis?.believe, MAX_TEXT_LENGTH],
    [['hypothesis', 'result'], proposal.hypothesis?.result, MAX_TEXT_LENGTH],
    [['hypothesis', 'measure'], proposal.hypothesis?.measure, MAX_TEXT_LENGTH],
  ];
  for (const [path, text, limit] of texts) {
    if (text === undefined) continue;
    if (text.length > limit) add(path, `is longer than ${formatLimit(limit)} characters`);
    else if (!isWellFormedText(text)) add(path, 'contains a broken character (a lone surrogate)');
  }

  // The stage history: stages known, real dates in order, ending in the current stage.
  let previous: { day: number; date: string } | undefined;
  proposal.history.forEach((change, index) => {
    if (!(INTAKE_STAGES as readonly string[]).includes(change.stage)) {
      add(['history', index, 'stage'], `expected one of ${INTAKE_STAGES.join(', ')}`);
    }
    const day = dayNumber(change.date);
    if (day === undefined) {
      add(['history', index, 'date'], 'expected a real date as YYYY-MM-DD');
      return;
    }
    if (previous && day < previous.day) {
      add(
        ['history', index, 'date'],
        `is before the move above it (${previous.date}); the history runs oldest first`,
      );
    }
    previous = { day, date: change.date };
  });
  // Each move one the pipeline allows: a file cannot hold an approval the gate never saw.
  proposal.history.forEach((change, index) => {
    const before = index > 0 ? proposal.history[index - 1] : undefined;
    if (!before || !isStage(before.stage) || !isStage(change.stage)) return;
    if (!canMove(before.stage, change.stage)) {
      const allowed = STAGE_MOVES[before.stage];
      add(
        ['history', index, 'stage'],
        `a proposal cannot move from ${before.stage} to ${change.stage}; from ${before.stage} it ${allowed.length === 0 ? 'moves nowhere' : `moves to ${allowed.join(', ')}`}`,
      );
    }
  });
  const last = proposal.history[proposal.history.length - 1];
  if (last === undefined) {
    add(['history'], 'needs at least the move into its current stage');
  } else if (last.stage !== proposal.stage) {
    add(
      ['history', proposal.history.length - 1, 'stage'],
      `the last move is into ${last.stage}, but the proposal is in ${proposal.stage}`,
    );
  }

  if (proposal.revisitOn !== undefined) {
    const revisit = dayNumber(proposal.revisitOn);
    if (revisit === undefined) add(['revisitOn'], 'expected a real date as YYYY-MM-DD');
    else if (
      proposal.stage === 'deferred' &&
      last &&
      (dayNumber(last.date) ?? -Infinity) >= revisit
    ) {
      add(['revisitOn'], `must be after the date it was deferred (${last.date})`);
    }
  }

  // Objective links: to objectives that exist, once each, contribution 1 to 3.
  const objectiveIds = new Set(portfolio.objectives.map((objective) => objective.id));
  const linked = new Set<string>();
  proposal.objectives?.forEach((link, index) => {
    if (!objectiveIds.has(link.id))
      add(['objectives', index, 'id'], `objective "${link.id}" does not exist`);
    else if (linked.has(link.id))
      add(['objectives', index, 'id'], `objective "${link.id}" is linked twice`);
    linked.add(link.id);
    if (!Number.isInteger(link.contribution) || link.contribution < 1 || link.contribution > 3) {
      add(['objectives', index, 'contribution'], 'expected a whole number from 1 to 3');
    }
  });

  // Size, demand, duration and cost.
  if (proposal.size !== undefined && !(TSHIRT_SIZES as readonly string[]).includes(proposal.size)) {
    add(['size'], `expected one of ${TSHIRT_SIZES.join(', ')}`);
  }
  const periodCount = portfolio.periods.length;
  checkDemand(proposal.demand ?? {}, portfolio, ['demand'], add);
  if (proposal.duration !== undefined) {
    if (!Number.isInteger(proposal.duration) || proposal.duration < 1) {
      add(['duration'], 'expected a whole number of periods, at least 1');
    } else if (proposal.duration > periodCount) {
      add(['duration'], tooLong(proposal.duration, periodCount));
    }
  }
  checkAmounts(proposal.spend ?? [], MAX_MONEY, ['spend'], add);
  if (proposal.spend && proposal.spend.length > periodCount) {
    add(['spend'], tooLong(proposal.spend.length, periodCount));
  }

  // Relations to initiatives and the start period.
  if (
    proposal.earliestStart !== undefined &&
    !portfolio.periods.some((p) => p.id === proposal.earliestStart)
  ) {
    add(['earliestStart'], `period "${proposal.earliestStart}" does not exist`);
  }
  const initiativeIds = new Set(portfolio.initiatives.map((initiative) => initiative.id));
  for (const field of ['dependsOn', 'excludes'] as const) {
    const seen = new Set<string>();
    proposal[field]?.forEach((id, index) => {
      if (!initiativeIds.has(id)) add([field, index], `initiative "${id}" does not exist`);
      else if (seen.has(id)) add([field, index], `initiative "${id}" is named twice`);
      seen.add(id);
    });
  }
  const bothWays = (proposal.dependsOn ?? []).filter((id) => proposal.excludes?.includes(id));
  for (const id of bothWays) {
    add(
      ['excludes', proposal.excludes?.indexOf(id) ?? 0],
      `it cannot both depend on and exclude initiative "${id}"`,
    );
  }

  // Attachments: a label, and an address on the web.
  proposal.attachments?.forEach((attachment, index) => {
    if (blank(attachment.label))
      add(['attachments', index, 'label'], 'an attachment needs a label');
    else if (attachment.label.length > MAX_NAME_LENGTH) {
      add(['attachments', index, 'label'], `is longer than ${MAX_NAME_LENGTH} characters`);
    }
    const urlProblem = webAddressProblem(attachment.url);
    if (urlProblem !== null) add(['attachments', index, 'url'], urlProblem);
  });

  // Scores: on the model's scale for the criteria it types (others are kept for other models).
  const scoring = portfolio.scoring;
  if (scoring && proposal.scores) {
    const scales = new Map(
      modelCriteria(scoring)
        .filter((criterion) => !criterion.computed)
        .map((criterion) => [criterion.id, criterion.scale]),
    );
    for (const [key, score] of Object.entries(proposal.scores)) {
      const scale = scales.get(key);
      if (!Number.isFinite(score)) add(['scores', key], 'expected a number');
      else if (scale && !onScale(scale, score))
        add(['scores', key], scoreOffScaleMessage(scoring.model, scale));
    }
  }

  // The decisions about it are in the log (which is never rewritten, so they stay there).
  const decisionIds = new Set((portfolio.decisions ?? []).map((decision) => decision.id));
  proposal.decisionIds?.forEach((id, index) => {
    if (!decisionIds.has(id))
      add(['decisionIds', index], `decision "${id}" is not in the decision log`);
  });
  proposal.history.forEach((change, index) => {
    if (change.decisionId !== undefined && !decisionIds.has(change.decisionId)) {
      add(
        ['history', index, 'decisionId'],
        `decision "${change.decisionId}" is not in the decision log`,
      );
    }
  });

  // An approved proposal's initiative need not exist any more: the proposal is history, like a
  // decision about an initiative that was later deleted.
  return problems;
}

function tooLong(length: number, periodCount: number): string {
  return `lasts ${length} periods, but the portfolio has ${periodCount === 0 ? 'no periods' : `only ${periodCount} period${periodCount === 1 ? '' : 's'}`}`;
}

function checkAmounts(
  amounts: readonly number[],
  max: number,
  at: readonly PropertyKey[],
  add: (path: readonly PropertyKey[], message: string) => void,
): void {
  amounts.forEach((amount, index) => {
    if (!Number.isFinite(amount) || amount < 0 || amount > max) {
      add([...at, index], `expected a number from 0 to ${formatLimit(max)}`);
    }
  });
}

function checkDemand(
  demand: Readonly<Record<string, readonly number[]>>,
  portfolio: Portfolio,
  at: readonly PropertyKey[],
  add: (path: readonly PropertyKey[], message: string) => void,
  /** Whether a list longer than the plan is a problem of its own (not of a duration beside it). */
  checkLength = true,
): void {
  const teamIds = new Set(portfolio.teams.map((team) => team.id));
  const periodCount = portfolio.periods.length;
  for (const [team, amounts] of Object.entries(demand)) {
    if (!teamIds.has(team)) add([...at, team], `team "${team}" does not exist`);
    checkAmounts(amounts, MAX_CAPACITY, [...at, team], add);
    if (checkLength && amounts.length > periodCount) {
      add([...at, team], tooLong(amounts.length, periodCount));
    }
  }
}

/**
 * Checks a list of proposals: each one by `checkProposal`, and ids unique. `at` is the list's path
 * in the document that holds it.
 */
export function checkProposals(
  proposals: readonly Proposal[],
  portfolio: Portfolio,
  settings: IntakeSettings,
  at: readonly PropertyKey[] = ['proposals'],
  describe?: DescribePlace,
): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const seen = new Set<string>();
  proposals.forEach((proposal, index) => {
    if (seen.has(proposal.id)) {
      const full = [...at, index, 'id'];
      const where = describe?.(full);
      problems.push({
        path: formatPath(full),
        message: `proposal id "${proposal.id}" is used more than once; ids must be unique`,
        ...(where !== undefined && { where }),
      });
    }
    seen.add(proposal.id);
    problems.push(...checkProposal(proposal, portfolio, settings, [...at, index], describe));
  });
  return problems;
}

/**
 * Checks the intake settings against `portfolio`: stage labels not blank, not too long and not
 * shared by two stages; size templates naming teams that exist, with amounts in range, lasting at
 * least their lists and no longer than the plan, growing with the size; thresholds finite and not
 * negative.
 */
export function checkIntakeSettings(
  settings: IntakeSettings,
  portfolio: Portfolio,
  at: readonly PropertyKey[] = ['intakeSettings'],
  describe?: DescribePlace,
): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) => {
    const full = [...at, ...path];
    const where = describe?.(full);
    problems.push({ path: formatPath(full), message, ...(where !== undefined && { where }) });
  };

  const labels = new Map<string, string>();
  for (const [stage, label] of Object.entries(settings.stageLabels)) {
    if (!(INTAKE_STAGES as readonly string[]).includes(stage)) {
      add(
        ['stageLabels', stage],
        `"${stage}" is not a stage; the stages are ${INTAKE_STAGES.join(', ')}`,
      );
      continue;
    }
    if (label === undefined) continue;
    const name = label.trim();
    if (name === '') add(['stageLabels', stage], 'a stage name cannot be blank');
    else if (name.length > MAX_NAME_LENGTH) {
      add(['stageLabels', stage], `is longer than ${MAX_NAME_LENGTH} characters`);
    } else {
      const other = labels.get(name.toLowerCase());
      if (other !== undefined) {
        add(
          ['stageLabels', stage],
          `“${name}” already names the ${other} stage; give each stage its own name`,
        );
      }
      labels.set(name.toLowerCase(), stage);
    }
  }
  // A stage left with its standard name keeps it: no other stage may be renamed to it.
  for (const stage of INTAKE_STAGES) {
    const own = settings.stageLabels[stage];
    if (own !== undefined && own.trim() !== '') continue;
    const taken = labels.get(DEFAULT_STAGE_LABELS[stage].toLowerCase());
    if (taken !== undefined && taken !== stage) {
      add(
        ['stageLabels', taken],
        `“${DEFAULT_STAGE_LABELS[stage]}” is the name of the ${stage} stage; give each stage its own name`,
      );
    }
  }

  const periodCount = portfolio.periods.length;
  let previous: { size: string; effort: number } | undefined;
  for (const size of TSHIRT_SIZES) {
    const template = settings.sizes[size];
    if (!template) continue;
    const base = ['sizes', size] as const;
    if (!Number.isInteger(template.duration) || template.duration < 1) {
      add([...base, 'duration'], 'expected a whole number of periods, at least 1');
    } else if (template.duration > periodCount) {
      add([...base, 'duration'], tooLong(template.duration, periodCount));
    }
    // A template's lists never outlast its duration (checked below), so the duration alone says
    // when the template is longer than the plan.
    checkDemand(template.demand, portfolio, [...base, 'demand'], add, false);
    checkAmounts(template.spend ?? [], MAX_MONEY, [...base, 'spend'], add);
    const lists = [...Object.values(template.demand), template.spend ?? []];
    if (lists.some((list) => list.length > template.duration)) {
      add([...base, 'duration'], 'is shorter than its demand or spend lists');
    }
    const effort = Object.values(template.demand)
      .flat()
      .reduce((sum, amount) => sum + amount, 0);
    if (previous && effort < previous.effort) {
      add(
        [...base, 'demand'],
        `asks less in all (${effort}) than size ${previous.size} (${previous.effort}); sizes grow from S to XXL`,
      );
    }
    previous = { size, effort };
  }
  for (const size of Object.keys(settings.sizes)) {
    if (!(TSHIRT_SIZES as readonly string[]).includes(size)) {
      add(['sizes', size], `"${size}" is not a size; the sizes are ${TSHIRT_SIZES.join(', ')}`);
    }
  }

  const { gate } = settings;
  const threshold = (value: number | undefined, path: readonly PropertyKey[]) => {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      add(path, 'expected a number, 0 or more');
    }
  };
  threshold(gate.objectiveFit.minimum, ['gate', 'objectiveFit', 'minimum']);
  for (const [model, minimum] of Object.entries(gate.priority.minimum)) {
    if (!(SCORING_MODELS as readonly string[]).includes(model)) {
      add(['gate', 'priority', 'minimum', model], `"${model}" is not a scoring model`);
    }
    threshold(minimum, ['gate', 'priority', 'minimum', model]);
  }
  if (gate.priority.basis !== 'priority' && gate.priority.basis !== 'value') {
    add(['gate', 'priority', 'basis'], 'expected "priority" or "value"');
  }
  threshold(gate.businessCase.fromCost, ['gate', 'businessCase', 'fromCost']);
  if (
    gate.businessCase.fromSize !== undefined &&
    !(TSHIRT_SIZES as readonly string[]).includes(gate.businessCase.fromSize)
  ) {
    add(['gate', 'businessCase', 'fromSize'], `expected one of ${TSHIRT_SIZES.join(', ')}`);
  }
  return problems;
}
