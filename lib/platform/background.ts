/**
 * The background: answers content scripts from the catalog, injects the overlay where a page may
 * carry disputes, and keeps the toolbar button (toggle, icon, badge, menu) in step with storage.
 */
import { browser } from 'wxt/browser';
import { signalsOf } from '../core/page-text';
import { shownOn, withSite, type Settings } from '../core/settings';
import { siteKey } from '../core/url';
import { isOwnTopFrameContentScript, type SenderLike } from '../messaging/guards';
import { parseContentMessage, type NotesReply, type PageVerdict } from '../messaging/protocol';
import { ASK_AGAIN } from '../messaging/to-content';
import { catalogFor, ensureDatasets, pageNotes } from './catalog-cache';
import { watchCatalogVersion } from './catalog-version';
import { startDatasetSync } from './dataset-sync';
import { injectAlwaysOnIntoOpenTabs, injectOverlay } from './inject';
import { createMenus, MENU_DATASETS, MENU_SITE, onMenuClick, setSiteMenu } from './menus';
import { handleOptionsMessage, isOptionsPageSender } from './options-handler';
import { getSettings, updateSettings, watchSettings } from './settings';
import { actionApi, showCount, showEnabled } from './toolbar';

export async function handleContentMessage(message: unknown, sender: SenderLike): Promise<PageVerdict | NotesReply | null> {
  if (!isOwnTopFrameContentScript(sender, browser.runtime.id)) return null;
  const parsed = parseContentMessage(message);
  if (!parsed) return null;
  const tabId = sender.tab.id;
  const settings = await getSettings();
  await ensureDatasets(settings);
  switch (parsed.type) {
    case 'page': {
      // A known article, or a page whose text may repeat a known claim (verified by the overlay).
      const article = catalogFor(settings).match(signalsOf(parsed.page));
      if (!article) {
        await showCount(tabId, 0);
        return { maybe: false };
      }
      if (shownOn(settings, sender.url ?? '')) await injectOverlay(tabId).catch(() => undefined);
      return { maybe: true };
    }
    case 'notes':
      return pageNotes(settings, signalsOf(parsed.page));
    case 'count':
      await showCount(tabId, parsed.count);
      return null;
  }
}

export function toggleEnabled(): Promise<unknown> {
  return updateSettings((settings) => ({ ...settings, enabled: !settings.enabled }));
}

/**
 * Tells the always-on script of every open tab where notes show to ask again: after notes were
 * turned on, or the datasets changed. (The script does not watch storage itself: that API's set-up
 * would cost every page.) Tabs without the script, or with an overlay, ignore it.
 */
async function askOpenTabsAgain(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  for (const tab of tabs) {
    if (tab.id === undefined || !shownOn(settings, tab.url ?? '')) continue;
    browser.tabs.sendMessage(tab.id, ASK_AGAIN, { frameId: 0 }).catch(() => undefined);
  }
}

async function syncSiteMenu(url: string | undefined): Promise<void> {
  const site = url ? siteKey(url) : null;
  const settings = await getSettings();
  await setSiteMenu(site !== null && settings.disabledSites.includes(site));
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderLike) =>
    isOptionsPageSender(sender) ? handleOptionsMessage(message, sender) : handleContentMessage(message, sender),
  );
  startDatasetSync();
  actionApi().onClicked.addListener(() => void toggleEnabled());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus();
    // Chrome does not run the new always-on script in tabs already open: pages open across an
    // install or update would get no notes until reloaded.
    if (reason === 'install' || reason === 'update') void injectAlwaysOnIntoOpenTabs();
  });
  onMenuClick((id, tab) => {
    if (id === MENU_DATASETS) void browser.runtime.openOptionsPage();
    if (id === MENU_SITE && tab?.url) {
      const url = tab.url;
      void updateSettings((settings) => withSite(settings, url, shownOn({ ...settings, enabled: true }, url))).then(() => syncSiteMenu(url));
    }
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void browser.tabs.get(tabId).then((tab) => syncSiteMenu(tab.url)).catch(() => undefined));
  watchSettings((settings) => {
    void showEnabled(settings.enabled);
    void askOpenTabsAgain(settings).catch(() => undefined);
  });
  watchCatalogVersion(() => void getSettings().then(askOpenTabsAgain).catch(() => undefined));
  void getSettings().then((settings) => showEnabled(settings.enabled));
}
