/**
 * The portfolio's scenarios: each one a named ranking of the initiatives. Lists them with what
 * each puts above the cut line, creates, duplicates, renames and deletes them, opens one on the
 * board, and compares two to four side by side.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Portfolio, Scenario } from '../../../shared/portfolio/types';
import {
  scenarioFigures,
  type ScenarioFigures,
} from '../../../shared/prioritize/scenario-comparison';
import { askUser } from '../../components/dialogs';
import {
  createScenario,
  deleteScenario,
  duplicateScenario,
  renameScenario,
  type EditResult,
} from '../../db/edits';
import { formatNumber } from '../../format';
import { useAppStore } from '../../state/store';
import { CommitScenarioDialog } from './scenarios/CommitScenarioDialog';
import { ScenarioComparisonView } from './scenarios/ScenarioComparisonView';
import { ScenarioNameForm } from './scenarios/ScenarioNameForm';
import './scenarios/scenarios.css';

export type ScenariosTabProps = {
  readonly portfolio: Portfolio;
  readonly activeScenarioId: string | null;
  /** Open the scenario on the board. */
  readonly onActivate: (scenarioId: string) => void;
  /** The scenario on the board was deleted: show this one instead (default: onActivate). */
  readonly onActiveDeleted?: (scenarioId: string) => void;
};

function refusal(result: EditResult, fallback: string): string | null {
  return result.ok ? null : (result.problems[0]?.message ?? fallback);
}

