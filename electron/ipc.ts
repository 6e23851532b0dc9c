/**
 * Registers main's handlers for the IPC contract. Every message is checked twice before a handler
 * sees it: it must come from the main frame of one of our windows showing the app, and its
 * payload must parse. Anything else is refused with an error and nothing happens.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  IPC_CHANNELS,
  IPC_REQUEST_PARSERS,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
} from '../shared/ipc/contract';
import { isAppUrl } from './app-url';

/** What a handler knows about the caller: the window the request came from. */
export type IpcHandlerContext = { readonly window: BrowserWindow };

/** One handler per channel of the contract; a missing or mistyped handler fails to compile. */
export type IpcHandlers = {
  readonly [C in IpcChannel]: (
    request: IpcRequest<C>,
    context: IpcHandlerContext,
  ) => Promise<IpcResponse<C>>;
};

/** The part of `ipcMain` this module uses. */
export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Finds the Baton window showing `sender`; null when it is not one of ours. */
export type FindWindow = (sender: WebContents) => BrowserWindow | null;

/**
 * Returns the window of a valid sender, or throws. Valid means: the frame still exists, is the
 * main frame of its page (not an iframe), shows `app://baton/`, and belongs to one of our windows.
 */
export function checkSender(
  channel: IpcChannel,
  event: IpcMainInvokeEvent,
  findWindow: FindWindow,
): BrowserWindow {
  const frame = event.senderFrame;
  if (frame === null) {
    throw new Error(`${channel} refused: the sending frame is gone`);
  }
  const mainFrame = event.sender.mainFrame;
  if (
    frame.parent !== null ||
    frame.frameToken !== mainFrame.frameToken ||
    frame.processId !== mainFrame.processId
  ) {
    throw new Error(`${channel} refused: only the main frame of a Baton window may call it`);
  }
  if (!isAppUrl(frame.url)) {
    throw new Error(`${channel} refused: the sender is not a Baton page`);
  }
  const window = findWindow(event.sender);
  if (window === null) {
    throw new Error(`${channel} refused: the sender is not a Baton window`);
  }
  return window;
}

function registerChannel<C extends IpcChannel>(
  ipcMain: IpcRegistrar,
  channel: C,
  handler: IpcHandlers[C],
  findWindow: FindWindow,
): void {
  const parse = IPC_REQUEST_PARSERS[channel];
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    const window = checkSender(channel, event, findWindow);
    // The preload sends at most one argument; more means someone else is talking.
    if (args.length > 1) {
      throw new Error(`${channel} refused: expected at most one argument`);
    }
    const parsed = parse(args[0]);
    if (!parsed.ok) {
      throw new Error(`${channel} refused: invalid request: ${parsed.error}`);
    }
    return handler(parsed.value, { window });
  });
}

/**
 * Registers a handler for every channel of the contract with `ipcMain.handle`. Returns a function
 * that removes them again.
 */
export function registerHandlers(
  ipcMain: IpcRegistrar,
  handlers: IpcHandlers,
  findWindow: FindWindow,
): () => void {
  for (const channel of IPC_CHANNELS) {
    registerChannel(ipcMain, channel, handlers[channel], findWindow);
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
