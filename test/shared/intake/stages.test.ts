import { describe, expect, it } from 'vitest';
import { canMove, enteredStageOn, moveProposal } from '../../../shared/intake/stages';
import { DEFAULT_INTAKE_SETTINGS, stageLabel, type Proposal } from '../../../shared/intake/types';
import { CHAT } from './fixtures';

const SETTINGS = DEFAULT_INTAKE_SETTINGS;

describe('moving a proposal through the pipeline', () => {
  it('allows the pipeline’s moves, sending back, and a deferred proposal coming back', () => {
    expect(canMove('draft', 'submitted')).toBe(true);
    expect(canMove('screening', 'approved')).toBe(true);
    expect(canMove('screening', 'draft')).toBe(true);
    expect(canMove('deferred', 'screening')).toBe(true);
    expect(canMove('draft', 'approved')).toBe(false);
    expect(canMove('approved', 'screening')).toBe(false);
    expect(canMove('rejected', 'draft')).toBe(false);
  });

  it('records the move, the decision and the initiative', () => {
    const moved = moveProposal(CHAT, 'approved', '2027-01-20', SETTINGS, {
      decisionId: 'd-9',
      initiativeId: 'chat-1',
    });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.proposal.stage).toBe('approved');
    expect(moved.proposal.history.at(-1)).toEqual({
      stage: 'approved',
      date: '2027-01-20',
      decisionId: 'd-9',
    });
    expect(moved.proposal.decisionIds).toEqual(['d-9']);
    expect(moved.proposal.initiativeId).toBe('chat-1');
    expect(enteredStageOn(moved.proposal)).toBe('2027-01-20');
  });

  it('defers only with a later date to revisit, and clears it when the proposal comes back', () => {
    expect(moveProposal(CHAT, 'deferred', '2027-01-20', SETTINGS)).toEqual({
      ok: false,
      error: 'Deferred needs a date to revisit it, after 2027-01-20',
    });
    expect(
      moveProposal(CHAT, 'deferred', '2027-01-20', SETTINGS, { revisitOn: '2027-01-20' }).ok,
    ).toBe(false);
    const deferred = moveProposal(CHAT, 'deferred', '2027-01-20', SETTINGS, {
      revisitOn: '2027-04-01',
    });
    if (!deferred.ok) throw new Error(deferred.error);
    expect(deferred.proposal.revisitOn).toBe('2027-04-01');
    const back = moveProposal(deferred.proposal, 'screening', '2027-04-02', SETTINGS);
    if (!back.ok) throw new Error(back.error);
    expect(back.proposal.revisitOn).toBeUndefined();
    expect(back.proposal.history.map((change) => change.stage)).toEqual([
      'draft',
      'submitted',
      'screening',
      'deferred',
      'screening',
    ]);
  });

  it('refuses a move the pipeline does not allow, in the PMO’s stage names', () => {
    const renamed = { ...SETTINGS, stageLabels: { screening: 'Triage' } };
    const draft: Proposal = {
      ...CHAT,
      stage: 'draft',
      history: [{ stage: 'draft', date: '2027-01-04' }],
    };
    expect(moveProposal(draft, 'approved', '2027-01-20', renamed)).toEqual({
      ok: false,
      error:
        '“Customer chat” cannot move from Draft to Approved; from Draft it can move to Submitted',
    });
    expect(moveProposal(CHAT, 'submitted', '2027-01-20', renamed).ok).toBe(true);
    expect(stageLabel(renamed, 'screening')).toBe('Triage');
    expect(stageLabel({ stageLabels: { screening: '  ' } }, 'screening')).toBe('Screening');
  });

  it('refuses a date that is no date or comes before the last move', () => {
    expect(moveProposal(CHAT, 'approved', '2027-02-30', SETTINGS)).toEqual({
      ok: false,
      error: '“2027-02-30” is not a date (YYYY-MM-DD)',
    });
    expect(moveProposal(CHAT, 'approved', '2027-01-10', SETTINGS)).toEqual({
      ok: false,
      error: "2027-01-10 is before the proposal's last move (Screening on 2027-01-11)",
    });
  });
});
