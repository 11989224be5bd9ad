/** Small helpers for driving the built extension in Chromium. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../demo/browser';

declare const chrome: any;

export const NYT = 'http://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html';
export const GT = 'http://www.globaltimes.cn/content/official-disputes-pledge-claims.shtml';
export const NYT_COPY = 'http://www.daily-herald.example/business/2015/09/16/china-tech-pledge';
export const GT_COPY = 'http://english.news-portal.example/world/2015-09/19/content_21919.htm';
export const UNRELATED = 'http://www.nytimes.com/2015/09/18/science/unrelated-demo-story.html';

export const BADGE = 'counterpoint-overlay .cp-badge';
export const NOTE = 'counterpoint-overlay .cp-note';

/** Opens `url` in a new tab and waits until the overlay has settled (badges shown, or nothing to show). */
export async function openPage(browser: ExtensionBrowser, url: string, expectBadges: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.bringToFront();
  await page.goto(url);
  await waitForBadges(page, expectBadges);
  return page;
}

export async function waitForBadges(page: Page, count: number): Promise<void> {
  if (count > 0) await page.locator(BADGE).nth(count - 1).waitFor({ timeout: 15_000 });
  else await page.waitForTimeout(2_000);
  // Settle: no more badges appear later.
  await page.waitForTimeout(300);
}

/** The toolbar badge text of the tab showing `url`. */
export async function toolbarBadge(browser: ExtensionBrowser, url: string): Promise<string> {
  return browser.worker.evaluate(async (target: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === target);
    if (!tab) throw new Error(`no tab for ${target}`);
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

export async function waitForToolbarBadge(browser: ExtensionBrowser, url: string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await toolbarBadge(browser, url);
    if (last === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`toolbar badge for ${url} is "${last}", expected "${text}"`);
}

/** A real click on the toolbar button for the tab of `page`, through CDP. */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as { targetInfos: { targetId: string; url: string }[] };
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tab.targetId } as never);
  await cdp.detach();
}

/** Boxes of each badge and of the passage text it should sit beside. */
export async function badgeBesidePassage(page: Page, noteKeySuffix: string, passageText: string) {
  const badge = await page.locator(`counterpoint-overlay .cp-badge[data-note-key$="${noteKeySuffix}"]`).boundingBox();
  const passage = await page.evaluate((text: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getClientRects()[0]!;
      const block = (node.parentElement?.closest('p, li, blockquote, div') ?? node.parentElement)!.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, blockRight: block.right, blockLeft: block.left };
    }
    return null;
  }, passageText);
  return { badge, passage };
}

/**
 * Presses the keyboard shortcut (Alt+Shift+D) in the tab of `page` as the browser receives a real
 * key press: a raw key-down through CDP reaches the browser's own shortcut handling (the extension
 * command `_execute_action`), which Playwright's `keyboard.press` (a page-level key-down) does not.
 */
export async function pressToggleShortcut(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const key = { modifiers: 1 /* Alt */ | 8 /* Shift */, key: 'D', code: 'KeyD', windowsVirtualKeyCode: 68, nativeVirtualKeyCode: 68 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}
