/**
 * Proposals from draft to a gate decision through the named operations, each step checked as the
 * store checks an edit and as the file's reader would, and each one undo step.
 */
import { describe, expect, it } from 'vitest';
import { proposalIdOf } from '../../../shared/intake/approve';
import { DEFAULT_INTAKE_SETTINGS, type Proposal } from '../../../shared/intake/types';
import { invertChanges, withoutNoOps, type EditPlan } from '../../../shared/store/changes';
import { problemsAfter } from '../../../shared/store/check';
import { OperationError } from '../../../shared/store/context';
import * as initiatives from '../../../shared/store/operations/initiatives';
import * as intake from '../../../shared/store/operations/intake';
import * as objectives from '../../../shared/store/operations/objectives';
import * as portfolio from '../../../shared/store/operations/portfolio';
import { stackOf } from '../../../shared/store/operations/scenarios';
import { applyChanges, type PortfolioState } from '../../../shared/store/state';
import { CHAT, SETTINGS, plan } from '../intake/fixtures';
import { NOW, acceptPlan, stateOf, testContext } from './edit-context';

/** The intake fixture's plan with its settings and `proposals`, as the store holds it. */
function start(...proposals: Proposal[]): PortfolioState {
  return stateOf({ ...plan(), intakeSettings: SETTINGS, proposals });
}

function proposal(state: PortfolioState, id: string) {
  const found = state.proposals.find((entry) => entry.id === id);
  if (!found) throw new Error(`no proposal ${id}`);
  return found;
}

/** Applies `edit` and checks that undoing it gives back `state` exactly. */
function acceptUndoable(edit: EditPlan, state: PortfolioState): PortfolioState {
  const next = acceptPlan(edit, state);
  expect(applyChanges(next, invertChanges(withoutNoOps(edit.changes)))).toEqual(state);
  return next;
}

describe('a proposal from draft to screening', () => {
  it('starts as a draft with its first move, saves fields as typed, and is submitted and screened', () => {
    const context = testContext();
    let state = start();
    const created = intake.createProposal(state, context, { date: '2027-01-04' });
    expect(created.label).toBe('Added a proposal');
    state = acceptUndoable(created, state);
    const id = created.id;
    expect(proposal(state, id)).toMatchObject({
      id: 'new-proposals-1',
      title: '',
      stage: 'draft',
      history: [{ stage: 'draft', date: '2027-01-04' }],
    });

    // Typed as it comes, spaces and all; a cleared field leaves the record.
    state = acceptUndoable(
      intake.updateProposal(state, id, { title: 'Customer chat ', sponsor: 'Head of' }),
      state,
    );
    state = acceptUndoable(
      intake.updateProposal(state, id, { sponsor: '', problem: 'Calls wait.' }),
      state,
    );
    expect(proposal(state, id)).toMatchObject({ title: 'Customer chat ', problem: 'Calls wait.' });
    expect(proposal(state, id)).not.toHaveProperty('sponsor');

    // Submitting asks for what a submitted proposal needs: the store refuses it without a sponsor.
    const early = intake.moveProposalStage(state, context, id, 'submitted', { date: '2027-01-06' });
    const next = applyChanges(state, early.changes);
    expect(problemsAfter(next, early.changes)).toContainEqual(
      expect.objectContaining({
        path: 'proposals[0].sponsor',
        message: 'a proposal in Submitted needs a sponsor',
      }),
    );

    state = acceptUndoable(
      intake.updateProposal(state, id, {
        sponsor: 'Head of Service',
        size: 'M',
        objectives: [{ id: 'ecom', contribution: 3 }],
        scores: { value: 7 },
      }),
      state,
    );
    const submitted = intake.moveProposalStage(state, context, id, 'submitted', {
      date: '2027-01-06',
    });
    expect(submitted.label).toBe('Submitted “Customer chat”');
    state = acceptUndoable(submitted, state);
    state = acceptUndoable(
      intake.moveProposalStage(state, context, id, 'screening', { date: '2027-01-11' }),
      state,
    );
    expect(proposal(state, id).history.map((move) => move.stage)).toEqual([
      'draft',
      'submitted',
      'screening',
    ]);
    // Nothing of this went into the decision log.
    expect(state.decisions).toHaveLength(1);
  });

  it('sends a proposal back as a gate decision, in the log and in its history', () => {
    const context = testContext();
    let state = start(CHAT);
    const edit = intake.moveProposalStage(state, context, CHAT.id, 'draft', {
      date: '2027-01-12',
      rationale: 'Size it with the Platform lead first.',
      decidedBy: 'PMO',
    });
    state = acceptUndoable(edit, state);
    const decision = state.decisions.at(-1);
    expect(decision).toMatchObject({
      id: 'new-decisions-1',
      date: '2027-01-12',
      kind: 'gate',
      title: 'Gate: sent back “Customer chat”',
      decision: 'Sent “Customer chat” back from Screening to Draft.',
      rationale: 'Size it with the Platform lead first.',
      decidedBy: 'PMO',
      recordedAt: NOW,
    });
    expect(proposal(state, CHAT.id)).toMatchObject({
      stage: 'draft',
      decisionIds: ['new-decisions-1'],
    });
    expect(proposal(state, CHAT.id).history.at(-1)).toEqual({
      stage: 'draft',
      date: '2027-01-12',
      decisionId: 'new-decisions-1',
    });
  });

  it('refuses a move the pipeline does not allow, or a gate decision by hand, before recording anything', () => {
    const context = testContext();
    const state = start({ ...CHAT, stage: 'draft', history: [CHAT.history[0]!] });
    expect(() =>
      intake.moveProposalStage(state, context, CHAT.id, 'screening', { date: '2027-01-12' }),
    ).toThrow('“Customer chat” cannot move from Draft to Screening');
    expect(() =>
      intake.moveProposalStage(state, context, CHAT.id, 'approved' as intake.ManualStage, {
        date: '2027-01-12',
      }),
    ).toThrow(OperationError);
    expect(() =>
      intake.moveProposalStage(state, context, 'ghost', 'submitted', { date: '2027-01-12' }),
    ).toThrow('Proposal "ghost" no longer exists.');
  });
});

