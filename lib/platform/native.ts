/**
 * The few extension APIs the always-on script needs, from the browser's own namespace rather than
 * webextension-polyfill (which would be most of the script's size and start-up time); runtime only.
 * Firefox has `browser` with promises; Chrome's MV3 `chrome` returns promises when no callback is given.
 */

interface NativeExtensionApi {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: (message: unknown) => void): void;
      removeListener(listener: (message: unknown) => void): void;
    };
  };
}

const api = (): NativeExtensionApi | undefined => {
  const scope = globalThis as { browser?: NativeExtensionApi; chrome?: NativeExtensionApi };
  return scope.browser?.runtime ? scope.browser : scope.chrome;
};

/** Whether this content script still belongs to a running extension (its runtime id goes with it). */
export function extensionAlive(): boolean {
  try {
    const id = api()?.runtime?.id;
    return typeof id === 'string' && id.length > 0;
  } catch {
    return false;
  }
}

/** runtime.sendMessage, rejecting (never throwing) when the extension is gone. */
export function sendMessage<Reply>(message: unknown): Promise<Reply> {
  try {
    const runtime = api()?.runtime;
    if (!runtime) return Promise.reject(new Error('no extension runtime'));
    return runtime.sendMessage(message) as Promise<Reply>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Calls `listener` with each message this extension sends the tab (runtime.onMessage: web pages
 * cannot send to it); returns the unsubscribe function. Not storage: its bindings alone cost a
 * page about half a millisecond to set up.
 */
export function onExtensionMessage(listener: (message: unknown) => void): () => void {
  const runtime = api()?.runtime;
  // Returns nothing: no answer (the background ignores how its message ended).
  const onMessage = (message: unknown) => void listener(message);
  runtime?.onMessage.addListener(onMessage);
  return () => runtime?.onMessage.removeListener(onMessage);
}
