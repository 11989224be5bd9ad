/**
 * The background's catalog of enabled datasets: a cache of what storage holds (the built-in
 * datasets and the installed ones in IndexedDB), rebuilt when the datasets or the settings it
 * depends on change. A restarted service worker loses it and reloads it from storage.
 *
 * It comes in two parts. The match index (core/catalog-index.ts) answers every page; at 100k claims
 * it takes seconds to build, so once built it is persisted (dataset-db.ts, keyed by exactly what it
 * was built from) and a restarted worker reads it back instead. The notes need the datasets
 * themselves, parsed: they are read only when a page asks for notes (a page the index said "maybe"
 * to), and kept from then on. So that the first notes after a restart need no dataset parsed, the
 * pieces each page's notes are made from are stored beside the index under the same key
 * (core/notes-records.ts); a page's notes are made from its pieces while the datasets are not
 * loaded, and from the datasets if a piece is missing or damaged. Only enabled datasets are read.
 */
import { browser } from 'wxt/browser';
import { Catalog } from '../core/catalog';
import { CatalogIndex, INDEX_FORMAT, snapshotDigest, type PageSignals } from '../core/catalog-index';
import type { Dataset } from '../core/dataset/schema';
import type { IdentifiedArticle, NoteView } from '../core/notes';
import { notesDatasets, notesRecordCount, notesRecordOf, notesRecords } from '../core/notes-records';
import type { Settings } from '../core/settings';
import { builtinDatasets } from './builtin';
import { deleteIndex, getBody, getIndex, getNotes, listRecords, putIndex, putNotes } from './dataset-db';
import type { DatasetRecord } from './dataset-records';

export { builtinDatasets };

/**
 * Names of the performance measures the worker takes of how it got its index, read back from
 * storage or built (the datasets read and parsed first), and how long that took.
 */
export const INDEX_RESTORED = 'counterpoint:index-restored';
export const INDEX_BUILT = 'counterpoint:index-built';
/** The same for the notes: the datasets read and parsed, and the notes' catalog made on the index. */
export const NOTES_LOADED = 'counterpoint:notes-loaded';
/** A page's notes made from their pieces stored beside the index (no dataset read), look-up included. */
export const NOTES_READ = 'counterpoint:notes-read';

/**
 * Notes records written per transaction: each is a few tens of KB, and its structured clone is made
 * on the worker's thread, so a batch is kept small enough not to hold up the pages' questions long.
 */
const NOTES_BATCH = 64;

/** Installed records as last read from storage; null until read, or after `forgetInstalled`. */
let installed: DatasetRecord[] | null = null;
const loaded = new Map<string, { revision: number; dataset: Dataset }>();
let queue: Promise<void> = Promise.resolve();
/**
 * The match index and the key of what it was built from (`indexKey`); `restored` when it was read
 * back from storage (the datasets are then not loaded, and the notes come from their stored pieces).
 */
let current: { key: string; index: CatalogIndex; restored: boolean } | null = null;
/** An index built from what was loaded when `current` could not be had (see `catalogFor`). */
let fallback: { key: string; index: CatalogIndex } | null = null;
/** The catalog with notes, and its key (`catalogKey`). */
let cached: { key: string; catalog: Catalog } | null = null;

const enabled = (settings: Settings, id: string) => !settings.disabledDatasets.includes(id);
const wantedRecords = (settings: Settings) => (installed ?? []).filter((record) => enabled(settings, record.id));

/** Makes the next `ensureDatasets` read the list of installed datasets again. */
export function forgetInstalled(): void {
  installed = null;
}

/**
 * Identifies exactly what the match index for these settings is built from: the index format, the
 * extension's version and the code's own digest (an update may hash text or addresses otherwise
 * without a new format), the
 * enabled built-in datasets (they change with the extension) and each enabled installed dataset in
 * order, by id, revision and when it was added (a dataset removed and imported again starts again
 * at revision 1). Null until the installed datasets were read.
 */
export function indexKey(settings: Settings): string | null {
  if (!installed) return null;
  const builtin = builtinDatasets()
    .filter((d) => enabled(settings, d.dataset.id))
    .map(({ dataset }) => `${dataset.id}@${dataset.version}@${dataset.updated}`);
  return JSON.stringify([INDEX_FORMAT, extensionVersion(), codeDigest(), builtin, wantedRecords(settings).map((r) => `${r.id}@${r.revision}@${r.added}`)]);
}

