/**
 * The background's catalog of enabled datasets: a cache rebuilt from storage and the built-in
 * dataset whenever the settings it depends on change, so a restarted service worker loses nothing.
 */
import builtinSeed from '../core/dataset/builtin/seed.json';
import { Catalog } from '../core/catalog';
import { validateDataset } from '../core/dataset/parse';
import type { Dataset } from '../core/dataset/schema';
import type { Settings } from '../core/settings';

let builtin: Dataset[] | null = null;
let cached: { key: string; catalog: Catalog } | null = null;

/** The datasets shipped inside the extension, validated like any other. */
export function builtinDatasets(): Dataset[] {
  if (!builtin) {
    const result = validateDataset(builtinSeed);
    if (!result.ok) throw new Error(`built-in dataset is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    builtin = [result.dataset];
  }
  return builtin;
}

export function catalogFor(settings: Settings): Catalog {
  const key = JSON.stringify([settings.mutedOutlets, settings.disabledDatasets]);
  if (cached?.key === key) return cached.catalog;
  const datasets = builtinDatasets().filter((d) => !settings.disabledDatasets.includes(d.dataset.id));
  const catalog = new Catalog(datasets, { mutedOutlets: new Set(settings.mutedOutlets) });
  cached = { key, catalog };
  return catalog;
}
