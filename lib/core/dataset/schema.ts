/**
 * The runtime schema of the Counterpoint dataset format, v1: the single source of its TypeScript
 * types (see docs/dataset-format.md). Unknown fields are dropped, so a newer minor version that adds
 * fields is still read.
 */
import * as v from 'valibot';
import { isHttpUrl } from '../url';
import { LIMITS } from './limits';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const id = v.pipe(
  v.string(),
  v.maxLength(LIMITS.id, `must be at most ${LIMITS.id} characters`),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit'),
);
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, `must be at most ${LIMITS.url} characters`),
  v.check(isHttpUrl, 'must be an absolute http or https URL'),
);
const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'must be a date like 2015-09-19 or an ISO date-time'));
const language = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en" or "zh-Hans"'));
const list = <T extends v.GenericSchema>(item: T, max: number, min = 0) =>
  v.pipe(v.array(item), v.minLength(min, `must have at least ${min} entr${min === 1 ? 'y' : 'ies'}`), v.maxLength(max, `must have at most ${max} entries`));

export const STANCES = ['disputes', 'denies', 'corrects', 'adds-context', 'supports'] as const;
export const SOURCE_TYPES = ['person', 'official', 'document', 'organisation', 'unspecified'] as const;

/** A W3C Web Annotation TextQuoteSelector, optionally for one language version of the article. */
export const QuoteSchema = v.object({
  type: v.optional(v.literal('TextQuoteSelector')),
  exact: text(LIMITS.quote),
  prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context, `must be at most ${LIMITS.context} characters`))),
  suffix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context, `must be at most ${LIMITS.context} characters`))),
  language: v.optional(language),
});

/** Whom an outlet cites for what it says. */
export const AttributionSchema = v.object({
  text: text(LIMITS.shortText),
  type: v.picklist(SOURCE_TYPES, `must be one of ${SOURCE_TYPES.join(', ')}`),
  named: v.boolean('must be true or false'),
});

export const OutletSchema = v.object({
  id,
  name: text(LIMITS.shortText),
  domains: list(v.pipe(v.string(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain name like example.com')), LIMITS.domainsPerOutlet),
  languages: v.optional(list(language, 20), []),
});

export const ArticleSchema = v.object({
  id,
  outlet: id,
  title: text(LIMITS.shortText),
  published: date,
  language: language,
  url: v.optional(httpUrl),
  urls: v.optional(list(httpUrl, LIMITS.urlsPerArticle), []),
  translations: v.optional(list(v.object({ language, article: id }), 50), []),
  revisions: v.optional(list(v.object({ date, note: text(LIMITS.text) }), 100), []),
  fingerprint: v.optional(
    v.object({
      scheme: v.literal('cw3-fnv1a-bottom', 'must be "cw3-fnv1a-bottom"'),
      hashes: list(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff)), LIMITS.fingerprintHashes, 8),
    }),
  ),
});

export const ClaimSchema = v.object({
  id,
  article: id,
  summary: text(LIMITS.text),
  attribution: AttributionSchema,
  quotes: v.optional(list(QuoteSchema, LIMITS.quotesPerItem), []),
});

export const ResponseSchema = v.object({
  id,
  article: id,
  respondsTo: list(id, LIMITS.claimsPerDispute, 1),
  stance: v.picklist(STANCES, `must be one of ${STANCES.join(', ')}`),
  summary: text(LIMITS.text),
  attribution: AttributionSchema,
  quotes: v.optional(list(QuoteSchema, LIMITS.quotesPerItem), []),
});

export const DisputeSchema = v.object({
  id,
  topic: text(LIMITS.shortText),
  claims: list(ClaimSchema, LIMITS.claimsPerDispute, 1),
  responses: list(ResponseSchema, LIMITS.responsesPerDispute, 1),
});

export const DatasetSchema = v.object({
  format: v.literal('counterpoint-dataset', 'must be "counterpoint-dataset"'),
  version: v.pipe(v.string(), v.regex(/^1\.\d+$/, 'must be a 1.x version of the format')),
  dataset: v.object({
    id,
    title: text(LIMITS.shortText),
    version: text(64),
    publisher: text(LIMITS.shortText),
    licence: text(LIMITS.shortText),
    updated: date,
    description: v.optional(text(LIMITS.text)),
    homepage: v.optional(httpUrl),
    notes: v.optional(text(LIMITS.text)),
  }),
  outlets: list(OutletSchema, LIMITS.outlets, 1),
  articles: list(ArticleSchema, LIMITS.articles, 1),
  disputes: list(DisputeSchema, LIMITS.disputes, 1),
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Outlet = v.InferOutput<typeof OutletSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type Dispute = v.InferOutput<typeof DisputeSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Response = v.InferOutput<typeof ResponseSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Attribution = v.InferOutput<typeof AttributionSchema>;
export type Stance = (typeof STANCES)[number];
