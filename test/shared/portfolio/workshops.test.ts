/** Workshop sessions in the file: read, checked, named in words, written back in order. */
import { describe, expect, it } from 'vitest';
import { MAX_WORKSHOPS } from '../../../shared/portfolio/limits';
import {
  checkRecord,
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio, Workshop } from '../../../shared/portfolio/types';
import { portfolioToDocument, writePortfolio } from '../../../shared/portfolio/write';
import { change } from '../../../shared/store/changes';
import { problemsAfter, problemsOf as storeProblemsOf } from '../../../shared/store/check';
import { applyChanges, type PortfolioState } from '../../../shared/store/state';
import { stateOf } from '../store/edit-context';
import { fixtureText, smallPortfolioFile } from './fixtures';

const FIXTURE = 'workshop/workshop-session.baton.json';

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

/** The fixture as parsed JSON, to break one field at a time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into the parsed JSON to break one field at a time
function sessionFile(): Record<string, any> {
  return JSON.parse(fixtureText(FIXTURE));
}

/** The fixture with its session changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
function withSession(edit: (session: Record<string, any>) => void): Record<string, any> {
  const file = sessionFile();
  edit(file.workshops[0]);
  return file;
}

/** The small file with these sessions. */
function withSessions(...workshops: Record<string, unknown>[]) {
  const file = smallPortfolioFile();
  file.workshops = workshops;
  return file;
}

const SETUP = { id: 'ws-1', title: 'Planning day', stage: 'setup' };
const WHERE = 'Workshop “Q1 prioritization”';

describe('reading a workshop session', () => {
  it('reads the fixture and writes it back byte for byte', () => {
    const text = fixtureText(FIXTURE);
    const result = readPortfolioText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(writePortfolio(result.portfolio)).toBe(text);
    expect(portfolioToDocument(result.portfolio)).toEqual(JSON.parse(text));
  });

  it('reads the session as the domain has it', () => {
    const session = read(sessionFile()).workshops?.[0] as Workshop;
    expect(session.participants.map((participant) => participant.name)).toEqual([
      'Priya',
      'Sam',
      'Lee',
    ]);
    expect(session.initiatives).toEqual(['crm-revamp', 'data-lake', 'self-service']);
    expect(session.criteria).toEqual(['value', 'urgency']);
    expect(session.stage).toBe('done');
    expect(session.round).toBe(2);
    expect(session.scores?.filter((score) => score.round === 1)).toHaveLength(18);
    expect(session.scores?.filter((score) => score.round === 2)).toEqual([
      { participantId: 'p1', initiativeId: 'data-lake', criterionId: 'value', value: 6, round: 2 },
      { participantId: 'p2', initiativeId: 'data-lake', criterionId: 'value', value: 5, round: 2 },
      { participantId: 'p3', initiativeId: 'data-lake', criterionId: 'value', value: 6, round: 2 },
    ]);
    expect(session.votes).toHaveLength(9);
    expect(session.dots).toEqual({ perPerson: 3, weighted: true, maxPerItem: 2 });
    expect(session.timer).toEqual({ per: 'item', seconds: 90 });
    expect(session.calls).toEqual([
      {
        initiativeId: 'self-service',
        criterionId: 'urgency',
        value: 8,
        note: 'The support contract ends in March; Lee’s 13 reflects that, Sam’s 5 does not.',
      },
    ]);
    expect(session.outcome).toEqual({
      scenarioId: 'baseline',
      decisionId: 'd-ws1',
      before: ['crm-revamp', 'data-lake', 'self-service'],
      after: ['crm-revamp', 'self-service', 'data-lake'],
      recordedAt: '2027-01-14T16:30:00.000Z',
    });
  });

  it('reads an older file without the key as no sessions, and writes it back without the key', () => {
    const file = sessionFile();
    delete file.workshops;
    const portfolio = read(file);
    expect(portfolio.workshops).toBeUndefined();
    expect(JSON.parse(writePortfolio(portfolio))).not.toHaveProperty('workshops');
    expect(read(smallPortfolioFile()).workshops).toBeUndefined();
  });

  it('keeps an empty list as an empty list', () => {
    const portfolio = read(withSessions());
    expect(portfolio.workshops).toEqual([]);
    expect(JSON.parse(writePortfolio(portfolio)).workshops).toEqual([]);
  });

  it('reads a session in set-up without participants, initiatives or criteria as empty lists', () => {
    const portfolio = read(withSessions(SETUP));
    expect(portfolio.workshops).toEqual([
      { ...SETUP, participants: [], initiatives: [], criteria: [] },
    ]);
    expect(JSON.parse(writePortfolio(portfolio)).workshops[0]).toEqual({
      id: 'ws-1',
      title: 'Planning day',
      participants: [],
      initiatives: [],
      criteria: [],
      stage: 'setup',
    });
  });

  it('keeps unknown keys at every level as extras, and writes them after the known ones', () => {
    const file = withSession((session) => {
      session.room = 'Atrium';
      session.participants[0].role = 'Product';
      session.scores[0].confidence = 'low';
      session.votes[0].colour = 'red';
      session.calls[0].seconded = 'Sam';
      session.timer.sound = 'gong';
      session.dots.colour = 'green';
      session.rescore = { initiativeId: 'data-lake', criterionId: 'value', reason: 'outlier' };
      session.outcome.approvedBy = 'Board';
    });
    const session = read(file).workshops?.[0] as Workshop;
    expect(session.extras).toEqual({ room: 'Atrium' });
    expect(session.participants[0]?.extras).toEqual({ role: 'Product' });
    expect(session.scores?.[0]?.extras).toEqual({ confidence: 'low' });
    expect(session.votes?.[0]?.extras).toEqual({ colour: 'red' });
    expect(session.calls?.[0]?.extras).toEqual({ seconded: 'Sam' });
    expect(session.timer?.extras).toEqual({ sound: 'gong' });
    expect(session.dots?.extras).toEqual({ colour: 'green' });
    expect(session.rescore).toEqual({
      initiativeId: 'data-lake',
      criterionId: 'value',
      extras: { reason: 'outlier' },
    });
    expect(session.outcome?.extras).toEqual({ approvedBy: 'Board' });

    const written = writePortfolio(read(file));
    const document = JSON.parse(written).workshops[0];
    expect(Object.keys(document).at(-1)).toBe('room');
    expect(Object.keys(document.participants[0])).toEqual(['id', 'name', 'role']);
    expect(Object.keys(document.scores[0]).at(-1)).toBe('confidence');
    expect(Object.keys(document.votes[0]).at(-1)).toBe('colour');
    expect(Object.keys(document.calls[0]).at(-1)).toBe('seconded');
    expect(Object.keys(document.timer)).toEqual(['per', 'seconds', 'sound']);
    expect(Object.keys(document.dots)).toEqual(['perPerson', 'weighted', 'maxPerItem', 'colour']);
    expect(Object.keys(document.rescore)).toEqual(['initiativeId', 'criterionId', 'reason']);
    expect(Object.keys(document.outcome).at(-1)).toBe('approvedBy');
    const again = readPortfolioText(written);
    expect(again.ok && writePortfolio(again.portfolio)).toBe(written);
  });
});

