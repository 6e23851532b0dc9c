import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationHours,
  isMsProjectXml,
  msProjectDraft,
} from '../../../../shared/exchange/import/msproject';
import { mergeDraft } from '../../../../shared/exchange/import/merge';
import type { ImportDraft } from '../../../../shared/exchange/import/types';
import { emptyPortfolio } from '../../../../shared/portfolio/empty';
import type { Portfolio } from '../../../../shared/portfolio/types';

const RELAUNCH = readFileSync(
  fileURLToPath(new URL('../../../fixtures/import/msproject-relaunch.xml', import.meta.url)),
  'utf8',
);

/** Six quarters, 2027-Q1 to 2028-Q2, in FTE; no teams. */
const PORTFOLIO: Portfolio = emptyPortfolio('2026-11-20', 'Acme');

function draftOf(text: string, portfolio: Portfolio = PORTFOLIO): ImportDraft {
  const result = msProjectDraft(text, portfolio);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.draft;
}

/** A small MSPDI file around the given tasks, resources and assignments. */
function mspdi(tasks: string, rest = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks>${tasks}</Tasks>${rest}</Project>`;
}

describe('isMsProjectXml', () => {
  it('knows MSPDI by its <Project> root', () => {
    expect(isMsProjectXml(RELAUNCH)).toBe(true);
    expect(isMsProjectXml('\uFEFF<Project><Tasks/></Project>')).toBe(true);
    expect(isMsProjectXml('<?xml version="1.0"?><!-- saved --><Project xmlns="x">')).toBe(true);
    expect(isMsProjectXml('<?xml version="1.0"?><Workbook>')).toBe(false);
    expect(isMsProjectXml('id,name\nProject,x')).toBe(false);
  });
});

describe('durationHours', () => {
  it('reads MSPDI durations into hours', () => {
    expect(durationHours('PT160H0M0S', 8)).toBe(160);
    expect(durationHours('PT7H30M0S', 8)).toBe(7.5);
    expect(durationHours('P2DT4H', 8)).toBe(20);
    expect(durationHours('PT', 8)).toBeNull();
    expect(durationHours('160h', 8)).toBeNull();
  });
});

describe('msProjectDraft on a relaunch plan', () => {
  const draft = draftOf(RELAUNCH);
  const byId = new Map(draft.initiatives.map((initiative) => [initiative.id, initiative]));

  it('makes an initiative of each top-level task, not of the project summary or a milestone', () => {
    expect(draft.format).toBe('msproject');
    expect(draft.initiatives.map((initiative) => initiative.name)).toEqual([
      'Discovery',
      'Design & content',
      'Build',
      'Security review',
    ]);
    expect(byId.get('discovery')?.description).toBe('Interviews with 20 customers & partners.');
    expect(byId.get('discovery')?.extras).toEqual({ msProjectUid: '1' });
  });

  it('maps % complete to status and dates to the start period', () => {
    expect(byId.get('discovery')).toMatchObject({ status: 'done', start: '2027-Q1', duration: 1 });
    expect(byId.get('design-content')).toMatchObject({
      status: 'active',
      start: '2027-Q1',
      duration: 2,
    });
    expect(byId.get('build')).toMatchObject({
      status: 'approved',
      earliestStart: '2027-Q2',
      duration: 2,
    });
    expect(byId.get('build')?.start).toBeUndefined();
  });

  it('spreads assignment work over weekdays into FTE per quarter', () => {
    // Hand-checked: Q1 2027 has 64 weekdays (512 h), Q2 65 (520 h), Q3 66 (528 h).
    // Discovery: 160 h + 80 h of UX in Q1 → 240 / 512 = 0.47.
    expect(byId.get('discovery')?.demand).toEqual({ 'ux-team': [0.47] });
    // Visual design, 320 h over 1 Mar–30 Apr (23 + 21 weekdays): 167.27 h in Q1, 152.73 h in Q2.
    // Content migration, 240 h over 1 Apr–28 May, all in Q2: 240 / 520 = 0.46.
    expect(byId.get('design-content')?.demand).toEqual({
      'ux-team': [0.32, 0.3],
      'web-team': [0, 0.46],
    });
    // Front end 1,040 h over 1 Jun–30 Sep (22 weekdays in June, 66 in Q3) plus 40 h in June.
    expect(byId.get('build')?.demand).toEqual({ 'web-team': [0.58, 1.48] });
    expect(byId.get('security-review')?.demand).toEqual({ security: [0.11] });
  });

  it('makes finish-to-start links between initiatives dependencies', () => {
    expect(byId.get('design-content')?.dependsOn).toEqual(['discovery']);
    expect(byId.get('build')?.dependsOn).toEqual(['design-content']);
    expect(byId.get('security-review')?.dependsOn).toBeUndefined();
  });

  it('reports the other link types with both task names, and what it leaves out', () => {
    const messages = draft.warnings.map((warning) => `${warning.path ?? ''}: ${warning.message}`);
    expect(messages).toContain(
      `Project/Tasks/Task[10]/PredecessorLink[1]: the start-to-start (SS) link "User interviews" → "Analytics setup" is left out: Baton's dependencies are finish-to-start only ("Build" waits for "Discovery" to finish).`,
    );
    expect(messages).toContain(
      `Project/Tasks/Task[11]/PredecessorLink[1]: the finish-to-finish (FF) link "Front end" → "Security review" is left out: Baton's dependencies are finish-to-start only ("Security review" waits for "Build" to finish).`,
    );
    expect(messages.some((message) => message.includes('"Go live" (UID 11) is a milestone'))).toBe(
      true,
    );
    expect(
      messages.some((message) => message.includes('"Printed brochures" is a material resource')),
    ).toBe(true);
    // The SS link inside "Design & content" is the initiative's own business: no warning.
    expect(
      messages.some((message) => message.includes('"Visual design" → "Content migration"')),
    ).toBe(false);
  });

  it('makes teams of work resources with MaxUnits as capacity, and uses the portfolio’s quarters', () => {
    expect(draft.periods.map((period) => period.id)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    const quarters = (units: number) => ({ '2027-Q1': units, '2027-Q2': units, '2027-Q3': units });
    expect(draft.teams).toEqual([
      { id: 'ux-team', name: 'UX team', capacity: quarters(2) },
      { id: 'web-team', name: 'Web team', capacity: quarters(4) },
      { id: 'security', name: 'Security', capacity: quarters(0.5) },
    ]);
  });

  it('uses an existing team of the same name and keeps the capacity it has', () => {
    const portfolio: Portfolio = {
      ...PORTFOLIO,
      teams: [{ id: 'web', name: 'Web team', capacity: { '2027-Q2': 6 } }],
    };
    const own = draftOf(RELAUNCH, portfolio);
    expect(own.teams.find((team) => team.id === 'web')?.capacity).toEqual({
      '2027-Q1': 4,
      '2027-Q2': 6,
      '2027-Q3': 4,
    });
    expect(own.initiatives.find((initiative) => initiative.id === 'build')?.demand).toEqual({
      web: [0.58, 1.48],
    });
  });
});

