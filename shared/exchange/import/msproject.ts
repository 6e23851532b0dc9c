/**
 * A Microsoft Project XML file (MSPDI, "Save As › XML") as a draft: top-level tasks (outline level
 * 1, summary or not) become initiatives, finish-to-start links between them dependencies, work
 * resources teams, and the work of assignments demand per period in full-time equivalents. Read
 * with fast-xml-parser with entities off; a file that declares a DOCTYPE or entities is refused.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { slugify } from '../../portfolio/ids';
import { MAX_CAPACITY, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../portfolio/limits';
import type { Initiative, InitiativeStatus, Period, Portfolio, Team } from '../../portfolio/types';
import {
  dateOfDay,
  dayNumber,
  periodCalendar,
  twoDecimals,
  validIsoDate,
  weekdaysBetween,
} from './dated-work';
import { problemList } from './issues';
import type { DraftResult, ImportIssue } from './types';

/** Larger MS Project files are refused before they are parsed. */
export const MAX_MSPROJECT_CHARACTERS = 100 * 1024 * 1024;

/** Working minutes in a day when the file does not say (MS Project's default, 8 hours). */
const DEFAULT_MINUTES_PER_DAY = 480;

/** MSPDI link types (PredecessorLink/Type), 1 being the default. */
const LINK_TYPES: Readonly<Record<string, string>> = {
  '0': 'finish-to-finish (FF)',
  '1': 'finish-to-start (FS)',
  '2': 'start-to-finish (SF)',
  '3': 'start-to-start (SS)',
};

/** ResourceUID of an assignment to no resource. */
const UNASSIGNED_RESOURCE = '-65535';

const ARRAYS = new Set(['Task', 'PredecessorLink', 'Resource', 'Assignment']);

/** Whether text looks like MSPDI: a `<Project` element near the top of an XML file. */
export function isMsProjectXml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<Project[\s>]/.test(head);
}

/**
 * How deep elements may nest: MSPDI nests about 5 deep (Project/Tasks/Task/PredecessorLink/Type),
 * and the parser stops at a little over 100, so a deeper file is refused in words before it.
 */
export const MAX_XML_DEPTH = 100;

/** The line (from 1) of a character index. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** "line 3, column 14" of a character index (columns from 1). */
function placeAt(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return `line ${lineAt(text, index)}, column ${index - lineStart + 1}`;
}

/**
 * Where the file declares a DOCTYPE or an entity, outside comments and CDATA sections (where
 * `<!DOCTYPE` is text, not a declaration); null when it declares none.
 */
function declaredEntities(text: string): { readonly index: number; readonly kind: string } | null {
  const markup = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!(DOCTYPE|ENTITY)/gi;
  for (let match = markup.exec(text); match; match = markup.exec(text)) {
    if (match[1] !== undefined) return { index: match.index, kind: match[1].toUpperCase() };
  }
  return null;
}

/**
 * The character index of the first element nested deeper than MAX_XML_DEPTH in well-formed XML,
 * or null. Comments, CDATA sections, processing instructions and quoted attribute values are
 * passed over, so a `<` or `>` in them does not count.
 */
function tooDeep(text: string): number | null {
  const markup =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[^\s/>!?]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;
  let depth = 0;
  for (let match = markup.exec(text); match; match = markup.exec(text)) {
    if (match[1] === '/') depth -= 1;
    else if (match[1] === '' && match[2] === '') {
      depth += 1;
      if (depth > MAX_XML_DEPTH) return match.index;
    }
  }
  return null;
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/**
 * The text of an element, with XML's five named entities and character references written out
 * (the parser leaves entities alone so that no declared entity can expand).
 */
function text(node: Node, key: string): string {
  const value = Object.hasOwn(node, key) ? node[key] : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value)
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : whole;
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? whole;
    })
    .trim();
}