describe('writing a workshop session', () => {
  it('puts the known keys in order, at every level, after the decisions', () => {
    const reversed = (value: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(value).reverse());
    const file = withSession((session) => {
      session.rescore = { criterionId: 'value', initiativeId: 'data-lake' };
      session.turn = 0;
    });
    const session = file.workshops[0];
    file.workshops[0] = reversed({
      ...session,
      participants: session.participants.map(reversed),
      timer: reversed(session.timer),
      dots: reversed(session.dots),
      scores: session.scores.map(reversed),
      votes: session.votes.map(reversed),
      calls: session.calls.map(reversed),
      outcome: reversed(session.outcome),
    });
    file.retrospectives = [];
    const document = JSON.parse(writePortfolio(read(file)));
    expect(Object.keys(document).slice(-3)).toEqual(['decisions', 'workshops', 'retrospectives']);
    const written = document.workshops[0];
    expect(Object.keys(written)).toEqual([
      'id',
      'title',
      'purpose',
      'date',
      'facilitator',
      'participants',
      'initiatives',
      'criteria',
      'timer',
      'dots',
      'scenarioId',
      'stage',
      'turn',
      'round',
      'rescore',
      'scores',
      'votes',
      'calls',
      'notes',
      'outcome',
    ]);
    expect(Object.keys(written.participants[0])).toEqual(['id', 'name']);
    expect(Object.keys(written.timer)).toEqual(['per', 'seconds']);
    expect(Object.keys(written.dots)).toEqual(['perPerson', 'weighted', 'maxPerItem']);
    expect(Object.keys(written.rescore)).toEqual(['initiativeId', 'criterionId']);
    expect(Object.keys(written.scores[0])).toEqual([
      'participantId',
      'initiativeId',
      'criterionId',
      'value',
      'round',
    ]);
    expect(Object.keys(written.votes[0])).toEqual(['participantId', 'initiativeId', 'dots']);
    expect(Object.keys(written.calls[0])).toEqual(['initiativeId', 'criterionId', 'value', 'note']);
    expect(Object.keys(written.outcome)).toEqual([
      'scenarioId',
      'decisionId',
      'before',
      'after',
      'recordedAt',
    ]);
  });
});

