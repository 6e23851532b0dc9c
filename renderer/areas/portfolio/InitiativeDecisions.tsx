/**
 * The decision log as the initiative editor shows it: the decisions about this initiative, a
 * way to record one, and the stop decision that forcing committed work out asks for.
 */
import { useId, useMemo, useState } from 'react';
import type { Initiative, Portfolio } from '../../../shared/portfolio/types';
import {
  concernKey,
  decisionConcernOptions,
  DecisionDialog,
  type DecisionDraft,
} from '../../components/DecisionForm';
import { DecisionList, newestFirst } from '../../components/DecisionList';
import * as edits from '../../db/edits';
import type { DecisionInput } from '../../db/edits';
import { profileName } from '../../state/profile';
import { useAppStore } from '../../state/store';

type Props = { readonly initiative: Initiative; readonly portfolio: Portfolio };

function useConcernOptions(portfolio: Portfolio) {
  const options = useMemo(() => decisionConcernOptions(portfolio), [portfolio]);
  const names = useMemo(
    () => new Map(options.map((option) => [concernKey(option), option.name])),
    [options],
  );
  return { options, names };
}

/** The decisions that concern the initiative, newest first, and Record a decision about it. */
export function InitiativeDecisionsSection({ initiative, portfolio }: Props) {
  const headingId = useId();
  const notify = useAppStore((state) => state.notify);
  const navigate = useAppStore((state) => state.navigate);
  const { options, names } = useConcernOptions(portfolio);
  const [recording, setRecording] = useState(false);
  const log = portfolio.decisions ?? [];
  const about = newestFirst(
    log.filter((decision) =>
      decision.concerns?.some(
        (concern) => concern.kind === 'initiative' && concern.id === initiative.id,
      ),
    ),
  );

  const save = async (input: DecisionInput): Promise<string | null> => {
    const id = await edits.recordDecision(input);
    if (!id) return 'The decision was not recorded: the portfolio refused it.';
    notify('success', `Recorded: ${input.title}`);
    setRecording(false);
    return null;
  };

  return (
    <section className="editor__section" aria-labelledby={headingId}>
      <h4 id={headingId}>Decisions</h4>
      {about.length === 0 ? (
        <p className="muted">No decision in the log concerns this initiative yet.</p>
      ) : (
        <DecisionList
          label={`Decisions about ${initiative.name}, newest first`}
          decisions={about}
          log={log}
          nameOf={(concern) => names.get(concernKey(concern))}
          compact
          headingLevel={5}
        />
      )}
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => setRecording(true)}>
          Record a decision about this initiative
        </button>
        {log.length > 0 && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => navigate({ area: 'decisions' })}
          >
            Open the decision log
          </button>
        )}
      </div>
      {recording && (
        <DecisionDialog
          title={`Record a decision about “${initiative.name}”`}
          initial={{
            decidedBy: profileName(),
            concerns: [{ kind: 'initiative', id: initiative.id }],
          }}
          options={options}
          saveLabel="Record decision"
          onSave={save}
          onCancel={() => setRecording(false)}
        />
      )}
    </section>
  );
}

type StopProps = Props & {
  /** Called once the decision is recorded and the initiative forced out, or on Cancel. */
  readonly onClose: () => void;
};

/**
 * Forcing committed work (active or done) out is a stop decision: this asks for it. Saving
 * records the decision and forces the initiative out, with the rationale as the forced reason
 * when it has none, as one edit; Cancel changes nothing.
 */
export function StopDecisionDialog({ initiative, portfolio, onClose }: StopProps) {
  const notify = useAppStore((state) => state.notify);
  const { options } = useConcernOptions(portfolio);
  const initial: DecisionDraft = {
    kind: 'stop-continue',
    title: `Stop ${initiative.name}`,
    decision: `Stop ${initiative.name} and force it out of the plan.`,
    decidedBy: profileName(),
    concerns: [{ kind: 'initiative', id: initiative.id }],
  };

  const save = async (input: DecisionInput): Promise<string | null> => {
    // One edit: the decision, forced out and its reason; one Undo takes all of it back.
    const id = await edits.recordStopDecision(initiative.id, input);
    if (!id) return 'The decision was not recorded and nothing changed: the portfolio refused it.';
    notify('success', `Recorded: ${input.title}. ${initiative.name} is forced out.`);
    onClose();
    return null;
  };

  return (
    <DecisionDialog
      title={`Stop “${initiative.name}”?`}
      initial={initial}
      options={options}
      saveLabel="Record and force out"
      intro={
        <p>
          {initiative.name} is {initiative.status === 'done' ? 'done' : 'under way'}: the plan holds
          it until a stop decision takes it out. Record that decision to force it out; Cancel leaves
          it as it is.
        </p>
      }
      onSave={save}
      onCancel={onClose}
    />
  );
}
