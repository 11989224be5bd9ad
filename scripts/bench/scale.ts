/**
 * Part 3: the background's catalog at 1k, 10k and 100k claims: index build time, memory it keeps,
 * lookup time per page (`match`, as the background asks, on the corpus pages' real signals), and
 * the size of the always-on script's message per page; and what a restarted service worker pays
 * before its first answer (`coldStart`).
 *
 * The synthetic datasets are made from the sentences of half of the corpus pages (those sharing no
 * word n-gram with the other half); lookups are timed on the other half ("held out": pages unrelated
 * to the dataset, the everyday case) and, as a worst case, on the half whose sentences the dataset
 * reuses (each page then shares n-grams with thousands of dataset articles).
 */
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Catalog, type PageSignals } from '../../lib/core/catalog';
import { CatalogIndex } from '../../lib/core/catalog-index';
import type { Dataset } from '../../lib/core/dataset/schema';
import type { IdentifiedArticle } from '../../lib/core/notes';
import { notesDatasets, notesRecordCount, notesRecordOf, notesRecords } from '../../lib/core/notes-records';
import { textHashes } from '../../lib/core/text/tokens';
import { median, summarise, type Summary } from './stats';
import { syntheticDataset } from './synthetic';

export interface ScaleRow {
  claims: number;
  articles: number;
  fingerprintedArticles: number;
  datasetJsonBytes: number;
  /** `CatalogIndex.build([dataset])` (what the background builds; the notes' maps are made on the first notes), median of the builds. */
  buildMs: number;
  builds: number[];
  /**
   * Memory of the dataset objects, then of the index on top (after a full GC each): the JS heap and
   * the typed arrays' buffers (outside the heap, where most of the index is).
   */
  datasetHeapBytes: number;
  indexHeapBytes: number;
  /** Per page: median of 5 identify calls. */
  lookupHeldOut: Summary;
  lookupOverlapping: Summary;
  /** Pages the synthetic catalog says "maybe" to (a known article or a similar claim): the heavy half would run on them. */
  maybeHeldOut: number;
  maybeOverlapping: number;
  coldStart: ColdStart;
  seconds: number;
}

/**
 * A restarted service worker's wait for its first answer, the storage read itself left out (Node has
 * no IndexedDB; see the Chromium figures for that). Median of the runs, each from a fresh copy.
 */
export interface ColdStart {
  runs: number;
  /** Rebuild: the dataset's stored text parsed and checked (as catalog-cache's readBody), then `new Catalog`, then one `match`. */
  rebuildMs: number;
  parseMs: number;
  /**
   * Load persisted: the index's bytes as the V8 serializer writes them (what IndexedDB stores for a
   * structured clone) read back, `CatalogIndex.restore` (which checks every reference), one `match`.
   */
  restoreMs: number;
  deserializeMs: number;
  snapshotBytes: number;
  /** After a restore, the first page asking for notes: the dataset parsed, `new Catalog` on the restored index, `notesFor`. */
  notesMs: number;
  /**
   * The same from the notes' pieces stored beside the index (notes-records.ts): the records the page
   * needs read back (V8-deserialized, as IndexedDB does), checked, put together, `notesFor` (median of 5).
   */
  notesFromPiecesMs: number;
  /** All the pieces' records, V8-serialized, and what cutting and serializing them cost once (after a build). */
  piecesBytes: number;
  piecesStoreMs: number;
}

/** JS heap and typed arrays' buffers, in bytes. */
function memory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes of the dataset as JSON, counted piece by piece (one 170 MB string at 100k claims is a heap spike of its own). */
function jsonBytes(dataset: Dataset): number {
  const { articles, disputes, ...rest } = dataset;
  let total = Buffer.byteLength(JSON.stringify(rest));
  for (const item of [...articles, ...disputes]) total += Buffer.byteLength(JSON.stringify(item)) + 1;
  return total;
}

/** match() (the background's question) on each page's signals: per page the median of 5 calls, after one warm-up pass. */
export function lookupTimes(catalog: Pick<Catalog, 'match'>, signals: readonly PageSignals[]): Summary {
  for (const s of signals) catalog.match(s);
  return summarise(
    signals.map((s) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        catalog.match(s);
        times.push(performance.now() - start);
      }
      return median(times);
    }),
  );
}

export interface ScaleInput {
  /** Sentences the datasets are made of. */
  sentences: readonly string[];
  heldOut: readonly PageSignals[];
  overlapping: readonly PageSignals[];
}