let digest: string | null = null;
/**
 * The digest of the index the built-in datasets give under the running code (snapshotDigest): it
 * changes with any change to how text or addresses are hashed, so that a stored index is never read
 * back by code that would have built it otherwise, version bump or not. Computed once per worker.
 */
function codeDigest(): string {
  digest ??= snapshotDigest(CatalogIndex.build(builtinDatasets()).snapshot());
  return digest;
}

/** The extension's version; none where there is no manifest (the unit tests' fake browser). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/**
 * Identifies what the catalog for these settings is built from (muted outlets besides the index's
 * datasets); it changes when the catalog would, and means the same after the service worker restarts.
 */
export function catalogKey(settings: Settings): string {
  return JSON.stringify([[...settings.mutedOutlets].sort(), indexKey(settings)]);
}

/** Makes the match index for these settings ready. Resolves at once when nothing changed. */
export function ensureDatasets(settings: Settings): Promise<void> {
  if (installed && current?.key === indexKey(settings)) return Promise.resolve();
  return serially(() => syncIndex(settings));
}

function serially(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task).catch((error: unknown) => console.warn('Counterpoint: could not load the installed datasets', error));
  return queue;
}

async function syncIndex(settings: Settings): Promise<void> {
  const start = performance.now();
  installed ??= await listRecords();
  const key = indexKey(settings)!;
  if (current?.key === key) return;
  const persisted = wantedRecords(settings).length > 0;
  if (persisted) {
    const index = CatalogIndex.restore(await getIndex(key).catch(() => null));
    if (index) {
      current = { key, index, restored: true };
      performance.measure(INDEX_RESTORED, { start });
      return;
    }
  }
  await loadDatasets(settings);
  const datasets = datasetsFor(settings);
  const index = CatalogIndex.build(datasets);
  performance.measure(INDEX_BUILT, { start });
  current = { key, index, restored: false };
  // Written after the answer that waits for it; the built-in datasets alone build in well under a
  // millisecond and need no record (an old one is dropped, as it may be tens of MB).
  setTimeout(() => {
    if (current?.key !== key) return;
    const saved = persisted ? putIndex(key, index.snapshot()).then(() => storeNotes(key, datasets, index.size)) : deleteIndex();
    saved.catch((error: unknown) => persisted && console.warn('Counterpoint: could not store the catalog index', error));
  });
}

/**
 * Stores the pieces the notes are made from, beside the index of `key` (built from exactly these
 * datasets), a batch per transaction; stops if the index changed meanwhile (a record of an index no
 * longer current is never read: each carries its key).
 */
async function storeNotes(key: string, datasets: readonly Dataset[], articles: number): Promise<void> {
  const records = notesRecords(datasets, notesRecordCount(articles));
  if (!records) return;
  for (let first = 0; first < records.length; first += NOTES_BATCH) {
    if (current?.key !== key) return;
    await putNotes(key, first, records.slice(first, first + NOTES_BATCH));
  }
}

/**
 * The notes of `article` (found by `index`, of `key`) made from their pieces stored beside it, or
 * null if any piece is not there as stored with this key.
 */
async function storedNotes(key: string, index: CatalogIndex, article: IdentifiedArticle, muted: ReadonlySet<string>): Promise<NoteView[] | null> {
  const records = notesRecordCount(index.size);
  const read = async (names: readonly string[]) => {
    const numbers = names.map((name) => notesRecordOf(name, records));
    const distinct = [...new Set(numbers)];
    const got = await getNotes(key, distinct);
    return names.map((name, i) => {
      const entries = got[distinct.indexOf(numbers[i]!)];
      return typeof entries === 'object' && entries !== null && Object.hasOwn(entries, name) ? (entries as Record<string, unknown>)[name] : undefined;
    });
  };
  const datasets = await notesDatasets(article, read).catch(() => null);
  return datasets && new Catalog(datasets, { mutedOutlets: muted }).notesFor(article);
}

/** Reads and parses the enabled datasets not loaded yet; drops those no longer wanted. */
async function loadDatasets(settings: Settings): Promise<void> {
  const wanted = new Map(wantedRecords(settings).map((record) => [record.id, record]));
  for (const id of [...loaded.keys()]) {
    if (!wanted.has(id)) loaded.delete(id);
  }
  for (const record of wanted.values()) {
    if (loaded.get(record.id)?.revision === record.revision) continue;
    const dataset = readBody(await getBody(record.id));
    if (dataset) loaded.set(record.id, { revision: record.revision, dataset });
    else {
      console.warn(`Counterpoint: the stored dataset ${record.id} could not be read; it is left out`);
      loaded.delete(record.id);
    }
  }
}

