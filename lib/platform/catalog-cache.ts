/**
 * The background's catalog of enabled datasets: a cache of what storage holds (the built-in
 * datasets and the installed ones in IndexedDB), rebuilt when the datasets or the settings it
 * depends on change. A restarted service worker loses it and reloads it from storage.
 * Only enabled datasets are parsed and kept in memory.
 */
import { Catalog } from '../core/catalog';
import type { Dataset } from '../core/dataset/schema';
import type { Settings } from '../core/settings';
import { builtinDatasets } from './builtin';
import { getBody, listRecords } from './dataset-db';
import type { DatasetRecord } from './dataset-records';

export { builtinDatasets };

/** Installed records as last read from storage; null until read, or after `forgetInstalled`. */
let installed: DatasetRecord[] | null = null;
const loaded = new Map<string, { revision: number; dataset: Dataset }>();
let queue: Promise<void> = Promise.resolve();
let cached: { key: string; catalog: Catalog } | null = null;

const enabled = (settings: Settings, id: string) => !settings.disabledDatasets.includes(id);

/** Makes the next `ensureDatasets` read the list of installed datasets again. */
export function forgetInstalled(): void {
  installed = null;
}

function upToDate(settings: Settings): boolean {
  if (!installed) return false;
  const wanted = installed.filter((record) => enabled(settings, record.id));
  if (wanted.length !== loaded.size) return false;
  return wanted.every((record) => loaded.get(record.id)?.revision === record.revision);
}

/** Loads what the settings enable and drops what they don't. Resolves at once when nothing changed. */
export function ensureDatasets(settings: Settings): Promise<void> {
  if (upToDate(settings)) return Promise.resolve();
  queue = queue.then(() => sync(settings)).catch((error: unknown) => console.warn('Counterpoint: could not load the installed datasets', error));
  return queue;
}

async function sync(settings: Settings): Promise<void> {
  installed ??= await listRecords();
  const wanted = new Map(installed.filter((record) => enabled(settings, record.id)).map((record) => [record.id, record]));
  for (const id of [...loaded.keys()]) {
    if (!wanted.has(id)) {
      loaded.delete(id);
    }
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

/**
 * Identifies what the catalog for these settings is built from (muted outlets, datasets switched
 * off, each loaded dataset's revision); it changes when the catalog would, and means the same after
 * the service worker restarts.
 */
export function catalogKey(settings: Settings): string {
  const revisions = [...loaded].map(([id, entry]) => `${id}@${entry.revision}`).sort();
  return JSON.stringify([[...settings.mutedOutlets].sort(), [...settings.disabledDatasets].sort(), revisions]);
}

/** The catalog for these settings, from the datasets loaded so far (see `ensureDatasets`). */
export function catalogFor(settings: Settings): Catalog {
  const key = catalogKey(settings);
  if (cached?.key === key) return cached.catalog;
  const datasets = [
    ...builtinDatasets().filter((d) => enabled(settings, d.dataset.id)),
    ...(installed ?? []).filter((record) => enabled(settings, record.id)).flatMap((record) => loaded.get(record.id)?.dataset ?? []),
  ];
  const catalog = new Catalog(datasets, { mutedOutlets: new Set(settings.mutedOutlets) });
  cached = { key, catalog };
  return catalog;
}
