/** Files made to break a reader: broken text, `__proto__`, very long chains, very deep nesting. */
import { describe, expect, it } from 'vitest';
import { cutlineCommand, validateCommand } from '../../../shared/cli/commands';
import { MAX_NESTING_DEPTH } from '../../../shared/portfolio/limits';
import {
  readPortfolioText,
  restorePortfolio,
  type PortfolioProblem,
} from '../../../shared/portfolio/restore';
import type { Portfolio } from '../../../shared/portfolio/types';
import { writePortfolio } from '../../../shared/portfolio/write';
import { smallPortfolioFile } from './fixtures';

function problemsOf(file: unknown): readonly PortfolioProblem[] {
  const result = restorePortfolio(file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

function read(text: string): Portfolio {
  const result = readPortfolioText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio;
}

const minimal = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'baton-portfolio', version: 1, name: 'Hostile', ...fields });

describe('text that is not well formed', () => {
  it('refuses an id with half a surrogate pair, naming the place', () => {
    const file = smallPortfolioFile();
    file.initiatives[2].id = 'crm-buy\ud800';
    file.initiatives[0].excludes = [];
    const problems = problemsOf(file);
    expect(problems).toContainEqual({
      path: 'initiatives[2].id',
      message:
        'contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again',
      where: 'Initiative CRM buy, id',
    });
  });

  it('refuses a broken name, a lone low surrogate and a broken reference alike', () => {
    const file = smallPortfolioFile();
    file.teams[0].name = 'Plat\udc00form';
    file.initiatives[1].dependsOn = ['x\ud83d'];
    const paths = problemsOf(file).map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['teams[0].name', 'initiatives[1].dependsOn[0]']));
  });

  it('accepts characters outside the basic plane written as a proper pair', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].name = 'Rocket 🚀 launch';
    expect(restorePortfolio(file).ok).toBe(true);
  });
});

describe('keys named __proto__', () => {
  it('checks the values of a __proto__ key like any other', () => {
    const problems = problemsOf(
      JSON.parse(
        minimal({
          periods: [{ id: 'p1' }],
          teams: [{ id: 't' }],
          budget: JSON.parse('{"__proto__": -5}'),
          initiatives: [{ id: 'a', demand: JSON.parse('{"__proto__": "lots"}') }],
        }),
      ),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'budget.__proto__', message: 'must not be negative' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'initiatives[0].demand.__proto__',
        message: 'expected a list, got the text "lots"',
      }),
    );
  });

  it('keeps unknown __proto__ keys on export, at the top and in an entry', () => {
    const text =
      '{"format":"baton-portfolio","version":1,"name":"P","__proto__":{"polluted":true},' +
      '"initiatives":[{"id":"a","__proto__":[1,2]}]}';
    const portfolio = read(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const written = writePortfolio(portfolio);
    expect(written).toContain('"__proto__": {\n    "polluted": true\n  }');
    const document = JSON.parse(written) as { initiatives: Record<string, unknown>[] };
    expect(Object.hasOwn(document.initiatives[0] as object, '__proto__')).toBe(true);
    expect(writePortfolio(read(written))).toBe(written);
  });

  it('gives a team and a period with the id __proto__ their capacity, so the cut line is right', () => {
    const text = minimal({
      periods: [{ id: '__proto__', label: 'First' }, { id: 'constructor' }],
      teams: [{ id: '__proto__', name: 'Odd team', capacity: JSON.parse('{"__proto__": 5}') }],
      budget: JSON.parse('{"__proto__": 100}'),
      initiatives: [
        { id: 'a', demand: JSON.parse('{"__proto__": [4]}'), spend: [80] },
        { id: 'b', demand: JSON.parse('{"__proto__": [0, 3]}') },
      ],
    });
    const portfolio = read(text);
    const team = portfolio.teams[0];
    expect(team?.capacity.__proto__).toBe(5);
    // A period missing from the record reads as nothing, not as a built-in of every object.
    expect(team?.capacity.constructor).toBeUndefined();
    expect(portfolio.budget?.__proto__).toBe(100);
    const cutline = cutlineCommand('odd.json', text);
    expect(cutline.code).toBe(0);
    // The team's 5 in the first period fit a; the second period has no capacity, so b waits.
    expect(JSON.parse(cutline.stdout)).toEqual({
      above: [{ id: 'a', start: '__proto__' }],
      below: [{ id: 'b', reason: 'Odd team is 3 short in constructor' }],
    });
  });
});

