/**
 * Keeping open tabs in step with the datasets (background). When the installed datasets or the
 * settings the catalog depends on change: reload from storage, rebuild the catalog, bump
 * `catalogVersion` (the always-on script in each tab then asks again, so pages a new dataset
 * covers get notes), and run the overlay again where one is running (so notes of a dataset
 * switched off or removed go away, and changed notes are redrawn).
 */
import { browser } from 'wxt/browser';
import { OVERLAY_FLAG_NAME } from './overlay-flag';
import { catalogFor, catalogKey, ensureDatasets, forgetInstalled } from './catalog-cache';
import { bumpCatalogVersion } from './catalog-version';
import { REFRESH_ALARM, refreshDue, syncRefreshAlarm } from './dataset-refresh';
import { watchDatasets } from './datasets-store';
import { injectOverlay } from './inject';
import { getSettings, watchSettings } from './settings';

/** The catalog key the tabs were last told about; kept in storage.session across restarts of the worker. */
const ANNOUNCED_KEY = 'announcedCatalog';
let announced: string | null = null;
let queue: Promise<void> = Promise.resolve();
let refreshing = false;

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
const sessionArea = () => (browser.storage as unknown as { session?: SessionArea }).session;

async function lastAnnounced(): Promise<string | null> {
  if (announced !== null) return announced;
  const stored = await sessionArea()?.get(ANNOUNCED_KEY).catch(() => undefined);
  const value = stored?.[ANNOUNCED_KEY];
  return typeof value === 'string' ? value : null;
}

function serially(task: () => Promise<void>): void {
  queue = queue.then(task).catch((error: unknown) => console.warn('Counterpoint: dataset sync failed', error));
}

async function update(reloadInstalled: boolean): Promise<void> {
  if (reloadInstalled) forgetInstalled();
  const settings = await getSettings();
  await ensureDatasets(settings);
  const key = catalogKey(settings);
  const previous = await lastAnnounced();
  if (key === previous) return;
  announced = key;
  await sessionArea()?.set({ [ANNOUNCED_KEY]: key }).catch(() => undefined);
  catalogFor(settings); // build it now, before the tabs ask
  // Nothing announced yet in this browser session: every tab asks a worker that already has it all.
  if (previous === null) return;
  await bumpCatalogVersion();
  await rerunOverlays();
}

/** Runs the overlay again in every tab where one is running; the newer run replaces the older. */
async function rerunOverlays(): Promise<void> {
  if (!browser.scripting?.executeScript) return;
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const tabId = tab.id;
      const results = await browser.scripting
        .executeScript({ target: { tabId, frameIds: [0] }, func: (name: string) => (globalThis as Record<symbol, unknown>)[Symbol.for(name)] === true, args: [OVERLAY_FLAG_NAME] })
        .catch(() => []);
      if (results[0]?.result === true) await injectOverlay(tabId).catch(() => undefined);
    }),
  );
}

/** Wires the dataset side of the background; call once, synchronously, at start. */
export function startDatasetSync(): void {
  watchDatasets(() => {
    serially(() => update(true));
    serially(syncRefreshAlarm);
  });
  watchSettings(() => serially(() => update(false)));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM || refreshing) return;
    refreshing = true;
    refreshDue()
      .catch((error: unknown) => console.warn('Counterpoint: scheduled refresh failed', error))
      .finally(() => (refreshing = false));
  });
  serially(() => update(false));
  serially(syncRefreshAlarm);
}
