/**
 * The Strategy area's weights: each sibling group of objectives (the themes, the children of an
 * objective) weighted directly, as percentages that sum to 100, or by pairwise comparison (AHP),
 * with the consistency of the judgments shown as they are made.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Judgment, Objective, Portfolio } from '../../../../shared/portfolio/types';
import {
  CONSISTENCY_THRESHOLD,
  compareGroup,
  type GroupComparisonResult,
} from '../../../../shared/strategy/ahp';
import { localWeights, type SiblingGroup } from '../../../../shared/strategy/weights';
import { formatNumberText, parseNumberText, screenLocale } from '../../../components/number-text';
import * as edits from '../../../db/edits';
import type { EditResult } from '../../../db/edits';
import { formatNumber } from '../../../format';
import './weights.css';

/** How far from 100 the percentages typed may sum and still be saved (rounding to tenths). */
const SUM_TOLERANCE = 0.5;

/** Pairwise comparison asks n(n − 1)/2 questions: past 10 objectives (45 pairs) it is no help. */
export const MAX_PAIRWISE = 10;

/** Saaty's scale, strongest for the first objective down to strongest for the second. */
const SCALE: readonly { readonly ratio: number; readonly words: string }[] = [
  { ratio: 9, words: 'extremely' },
  { ratio: 8, words: 'very strongly to extremely' },
  { ratio: 7, words: 'very strongly' },
  { ratio: 6, words: 'strongly to very strongly' },
  { ratio: 5, words: 'strongly' },
  { ratio: 4, words: 'moderately to strongly' },
  { ratio: 3, words: 'moderately' },
  { ratio: 2, words: 'equally to moderately' },
];

/** The choices of one pair: "A is 9× as important" … "Equal" … "B is 9× as important". */
function pairChoices(
  a: string,
  b: string,
  chosen: string,
): { readonly value: string; readonly label: string }[] {
  const choices = [
    ...SCALE.map(({ ratio, words }) => ({
      value: String(ratio),
      label: `${a}: ${ratio}× (${words} more important)`,
    })),
    { value: '1', label: 'Equally important (1×)' },
    ...[...SCALE].reverse().map(({ ratio, words }) => ({
      value: `1/${ratio}`,
      label: `${b}: ${ratio}× (${words} more important)`,
    })),
  ];
  if (choices.some((choice) => choice.value === chosen)) return choices;
  // A ratio off Saaty's points (a file may hold any from 1/9 to 9) is offered as it was recorded.
  const ratio = ratioOf(chosen);
  const exact = {
    value: chosen,
    label:
      ratio >= 1
        ? `${a}: ${formatNumber(ratio, 2)}× (as recorded)`
        : `${b}: ${formatNumber(1 / ratio, 2)}× (as recorded)`,
  };
  return [...choices, exact].sort((x, y) => ratioOf(y.value) - ratioOf(x.value));
}

function ratioOf(value: string): number {
  return value.startsWith('1/') ? 1 / Number(value.slice(2)) : Number(value);
}

/** The choice of a stored ratio: a point of Saaty's scale, or the ratio itself. */
function choiceOf(ratio: number): string {
  for (const { ratio: point } of SCALE) {
    if (Math.abs(ratio - point) < 1e-9 * point) return String(point);
    if (Math.abs(ratio - 1 / point) < 1e-9) return `1/${point}`;
  }
  if (Math.abs(ratio - 1) < 1e-9) return '1';
  return String(ratio);
}

/** "A is 3× as important as B" / "B is 2× as important as A" / "A and B equally". */
function judgmentWords(ratio: number, a: string, b: string): string {
  if (Math.abs(ratio - 1) < 1e-9) return `“${a}” and “${b}” equally important`;
  return ratio > 1
    ? `“${a}” ${formatNumber(ratio, 1)}× as important as “${b}”`
    : `“${b}” ${formatNumber(1 / ratio, 1)}× as important as “${a}”`;
}

/** The consistency ratio a group may reach, as people read it: 0.10. */
const THRESHOLD = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 }).format(
  CONSISTENCY_THRESHOLD,
);

const percent = (share: number) => `${formatNumber(share * 100, 1)} %`;

type GroupProps = {
  readonly portfolio: Portfolio;
  readonly group: SiblingGroup;
  readonly members: readonly Objective[];
  readonly weights: ReturnType<typeof localWeights>;
};

