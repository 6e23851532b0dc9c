import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionsArea } from '../../../../renderer/areas/decisions/DecisionsArea';
import { dismissQuestion } from '../../../../renderer/components/dialogs';
import { recordDecision, type DecisionInput } from '../../../../renderer/db/edits';
import { usePortfolio } from '../../../../renderer/db/hooks';
import { readPortfolio } from '../../../../renderer/db/repository';
import { useAppStore } from '../../../../renderer/state/store';
import { freshDatabase } from '../../db/fresh-database';
import { withDialogPolyfill } from '../../dialog-polyfill';

withDialogPolyfill();

function Harness() {
  const portfolio = usePortfolio();
  return portfolio ? <DecisionsArea portfolio={portfolio} /> : <p>Loading</p>;
}

const GATE: DecisionInput = {
  date: '2026-10-05',
  kind: 'gate',
  title: 'Approve the NIS2 controls',
  decision: 'The NIS2 security controls pass the strategic-fit gate.',
  rationale: 'The regulatory deadline is in 2027.',
  decidedBy: 'Intake board',
  concerns: [{ kind: 'initiative', id: 'nis2-controls' }],
};
const COMMIT: DecisionInput = {
  date: '2026-11-12',
  kind: 'scenario-commit',
  title: 'Commit the baseline as the plan of record',
  decision: 'The baseline scenario is the plan.',
  decidedBy: 'Portfolio board',
  concerns: [{ kind: 'scenario', id: 'baseline' }],
};
const STOP: DecisionInput = {
  date: '2026-12-01',
  kind: 'stop-continue',
  title: 'Pause the telematics rollout',
  decision: 'The rollout pauses until the vendor is chosen.',
  rationale: 'Budget cut in the second half.',
  decidedBy: 'Ada Lovelace',
  concerns: [
    { kind: 'initiative', id: 'telematics-rollout' },
    { kind: 'objective', id: 'operations' },
  ],
};

async function seed(...inputs: DecisionInput[]) {
  for (const input of inputs) expect(await recordDecision(input)).not.toBe('');
}

async function renderArea() {
  const user = userEvent.setup();
  render(<Harness />);
  await screen.findByRole('heading', { level: 2, name: 'Decisions' });
  return user;
}

/** The titles of the decision cards shown, top to bottom. */
function shownTitles(): string[] {
  const list = screen.queryByRole('list', { name: 'Decisions, newest first' });
  if (!list) return [];
  return within(list)
    .getAllByRole('article')
    .map((card) => card.querySelector('.decision-card__title')?.textContent ?? '');
}

function card(title: string) {
  return screen.getByRole('article', { name: title });
}

function formDialog(name: string | RegExp) {
  return screen.getByRole('dialog', { name });
}

beforeEach(async () => {
  await freshDatabase();
  useAppStore.setState({ notices: [] });
  dismissQuestion();
});

