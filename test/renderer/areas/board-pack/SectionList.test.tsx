import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PackSectionId } from '../../../../shared/pack/types';
import {
  SectionList,
  moveSection,
  withSection,
} from '../../../../renderer/areas/board-pack/SectionList';

function Harness({ initial }: { readonly initial: PackSectionId[] }) {
  const [chosen, setChosen] = useState<readonly PackSectionId[]>(initial);
  return (
    <>
      <SectionList chosen={chosen} onChange={setChosen} notes={{ frontier: 'Not computed yet.' }} />
      <output data-testid="order">{chosen.join(',')}</output>
    </>
  );
}

const order = () => screen.getByTestId('order').textContent;

describe('SectionList', () => {
  it('moves a section with its buttons, keeps the cover first, and puts a section back in its place', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['cover', 'summary', 'ranked', 'appendix']} />);
    expect(screen.queryByRole('button', { name: 'Move Cover up' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Move Cover down' })).toBeNull();
    // The first section after the cover cannot go above it.
    expect(
      (screen.getByRole('button', { name: 'Move Executive summary up' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Move Appendix: decision record up' }));
    expect(order()).toBe('cover,summary,appendix,ranked');
    await user.click(screen.getByRole('checkbox', { name: /^Strategy and alignment/ }));
    expect(order()).toBe('cover,summary,alignment,appendix,ranked');
    await user.click(screen.getByRole('checkbox', { name: /^Executive summary/ }));
    expect(order()).toBe('cover,alignment,appendix,ranked');
    expect(screen.getByText('Not computed yet.')).toBeTruthy();
  });

  it('never leaves the pack without a section', () => {
    render(<Harness initial={['ranked']} />);
    expect(
      (screen.getByRole('checkbox', { name: /^Ranked portfolio/ }) as HTMLInputElement).disabled,
    ).toBe(true);
  });
});

describe('moveSection and withSection', () => {
  it('refuse to move the cover or past it, and restore the default order on adding', () => {
    expect(moveSection(['cover', 'summary'], 'summary', -1)).toEqual(['cover', 'summary']);
    expect(moveSection(['cover', 'summary'], 'cover', 1)).toEqual(['cover', 'summary']);
    expect(moveSection(['summary', 'ranked'], 'ranked', -1)).toEqual(['ranked', 'summary']);
    expect(withSection(['ranked', 'summary'], 'heatmap')).toEqual(['ranked', 'summary', 'heatmap']);
    expect(withSection(['summary', 'appendix'], 'ranked')).toEqual([
      'summary',
      'ranked',
      'appendix',
    ]);
  });
});
