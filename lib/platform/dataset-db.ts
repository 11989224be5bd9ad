/**
 * Installed datasets in the extension's IndexedDB: the truth the background's catalog is rebuilt
 * from. Three stores keyed by dataset id: `records` (small metadata, listed often), `outlets` (ids
 * and names, for muting) and `bodies` (the checked dataset as JSON text). Every change is one
 * transaction over the stores it touches, so a dataset is installed, replaced or removed whole or
 * not at all. Uses no extension API, so the options page's import worker can write here too.
 *
 * A fourth store, `index`, holds one record: the catalog's match index as last built, with the key
 * of what it was built from (lib/platform/catalog-cache.ts), so a restarted service worker reads it
 * back instead of building it again; and beside it, records of the pieces the notes are made from
 * (core/notes-records.ts), each with the same key, so the first notes need no dataset parsed. It is
 * a cache: losing it costs one build.
 *
 * Why not storage.local: every storage.local change is broadcast with its new value to every
 * context listening to storage.onChanged, and the always-on script listens in every tab; a 50 MB
 * dataset would be copied into every open tab. IndexedDB changes are not broadcast.
 */
import type { OutletName } from '../core/dataset/summary';
import { readRecord, type DatasetRecord } from './dataset-records';

const DB_NAME = 'counterpoint-datasets';
/** 2: the `index` store. */
const DB_VERSION = 2;
const RECORDS = 'records';
const OUTLETS = 'outlets';
const BODIES = 'bodies';
const INDEX = 'index';
const INDEX_RECORD = 'catalog';
/** Records of the notes' pieces beside the index: `notes:0`, `notes:1`… */
const NOTES_RECORD = 'notes';

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

export function openDatasetDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [RECORDS, OUTLETS, BODIES, INDEX]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      db.onclose = () => {
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('could not open the dataset database'));
    };
  });
  return opening;
}

/** Every installed dataset's record, damaged ones left out, oldest first. */
export async function listRecords(): Promise<DatasetRecord[]> {
  const db = await openDatasetDb();
  const values = await request(db.transaction(RECORDS, 'readonly').objectStore(RECORDS).getAll());
  return values
    .map(readRecord)
    .filter((record): record is DatasetRecord => record !== null)
    .sort((a, b) => a.added - b.added || (a.id < b.id ? -1 : 1));
}

export async function getRecord(id: string): Promise<DatasetRecord | null> {
  const db = await openDatasetDb();
  return readRecord(await request(db.transaction(RECORDS, 'readonly').objectStore(RECORDS).get(id)));
}

/** The stored JSON text of a dataset, or null. */
export async function getBody(id: string): Promise<string | null> {
  const db = await openDatasetDb();
  const body: unknown = await request(db.transaction(BODIES, 'readonly').objectStore(BODIES).get(id));
  return typeof body === 'string' ? body : null;
}

export async function getOutlets(id: string): Promise<OutletName[]> {
  const db = await openDatasetDb();
  const outlets: unknown = await request(db.transaction(OUTLETS, 'readonly').objectStore(OUTLETS).get(id));
  return Array.isArray(outlets) ? outlets.filter((o): o is OutletName => typeof o?.id === 'string' && typeof o?.name === 'string') : [];
}

export type PutResult = { ok: true; record: DatasetRecord; replaced: DatasetRecord | null } | { ok: false; message: string };

/**
 * Installs or replaces a dataset in one transaction. `decide` sees the record stored under the same
 * id (or null) and returns the record to store, or a string saying why not; nothing is written then.
 */
export async function putDataset(
  id: string,
  decide: (previous: DatasetRecord | null) => DatasetRecord | string,
  body: string,
  outlets: readonly OutletName[],
): Promise<PutResult> {
  const db = await openDatasetDb();
  const tx = db.transaction([RECORDS, OUTLETS, BODIES], 'readwrite');
  const finished = done(tx);
  const previous = readRecord(await request(tx.objectStore(RECORDS).get(id)));
  const decision = decide(previous);
  if (typeof decision === 'string') {
    tx.abort();
    await finished.catch(() => undefined);
    return { ok: false, message: decision };
  }
  tx.objectStore(BODIES).put(body, id);
  tx.objectStore(OUTLETS).put(outlets, id);
  tx.objectStore(RECORDS).put(decision, id);
  await finished;
  return { ok: true, record: decision, replaced: previous };
}

