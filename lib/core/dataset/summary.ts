/** Counts shown for a dataset in the settings page. */
import type { Dataset } from './schema';

export function datasetCounts(dataset: Dataset): { disputes: number; claims: number; outlets: number } {
  return {
    disputes: dataset.disputes.length,
    claims: dataset.disputes.reduce((sum, dispute) => sum + dispute.claims.length, 0),
    outlets: dataset.outlets.length,
  };
}
