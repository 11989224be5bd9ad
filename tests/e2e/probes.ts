/**
 * Instruments for the robustness tests: what the page looks like outside Counterpoint's host, what
 * the page's own scripts observe (CSP violations, long tasks, a ticking timer), which messages the
 * background received, and the extension's current service worker.
 */
import { chromium, type Browser, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, type ExtensionBrowser } from '../../demo/browser';
import { servePages, type ServedFile } from '../../demo/hostile-pages';

declare const chrome: any;

export const HOST = 'counterpoint-overlay';

/** The extension's live service worker (a restarted worker is a new Worker object). */
export async function currentWorker(browser: ExtensionBrowser): Promise<Worker> {
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const live = browser.context.serviceWorkers().filter((w) => w.url().startsWith(prefix)).at(-1);
  if (live) return live;
  return browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 });
}

export interface LoggedMessage {
  type: string;
  url: string;
  frameId: number;
  at: number;
}

/**
 * Records every runtime message the background receives, with its sender, through a second
 * onMessage listener that never answers (the extension's own listener still does).
 */
export async function startMessageLog(browser: ExtensionBrowser): Promise<void> {
  const worker = await currentWorker(browser);
  await worker.evaluate(() => {
    const g = globalThis as any;
    if (g.__cpLog) return;
    g.__cpLog = [];
    chrome.runtime.onMessage.addListener((message: any, sender: any) => {
      g.__cpLog.push({ type: String(message?.type), url: String(sender.url ?? ''), frameId: sender.frameId ?? -1, at: Date.now() });
    });
  });
}

export async function loggedMessages(browser: ExtensionBrowser, filter: { url?: RegExp; since?: number } = {}): Promise<LoggedMessage[]> {
  const worker = await currentWorker(browser);
  const all = (await worker.evaluate(() => (globalThis as any).__cpLog ?? [])) as LoggedMessage[];
  return all.filter((m) => (!filter.url || filter.url.test(m.url)) && (!filter.since || m.at >= filter.since));
}

export const countOf = (messages: LoggedMessage[], type: string) => messages.filter((m) => m.type === type).length;

/** Notes on or off everywhere, through storage (as the toolbar button does). */
export async function setNotesEnabled(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  const worker = await currentWorker(browser);
  await worker.evaluate(async (on: boolean) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { disabledSites: [], mutedOutlets: [], disabledDatasets: [], ...settings, enabled: on } });
  }, enabled);
}

/** The page's serialisation with Counterpoint's host removed from a clone. */
export function domOutsideHost(page: Page): Promise<string> {
  return page.evaluate((tag: string) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of clone.querySelectorAll(tag)) host.remove();
    const doctype = document.doctype ? `<!doctype ${document.doctype.name}>` : '';
    return `${doctype}${clone.outerHTML}`;
  }, HOST);
}

export function hostCount(page: Page): Promise<number> {
  return page.evaluate((tag: string) => document.querySelectorAll(tag).length, HOST);
}

export function badgeCount(page: Page): Promise<number> {
  return page.evaluate((tag: string) => {
    let n = 0;
    for (const host of document.querySelectorAll(tag)) n += host.shadowRoot?.querySelectorAll('.cp-badge').length ?? 0;
    return n;
  }, HOST);
}