describe('the Decisions area', () => {
  it('says what the log is for when it is empty, and records the first decision', async () => {
    const user = await renderArea();
    expect(screen.getByText('No decisions recorded yet.')).toBeInTheDocument();
    expect(screen.getByText(/keeps what was decided, why and by whom/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record a decision' }));
    const dialog = formDialog('Record a decision');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Kind' }), 'gate');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), GATE.title);
    await user.click(within(dialog).getByRole('textbox', { name: 'Decision' }));
    await user.paste(GATE.decision);
    await user.click(within(dialog).getByRole('textbox', { name: 'Rationale' }));
    await user.paste(GATE.rationale!);
    await user.click(within(dialog).getByRole('combobox', { name: 'Concerns' }));
    await user.keyboard('NIS2{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Record decision' }));

    expect(await screen.findByRole('article', { name: GATE.title })).toHaveTextContent(
      'Initiative: NIS2 security controls',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(`Recorded: ${GATE.title}`);
    const stored = (await readPortfolio()).decisions ?? [];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: 'gate',
      title: GATE.title,
      decision: GATE.decision,
      rationale: GATE.rationale,
      concerns: [{ kind: 'initiative', id: 'nis2-controls' }],
    });
  });

  it('lists the log newest first, each decision with its concerns by name', async () => {
    await seed(GATE, STOP, COMMIT);
    await renderArea();
    await waitFor(() => expect(shownTitles()).toEqual([STOP.title, COMMIT.title, GATE.title]));
    expect(screen.getByText('3 decisions, newest first')).toBeInTheDocument();
    expect(card(STOP.title)).toHaveTextContent('Objective: Run a leaner, greener operation');
    expect(card(COMMIT.title)).toHaveTextContent('Scenario: Baseline — value first');
  });

  it('amends a decision: both stay in the log, the earlier marked superseded', async () => {
    await seed(GATE, COMMIT);
    const user = await renderArea();
    await user.click(
      within(await screen.findByRole('article', { name: COMMIT.title })).getByRole('button', {
        name: `Amend ${COMMIT.title}`,
      }),
    );
    const dialog = formDialog(`Amend “${COMMIT.title}”`);
    expect(dialog).toHaveTextContent('The earlier decision stays in the log');
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue(COMMIT.title);
    expect(within(dialog).getByRole('combobox', { name: 'Kind' })).toHaveValue('scenario-commit');
    expect(within(dialog).getByText('Scenario: Baseline — value first')).toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Commit the baseline without the pilot');
    await user.click(within(dialog).getByRole('button', { name: 'Record amendment' }));

    const amendment = await screen.findByRole('article', {
      name: 'Commit the baseline without the pilot',
    });
    expect(within(amendment).getByText('Amends')).toBeInTheDocument();
    expect(amendment).toHaveTextContent(COMMIT.title);
    const earlier = card(COMMIT.title);
    expect(within(earlier).getByText('Superseded')).toBeInTheDocument();
    expect(within(earlier).getByText('Superseded by')).toBeInTheDocument();
    expect(within(earlier).queryByRole('button', { name: /^Amend/ })).not.toBeInTheDocument();
    // The amendment can be amended in turn.
    expect(
      within(amendment).getByRole('button', {
        name: 'Amend Commit the baseline without the pilot',
      }),
    ).toBeInTheDocument();
    expect(useAppStore.getState().notices.at(-1)?.text).toBe(`Amended: ${COMMIT.title}`);

    const stored = (await readPortfolio()).decisions ?? [];
    expect(stored).toHaveLength(3);
    const original = stored.find((decision) => decision.title === COMMIT.title)!;
    expect(stored.at(-1)).toMatchObject({
      title: 'Commit the baseline without the pilot',
      decision: COMMIT.decision,
      supersedes: original.id,
    });
    expect(original.decision).toBe(COMMIT.decision);

    // The link from the earlier to the later decision takes the focus to it.
    await user.click(
      within(earlier).getByRole('button', { name: /^Commit the baseline without the pilot/ }),
    );
    expect(amendment).toHaveFocus();
  });

  it('finds decisions by words of the title, decision, rationale or who decided', async () => {
    await seed(GATE, COMMIT, STOP);
    const user = await renderArea();
    await waitFor(() => expect(shownTitles()).toHaveLength(3));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'regulatory');
    expect(shownTitles()).toEqual([GATE.title]);
    expect(screen.getByText('1 of 3 decisions, newest first')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'lovelace budget');
    expect(shownTitles()).toEqual([STOP.title]);
    await user.clear(search);
    await user.type(search, 'board');
    expect(shownTitles()).toEqual([COMMIT.title, GATE.title]);
    await user.type(search, ' nowhere');
    expect(screen.getByText('No decision matches.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    expect(shownTitles()).toHaveLength(3);
    expect(search).toHaveValue('');
  });

  it('filters by kind, by the item decided about, and by dates', async () => {
    await seed(GATE, COMMIT, STOP);
    const user = await renderArea();
    await waitFor(() => expect(shownTitles()).toHaveLength(3));
    const kind = screen.getByRole('combobox', { name: 'Kind' });
    await user.selectOptions(kind, 'stop-continue');
    expect(shownTitles()).toEqual([STOP.title]);
    await user.selectOptions(kind, '');

    const item = screen.getByRole('combobox', { name: 'Concerning' });
    // Only what some decision concerns is offered, by name.
    expect(
      within(item)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Any item',
      'Fleet telematics rollout',
      'NIS2 security controls',
      'Baseline — value first',
      'Run a leaner, greener operation',
    ]);
    await user.selectOptions(item, 'initiative:nis2-controls');
    expect(shownTitles()).toEqual([GATE.title]);
    await user.selectOptions(item, 'objective:operations');
    expect(shownTitles()).toEqual([STOP.title]);
    await user.selectOptions(item, '');

    await user.type(screen.getByLabelText('From'), '2026-11-01');
    expect(shownTitles()).toEqual([STOP.title, COMMIT.title]);
    await user.type(screen.getByLabelText('To'), '2026-11-30');
    expect(shownTitles()).toEqual([COMMIT.title]);
  });
});