describe('approving a proposal', () => {
  it('adds the initiative, ranks it by its priority, logs the decision and links all three, in one edit', () => {
    const context = testContext();
    let state = start(CHAT);
    const edit = intake.approveProposal(state, context, CHAT.id, {
      date: '2027-01-25',
      rationale: 'Cuts calls where it hurts most.',
      decidedBy: 'Portfolio board',
    });
    expect(edit.label).toBe('Approved “Customer chat” into the portfolio and “Baseline”');
    state = acceptUndoable(edit, state);

    // The initiative: approved, named after the proposal, its demand from size M.
    const initiative = state.initiatives.find((entry) => entry.id === edit.id);
    expect(initiative).toMatchObject({
      id: 'new-initiatives-1',
      name: 'Customer chat',
      status: 'approved',
      owner: 'Ana Ruiz',
      objectives: [{ id: 'ecom', contribution: 3 }],
      scores: { value: 7 },
      demand: { platform: [2] },
      spend: [50_000],
    });
    expect(proposalIdOf(initiative!)).toBe(CHAT.id);
    expect(state.initiatives.at(-1)?.id).toBe(edit.id);

    // Its place: value 7 ranks it after Customer portal (8) and before Mobile app (6).
    expect(stackOf(state, 'base')).toEqual(['core', 'portal', 'new-initiatives-1', 'app']);

    // The decision, with its rationale, about the initiative and the scenario.
    expect(state.decisions.at(-1)).toEqual({
      id: 'new-decisions-1',
      date: '2027-01-25',
      kind: 'gate',
      title: 'Gate: approved “Customer chat”',
      decision:
        'Approved “Customer chat”: it becomes the initiative “Customer chat”, status approved. It is ranked 2 of 3 competing for capacity in “Baseline”. It passed every rule of the gate.',
      rationale: 'Cuts calls where it hurts most.',
      decidedBy: 'Portfolio board',
      concerns: [
        { kind: 'initiative', id: 'new-initiatives-1' },
        { kind: 'scenario', id: 'base' },
      ],
      recordedAt: NOW,
      order: expect.any(String),
    });

    // The proposal: approved, linked to both.
    expect(proposal(state, CHAT.id)).toMatchObject({
      stage: 'approved',
      initiativeId: 'new-initiatives-1',
      decisionIds: ['new-decisions-1'],
    });
    expect(proposal(state, CHAT.id).history.at(-1)).toEqual({
      stage: 'approved',
      date: '2027-01-25',
      decisionId: 'new-decisions-1',
    });

    // Approved is final.
    expect(() => intake.updateProposal(state, CHAT.id, { title: 'Again' })).toThrow(
      '“Customer chat” is Approved, a final stage: it cannot be edited.',
    );
  });

  it('needs an override with its rationale when a rule fails, and logs both', () => {
    const context = testContext();
    // Linked to nothing: objective fit fails.
    const unlinked: Proposal = { ...CHAT, objectives: undefined };
    let state = start(unlinked);
    expect(() => intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25' })).toThrow(
      '“Customer chat” fails the gate (linked to an objective that matters): approving it needs an override and its rationale.',
    );
    expect(() =>
      intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25', override: '  ' }),
    ).toThrow(OperationError);
    const edit = intake.approveProposal(state, context, CHAT.id, {
      date: '2027-01-25',
      rationale: 'Service costs matter this year.',
      override: 'The regulator asks for a written channel.',
    });
    state = acceptUndoable(edit, state);
    const decision = state.decisions.at(-1)!;
    expect(decision.decision).toContain(
      'It failed linked to an objective that matters, and was approved by override.',
    );
    expect(decision.rationale).toBe(
      'Service costs matter this year.\n\nOverride: The regulator asks for a written channel.',
    );
  });

  it('joins the scenario asked for, and refuses one that is gone', () => {
    const context = testContext();
    let state = stateOf({
      ...plan(),
      scenarios: [
        { id: 'base', name: 'Baseline', ranking: ['core', 'portal', 'app'] },
        { id: 'lean', name: 'Lean', ranking: ['app', 'core'] },
      ],
      intakeSettings: SETTINGS,
      proposals: [CHAT],
    });
    expect(() =>
      intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25', scenarioId: 'gone' }),
    ).toThrow('Scenario "gone" no longer exists.');
    // In Lean's plan it fails the capacity rule, so it needs an override.
    const edit = intake.approveProposal(state, context, CHAT.id, {
      date: '2027-01-25',
      scenarioId: 'lean',
      override: 'Chat before the app.',
    });
    state = acceptUndoable(edit, state);
    // Value 7: behind Customer portal (8), which Lean leaves unranked at the bottom, so just above it.
    expect(stackOf(state, 'lean')).toEqual(['app', 'core', 'new-initiatives-1', 'portal']);
    expect(stackOf(state, 'base')).toEqual(['core', 'portal', 'app', 'new-initiatives-1']);
  });

  it('refuses a proposal that is not in Screening', () => {
    const context = testContext();
    const state = start({ ...CHAT, stage: 'submitted', history: CHAT.history.slice(0, 2) });
    expect(() => intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25' })).toThrow(
      '“Customer chat” cannot move from Submitted to Approved',
    );
  });
});

