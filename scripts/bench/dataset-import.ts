/**
 * npm run bench:datasets [-- --sizes 1000,10000,100000 --runs 3]
 * (run with `node --expose-gc --import tsx scripts/bench/dataset-import.ts` for exact heap figures)
 *
 * Import and index build of large datasets: synthetic datasets of 1k, 10k and 100k claims made from
 * sentences of the corpus pages (../shared/corpus/readability-pages/*\/expected.html, read in place),
 * timed through importDataset (JSON.parse, structure scan, schema, references) and `new Catalog`.
 * Prints a table; writes bench-output/dataset-import.json. A benchmark, not a test.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../lib/core/catalog';
import { importDataset } from '../../lib/core/dataset/import';
import { readJson } from '../../lib/core/dataset/parse';
import { STANCES } from '../../lib/core/dataset/schema';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, '../shared/corpus/readability-pages');
const OUT = join(ROOT, 'bench-output/dataset-import.json');

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const SIZES = option('sizes', '1000,10000,100000').split(',').map(Number);
const RUNS = Number(option('runs', '3'));

/** Sentences of the corpus pages: tags stripped with a regex, split at full stops. */
function corpusSentences(): string[] {
  const sentences: string[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    let html: string;
    try {
      html = readFileSync(join(CORPUS, dir, 'expected.html'), 'utf8');
    } catch {
      continue;
    }
    const text = html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .replace(/\s+/g, ' ');
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/)) {
      const trimmed = sentence.trim();
      if (trimmed.length >= 40 && trimmed.length <= 400) sentences.push(trimmed);
    }
  }
  return sentences;
}

/** A seeded generator, so that every run builds the same datasets. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `claims` claims in disputes of two claims from one article, answered by one response from an article
 * of another outlet; 500 outlets; every article with an address, one in ten with a fingerprint.
 */
