/**
 * Firefox smoke test over raw WebDriver BiDi (Playwright cannot drive Debian's firefox-esr with an
 * add-on): start firefox-esr headless with a fresh profile whose HTTP proxy is the demo server,
 * install the built add-on (.output/firefox-mv2) as a temporary add-on, open the Global Times demo
 * page and its reprint (http-only hosts; www.nytimes.com is on Firefox's HSTS preload list too, so
 * its http URL would become an https CONNECT the demo server refuses), and count the badges inside
 * the <counterpoint-overlay> shadow root with script.evaluate, then open a note; check that a
 * page with no known dispute (the demo index) gets no overlay; and that single-page navigation
 * (tests/fixtures/hostile/spa.html) brings notes in and takes them away; and that a click on the
 * toolbar button (pinned, then clicked in the browser window) takes an open article's notes away and
 * a second click brings them back; and that the button's own context menu, opened by a right click,
 * turns the site off and on again.
 *
 * Run: node --experimental-websocket --import tsx tests/e2e/firefox/bidi-smoke.ts
 * (`npm run test:firefox` builds the add-on, runs `web-ext lint`, then this.) Exit code 0 on success.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostileFixture } from '../../../demo/hostile-pages';
import { startDemoServer, type DemoServer } from '../../../demo/server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON = resolve(process.env.COUNTERPOINT_FIREFOX_DIR ?? '.output/firefox-mv2');
const ADDON_ID = 'counterpoint@counterpoint.invalid';
const PAGES = [
  { url: 'http://www.globaltimes.cn/content/official-disputes-pledge-claims.shtml', badges: 4 },
  { url: 'http://english.news-portal.example/world/2015-09/19/content_21919.htm', badges: 4 },
  // A page with no known dispute: no overlay is injected.
  { url: 'http://demo.counterpoint.example/', badges: 0 },
];

/** Prefs: the demo server as HTTP proxy for every host, and Firefox's own background traffic off. */
function userJs(proxyPort: number): string {
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'dom.security.https_only_mode': false,
    'dom.security.https_first': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'app.update.enabled': false,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.discovery.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
  };
  return Object.entries(prefs)
    .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('\n');
}

interface Bidi {
  send<T = unknown>(method: string, params: Record<string, unknown>): Promise<T>;
  events: { method: string; params: Record<string, unknown> }[];
  close(): void;
}

async function connect(url: string): Promise<Bidi> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolveOpen, reject) => {
    socket.addEventListener('open', () => resolveOpen(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
  });
  let next = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const events: Bidi['events'] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string; method?: string; params?: Record<string, unknown> };
    if (message.type === 'event' && message.method) events.push({ method: message.method, params: message.params ?? {} });
    if (message.id === undefined) return;
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'error') entry?.reject(new Error(`${message.error}: ${message.message}`));
    else entry?.resolve(message.result);
  });
  return {
    events,
    send<T>(method: string, params: Record<string, unknown>) {
      const id = next++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((resolveSend, reject) => waiting.set(id, { resolve: resolveSend as (value: unknown) => void, reject }));
    },
    close: () => socket.close(),
  };
}