function failure(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

export function ScenariosTab({
  portfolio,
  activeScenarioId,
  onActivate,
  onActiveDeleted = onActivate,
}: ScenariosTabProps) {
  const notify = useAppStore((state) => state.notify);
  const [creating, setCreating] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [committing, setCommitting] = useState<Scenario | null>(null);
  // The New scenario button takes the focus back when it reappears after its form closed.
  const [focusNewButton, setFocusNewButton] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const figures = useMemo(
    () =>
      new Map(
        portfolio.scenarios.map((scenario) => [
          scenario.id,
          scenarioFigures(portfolio, scenario.id),
        ]),
      ),
    [portfolio],
  );

  const closeNewForm = () => {
    setCreating(false);
    setFocusNewButton(true);
  };

  const create = async (name: string): Promise<string | null> => {
    try {
      await createScenario(name);
    } catch (reason) {
      return failure(reason);
    }
    notify('success', `Added the scenario ${name}.`);
    closeNewForm();
    return null;
  };

  const duplicate = async (scenario: Scenario) => {
    try {
      await duplicateScenario(scenario.id);
      notify('success', `Copied the scenario ${scenario.name}.`);
    } catch (reason) {
      notify('error', failure(reason));
    }
  };

  const rename = async (scenario: Scenario, name: string): Promise<string | null> => {
    if (name === scenario.name) {
      setRenamingId(null);
      return null;
    }
    try {
      const result = await renameScenario(scenario.id, name);
      const refused = refusal(result, 'The new name was refused.');
      if (refused !== null) return refused;
    } catch (reason) {
      return failure(reason);
    }
    setRenamingId(null);
    return null;
  };

  const remove = async (scenario: Scenario) => {
    const isActive = scenario.id === activeScenarioId;
    const index = portfolio.scenarios.findIndex((entry) => entry.id === scenario.id);
    // The neighbour below takes its place on the board, or the one above when it was the last.
    const next = portfolio.scenarios[index + 1] ?? portfolio.scenarios[index - 1];
    const onBoard = isActive
      ? next
        ? ` It is on the board now; the board switches to ${next.name}.`
        : ' It is on the board now, and no other scenario is left to show there.'
      : '';
    const choice = await askUser({
      title: `Delete the scenario "${scenario.name}"?`,
      body: `Its ranking is deleted with it; the initiatives stay.${onBoard} You can undo this with Ctrl+Z.`,
      actions: [
        { id: 'delete', label: 'Delete scenario', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    try {
      const result = await deleteScenario(scenario.id);
      const refused = refusal(result, 'Could not delete.');
      if (refused !== null) {
        notify('error', refused);
        return;
      }
    } catch (reason) {
      notify('error', failure(reason));
      return;
    }
    notify('success', `Deleted the scenario ${scenario.name}.`);
    if (isActive && next) onActiveDeleted(next.id);
    if (next) listHeading.current?.focus();
    else setFocusNewButton(true);
  };

  const newForm = creating && (
    <ScenarioNameForm
      label="Name of the new scenario"
      initialName=""
      submitLabel="Create"
      onSubmit={create}
      onCancel={closeNewForm}
    />
  );
  const newButtonElement = !creating && (
    <button
      type="button"
      className="button button--primary"
      autoFocus={focusNewButton}
      onClick={() => {
        setFocusNewButton(false);
        setCreating(true);
      }}
    >
      New scenario
    </button>
  );

  return (
    <div className="panel scenarios">
      <div className="panel__intro">
        <p>
          A scenario is a ranking of the initiatives. The cut line places each ranking into the
          teams&apos; capacity and the budget; compare scenarios to see what each choice brings in
          and leaves out. A new scenario starts from the initiatives in file order.
        </p>
        {portfolio.scenarios.length > 0 && newButtonElement}
      </div>
      {portfolio.scenarios.length > 0 && newForm}
      {portfolio.scenarios.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__lead">No scenarios yet.</p>
          <p>
            Create one to rank the initiatives and see where the cut line falls. It starts with
            every initiative in file order.
          </p>
          {newButtonElement}
          {newForm}
        </div>
      ) : (
        <section className="card scenario-list" aria-labelledby="scenario-list-title">
          <h3 id="scenario-list-title" ref={listHeading} tabIndex={-1}>
            Scenarios
          </h3>
          <div className="table-scroll">
            <table className="data-table scenario-table">
              <caption className="visually-hidden">
                Scenarios, with what each funds: above the cut line or in a gap behind it
              </caption>
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col" className="num">
                    Funded
                  </th>
                  <th scope="col" className="num">
                    Below the line
                  </th>
                  <th scope="col" className="num">
                    Value funded
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {portfolio.scenarios.map((scenario) => (
                  <ScenarioRow
                    key={scenario.id}
                    scenario={scenario}
                    figures={figures.get(scenario.id)}
                    active={scenario.id === activeScenarioId}
                    renaming={scenario.id === renamingId}
                    onStartRename={() => setRenamingId(scenario.id)}
                    onCancelRename={() => setRenamingId(null)}
                    onRename={(name) => rename(scenario, name)}
                    onDuplicate={() => void duplicate(scenario)}
                    onDelete={() => void remove(scenario)}
                    onActivate={() => onActivate(scenario.id)}
                    onCommit={() => setCommitting(scenario)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {portfolio.scenarios.length > 0 && (
        <ScenarioComparisonView portfolio={portfolio} activeScenarioId={activeScenarioId} />
      )}
      {committing && (
        <CommitScenarioDialog
          portfolio={portfolio}
          scenario={committing}
          figures={figures.get(committing.id)}
          onRecorded={(title) => {
            notify('success', `Recorded: ${title}`);
            setCommitting(null);
          }}
          onCancel={() => setCommitting(null)}
        />
      )}
    </div>
  );
}

type ScenarioRowProps = {
  readonly scenario: Scenario;
  readonly figures: ScenarioFigures | undefined;
  readonly active: boolean;
  readonly renaming: boolean;
  readonly onStartRename: () => void;
  readonly onCancelRename: () => void;
  readonly onRename: (name: string) => Promise<string | null>;
  readonly onDuplicate: () => void;
  readonly onDelete: () => void;
  readonly onActivate: () => void;
  /** Record the decision that this scenario is the plan of record. */
  readonly onCommit: () => void;
};

function ScenarioRow(props: ScenarioRowProps) {
  const { scenario, figures, active, renaming } = props;
  const renameButton = useRef<HTMLButtonElement>(null);
  // Set when this row's own form closes, so that focus returns to its Rename button.
  const refocus = useRef(false);
  useEffect(() => {
    if (renaming || !refocus.current) return;
    refocus.current = false;
    renameButton.current?.focus();
  }, [renaming]);
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
  return (
    <tr aria-current={active ? 'true' : undefined}>
      <th scope="row" className="scenario-table__name">
        {renaming ? (
          <ScenarioNameForm
            label={`New name for ${scenario.name}`}
            initialName={scenario.name}
            submitLabel="Save"
            onSubmit={async (name) => {
              refocus.current = true;
              const refused = await props.onRename(name);
              if (refused !== null) refocus.current = false;
              return refused;
            }}
            onCancel={() => {
              refocus.current = true;
              props.onCancelRename();
            }}
          />
        ) : (
          <>
            <span className="scenario-table__title">{scenario.name}</span>
            {active && <span className="badge scenario-table__active">On the board</span>}
            {scenario.description && (
              <span className="scenario-table__description">{scenario.description}</span>
            )}
          </>
        )}
      </th>
      <td className="num">
        {figures ? formatNumber(figures.above.length, 0) : '–'}
        {figures && figures.inGap > 0 && (
          <span className="scenario-table__note">
            {formatNumber(figures.above.length - figures.inGap, 0)} above the line,{' '}
            {formatNumber(figures.inGap, 0)} in a gap
          </span>
        )}
      </td>
      <td className="num">{figures ? formatNumber(figures.below.length, 0) : '–'}</td>
      <td className="num">
        {figures ? formatNumber(figures.valueAbove) : '–'}
        {figures && figures.unvaluedAbove > 0 && (
          <span className="scenario-table__note">{figures.unvaluedAbove} unvalued</span>
        )}
      </td>
      <td>
        <div className="scenario-table__actions">
          {!active && (
            <button
              type="button"
              className="button button--small"
              onClick={() => props.onActivate()}
            >
              Open on the board{hidden(`: ${scenario.name}`)}
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => props.onCommit()}>
            Commit as plan{hidden(`: ${scenario.name}`)}
          </button>
          <button
            ref={renameButton}
            type="button"
            className="button button--quiet button--small"
            disabled={renaming}
            onClick={() => props.onStartRename()}
          >
            Rename {hidden(scenario.name)}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => props.onDuplicate()}
          >
            Duplicate {hidden(scenario.name)}
          </button>
          <button
            type="button"
            className="button button--quiet button--small button--danger"
            onClick={() => props.onDelete()}
          >
            Delete {hidden(scenario.name)}
          </button>
        </div>
      </td>
    </tr>
  );
}
