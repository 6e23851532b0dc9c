/**
 * The score fields of a scoring model's criteria, as the initiative editor and the proposal form
 * show them: a computed criterion (strategic fit) as its figure, a criterion on a fixed set of
 * values as a choice, any other as a number on its scale.
 */
import type { EditResult } from '../../shared/store/changes';
import type { ModelCriterion } from '../../shared/strategy/scoring';
import { formatNumber } from '../format';
import { NumberField, SelectField } from './fields';

type CriterionScoreFieldsProps = {
  readonly criteria: readonly ModelCriterion[];
  /** The typed scores, by criterion id. */
  readonly scores: Readonly<Record<string, number>> | undefined;
  /** A computed criterion's score, 0 to 100. */
  readonly computedScore: (criterionId: string) => number | undefined;
  /** Stores a score (undefined: not scored). */
  readonly onCommit: (
    criterion: ModelCriterion,
    score: number | undefined,
  ) => Promise<EditResult | void> | EditResult | void;
};

export function CriterionScoreFields({
  criteria,
  scores,
  computedScore,
  onCommit,
}: CriterionScoreFieldsProps) {
  return (
    <div className="field-grid">
      {criteria.map((criterion) => {
        const weight =
          criterion.weight !== undefined ? `, weight ${formatNumber(criterion.weight, 2)}` : '';
        if (criterion.computed) {
          return (
            <p key={criterion.id} className="field field--computed">
              <span className="field__label">{criterion.name}</span>
              <span>
                {formatNumber(computedScore(criterion.id) ?? 0, 1)} of 100
                <span className="muted small"> · from its objective links{weight}</span>
              </span>
            </p>
          );
        }
        const scale = criterion.scale;
        const label = `${criterion.name} (${scale.label}${weight})`;
        const score = scores?.[criterion.id];
        if (scale.kind === 'set') {
          const shown = (value: number) =>
            criterion.percent ? `${formatNumber(value * 100, 0)} %` : formatNumber(value, 2);
          // A stored score off the set (from a file) stays visible as a choice.
          const values =
            score !== undefined && !scale.values.includes(score)
              ? [...scale.values, score]
              : scale.values;
          return (
            <SelectField
              key={criterion.id}
              label={label}
              value={score === undefined ? '' : String(score)}
              options={[
                { value: '', label: 'Not scored' },
                ...values.map((value) => ({ value: String(value), label: shown(value) })),
              ]}
              onCommit={(text) => onCommit(criterion, text === '' ? undefined : Number(text))}
            />
          );
        }
        return (
          <NumberField
            key={criterion.id}
            label={label}
            value={score}
            optional
            onCommit={(value) => onCommit(criterion, value)}
          />
        );
      })}
    </div>
  );
}
