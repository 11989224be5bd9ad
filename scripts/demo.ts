/**
 * npm run demo: the built extension in Debian's Chromium on the demo pages, served under their
 * real host names. With a display, a browser window opens on them and stays until closed. Without
 * one (or with --headless), each page is loaded, its first note opened, and a screenshot saved in
 * demo-output/; a table says what each page showed.
 */
import { mkdirSync } from 'node:fs';
import { launchWithExtension, type ExtensionBrowser } from '../demo/browser';
import { DEMO_PAGES } from '../demo/sites';

declare const chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> }; action: { getBadgeText(d: object): Promise<string> } };

const BADGE = 'counterpoint-overlay .cp-badge';
const OUT = 'demo-output';

async function toolbarCount(browser: ExtensionBrowser, url: string): Promise<string> {
  return browser.worker.evaluate(async (target: string) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === target);
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : '?';
  }, url);
}

async function headlessTour(browser: ExtensionBrowser): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rows: string[][] = [['page', 'url', 'badges', 'toolbar', 'screenshot']];
  for (const demo of DEMO_PAGES.filter((p) => p.id !== 'index')) {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(demo.url);
    await page.locator(BADGE).first().waitFor({ timeout: 8_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    const badges = await page.locator(BADGE).count();
    if (badges > 0) {
      const first = page.locator(BADGE).first();
      const box = await first.boundingBox();
      if (box) await page.evaluate((top) => window.scrollBy(0, top - 160), box.y);
      await first.click();
      await page.locator('counterpoint-overlay .cp-note').waitFor();
      await page.waitForTimeout(400);
    }
    const shot = `${OUT}/${demo.id}.png`;
    await page.screenshot({ path: shot });
    rows.push([demo.id, demo.url, String(badges), (await toolbarCount(browser, page.url())) || '-', shot]);
    await page.close();
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  const browser = await launchWithExtension({ headless });
  try {
    if (headless) {
      await headlessTour(browser);
      return;
    }
    for (const demo of DEMO_PAGES) await (await browser.context.newPage()).goto(demo.url);
    console.log('Chromium is open on the demo pages; close the window to finish.');
    await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
