/**
 * The keyboard shortcut, pressed as a user presses it: Alt+Shift+D turns notes off in every tab and
 * on again, exactly as the toolbar button does (the manifest binds it to the action).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { BADGE, GT, NYT, openPage, pressToggleShortcut, waitForBadges, waitForToolbarBadge } from './helpers';

declare const chrome: any;
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

const enabled = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.enabled ?? true);

describe('the keyboard shortcut', () => {
  it('is bound to the toolbar action as Alt+Shift+D', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toEqual([expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+D' })]);
  });

  it('turns notes off in every tab, and on again', async () => {
    const first = await openPage(browser, NYT, 3);
    const second = await openPage(browser, GT, 4);
    await pressToggleShortcut(second);
    await first.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    await second.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    expect(await enabled()).toBe(false);
    expect(await second.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toContain('off');
    await pressToggleShortcut(first);
    await waitForBadges(first, 3);
    await waitForBadges(second, 4);
    expect(await second.locator(BADGE).count()).toBe(4);
    expect(await enabled()).toBe(true);
    await waitForToolbarBadge(browser, GT, '4');
    await first.close();
    await second.close();
  });
});
