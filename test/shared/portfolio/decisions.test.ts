/** The decision log in the file: read, checked, named in words, written back in order. */
import { describe, expect, it } from 'vitest';
import { MAX_DECISIONS } from '../../../shared/portfolio/limits';
import {
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Decision, Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { smallPortfolioFile } from './fixtures';

function problemsOf(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

function read(file: unknown): Portfolio {
  const result = restorePortfolio(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

const commit = {
  id: 'd1',
  date: '2027-01-12',
  kind: 'scenario-commit',
  title: 'Commit plan Q3',
  decision: 'Fund the baseline above the line.',
};

/** The small file with these decisions; a plain object, to break one field at a time. */
function withDecisions(
  ...decisions: Record<string, unknown>[]
): ReturnType<typeof smallPortfolioFile> {
  const file = smallPortfolioFile();
  file.decisions = decisions;
  return file;
}

describe('reading decisions', () => {
  it('reads a file without the key as no decisions, and writes it back without the key', () => {
    const portfolio = read(smallPortfolioFile());
    expect(portfolio.decisions).toBeUndefined();
    expect(JSON.parse(writePortfolio(portfolio))).not.toHaveProperty('decisions');
  });

  it('keeps an empty list as an empty list', () => {
    const portfolio = read(withDecisions());
    expect(portfolio.decisions).toEqual([]);
    expect(JSON.parse(writePortfolio(portfolio)).decisions).toEqual([]);
  });

  it('reads every field, keeps unknown keys as extras, and needs no concern to exist', () => {
    const portfolio = read(
      withDecisions(
        {
          ...commit,
          rationale: 'Regulation first.',
          decidedBy: 'Portfolio board',
          concerns: [
            { kind: 'scenario', id: 'base' },
            { kind: 'initiative', id: 'long-gone', note: 'cancelled in 2026' },
            { kind: 'objective', id: 'grow-smb' },
          ],
          fingerprint: '85944171f73967e8',
          recordedAt: '2027-01-12T16:05:00.000Z',
          minutes: 'm-1',
        },
        { ...commit, id: 'd2', kind: 'review', supersedes: 'd1' },
      ),
    );
    const expected: Decision = {
      ...(commit as Decision),
      rationale: 'Regulation first.',
      decidedBy: 'Portfolio board',
      concerns: [
        { kind: 'scenario', id: 'base' },
        { kind: 'initiative', id: 'long-gone', extras: { note: 'cancelled in 2026' } },
        { kind: 'objective', id: 'grow-smb' },
      ],
      fingerprint: '85944171f73967e8',
      recordedAt: '2027-01-12T16:05:00.000Z',
      extras: { minutes: 'm-1' },
    };
    expect(portfolio.decisions).toEqual([
      expected,
      { ...commit, id: 'd2', kind: 'review', supersedes: 'd1' },
    ]);
  });

  it('takes every kind of decision', () => {
    const kinds = [
      'gate',
      'prioritization',
      'scenario-commit',
      'stop-continue',
      'workshop-outcome',
      'review',
      'other',
    ];
    const portfolio = read(
      withDecisions(...kinds.map((kind, n) => ({ ...commit, id: `d${n}`, kind }))),
    );
    expect(portfolio.decisions?.map((decision) => decision.kind)).toEqual(kinds);
  });

  it('takes a recording time with an offset or without fractions', () => {
    for (const recordedAt of ['2027-01-12T16:05:00Z', '2027-01-12T17:05:00.5+01:00']) {
      expect(read(withDecisions({ ...commit, recordedAt })).decisions?.[0]?.recordedAt).toBe(
        recordedAt,
      );
    }
  });
});

describe('writing decisions', () => {
  it('puts the known keys in order after the other lists, unknown keys after them', () => {
    const file = withDecisions({
      minutes: 'm-1',
      recordedAt: '2027-01-12T16:05:00.000Z',
      supersedes: undefined,
      concerns: [{ id: 'base', kind: 'scenario' }],
      fingerprint: 'abc',
      decidedBy: 'Board',
      rationale: 'Because.',
      decision: 'Do it.',
      title: 'Commit plan Q3',
      kind: 'gate',
      date: '2027-01-12',
      id: 'd1',
    });
    file.actuals = [{ initiativeId: 'crm-revamp', periodId: '2027-Q1', spend: 10 }];
    file.retrospectives = [];
    const document = JSON.parse(writePortfolio(read(JSON.parse(JSON.stringify(file)))));
    expect(Object.keys(document).slice(-3)).toEqual(['actuals', 'decisions', 'retrospectives']);
    expect(Object.keys(document.decisions[0])).toEqual([
      'id',
      'date',
      'kind',
      'title',
      'decision',
      'rationale',
      'decidedBy',
      'concerns',
      'fingerprint',
      'recordedAt',
      'minutes',
    ]);
    expect(Object.keys(document.decisions[0].concerns[0])).toEqual(['kind', 'id']);
  });

  it('gives the same bytes on export → import → export', () => {
    const first = writePortfolio(
      read(withDecisions(commit, { ...commit, id: 'd2', supersedes: 'd1', extra: [1, { a: 2 }] })),
    );
    const again = readPortfolioText(first);
    expect(again.ok && writePortfolio(again.portfolio)).toBe(first);
  });
});

describe('the shape of a decision', () => {
  it('needs an id, a real date, a known kind, a title and what was decided', () => {
    const problems = problemsOf(
      withDecisions({ id: 'd1', date: '2027-02-30', kind: 'vote', title: ' ', decision: '' }),
    );
    expect(problems).toEqual([
      { path: 'decisions[0].date', message: 'expected a real date', where: 'Decision d1, date' },
      {
        path: 'decisions[0].kind',
        message:
          'expected one of gate, prioritization, scenario-commit, stop-continue, workshop-outcome, review, other',
        where: 'Decision d1, kind',
      },
      { path: 'decisions[0].title', message: 'must not be empty', where: 'Decision d1, title' },
      {
        path: 'decisions[0].decision',
        message: 'must not be empty',
        where: 'Decision d1, decision',
      },
    ]);
  });

  it('names what is missing', () => {
    const problems = problemsOf(withDecisions({ id: 'd1', kind: 'gate', title: 'Gate 1' }));
    expect(problems).toEqual([
      {
        path: 'decisions[0].date',
        message: 'is missing: expected text',
        where: 'Decision “Gate 1”, date',
      },
      {
        path: 'decisions[0].decision',
        message: 'is missing: expected text',
        where: 'Decision “Gate 1”, decision',
      },
    ]);
  });

  it('keeps the text limits of names, long text and short text', () => {
    const problems = problemsOf(
      withDecisions({
        ...commit,
        title: 'x'.repeat(201),
        decision: 'y'.repeat(10_001),
        rationale: 'z'.repeat(10_001),
        decidedBy: 'w'.repeat(201),
        fingerprint: 'f'.repeat(201),
      }),
    );
    expect(problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'decisions[0].title: is 201 characters long; at most 200 are allowed',
      'decisions[0].decision: is 10,001 characters long; at most 10,000 are allowed',
      'decisions[0].rationale: is 10,001 characters long; at most 10,000 are allowed',
      'decisions[0].decidedBy: is 201 characters long; at most 200 are allowed',
      'decisions[0].fingerprint: is 201 characters long; at most 200 are allowed',
    ]);
  });

  it('refuses a recording time that is not an ISO date and time', () => {
    const messages = [
      '2027-01-12',
      '2027-01-12 16:05:00Z',
      '2027-01-12T16:05:00',
      '2027-02-30T16:05:00.000Z',
      '2027-01-12T24:00:00.000Z',
      '2027-01-12T16:60:00Z',
    ].map((recordedAt) => problemsOf(withDecisions({ ...commit, recordedAt }))[0]?.message);
    expect(messages).toEqual([
      'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
      'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
      'expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
      'expected a real date and time',
      'expected a real date and time',
      'expected a real date and time',
    ]);
  });

  it('refuses a concern of an unknown kind, naming the concern', () => {
    expect(
      problemsOf(
        withDecisions({
          ...commit,
          concerns: [
            { kind: 'initiative', id: 'crm-revamp' },
            { kind: 'team', id: 'platform' },
          ],
        }),
      ),
    ).toEqual([
      {
        path: 'decisions[0].concerns[1].kind',
        message: 'expected one of initiative, scenario, objective, review, metric',
        where: 'Decision “Commit plan Q3”, concern 2, kind',
      },
    ]);
  });

  it(`refuses more than ${MAX_DECISIONS.toLocaleString('en-US')} decisions, with the count`, () => {
    const many = Array.from({ length: MAX_DECISIONS + 1 }, (_, n) => ({ ...commit, id: `d${n}` }));
    expect(problemsOf(withDecisions(...many))).toEqual([
      {
        path: 'decisions',
        message: 'has 10,001 decisions; at most 10,000 are allowed',
        where: 'Decisions',
      },
    ]);
    expect(read(withDecisions(...many.slice(1))).decisions).toHaveLength(MAX_DECISIONS);
  });

  it('refuses a list that is not one', () => {
    expect(problemsOf({ ...smallPortfolioFile(), decisions: { d1: commit } })).toEqual([
      {
        path: 'decisions',
        message: 'expected a list, got an object',
        where: 'Decisions',
      },
    ]);
  });

  it('names a decision by its place in the list when it has neither title nor id', () => {
    const problems = problemsOf(withDecisions(commit, { date: '2027-01-12' }));
    expect(problems[0]).toMatchObject({
      path: 'decisions[1].id',
      where: 'Decision number 2, id',
    });
  });

  it('names a decision in words by its title in quotes, the rationale as the field', () => {
    expect(problemsOf(withDecisions({ ...commit, rationale: 'a\ud800' }))).toEqual([
      {
        path: 'decisions[0].rationale',
        message:
          'contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again',
        where: 'Decision “Commit plan Q3”, rationale',
      },
    ]);
  });
});

describe('the rules of the decision log', () => {
  it('refuses an id used twice', () => {
    expect(problemsOf(withDecisions(commit, { ...commit, title: 'Again' }))).toEqual([
      {
        path: 'decisions[1].id',
        message: 'decision id "d1" is used more than once; ids must be unique',
        where: 'Decision “Again”, id',
      },
    ]);
  });

  it('takes a chain of amendments, each amending the latest', () => {
    const portfolio = read(
      withDecisions(
        commit,
        { ...commit, id: 'd2', supersedes: 'd1' },
        { ...commit, id: 'd3', supersedes: 'd2' },
        { ...commit, id: 'other' },
        { ...commit, id: 'd4', supersedes: 'other' },
      ),
    );
    expect(portfolio.decisions?.map((decision) => decision.supersedes)).toEqual([
      undefined,
      'd1',
      'd2',
      undefined,
      'other',
    ]);
  });

  it('refuses superseding a later decision, itself, or one that does not exist', () => {
    const problems = problemsOf(
      withDecisions(
        { ...commit, id: 'd1', supersedes: 'd2' },
        { ...commit, id: 'd2', title: 'Second', supersedes: 'd2' },
        { ...commit, id: 'd3', title: 'Third', supersedes: 'ghost' },
      ),
    );
    expect(problems).toEqual([
      {
        path: 'decisions[0].supersedes',
        message: 'decision "d2" comes later in the log; a decision supersedes only an earlier one',
        where: 'Decision “Commit plan Q3”, supersedes',
      },
      {
        path: 'decisions[1].supersedes',
        message: 'a decision cannot supersede itself',
        where: 'Decision “Second”, supersedes',
      },
      {
        path: 'decisions[2].supersedes',
        message: 'decision "ghost" does not exist',
        where: 'Decision “Third”, supersedes',
      },
    ]);
  });

  it('refuses amending a decision already superseded, naming the latest of its chain', () => {
    const problems = problemsOf(
      withDecisions(
        commit,
        { ...commit, id: 'd2', supersedes: 'd1' },
        { ...commit, id: 'd3', supersedes: 'd2' },
        { ...commit, id: 'd4', title: 'Fork', supersedes: 'd1' },
      ),
    );
    expect(problems).toEqual([
      {
        path: 'decisions[3].supersedes',
        message:
          'decision "d1" is already superseded by "d2"; supersede the latest decision of that chain, "d3"',
        where: 'Decision “Fork”, supersedes',
      },
    ]);
  });

  it('stops following a chain that repeated ids close into a loop', () => {
    const problems = problemsOf(
      withDecisions(
        { ...commit, id: 'x' },
        { ...commit, id: 'y', supersedes: 'x' },
        { ...commit, id: 'x', supersedes: 'y' },
        { ...commit, id: 'z', supersedes: 'x' },
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'decision id "x" is used more than once; ids must be unique',
      'decision "x" is already superseded by "y"; supersede the latest decision of that chain, "x"',
    ]);
  });

  it('reports a shape problem and a rule problem of the log together', () => {
    const problems = problemsOf(
      withDecisions(commit, { ...commit, id: 'd2', kind: 'vote', supersedes: 'ghost' }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'decisions[1].kind',
      'decisions[1].supersedes',
    ]);
  });
});