describe('the shape of a workshop session', () => {
  it('needs an id, a title and a known stage, and names what is missing', () => {
    expect(problemsOf(withSessions({ id: ' ', title: '', stage: 'brainstorm' }))).toEqual([
      {
        path: 'workshops[0].id',
        message: 'expected a non-empty id',
        where: 'Workshop number 1, id',
      },
      {
        path: 'workshops[0].title',
        message: 'must not be empty',
        where: 'Workshop number 1, title',
      },
      {
        path: 'workshops[0].stage',
        message: 'expected one of setup, scoring, reveal, voting, votes, converge, done',
        where: 'Workshop number 1, stage',
      },
    ]);
    expect(problemsOf(withSessions({ id: 'ws-1' }))).toEqual([
      {
        path: 'workshops[0].title',
        message: 'is missing: expected text',
        where: 'Workshop ws-1, title',
      },
      {
        path: 'workshops[0].stage',
        message:
          'is missing: expected one of setup, scoring, reveal, voting, votes, converge, done',
        where: 'Workshop ws-1, stage',
      },
    ]);
  });

  it('keeps the text limits of names, long text and short text, and reads dates as dates', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.title = 'x'.repeat(201);
        session.purpose = 'y'.repeat(10_001);
        session.facilitator = 'z'.repeat(201);
        session.participants[1].name = ' ';
        session.calls[0].note = 'n'.repeat(10_001);
        session.notes = 'a\ud800';
        session.date = '2027-02-30';
        session.outcome.recordedAt = '2027-01-14';
      }),
    );
    expect(problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'workshops[0].title: is 201 characters long; at most 200 are allowed',
      'workshops[0].purpose: is 10,001 characters long; at most 10,000 are allowed',
      'workshops[0].date: expected a real date',
      'workshops[0].facilitator: is 201 characters long; at most 200 are allowed',
      'workshops[0].participants[1].name: must not be empty',
      'workshops[0].calls[0].note: is 10,001 characters long; at most 10,000 are allowed',
      'workshops[0].notes: contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again',
      'workshops[0].outcome.recordedAt: expected a date and time as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-04T10:15:00.000Z',
    ]);
  });

  it('takes a timer of 10 seconds to 2 hours, per item or per round', () => {
    for (const timer of [
      { per: 'item', seconds: 10 },
      { per: 'round', seconds: 7200 },
    ]) {
      expect(read(withSession((session) => (session.timer = timer))).workshops?.[0]?.timer).toEqual(
        timer,
      );
    }
    const messages = [
      { per: 'item', seconds: 9 },
      { per: 'item', seconds: 7201 },
      { per: 'item', seconds: 90.5 },
      { per: 'hour', seconds: 90 },
    ].map(
      (timer) =>
        problemsOf(withSession((session) => (session.timer = timer)))[0] as PortfolioProblem,
    );
    expect(messages).toEqual([
      {
        path: 'workshops[0].timer.seconds',
        message: 'expected a whole number of seconds from 10 to 7,200',
        where: `${WHERE}, timer, seconds`,
      },
      {
        path: 'workshops[0].timer.seconds',
        message: 'expected a whole number of seconds from 10 to 7,200',
        where: `${WHERE}, timer, seconds`,
      },
      {
        path: 'workshops[0].timer.seconds',
        message: 'expected a whole number of seconds from 10 to 7,200',
        where: `${WHERE}, timer, seconds`,
      },
      {
        path: 'workshops[0].timer.per',
        message: 'expected one of item, round',
        where: `${WHERE}, timer, per`,
      },
    ]);
  });

  it('takes 1 to 20 dots a person and on one initiative, and says whether they are weighted', () => {
    expect(
      problemsOf(
        withSession((session) => {
          session.dots = { perPerson: 21, weighted: 'yes', maxPerItem: 0 };
        }),
      ),
    ).toEqual([
      {
        path: 'workshops[0].dots.perPerson',
        message: 'expected a whole number of dots from 1 to 20',
        where: `${WHERE}, dot voting, per person`,
      },
      {
        path: 'workshops[0].dots.weighted',
        message: 'expected true or false, got the text "yes"',
        where: `${WHERE}, dot voting, weighted`,
      },
      {
        path: 'workshops[0].dots.maxPerItem',
        message: 'expected a whole number of dots from 1 to 20',
        where: `${WHERE}, dot voting, max per item`,
      },
    ]);
  });

  it('takes whole rounds from 1, turns from 0 and dots from 0, and scores from 0', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.turn = -1;
        session.round = 0;
        session.scores[4].round = 1.5;
        session.scores[5].value = -1;
        session.calls[0].value = 1e10;
        session.votes[0].dots = -1;
        session.votes[1].dots = 0.5;
      }),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].turn',
        message: 'expected a whole number, 0 or more',
        where: `${WHERE}, turn`,
      },
      {
        path: 'workshops[0].round',
        message: 'expected a whole number, 1 or more',
        where: `${WHERE}, round`,
      },
      {
        path: 'workshops[0].scores[4].round',
        message: 'expected a whole number, 1 or more',
        where: `${WHERE}, score 5, round`,
      },
      {
        path: 'workshops[0].scores[5].value',
        message: 'must not be negative',
        where: `${WHERE}, score 6, value`,
      },
      {
        path: 'workshops[0].votes[0].dots',
        message: 'expected a whole number of dots from 0 to 20',
        where: `${WHERE}, vote 1, dots`,
      },
      {
        path: 'workshops[0].votes[1].dots',
        message: 'expected a whole number of dots from 0 to 20',
        where: `${WHERE}, vote 2, dots`,
      },
      {
        path: 'workshops[0].calls[0].value',
        message: 'must be at most 1,000,000,000',
        where: `${WHERE}, call 1, value`,
      },
    ]);
  });

  it('needs ids where a session refers to something, naming the place in words', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.initiatives[1] = '';
        session.criteria[0] = 7;
        session.rescore = { criterionId: 'value' };
        session.outcome.after[1] = '';
        delete session.outcome.scenarioId;
      }),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].initiatives[1]',
        message: 'expected a non-empty id',
        where: `${WHERE}, initiative 2 of the session`,
      },
      {
        path: 'workshops[0].criteria[0]',
        message: 'expected text, got number 7',
        where: `${WHERE}, criterion 1 of the session`,
      },
      {
        path: 'workshops[0].rescore.initiativeId',
        message: 'is missing: expected text',
        where: `${WHERE}, re-score, initiative id`,
      },
      {
        path: 'workshops[0].outcome.scenarioId',
        message: 'is missing: expected text',
        where: `${WHERE}, outcome, scenario id`,
      },
      {
        path: 'workshops[0].outcome.after[1]',
        message: 'expected a non-empty id',
        where: `${WHERE}, outcome, place 2 of the ranking after`,
      },
    ]);
  });

  it(`refuses more than ${MAX_WORKSHOPS.toLocaleString('en-US')} sessions, with the count`, () => {
    const many = Array.from({ length: MAX_WORKSHOPS + 1 }, (_, n) => ({ ...SETUP, id: `ws-${n}` }));
    expect(problemsOf(withSessions(...many))).toEqual([
      {
        path: 'workshops',
        message: 'has 1,001 workshop sessions; at most 1,000 are allowed',
        where: 'Workshops',
      },
    ]);
    expect(read(withSessions(...many.slice(1))).workshops).toHaveLength(MAX_WORKSHOPS);
  });

  it('refuses a list that is not one, and parts that are not objects', () => {
    expect(problemsOf({ ...smallPortfolioFile(), workshops: { 'ws-1': SETUP } })).toEqual([
      { path: 'workshops', message: 'expected a list, got an object', where: 'Workshops' },
    ]);
    expect(
      problemsOf(withSessions({ ...SETUP, participants: ['Priya'], timer: 90 })).map(
        (problem) => `${problem.where}: ${problem.message}`,
      ),
    ).toEqual([
      'Workshop “Planning day”, participant 1: expected an object, got the text "Priya"',
      'Workshop “Planning day”, timer: expected an object, got number 90',
    ]);
  });

  it('names a session by its title in quotes, else its id, else its place in the list', () => {
    const problems = problemsOf(
      withSessions(
        { ...SETUP, date: '2027-02-30' },
        { id: 'ws-2', title: ' ', stage: 'setup' },
        { title: 7, stage: 'setup' },
      ),
    );
    expect(problems.map((problem) => problem.where)).toEqual([
      'Workshop “Planning day”, date',
      'Workshop ws-2, title',
      'Workshop number 3, id',
      'Workshop number 3, title',
    ]);
  });
});

