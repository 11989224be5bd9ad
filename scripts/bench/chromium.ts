/**
 * Part 2: the same pages in Chromium with Counterpoint and without it (an inert extension),
 * interleaved round by round; each load measured by CDP Performance.getMetrics (script and task
 * time of the page's renderer) and a trace (long tasks, the extension's own script events).
 * Then the probe: the pipeline's stages timed inside a real page (no extension involved).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../demo/browser';
import { isMatched, type BenchPage } from './pages';
import type { ProbeResult } from './probe';
import { endTrace, startTrace, summariseTrace, type TraceSummary } from './trace';

export interface LoadMetrics {
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  trace: TraceSummary;
  /** Badges the overlay showed (with the extension). */
  badges: number;
  /** From the load event until script time settled. */
  settleMs: number;
  error?: string;
}

export interface PageRuns {
  id: string;
  kind: BenchPage['kind'];
  url: string;
  withExt: LoadMetrics[];
  without: LoadMetrics[];
}

const METRICS = { ScriptDuration: 'scriptMs', TaskDuration: 'taskMs', LayoutDuration: 'layoutMs', RecalcStyleDuration: 'styleMs' } as const;
const POLL_MS = 100;
/** Settled: script time grew by less than QUIET_SCRIPT_MS over QUIET_MS (pages with their own timers never go fully quiet). */
const QUIET_MS = 500;
const QUIET_SCRIPT_MS = 0.3;
const MAX_SETTLE_MS = 4000;

const pageRunsScripts = (html: string) => /<script(?![^>]*type\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/template)["']?)[^>]*>/i.test(html);

async function metricsOf(cdp: import('playwright-core').CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Loads `page` in a fresh tab, waits until no script has run for QUIET_MS, and measures. */
export async function measureLoad(browser: ExtensionBrowser, page: BenchPage): Promise<LoadMetrics> {
  browser.server.addPage(page.url, page.html);
  const tab: Page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  try {
    await cdp.send('Performance.enable');
    await startTrace(cdp);
    const before = await metricsOf(cdp);
    await tab.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
    // Settle: the extension's work ends with no further script; wait for a quiet stretch (no evaluate
    // or locator here: Playwright's own injected scripts would count as page script time).
    const loaded = Date.now();
    const history: { at: number; script: number }[] = [];
    while (Date.now() - loaded < MAX_SETTLE_MS) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const at = Date.now();
      history.push({ at, script: ((await metricsOf(cdp)).ScriptDuration ?? 0) * 1000 });
      const windowStart = history.find((h) => h.at >= at - QUIET_MS);
      if (at - loaded >= QUIET_MS && windowStart && history.at(-1)!.script - windowStart.script < QUIET_SCRIPT_MS) break;
    }
    const settleMs = Date.now() - loaded;
    const after = await metricsOf(cdp);
    const trace = summariseTrace(await endTrace(cdp), page.url, pageRunsScripts(page.html));
    const delta = Object.fromEntries(Object.entries(METRICS).map(([name, key]) => [key, ((after[name] ?? 0) - (before[name] ?? 0)) * 1000])) as Record<(typeof METRICS)[keyof typeof METRICS], number>;
    const badges = await tab.evaluate(() => document.querySelector('counterpoint-overlay')?.shadowRoot?.querySelectorAll('.cp-badge').length ?? 0);
    return { ...delta, trace, badges, settleMs };
  } catch (error) {
    return { scriptMs: NaN, taskMs: NaN, layoutMs: NaN, styleMs: NaN, trace: summariseTrace([], page.url, true), badges: 0, settleMs: NaN, error: String(error) };
  } finally {
    await cdp.detach().catch(() => undefined);
    await tab.close().catch(() => undefined);
  }
}

/** Rounds of with/without loads, alternating which browser goes first. */
export async function withAndWithout(pair: { withExt: ExtensionBrowser; without: ExtensionBrowser }, pages: readonly BenchPage[], rounds: number, log: (line: string) => void): Promise<PageRuns[]> {
  const runs: PageRuns[] = pages.map((p) => ({ id: p.id, kind: p.kind, url: p.url, withExt: [], without: [] }));
  // Warm up both browsers (first loads pay for process start-up and cold caches).
  for (const warm of [pages.find(isMatched), pages.find((p) => !isMatched(p))]) {
    if (!warm) continue;
    await measureLoad(pair.withExt, warm);
    await measureLoad(pair.without, warm);
  }
  for (let round = 0; round < rounds; round++) {
    const started = Date.now();
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i]!;
      const withFirst = (round + i) % 2 === 0;
      const order = withFirst ? (['withExt', 'without'] as const) : (['without', 'withExt'] as const);
      for (const which of order) runs[i]![which].push(await measureLoad(pair[which], page));
    }
    log(`  chromium: round ${round + 1}/${rounds}, ${pages.length} pages × 2, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return runs;
}

export interface Calibration {
  busyMs: number;
  /** ScriptDuration growth for `busyMs` of script run directly, and run after an await (a promise continuation). */
  direct: number;
  afterAwait: number;
}

/** How much of a known amount of script CDP's ScriptDuration sees, run directly and in a promise continuation. */
export async function calibrate(browser: ExtensionBrowser, busyMs = 30): Promise<Calibration> {
  const busy = `function busy(ms) { const end = performance.now() + ms; while (performance.now() < end) {} }`;
  const measure = async (name: string, code: string) => {
    const url = `http://calibration-${name}.bench.example/`;
    browser.server.addPage(url, `<!doctype html><title>calibration</title><p>calibration</p><script>${busy} ${code}</script>`);
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    try {
      await cdp.send('Performance.enable');
      const before = (await metricsOf(cdp)).ScriptDuration ?? 0;
      await tab.goto(url, { waitUntil: 'load' });
      await tab.waitForTimeout(300);
      return ((await metricsOf(cdp)).ScriptDuration! - before) * 1000;
    } finally {
      await tab.close();
    }
  };
  return {
    busyMs,
    direct: await measure('direct', `busy(${busyMs});`),
    afterAwait: await measure('after-await', `(async () => { await null; busy(${busyMs}); })();`),
  };
}

export interface ProbeRun {
  id: string;
  kind: BenchPage['kind'];
  result: ProbeResult | null;
  error?: string;
}

/** Each page in a fresh tab of the browser without Counterpoint, the probe bundle evaluated cold. */
export async function probeStages(browser: ExtensionBrowser, pages: readonly BenchPage[], bundle: string, log: (line: string) => void): Promise<ProbeRun[]> {
  const out: ProbeRun[] = [];
  for (const page of pages) {
    browser.server.addPage(page.url, page.html);
    const tab = await browser.context.newPage();
    try {
      await tab.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
      await tab.evaluate(bundle);
      const forced = page.kind === 'corpus' || page.kind === 'demo-unmatched';
      const result = await tab.evaluate((f: boolean) => (globalThis as unknown as { __counterpointBench: { run(forced: boolean): ProbeResult } }).__counterpointBench.run(f), forced);
      out.push({ id: page.id, kind: page.kind, result });
    } catch (error) {
      out.push({ id: page.id, kind: page.kind, result: null, error: String(error).split('\n')[0] });
    } finally {
      await tab.close().catch(() => undefined);
    }
    if (out.length % 34 === 0) log(`  chromium probe: ${out.length}/${pages.length} pages`);
  }
  return out;
}
