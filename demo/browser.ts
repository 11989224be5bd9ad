/**
 * Debian's Chromium with the built extension loaded, demo pages served under their real host
 * names. Requests for http(s) pages are answered by the demo server through Playwright routing
 * (Chromium upgrades nytimes.com to https by its preload list, so plain host mapping cannot
 * serve it); everything else is refused and recorded. Shared by `npm run demo` and the e2e tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { startDemoServer, type DemoServer } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: DemoServer;
  /** Every http(s) request a page made that the demo server did not serve. */
  refused: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Extra Chromium flags (e.g. --enable-unsafe-extension-debugging for CDP Extensions.loadUnpacked). */
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? process.env.COUNTERPOINT_EXTENSION_DIR ?? '.output/chrome-mv3');
  const server = await startDemoServer();
  const profile = await mkdtemp(join(tmpdir(), 'counterpoint-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--proxy-server=http://127.0.0.1:${server.port}`,
      '--proxy-bypass-list=<-loopback>',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      ...(options.args ?? []),
    ],
  });
  const refused: string[] = [];
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const html = await server.pageHtml(url);
    if (html === undefined) {
      refused.push(`${route.request().method()} ${url}`);
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return;
    }
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers: { 'cache-control': 'no-store' } });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    server,
    refused,
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