describe('the rules of a workshop session', () => {
  it('refuses a session id used twice', () => {
    expect(problemsOf(withSessions(SETUP, { ...SETUP, title: 'Again' }))).toEqual([
      {
        path: 'workshops[1].id',
        message: 'workshop id "ws-1" is used more than once; ids must be unique',
        where: 'Workshop “Again”, id',
      },
    ]);
  });

  it('refuses a participant id used twice in a session, and takes it in another session', () => {
    const file = withSession((session) => (session.participants[2].id = 'p1'));
    file.workshops.push({ ...SETUP, participants: [{ id: 'p1', name: 'Ana' }] });
    const problems = problemsOf(file);
    expect(problems[0]).toEqual({
      path: 'workshops[0].participants[2].id',
      message: 'participant id "p1" is used more than once; ids must be unique',
      where: `${WHERE}, participant 3, id`,
    });
    expect(problems.filter((problem) => problem.path.startsWith('workshops[1]'))).toEqual([]);
  });

  it('refuses an initiative or a criterion listed twice', () => {
    expect(
      problemsOf(
        withSession((session) => {
          session.initiatives.push('crm-revamp');
          session.criteria.push('urgency');
        }),
      ),
    ).toEqual([
      {
        path: 'workshops[0].initiatives[3]',
        message: 'initiative "crm-revamp" is listed twice',
        where: `${WHERE}, initiative 4 of the session`,
      },
      {
        path: 'workshops[0].criteria[2]',
        message: 'criterion "urgency" is listed twice',
        where: `${WHERE}, criterion 3 of the session`,
      },
    ]);
  });

  it('needs a participant, an initiative and a criterion once past set-up, not before', () => {
    expect(read(withSessions(SETUP)).workshops).toHaveLength(1);
    expect(problemsOf(withSessions({ ...SETUP, stage: 'scoring' }))).toEqual([
      {
        path: 'workshops[0].participants',
        message: 'needs at least one participant once the session is past set-up',
        where: 'Workshop “Planning day”, participants',
      },
      {
        path: 'workshops[0].initiatives',
        message: 'needs at least one initiative once the session is past set-up',
        where: 'Workshop “Planning day”, initiatives',
      },
      {
        path: 'workshops[0].criteria',
        message: 'needs at least one criterion once the session is past set-up',
        where: 'Workshop “Planning day”, criteria',
      },
    ]);
  });

  it('refuses a score, a vote or a call of someone or something not in the session', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.scores[0].participantId = 'p9';
        session.scores[1].initiativeId = 'nps';
        session.scores[2].criterionId = 'risk';
        session.votes[0].participantId = 'facilitator';
        session.votes[1].initiativeId = 'nps';
        session.calls[0].initiativeId = 'nps';
        session.calls[0].criterionId = 'risk';
      }),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].scores[0].participantId',
        message: 'participant "p9" is not one of the session\'s participants',
        where: `${WHERE}, score 1, participant id`,
      },
      {
        path: 'workshops[0].scores[1].initiativeId',
        message: 'initiative "nps" is not one of the session\'s initiatives',
        where: `${WHERE}, score 2, initiative id`,
      },
      {
        path: 'workshops[0].scores[2].criterionId',
        message: 'criterion "risk" is not one of the session\'s criteria',
        where: `${WHERE}, score 3, criterion id`,
      },
      {
        path: 'workshops[0].votes[0].participantId',
        message: 'participant "facilitator" is not one of the session\'s participants',
        where: `${WHERE}, vote 1, participant id`,
      },
      {
        path: 'workshops[0].votes[1].initiativeId',
        message: 'initiative "nps" is not one of the session\'s initiatives',
        where: `${WHERE}, vote 2, initiative id`,
      },
      {
        path: 'workshops[0].calls[0].initiativeId',
        message: 'initiative "nps" is not one of the session\'s initiatives',
        where: `${WHERE}, call 1, initiative id`,
      },
      {
        path: 'workshops[0].calls[0].criterionId',
        message: 'criterion "risk" is not one of the session\'s criteria',
        where: `${WHERE}, call 1, criterion id`,
      },
    ]);
  });

  it('refuses a score or a call off its criterion’s scale in the scoring model', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.stage = 'converge';
        session.scores[0].value = 11; // Business value, 1–10
        session.scores[1].value = 4; // Urgency, modified Fibonacci
        session.calls[0].value = 7;
      }),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].scores[0].value',
        message: "must be from 1 to 10 on the Weighted criteria model's scale",
        where: `${WHERE}, score 1, value`,
      },
      {
        path: 'workshops[0].scores[1].value',
        message:
          "must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the Weighted criteria model's scale",
        where: `${WHERE}, score 2, value`,
      },
      {
        path: 'workshops[0].calls[0].value',
        message:
          "must be one of 1, 2, 3, 5, 8, 13, 20 (modified Fibonacci) on the Weighted criteria model's scale",
        where: `${WHERE}, call 1, value`,
      },
    ]);
  });

  it('refuses two participants of one name, a finished pass by no participant, and voting without dots', () => {
    const problems = problemsOf(
      withSession((session) => {
        session.participants[1].name = session.participants[0].name;
        session.finished = ['p1', 'nobody', 'p1'];
        session.stage = 'voting';
        delete session.dots;
        delete session.votes;
      }),
    );
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual(
      expect.arrayContaining([
        [
          'workshops[0].participants[1].name',
          '"Priya" takes part twice; give each participant a name of their own',
        ],
        [
          'workshops[0].finished[1]',
          'participant "nobody" is not one of the session\'s participants',
        ],
        ['workshops[0].finished[2]', 'participant "p1" is listed twice as finished'],
        ['workshops[0].stage', 'is "voting", but the session has no dot vote (dots)'],
      ]),
    );
  });

  it('keeps a finished session’s scores when the scale changed since', () => {
    const file = withSession((session) => {
      session.scores[0].value = 11; // Business value, now 1–10; scored before on 0–100
    });
    expect(read(file).workshops?.[0]?.scores?.[0]?.value).toBe(11);
  });

  it('takes any score on a criterion the scoring model no longer has', () => {
    const file = withSession((session) => {
      session.criteria.push('reach');
      session.scores.push({
        participantId: 'p1',
        initiativeId: 'crm-revamp',
        criterionId: 'reach',
        value: 5000,
        round: 1,
      });
    });
    expect(read(file).workshops?.[0]?.scores).toHaveLength(22);
  });

  it('refuses a second score of one participant, initiative and criterion in one round', () => {
    const problems = problemsOf(
      withSession((session) => session.scores.push({ ...session.scores[0], value: 7 })),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].scores[21]',
        message:
          'a second score by participant "p1" of initiative "crm-revamp" on criterion "value" in round 1; give one score per participant, initiative, criterion and round',
        where: `${WHERE}, score 22`,
      },
    ]);
  });

  it('refuses a round earlier than the latest scored, counting a missing round as 1', () => {
    expect(problemsOf(withSession((session) => (session.round = 1)))).toEqual([
      {
        path: 'workshops[0].round',
        message: 'the session is at round 1, but has scores of round 2',
        where: `${WHERE}, round`,
      },
    ]);
    expect(problemsOf(withSession((session) => delete session.round))[0]?.message).toBe(
      'the session is at round 1, but has scores of round 2',
    );
    expect(read(withSession((session) => (session.round = 3))).workshops?.[0]?.round).toBe(3);
  });

  it('refuses a turn past the last participant', () => {
    expect(read(withSession((session) => (session.turn = 2))).workshops?.[0]?.turn).toBe(2);
    expect(problemsOf(withSession((session) => (session.turn = 3)))).toEqual([
      {
        path: 'workshops[0].turn',
        message: 'points to participant 4, but the session has only 3 participants',
        where: `${WHERE}, turn`,
      },
    ]);
    expect(problemsOf(withSessions({ ...SETUP, turn: 0 }))[0]?.message).toBe(
      'points to participant 1, but the session has no participants',
    );
  });

  it('refuses a re-score of an initiative or a criterion not in the session', () => {
    const rescore = (value: Record<string, unknown>) =>
      withSession((session) => {
        session.stage = 'scoring';
        session.rescore = value;
      });
    expect(read(rescore({ initiativeId: 'data-lake' })).workshops?.[0]?.rescore).toEqual({
      initiativeId: 'data-lake',
    });
    expect(problemsOf(rescore({ initiativeId: 'nps', criterionId: 'risk' }))).toEqual([
      {
        path: 'workshops[0].rescore.initiativeId',
        message: 'initiative "nps" is not one of the session\'s initiatives',
        where: `${WHERE}, re-score, initiative id`,
      },
      {
        path: 'workshops[0].rescore.criterionId',
        message: 'criterion "risk" is not one of the session\'s criteria',
        where: `${WHERE}, re-score, criterion id`,
      },
    ]);
  });

  describe('dots', () => {
    /** The fixture with unweighted dots and these votes. */
    const voting = (dots: Record<string, unknown>, votes: [string, string, number][]) =>
      withSession((session) => {
        session.dots = dots;
        session.votes = votes.map(([participantId, initiativeId, count]) => ({
          participantId,
          initiativeId,
          dots: count,
        }));
      });

    it('takes up to the allowance a person and an initiative, fewer too', () => {
      const file = voting({ perPerson: 3, weighted: false, maxPerItem: 2 }, [
        ['p1', 'crm-revamp', 2],
        ['p1', 'data-lake', 1],
        ['p2', 'self-service', 1],
        ['p3', 'data-lake', 0],
      ]);
      expect(read(file).workshops?.[0]?.votes).toHaveLength(4);
    });

    it('refuses more dots than a person has, once, at the vote that goes over', () => {
      const problems = problemsOf(
        voting({ perPerson: 3, weighted: false, maxPerItem: 3 }, [
          ['p1', 'crm-revamp', 2],
          ['p2', 'crm-revamp', 3],
          ['p1', 'data-lake', 2],
          ['p1', 'self-service', 1],
        ]),
      );
      expect(problems).toEqual([
        {
          path: 'workshops[0].votes[2].dots',
          message: 'brings participant "p1" to 4 dots; each participant has 3',
          where: `${WHERE}, vote 3, dots`,
        },
      ]);
    });

    it('refuses more dots on one initiative than allowed, over one vote or several', () => {
      const problems = problemsOf(
        voting({ perPerson: 5, weighted: false, maxPerItem: 2 }, [
          ['p1', 'crm-revamp', 3],
          ['p2', 'data-lake', 2],
          ['p2', 'data-lake', 1],
        ]),
      );
      expect(problems).toEqual([
        {
          path: 'workshops[0].votes[0].dots',
          message:
            'brings participant "p1" to 3 dots on initiative "crm-revamp"; at most 2 may go on one initiative',
          where: `${WHERE}, vote 1, dots`,
        },
        {
          path: 'workshops[0].votes[2].dots',
          message:
            'brings participant "p2" to 3 dots on initiative "data-lake"; at most 2 may go on one initiative',
          where: `${WHERE}, vote 3, dots`,
        },
      ]);
    });

    it('refuses a weighted vote of other than one dot', () => {
      const problems = problemsOf(
        voting({ perPerson: 3, weighted: true, maxPerItem: 3 }, [
          ['p1', 'crm-revamp', 2],
          ['p2', 'crm-revamp', 0],
        ]),
      );
      expect(problems).toEqual([
        {
          path: 'workshops[0].votes[0].dots',
          message:
            'must be 1: in weighted voting each dot is a vote of its own, counted by the order it was placed',
          where: `${WHERE}, vote 1, dots`,
        },
        {
          path: 'workshops[0].votes[1].dots',
          message:
            'must be 1: in weighted voting each dot is a vote of its own, counted by the order it was placed',
          where: `${WHERE}, vote 2, dots`,
        },
      ]);
    });
  });

  it('refuses a second call on one initiative and criterion', () => {
    const problems = problemsOf(
      withSession((session) => session.calls.push({ ...session.calls[0], note: 'Again.' })),
    );
    expect(problems).toEqual([
      {
        path: 'workshops[0].calls[1]',
        message:
          'a second call on initiative "self-service" for criterion "urgency"; give one call per initiative and criterion',
        where: `${WHERE}, call 2`,
      },
    ]);
  });

  it('needs nothing a session was about to exist any more: initiatives, scenarios, decisions', () => {
    const file = withSession((session) => {
      session.initiatives.push('cancelled-work');
      session.scenarioId = 'deleted-scenario';
      session.outcome = {
        scenarioId: 'deleted-scenario',
        decisionId: 'deleted-decision',
        before: ['cancelled-work'],
        after: ['cancelled-work'],
      };
      session.scores.push({
        participantId: 'p1',
        initiativeId: 'cancelled-work',
        criterionId: 'value',
        value: 3,
        round: 1,
      });
    });
    expect(read(file).workshops?.[0]?.scenarioId).toBe('deleted-scenario');
  });

  it('reports the shape problem of a session and the rule problems of the others together', () => {
    const file = withSession((session) => (session.participants[1].name = ''));
    file.workshops.push({ ...SETUP, id: 'ws-q1', date: '2027-02-30' });
    file.workshops.push({
      ...SETUP,
      id: 'ws-3',
      participants: [
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ],
    });
    expect(problemsOf(file).map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'workshops[0].participants[1].name: must not be empty',
      'workshops[1].date: expected a real date',
      'workshops[1].id: workshop id "ws-q1" is used more than once; ids must be unique',
      'workshops[2].participants[1].id: participant id "a" is used more than once; ids must be unique',
    ]);
  });

  it('does not report what a session refers to when the inside of the session is of the wrong shape', () => {
    // The participants are unreadable; their scores and votes are not reported as strangers.
    const file = withSession((session) => {
      session.participants[0].id = 5;
      session.votes[0].dots = 'three';
    });
    expect(problemsOf(file).map((problem) => problem.path)).toEqual([
      'workshops[0].participants[0].id',
      'workshops[0].votes[0].dots',
    ]);
  });
});