/** Polls until `read()` returns `want` (or throws after `timeout`). */
export async function until<T>(read: () => Promise<T>, want: T, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: still ${String(last)} after ${timeout} ms, expected ${String(want)}`);
}

/** Boxes of the elements matching `selector`, rounded to 1/100 px. */
export function boxesOf(page: Page, selector: string): Promise<number[][]> {
  return page.evaluate((sel: string) => {
    const r = (n: number) => Math.round(n * 100) / 100;
    return [...document.querySelectorAll(sel)].map((el) => {
      const b = el.getBoundingClientRect();
      return [r(b.left + window.scrollX), r(b.top + window.scrollY), r(b.width), r(b.height)];
    });
  }, selector);
}

export const STYLE_PROPS = [
  'display', 'position', 'visibility', 'opacity', 'color', 'background-color', 'font-family', 'font-size', 'font-weight',
  'font-style', 'line-height', 'letter-spacing', 'text-transform', 'padding-top', 'padding-left', 'border-top-width',
  'border-top-color', 'border-radius', 'width', 'height', 'box-shadow', 'filter', 'transform', 'white-space', 'text-decoration-line',
];

/** Computed styles of every element of the page outside the host (and of its pseudo-elements' content). */
export function pageStyles(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tag, props }: { tag: string; props: string[] }) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        if (el.closest(tag)) continue;
        const style = getComputedStyle(el);
        out.push(`${el.tagName}${el.id ? `#${el.id}` : ''}.${el.className}|${props.map((p) => style.getPropertyValue(p)).join('|')}`);
      }
      return out;
    },
    { tag: HOST, props: STYLE_PROPS },
  );
}

/** Computed styles of the elements matching `selector` inside the host's shadow root, once its transitions are done. */
export function overlayStyles(page: Page, selector: string): Promise<Record<string, string>[]> {
  return page.evaluate(
    async ({ tag, sel, props }: { tag: string; sel: string; props: string[] }) => {
      const root = document.querySelector(tag)?.shadowRoot;
      if (!root) return [];
      // Settle opening transitions first.
      await Promise.all(root.getAnimations().map((a) => a.finished.catch(() => undefined)));
      return [...root.querySelectorAll(sel)].map((el) => {
        const style = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      });
    },
    { tag: HOST, sel: selector, props: STYLE_PROPS },
  );
}

/**
 * In-page instruments, installed before any page script runs: CSP violations, long tasks, messages
 * posted to the page, its DOM at DOMContentLoaded (before any content script), and a 50 ms timer
 * whose longest gap shows how long the page could not run its own code.
 */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as any;
    w.__probe = { violations: [], longTasks: [], longTaskStarts: [], maxGap: 0, ticks: 0, messages: [], atLoad: '' };
    // What the page's own message listeners receive (a content script posting to the page would show here).
    addEventListener('message', (e) => w.__probe.messages.push(JSON.stringify(e.data)?.slice(0, 300) ?? String(e.data)));
    document.addEventListener('DOMContentLoaded', () => {
      w.__probe.atLoad = `<!doctype html>${document.documentElement.outerHTML}`;
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__probe.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
    });
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__probe.longTasks.push(Math.round(entry.duration));
          w.__probe.longTaskStarts.push(Math.round(entry.startTime));
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no Long Tasks API
    }
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__probe.maxGap = Math.max(w.__probe.maxGap, now - last);
      w.__probe.ticks += 1;
      last = now;
    }, 50);
  });
}

export interface ProbeReport {
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  longTasks: number[];
  /** Start times of the long tasks, ms since navigation. */
  longTaskStarts: number[];
  /** When the page's own parsing ended (DOMContentLoaded), ms since navigation; content scripts run after it. */
  parsed: number;
  maxGap: number;
  ticks: number;
  messages: string[];
  atLoad: string;
}

export function readProbes(page: Page): Promise<ProbeReport> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...(window as any).__probe, parsed: Math.round(navigation?.domContentLoadedEventEnd ?? 0) } as ProbeReport;
  });
}

/** The long tasks that started after the page's own parsing (when content scripts may run). */
export const longTasksAfterParse = (report: ProbeReport): number[] => report.longTasks.filter((_, i) => (report.longTaskStarts[i] ?? 0) >= report.parsed);

/** Console errors and uncaught exceptions of a page, as text. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** How long the page takes to run a trivial evaluate: its responsiveness to the test. */
export async function answerTime(page: Page): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - start;
}

/** The same Chromium without the extension, serving `files`: the control for page-cost figures. */
export async function launchPlain(files: readonly ServedFile[]): Promise<{ browser: Browser; page(): Promise<Page> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await servePages(context, files);
  return { browser, page: () => context.newPage() };
}

export interface WorldErrors {
  /** Errors and uncaught exceptions from every world of the page (its own and content scripts'), as text. */
  errors: string[];
  /** Execution contexts of extensions' content scripts (isolated worlds) in the main frame. */
  isolated(): { id: number; origin: string; name: string }[];
  /** Evaluates `expression` in this extension's content-script world (the latest one). */
  evaluateInExtensionWorld(expression: string, which?: 0 | -1): Promise<unknown>;
  detach(): Promise<void>;
}

/**
 * Errors seen through CDP on the page's own session: Runtime.exceptionThrown, console errors and
 * Log entries of every execution context, including the isolated worlds of content scripts, which
 * Playwright's page events may not report.
 */
export async function watchWorldErrors(page: Page, extensionId: string): Promise<WorldErrors> {
  const cdp = await page.context().newCDPSession(page);
  const errors: string[] = [];
  const contexts = new Map<number, { id: number; origin: string; name: string; type: string }>();
  cdp.on('Runtime.executionContextCreated', ({ context }: any) => {
    contexts.set(context.id, { id: context.id, origin: context.origin, name: context.name, type: context.auxData?.type ?? '' });
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: any) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }: any) => {
    errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args }: any) => {
    if (type === 'error' || type === 'warning' || type === 'assert') errors.push(`console.${type}: ${args.map((a: any) => a.value ?? a.description ?? '').join(' ')}`);
  });
  cdp.on('Log.entryAdded', ({ entry }: any) => {
    if (entry.level === 'error') errors.push(`log: ${entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  const isolated = () => [...contexts.values()].filter((c) => c.type === 'isolated' && c.origin.includes(extensionId));
  return {
    errors,
    isolated,
    /** In the extension's newest content-script world of the page (or its oldest: `which = 0`). */
    async evaluateInExtensionWorld(expression: string, which: 0 | -1 = -1) {
      const world = isolated().at(which);
      if (!world) throw new Error('no content-script world of the extension in this page');
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true })) as any;
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    detach: () => cdp.detach(),
  };
}