export function WeightsView({ portfolio }: { readonly portfolio: Portfolio }) {
  const weights = useMemo(() => localWeights(portfolio), [portfolio]);
  const byId = useMemo(
    () => new Map(portfolio.objectives.map((objective) => [objective.id, objective])),
    [portfolio.objectives],
  );
  const groups = weights.groups.filter((group) => group.ids.length >= 2);
  if (portfolio.objectives.length === 0) {
    return (
      <div className="empty-state">
        <h3>No objectives to weigh yet</h3>
        <p>Add themes and objectives in the tree first; then say here how much each matters.</p>
      </div>
    );
  }
  return (
    <div className="weights">
      <p className="weights__intro">
        Each group’s weights sum to 100 %. An objective’s global weight is its weight times its
        parent’s, down the tree: it is what strategic fit and alignment count. Set a group’s weights
        directly, or compare its objectives two at a time and let Baton work them out.
      </p>
      {groups.length === 0 && (
        <p className="muted">Every group has a single objective, which takes all of its weight.</p>
      )}
      {groups.map((group) => (
        <GroupWeights
          key={group.parentId ?? '(themes)'}
          portfolio={portfolio}
          group={group}
          members={group.ids.map((id) => byId.get(id)).filter((o): o is Objective => !!o)}
          weights={weights}
        />
      ))}
    </div>
  );
}

function GroupWeights({ portfolio, group, members, weights }: GroupProps) {
  const id = useId();
  const stored = portfolio.objectiveComparisons?.find(
    (comparison) => comparison.parentId === group.parentId && comparison.judgments.length > 0,
  );
  const tooMany = members.length > MAX_PAIRWISE;
  const storedMethod = stored && !tooMany ? 'pairwise' : 'direct';
  const [method, setMethod] = useState<'direct' | 'pairwise'>(storedMethod);
  // When the stored way changes (a save, an undo, another window), the group shows it.
  const [shownMethod, setShownMethod] = useState(storedMethod);
  if (shownMethod !== storedMethod) {
    setShownMethod(storedMethod);
    setMethod(storedMethod);
  }
  const names = new Map(members.map((member) => [member.id, member.name]));
  const named = (text: string) =>
    text.replace(/"([^"]+)"/g, (quote, key: string) => {
      const name = names.get(key);
      return name === undefined ? quote : `“${name}”`;
    });
  const parent = group.parentId
    ? portfolio.objectives.find((objective) => objective.id === group.parentId)
    : undefined;
  const title = group.parentId === null ? 'Themes' : `Under “${parent?.name ?? group.parentId}”`;
  return (
    <section className="weights__group" aria-labelledby={`${id}-title`}>
      <header className="weights__header">
        <h3 id={`${id}-title`}>{title}</h3>
        <fieldset className="weights__method">
          <legend className="visually-hidden">How the weights of {title} are set</legend>
          {(['direct', 'pairwise'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={`${id}-method`}
                value={choice}
                checked={method === choice}
                disabled={choice === 'pairwise' && tooMany}
                aria-describedby={choice === 'pairwise' && tooMany ? `${id}-many` : undefined}
                onChange={() => setMethod(choice)}
              />
              {choice === 'direct' ? 'Set directly' : 'Compare pairwise'}
            </label>
          ))}
        </fieldset>
      </header>
      {tooMany && (
        <p className="muted small" id={`${id}-many`}>
          Pairwise comparison takes groups of up to {MAX_PAIRWISE} objectives; this one has{' '}
          {members.length}. Set its weights directly, or group its objectives under a few more.
        </p>
      )}
      {stored && group.problems && (
        <p className="weights__note" role="note">
          The stored comparison cannot be used ({named(group.problems[0] ?? '')}
          {group.problems.length > 1 ? '; …' : ''}): the weights come from the weight fields until
          the group is compared again.
        </p>
      )}
      {method === 'direct' ? (
        <DirectWeights
          key={members.map((member) => member.id).join()}
          group={group}
          members={members}
          weights={weights}
          compared={!!stored}
        />
      ) : (
        <PairwiseComparison
          key={members.map((member) => member.id).join()}
          group={group}
          members={members}
          judgments={stored?.judgments ?? []}
        />
      )}
    </section>
  );
}

function resultMessage(result: EditResult): string | null {
  return result.ok ? null : (result.problems[0]?.message ?? 'This change was refused.');
}