describe('a workshop session checked on its own', () => {
  const portfolio = read(sessionFile());
  const session = portfolio.workshops?.[0] as Workshop;

  it('finds nothing wrong with the session, its extras written out', () => {
    expect(checkRecord('workshops', session)).toEqual([]);
    expect(
      checkRecord('workshops', {
        ...session,
        extras: { room: 'Atrium' },
        participants: [{ id: 'p1', name: 'Priya', extras: { role: 'Product' } }],
      }),
    ).toEqual([]);
  });

  it('gives exactly the reader’s shape problems, in the same words', () => {
    const bad = {
      ...session,
      timer: { per: 'item' as const, seconds: 3 },
      votes: [{ participantId: 'p1', initiativeId: 'crm-revamp', dots: 1.5 }],
    };
    const expected = [
      {
        path: 'workshops[0].timer.seconds',
        message: 'expected a whole number of seconds from 10 to 7,200',
        where: `${WHERE}, timer, seconds`,
      },
      {
        path: 'workshops[0].votes[0].dots',
        message: 'expected a whole number of dots from 0 to 20',
        where: `${WHERE}, vote 1, dots`,
      },
    ];
    expect(checkRecord('workshops', bad, { index: 0, portfolio })).toEqual(expected);
    expect(problemsOf(portfolioToDocument({ ...portfolio, workshops: [bad] }))).toEqual(expected);
    expect(checkRecord('workshops', bad).map((problem) => problem.path)).toEqual([
      'timer.seconds',
      'votes[0].dots',
    ]);
  });
});

