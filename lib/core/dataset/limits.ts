/** Limits on datasets, stated in docs/dataset-format.md. */
export const LIMITS = {
  fileBytes: 256 * 1024 * 1024,
  depth: 12,
  id: 128,
  shortText: 300,
  text: 2000,
  quote: 1000,
  context: 64,
  url: 2048,
  outlets: 20_000,
  articles: 200_000,
  disputes: 100_000,
  claimsPerDispute: 500,
  responsesPerDispute: 500,
  quotesPerItem: 20,
  urlsPerArticle: 50,
  domainsPerOutlet: 50,
  fingerprintHashes: 256,
  /** Notes a converted dataset keeps about what its conversion assumed. */
  assumptions: 100,
  /** Problems reported at once; past this the list ends with a note that there are more. */
  problems: 100,
} as const;
