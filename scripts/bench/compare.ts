/**
 * tsx scripts/bench/compare.ts [--loads 7] [--pages long/nyt-5000w,demo/wire-rewrite] NAME=EXTENSION_DIR ...
 *
 * Two or more builds of the extension (e.g. main's and a branch's) on the same pages in the same
 * session, loads interleaved (build after build, the order rotating), measured as the benchmark's
 * Chromium part measures them (measureLoad: the CPU time of the tasks that ran the extension's
 * code, Readability included). Per build and page: median and max, long tasks, and the extension's
 * tasks of a median load with what each was busy with.
 */
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { measureLoad, type LoadMetrics } from './chromium';
import { corpusParagraphs, demoBenchPages, loadCorpus, longArticle, CORPUS_DIR, type BenchPage } from './pages';
import { median } from './stats';

function options() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const loads = Number(value('loads') ?? 7);
  const pages = (value('pages') ?? 'long/nyt-5000w').split(',');
  const builds = args.map((a) => {
    const [name, dir] = a.split('=');
    if (!name || !dir) throw new Error(`expected NAME=EXTENSION_DIR, got ${a}`);
    return { name, dir };
  });
  if (builds.length < 1) throw new Error('no build given');
  return { loads, pages, builds };
}

async function main(): Promise<void> {
  const opts = options();
  const raw = loadCorpus();
  const all: BenchPage[] = [longArticle(corpusParagraphs(raw, CORPUS_DIR)), ...(await demoBenchPages())];
  const pages = opts.pages.map((id) => {
    const page = all.find((p) => p.id === id);
    if (!page) throw new Error(`no page ${id} (pages: ${all.map((p) => p.id).join(', ')})`);
    return page;
  });
  const browsers: ExtensionBrowser[] = [];
  try {
    for (const build of opts.builds) browsers.push(await launchWithExtension({ extensionDir: build.dir }));
    const runs = opts.builds.map(() => pages.map(() => [] as LoadMetrics[]));
    // Warm-up: the first loads of a browser pay for its start-up.
    for (const browser of browsers) await measureLoad(browser, pages[0]!);
    for (let load = 0; load < opts.loads; load++) {
      for (let p = 0; p < pages.length; p++) {
        for (let k = 0; k < browsers.length; k++) {
          const b = (k + load + p) % browsers.length;
          runs[b]![p]!.push(await measureLoad(browsers[b]!, pages[p]!));
        }
      }
      process.stderr.write(`load ${load + 1}/${opts.loads}\n`);
    }
    for (let p = 0; p < pages.length; p++) {
      console.log(`\n${pages[p]!.id}: ${opts.loads} loads per build, interleaved`);
      opts.builds.forEach((build, b) => {
        const loads = runs[b]![p]!.filter((l) => !l.error && l.trace.found);
        const cpu = loads.map((l) => l.trace.extTaskCpuMs);
        const long = loads.flatMap((l) => l.trace.longTasks.filter((t) => t.ext));
        const biggest = loads.map((l) => Math.max(0, ...l.trace.extTasks.map((t) => t.cpuMs)));
        const page = loads.map((l) => l.trace.parseHtmlCpuMs);
        console.log(
          `  ${build.name.padEnd(8)} ext tasks CPU median ${median(cpu).toFixed(1)} max ${Math.max(...cpu).toFixed(1)} (all: ${cpu.map((c) => c.toFixed(1)).join(' ')}); ` +
            `wall median ${median(loads.map((l) => l.trace.extTaskMs)).toFixed(1)}; badges ${[...new Set(loads.map((l) => l.badges))].join('/')}; ` +
            `biggest ext task CPU median ${median(biggest).toFixed(1)} max ${Math.max(...biggest).toFixed(1)}; ` +
            `HTML parse CPU (machine speed) median ${median(page).toFixed(1)} (all: ${page.map((c) => c.toFixed(1)).join(' ')}); ` +
            `ext long tasks ${long.length}${long.length ? `: ${long.map((t) => `${t.ms.toFixed(0)} wall/${t.cpuMs.toFixed(0)} CPU (${t.what})`).join('; ')}` : ''}`,
        );
        const mid = [...loads].sort((x, y) => x.trace.extTaskCpuMs - y.trace.extTaskCpuMs)[Math.floor(loads.length / 2)];
        if (mid) console.log(`           median load's tasks (CPU ms): ${mid.trace.extTasks.map((t) => `${t.cpuMs.toFixed(1)} [${t.what}]`).join(' | ')}`);
      });
    }
  } finally {
    for (const browser of browsers) await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
