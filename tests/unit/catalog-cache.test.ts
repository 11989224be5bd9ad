/**
 * The background's catalog across service-worker restarts, on an in-memory stand-in for the
 * dataset database (Node has no IndexedDB): a restarted worker answers from the persisted index
 * without reading any dataset; a persisted index that is stale or damaged is rebuilt, never used.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CatalogIndexSnapshot, PageSignals } from '../../lib/core/catalog-index';
import { Catalog } from '../../lib/core/catalog';
import type { Dataset } from '../../lib/core/dataset/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/core/settings';
import type { DatasetRecord } from '../../lib/platform/dataset-records';
import { sentencesOf, syntheticDataset } from '../../scripts/bench/synthetic';
import { seedText } from './fixtures/seed';

const db = vi.hoisted(() => ({
  records: [] as DatasetRecord[],
  bodies: new Map<string, string>(),
  index: null as { key: string; snapshot: unknown } | null,
  notes: new Map<number, { key: string; entries: unknown }>(),
  bodyReads: 0,
  notesReads: 0,
}));

vi.mock('../../lib/platform/dataset-db', () => ({
  listRecords: async () => structuredClone(db.records),
  getBody: async (id: string) => {
    db.bodyReads++;
    return db.bodies.get(id) ?? null;
  },
  getIndex: async (key: string) => (db.index?.key === key ? structuredClone(db.index.snapshot) : null),
  putIndex: async (key: string, snapshot: unknown) => {
    db.index = { key, snapshot: structuredClone(snapshot) };
    db.notes.clear();
  },
  deleteIndex: async () => {
    db.index = null;
    db.notes.clear();
  },
  putNotes: async (key: string, first: number, records: unknown[]) => {
    records.forEach((entries, i) => db.notes.set(first + i, { key, entries: structuredClone(entries) }));
  },
  getNotes: async (key: string, numbers: number[]) =>
    numbers.map((n) => {
      db.notesReads++;
      const record = db.notes.get(n);
      return record?.key === key ? structuredClone(record.entries) : null;
    }),
}));

const sentences = sentencesOf(seedText.split(/\n+/));
const settings: Settings = { ...DEFAULT_SETTINGS };

function install(dataset: Dataset, revision: number, added = 1): void {
  const record = { id: dataset.dataset.id, revision, added } as DatasetRecord;
  db.records = [...db.records.filter((r) => r.id !== record.id), record];
  db.bodies.set(record.id, JSON.stringify(dataset));
}

const urlOf = (dataset: Dataset, n: number): PageSignals => ({ url: dataset.articles[n]!.url!, canonical: null, ogUrl: null, hashes: [] });

/** The catalog cache of a worker just started: module state gone, storage kept. */
async function freshWorker() {
  vi.resetModules();
  performance.clearMeasures();
  const cache = await import('../../lib/platform/catalog-cache');
  await cache.ensureDatasets(settings);
  // Lets the index and the notes' pieces be written, as they are after the answer.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const measured = (name: string) => performance.getEntriesByName(name).length;
  return { cache, built: measured(cache.INDEX_BUILT), restored: measured(cache.INDEX_RESTORED) };
}

beforeEach(() => {
  db.records = [];
  db.bodies.clear();
  db.index = null;
  db.notes.clear();
  db.bodyReads = 0;
  db.notesReads = 0;
});

afterEach(() => vi.restoreAllMocks());