describe('the decision log', () => {
  const decision = (id: string, more: Record<string, unknown> = {}) => ({
    id,
    date: '2027-01-12',
    kind: 'review',
    title: `Decision ${id}`,
    decision: 'Go on.',
    ...more,
  });

  it('keeps a __proto__ key of a decision and of a concern, and takes ids named like built-ins', () => {
    const text = minimal({
      decisions: [
        JSON.parse(
          '{"id":"__proto__","date":"2027-01-12","kind":"gate","title":"G","decision":"Go.","__proto__":{"polluted":true}}',
        ),
        decision('constructor', {
          supersedes: '__proto__',
          concerns: [JSON.parse('{"kind":"initiative","id":"toString","__proto__":[1]}')],
        }),
      ],
    });
    const portfolio = read(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(portfolio.decisions?.[1]?.supersedes).toBe('__proto__');
    const written = writePortfolio(portfolio);
    const document = JSON.parse(written) as { decisions: Record<string, unknown>[] };
    expect(Object.hasOwn(document.decisions[0] as object, '__proto__')).toBe(true);
    expect(writePortfolio(read(written))).toBe(written);
  });

  it('refuses a broken character in a title, naming the decision by its id', () => {
    expect(
      problemsOf(JSON.parse(minimal({ decisions: [decision('d1', { title: 'Gate\udc00' })] }))),
    ).toContainEqual({
      path: 'decisions[0].title',
      message:
        'contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again',
      where: 'Decision d1, title',
    });
  });

  it('reads a chain of 10,000 amendments, and names a fork at its end', () => {
    const count = 10_000;
    const decisions = Array.from({ length: count }, (_, n) =>
      decision(`d${n}`, n > 0 ? { supersedes: `d${n - 1}` } : {}),
    );
    expect(validateCommand('log.json', minimal({ decisions })).code).toBe(0);
    decisions[count - 1] = decision(`d${count - 1}`, { supersedes: 'd0' });
    expect(problemsOf(JSON.parse(minimal({ decisions })))).toEqual([
      expect.objectContaining({
        path: `decisions[${count - 1}].supersedes`,
        message: `decision "d0" is already superseded by "d1"; supersede the latest decision of that chain, "d${count - 2}"`,
      }),
    ]);
  });
});

describe('workshop sessions', () => {
  const session = (more: Record<string, unknown> = {}) => ({
    id: 'ws-1',
    title: 'Planning day',
    participants: [{ id: 'p1', name: 'Priya' }],
    initiatives: ['a'],
    criteria: ['c'],
    stage: 'scoring',
    ...more,
  });

  it('keeps __proto__ keys of a session and of its parts, and takes ids named like built-ins', () => {
    const text = minimal({
      initiatives: [{ id: 'toString' }],
      workshops: [
        JSON.parse(
          '{"id":"__proto__","title":"W","stage":"scoring","__proto__":{"polluted":true},' +
            '"participants":[{"id":"constructor","name":"C","__proto__":[1]},{"id":"__proto__","name":"P"}],' +
            '"initiatives":["toString","valueOf"],"criteria":["hasOwnProperty"],' +
            '"timer":{"per":"item","seconds":60,"__proto__":{"x":1}},' +
            '"scores":[{"participantId":"__proto__","initiativeId":"valueOf","criterionId":"hasOwnProperty","value":3,"round":1,"__proto__":2}],' +
            '"outcome":{"scenarioId":"constructor","before":[],"after":["toString"],"__proto__":"o"}}',
        ),
      ],
    });
    const portfolio = read(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(portfolio.workshops?.[0]?.participants.map((participant) => participant.id)).toEqual([
      'constructor',
      '__proto__',
    ]);
    const written = writePortfolio(portfolio);
    const written0 = (JSON.parse(written) as { workshops: Record<string, object>[] })
      .workshops[0] as Record<string, object>;
    for (const part of [written0, written0.timer, written0.outcome]) {
      expect(Object.hasOwn(part as object, '__proto__')).toBe(true);
    }
    expect(writePortfolio(read(written))).toBe(written);
  });

  it('does not take a participant named like a built-in for one of the session', () => {
    const problems = problemsOf(
      JSON.parse(
        minimal({
          workshops: [
            session({
              scores: [
                {
                  participantId: 'toString',
                  initiativeId: 'a',
                  criterionId: 'c',
                  value: 1,
                  round: 1,
                },
              ],
              votes: [{ participantId: '__proto__', initiativeId: 'constructor', dots: 1 }],
            }),
          ],
        }),
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'participant "toString" is not one of the session\'s participants',
      'participant "__proto__" is not one of the session\'s participants',
      'initiative "constructor" is not one of the session\'s initiatives',
    ]);
  });

  it('refuses a broken character in a participant name, naming the session and the participant', () => {
    expect(
      problemsOf(
        JSON.parse(
          minimal({ workshops: [session({ participants: [{ id: 'p1', name: 'Pri\udc00ya' }] })] }),
        ),
      ),
    ).toEqual([
      {
        path: 'workshops[0].participants[0].name',
        message:
          'contains a broken character (half of a surrogate pair); retype it or save the file as UTF-8 again',
        where: 'Workshop “Planning day”, participant 1, name',
      },
    ]);
  });

  it('reads a session of 40 people scoring 25 initiatives on 10 criteria, and names a repeat at its end', () => {
    const people = Array.from({ length: 40 }, (_, n) => ({ id: `p${n}`, name: `Person ${n}` }));
    const initiatives = Array.from({ length: 25 }, (_, n) => `i${n}`);
    const criteria = Array.from({ length: 10 }, (_, n) => `c${n}`);
    const scores = people.flatMap((person) =>
      initiatives.flatMap((initiativeId) =>
        criteria.map((criterionId) => ({
          participantId: person.id,
          initiativeId,
          criterionId,
          value: 5,
          round: 1,
        })),
      ),
    );
    const big = session({ participants: people, initiatives, criteria, scores });
    expect(validateCommand('big.json', minimal({ workshops: [big] })).code).toBe(0);
    scores.push({ ...(scores[0] as (typeof scores)[number]) });
    expect(problemsOf(JSON.parse(minimal({ workshops: [big] })))).toEqual([
      expect.objectContaining({
        path: 'workshops[0].scores[10000]',
        message:
          'a second score by participant "p0" of initiative "i0" on criterion "c0" in round 1; give one score per participant, initiative, criterion and round',
      }),
    ]);
  });

  it('refuses an unknown key of a score nested too deep, with the path', () => {
    // The top object is level 1 and a score level 5: its unknown key may nest 59 more.
    const withExtra = (levels: number) =>
      minimal({
        workshops: [
          session({
            scores: [
              {
                participantId: 'p1',
                initiativeId: 'a',
                criterionId: 'c',
                value: 1,
                round: 1,
                deep: JSON.parse(nested(levels)),
              },
            ],
          }),
        ],
      });
    expect(readPortfolioText(withExtra(MAX_NESTING_DEPTH - 5)).ok).toBe(true);
    const result = readPortfolioText(withExtra(MAX_NESTING_DEPTH - 4));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe(
      `workshops[0].scores[0].deep${'.x'.repeat(MAX_NESTING_DEPTH - 5)}`,
    );
    expect(result.errors[0]?.where).toMatch(/^Workshop “Planning day”, score 1, deep\.x/);
  });
});

describe('long chains and deep trees', () => {
  it('reads a 5,000-long dependency chain listed last first', () => {
    const count = 5000;
    const initiatives = Array.from({ length: count }, (_, index) => {
      const n = count - index;
      return { id: `i${n}`, ...(n > 1 && { dependsOn: [`i${n - 1}`] }) };
    });
    const output = validateCommand('chain.json', minimal({ initiatives }));
    expect(output.stderr).toBe('');
    expect(output.code).toBe(0);
  });

  it('reads a strategy tree 5,000 objectives deep', () => {
    const objectives = Array.from({ length: 5000 }, (_, index) => ({
      id: `o${index}`,
      parentId: index === 0 ? null : `o${index - 1}`,
    }));
    expect(validateCommand('tree.json', minimal({ objectives })).code).toBe(0);
  });

  it('names a cycle of 100,000 initiatives as a cycle, shortened', () => {
    const count = 100_000;
    const initiatives = Array.from({ length: count }, (_, index) => ({
      id: `i${index}`,
      dependsOn: [`i${(index + 1) % count}`],
    }));
    const problems = problemsOf(JSON.parse(minimal({ initiatives })));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('initiatives[0].dependsOn');
    expect(problems[0]?.message).toBe(
      'dependencies form a cycle: i0 → i1 → i2 → i3 → i4 → i5 → i6 → i7 → … (100,000 in the cycle) → i0',
    );
  });

  it('names a cycle in a 5,000-deep strategy tree', () => {
    const objectives = Array.from({ length: 5000 }, (_, index) => ({
      id: `o${index}`,
      parentId: `o${(index + 1) % 5000}`,
    }));
    const problems = problemsOf(JSON.parse(minimal({ objectives })));
    expect(problems[0]?.message).toMatch(/^the strategy tree has a cycle: o0 → o1 → /);
  });
});

/** An unknown value nested `levels` deep: `{"x":{"x":…1…}}`. */
function nested(levels: number): string {
  return `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('nesting', () => {
  // The top object is level 1 and an initiative level 3: its unknown key may nest 61 more.
  const withExtra = (levels: number) =>
    `{"format":"baton-portfolio","version":1,"name":"Deep","initiatives":[{"id":"a","deep":${nested(levels)}}]}`;

  it(`reads and writes unknown keys nested up to ${MAX_NESTING_DEPTH} levels from the top`, () => {
    const portfolio = read(withExtra(MAX_NESTING_DEPTH - 3));
    const written = writePortfolio(portfolio);
    expect(writePortfolio(read(written))).toBe(written);
  });

  it('refuses one level more, with the path', () => {
    const result = readPortfolioText(withExtra(MAX_NESTING_DEPTH - 2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toBe(
      'nests objects and lists more than 64 levels deep; Baton reads at most 64',
    );
    expect(result.errors[0]?.path).toBe(`initiatives[0].deep${'.x'.repeat(MAX_NESTING_DEPTH - 3)}`);
    expect(result.errors[0]?.where).toMatch(/^Initiative a, deep, x\.x\.x/);
  });

  it('refuses 5,000 and 1,000,000 levels without overflowing, naming the level', () => {
    for (const levels of [5000, 1_000_000]) {
      const result = readPortfolioText(
        `{"format":"baton-portfolio","version":1,"name":"Deep","x":${'['.repeat(levels)}${']'.repeat(levels)}}`,
      );
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors[0]?.message).toContain('more than 64 levels deep');
    }
  });

  it('says where text nests too deep even when it is not valid JSON either', () => {
    const result = readPortfolioText(`{"x":\n${'['.repeat(100)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toBe(
      'not valid JSON at line 2, column 64: objects and lists nested more than 64 levels deep; Baton reads at most 64',
    );
  });
});

describe('a key named extras', () => {
  it('survives in an objective link and a measure actual, export after import', () => {
    const file = smallPortfolioFile();
    file.initiatives[0].objectives[0].extras = 'scalar';
    file.objectives[1].measures[0].actuals[0].extras = { note: 'audited' };
    file.initiatives[1].extras = 'at the initiative';
    const written = writePortfolio(read(JSON.stringify(file)));
    const document = JSON.parse(written);
    expect(document.initiatives[0].objectives[0]).toEqual({
      id: 'grow-smb',
      contribution: 3,
      extras: 'scalar',
    });
    expect(document.objectives[1].measures[0].actuals[0]).toEqual({
      date: '2027-03-31',
      value: 4300000,
      extras: { note: 'audited' },
    });
    expect(document.initiatives[1].extras).toBe('at the initiative');
    expect(writePortfolio(read(written))).toBe(written);
  });
});

describe('messages', () => {
  const messageOf = (text: string) => {
    const result = readPortfolioText(text);
    if (result.ok) throw new Error('expected the text to be refused');
    return result.errors[0]?.message;
  };

  it('gives the line and column of a bare NaN and of a stray bracket', () => {
    expect(messageOf('{\n  "format": "baton-portfolio",\n  "version": NaN\n}')).toBe(
      'not valid JSON at line 3, column 14: NaN is not a JSON number; write a number or null',
    );
    expect(messageOf('{"a": [1, 2,]}')).toBe(
      'not valid JSON at line 1, column 13: a comma with no value after it',
    );
    expect(messageOf('{"a": 1}\n}')).toBe(
      'not valid JSON at line 2, column 1: more text after the end of the JSON document',
    );
  });

  it('says a number too large to store is out of range, not that a number is not a number', () => {
    const file = smallPortfolioFile();
    const text = JSON.stringify(file).replace('"value":120', '"value":-1e309');
    const result = readPortfolioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      path: 'initiatives[0].value',
      message: 'is out of range: the number is too large to be stored',
      where: 'Initiative CRM revamp, value',
    });
  });

  it('names UTF-16 text that lost its byte-order mark', () => {
    expect(messageOf('{\u0000"\u0000')).toBe(
      'UTF-16 text (little-endian), not UTF-8; save the file as UTF-8 and open it again',
    );
    expect(messageOf('\u0000{\u0000"')).toBe(
      'UTF-16 text (big-endian), not UTF-8; save the file as UTF-8 and open it again',
    );
  });

  it('explains a huge demand by the limit, not by an infinite shortfall', () => {
    const file = smallPortfolioFile();
    file.initiatives[1].demand.platform = [1.7e308];
    expect(problemsOf(file)).toContainEqual({
      path: 'initiatives[1].demand.platform[0]',
      message: 'must be at most 1,000,000',
      where: 'Initiative Data lake, demand of Platform in its 1st active period',
    });
  });
});
