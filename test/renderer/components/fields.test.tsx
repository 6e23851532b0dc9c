import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  DateField,
  NumberField,
  ReplayCount,
  TextField,
} from '../../../renderer/components/fields';

/** The text a screen reader reads as the field's description. */
function description(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('a number field', () => {
  it('takes a decimal comma in a German locale and shows the stored number with one', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn(() => ({ ok: true }) as const);
    render(<NumberField label="Capacity" value={9.5} onCommit={onCommit} locale="de-DE" />);
    const field = screen.getByLabelText('Capacity');
    expect(field).toHaveValue('9,5');
    await user.clear(field);
    await user.type(field, '10,25');
    expect(onCommit).toHaveBeenLastCalledWith(10.25);
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.clear(field);
    await user.type(field, '7.5');
    expect(onCommit).toHaveBeenLastCalledWith(7.5);
  });

  it('says what is wrong in the locale, tied to the field', async () => {
    const user = userEvent.setup();
    render(<NumberField label="Capacity" value={1} onCommit={() => undefined} locale="de-DE" />);
    const field = screen.getByLabelText('Capacity');
    await user.clear(field);
    await user.type(field, 'viel');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(description(field)).toBe('Capacity: enter a number, such as 2,5.');
  });
});

/** A number field over a stored value that refuses anything above 10, as the rules would. */
function Stored({ initial, log }: { readonly initial: number; readonly log: number[] }) {
  const [value, setValue] = useState<number | undefined>(initial);
  return (
    <NumberField
      label="Customer value"
      value={value}
      optional
      onCommit={(next) => {
        if (next !== undefined && next > 10) {
          return { ok: false, problems: [{ path: 'x', message: 'must be from 1 to 10' }] };
        }
        log.push(next as number);
        setValue(next);
        return { ok: true };
      }}
    />
  );
}

describe('a refused entry', () => {
  it('changes nothing: the valid first digits of "11" are not left stored', async () => {
    const user = userEvent.setup();
    const log: number[] = [];
    render(<Stored initial={10} log={log} />);
    const field = screen.getByLabelText('Customer value');
    await user.clear(field);
    await user.type(field, '11');
    expect(description(field)).toBe('must be from 1 to 10');
    // "1" was stored on the way; the refusal puts back the 10 the field held.
    await waitFor(() => expect(log.at(-1)).toBe(10));
    expect(field).toHaveValue('11');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('changes nothing when the field itself refuses what is typed', async () => {
    const user = userEvent.setup();
    const log: number[] = [];
    render(<Stored initial={4} log={log} />);
    const field = screen.getByLabelText('Customer value');
    await user.clear(field);
    await user.type(field, '2x');
    expect(description(field)).toBe('Customer value: enter a number, such as 2.5.');
    await waitFor(() => expect(log.at(-1)).toBe(4));
  });
});

describe('a date field', () => {
  it('marks a refused date invalid and ties the reason to it', async () => {
    const onCommit = vi.fn(async () => ({
      ok: false as const,
      problems: [{ path: 'periods[0].end', message: 'the end is before the start' }],
    }));
    render(<DateField label="End of Q1" value="2027-03-31" onCommit={onCommit} />);
    const field = screen.getByLabelText('End of Q1');
    fireEvent.change(field, { target: { value: '2026-01-01' } });
    fireEvent.blur(field);
    expect(await screen.findByText('the end is before the start')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(description(field)).toBe('the end is before the start');
  });

  it('marks a date typed half-way invalid without storing it', () => {
    const onCommit = vi.fn();
    render(<DateField label="Start of Q2" value="2027-04-01" onCommit={onCommit} />);
    const field = screen.getByLabelText('Start of Q2') as HTMLInputElement;
    Object.defineProperty(field, 'validity', { value: { badInput: true } });
    fireEvent.blur(field);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(description(field)).toBe('Start of Q2: enter a whole date, day, month and year.');
    expect(onCommit).not.toHaveBeenCalled();
  });
});

/**
 * A text field whose stored value echoes back after a delay, as the database does, inside an app
 * whose undo count (ReplayCount) can be moved by a button, as Ctrl+Z elsewhere moves it.
 */
function EchoedNotes() {
  const [stored, setStored] = useState('');
  const [replays, setReplays] = useState(0);
  return (
    <ReplayCount.Provider value={replays}>
      <button type="button" onClick={() => setReplays((count) => count + 1)}>
        Undo something else
      </button>
      <TextField
        label="Notes"
        value={stored}
        onCommit={(text) => {
          setTimeout(() => setStored(text), 30);
          return { ok: true };
        }}
      />
      <output aria-label="Stored">{stored}</output>
    </ReplayCount.Provider>
  );
}

describe('a text field after an undo elsewhere', () => {
  it('keeps everything typed once the stored echoes arrive', async () => {
    const user = userEvent.setup();
    render(<EchoedNotes />);
    // An undo that changes nothing in this field, then typing into it.
    await user.click(screen.getByRole('button', { name: 'Undo something else' }));
    const field = screen.getByLabelText('Notes');
    await user.type(field, 'Typed after an undo elsewhere');
    await waitFor(() =>
      expect(screen.getByLabelText('Stored')).toHaveTextContent('Typed after an undo elsewhere'),
    );
    expect(field).toHaveValue('Typed after an undo elsewhere');
  });
});
