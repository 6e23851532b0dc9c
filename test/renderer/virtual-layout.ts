/**
 * jsdom lays nothing out, so a virtualized list sees no room and draws nothing. This gives the
 * scroll boxes of one class the size they have on a screen and every table row a line's height,
 * and scrolls them as a browser does; `restore` puts jsdom back.
 */
import { fireEvent } from '@testing-library/react';

export type VirtualLayout = {
  /** Makes `box` scroll as a browser scrolls it: `scrollTo` moves it and a scroll event follows. */
  readonly scrollable: (box: HTMLElement, contentHeight: number) => void;
  readonly restore: () => void;
};

export function layOutScrollBoxes(
  className: string,
  size: { readonly width: number; readonly height: number },
  rowHeight: number,
): VirtualLayout {
  const undo: (() => void)[] = [];
  Object.defineProperty(HTMLTableRowElement.prototype, 'offsetHeight', {
    configurable: true,
    get: () => rowHeight,
  });
  undo.push(
    () => delete (HTMLTableRowElement.prototype as unknown as Record<string, unknown>).offsetHeight,
  );
  for (const key of ['clientWidth', 'clientHeight'] as const) {
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
    const inherited = Object.getOwnPropertyDescriptor(Element.prototype, key);
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains(className)) {
          return key === 'clientWidth' ? size.width : size.height;
        }
        return (own ?? inherited)?.get?.call(this) ?? 0;
      },
    });
    undo.push(() => {
      if (own) Object.defineProperty(HTMLElement.prototype, key, own);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    });
  }
  return {
    scrollable: (box, contentHeight) => {
      Object.defineProperty(box, 'scrollTop', { configurable: true, writable: true, value: 0 });
      Object.defineProperty(box, 'scrollHeight', { configurable: true, value: contentHeight });
      box.scrollTo = ((options: ScrollToOptions) => {
        box.scrollTop = options.top ?? box.scrollTop;
        fireEvent.scroll(box);
      }) as typeof box.scrollTo;
    },
    restore: () => {
      for (const step of undo.splice(0).reverse()) step();
    },
  };
}
