/** The toolbar button's context menu: "Turn off on this site" and "Manage datasets". */
import { browser } from 'wxt/browser';

export const MENU_SITE = 'counterpoint-site';
export const MENU_DATASETS = 'counterpoint-datasets';

type MenusApi = typeof browser.contextMenus;

function menusApi(): MenusApi {
  return browser.contextMenus;
}

function actionContext(): 'action' | 'browser_action' {
  return browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action';
}

export async function createMenus(): Promise<void> {
  const menus = menusApi();
  await menus.removeAll();
  const contexts = [actionContext()] as [`${typeof browser.contextMenus.ContextType.ACTION}`];
  menus.create({ id: MENU_SITE, title: 'Turn off on this site', contexts });
  menus.create({ id: MENU_DATASETS, title: 'Manage datasets', contexts });
}

export function siteMenuTitle(siteOff: boolean): string {
  return siteOff ? 'Turn on for this site' : 'Turn off on this site';
}

export async function setSiteMenu(siteOff: boolean): Promise<void> {
  await menusApi().update(MENU_SITE, { title: siteMenuTitle(siteOff) });
}

export function onMenuClick(listener: (id: string, tab: { id?: number; url?: string } | undefined) => void): void {
  menusApi().onClicked.addListener((info, tab) => listener(String(info.menuItemId), tab));
}
