/**
 * From the background to the always-on script of a tab: one message, no payload, no imports (the
 * always-on script stays small). Only this extension can send it (runtime.onMessage in a content
 * script hears nothing from web pages), and all it can do is make the script ask its question again.
 */

/** BackgroundToContent: notes were turned on for the page, or the datasets changed: ask again. */
export const ASK_AGAIN = { type: 'ask-again' } as const;

export function isAskAgain(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ASK_AGAIN.type;
}