function DirectWeights({
  group,
  members,
  weights,
  compared,
}: {
  readonly group: SiblingGroup;
  readonly members: readonly Objective[];
  readonly weights: GroupProps['weights'];
  readonly compared: boolean;
}) {
  const id = useId();
  const locale = screenLocale();
  const storedDrafts = () =>
    Object.fromEntries(
      members.map((member) => [
        member.id,
        formatNumberText(
          Math.round((weights.objectives.get(member.id)?.local ?? 0) * 1000) / 10,
          locale,
        ),
      ]),
    );
  const [drafts, setDrafts] = useState<Record<string, string>>(storedDrafts);
  // Stored weights that change (a save, an undo, another window) are shown, without a remount
  // that would lose the focus.
  const storedKey = members.map((member) => weights.objectives.get(member.id)?.local).join();
  const [shownKey, setShownKey] = useState(storedKey);
  if (shownKey !== storedKey) {
    setShownKey(storedKey);
    setDrafts(storedDrafts());
  }
  const [error, setError] = useState<string | null>(null);
  const parsed = members.map((member) => parseNumberText(drafts[member.id] ?? '', locale));
  const invalid = members.filter((_, index) => {
    const value = parsed[index];
    return typeof value !== 'number' || value < 0 || value > 100;
  });
  const sum = parsed.reduce<number>(
    (total, value) => total + (typeof value === 'number' ? value : 0),
    0,
  );
  // Percentages typed to a tenth cannot always make exactly 100 (a third each); the weights are
  // stored as shares of their sum, so a sum within half a point of 100 is taken as 100.
  const balanced = Math.abs(sum - 100) <= SUM_TOLERANCE;
  const values = () =>
    Object.fromEntries(members.map((member, index) => [member.id, parsed[index] as number]));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid.length > 0 || !balanced) return;
    setError(resultMessage(await edits.setGroupWeights(group.parentId, values())));
  };
  const spread = () => {
    if (invalid.length > 0 || !(sum > 0)) return;
    // Tenths that sum to exactly 100: what rounding leaves over goes to the largest.
    const tenths = parsed.map((value) => Math.round(((value as number) / sum) * 1000));
    const largest = tenths.indexOf(Math.max(...tenths));
    tenths[largest] = (tenths[largest] ?? 0) + 1000 - tenths.reduce((total, t) => total + t, 0);
    setDrafts(
      Object.fromEntries(
        members.map((member, index) => [
          member.id,
          formatNumberText((tenths[index] ?? 0) / 10, locale),
        ]),
      ),
    );
  };

  return (
    <form className="weights__direct" onSubmit={(event) => void save(event)}>
      <table className="data-table weights__table">
        <caption className="visually-hidden">Weights in percent</caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Global weight
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member, index) => {
            const value = parsed[index];
            const wrong = typeof value !== 'number' || value < 0 || value > 100;
            return (
              <tr key={member.id}>
                <th scope="row">
                  <label htmlFor={`${id}-${member.id}`}>{member.name}</label>
                </th>
                <td className="num">
                  <span className="weights__percent">
                    <input
                      id={`${id}-${member.id}`}
                      type="text"
                      inputMode="decimal"
                      value={drafts[member.id] ?? ''}
                      aria-invalid={wrong || undefined}
                      onChange={(event) =>
                        setDrafts((current) => ({ ...current, [member.id]: event.target.value }))
                      }
                    />
                    <span aria-hidden="true">%</span>
                  </span>
                </td>
                <td className="num muted">
                  {percent(weights.objectives.get(member.id)?.global ?? 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className={`weights__sum${balanced ? '' : ' weights__sum--off'}`} aria-live="polite">
        {invalid.length > 0
          ? `Enter a percentage from 0 to 100 for ${invalid.map((member) => `“${member.name}”`).join(', ')}.`
          : balanced
            ? Math.abs(sum - 100) < 1e-9
              ? 'Sum: 100 %.'
              : `Sum: ${formatNumber(sum, 1)} %, taken as 100 %.`
            : `Sum: ${formatNumber(sum, 1)} %; the weights must sum to 100 % (${sum < 100 ? `${formatNumber(100 - sum, 1)} % left to give` : `${formatNumber(sum - 100, 1)} % too much`}).`}
      </p>
      {compared && (
        <p className="muted small">Saving weights set directly replaces the pairwise comparison.</p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="weights__actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={invalid.length > 0 || !balanced || undefined}
        >
          Save weights
        </button>
        <button
          type="button"
          className="button"
          onClick={spread}
          disabled={Math.abs(sum - 100) < 1e-9 || invalid.length > 0 || !(sum > 0)}
        >
          Scale to 100 %
        </button>
      </div>
    </form>
  );
}

function PairwiseComparison({
  group,
  members,
  judgments,
}: {
  readonly group: SiblingGroup;
  readonly members: readonly Objective[];
  readonly judgments: readonly Judgment[];
}) {
  const id = useId();
  const pairs = useMemo(() => {
    const list: [Objective, Objective][] = [];
    members.forEach((a, i) => members.slice(i + 1).forEach((b) => list.push([a, b])));
    return list;
  }, [members]);
  const storedChoices = () =>
    Object.fromEntries(
      pairs.map(([a, b]) => {
        const stored = judgments.find(
          (judgment) =>
            (judgment.a === a.id && judgment.b === b.id) ||
            (judgment.a === b.id && judgment.b === a.id),
        );
        const ratio = !stored ? 1 : stored.a === a.id ? stored.ratio : 1 / stored.ratio;
        return [`${a.id} ${b.id}`, choiceOf(ratio)];
      }),
    );
  const [choices, setChoices] = useState<Record<string, string>>(storedChoices);
  const storedKey = JSON.stringify(judgments);
  const [shownKey, setShownKey] = useState(storedKey);
  if (shownKey !== storedKey) {
    setShownKey(storedKey);
    setChoices(storedChoices());
  }
  const [error, setError] = useState<string | null>(null);
  const draft: Judgment[] = pairs.map(([a, b]) => ({
    a: a.id,
    b: b.id,
    ratio: ratioOf(choices[`${a.id} ${b.id}`] ?? '1'),
  }));
  const result: GroupComparisonResult = compareGroup(
    members.map((member) => member.id),
    draft,
  );
  const name = new Map(members.map((member) => [member.id, member.name]));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(resultMessage(await edits.setGroupJudgments(group.parentId, draft)));
  };

  return (
    <form className="weights__pairwise" onSubmit={(event) => void save(event)}>
      <p className="muted small">
        For each pair, which matters more, and how much more (Saaty’s scale, 1 to 9)?
      </p>
      <ol className="weights__pairs">
        {pairs.map(([a, b]) => {
          const key = `${a.id} ${b.id}`;
          return (
            <li key={key} className="weights__pair">
              <label htmlFor={`${id}-${a.id}-${b.id}`}>
                “{a.name}” or “{b.name}”
              </label>
              <select
                id={`${id}-${a.id}-${b.id}`}
                value={choices[key] ?? '1'}
                onChange={(event) =>
                  setChoices((current) => ({ ...current, [key]: event.target.value }))
                }
              >
                {pairChoices(a.name, b.name, choices[key] ?? '1').map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
      {result.ok ? (
        <div className="weights__result" aria-live="polite">
          <table className="data-table weights__table">
            <caption className="visually-hidden">Weights these judgments give</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col" className="num">
                  Weight
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const share = result.weights.get(member.id) ?? 0;
                return (
                  <tr key={member.id}>
                    <th scope="row">{member.name}</th>
                    <td className="num">
                      <span className="weights__bar" aria-hidden="true">
                        <span style={{ width: `${share * 100}%` }} />
                      </span>
                      {percent(share)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.consistencyRatio === undefined ? (
            <p className="muted small">Two objectives are always consistent.</p>
          ) : result.consistent ? (
            <p className="weights__consistency">
              Consistency ratio {formatNumber(result.consistencyRatio, 3)}: consistent (at most{' '}
              {THRESHOLD}).
            </p>
          ) : (
            <p className="weights__consistency weights__consistency--warn" role="status">
              Consistency ratio {formatNumber(result.consistencyRatio, 3)}: above {THRESHOLD}, the
              judgments contradict each other.
              {result.mostInconsistent &&
                ` Look again at ${judgmentWords(
                  result.mostInconsistent.ratio,
                  name.get(result.mostInconsistent.a) ?? result.mostInconsistent.a,
                  name.get(result.mostInconsistent.b) ?? result.mostInconsistent.b,
                )}: the other judgments suggest ${judgmentWords(
                  result.mostInconsistent.suggested,
                  name.get(result.mostInconsistent.a) ?? result.mostInconsistent.a,
                  name.get(result.mostInconsistent.b) ?? result.mostInconsistent.b,
                )}.`}
            </p>
          )}
        </div>
      ) : (
        <p className="field__error" role="alert">
          {result.problems[0]}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="weights__actions">
        <button type="submit" className="button button--primary" disabled={!result.ok}>
          Save comparison
        </button>
      </div>
    </form>
  );
}