function synthetic(claims: number, sentences: string[]): string {
  const next = random(claims);
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const outletCount = 500;
  const outlets = Array.from({ length: outletCount }, (_, i) => ({ id: `outlet-${i}`, name: `Outlet ${i}`, domains: [`outlet${i}.example.com`], languages: ['en'] }));
  const articles: object[] = [];
  const disputes: object[] = [];
  const quote = () => {
    const sentence = pick();
    return { type: 'TextQuoteSelector', exact: sentence, prefix: pick().slice(-32), suffix: ` ${pick().slice(0, 31)}` };
  };
  const article = (id: string, outlet: number, k: number) => {
    const a: Record<string, unknown> = {
      id,
      outlet: `outlet-${outlet}`,
      title: pick().slice(0, 120),
      published: `20${10 + (k % 15)}-0${1 + (k % 9)}-1${k % 10}`,
      language: 'en',
      url: `https://outlet${outlet}.example.com/${2010 + (k % 15)}/${id}.html`,
    };
    if (k % 10 === 0) a.fingerprint = { scheme: 'cw3-fnv1a-bottom', hashes: Array.from({ length: 64 }, () => Math.floor(next() * 2 ** 32)).sort((x, y) => x - y) };
    return a;
  };
  for (let d = 0; d * 2 < claims; d++) {
    const from = d % outletCount;
    const to = (d * 7 + 1) % outletCount === from ? (from + 1) % outletCount : (d * 7 + 1) % outletCount;
    articles.push(article(`a${d}`, from, d), article(`r${d}`, to, d + 1));
    const ids = [`d${d}-c1`, `d${d}-c2`].slice(0, Math.min(2, claims - d * 2));
    disputes.push({
      id: `d${d}`,
      topic: pick().slice(0, 200),
      claims: ids.map((id) => ({ id, article: `a${d}`, summary: pick(), attribution: { text: 'A named official', type: 'official', named: true }, quotes: [quote()] })),
      responses: [
        {
          id: `d${d}-r1`,
          article: `r${d}`,
          respondsTo: ids,
          stance: STANCES[d % STANCES.length],
          summary: pick(),
          attribution: { text: 'Documents seen by the outlet', type: 'document', named: false },
          quotes: [quote()],
        },
      ],
    });
  }
  return JSON.stringify({
    format: 'counterpoint-dataset',
    version: '1.0',
    dataset: { id: `synthetic-${claims}`, title: `Synthetic, ${claims} claims`, version: '1', publisher: 'Counterpoint benchmarks', licence: 'CC0-1.0', updated: '2026-01-01' },
    outlets,
    articles,
    disputes,
  });
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

interface Row {
  claims: number;
  disputes: number;
  articles: number;
  fileMB: number;
  parseMs: number;
  importMs: number;
  importCpuMs: number;
  validateMs: number;
  catalogMs: number;
  catalogCpuMs: number;
  datasetHeapMB: number;
  catalogHeapMB: number;
  runs: number;
}

/** Wall time and CPU time (user + system, all threads: GC helpers included) of one call. */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = run();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** JSON.parse alone, in its own frame so that nothing it made stays reachable. */
function parseOnly(text: string): number {
  const { value, ms } = timed(() => readJson(text));
  if (!value.ok) throw new Error(`synthetic dataset is not JSON: ${value.problems[0]?.message}`);
  return ms;
}

function measure(claims: number, sentences: string[]): Row {
  const text = synthetic(claims, sentences);
  const runs = claims >= 100_000 ? Math.min(RUNS, 2) : RUNS;
  const samples = { parse: [] as number[], total: [] as number[], totalCpu: [] as number[], catalog: [] as number[], catalogCpu: [] as number[] };
  let heaps = { dataset: 0, catalog: 0 };
  let counts = { disputes: 0, articles: 0 };
  for (let run = 0; run < runs; run++) {
    samples.parse.push(parseOnly(text));
    const base = heap();
    const imported = timed(() => importDataset(text, `synthetic-${claims}.json`));
    const result = imported.value;
    if (!result.ok) throw new Error(`synthetic dataset refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    samples.total.push(imported.ms);
    samples.totalCpu.push(imported.cpuMs);
    const withDataset = heap();
    const built = timed(() => new Catalog([result.dataset]));
    samples.catalog.push(built.ms);
    samples.catalogCpu.push(built.cpuMs);
    const withCatalog = heap();
    if (built.value.size === 0) throw new Error('empty catalog');
    // The first run only: in later ones the last run's dataset is still reachable when the base is taken.
    if (run === 0) heaps = { dataset: withDataset - base, catalog: withCatalog - withDataset };
    if (process.env.DEBUG_HEAP) process.stderr.write(`heap MB: base ${mb(base)}, with dataset ${mb(withDataset)}, with catalog ${mb(withCatalog)}\n`);
    counts = { disputes: result.dataset.disputes.length, articles: result.dataset.articles.length };
  }
  const importMs = median(samples.total);
  const parseMs = median(samples.parse);
  return {
    claims,
    ...counts,
    fileMB: Number(mb(text.length)),
    parseMs: Math.round(parseMs),
    importMs: Math.round(importMs),
    importCpuMs: Math.round(median(samples.totalCpu)),
    validateMs: Math.round(importMs - parseMs),
    catalogMs: Math.round(median(samples.catalog)),
    catalogCpuMs: Math.round(median(samples.catalogCpu)),
    datasetHeapMB: Number(mb(heaps.dataset)),
    catalogHeapMB: Number(mb(heaps.catalog)),
    runs,
  };
}

const sentences = corpusSentences();
process.stdout.write(`${sentences.length} sentences from the corpus pages; heap figures ${gc ? 'after gc' : 'without --expose-gc (approximate)'}\n\n`);
const rows = SIZES.map((size) => measure(size, sentences));
const header = ['claims', 'disputes', 'articles', 'file MB', 'JSON.parse ms', 'import ms', 'import cpu ms', 'validate ms', 'Catalog ms', 'Catalog cpu ms', 'dataset heap MB', 'catalog heap MB'];
const table = rows.map((r) =>
  [r.claims, r.disputes, r.articles, r.fileMB, r.parseMs, r.importMs, r.importCpuMs, r.validateMs, r.catalogMs, r.catalogCpuMs, r.datasetHeapMB, r.catalogHeapMB].map(String),
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padStart(widths[i]!)).join(' | ')} |`;
process.stdout.write(`${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line)].join('\n')}\n`);
process.stdout.write(
  `\nimport = JSON.parse + structure scan + schema + references (median of runs); validate = import - JSON.parse; cpu = user + system time of all threads; load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}, ${cpus().length} CPUs\n`,
);
mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, gc: Boolean(gc), loadavg: loadavg(), cpus: cpus().length, sentences: sentences.length, rows }, null, 2)}\n`);
process.stdout.write(`written to ${OUT}\n`);