describe('deferring and rejecting', () => {
  it('defers with a date to revisit, logged with the gate’s verdict', () => {
    const context = testContext();
    let state = start(CHAT);
    expect(() =>
      intake.deferProposal(state, context, CHAT.id, {
        date: '2027-01-25',
        revisitOn: '2027-01-20',
      }),
    ).toThrow('Deferred needs a date to revisit it, after 2027-01-25.');
    const edit = intake.deferProposal(state, context, CHAT.id, {
      date: '2027-01-25',
      revisitOn: '2027-04-01',
      rationale: 'Wait for the portal.',
    });
    expect(edit.id).toBe('new-decisions-1');
    state = acceptUndoable(edit, state);
    expect(proposal(state, CHAT.id)).toMatchObject({
      stage: 'deferred',
      revisitOn: '2027-04-01',
      decisionIds: ['new-decisions-1'],
    });
    expect(state.decisions.at(-1)).toMatchObject({
      title: 'Gate: deferred “Customer chat”',
      decision:
        'Deferred “Customer chat”, to be looked at again on 2027-04-01. It passed every rule of the gate.',
      rationale: 'Wait for the portal.',
    });

    // Revisited: back to Screening (the date goes), then rejected.
    state = acceptUndoable(
      intake.moveProposalStage(state, context, CHAT.id, 'screening', { date: '2027-04-01' }),
      state,
    );
    expect(proposal(state, CHAT.id)).not.toHaveProperty('revisitOn');
    expect(state.decisions).toHaveLength(2);
    const rejected = intake.rejectProposal(state, context, CHAT.id, {
      date: '2027-04-02',
      rationale: 'The portal solved it.',
    });
    state = acceptUndoable(rejected, state);
    expect(proposal(state, CHAT.id)).toMatchObject({
      stage: 'rejected',
      decisionIds: ['new-decisions-1', 'new-decisions-2'],
    });
    expect(state.decisions.at(-1)).toMatchObject({
      title: 'Gate: rejected “Customer chat”',
      decision: 'Rejected “Customer chat”. It passed every rule of the gate.',
    });
  });
});