describe('the quick check of an edit of a session', () => {
  const state = stateOf(read(sessionFile()));
  const record = state.workshops[0] as PortfolioState['workshops'][number];

  function both(after: object) {
    const changes = [change('workshops', record.id, record, after)];
    const next = applyChanges(state, changes);
    return { quick: problemsAfter(next, changes), full: storeProblemsOf(next) };
  }

  it('accepts a change of the fields no rule reads', () => {
    expect(both({ ...record, title: 'Q1 prioritization (final)', notes: 'Done.' })).toEqual({
      quick: [],
      full: [],
    });
  });

  it('refuses what the reader refuses, with the same message', () => {
    const votes = [
      ...(record.votes ?? []),
      { participantId: 'p1', initiativeId: 'data-lake', dots: 1 },
    ];
    const { quick, full } = both({ ...record, votes });
    const message = 'brings participant "p1" to 4 dots; each participant has 3';
    expect(quick.map((problem) => problem.message)).toEqual([message]);
    expect(full.map((problem) => problem.message)).toEqual([message]);
  });

  it(`refuses a session more than ${MAX_WORKSHOPS.toLocaleString('en-US')}, as the reader does`, () => {
    const many = Array.from({ length: MAX_WORKSHOPS }, (_, n) => ({
      id: `ws-${n}`,
      title: 'Planning day',
      participants: [],
      initiatives: [],
      criteria: [],
      stage: 'setup' as const,
      order: `a${n}`,
    }));
    const full = { ...state, workshops: [...state.workshops, ...many] };
    const added = many[0] as (typeof many)[number];
    const changes = [change('workshops', added.id, undefined, added)];
    expect(problemsAfter(full, changes).map((problem) => problem.message)).toEqual([
      'has 1,001 workshop sessions; at most 1,000 are allowed',
    ]);
  });
});
