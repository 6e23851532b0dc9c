/**
 * "Commit as the plan of record": the decision that a scenario is the plan, recorded in the
 * decision log with what its cut line funds and the fingerprint of the portfolio as it stands.
 */
import { useMemo, useState } from 'react';
import { fingerprint } from '../../../../shared/pack/content';
import type { Portfolio, Scenario } from '../../../../shared/portfolio/types';
import type { ScenarioFigures } from '../../../../shared/prioritize/scenario-comparison';
import { writePortfolio } from '../../../../shared/portfolio/write';
import { decisionConcernOptions, DecisionDialog } from '../../../components/DecisionForm';
import * as edits from '../../../db/edits';
import type { DecisionInput } from '../../../db/edits';
import { formatNumber } from '../../../format';
import { profileName } from '../../../state/profile';

/** What the cut line of the scenario funds, in a sentence for the decision. */
export function cutLineSummary(scenario: Scenario, figures: ScenarioFigures | undefined): string {
  const plan = `Commit the scenario ${scenario.name} as the plan of record`;
  if (!figures) return `${plan}.`;
  const count = (n: number, one: string, many: string) =>
    `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
  const funded = count(figures.above.length, 'initiative', 'initiatives');
  const gap =
    figures.inGap > 0
      ? ` (${formatNumber(figures.above.length - figures.inGap, 0)} above the line, ${formatNumber(figures.inGap, 0)} in a gap behind it)`
      : ' above the line';
  const unvalued =
    figures.unvaluedAbove > 0
      ? `, ${formatNumber(figures.unvaluedAbove, 0)} of them without a value`
      : '';
  return `${plan}: ${funded} funded${gap}, ${formatNumber(figures.below.length, 0)} below the line; value funded ${formatNumber(figures.valueAbove)}${unvalued}.`;
}

type Props = {
  readonly portfolio: Portfolio;
  readonly scenario: Scenario;
  readonly figures: ScenarioFigures | undefined;
  /** After the decision is recorded, with its title. */
  readonly onRecorded: (title: string) => void;
  readonly onCancel: () => void;
};

export function CommitScenarioDialog({
  portfolio,
  scenario,
  figures,
  onRecorded,
  onCancel,
}: Props) {
  const options = useMemo(() => decisionConcernOptions(portfolio), [portfolio]);
  // The portfolio as it stands when the form opens: what the decision was taken on. The form
  // keeps its first values, so later changes to the portfolio do not move it.
  const [frozen] = useState(() => fingerprint(writePortfolio(portfolio)));
  const save = async (input: DecisionInput): Promise<string | null> => {
    const id = await edits.recordDecision(input);
    if (!id) return 'The decision was not recorded: the portfolio refused it.';
    onRecorded(input.title);
    return null;
  };
  return (
    <DecisionDialog
      title={`Commit “${scenario.name}” as the plan of record`}
      initial={{
        kind: 'scenario-commit',
        title: `Commit ${scenario.name} as the plan of record`,
        decision: cutLineSummary(scenario, figures),
        decidedBy: profileName(),
        concerns: [{ kind: 'scenario', id: scenario.id }],
      }}
      options={options}
      fingerprint={frozen}
      saveLabel="Record decision"
      onSave={save}
      onCancel={onCancel}
    />
  );
}
