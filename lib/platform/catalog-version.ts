/**
 * `catalogVersion` in storage.local: bumped by the background after its catalog changed (datasets
 * added, removed, switched on or off, outlets muted). The always-on script (page-watch.ts) asks again
 * when it changes, so an open tab gets the notes of a dataset added after it was loaded.
 */
import { browser } from 'wxt/browser';
import { CATALOG_VERSION_KEY } from './storage-keys';

export async function bumpCatalogVersion(): Promise<void> {
  const stored = await browser.storage.local.get(CATALOG_VERSION_KEY);
  const current = stored[CATALOG_VERSION_KEY];
  await browser.storage.local.set({ [CATALOG_VERSION_KEY]: (typeof current === 'number' && Number.isSafeInteger(current) ? current : 0) + 1 });
}