describe('catalog cache across worker restarts', () => {
  const first = syntheticDataset(200, sentences, 11);

  it('builds the index once, then a restarted worker reads it back and answers without reading a dataset', async () => {
    install(first, 1);
    const cold = await freshWorker();
    expect([cold.built, cold.restored]).toEqual([1, 0]);
    expect(db.index).not.toBeNull();
    const answer = cold.cache.catalogFor(settings).match(urlOf(first, 4));
    expect(answer?.id).toBe(first.articles[4]!.id);

    db.bodyReads = 0;
    const warm = await freshWorker();
    expect([warm.built, warm.restored]).toEqual([0, 1]);
    const unrelated: PageSignals = { url: 'https://unrelated.example/', canonical: null, ogUrl: null, hashes: [1, 2, 3] };
    expect(warm.cache.catalogFor(settings).match(unrelated)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(db.bodyReads).toBe(0);
    // A page said "maybe" to asks for notes next: they are made from their stored pieces, no dataset read.
    expect(warm.cache.catalogFor(settings).match(urlOf(first, 4))).toEqual(answer);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const { article, notes } = await warm.cache.pageNotes(settings, urlOf(first, 4));
    expect(article).toEqual(answer);
    expect(notes.map((n) => n.key)).toEqual([`${first.dataset.id}/d2/c2a`, `${first.dataset.id}/d2/c2b`]);
    expect(db.bodyReads).toBe(0);
    expect(db.notesReads).toBeGreaterThan(0);
    expect(performance.getEntriesByName(warm.cache.NOTES_READ).length).toBe(1);
    expect(notes).toEqual(new Catalog([first]).notesFor(answer!));
  });

  describe('notes after a restart', () => {
    const muted: Settings = { ...settings, mutedOutlets: ['outlet4', 'outlet252'] };
    /** The notes the whole dataset gives each of these pages. */
    const expected = (pages: PageSignals[], with_: Settings) => {
      const whole = new Catalog([first], { mutedOutlets: new Set(with_.mutedOutlets) });
      return pages.map((page) => {
        const article = whole.match(page);
        return { article, notes: article ? whole.notesFor(article) : [] };
      });
    };
    const pages = [urlOf(first, 4), urlOf(first, 5), urlOf(first, 9), { url: 'https://unrelated.example/', canonical: null, ogUrl: null, hashes: [1, 2] }];

    it('are the notes the dataset gives, muted outlets included, with no dataset read', async () => {
      install(first, 1);
      await freshWorker();
      // Muting changes the notes of these pages (or comparing would prove little).
      expect(expected(pages, muted)).not.toEqual(expected(pages, settings));
      for (const with_ of [settings, muted]) {
        const warm = await freshWorker();
        db.bodyReads = 0;
        const got = [];
        for (const page of pages) got.push(await warm.cache.pageNotes(with_, page));
        expect(got).toEqual(expected(pages, with_));
        expect(db.bodyReads).toBe(0);
      }
    });

    it('are read from the dataset when the pieces were stored with another index (stale), and are the same', async () => {
      install(first, 1);
      await freshWorker();
      for (const record of db.notes.values()) record.key = 'another index';
      const warm = await freshWorker();
      expect(warm.restored).toBe(1);
      db.bodyReads = 0;
      const got = [];
      for (const page of pages) got.push(await warm.cache.pageNotes(settings, page));
      expect(got).toEqual(expected(pages, settings));
      expect(db.bodyReads).toBe(1);
    });

    it('are read from the dataset when a piece is damaged or missing, and are the same', async () => {
      install(first, 1);
      await freshWorker();
      const damage = [
        (entries: Record<string, unknown>) => {
          for (const name of Object.keys(entries)) if (name.startsWith('d:')) (entries[name] as { outlets: unknown[] }).outlets = [];
        },
        (entries: Record<string, unknown>) => {
          for (const name of Object.keys(entries)) delete entries[name];
        },
      ];
      for (const change of damage) {
        for (const record of db.notes.values()) change(record.entries as Record<string, unknown>);
        const warm = await freshWorker();
        db.bodyReads = 0;
        expect(await warm.cache.pageNotes(settings, pages[0]!)).toEqual(expected(pages, settings)[0]);
        expect(db.bodyReads).toBe(1);
      }
    });
  });

  it('rebuilds a stale index: a new revision of the dataset', async () => {
    install(first, 1);
    await freshWorker();
    const changed = syntheticDataset(200, sentences, 12);
    changed.dataset.id = first.dataset.id;
    for (const article of changed.articles) article.url = article.url!.replace('.html', '-v2.html');
    install(changed, 2);
    const next = await freshWorker();
    expect([next.built, next.restored]).toEqual([1, 0]);
    expect(next.cache.catalogFor(settings).match(urlOf(first, 4))).toBeNull();
    expect(next.cache.catalogFor(settings).match(urlOf(changed, 4))?.id).toBe(changed.articles[4]!.id);
  });

  it('rebuilds a stale index: the dataset removed and imported again (its revision starts again at 1)', async () => {
    install(first, 1, 100);
    await freshWorker();
    const other = syntheticDataset(200, sentences, 13);
    other.dataset.id = first.dataset.id;
    for (const article of other.articles) article.url = article.url!.replace('.html', '-other.html');
    install(other, 1, 200);
    const next = await freshWorker();
    expect([next.built, next.restored]).toEqual([1, 0]);
    expect(next.cache.catalogFor(settings).match(urlOf(other, 4))?.id).toBe(other.articles[4]!.id);
  });

  it('rebuilds a stale index: a dataset switched off', async () => {
    install(first, 1);
    await freshWorker();
    const off = { ...settings, disabledDatasets: [first.dataset.id] };
    vi.resetModules();
    const cache = await import('../../lib/platform/catalog-cache');
    await cache.ensureDatasets(off);
    expect(cache.catalogFor(off).match(urlOf(first, 4))).toBeNull();
  });

  it('rebuilds an index persisted by another version of the extension', async () => {
    const version = vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Counterpoint', version: '1.0.0' });
    install(first, 1);
    await freshWorker();
    expect((await freshWorker()).restored).toBe(1);
    version.mockReturnValue({ manifest_version: 3, name: 'Counterpoint', version: '1.0.1' });
    const updated = await freshWorker();
    expect([updated.built, updated.restored]).toEqual([1, 0]);
  });

  it('rebuilds a damaged index stored under the right key, and answers as before', async () => {
    install(first, 1);
    const cold = await freshWorker();
    const answer = cold.cache.catalogFor(settings).match(urlOf(first, 4));
    const snapshot = db.index!.snapshot as CatalogIndexSnapshot;
    snapshot.urlArticles = snapshot.urlArticles.slice(0, 10);
    const next = await freshWorker();
    expect([next.built, next.restored]).toEqual([1, 0]);
    expect(next.cache.catalogFor(settings).match(urlOf(first, 4))).toEqual(answer);
    // The rebuilt index replaced the damaged one.
    expect((db.index!.snapshot as CatalogIndexSnapshot).urlArticles.length).toBeGreaterThan(10);
  });

  it('keeps no index record for the built-in datasets alone', async () => {
    db.index = { key: 'left over', snapshot: {} };
    const cold = await freshWorker();
    expect(cold.built).toBe(1);
    expect(db.index).toBeNull();
  });
});
