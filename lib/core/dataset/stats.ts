/** Counts of a dataset, for `npm run dataset -- stats` and the dataset manager. */
import { STANCES, type Dataset, type Stance } from './schema';

export interface DatasetStats {
  disputes: number;
  claims: number;
  responses: number;
  articles: number;
  outlets: number;
  /** Quote selectors of claims and responses. */
  quotes: number;
  /** Claims and responses without a quote: their passage cannot be highlighted. */
  withoutQuotes: number;
  /** Articles with an address, and with a text fingerprint. */
  articlesWithUrl: number;
  articlesWithFingerprint: number;
  /** Articles per language tag, most first. */
  languages: [string, number][];
  stances: Record<Stance, number>;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const stances = Object.fromEntries(STANCES.map((stance) => [stance, 0])) as Record<Stance, number>;
  let claims = 0;
  let responses = 0;
  let quotes = 0;
  let withoutQuotes = 0;
  for (const dispute of dataset.disputes) {
    claims += dispute.claims.length;
    responses += dispute.responses.length;
    for (const item of [...dispute.claims, ...dispute.responses]) {
      quotes += item.quotes.length;
      if (item.quotes.length === 0) withoutQuotes++;
    }
    for (const response of dispute.responses) stances[response.stance]++;
  }
  const languages = new Map<string, number>();
  for (const article of dataset.articles) languages.set(article.language, (languages.get(article.language) ?? 0) + 1);
  return {
    disputes: dataset.disputes.length,
    claims,
    responses,
    articles: dataset.articles.length,
    outlets: dataset.outlets.length,
    quotes,
    withoutQuotes,
    articlesWithUrl: dataset.articles.filter((article) => article.url || article.urls.length).length,
    articlesWithFingerprint: dataset.articles.filter((article) => article.fingerprint).length,
    languages: [...languages].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    stances,
  };
}
