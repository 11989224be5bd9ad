/**
 * Page integrity in real Chromium: Counterpoint changes nothing of the page outside its one host
 * element, moves no paragraph, is not restyled by a hostile page stylesheet and does not restyle
 * the page, and works under a strict Content-Security-Policy with Trusted Types enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { hostileFixture, servePages } from '../../demo/hostile-pages';
import { BADGE, NOTE, NYT, clickToolbarButton, waitForBadges } from './helpers';
import {
  badgeCount, boxesOf, collectErrors, domOutsideHost, hostCount, installPageProbes, overlayStyles, pageStyles, readProbes,
  setNotesEnabled, until,
} from './probes';

let browser: ExtensionBrowser;

const HOSTILE = 'http://hostile.counterpoint.test/styles/story.html';
const CSP_PAGE = 'http://csp.counterpoint.test/2015/story.html';
const CSP = "default-src 'none'; style-src 'self'; require-trusted-types-for 'script'";

beforeAll(async () => {
  browser = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR });
  await servePages(browser.context, [
    { url: HOSTILE, body: hostileFixture('hostile-styles.html') },
    { url: CSP_PAGE, body: hostileFixture('csp.html'), headers: { 'content-security-policy': CSP } },
    { url: 'http://csp.counterpoint.test/csp.css', body: hostileFixture('csp.css'), contentType: 'text/css', headers: { 'content-security-policy': CSP } },
  ]);
});

afterAll(async () => {
  await setNotesEnabled(browser, true).catch(() => undefined);
  await browser?.close();
});

const PARAGRAPHS = 'main p, main h1, main figure, main li';

describe('the page outside the host', () => {
  it('is identical before, during (notes shown, a note open) and after the overlay, and no paragraph moves', async () => {
    await setNotesEnabled(browser, false);
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await installPageProbes(page);
    await page.bringToFront();
    await page.goto(NYT);
    await page.waitForTimeout(1500);
    expect(await hostCount(page)).toBe(0);
    const before = await domOutsideHost(page);
    // The always-on script changed nothing either: the page is as it was before any content script ran.
    expect(before).toBe((await readProbes(page)).atLoad);
    const boxesBefore = await boxesOf(page, PARAGRAPHS);
    const stylesBefore = await pageStyles(page);
    const sheetsBefore = await page.evaluate(() => document.styleSheets.length);

    // Notes on (the toolbar button): the page that was open gets them without a reload.
    await clickToolbarButton(browser, page);
    await waitForBadges(page, 3);
    expect(await hostCount(page)).toBe(1);
    expect(await domOutsideHost(page)).toBe(before);
    expect(await boxesOf(page, PARAGRAPHS)).toEqual(boxesBefore);

    await page.locator(`${BADGE}[data-note-key$="nyt-pledge-sender"]`).click();
    await page.locator(NOTE).waitFor();
    expect(await domOutsideHost(page)).toBe(before);
    expect(await boxesOf(page, PARAGRAPHS)).toEqual(boxesBefore);
    // The notes' styles do not leak out: every page element computes the same styles.
    expect(await pageStyles(page)).toEqual(stylesBefore);
    // Nothing was added to the page's own style sheets (highlight styles are an adopted sheet).
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheetsBefore);
    // The host is the last child of <html>, after <body>, and takes no room.
    const host = await page.evaluate(() => {
      const el = document.querySelector('counterpoint-overlay')!;
      const box = el.getBoundingClientRect();
      return { parent: el.parentElement?.tagName, afterBody: el.previousElementSibling?.tagName, width: box.width, height: box.height };
    });
    expect(host).toEqual({ parent: 'HTML', afterBody: 'BODY', width: 0, height: 0 });

    await clickToolbarButton(browser, page);
    await page.locator('counterpoint-overlay').waitFor({ state: 'detached' });
    expect(await domOutsideHost(page)).toBe(before);
    expect(await boxesOf(page, PARAGRAPHS)).toEqual(boxesBefore);
    expect(await pageStyles(page)).toEqual(stylesBefore);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // Nothing was posted to the page's own message listeners (which would tell it the extension's id).
    expect((await readProbes(page)).messages).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a hostile page stylesheet', () => {
  it('does not restyle the notes, and the notes still work', async () => {
    await setNotesEnabled(browser, true);
    // Reference styles on the plain demo page.
    const plain = await browser.context.newPage();
    await plain.bringToFront();
    await plain.goto(NYT);
    await waitForBadges(plain, 3);
    const badges = await overlayStyles(plain, '.cp-badge');
    const root = await overlayStyles(plain, '.cp-root');
    await plain.locator(`${BADGE}[data-note-key$="nyt-pledge-sender"]`).click();
    await plain.locator(NOTE).waitFor();
    const reference = { badges, root, note: await overlayStyles(plain, '.cp-note'), heading: await overlayStyles(plain, '.cp-note-heading') };
    await plain.close();

    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.bringToFront();
    await page.goto(HOSTILE);
    await until(() => badgeCount(page), 3, 'badges on the hostile page');
    const host = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('counterpoint-overlay')!);
      return { display: style.display, position: style.position, visibility: style.visibility, opacity: style.opacity, transform: style.transform, filter: style.filter };
    });
    expect(host).toEqual({ display: 'block', position: 'absolute', visibility: 'visible', opacity: '1', transform: 'none', filter: 'none' });
    expect(await overlayStyles(page, '.cp-badge')).toEqual(reference.badges);
    expect(await overlayStyles(page, '.cp-root')).toEqual(reference.root);

    // Each badge is on screen, level with its passage despite `top: 500px` on <html> and a transformed body.
    const placement = await page.evaluate(() => {
      const root = document.querySelector('counterpoint-overlay')!.shadowRoot!;
      return [...root.querySelectorAll('.cp-badge')].map((badge) => {
        const key = badge.getAttribute('data-note-key') ?? '';
        const b = badge.getBoundingClientRect();
        return { key, top: b.top + window.scrollY, width: b.width, height: b.height };
      });
    });
    const passageTop = (text: string) =>
      page.evaluate((t: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(t);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + t.length);
          return range.getClientRects()[0]!.top + window.scrollY;
        }
        return null;
      }, text);
    const senderTop = await passageTop('most likely under pressure from China');
    const sender = placement.find((p) => p.key.endsWith('nyt-pledge-sender'))!;
    expect(sender.width).toBeGreaterThan(40);
    expect(sender.height).toBeGreaterThan(15);
    expect(Math.abs(sender.top - senderTop!)).toBeLessThan(40);

    await page.locator(`${BADGE}[data-note-key$="nyt-pledge-sender"]`).click();
    await page.locator(NOTE).waitFor();
    expect(await overlayStyles(page, '.cp-note')).toEqual(reference.note);
    expect(await overlayStyles(page, '.cp-note-heading')).toEqual(reference.heading);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a strict Content-Security-Policy with Trusted Types', () => {
  it('shows the badges and notes with no violation reported and no console error', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await installPageProbes(page);
    await page.bringToFront();
    const response = await page.goto(CSP_PAGE);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await until(() => badgeCount(page), 3, 'badges on the CSP page');
    await page.locator(`${BADGE}[data-note-key$="nyt-pledge-terms"]`).click();
    await page.locator(NOTE).waitFor();
    // The note's own styles applied (a blocked stylesheet would leave it unstyled and static).
    const note = await overlayStyles(page, '.cp-note');
    expect(note[0]?.position).toBe('absolute');
    expect(note[0]?.['border-radius']).toBe('8px');
    await page.waitForTimeout(500);
    const probes = await readProbes(page);
    expect(probes.violations).toEqual([]);
    expect(errors).toEqual([]);

    // Control: the listener does see a violation when the page breaks its own policy.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.head.append(style);
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        // Trusted Types refused the string
      }
    });
    await expect.poll(async () => (await readProbes(page)).violations.map((v) => v.directive).sort()).toEqual(['require-trusted-types-for', 'style-src-elem']);
    await page.close();
  });
});
