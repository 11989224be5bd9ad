/** Running content scripts in a tab's top frame: the overlay after the background said "maybe", the always-on script after an install or update. */
import { browser } from 'wxt/browser';

const OVERLAY_FILE = '/overlay.js';
/** The always-on script (entrypoints/always-on.ts; listed in the manifest for pages loaded later). */
const ALWAYS_ON_FILE = '/always-on.js';

async function injectFile(tabId: number, file: typeof OVERLAY_FILE | typeof ALWAYS_ON_FILE): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
    return;
  }
  const tabs = browser.tabs as unknown as { executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };
  await tabs.executeScript(tabId, { file, frameId: 0 });
}

export function injectOverlay(tabId: number): Promise<void> {
  return injectFile(tabId, OVERLAY_FILE);
}

/**
 * The always-on script into every open http(s) tab. A tab whose page already runs one (Firefox
 * injects content scripts into open tabs itself; a page may be loading right now) keeps that one:
 * the script stands down when it finds a live copy of itself (page-watch.ts). Tabs that refuse
 * (discarded, the browser's own pages) are skipped.
 */
export async function injectAlwaysOnIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined || tab.discarded ? undefined : injectFile(tab.id, ALWAYS_ON_FILE).catch(() => undefined))));
}