describe('deleting a proposal and what it refers to', () => {
  it('deletes a proposal, and the decisions and the initiative it led to stay', () => {
    const context = testContext();
    let state = start(CHAT);
    state = acceptPlan(
      intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25' }),
      state,
    );
    const edit = intake.deleteProposal(state, CHAT.id);
    expect(edit.label).toBe('Deleted the proposal “Customer chat”');
    state = acceptUndoable(edit, state);
    expect(state.proposals).toEqual([]);
    expect(state.decisions).toHaveLength(2);
    expect(state.initiatives.some((entry) => entry.id === 'new-initiatives-1')).toBe(true);
  });

  it('takes a deleted objective, initiative or team out of proposals and size templates', () => {
    const linked: Proposal = {
      ...CHAT,
      dependsOn: ['portal'],
      excludes: ['app'],
      demand: { platform: [1], data: [1] },
    };
    let state = start(linked);
    state = acceptUndoable(objectives.deleteObjective(state, 'ecom'), state);
    expect(proposal(state, CHAT.id)).not.toHaveProperty('objectives');
    state = acceptUndoable(initiatives.deleteInitiative(state, 'app'), state);
    expect(proposal(state, CHAT.id)).not.toHaveProperty('excludes');
    expect(proposal(state, CHAT.id).dependsOn).toEqual(['portal']);
    state = acceptUndoable(portfolio.deleteTeam(state, 'data'), state);
    expect(proposal(state, CHAT.id).demand).toEqual({ platform: [1] });
    expect(state.meta.intakeSettings?.sizes.XL?.demand).toEqual({ platform: [3, 3] });
  });

  it('does not copy the link to a proposal when an approved initiative is duplicated', () => {
    const context = testContext();
    let state = start(CHAT);
    const approved = intake.approveProposal(state, context, CHAT.id, { date: '2027-01-25' });
    state = acceptPlan(approved, state);
    const copy = initiatives.duplicateInitiative(state, context, approved.id);
    state = acceptPlan(copy, state);
    const record = state.initiatives.find((entry) => entry.id === copy.id)!;
    expect(proposalIdOf(record)).toBeUndefined();
    expect(record).not.toHaveProperty('extras');
  });
});

describe('the intake settings', () => {
  it('are changed as one edit, and refused when a template names a team that does not exist', () => {
    let state = start(CHAT);
    const renamed = {
      ...SETTINGS,
      stageLabels: { screening: 'PMO review' },
    };
    const edit = intake.updateIntakeSettings(state, renamed);
    expect(edit.label).toBe('Changed the intake settings');
    state = acceptUndoable(edit, state);
    expect(intake.intakeSettingsOf(state).stageLabels).toEqual({ screening: 'PMO review' });

    const broken = intake.updateIntakeSettings(state, {
      ...renamed,
      sizes: { S: { duration: 1, demand: { design: [1] } } },
    });
    expect(problemsAfter(applyChanges(state, broken.changes), broken.changes)).toEqual([
      {
        path: 'intakeSettings.sizes.S.demand.design',
        message: 'team "design" does not exist',
        where: 'Intake settings, size S, demand of "design"',
      },
    ]);
  });

  it('are the defaults while the portfolio has none', () => {
    const state = stateOf(plan());
    expect(intake.intakeSettingsOf(state)).toBe(DEFAULT_INTAKE_SETTINGS);
  });
});
