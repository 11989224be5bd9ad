/** The datasets shipped inside the extension: listed like the others, never stored, never removed. */
import builtinSeed from '../core/dataset/builtin/seed.json';
import { validateDataset } from '../core/dataset/parse';
import type { Dataset } from '../core/dataset/schema';
import { datasetSummary, outletNames, type OutletName } from '../core/dataset/summary';
import type { DatasetRecord } from './dataset-records';

let builtin: Dataset[] | null = null;

/** The built-in datasets, validated like any other. */
export function builtinDatasets(): Dataset[] {
  if (!builtin) {
    const result = validateDataset(builtinSeed);
    if (!result.ok) throw new Error(`built-in dataset is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    builtin = [result.dataset];
  }
  return builtin;
}

/** Ids no imported dataset may take. */
export const BUILTIN_IDS: readonly string[] = [builtinSeed.dataset.id];

export function builtinRecords(): DatasetRecord[] {
  return builtinDatasets().map((dataset) => ({
    ...datasetSummary(dataset),
    format: 'counterpoint',
    assumptions: [],
    origin: { kind: 'builtin' },
    added: 0,
    refreshed: 0,
    schedule: 'off',
    lastError: null,
    size: 0,
    revision: 0,
  }));
}

export function builtinDataset(id: string): Dataset | null {
  return builtinDatasets().find((dataset) => dataset.dataset.id === id) ?? null;
}

export function builtinOutlets(id: string): OutletName[] {
  const dataset = builtinDataset(id);
  return dataset ? outletNames(dataset) : [];
}
