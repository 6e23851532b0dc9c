/**
 * Asking the user: askUser() opens a question and resolves with the chosen action once it is
 * answered. The one open question lives here, below the app's state, so that areas and the app
 * shell can both ask, and the confirm dialog shows it.
 */
import { useSyncExternalStore } from 'react';

/** A question to the user in a modal dialog, with the actions to answer it by. */
export type Question = {
  readonly title: string;
  readonly body: string;
  readonly actions: readonly {
    readonly id: string;
    readonly label: string;
    readonly primary?: boolean;
  }[];
};

/** The question on screen; `answer` closes it with the chosen action's id, or null for none. */
export type OpenQuestion = Question & { readonly answer: (actionId: string | null) => void };

let open: OpenQuestion | null = null;
const listeners = new Set<() => void>();

function show(question: OpenQuestion | null): void {
  open = question;
  for (const listener of listeners) listener();
}

/** Asks `question`; resolves with the chosen action's id, or null when it is dismissed. */
export function askUser(question: Question): Promise<string | null> {
  return new Promise((resolve) => {
    // Only one question at a time: a new one answers the open one with "no choice".
    open?.answer(null);
    const asked: OpenQuestion = {
      ...question,
      answer: (actionId) => {
        if (open === asked) show(null);
        resolve(actionId);
      },
    };
    show(asked);
  });
}

/** The question on screen, if any. */
export function openQuestion(): OpenQuestion | null {
  return open;
}

/** Answers the open question, if any, with no choice, as Escape would. */
export function dismissQuestion(): void {
  open?.answer(null);
}

/** Calls `listener` whenever a question opens or closes; returns the unsubscribe. */
export function subscribeQuestion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The question on screen, if any, for the component that shows it. */
export function useOpenQuestion(): OpenQuestion | null {
  return useSyncExternalStore(subscribeQuestion, openQuestion);
}
