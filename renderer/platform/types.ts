/**
 * What the renderer needs from the platform it runs on. Two implementations: the Electron
 * bridge (native dialogs and menus) and the browser (file picker and downloads).
 */
import type {
  AudienceWindowPlace,
  AudienceWindowResult,
  MenuCommand,
  OpenedFile,
} from '../../shared/ipc/contract';
import type { PackInput } from '../../shared/pack/types';

export type { AudienceWindowPlace, AudienceWindowResult, MenuCommand, OpenedFile };

export type Platform = {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a portfolio file and reads it; null when cancelled. */
  readonly openPortfolioFile: () => Promise<OpenedFile | null>;
  /** Reads the recent file at `index` of the native Open Recent menu; null when it is gone. */
  readonly openRecentFile: (index: number) => Promise<OpenedFile | null>;
  /** Lets the user save `text`; returns where it went, or null when cancelled. */
  readonly savePortfolioFile: (
    suggestedName: string,
    text: string,
  ) => Promise<{ location: string } | null>;
  /**
   * Turns the pack into a PDF and lets the user save it (desktop) or prints it (browser).
   * Returns where the file went, or null when cancelled or when there is no file to report.
   */
  readonly exportPack: (
    input: PackInput,
    suggestedName: string,
  ) => Promise<{ location: string } | null>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Where the portfolio data lives, in words for the user. */
  readonly dataLocation: () => Promise<string>;
  /**
   * The name to record as who made a change until the user gives one: the OS account's name on
   * the desktop; undefined where there is none (the browser cannot tell).
   */
  readonly defaultProfileName: () => Promise<string | undefined>;
  /**
   * Opens the audience window, the `#/audience` view for the room: on the desktop full screen on
   * another display when there is one, else a normal window; in the browser a pop-up. When it is
   * already open it comes to the front instead. Never rejects: a failure is `ok: false` with a
   * sentence for the user.
   */
  readonly openAudienceWindow: () => Promise<AudienceWindowResult>;
  /** Closes the audience window, if it is open. */
  readonly closeAudienceWindow: () => Promise<void>;
};
