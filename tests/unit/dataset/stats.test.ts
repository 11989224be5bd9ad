import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../lib/core/dataset/import';
import { datasetStats } from '../../../lib/core/dataset/stats';
import { datasetCounts } from '../../../lib/core/dataset/summary';
import { fixture } from './golden';

describe('datasetStats', () => {
  it('counts the built-in dataset', () => {
    const result = importDataset(fixture('../../../lib/core/dataset/builtin/seed.json'), 'seed.json');
    if (!result.ok) throw new Error('seed invalid');
    expect(datasetStats(result.dataset)).toEqual({
      disputes: 1,
      claims: 4,
      responses: 4,
      articles: 2,
      outlets: 2,
      quotes: 7,
      withoutQuotes: 1,
      articlesWithUrl: 1,
      articlesWithFingerprint: 1,
      languages: [['en', 2]],
      stances: { disputes: 2, denies: 0, corrects: 1, 'adds-context': 1, supports: 0 },
    });
  });

  it('counts languages of a dataset with translations', () => {
    const result = importDataset(fixture('valid/full.json'), 'full.json');
    if (!result.ok) throw new Error('full invalid');
    expect(datasetStats(result.dataset).languages).toEqual([
      ['en', 2],
      ['fr', 1],
    ]);
  });

  it('gives the dataset manager the same counts (datasetCounts)', () => {
    const result = importDataset(fixture('valid/full.json'), 'full.json');
    if (!result.ok) throw new Error('full invalid');
    const { disputes, claims, outlets } = datasetStats(result.dataset);
    expect(datasetCounts(result.dataset)).toEqual({ disputes, claims, outlets });
  });
});
