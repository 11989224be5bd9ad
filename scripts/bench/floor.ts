/**
 * The floor: what any content script costs a page with no known dispute, measured the same way as
 * the extension (measureLoad: the CPU time of the extension's tasks in a trace). Tiny variant
 * extensions, each an MV3 manifest, a background that answers "no" and one content script, climb
 * a ladder from an empty script to a text walk that messages the background; "ours" variants are
 * our own always-on code stopped after each step of its set-up (bundled from lib/ like the build);
 * then whole builds (this worktree's, and any given with --floor-builds). Every browser loads the
 * same pages in the same round, in a rotating order, so a slow moment of the shared machine falls
 * on all of them alike. A content script that busies the thread for 5 ms calibrates the method.
 *
 * Two variants have no content script: the background runs the walk as a file with
 * scripting.executeScript when the tab completes, in an isolated world, and in the page's MAIN
 * world: data points on what a content script's own set-up costs and whether the isolated world
 * is the floor. Main-world reading is not a design (the page's scripts could see, forge and detect
 * everything it does).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { measureLoad, type LoadMetrics } from './chromium';
import { ROOT, type BenchPage } from './pages';
import { median, ms, quantile, table } from './stats';

export interface FloorVariant {
  id: string;
  /** What the content script does (the table's label). */
  does: string;
  /** A built extension's directory, or the content script's code (plain JS, or TS importing lib/ as `@lib/...`). */
  source: { dir: string } | { js: string } | { ts: string } | { exec: string; world: 'MAIN' | 'ISOLATED' };
}

export interface FloorRun {
  variant: string;
  page: string;
  group: FloorGroup;
  load: LoadMetrics;
}

type FloorGroup = 'demo' | 'corpus';

/** A text walk like the always-on script's: one TreeWalker over <body>, no filter callback. */
const WALK = `(() => { const parts = []; const w = document.createTreeWalker(document.body, 4); for (let n = w.nextNode(); n; n = w.nextNode()) parts.push(n.data); return parts.join(' '); })()`;
const SEND = (text: string) => `chrome.runtime.sendMessage({ type: 'page', page: { url: location.href, canonical: null, ogUrl: null, text: ${text} } }).then(() => undefined, () => undefined);`;

/** The ladder, cheapest first; the busy row is the calibration (it should read about 5 ms more than "empty"). */
export const LADDER: FloorVariant[] = [
  { id: 'empty', does: 'nothing (an empty file)', source: { js: '// nothing' } },
  { id: 'busy-5ms', does: 'calibration: 5 ms of busy loop', source: { js: 'const end = performance.now() + 5; while (performance.now() < end);' } },
  { id: 'document', does: 'reads document.body', source: { js: 'void document.body;' } },
  { id: 'runtime', does: '+ reads chrome.runtime.id', source: { js: 'void document.body; void chrome.runtime.id;' } },
  { id: 'send', does: '+ sendMessage(location.href), answer ignored', source: { js: SEND("''") } },
  { id: 'walk-send', does: '+ TreeWalker text walk, sends the text', source: { js: SEND(WALK) } },
  { id: 'listen', does: 'walk-send + runtime.onMessage.addListener', source: { js: `${SEND(WALK)} chrome.runtime.onMessage.addListener(() => undefined);` } },
  { id: 'observe', does: 'walk-send + a MutationObserver on <body> (subtree)', source: { js: `${SEND(WALK)} new MutationObserver(() => undefined).observe(document.body, { childList: true, subtree: true, characterData: true });` } },
  { id: 'navigate', does: "walk-send + navigation's currententrychange and popstate listeners", source: { js: `${SEND(WALK)} navigation.addEventListener('currententrychange', () => undefined); addEventListener('popstate', () => undefined);` } },
  { id: 'exec-isolated', does: 'no content script: the background runs the walk (executeScript file, isolated world)', source: { exec: WALK, world: 'ISOLATED' } },
  { id: 'main-world', does: "no content script: the background runs the walk in the page's MAIN world", source: { exec: WALK, world: 'MAIN' } },
];

/** Our own always-on code, stopped after each step of its set-up. */
export const OURS: FloorVariant[] = [
  {
    id: 'ours-ask',
    does: 'ours: URLs + sliced walk + askPage',
    source: { ts: `import { pageTextInSlices } from '@lib/overlay/signals'; import { askPage } from '@lib/platform/messages'; void pageTextInSlices(document).then((page) => page && askPage(page).catch(() => undefined));` },
  },
  {
    id: 'ours-growth',
    does: 'ours: + growth watch (MutationObserver)',
    source: {
      ts: `import { pageTextInSlices } from '@lib/overlay/signals'; import { askPage } from '@lib/platform/messages'; import { createLifetime } from '@lib/overlay/lifetime'; import { watchContent } from '@lib/overlay/mutations';
const life = createLifetime(); void pageTextInSlices(document).then((page) => page && askPage(page).catch(() => undefined));
watchContent(life, { quietMs: 500, maxWaitMs: 3000, spacingMs: 500, maxRuns: 8, worthIt: () => false }, () => undefined);`,
    },
  },
  {
    id: 'ours-nav',
    does: 'ours: + navigation watch',
    source: {
      ts: `import { pageTextInSlices } from '@lib/overlay/signals'; import { askPage } from '@lib/platform/messages'; import { createLifetime } from '@lib/overlay/lifetime'; import { watchContent } from '@lib/overlay/mutations'; import { watchNavigation } from '@lib/overlay/navigation';
const life = createLifetime(); void pageTextInSlices(document).then((page) => page && askPage(page).catch(() => undefined));
watchContent(life, { quietMs: 500, maxWaitMs: 3000, spacingMs: 500, maxRuns: 8, worthIt: () => false }, () => undefined);
watchNavigation(life, () => undefined);`,
    },
  },
  { id: 'ours-full', does: 'ours: watchPage() as built (+ message listener)', source: { ts: `import { watchPage } from '@lib/platform/page-watch'; watchPage();` } },
];