export async function scale(sizes: readonly number[], input: ScaleInput, log: (line: string) => void): Promise<ScaleRow[]> {
  const gc = collector();
  const rows: ScaleRow[] = [];
  for (const claims of sizes) {
    const started = Date.now();
    gc();
    const heap0 = memory();
    const dataset = syntheticDataset(claims, input.sentences);
    gc();
    const heap1 = memory();
    // Extra timed builds first, each dropped at once, so at most one index is alive at a time.
    const builds: number[] = [];
    for (let i = 0; i < (claims >= 100_000 ? 0 : 2); i++) {
      const start = performance.now();
      void CatalogIndex.build([dataset]).size;
      builds.push(performance.now() - start);
      gc();
    }
    const start = performance.now();
    const built = CatalogIndex.build([dataset]);
    builds.push(performance.now() - start);
    gc();
    const heap2 = memory();
    rows.push({
      claims,
      articles: dataset.articles.length,
      fingerprintedArticles: dataset.articles.filter((a) => a.fingerprint).length,
      datasetJsonBytes: jsonBytes(dataset),
      buildMs: median(builds),
      builds,
      datasetHeapBytes: heap1 - heap0,
      indexHeapBytes: heap2 - heap1,
      lookupHeldOut: lookupTimes(built, input.heldOut),
      lookupOverlapping: lookupTimes(built, input.overlapping),
      maybeHeldOut: input.heldOut.filter((s) => built.match(s) !== null).length,
      maybeOverlapping: input.overlapping.filter((s) => built.match(s) !== null).length,
      coldStart: await coldStart(dataset, built, input.overlapping, claims >= 100_000 ? 1 : 3, gc),
      seconds: (Date.now() - started) / 1000,
    });
    log(`  scale: ${claims} claims in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return rows;
}

/** Cold start of the background (see ColdStart), on a page that gets an answer. */
async function coldStart(dataset: Dataset, built: CatalogIndex, pages: readonly PageSignals[], runs: number, gc: () => void): Promise<ColdStart> {
  const body = JSON.stringify(dataset);
  const known: PageSignals = { url: dataset.articles[0]!.url!, canonical: null, ogUrl: null, hashes: [] };
  const page = pages.find((p) => built.match(p)) ?? known;
  const bytes = serialize(built.snapshot());
  gc();
  const storeStart = performance.now();
  const count = notesRecordCount(built.size);
  const pieces = notesRecords([dataset], count)!.map((entries) => serialize(entries));
  const piecesStoreMs = performance.now() - storeStart;
  const samples: Omit<ColdStart, 'runs' | 'snapshotBytes' | 'piecesBytes' | 'piecesStoreMs'>[] = [];
  for (let run = 0; run < runs; run++) {
    gc();
    let start = performance.now();
    const parsed = readBody(body);
    const parseMs = performance.now() - start;
    const rebuilt = new Catalog([parsed]);
    rebuilt.match(page);
    const rebuildMs = performance.now() - start;
    gc();
    start = performance.now();
    const snapshot: unknown = deserialize(bytes);
    const deserializeMs = performance.now() - start;
    const index = CatalogIndex.restore(snapshot);
    if (!index) throw new Error('the persisted index was refused');
    const answer = index.match(page);
    const restoreMs = performance.now() - start;
    gc();
    start = performance.now();
    const notes = new Catalog([readBody(body)], { index }).notesFor(answer!);
    const notesMs = performance.now() - start;
    gc();
    // Median of 5 (each reads and deserializes its records afresh): one call is a few ms, which one
    // collection of the benchmark's large heap can outweigh.
    const fromPiecesTimes: number[] = [];
    let fromPieces: unknown = null;
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      fromPieces = await notesFromPieces(answer!, pieces);
      fromPiecesTimes.push(performance.now() - start);
    }
    const notesFromPiecesMs = median(fromPiecesTimes);
    if (JSON.stringify(answer) !== JSON.stringify(rebuilt.match(page)) || notes.length === 0) throw new Error('the restored index answered otherwise');
    if (JSON.stringify(fromPieces) !== JSON.stringify(notes)) throw new Error('the notes from the stored pieces differ');
    samples.push({ rebuildMs, parseMs, restoreMs, deserializeMs, notesMs, notesFromPiecesMs });
  }
  const mid = (pick: (s: (typeof samples)[number]) => number) => median(samples.map(pick));
  return {
    runs,
    rebuildMs: mid((s) => s.rebuildMs),
    parseMs: mid((s) => s.parseMs),
    restoreMs: mid((s) => s.restoreMs),
    deserializeMs: mid((s) => s.deserializeMs),
    snapshotBytes: bytes.length,
    notesMs: mid((s) => s.notesMs),
    notesFromPiecesMs: mid((s) => s.notesFromPiecesMs),
    piecesBytes: pieces.reduce((sum, record) => sum + record.length, 0),
    piecesStoreMs,
  };
}

/** A page's notes from the stored pieces (as catalog-cache's storedNotes, on V8-serialized records for IndexedDB's). */
async function notesFromPieces(article: IdentifiedArticle, records: readonly Buffer[]) {
  const read = async (names: readonly string[]) => {
    const opened = new Map<number, Record<string, unknown>>();
    return names.map((name) => {
      const n = notesRecordOf(name, records.length);
      if (!opened.has(n)) opened.set(n, deserialize(records[n]!) as Record<string, unknown>);
      return opened.get(n)![name];
    });
  };
  const datasets = await notesDatasets(article, read);
  if (!datasets) throw new Error('the stored pieces were refused');
  return new Catalog(datasets).notesFor(article);
}
/** The stored text read back as catalog-cache reads it: parsed, and its shape checked. */
function readBody(body: string): Dataset {
  const value = JSON.parse(body) as Dataset;
  if (value?.format !== 'counterpoint-dataset' || !Array.isArray(value.articles) || !Array.isArray(value.disputes)) throw new Error('not a dataset');
  return value;
}

/** The sentences that share no word n-gram with the held-out pages (the corpus repeats some test texts across pages). */
export function unrelatedSentences(sentences: readonly string[], heldOut: readonly PageSignals[]): string[] {
  const seen = new Set(heldOut.flatMap((s) => s.hashes));
  return sentences.filter((sentence) => ![...textHashes(sentence)].some((hash) => seen.has(hash)));
}

/** Bytes of the always-on script's message ({type: 'page', signals}) as JSON. */
export function messageBytes(signals: PageSignals): number {
  return Buffer.byteLength(JSON.stringify({ type: 'page', signals }));
}
