/**
 * npm run bench [-- --only stages,chromium,scale,sizes,floor] [--rounds 3] [--long-loads 9] [--pages 10] [--sizes 1000,10000,100000] [--no-build] [--update-doc]
 *   [--floor-builds name=dir,…] [--floor-variants id,…]
 *
 * Counterpoint's performance benchmark (a benchmark, not a test: nothing here fails on a number).
 * Prints tables with the goals of issue 5 beside them and writes bench-output/bench.json (all
 * figures) and bench-output/bench.md (the tables). See docs/performance.md.
 *   stages   every pipeline stage per page: in Node on happy-dom, and in Chromium (probe in a page)
 *   chromium pages loaded with and without the extension, interleaved: script time, tasks, long tasks
 *            (the 5,000-word page, whose budget is a goal, gets --long-loads loads: its median needs more than 3)
 *   scale    synthetic datasets of 1k, 10k, 100k claims: index build, heap, lookup, message size
 *   sizes    every built script, bytes and gzip
 *   floor    (only when asked for) what any content script costs a page: tiny variant extensions and whole builds (floor.ts)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { PageSignals } from '../../lib/core/catalog';
import { signalsOf, type PageText } from '../../lib/core/page-text';
import { pageText } from '../../lib/dom/page-signals';
import { CHROMIUM } from '../../demo/browser';
import { loadHtml, newWindow } from '../pipeline';
import { launchPair, OUT_DIR, snapshotExtension } from './browsers';
import { bundleProbe } from './bundle';
import { calibrate, probeStages, withAndWithout } from './chromium';
import { floorRuns, LADDER, OURS, type FloorVariant } from './floor';
import { CORPUS_DIR, corpusBenchPages, corpusParagraphs, demoBenchPages, loadCorpus, longArticle, ROOT, type BenchPage } from './pages';
import { report, type BenchResults } from './report';
import { unrelatedSentences, type ScaleRow } from './scale';
import { scriptSizes } from './sizes';
import { nodeStages, type PageStages } from './stages-node';
import { sentencesOf } from './synthetic';

const PARTS = ['sizes', 'stages', 'chromium', 'scale', 'floor'] as const;
/** Parts run when --only is not given (the floor runs a dozen browsers: only on request). */
const DEFAULT_PARTS = PARTS.filter((p) => p !== 'floor');
type Part = (typeof PARTS)[number];

function options() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const only = value('only')?.split(',').map((p) => p.trim()) ?? [...DEFAULT_PARTS];
  for (const part of only) if (!PARTS.includes(part as Part)) throw new Error(`--only: unknown part "${part}" (parts: ${PARTS.join(', ')})`);
  return {
    parts: new Set(only as Part[]),
    rounds: Number(value('rounds') ?? 3),
    longLoads: Number(value('long-loads') ?? 9),
    pages: Number(value('pages') ?? 10),
    sizes: (value('sizes') ?? '1000,10000,100000').split(',').map(Number),
    build: !args.includes('--no-build'),
    updateDoc: args.includes('--update-doc'),
    floorBuilds: (value('floor-builds')?.split(',') ?? []).map((pair) => pair.split('=') as [string, string]),
    floorVariants: value('floor-variants')?.split(','),
  };
}

const began = Date.now();
const log = (line: string) => process.stderr.write(`[${String(Math.round((Date.now() - began) / 1000)).padStart(3)} s] ${line}\n`);

/** `count` pages spread evenly over the corpus sorted by size (small to large). */
function spread(pages: readonly BenchPage[], count: number): BenchPage[] {
  const bySize = [...pages].sort((a, b) => a.html.length - b.html.length);
  if (count >= bySize.length) return bySize;
  return Array.from({ length: count }, (_, i) => bySize[Math.round((i * (bySize.length - 1)) / Math.max(1, count - 1))]!);
}