/** Hours in an MSPDI duration (`PT160H0M0S`, `PT7H30M0S`, `P2DT4H`), days at `hoursPerDay`. */
export function durationHours(value: string, hoursPerDay: number): number | null {
  const match =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value,
    );
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [days, hours, minutes, seconds] = [match[1], match[2], match[3], match[4]].map((part) =>
    part === undefined ? 0 : Number(part),
  ) as [number, number, number, number];
  return days * hoursPerDay + hours + minutes / 60 + seconds / 3600;
}

/** The date of an MSPDI date-time (`2027-01-04T08:00:00`). */
function dateOf(value: string): string | null {
  return validIsoDate(value.slice(0, 10));
}

type Task = {
  readonly index: number;
  readonly uid: string;
  readonly name: string;
  readonly level: number;
  readonly milestone: boolean;
  readonly start: string | null;
  readonly finish: string | null;
  readonly percent: number;
  readonly notes: string;
  readonly links: readonly {
    readonly predecessor: string;
    readonly type: string;
    readonly index: number;
  }[];
};

/**
 * The draft of an MSPDI file.
 *
 * - Each task at outline level 1 becomes an initiative (the project summary task, level 0, does
 *   not; nor does a milestone with nothing under it); the tasks under it are its work. Id from the
 *   name, the task's UID kept as `msProjectUid`, Notes as description.
 * - Status from % complete: 100 done, more than 0 active, else approved (it is in a schedule).
 *   Active and done initiatives get a fixed `start`, others an `earliestStart`, at the period of
 *   their start date; `duration` is the periods from start to finish.
 * - Work resources become teams (an existing team of the same name is used), with capacity
 *   MaxUnits (1 = one full-time person) in each period the file spans where none is set.
 * - An assignment's Work is spread evenly over the weekdays from its start to its finish; a
 *   period's demand is the hours that fall in it over the hours one person works in it
 *   (weekdays × the file's MinutesPerDay), i.e. full-time equivalents, rounded to two decimals.
 * - Finish-to-start links between tasks of two initiatives become dependencies; links of other
 *   types are left out with a warning naming both tasks.
 */
