/**
 * `catalogVersion` in storage.local: bumped by the background after its catalog changed (datasets
 * added, removed, switched on or off, outlets muted). The background then tells the always-on
 * script of each tab to ask again (lib/platform/background.ts), so an open tab gets the notes of a
 * dataset added after it was loaded.
 */
import { browser } from 'wxt/browser';

export const CATALOG_VERSION_KEY = 'catalogVersion';

export async function bumpCatalogVersion(): Promise<void> {
  const stored = await browser.storage.local.get(CATALOG_VERSION_KEY);
  const current = stored[CATALOG_VERSION_KEY];
  await browser.storage.local.set({ [CATALOG_VERSION_KEY]: (typeof current === 'number' && Number.isSafeInteger(current) ? current : 0) + 1 });
}

export function watchCatalogVersion(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CATALOG_VERSION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
