import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SettingsDialog } from '../../../renderer/components/SettingsDialog';
import { withDialogPolyfill } from '../dialog-polyfill';

// jsdom has no modal dialogs: opening one here just marks it open, so that it can be found.
withDialogPolyfill();

function renderDialog(props: { name?: string; defaultName?: string } = {}) {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  const view = render(
    <SettingsDialog
      name={props.name ?? ''}
      defaultName={props.defaultName ?? ''}
      onSave={onSave}
      onCancel={onCancel}
    />,
  );
  return { ...view, onSave, onCancel, field: screen.getByLabelText('Your name') };
}

describe('SettingsDialog', () => {
  it('is a modal dialog named Settings, the name field focused and explained', () => {
    const { field } = renderDialog({ name: 'Ada Lovelace' });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument();
    expect(field).toHaveValue('Ada Lovelace');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(
      'Shown in the change history and the decision log as who made a change.',
    );
  });

  it("offers the account's name as what is used while none is saved", () => {
    const { field } = renderDialog({ defaultName: 'ada' });
    expect(field).toHaveValue('');
    expect(field).toHaveAttribute('placeholder', 'ada');
    expect(field).toHaveAccessibleDescription(/Left empty, Baton uses your account name, ada\./);
  });

  it('saves the typed name with Save', async () => {
    const user = userEvent.setup();
    const { field, onSave, onCancel } = renderDialog({ name: 'Ada' });
    await user.clear(field);
    await user.type(field, 'Grace Hopper');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith('Grace Hopper');
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('saves with Enter in the field', async () => {
    const user = userEvent.setup();
    const { field, onSave } = renderDialog();
    await user.type(field, 'Grace{Enter}');
    expect(onSave).toHaveBeenCalledWith('Grace');
  });

  it('saves an empty name, which clears the saved one', async () => {
    const user = userEvent.setup();
    const { field, onSave } = renderDialog({ name: 'Ada', defaultName: 'ada' });
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(onSave).toHaveBeenCalledWith('');
  });

  it('cancels with Cancel and with Escape, saving nothing', async () => {
    const user = userEvent.setup();
    const { field, onSave, onCancel } = renderDialog({ name: 'Ada' });
    await user.type(field, ' Lovelace');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    // Escape makes the browser fire `cancel` at an open modal dialog (jsdom does not).
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says at once when the name is too long, and refuses to save it', async () => {
    const user = userEvent.setup();
    const { field, onSave } = renderDialog();
    await user.click(field);
    await user.paste('x'.repeat(81));
    expect(
      screen.getByText('Your name can be at most 80 characters; this one has 81.'),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/at most 80 characters; this one has 81\./);
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(field).toHaveFocus();

    await user.keyboard('{Backspace}{Enter}');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(onSave).toHaveBeenCalledWith('x'.repeat(80));
  });

  it('gives the focus back to where it was when it closes', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { unmount } = renderDialog();
    expect(opener).not.toHaveFocus();
    unmount();
    expect(opener).toHaveFocus();
    opener.remove();
  });
});
