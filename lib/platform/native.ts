/**
 * The few extension APIs the always-on script needs, from the browser's own namespace rather than
 * webextension-polyfill (which would be most of the script's size and start-up time). Firefox has
 * `browser` with promises; Chrome's MV3 `chrome` returns promises when no callback is given.
 */

type StorageChanges = Record<string, { newValue?: unknown }>;

interface NativeExtensionApi {
  runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  storage?: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: StorageChanges, area: string) => void): void;
      removeListener(listener: (changes: StorageChanges, area: string) => void): void;
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

/** The value under `key` in storage.local (undefined if absent or unreadable). */
export async function readLocal(key: string): Promise<unknown> {
  try {
    const stored = await api()?.storage?.local.get(key);
    return stored?.[key];
  } catch {
    return undefined;
  }
}

/** Calls `listener(key, newValue)` for each changed key of storage.local; returns the unsubscribe function. */
export function watchLocalStorage(listener: (key: string, value: unknown) => void): () => void {
  const onChanged = (changes: StorageChanges, area: string) => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) listener(key, changes[key]?.newValue);
  };
  const storage = api()?.storage;
  storage?.onChanged.addListener(onChanged);
  return () => storage?.onChanged.removeListener(onChanged);
}