/** A stored body was checked before it was stored; this only guards against damage. */
function readBody(body: string | null): Dataset | null {
  if (body === null) return null;
  try {
    const value = JSON.parse(body) as Dataset;
    const ok = value?.format === 'counterpoint-dataset' && Array.isArray(value.outlets) && Array.isArray(value.articles) && Array.isArray(value.disputes);
    return ok ? value : null;
  } catch {
    return null;
  }
}

/** The enabled datasets loaded so far, built-in ones first, in the order the index numbers them. */
function datasetsFor(settings: Settings): Dataset[] {
  return [
    ...builtinDatasets().filter((d) => enabled(settings, d.dataset.id)),
    ...wantedRecords(settings).flatMap((record) => loaded.get(record.id)?.dataset ?? []),
  ];
}

export interface PageMatcher {
  match(page: PageSignals): IdentifiedArticle | null;
}

/**
 * What answers pages for these settings: the match index made ready by `ensureDatasets` (or, if it
 * was not, one built at once from the datasets loaded so far).
 */
export function catalogFor(settings: Settings): PageMatcher {
  const key = indexKey(settings);
  let index: CatalogIndex;
  if (key !== null && current?.key === key) index = current.index;
  else {
    // Not kept as `current`: the datasets loaded so far may not be all that the key names (a read failed).
    const loadedKey = JSON.stringify([key, datasetsFor(settings).map((d) => d.dataset.id), [...loaded].map(([id, entry]) => `${id}@${entry.revision}`)]);
    if (fallback?.key !== loadedKey) fallback = { key: loadedKey, index: CatalogIndex.build(datasetsFor(settings)) };
    index = fallback.index;
  }
  const muted = new Set(settings.mutedOutlets);
  return {
    match: (page) => {
      const answer = index.match(page, muted);
      // A page said "maybe" to asks for its notes next (once the overlay is in): after this answer,
      // start reading the datasets the notes need, rather than when it asks; unless its notes will
      // be made from their stored pieces (a restored index).
      const fromPieces = current?.key === key && current.restored;
      if (answer && !fromPieces && cached?.key !== catalogKey(settings)) setTimeout(() => void notesCatalogFor(settings));
      return answer;
    },
  };
}

/** The catalog with notes for these settings: the match index, and the datasets read for their notes. */
export async function notesCatalogFor(settings: Settings): Promise<Catalog> {
  let catalog: Catalog | null = null;
  await serially(async () => {
    await syncIndex(settings);
    const key = catalogKey(settings);
    if (cached?.key !== key) {
      const start = performance.now();
      await loadDatasets(settings);
      cached = { key, catalog: new Catalog(datasetsFor(settings), { mutedOutlets: new Set(settings.mutedOutlets), index: current!.index }) };
      performance.measure(NOTES_LOADED, { start });
    }
    catalog = cached.catalog;
  });
  return catalog ?? new Catalog(datasetsFor(settings), { mutedOutlets: new Set(settings.mutedOutlets) });
}

/**
 * What the background answers a page asking for notes: the article it is, and its notes. While the
 * index was read back from storage and the datasets are not loaded, the notes are made from their
 * stored pieces (a few KB read); from the datasets, read and parsed, when a piece is not there.
 */
export async function pageNotes(settings: Settings, page: PageSignals): Promise<{ article: IdentifiedArticle | null; notes: NoteView[] }> {
  await ensureDatasets(settings);
  const start = performance.now();
  const key = indexKey(settings);
  const index = current;
  const muted = new Set(settings.mutedOutlets);
  if (index && index.key === key && index.restored && cached?.key !== catalogKey(settings)) {
    const article = index.index.match(page, muted);
    const notes = article ? await storedNotes(index.key, index.index, article, muted) : [];
    if (notes) {
      performance.measure(NOTES_READ, { start });
      return { article, notes };
    }
  }
  const catalog = await notesCatalogFor(settings);
  const article = catalog.match(page);
  return { article, notes: article ? catalog.notesFor(article) : [] };
}