function startFirefox(profile: string): Promise<{ child: ChildProcess; wsUrl: string }> {
  const child = spawn(FIREFOX, ['--headless', '-remote-allow-system-access', '--remote-debugging-port=0', '--profile', profile, '--no-remote'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolveStart, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`firefox did not start a BiDi server:\n${stderr.slice(-2000)}`)), 30_000);
    timer.unref();
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, wsUrl: match[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`firefox exited (${code}) before BiDi was up:\n${stderr.slice(-2000)}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function evaluate<T>(bidi: Bidi, context: string, expression: string, extra: Record<string, unknown> = {}): Promise<T> {
  const result = await bidi.send<{ type: string; result?: { value?: T }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
    ...extra,
  });
  if (result.type !== 'success') throw new Error(`script.evaluate failed: ${result.exceptionDetails?.text}`);
  return result.result?.value as T;
}

const BADGES = `(() => { const host = document.querySelector('counterpoint-overlay'); return host && host.shadowRoot ? host.shadowRoot.querySelectorAll('.cp-badge').length : 0; })()`;

async function waitForBadges(bidi: Bidi, context: string, want: number, timeout = 20_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = await evaluate<number>(bidi, context, BADGES);
    if (seen === want && want > 0) return seen;
    await sleep(250);
  }
  return seen;
}

async function main(): Promise<number> {
  const server: DemoServer = await startDemoServer();
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs(server.port));
  const { child, wsUrl } = await startFirefox(profile);
  let failures = 0;
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures += 1;
  };
  try {
    const bidi = await connect(`${wsUrl}/session`);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: ADDON } });
    check(installed.extension === ADDON_ID, `installed ${ADDON} as ${installed.extension}`);
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const context = tree.contexts[0]!.context;
    const version = await evaluate<string>(bidi, context, 'navigator.userAgent');
    console.log(`     ${version}`);

    for (const page of PAGES) {
      const before = server.requests.length;
      await bidi.send('browsingContext.navigate', { context, url: page.url, wait: 'complete' });
      const served = server.requests.slice(before).some((r) => r.startsWith(`GET ${page.url}`));
      check(served, `the demo server served ${page.url}`);
      if (page.badges === 0) {
        await sleep(2500);
        check((await evaluate<number>(bidi, context, BADGES)) === 0, `no badges on ${page.url}`);
        check((await evaluate<number>(bidi, context, `document.querySelectorAll('counterpoint-overlay').length`)) === 0, `no overlay host on ${page.url}`);
        continue;
      }
      const badges = await waitForBadges(bidi, context, page.badges);
      check(badges === page.badges, `${badges} badges (want ${page.badges}) on ${page.url}`);
      const hosts = await evaluate<number>(bidi, context, `document.querySelectorAll('counterpoint-overlay').length`);
      check(hosts === 1, `${hosts} overlay host`);
      const highlights = await evaluate<number>(bidi, context, `typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.size : -1`);
      check(highlights >= 1, `CSS Custom Highlight registered (${highlights})`);
      const styled = await evaluate<string>(bidi, context, `(() => { const b = document.querySelector('counterpoint-overlay').shadowRoot.querySelector('.cp-badge'); const s = getComputedStyle(b); return s.position + ' ' + s.borderRadius; })()`);
      const sheets = await evaluate<string>(bidi, context, `(() => { const r = document.querySelector('counterpoint-overlay').shadowRoot; return r.adoptedStyleSheets.length + ' adopted, ' + r.querySelectorAll('style').length + ' <style>'; })()`);
      check(styled === 'absolute 11px', `badge styled by the shadow root's stylesheet (${styled}; ${sheets})`);
      const note = await evaluate<string>(
        bidi,
        context,
        `(async () => { const root = document.querySelector('counterpoint-overlay').shadowRoot; root.querySelector('.cp-badge').click(); for (let i = 0; i < 40 && !root.querySelector('.cp-note'); i++) await new Promise((r) => setTimeout(r, 50)); return root.querySelector('.cp-note')?.textContent ?? ''; })()`,
      );
      check(note.includes('New York Times'), `a note opens (${note.slice(0, 60)}…)`);
    }
    // Notes off and on again with the toolbar button, clicked in Firefox's own window: BiDi reaches the
    // browser's chrome only when Firefox runs with -remote-allow-system-access (this test's browser only).
    const article = PAGES[0]!.url;
    await bidi.send('browsingContext.navigate', { context, url: article, wait: 'complete' });
    check((await waitForBadges(bidi, context, 4)) === 4, `4 badges on ${article} before turning notes off`);
    const chromeTree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const browserWindow = chromeTree.contexts[0]!.context;
    const inChrome = <T>(expression: string) => evaluate<T>(bidi, browserWindow, expression, { 'moz:scope': 'chrome' });
    const WIDGET = `${ADDON_ID.replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
    const BUTTON = `document.getElementById(${JSON.stringify(WIDGET)}).querySelector('.webextension-browser-action')`;
    // Pinned to the toolbar, as a user would (Firefox keeps extension buttons in its extensions menu).
    await inChrome(`CustomizableUI.addWidgetToArea(${JSON.stringify(WIDGET)}, CustomizableUI.AREA_NAVBAR)`);
    /** Clicks the toolbar button (in Firefox's own window) and returns its title once it shows `want`. */
    const flip = async (want: boolean) => {
      await inChrome(`${BUTTON}.click()`);
      let title = '';
      for (let i = 0; i < 40; i++) {
        title = (await inChrome<string>(`${BUTTON}.getAttribute('tooltiptext') ?? ''`)) ?? '';
        if (title.includes(want ? 'notes on' : 'notes off')) break;
        await sleep(100);
      }
      return title;
    };
    check((await flip(false)).includes('notes off'), 'a click on the toolbar button turned notes off (its title says so)');
    let gone = 1;
    for (let i = 0; i < 50 && gone > 0; i += 1) {
      await sleep(100);
      gone = await evaluate<number>(bidi, context, `document.querySelectorAll('counterpoint-overlay').length + (CSS.highlights ? CSS.highlights.size : 0)`);
    }
    check(gone === 0, `notes off: no overlay host and no highlights left on the open article (${gone})`);
    check((await flip(true)).includes('notes on'), 'a second click turned notes on');
    check((await waitForBadges(bidi, context, 4)) === 4, 'notes on again: 4 badges back on the open article without a reload');

    // The button's own context menu, opened as a right click opens it, and its first item chosen:
    // this site off, then on again.
    const SITE_ITEM = `${WIDGET.replace(/-browser-action$/, '')}-menuitem-_counterpoint-site`;
    /** Opens the menu, reads the site item's label, chooses it, and returns the label it had. */
    const chooseSiteItem = () =>
      inChrome<string>(`(async () => {
        ${BUTTON}.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 }));
        const menu = document.getElementById('toolbar-context-menu');
        for (let i = 0; i < 40 && menu.state !== 'open'; i++) await new Promise((r) => setTimeout(r, 50));
        const item = document.getElementById(${JSON.stringify(SITE_ITEM)});
        const label = item ? item.getAttribute('label') : 'no item (menu ' + menu.state + ')';
        if (item) menu.activateItem(item); else menu.hidePopup();
        return label;
      })()`);
    const offLabel = await chooseSiteItem();
    check(offLabel === 'Turn off on this site', `the toolbar button's menu offers "${offLabel}"`);
    let siteGone = 1;
    for (let i = 0; i < 50 && siteGone > 0; i += 1) {
      await sleep(100);
      siteGone = await evaluate<number>(bidi, context, `document.querySelectorAll('counterpoint-overlay').length`);
    }
    check(siteGone === 0, 'after "Turn off on this site" the open article has no overlay');
    const onLabel = await chooseSiteItem();
    check(onLabel === 'Turn on for this site', `the menu then offers "${onLabel}"`);
    check((await waitForBadges(bidi, context, 4)) === 4, 'after "Turn on for this site": 4 badges back');

    // Single-page navigation: to the article and away from it, by pushState.
    const spa = 'http://spa.counterpoint.example/spa';
    for (const path of ['/gt', '/other']) server.addPage(`${spa}${path}`, hostileFixture('spa.html'));
    await bidi.send('browsingContext.navigate', { context, url: `${spa}/other`, wait: 'complete' });
    const api = await evaluate<string>(bidi, context, `typeof navigation === 'object' ? 'Navigation API' : 'no Navigation API (1 s polling)'`);
    await sleep(1500);
    await evaluate(bidi, context, `window.go('/spa/gt')`);
    check((await waitForBadges(bidi, context, 4)) === 4, `4 badges after pushState to the article (${api})`);
    await evaluate(bidi, context, `window.go('/spa/other')`);
    let left = 1;
    for (let i = 0; i < 30 && left > 0; i += 1) {
      await sleep(100);
      left = await evaluate<number>(bidi, context, `document.querySelectorAll('counterpoint-overlay').length`);
    }
    check(left === 0, 'notes gone after pushState away');

    const errors = bidi.events.filter((e) => e.method === 'log.entryAdded' && (e.params.level === 'error' || e.params.type === 'javascript'));
    check(errors.length === 0, `no errors logged in the page (${errors.map((e) => String(e.params.text)).join(' | ')})`);
    bidi.close();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(r, 5000);
      timer.unref();
      child.once('exit', () => {
        clearTimeout(timer);
        r(undefined);
      });
    });
    if (child.exitCode === null) child.kill('SIGKILL');
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(failures === 0 ? 'Firefox smoke test passed' : `Firefox smoke test: ${failures} check(s) failed`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