async function main(): Promise<void> {
  const opts = options();
  const started = Date.now();
  const corpusRaw = loadCorpus();
  const corpusDir = CORPUS_DIR;
  const corpus = corpusBenchPages(corpusRaw);
  const demo = await demoBenchPages();
  const long = longArticle(corpusParagraphs(corpusRaw, corpusDir));
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, loadavgStart: loadavg().map((l) => Number(l.toFixed(2))) },
    options: { ...opts, parts: [...opts.parts] },
    longArticle: { id: long.id, url: long.url, htmlBytes: long.html.length },
  };

  const needsBuild = opts.parts.has('chromium') || opts.parts.has('sizes') || opts.parts.has('floor');
  let extensionDir: string | null = null;
  if (needsBuild) {
    if (opts.build) {
      log('building the extension (npx wxt build)…');
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // The Firefox build too, so that the size table never lists an older build's scripts.
      if (opts.parts.has('sizes')) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    }
    extensionDir = snapshotExtension();
    results.build = { builtAt: statSync(join(ROOT, '.output/chrome-mv3/manifest.json')).mtime.toISOString(), rebuilt: opts.build };
  }

  if (opts.parts.has('sizes')) {
    const firefox = join(ROOT, '.output/firefox-mv2');
    results.sizes = scriptSizes({ 'chrome-mv3': extensionDir!, 'firefox-mv2': firefox });
    try {
      results.firefoxBuiltAt = statSync(join(firefox, 'manifest.json')).mtime.toISOString();
    } catch {
      // No Firefox build: its sizes are simply not listed.
    }
  }

  let nodeRuns: PageStages[] | null = null;
  if (opts.parts.has('stages')) {
    log(`stages in Node + happy-dom: ${corpus.length} corpus pages once, ${demo.length} demo pages and the ${long.id} page 3 times…`);
    nodeRuns = await nodeStages([...corpus, ...demo, long], (p) => (p.kind === 'corpus' ? 1 : 3), log);
    results.nodeStages = nodeRuns.map(({ page: _page, signals: _signals, ...rest }) => rest);
  }

  if (opts.parts.has('chromium') || opts.parts.has('stages')) {
    const pair = await launchPair(extensionDir ?? snapshotExtension());
    try {
      results.chromiumVersion = pair.withExt.context.browser()?.version() ?? execFileSync(CHROMIUM, ['--version']).toString().trim();
      if (opts.parts.has('stages')) {
        log(`stages in Chromium (probe, cold per page): ${corpus.length} corpus pages once, ${demo.length} demo pages and the long page twice…`);
        const bundle = await bundleProbe();
        const repeated = [...demo, long].flatMap((p) => [p, p]);
        results.probe = await probeStages(pair.without, [...corpus, ...repeated], bundle, log);
      }
      if (opts.parts.has('chromium')) {
        const chosen = [...demo, long, ...spread(corpus, opts.pages)];
        log(`Chromium with and without the extension: ${chosen.length} pages (${Math.min(opts.pages, corpus.length)} corpus) × ${opts.rounds} rounds × 2…`);
        results.chromium = await withAndWithout(pair, chosen, opts.rounds, log);
        if (opts.longLoads > opts.rounds) {
          log(`Chromium with and without the extension: the ${long.id} page, ${opts.longLoads - opts.rounds} more rounds…`);
          const [more] = await withAndWithout(pair, [long], opts.longLoads - opts.rounds, log);
          const runs = results.chromium.find((r) => r.id === long.id)!;
          runs.withExt.push(...more!.withExt);
          runs.without.push(...more!.without);
        }
        results.calibration = await calibrate(pair.without);
      }
    } finally {
      await pair.withExt.close();
      await pair.without.close();
    }
  }

  if (opts.parts.has('floor')) {
    const builds: FloorVariant[] = [['build', extensionDir!] as [string, string], ...opts.floorBuilds].map(([id, dir]) => ({ id, does: `whole build ${dir}`, source: { dir } }));
    const variants = [...LADDER, ...OURS, ...builds].filter((v) => !opts.floorVariants || opts.floorVariants.includes(v.id));
    const pages = [...demo.filter((p) => p.kind === 'demo-unmatched').map((page) => ({ page, group: 'demo' as const })), ...spread(corpus, opts.pages).map((page) => ({ page, group: 'corpus' as const }))];
    log(`floor: ${variants.length} variants × ${pages.length} pages × ${opts.rounds} rounds…`);
    results.floor = { variants, runs: await floorRuns(variants, pages, opts.rounds, log) };
  }

  if (opts.parts.has('scale')) {
    // What the always-on script sends for every corpus page, and the background's signals of it (from the stage run when there was one).
    const sent: PageText[] =
      nodeRuns?.filter((r) => r.kind === 'corpus').map((r) => r.page!) ??
      (await Promise.all(
        corpus.map(async (page) => {
          const window = newWindow(page.url);
          try {
            return pageText(loadHtml(window, page.html));
          } finally {
            await window.happyDOM.close();
          }
        }),
      ));
    const signals: PageSignals[] = sent.map(signalsOf);
    results.messages = sent.map((page, i) => ({ id: corpus[i]!.id, hashes: signals[i]!.hashes.length, chars: page.text.length, bytes: Buffer.byteLength(JSON.stringify({ type: 'page', page })) }));
    // The datasets are made of the odd pages' sentences; lookups on the even pages are "held out".
    const heldOut = signals.filter((_, i) => i % 2 === 0);
    const sentences = unrelatedSentences(sentencesOf(corpusParagraphs(corpusRaw.filter((_, i) => i % 2 === 1), corpusDir)), heldOut);
    log(`scale: synthetic datasets of ${opts.sizes.join(', ')} claims from ${sentences.length} sentences…`);
    const input = join(OUT_DIR, 'scale-input.json');
    const output = join(OUT_DIR, 'scale-output.json');
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(input, JSON.stringify({ sizes: opts.sizes, sentences, heldOut, overlapping: signals.filter((_, i) => i % 2 === 1) }));
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'scripts/bench/scale-child.ts'), input, output], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    results.scale = JSON.parse(readFileSync(output, 'utf8')) as ScaleRow[];
  }

  results.machine.loadavgEnd = loadavg().map((l) => Number(l.toFixed(2)));
  results.seconds = (Date.now() - started) / 1000;
  const markdown = report(results);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'bench.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(OUT_DIR, 'bench.md'), `${markdown}\n`);
  process.stdout.write(`${markdown}\n\nwritten: bench-output/bench.json, bench-output/bench.md (${results.seconds.toFixed(0)} s)\n`);
  if (opts.updateDoc) updateDoc(markdown);
}

/** Replaces the generated block of docs/performance.md with the latest tables. */
function updateDoc(markdown: string): void {
  const path = join(ROOT, 'docs/performance.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path}: no ${start} … ${end} block`);
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
  log('docs/performance.md updated');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
