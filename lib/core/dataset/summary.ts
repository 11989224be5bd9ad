/** What the dataset manager shows and stores about a dataset: its metadata, counts and outlets. */
import type { Dataset } from './schema';
import { datasetStats } from './stats';

export interface DatasetCounts {
  disputes: number;
  claims: number;
  outlets: number;
}

export interface DatasetSummary {
  id: string;
  title: string;
  publisher: string;
  version: string;
  licence: string;
  updated: string;
  description: string | null;
  counts: DatasetCounts;
}

export interface OutletName {
  id: string;
  name: string;
}

/** The counts the dataset manager shows: a subset of datasetStats, so both always agree. */
export function datasetCounts(dataset: Dataset): DatasetCounts {
  const { disputes, claims, outlets } = datasetStats(dataset);
  return { disputes, claims, outlets };
}

export function datasetSummary(dataset: Dataset): DatasetSummary {
  const { id, title, publisher, version, licence, updated, description } = dataset.dataset;
  return { id, title, publisher, version, licence, updated, description: description ?? null, counts: datasetCounts(dataset) };
}

/** The outlets of a dataset by id and name, for "don't show notes from this outlet". */
export function outletNames(dataset: Dataset): OutletName[] {
  return dataset.outlets.map((outlet) => ({ id: outlet.id, name: outlet.name }));
}
