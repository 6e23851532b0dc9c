import { describe, expect, it } from 'vitest';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import {
  cellsByDisagreement,
  latestScores,
  passCells,
  passProgress,
  revealCells,
  sessionConsensus,
  sessionCriteria,
  sessionDots,
} from '../../../shared/workshop/session';

const portfolio: Pick<Portfolio, 'scoring' | 'initiatives'> = {
  scoring: {
    model: 'weighted',
    criteria: [
      { id: 'effort', name: 'Effort', scale: 'fibonacci' },
      { id: 'value', name: 'Value', scale: '1-5' },
      { id: 'fit', name: 'Fit', source: 'strategic-fit' },
    ],
  },
  initiatives: [
    { id: 'crm', name: 'CRM revamp', status: 'proposed' },
    { id: 'wms', name: 'Warehouse system', status: 'proposed' },
  ],
};

const base: Workshop = {
  id: 'w1',
  title: 'Q1',
  participants: [
    { id: 'p1', name: 'Priya' },
    { id: 'p2', name: 'Sam' },
    { id: 'p3', name: 'Lee' },
  ],
  initiatives: ['crm', 'wms', 'gone'],
  criteria: ['effort', 'value'],
  stage: 'reveal',
  round: 1,
  scores: [
    { participantId: 'p1', initiativeId: 'crm', criterionId: 'effort', value: 3, round: 1 },
    { participantId: 'p2', initiativeId: 'crm', criterionId: 'effort', value: 13, round: 1 },
    { participantId: 'p3', initiativeId: 'crm', criterionId: 'effort', value: 5, round: 1 },
    { participantId: 'p1', initiativeId: 'crm', criterionId: 'value', value: 4, round: 1 },
    { participantId: 'p2', initiativeId: 'crm', criterionId: 'value', value: 4, round: 1 },
    { participantId: 'p3', initiativeId: 'crm', criterionId: 'value', value: 4, round: 1 },
    { participantId: 'p1', initiativeId: 'wms', criterionId: 'value', value: 1, round: 1 },
    { participantId: 'p2', initiativeId: 'wms', criterionId: 'value', value: 5, round: 1 },
  ],
};

describe('a session read for the room', () => {
  it('resolves its criteria on the model’s scales; one the model lost is scored 0–100', () => {
    const criteria = sessionCriteria({ criteria: ['value', 'old'] }, portfolio);
    expect(
      criteria.map((criterion) => [criterion.name, criterion.scale.label, criterion.inModel]),
    ).toEqual([
      ['Value', '1–5', true],
      ['old', '0–100', false],
    ]);
  });

  it('covers every cell in a pass, or only what a re-score names', () => {
    expect(passCells(base)).toHaveLength(6);
    expect(passCells({ ...base, rescore: { initiativeId: 'crm', criterionId: 'value' } })).toEqual([
      { initiativeId: 'crm', criterionId: 'value' },
    ]);
    expect(passCells({ ...base, rescore: { initiativeId: 'wms' } })).toHaveLength(2);
  });

  it('counts a participant’s progress in the current round only', () => {
    expect(passProgress(base, 'p1')).toEqual({ scored: 3, total: 6 });
    expect(passProgress({ ...base, round: 2, rescore: { initiativeId: 'crm' } }, 'p1')).toEqual({
      scored: 0,
      total: 2,
    });
  });

  it('takes each participant’s latest round', () => {
    const rescored: Workshop = {
      ...base,
      round: 2,
      scores: [
        ...(base.scores ?? []),
        { participantId: 'p2', initiativeId: 'crm', criterionId: 'effort', value: 5, round: 2 },
      ],
    };
    const latest = latestScores(rescored).filter(
      (score) => score.initiativeId === 'crm' && score.criterionId === 'effort',
    );
    expect(latest.map((score) => score.value)).toEqual([3, 5, 5]);
    const cell = revealCells(rescored, portfolio).find(
      (entry) => entry.initiativeId === 'crm' && entry.criterionId === 'effort',
    );
    expect(cell?.rescored).toBe(true);
    expect(cell?.outliers).toEqual([]);
  });

  it('reveals each cell with its spread and names outliers, leaving out initiatives gone', () => {
    const cells = revealCells(base, portfolio);
    expect(cells.map((cell) => `${cell.initiativeName}/${cell.criterion.name}`)).toEqual([
      'CRM revamp/Effort',
      'CRM revamp/Value',
      'Warehouse system/Effort',
      'Warehouse system/Value',
    ]);
    expect(cells[0]?.outliers).toEqual(['Sam scored 13, the others 3–5']);
    expect(cells[2]?.spread.kind).toBe('no-scores');
    // Least agreement first: the 1-versus-5 split, then the outlier, then unanimity, then nothing.
    expect(
      cellsByDisagreement(cells).map((cell) => cell.initiativeName + '/' + cell.criterion.name),
    ).toEqual([
      'Warehouse system/Value',
      'CRM revamp/Effort',
      'CRM revamp/Value',
      'Warehouse system/Effort',
    ]);
  });

  it('converges on the median, snapped to the scale, unless the facilitator calls it', () => {
    const called: Workshop = {
      ...base,
      calls: [{ initiativeId: 'wms', criterionId: 'value', value: 2, note: 'Pilot first' }],
    };
    const { cells, scores } = sessionConsensus(called, portfolio);
    expect(scores.crm).toEqual({ effort: 5, value: 4 });
    expect(scores.wms).toEqual({ value: 2 });
    const effort = cells.find(
      (cell) => cell.initiativeId === 'wms' && cell.criterionId === 'effort',
    );
    expect(effort?.consensus.kind).toBe('problem');
    const call = cells.find((cell) => cell.initiativeId === 'wms' && cell.criterionId === 'value');
    expect(call?.consensus).toMatchObject({
      kind: 'score',
      rule: 'facilitator',
      note: 'Pilot first',
    });
  });

  it('tallies the dot vote only when the session has one', () => {
    expect(sessionDots(base)).toBeNull();
    const voted: Workshop = {
      ...base,
      dots: { perPerson: 3, weighted: true, maxPerItem: 1 },
      votes: [
        { participantId: 'p1', initiativeId: 'wms', dots: 1 },
        { participantId: 'p1', initiativeId: 'crm', dots: 1 },
        { participantId: 'p2', initiativeId: 'crm', dots: 1 },
      ],
    };
    expect(sessionDots(voted)?.tally.slice(0, 2)).toEqual([
      { itemId: 'crm', points: 5, dots: 2, voters: 2 },
      { itemId: 'wms', points: 3, dots: 1, voters: 1 },
    ]);
  });
});