const MANIFEST = { manifest_version: 3, version: '1.0', background: { service_worker: 'background.js' } };
const ANSWER_NO = `chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ maybe: false }); });\n`;

/** Bundles a TS content script (imports of lib/ as `@lib/...`) into one classic script, as WXT builds the always-on one. */
async function bundle(dir: string, ts: string): Promise<string> {
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, ts);
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    resolve: { alias: { '@lib': join(ROOT, 'lib') } },
    build: { write: false, minify: true, emptyOutDir: false, lib: { entry, formats: ['iife'], name: 'floor', fileName: () => 'content.js' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`floor bundle ${dir}: no output`);
  return chunk.code;
}

/** Writes the variant's extension (unless it is a build) and returns its directory. */
export async function extensionFor(variant: FloorVariant, root: string): Promise<string> {
  if ('dir' in variant.source) return variant.source.dir;
  const dir = join(root, variant.id);
  mkdirSync(dir, { recursive: true });
  if ('exec' in variant.source) {
    const manifest = { ...MANIFEST, name: `floor ${variant.id}`, permissions: ['scripting'], host_permissions: ['http://*/*', 'https://*/*'] };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    // The file's completion value is what executeScript returns (the text, as a content script would send it).
    writeFileSync(join(dir, 'walk.js'), `${variant.source.exec};\n`);
    writeFileSync(
      join(dir, 'background.js'),
      `chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status !== 'complete' || !/^https?:/.test(tab.url ?? '')) return;
  chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: '${variant.source.world}', files: ['walk.js'] }).catch(() => undefined);
});\n`,
    );
    return dir;
  }
  const code = 'js' in variant.source ? variant.source.js : await bundle(dir, variant.source.ts);
  const manifest = { ...MANIFEST, name: `floor ${variant.id}`, content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: false }] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), ANSWER_NO);
  writeFileSync(join(dir, 'content.js'), code);
  return dir;
}

/**
 * Loads every page with every variant, `rounds` times, interleaved: in each round every page is
 * loaded by every browser in turn, starting with a different browser for each page and round.
 */
export async function floorRuns(variants: readonly FloorVariant[], pages: readonly { page: BenchPage; group: FloorGroup }[], rounds: number, log: (line: string) => void): Promise<FloorRun[]> {
  const root = mkdtempSync(join(tmpdir(), 'counterpoint-floor-'));
  const browsers: ExtensionBrowser[] = [];
  const runs: FloorRun[] = [];
  try {
    for (const variant of variants) browsers.push(await launchWithExtension({ extensionDir: await extensionFor(variant, root) }));
    // Warm-up: each browser's first loads pay for process start-up and cold caches.
    for (const browser of browsers) for (const { page } of pages.slice(0, 2)) await measureLoad(browser, page);
    for (let round = 0; round < rounds; round++) {
      const started = Date.now();
      for (let p = 0; p < pages.length; p++) {
        const { page, group } = pages[p]!;
        for (let k = 0; k < variants.length; k++) {
          const v = (k + p + round) % variants.length;
          runs.push({ variant: variants[v]!.id, page: page.id, group, load: await measureLoad(browsers[v]!, page) });
        }
      }
      log(`  floor: round ${round + 1}/${rounds}, ${pages.length} pages × ${variants.length} variants, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    for (const browser of browsers) await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
  return runs;
}

const GROUPS: { group: FloorGroup; label: string }[] = [
  { group: 'demo', label: 'demo, no dispute' },
  { group: 'corpus', label: 'corpus' },
];

export function floorTable(variants: readonly FloorVariant[], runs: readonly FloorRun[]): string {
  const rows = variants.flatMap((variant) =>
    GROUPS.map(({ group, label }) => {
      const loads = runs.filter((r) => r.variant === variant.id && r.group === group && !r.load.error && r.load.trace.found).map((r) => r.load);
      const cpu = loads.map((l) => l.trace.extTaskCpuMs);
      const wall = loads.map((l) => l.trace.extTaskMs);
      const parse = loads.map((l) => l.trace.parseHtmlCpuMs);
      return [
        variant.id,
        variant.does,
        label,
        String(loads.length),
        ms(median(cpu)),
        ms(quantile(cpu, 0.95)),
        ms(median(wall)),
        ms(median(loads.map((l) => l.trace.extTaggedMs))),
        ms(median(parse)),
        String(loads.filter((l) => l.trace.overlay).length),
      ];
    }),
  );
  const failed = runs.filter((r) => r.load.error || !r.load.trace.found).length;
  return [
    "The floor: CPU of the extension's tasks per page load (measureLoad's trace attribution, as in the Chromium table) for tiny variant",
    'extensions and whole builds, loaded interleaved on the same pages (headless, 2 shared cores: compare rows of one run only)',
    '',
    table(['variant', 'content script', 'pages', 'loads', 'ext CPU median', 'p95', 'ext wall median', 'ext script events median', 'HTML parse CPU median', 'overlay ran'], rows),
    '',
    'busy-5ms is the calibration: a loop that runs until 5 ms of wall time have passed, so its wall and script-event columns should read',
    'about 5 ms above "empty". Its CPU reads less when the thread is descheduled during the loop (a loaded machine); the other rows do a',
    'fixed amount of work, whose CPU time does not shrink that way. exec-isolated, main-world: the walk run by the background in',
    "an isolated world / the page's own world (data points, not designs). HTML parse CPU: the same work for every variant, so it shows",
    'how fast the machine was.',
    ...(failed ? ['', `failed loads: ${failed}`] : []),
  ].join('\n');
}