describe('msProjectDraft refusals and odd files', () => {
  it('refuses a DOCTYPE with entities, naming the line', () => {
    const result = msProjectDraft(
      '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY boom "lol">]>\n<Project><Tasks/></Project>',
      PORTFOLIO,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'line 2',
          message:
            'the file declares a DOCTYPE; Baton does not read XML with declared entities (MS Project never writes one).',
        },
      ],
      problemCount: 1,
    });
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    const result = msProjectDraft('<Project>\n<Tasks><Task></Tasks>\n</Project>', PORTFOLIO);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.path).toMatch(/^line 2, column \d+$/);
    expect(result.problems[0]?.message).toMatch(/^the file is not well-formed XML: /);
  });

  it('refuses a file that is not MS Project, or has no top-level task', () => {
    const other = msProjectDraft('<Workbook><Sheet/></Workbook>', PORTFOLIO);
    expect(other.ok === false && other.problems[0]?.path).toBe('Project');
    const empty = msProjectDraft(
      mspdi('<Task><UID>0</UID><OutlineLevel>0</OutlineLevel></Task>'),
      PORTFOLIO,
    );
    expect(empty.ok === false && empty.problems[0]?.message).toBe(
      'the file has no top-level tasks (outline level 1) to make initiatives of.',
    );
  });

  it('refuses work it cannot read, by element path', () => {
    const result = msProjectDraft(
      mspdi(
        '<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish></Task>',
        '<Resources><Resource><UID>1</UID><Name>Ops</Name></Resource></Resources><Assignments><Assignment><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>40 hours</Work></Assignment></Assignments>',
      ),
      PORTFOLIO,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'Project/Assignments/Assignment[1]/Work',
          message: '"40 hours" is not an amount of work (such as PT160H0M0S).',
        },
      ],
      problemCount: 1,
    });
  });

  const TASK =
    '<Task><UID>1</UID><Name>Huge</Name><OutlineLevel>1</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-03-31T17:00:00</Finish></Task>';
  const DEV = '<Resources><Resource><UID>1</UID><Name>Dev</Name></Resource></Resources>';
  const assignment = (task: string, resource: string, work: string) =>
    `<Assignment><TaskUID>${task}</TaskUID><ResourceUID>${resource}</ResourceUID><Work>${work}</Work><Start>2027-01-04T08:00:00</Start><Finish>2027-03-31T17:00:00</Finish></Assignment>`;

  it('refuses demand over the limit of a portfolio file, naming the assignment, never caps it', () => {
    // 1,024,000,000 hours over Q1 2027 (64 weekdays, 512 hours): two million people.
    const result = msProjectDraft(
      mspdi(TASK, `${DEV}<Assignments>${assignment('1', '1', 'PT1024000000H0M0S')}</Assignments>`),
      PORTFOLIO,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'Project/Assignments/Assignment[1]/Work',
          message:
            'the work of "Dev" on "Huge" comes to 2,000,000 full-time people in Q1 2027; a portfolio holds at most 1,000,000 per team and period. Check the Work for a typo.',
        },
      ],
      problemCount: 1,
    });
  });

  it('warns when an assignment’s task is not in the file, or its work has no resource', () => {
    const draft = draftOf(
      mspdi(
        TASK,
        `${DEV}<Assignments>${assignment('55', '1', 'PT400H0M0S')}${assignment('1', '-65535', 'PT80H0M0S')}${assignment('1', '1', 'PT0H0M0S')}</Assignments>`,
      ),
    );
    expect(draft.warnings).toEqual([
      {
        path: 'Project/Assignments/Assignment[1]/TaskUID',
        message: 'task UID 55 is not in the file; the 400 hours of this assignment are left out.',
      },
      {
        path: 'Project/Assignments/Assignment[2]',
        message:
          '80 hours of "Huge" are assigned to no resource, so no team asks for them; they are left out.',
      },
    ]);
  });

  it('refuses a task that finishes before it starts, or is not 0 to 100 % complete', () => {
    const task = (uid: number, start: string, finish: string, percent: string) =>
      `<Task><UID>${uid}</UID><Name>T${uid}</Name><OutlineLevel>1</OutlineLevel><Start>${start}T08:00:00</Start><Finish>${finish}T17:00:00</Finish><PercentComplete>${percent}</PercentComplete></Task>`;
    const result = msProjectDraft(
      mspdi(
        task(1, '2027-02-28', '2026-01-01', '0') +
          task(2, '2027-01-04', '2027-06-30', '150') +
          task(3, '2027-01-04', '2027-06-30', '-5') +
          task(4, '2027-01-04', '2027-06-30', 'half') +
          task(5, '2027-01-04', '2027-01-04', '100'),
      ),
      PORTFOLIO,
    );
    expect(result.ok === false && result.problems).toEqual([
      {
        path: 'Project/Tasks/Task[1]/Finish',
        message:
          '"T1" finishes on 2026-01-01, before it starts on 2027-02-28; correct the dates in Project and save the file again.',
      },
      {
        path: 'Project/Tasks/Task[2]/PercentComplete',
        message:
          '"T2" is 150% complete; a task is 0 to 100% complete. Correct it in Project and save the file again.',
      },
      {
        path: 'Project/Tasks/Task[3]/PercentComplete',
        message:
          '"T3" is -5% complete; a task is 0 to 100% complete. Correct it in Project and save the file again.',
      },
      {
        path: 'Project/Tasks/Task[4]/PercentComplete',
        message: '"half" is not a percentage (0 to 100).',
      },
    ]);
  });

  it('reads a file whose comment mentions a DOCTYPE: only a real declaration is refused', () => {
    const draft = draftOf(
      `<?xml version="1.0"?>\n<!-- <!DOCTYPE x> <!ENTITY y "z"> -->\n${mspdi(TASK).replace(/^<\?xml[^>]*\?>/, '')}`,
    );
    expect(draft.initiatives.map((initiative) => initiative.name)).toEqual(['Huge']);
    const cdata = draftOf(
      mspdi(TASK.replace('<Name>Huge</Name>', '<Name><![CDATA[<!DOCTYPE in a name]]></Name>')),
    );
    expect(cdata.initiatives.map((initiative) => initiative.name)).toEqual(['<!DOCTYPE in a name']);
  });

  it('refuses elements nested past any MS Project file in words, with line and column', () => {
    const deep = `<?xml version="1.0"?>\n<Project>\n  ${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}</Project>`;
    const result = msProjectDraft(deep, PORTFOLIO);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          // <Project> is the first level: the 100th <x> is the 101st, at column 3 + 99 × 3.
          path: 'line 3, column 300',
          message:
            'the elements nest more than 100 deep here (an MS Project file nests about 5 deep); Baton does not read it.',
        },
      ],
      problemCount: 1,
    });
    // A hundred levels, the most the parser takes, are read as any file is.
    const ninetyNine = `<Project><Tasks>${TASK}</Tasks>${'<x>'.repeat(98)}${'</x>'.repeat(98)}</Project>`;
    expect(msProjectDraft(ninetyNine, PORTFOLIO).ok).toBe(true);
  });

  it('reads tasks without outline levels as top-level, and adds quarters past the plan', () => {
    const draft = draftOf(
      mspdi(
        '<Task><UID>1</UID><Name>Later</Name><Start>2029-01-08T08:00:00</Start><Finish>2029-01-12T17:00:00</Finish></Task>',
      ),
    );
    expect(draft.initiatives[0]).toMatchObject({
      id: 'later',
      earliestStart: '2029-Q1',
      duration: 1,
    });
    expect(draft.periods.map((period) => period.id)).toEqual(['2028-Q3', '2028-Q4', '2029-Q1']);
  });

  it('never throws, even on prototype names, and keeps prototypes clean', () => {
    const odd = [
      '',
      '<',
      '<Project>',
      '<Project><__proto__><polluted>1</polluted></__proto__></Project>',
      mspdi('<Task><UID>constructor</UID></Task>'),
      mspdi(
        '<Task><UID>1</UID><Name>x</Name><OutlineLevel>1</OutlineLevel><Start>1900-01-01T00:00:00</Start><Finish>2199-12-31T00:00:00</Finish></Task>',
      ),
      mspdi(
        '<Task><UID>1</UID><Name>&#xD800; &#0; &bogus;</Name><OutlineLevel>1</OutlineLevel></Task>',
      ),
    ];
    for (const text of odd) expect(() => msProjectDraft(text, PORTFOLIO)).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('an MS Project draft merged into a portfolio', () => {
  it('passes every rule of a portfolio file, and a second import changes nothing', () => {
    const draft = draftOf(RELAUNCH);
    const merged = mergeDraft(PORTFOLIO, draft, 'merge', '2026-11-20');
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    expect(merged.summary.initiatives.added).toEqual([
      'discovery',
      'design-content',
      'build',
      'security-review',
    ]);
    expect(merged.summary.teams.added).toEqual(['ux-team', 'web-team', 'security']);
    const again = mergeDraft(
      merged.portfolio,
      draftOf(RELAUNCH, merged.portfolio),
      'merge',
      '2026-11-20',
    );
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.summary.initiatives.updated).toEqual([]);
    expect(again.summary.teams.updated).toEqual([]);
    const fresh = mergeDraft(PORTFOLIO, draft, 'new', '2026-11-20');
    expect(fresh.ok).toBe(true);
  });
});

describe('msProjectDraft on arbitrary files', () => {
  it('never throws, and every refusal names a path or says what is wrong with the whole file', () => {
    const fragment = fc.constantFrom(
      '<Task>',
      '</Task>',
      '<UID>1</UID>',
      '<UID>2</UID>',
      '<OutlineLevel>1</OutlineLevel>',
      '<OutlineLevel>2</OutlineLevel>',
      '<Name>A &amp; B</Name>',
      '<Start>2027-01-04T08:00:00</Start>',
      '<Finish>2027-05-04T08:00:00</Finish>',
      '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type></PredecessorLink>',
      '<Assignment><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT80H0M0S</Work></Assignment>',
      '<Resource><UID>1</UID><Name>Ops</Name><MaxUnits>2</MaxUnits></Resource>',
      '<Resources>',
      '</Resources>',
      '<Assignments>',
      '</Assignments>',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 30 }),
        (parts) => {
          const result = msProjectDraft(
            `<Project><Tasks>${parts.join('')}</Tasks></Project>`,
            PORTFOLIO,
          );
          if (!result.ok)
            for (const problem of result.problems)
              expect(problem.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
