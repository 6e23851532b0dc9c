import { describe, it } from 'vitest';
import { eventually, initiativeLink, initiativeNameField, notices, shown } from './support/app';
import { useHarness } from './support/harness';

const harness = useHarness();

const OLD_NAME = 'Customer identity (CIAM)';
const NEW_NAME = 'Customer identity and access';

describe('undo and redo', () => {
  it('undoes and redoes a typed rename with Ctrl+Z and Ctrl+Shift+Z typed in the field', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/initiatives/ciam');
    const name = initiativeNameField(page);
    await eventually(() => name.inputValue(), OLD_NAME, 'the editor shows the demo name');

    // Typed key by key: the keystrokes become one undo step.
    await name.selectText();
    await name.pressSequentially(NEW_NAME, { delay: 15 });
    await shown(initiativeLink(page, NEW_NAME));

    // The focus is still in the Name field: the app's undo works there too.
    await name.press('Control+z');
    await shown(initiativeLink(page, OLD_NAME));
    await eventually(() => name.inputValue(), OLD_NAME, 'the Name field after Ctrl+Z');
    await eventually(() => initiativeLink(page, NEW_NAME).count(), 0, 'the new name after Ctrl+Z');
    await shown(notices(page).getByText(`Undone: Renamed “${OLD_NAME}” to “${NEW_NAME}”`));

    await name.press('Control+Shift+z');
    await shown(initiativeLink(page, NEW_NAME));
    await eventually(() => name.inputValue(), NEW_NAME, 'the Name field after Ctrl+Shift+Z');
    await eventually(
      () => initiativeLink(page, OLD_NAME).count(),
      0,
      'the old name after Ctrl+Shift+Z',
    );
    await shown(notices(page).getByText(`Redone: Renamed “${OLD_NAME}” to “${NEW_NAME}”`));
  });

  it('undoes with the Undo button, and the undone state is what is stored', async () => {
    const { page } = await harness.open(await harness.profile(), '#/portfolio/initiatives/ciam');
    const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    const redoButton = page.getByRole('button', { name: 'Redo', exact: true });
    await eventually(() => undoButton.isDisabled(), true, 'Undo before any edit');

    const name = initiativeNameField(page);
    await eventually(() => name.inputValue(), OLD_NAME, 'the editor shows the demo name');
    await name.fill(NEW_NAME);
    await shown(initiativeLink(page, NEW_NAME));
    await eventually(() => undoButton.isEnabled(), true, 'Undo after an edit');
    await eventually(
      () => undoButton.getAttribute('title'),
      `Undo Renamed “${OLD_NAME}” to “${NEW_NAME}” (Ctrl+Z)`,
      'the Undo button says what it undoes',
    );

    await undoButton.click();
    await shown(initiativeLink(page, OLD_NAME));
    await eventually(() => name.inputValue(), OLD_NAME, 'the Name field after Undo');
    await eventually(() => redoButton.isEnabled(), true, 'Redo after Undo');

    await page.reload();
    await shown(initiativeLink(page, OLD_NAME));
    await eventually(
      () => initiativeNameField(page).inputValue(),
      OLD_NAME,
      'the Name field after a reload',
    );
    await eventually(() => initiativeLink(page, NEW_NAME).count(), 0, 'the new name after reload');
  });
});
