/** Running the overlay in a tab's top frame, only after the background said "maybe". */
import { browser } from 'wxt/browser';

const OVERLAY_FILE = '/content-scripts/overlay.js';

export async function injectOverlay(tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [OVERLAY_FILE] });
    return;
  }
  const tabs = browser.tabs as unknown as { executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };
  await tabs.executeScript(tabId, { file: OVERLAY_FILE, frameId: 0 });
}
