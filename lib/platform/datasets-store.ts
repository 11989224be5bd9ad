/**
 * The dataset manager's view of storage: the built-in datasets plus the installed ones (IndexedDB,
 * dataset-db.ts), and one small storage.local key, `datasetsRevision`, that every writer bumps
 * after a change has committed. The background watches it to rebuild its catalog; open options
 * pages watch it to redraw their list.
 */
import { browser } from 'wxt/browser';
import { builtinDataset, builtinOutlets, builtinRecords, BUILTIN_IDS } from './builtin';
import { deleteDataset, getBody, getOutlets, listRecords, updateRecord } from './dataset-db';
import { withSchedule, type DatasetRecord, type Schedule } from './dataset-records';
import { updateSettings } from './settings';
import type { OutletName } from '../core/dataset/summary';

export const DATASETS_REVISION_KEY = 'datasetsRevision';

/** Tells every part of the extension that the installed datasets changed. */
export async function announceDatasetsChanged(): Promise<void> {
  await browser.storage.local.set({ [DATASETS_REVISION_KEY]: `${Date.now()}-${Math.random().toString(36).slice(2)}` });
}

export function watchDatasets(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATASETS_REVISION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** The built-in datasets first, then the installed ones, oldest first. */
export async function listDatasets(): Promise<DatasetRecord[]> {
  return [...builtinRecords(), ...(await listRecords())];
}

export function isBuiltin(id: string): boolean {
  return BUILTIN_IDS.includes(id);
}

/** The dataset's JSON text, for export: indented, unless it is big. */
export async function datasetText(id: string): Promise<string | null> {
  const builtin = builtinDataset(id);
  if (builtin) return JSON.stringify(builtin, null, 2);
  const body = await getBody(id);
  return body !== null && body.length < 5_000_000 ? JSON.stringify(JSON.parse(body), null, 2) : body;
}

export async function datasetOutlets(id: string): Promise<OutletName[]> {
  return isBuiltin(id) ? builtinOutlets(id) : getOutlets(id);
}

/** Removes an installed dataset and forgets it in the settings. Built-in datasets cannot be removed. */
export async function removeDataset(id: string): Promise<boolean> {
  if (isBuiltin(id)) return false;
  const removed = await deleteDataset(id);
  await updateSettings((settings) => ({ ...settings, disabledDatasets: settings.disabledDatasets.filter((d) => d !== id) }));
  await announceDatasetsChanged();
  return removed;
}

export async function setSchedule(id: string, schedule: Schedule): Promise<DatasetRecord | null> {
  const record = await updateRecord(id, (current) => withSchedule(current, schedule));
  await announceDatasetsChanged();
  return record;
}
