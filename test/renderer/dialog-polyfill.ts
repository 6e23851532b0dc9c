import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom has no modal dialogs: opening one here just marks it open, so that it can be found.
 * Call once at the top level of a test file.
 */
export function withDialogPolyfill(): void {
  const methods = Object.getOwnPropertyDescriptors(HTMLDialogElement.prototype);
  beforeAll(() => {
    if (!methods.showModal) {
      HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
        this.open = true;
      };
    }
    if (!methods.close) {
      HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
        this.open = false;
      };
    }
  });
  afterAll(() => {
    const prototype = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
    if (!methods.showModal) delete prototype.showModal;
    if (!methods.close) delete prototype.close;
  });
}