/** Changes a stored record in one transaction; `change` returning null leaves it as it is. */
export async function updateRecord(id: string, change: (record: DatasetRecord) => DatasetRecord | null): Promise<DatasetRecord | null> {
  const db = await openDatasetDb();
  const tx = db.transaction(RECORDS, 'readwrite');
  const finished = done(tx);
  const store = tx.objectStore(RECORDS);
  const current = readRecord(await request(store.get(id)));
  const next = current ? change(current) : null;
  if (next) store.put(next, id);
  await finished;
  return next;
}

/** Removes a dataset whole. True if there was one. */
export async function deleteDataset(id: string): Promise<boolean> {
  const db = await openDatasetDb();
  const tx = db.transaction([RECORDS, OUTLETS, BODIES], 'readwrite');
  const finished = done(tx);
  const existed = (await request(tx.objectStore(RECORDS).getKey(id))) !== undefined;
  for (const name of [RECORDS, OUTLETS, BODIES]) tx.objectStore(name).delete(id);
  await finished;
  return existed;
}

/** The persisted match index: what it was built from (`key`) and its data, unchecked. */
export interface StoredIndex {
  key: string;
  snapshot: unknown;
}

/** The persisted match index if its key is `key`, else null (without reading the rest of it). */
export async function getIndex(key: string): Promise<unknown> {
  const db = await openDatasetDb();
  const store = db.transaction(INDEX, 'readonly').objectStore(INDEX);
  // The key is stored apart from the data, so a stale index (tens of MB) is not read to be dropped.
  const storedKey: unknown = await request(store.get(`${INDEX_RECORD}:key`));
  if (storedKey !== key) return null;
  const stored = (await request(store.get(INDEX_RECORD))) as Partial<StoredIndex> | undefined;
  return stored?.key === key ? stored.snapshot : null;
}

/** Replaces the persisted match index, in one transaction; the notes records of the last one go with it. */
export async function putIndex(key: string, snapshot: unknown): Promise<void> {
  const db = await openDatasetDb();
  const tx = db.transaction(INDEX, 'readwrite');
  const finished = done(tx);
  tx.objectStore(INDEX).clear();
  tx.objectStore(INDEX).put({ key, snapshot } satisfies StoredIndex, INDEX_RECORD);
  tx.objectStore(INDEX).put(key, `${INDEX_RECORD}:key`);
  await finished;
}

export async function deleteIndex(): Promise<void> {
  const db = await openDatasetDb();
  const tx = db.transaction(INDEX, 'readwrite');
  const finished = done(tx);
  tx.objectStore(INDEX).clear();
  await finished;
}

/** A record of the notes' pieces (core/notes-records.ts), with the key of the index it goes with. */
interface StoredNotes {
  key: string;
  entries: unknown;
}

const notesRecord = (n: number) => `${NOTES_RECORD}:${n}`;

/** Stores records of the notes' pieces, numbered from `first`, in one transaction. */
export async function putNotes(key: string, first: number, records: readonly unknown[]): Promise<void> {
  const db = await openDatasetDb();
  const tx = db.transaction(INDEX, 'readwrite');
  const finished = done(tx);
  records.forEach((entries, i) => tx.objectStore(INDEX).put({ key, entries } satisfies StoredNotes, notesRecord(first + i)));
  await finished;
}

/** The entries of these notes records (unchecked), each null unless stored with this key. */
export async function getNotes(key: string, numbers: readonly number[]): Promise<unknown[]> {
  const db = await openDatasetDb();
  const store = db.transaction(INDEX, 'readonly').objectStore(INDEX);
  const stored = await Promise.all(numbers.map((n) => request(store.get(notesRecord(n))) as Promise<Partial<StoredNotes> | undefined>));
  return stored.map((record) => (record?.key === key ? record.entries : null));
}
