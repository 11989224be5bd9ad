/**
 * Installing a dataset that passed the checks: its record, outlets and JSON text in one
 * transaction. Shared by the options page's import worker (files) and the background (URLs); no
 * extension API here, so the caller announces the change (datasets-store.ts).
 */
import type { ImportFormat } from '../core/dataset/import';
import type { Dataset } from '../core/dataset/schema';
import { datasetSummary, outletNames } from '../core/dataset/summary';
import { BUILTIN_IDS } from './builtin';
import { putDataset, type PutResult } from './dataset-db';
import { installRefusal, recordFor, type DatasetRecord, type Origin, type Schedule } from './dataset-records';

export interface CheckedDataset {
  dataset: Dataset;
  format: ImportFormat;
  assumptions: string[];
  origin: Origin;
  schedule?: Schedule;
  /**
   * For a refresh: the id the dataset must keep. A refresh that brings another id is refused, and
   * so is one for a dataset removed meanwhile.
   */
  refreshOf?: string;
}

export async function installChecked(checked: CheckedDataset, now = Date.now()): Promise<PutResult> {
  const summary = datasetSummary(checked.dataset);
  const refused = installRefusal(summary.id, BUILTIN_IDS);
  if (refused) return { ok: false, message: refused };
  if (checked.refreshOf !== undefined && checked.refreshOf !== summary.id) {
    return { ok: false, message: `the dataset there now has the id "${summary.id}", not "${checked.refreshOf}"; add it as a new dataset if that is intended` };
  }
  const body = JSON.stringify(checked.dataset);
  const decide = (previous: DatasetRecord | null): DatasetRecord | string => {
    if (checked.refreshOf !== undefined) {
      if (!previous) return 'the dataset was removed while it was being refreshed';
      const sameUrl = previous.origin.kind === 'url' && checked.origin.kind === 'url' && previous.origin.url === checked.origin.url;
      if (!sameUrl) return 'the dataset was replaced from elsewhere while it was being refreshed';
    }
    return recordFor(
      { summary, format: checked.format, assumptions: checked.assumptions, origin: checked.origin, size: body.length, now, schedule: checked.schedule },
      previous ?? undefined,
    );
  };
  return putDataset(summary.id, decide, body, outletNames(checked.dataset));
}
