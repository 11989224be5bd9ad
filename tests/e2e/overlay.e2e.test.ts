/**
 * The product path end to end: the built extension in Debian's Chromium, the demo pages served
 * under their real host names, a person's clicks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import {
  BADGE, GT, GT_COPY, NOTE, NYT, NYT_COPY, UNRELATED,
  badgeBesidePassage, clickToolbarButton, openPage, pressToggleShortcut, toolbarBadge, waitForBadges, waitForToolbarBadge,
} from './helpers';

declare const chrome: any;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

const NYT_PASSAGES: [string, string][] = [
  ['nyt-pledge-terms', 'they would not harm China'],
  ['nyt-pledge-sender', 'most likely under pressure from China'],
  ['nyt-pledge-penalties', 'could bring fresh restrictions or penalties'],
];
const GT_PASSAGES: [string, string][] = [
  ['gt-inaccurate-report', 'The official of a related government department who asked for anonymity'],
  ['gt-letter-not-pledge', 'is in fact a letter sent by the China Information Security Certification Center'],
  ['gt-originally-ciscc', 'The New York Times report originally said the letter had come from the CISCC.'],
  ['gt-timing-speculation', 'He pointed out that the suggestions in the article'],
];

async function expectBadgesBeside(page: import('playwright-core').Page, passages: [string, string][]) {
  for (const [key, text] of passages) {
    const { badge, passage } = await badgeBesidePassage(page, key, text);
    expect(badge, `badge for ${key}`).not.toBeNull();
    expect(passage, `passage for ${key}`).not.toBeNull();
    // Level with the passage's first line, in the margin outside its paragraph.
    expect(Math.abs(badge!.y - passage!.top), `vertical offset of ${key}`).toBeLessThan(30);
    expect(badge!.x >= passage!.blockRight || badge!.x + badge!.width <= passage!.blockLeft, `${key} badge is in a margin`).toBe(true);
  }
}

describe('the New York Times article', () => {
  it('badges each disputed passage in the margin and counts them on the toolbar icon', async () => {
    const page = await openPage(browser, NYT, 3);
    expect(await page.locator(BADGE).count()).toBe(3);
    await expectBadgesBeside(page, NYT_PASSAGES);
    expect(await page.locator(BADGE).first().textContent()).toContain('Global Times');
    await waitForToolbarBadge(browser, NYT, '3');
    expect(await page.locator('counterpoint-overlay').count()).toBe(1);
    await page.close();
  });

  it('opens the Global Times counter-claim from a badge, one note at a time, and closes it with Escape', async () => {
    const page = await openPage(browser, NYT, 3);
    const sender = page.locator(`${BADGE}[data-note-key$="nyt-pledge-sender"]`);
    await sender.click();
    const note = page.locator(NOTE);
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Disputed by Global Times');
    expect(text).toContain('China Information Security Certification Center (CISCC)');
    expect(text).toContain('An official of a related government department who asked for anonymity');
    expect(text).toContain('19 Sep 2015');
    expect(text).toContain('Official disputes pledge claims');
    await page.locator(`${BADGE}[data-note-key$="nyt-pledge-terms"]`).click();
    expect(await page.locator(NOTE).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator(NOTE).waitFor({ state: 'detached' });
    await page.locator(`${BADGE}[data-note-key$="nyt-pledge-penalties"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(NOTE).waitFor();
    await page.mouse.click(20, 500);
    await page.locator(NOTE).waitFor({ state: 'detached' });
    await page.close();
  });

  it('keeps the badges beside their passages when the window is resized and the text reflows', async () => {
    const page = await openPage(browser, NYT, 3);
    await page.setViewportSize({ width: 760, height: 900 });
    await page.waitForTimeout(400);
    await expectBadgesBeside(page, NYT_PASSAGES);
    // The margins are too narrow for the outlet's name: the badge shrinks to its mark, still labelled.
    expect(await page.locator(BADGE).first().getAttribute('class')).toContain('cp-badge--compact');
    expect(await page.locator(BADGE).first().getAttribute('aria-label')).toContain('Global Times');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(400);
    await expectBadgesBeside(page, NYT_PASSAGES);
    expect(await page.locator(BADGE).first().getAttribute('class')).not.toContain('compact');
    await page.close();
  });

  it('keeps its highlight style when the page replaces document.adoptedStyleSheets, as frameworks do', async () => {
    const page = await openPage(browser, NYT, 3);
    const ours = () =>
      page.evaluate(() => document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(counterpoint-disputed)'))).length);
    expect(await ours()).toBe(1);
    // The page swaps in its own sheets, then renders (its body grows), as a framework hydrating would.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('body { color: rgb(20, 20, 20); }');
      document.adoptedStyleSheets = [sheet];
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Rendered by the page.' }));
    });
    await expect.poll(ours, { timeout: 3000 }).toBe(1);
    expect(await page.evaluate(() => document.adoptedStyleSheets[0]!.cssRules[0]!.cssText)).toContain('rgb(20, 20, 20)');
    expect(await page.evaluate(() => CSS.highlights.has('counterpoint-disputed'))).toBe(true);
    await page.close();
  });

  it('gives a syndicated copy on another host the same notes, through its canonical link', async () => {
    const page = await openPage(browser, NYT_COPY, 3);
    expect(await page.locator(BADGE).count()).toBe(3);
    await expectBadgesBeside(page, NYT_PASSAGES);
    await waitForToolbarBadge(browser, NYT_COPY, '3');
    await page.close();
  });
});

describe('the Global Times article', () => {
  it('badges its rebuttal paragraphs with what the New York Times reported, linking to the passage', async () => {
    const page = await openPage(browser, GT, 4);
    expect(await page.locator(BADGE).count()).toBe(4);
    await expectBadgesBeside(page, GT_PASSAGES);
    await waitForToolbarBadge(browser, GT, '4');
    await page.locator(`${BADGE}[data-note-key$="gt-inaccurate-report"]`).click();
    const note = page.locator(NOTE);
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('Responds to The New York Times');
    expect(text).toContain('Three unnamed people with knowledge of the letter');
    expect(text).toContain('16 Sep 2015');
    const link = note.locator('a[href*="nytimes.com"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^https:\/\/www\.nytimes\.com\/2015\/09\/17\/technology\/.*#:~:text=/);
    await page.close();
  });

  it('recognises a reprint on another host by its text and gives it the same notes', async () => {
    const page = await openPage(browser, GT_COPY, 4);
    expect(await page.locator(BADGE).count()).toBe(4);
    await expectBadgesBeside(page, GT_PASSAGES);
    await waitForToolbarBadge(browser, GT_COPY, '4');
    await page.close();
  });

  it('follows a note link to the other article, which opens at the passage', async () => {
    const page = await openPage(browser, GT, 4);
    await page.locator(`${BADGE}[data-note-key$="gt-inaccurate-report"]`).click();
    const href = (await page.locator(`${NOTE} a[href*="nytimes.com"]`).first().getAttribute('href'))!;
    // Served over http here: the same path and text fragment the link carries.
    const target = await browser.context.newPage();
    await target.goto(href.replace('https://', 'http://'));
    await waitForBadges(target, 3);
    const scrolled = await target.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(200);
    await target.close();
    await page.close();
  });
});

describe('page themes', () => {
  it('follows a dark page: the overlay switches to its dark theme and stays readable', async () => {
    const url = 'http://dark-reader.example/2015/09/china-pledge';
    const source = await browser.server.pageHtml(NYT_COPY);
    const dark = source!.replace('</head>', '<style>html, body { background: #111418 !important; color: #e6e6e6 !important; }</style></head>');
    browser.server.addPage(url, dark);
    const page = await openPage(browser, url, 3);
    expect(await page.locator('counterpoint-overlay .cp-root').getAttribute('data-theme')).toBe('dark');
    await page.locator(BADGE).first().click();
    const colours = await page.locator(NOTE).evaluate((note) => {
      const style = getComputedStyle(note);
      return { fg: style.color, bg: style.backgroundColor };
    });
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, darkest] = [luminance(colours.fg), luminance(colours.bg)].sort((a, b) => b - a);
    // WCAG contrast ratio of the note's text on its background: at least 4.5:1.
    expect((light! + 0.05) / (darkest! + 0.05)).toBeGreaterThan(4.5);
    await page.close();
  });
});

describe('pages without known disputes', () => {
  it('shows nothing on an unrelated article of the same site and runs no overlay', async () => {
    const page = await openPage(browser, UNRELATED, 0);
    expect(await page.locator('counterpoint-overlay').count()).toBe(0);
    expect(await toolbarBadge(browser, UNRELATED)).toBe('');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });
});

describe('the toolbar button', () => {
  it('turns the overlay off and on in every open tab at once, and the icon says so', async () => {
    const first = await openPage(browser, NYT, 3);
    const second = await openPage(browser, GT, 4);
    await clickToolbarButton(browser, first);
    await first.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    await second.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    expect(await second.evaluate(() => CSS.highlights.size)).toBe(0);
    await waitForToolbarBadge(browser, NYT, '');
    const title = await browser.worker.evaluate(() => chrome.action.getTitle({}));
    expect(title).toContain('off');
    // Still off for a page opened now, and after a reload.
    await second.reload();
    await waitForBadges(second, 0);
    expect(await second.locator(BADGE).count()).toBe(0);
    await clickToolbarButton(browser, second);
    await waitForBadges(first, 3);
    await waitForBadges(second, 4);
    await waitForToolbarBadge(browser, GT, '4');
    expect(await browser.worker.evaluate(() => chrome.action.getTitle({}))).toContain('on');
    await first.close();
    await second.close();
  });

  it('"Turn off on this site" holds across reloads and leaves other sites alone', async () => {
    const page = await openPage(browser, GT, 4);
    const other = await openPage(browser, NYT, 3);
    await browser.worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'counterpoint-site' }, tab);
    }, GT);
    await page.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    await page.reload();
    await waitForBadges(page, 0);
    expect(await page.locator(BADGE).count()).toBe(0);
    expect(await other.locator(BADGE).count()).toBe(3);
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings.disabledSites).toEqual(['globaltimes.cn']);
    await browser.worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'counterpoint-site' }, tab);
    }, GT);
    await waitForBadges(page, 4);
    await page.close();
    await other.close();
  });

  it('"Manage datasets" opens the settings page, which lists the built-in dataset', async () => {
    const optionsUrl = `chrome-extension://${browser.extensionId}/options.html`;
    await browser.worker.evaluate(() => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'counterpoint-datasets' }, undefined));
    await expect.poll(() => browser.context.pages().some((p) => p.url() === optionsUrl), { timeout: 10_000 }).toBe(true);
    const options = browser.context.pages().find((p) => p.url() === optionsUrl)!;
    await options.locator('[data-dataset-id="counterpoint-seed"]').waitFor();
    const text = (await options.locator('[data-dataset-id="counterpoint-seed"]').textContent()) ?? '';
    expect(text).toContain('1 dispute, 4 claims, 2 outlets');
    await options.close();
  });
});

describe('the keyboard shortcut', () => {
  const enabled = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.enabled ?? true);

  it('is bound to the toolbar action as Alt+Shift+D', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toEqual([expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+D' })]);
  });

  it('pressed as a person presses it, turns notes off in every tab, and on again', async () => {
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