export function msProjectDraft(source: string, portfolio: Portfolio): DraftResult {
  const refuse = (issue: ImportIssue): DraftResult => ({
    ok: false,
    problems: [issue],
    problemCount: 1,
  });
  if (source.length > MAX_MSPROJECT_CHARACTERS) {
    return refuse({
      message: `the file has ${source.length.toLocaleString('en-US')} characters; Baton reads MS Project files of up to ${MAX_MSPROJECT_CHARACTERS.toLocaleString('en-US')}.`,
    });
  }
  const body = source.replace(/^\uFEFF/, '');
  const declaration = declaredEntities(body);
  if (declaration) {
    return refuse({
      path: `line ${lineAt(body, declaration.index)}`,
      message: `the file declares a ${declaration.kind}; Baton does not read XML with declared entities (MS Project never writes one).`,
    });
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return refuse({
      path: `line ${valid.err.line}, column ${valid.err.col}`,
      message: `the file is not well-formed XML: ${valid.err.msg}`,
    });
  }
  const deep = tooDeep(body);
  if (deep !== null) {
    return refuse({
      path: placeAt(body, deep),
      message: `the elements nest more than ${MAX_XML_DEPTH} deep here (an MS Project file nests about 5 deep); Baton does not read it.`,
    });
  }
  let root: unknown;
  try {
    root = new XMLParser({
      processEntities: false,
      htmlEntities: false,
      ignoreAttributes: true,
      ignoreDeclaration: true,
      parseTagValue: false,
      trimValues: true,
      isArray: (tagName) => ARRAYS.has(tagName),
    }).parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The parser refuses element names such as __proto__: say where the first one is.
    const name = /Invalid name: "([^"]+)"/.exec(message)?.[1];
    const at = name === undefined ? -1 : body.indexOf(`<${name}`);
    return refuse({
      path: at < 0 ? 'Project' : `line ${body.slice(0, at).split('\n').length}`,
      message:
        name === undefined
          ? `the file cannot be read as XML: ${message}`
          : `the element <${name}> has a name Baton does not read (it would change how the file's data behaves); MS Project never writes one.`,
    });
  }
  const project = isNode(root) && isNode(root.Project) ? root.Project : null;
  if (!project) {
    return refuse({
      path: 'Project',
      message: 'the file has no <Project> element; save it from Microsoft Project as XML.',
    });
  }

  const problems = problemList();
  const warnings: ImportIssue[] = [];
  let minutesPerDay = DEFAULT_MINUTES_PER_DAY;
  const minutesText = text(project, 'MinutesPerDay');
  if (minutesText !== '') {
    const minutes = Number(minutesText);
    if (Number.isFinite(minutes) && minutes > 0 && minutes <= 1440) minutesPerDay = minutes;
    else
      warnings.push({
        path: 'Project/MinutesPerDay',
        message: `"${minutesText}" is not a working day; Baton counts 8 hours a day.`,
      });
  }
  const hoursPerDay = minutesPerDay / 60;

  // --- Tasks -----------------------------------------------------------------------------------
  const taskNodes = list(isNode(project.Tasks) ? project.Tasks.Task : undefined);
  const tasks: Task[] = [];
  const byUid = new Map<string, Task>();
  taskNodes.forEach((node, index) => {
    const path = `Project/Tasks/Task[${index + 1}]`;
    if (text(node, 'IsNull') === '1') return;
    const uid = text(node, 'UID');
    if (!/^\d+$/.test(uid)) {
      problems.add({
        path: `${path}/UID`,
        message: `"${uid}" is not a task UID (a whole number).`,
      });
      return;
    }
    if (byUid.has(uid)) {
      problems.add({ path: `${path}/UID`, message: `task UID ${uid} is used twice.` });
      return;
    }
    const levelText = text(node, 'OutlineLevel');
    const level = levelText === '' ? 1 : Number(levelText);
    if (!Number.isInteger(level) || level < 0) {
      problems.add({
        path: `${path}/OutlineLevel`,
        message: `"${levelText}" is not an outline level.`,
      });
      return;
    }
    const dateField = (field: 'Start' | 'Finish'): string | null => {
      const raw = text(node, field);
      if (raw === '') return null;
      const date = dateOf(raw);
      if (date === null)
        problems.add({ path: `${path}/${field}`, message: `"${raw}" is not a date.` });
      return date;
    };
    const name = text(node, 'Name');
    const called = name === '' ? `task UID ${uid}` : `"${name}"`;
    // A plan that finishes before it starts, or is more than done, is broken: importing it would
    // plan with a guess, so it is refused and the plan mended where it was made.
    const start = dateField('Start');
    const finish = dateField('Finish');
    if (start !== null && finish !== null && finish < start) {
      problems.add({
        path: `${path}/Finish`,
        message: `${called} finishes on ${finish}, before it starts on ${start}; correct the dates in Project and save the file again.`,
      });
    }
    const percentText = text(node, 'PercentComplete');
    const percent = percentText === '' ? 0 : Number(percentText);
    if (!Number.isFinite(percent)) {
      problems.add({
        path: `${path}/PercentComplete`,
        message: `"${percentText}" is not a percentage (0 to 100).`,
      });
    } else if (percent < 0 || percent > 100) {
      problems.add({
        path: `${path}/PercentComplete`,
        message: `${called} is ${percent}% complete; a task is 0 to 100% complete. Correct it in Project and save the file again.`,
      });
    }
    const task: Task = {
      index,
      uid,
      name,
      level,
      milestone: text(node, 'Milestone') === '1',
      start,
      finish,
      percent,
      notes: text(node, 'Notes'),
      links: list(node.PredecessorLink).map((link, linkIndex) => ({
        predecessor: text(link, 'PredecessorUID'),
        type: text(link, 'Type') || '1',
        index: linkIndex,
      })),
    };
    tasks.push(task);
    byUid.set(uid, task);
  });

  // Outline: every task after a level-1 task, down to the next level-1 task, is its work.
  const groupOf = new Map<Task, Task>();
  const children = new Map<Task, Task[]>();
  let current: Task | null = null;
  for (const task of tasks) {
    if (task.level === 0) continue;
    if (task.level === 1) {
      current = task;
      children.set(task, []);
    }
    if (!current) {
      warnings.push({
        path: `Project/Tasks/Task[${task.index + 1}]`,
        message: `task "${task.name}" (UID ${task.uid}) is below no top-level task; it is left out.`,
      });
      continue;
    }
    groupOf.set(task, current);
    if (task !== current) (children.get(current) as Task[]).push(task);
  }
  const tops = [...children.keys()].filter((top) => {
    if (top.milestone && (children.get(top) as Task[]).length === 0) {
      warnings.push({
        path: `Project/Tasks/Task[${top.index + 1}]`,
        message: `"${top.name}" (UID ${top.uid}) is a milestone, not work; it does not become an initiative, and its links are left out.`,
      });
      for (const [task, group] of groupOf) if (group === top) groupOf.delete(task);
      return false;
    }
    return true;
  });
  if (tops.length === 0 && problems.count() === 0) {
    problems.add({
      path: 'Project/Tasks',
      message: 'the file has no top-level tasks (outline level 1) to make initiatives of.',
    });
  }

  // --- Resources -------------------------------------------------------------------------------
  const teamOfResource = new Map<string, { team: Team; units: number; own: boolean }>();
  const skippedResources = new Map<string, string>();
  const takenTeamIds = new Set(portfolio.teams.map((team) => team.id));
  list(isNode(project.Resources) ? project.Resources.Resource : undefined).forEach(
    (node, index) => {
      const path = `Project/Resources/Resource[${index + 1}]`;
      const uid = text(node, 'UID');
      const name = text(node, 'Name');
      if (text(node, 'IsNull') === '1' || name === '') return;
      const type = text(node, 'Type') || '1';
      if (type !== '1') {
        skippedResources.set(
          uid,
          `"${name}" is a ${type === '0' ? 'material' : 'cost'} resource, not people`,
        );
        return;
      }
      const unitsText = text(node, 'MaxUnits');
      let units = unitsText === '' ? 1 : Number(unitsText);
      if (!Number.isFinite(units) || units < 0 || units > MAX_CAPACITY) {
        warnings.push({
          path: `${path}/MaxUnits`,
          message: `"${unitsText}" is not a number of people; "${name}" is read as one full-time person.`,
        });
        units = 1;
      }
      const wanted = name.toLowerCase();
      const own = portfolio.teams.find(
        (team) => team.name.toLowerCase() === wanted || team.id === wanted,
      );
      let team: Team;
      if (own) team = own;
      else {
        const base = slugify(name) || 'team';
        let id = base;
        for (let suffix = 2; takenTeamIds.has(id); suffix += 1) id = `${base}-${suffix}`;
        takenTeamIds.add(id);
        team = { id, name: name.slice(0, MAX_NAME_LENGTH), capacity: {} };
      }
      teamOfResource.set(uid, { team, units, own: own !== undefined });
    },
  );

  const teamNames = new Map(
    [...teamOfResource.values()].map(({ team }) => [team.id, `"${team.name}"`] as const),
  );

  // --- Assignments into hours per team and period ----------------------------------------------
  const calendar = periodCalendar(portfolio);
  /** Per top task: per team id: per slot: hours. */
  const hours = new Map<Task, Map<string, Map<number, number>>>();
  const usedSlots = new Set<number>();
  const usedTeams = new Set<string>();
  /** Per top task: per team id: the paths of the assignments that make its hours. */
  const workPaths = new Map<Task, Map<string, string[]>>();
  const uidsInFile = new Set(taskNodes.map((node) => text(node, 'UID')));
  list(isNode(project.Assignments) ? project.Assignments.Assignment : undefined).forEach(
    (node, index) => {
      const path = `Project/Assignments/Assignment[${index + 1}]`;
      const resourceUid = text(node, 'ResourceUID');
      const taskUid = text(node, 'TaskUID');
      const task = byUid.get(taskUid);
      const workText = text(node, 'Work');
      const work = workText === '' ? 0 : durationHours(workText, hoursPerDay);
      if (work === null) {
        problems.add({
          path: `${path}/Work`,
          message: `"${workText}" is not an amount of work (such as PT160H0M0S).`,
        });
        return;
      }
      if (work === 0) return;
      if (!task) {
        // A task skipped for a problem of its own is refused there; one not in the file at all
        // would take its hours away unseen.
        if (!uidsInFile.has(taskUid))
          warnings.push({
            path: `${path}/TaskUID`,
            message: `task UID ${taskUid || '(empty)'} is not in the file; the ${twoDecimals(work)} hours of this assignment are left out.`,
          });
        return;
      }
      if (resourceUid === UNASSIGNED_RESOURCE) {
        warnings.push({
          path,
          message: `${twoDecimals(work)} hours of "${task.name}" are assigned to no resource, so no team asks for them; they are left out.`,
        });
        return;
      }
      const top = groupOf.get(task);
      if (!top) return;
      const resource = teamOfResource.get(resourceUid);
      if (!resource) {
        const why =
          skippedResources.get(resourceUid) ?? `resource UID ${resourceUid} is not in the file`;
        warnings.push({
          path,
          message: `${why}; its ${twoDecimals(work)} hours on "${task.name}" are left out.`,
        });
        return;
      }
      const startText = text(node, 'Start');
      const finishText = text(node, 'Finish');
      const start = (startText !== '' ? dateOf(startText) : null) ?? task.start;
      const finish = (finishText !== '' ? dateOf(finishText) : null) ?? task.finish ?? start;
      if (start === null || finish === null || finish < start) {
        warnings.push({
          path,
          message: `the work of "${task.name}" has no usable start and finish; its ${twoDecimals(work)} hours are left out.`,
        });
        return;
      }
      const first = dayNumber(start);
      const last = dayNumber(finish);
      const weekdays = weekdaysBetween(first, last);
      // Work on weekends only is spread over its calendar days.
      const spanDays = weekdays > 0 ? weekdays : last - first + 1;
      const byTeam = hours.get(top) ?? new Map<string, Map<number, number>>();
      const bySlot = byTeam.get(resource.team.id) ?? new Map<number, number>();
      for (let slot = calendar.slotOf(start); ;) {
        const range = calendar.rangeOf(slot);
        const from = Math.max(first, dayNumber(range.start));
        const to = Math.min(last, dayNumber(range.end));
        const days = weekdays > 0 ? weekdaysBetween(from, to) : to - from + 1;
        if (days > 0) {
          bySlot.set(slot, (bySlot.get(slot) ?? 0) + (work * days) / spanDays);
          usedSlots.add(slot);
        }
        if (dayNumber(range.end) >= last) break;
        slot = calendar.slotOf(dateOfDay(dayNumber(range.end) + 1));
      }
      byTeam.set(resource.team.id, bySlot);
      hours.set(top, byTeam);
      const byTeamPaths = workPaths.get(top) ?? new Map<string, string[]>();
      byTeamPaths.set(resource.team.id, [...(byTeamPaths.get(resource.team.id) ?? []), path]);
      workPaths.set(top, byTeamPaths);
      usedTeams.add(resource.team.id);
    },
  );
  if (problems.count() > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.count() };
  }

  // --- Periods ---------------------------------------------------------------------------------
  const spanOf = new Map<Task, { first: number; last: number }>();
  for (const top of tops) {
    const slots: number[] = [...(hours.get(top)?.values() ?? [])].flatMap((bySlot) => [
      ...bySlot.keys(),
    ]);
    const dates = [top, ...(children.get(top) as Task[])].flatMap((task) => [
      task.start,
      task.finish,
    ]);
    for (const date of dates) if (date) slots.push(calendar.slotOf(date));
    if (slots.length === 0) continue;
    const span = { first: Math.min(...slots), last: Math.max(...slots) };
    spanOf.set(top, span);
    usedSlots.add(span.first);
    usedSlots.add(span.last);
  }
  const periods: Period[] | null = calendar.periodsFor(usedSlots);
  if (periods === null) {
    return refuse({
      path: 'Project/Tasks',
      message:
        'the tasks span too many periods to be one plan; check the start and finish dates for typos.',
    });
  }
  if (usedSlots.size > 0 && calendar.caveat) warnings.push({ message: calendar.caveat });
  const hoursInSlot = (slot: number): number => {
    const range = calendar.rangeOf(slot);
    return weekdaysBetween(dayNumber(range.start), dayNumber(range.end)) * hoursPerDay;
  };

  // --- Initiatives -----------------------------------------------------------------------------
  const idOf = new Map<Task, string>();
  const takenIds = new Set<string>();
  for (const top of tops) {
    const base = slugify(top.name) || `task-${top.uid}`;
    let id = base;
    for (let suffix = 2; takenIds.has(id); suffix += 1) id = `${base}-${suffix}`;
    takenIds.add(id);
    idOf.set(top, id);
  }

  const dependsOn = new Map<Task, string[]>();
  const reaches = (start: Task, target: Task): boolean => {
    const stack = [start];
    const seen = new Set<Task>();
    while (stack.length > 0) {
      const next = stack.pop() as Task;
      if (next === target) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      for (const id of dependsOn.get(next) ?? []) {
        const prerequisite = tops.find((top) => idOf.get(top) === id);
        if (prerequisite) stack.push(prerequisite);
      }
    }
    return false;
  };
  for (const task of tasks) {
    for (const link of task.links) {
      const path = `Project/Tasks/Task[${task.index + 1}]/PredecessorLink[${link.index + 1}]`;
      const predecessor = byUid.get(link.predecessor);
      if (!predecessor) {
        warnings.push({
          path,
          message: `"${task.name}" follows task UID ${link.predecessor}, which is not in the file; the link is left out.`,
        });
        continue;
      }
      const to = groupOf.get(task);
      const from = groupOf.get(predecessor);
      if (to && from && to === from) continue; // a link inside one initiative
      const kind = Object.hasOwn(LINK_TYPES, link.type)
        ? (LINK_TYPES[link.type] as string)
        : `of type ${link.type}`;
      const named = `"${predecessor.name}" → "${task.name}"`;
      if (!to || !from || !idOf.has(to) || !idOf.has(from)) {
        warnings.push({
          path,
          message: `the ${kind} link ${named} does not join two initiatives; it is left out.`,
        });
        continue;
      }
      if (link.type !== '1') {
        warnings.push({
          path,
          message: `the ${kind} link ${named} is left out: Baton's dependencies are finish-to-start only ("${to.name}" waits for "${from.name}" to finish).`,
        });
        continue;
      }
      const list = dependsOn.get(to) ?? [];
      const id = idOf.get(from) as string;
      if (list.includes(id)) continue;
      if (reaches(from, to)) {
        warnings.push({
          path,
          message: `the link ${named} would make "${from.name}" and "${to.name}" wait for each other; it is left out.`,
        });
        continue;
      }
      list.push(id);
      dependsOn.set(to, list);
    }
  }

  const initiatives: Initiative[] = tops.map((top) => {
    const status: InitiativeStatus =
      top.percent >= 100 ? 'done' : top.percent > 0 ? 'active' : 'approved';
    const span = spanOf.get(top);
    // Own keys through Object.fromEntries: a team whose id is "__proto__" is a team like any.
    const demandEntries: [string, number[]][] = [];
    for (const [teamId, bySlot] of hours.get(top) ?? []) {
      if (!span) continue;
      const list: number[] = [];
      for (const [slot, teamHours] of bySlot) {
        const offset = calendar.offset(span.first, slot);
        while (list.length <= offset) list.push(0);
        list[offset] = twoDecimals((list[offset] as number) + teamHours / hoursInSlot(slot));
      }
      list.forEach((fte, offset) => {
        if (fte <= MAX_CAPACITY || !span) return;
        // Like a CSV file over the limit, the file is refused: capping it would plan with a
        // number nobody wrote.
        const paths = workPaths.get(top)?.get(teamId) ?? [];
        const team = teamNames.get(teamId) ?? teamId;
        const period = calendar.periodOf(span.first + offset * calendar.months).label;
        problems.add({
          path:
            paths.length === 1
              ? `${paths[0] as string}/Work`
              : `Project/Tasks/Task[${top.index + 1}]`,
          message: `the work of ${team} on "${top.name}" comes to ${fte.toLocaleString('en-US')} full-time people in ${period}; a portfolio holds at most ${MAX_CAPACITY.toLocaleString('en-US')} per team and period. Check ${paths.length === 1 ? 'the Work' : 'the Work of its assignments'} for a typo.`,
        });
      });
      if (list.some((value) => value > 0)) demandEntries.push([teamId, list]);
    }
    const demand: Record<string, number[]> = Object.fromEntries(demandEntries);
    let name = top.name === '' ? `Task ${top.uid}` : top.name;
    if (name.length > MAX_NAME_LENGTH) {
      warnings.push({
        path: `Project/Tasks/Task[${top.index + 1}]/Name`,
        message: `the name of task UID ${top.uid} is ${name.length} characters long; Baton keeps the first ${MAX_NAME_LENGTH}.`,
      });
      name = name.slice(0, MAX_NAME_LENGTH);
    }
    const description = top.notes.slice(0, MAX_TEXT_LENGTH);
    const startPeriod = span ? calendar.periodOf(span.first).id : undefined;
    const prerequisites = dependsOn.get(top);
    return {
      id: idOf.get(top) as string,
      name,
      status,
      ...(description !== '' && { description }),
      ...(Object.keys(demand).length > 0 && { demand }),
      ...(span && { duration: calendar.offset(span.first, span.last) + 1 }),
      ...(startPeriod !== undefined &&
        (status === 'active' || status === 'done'
          ? { start: startPeriod }
          : { earliestStart: startPeriod })),
      ...(prerequisites && prerequisites.length > 0 && { dependsOn: prerequisites }),
      extras: { msProjectUid: top.uid },
    };
  });

  if (problems.count() > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.count() };
  }

  // --- Teams: MaxUnits as capacity where the team has none set --------------------------------
  const teams: Team[] = [];
  const seenTeams = new Set<string>();
  for (const { team, units } of teamOfResource.values()) {
    if (seenTeams.has(team.id)) continue;
    seenTeams.add(team.id);
    // Own keys through Object.fromEntries: a period whose id is "__proto__" is a period like any.
    const capacity: Record<string, number> = Object.fromEntries([
      ...Object.entries(team.capacity),
      ...periods
        .filter((period) => !Object.hasOwn(team.capacity, period.id))
        .map((period) => [period.id, twoDecimals(units)] as const),
    ]);
    teams.push({ ...team, capacity });
  }
  if (
    usedTeams.size > 0 &&
    portfolio.capacityUnit !== undefined &&
    !/fte|full|people|person/i.test(portfolio.capacityUnit)
  ) {
    warnings.push({
      message: `Demand and capacity are in full-time people (FTE), but this portfolio counts capacity in ${portfolio.capacityUnit}; convert one or the other before you rely on the cut line.`,
    });
  }

  return {
    ok: true,
    draft: { format: 'msproject', initiatives, teams, periods, actuals: [], warnings },
  };
}
