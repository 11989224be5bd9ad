/**
 * The runtime schema of the Counterpoint dataset format, v1: the single source of its TypeScript
 * types and of docs/dataset.schema.json (see docs/dataset-format.md). Unknown fields are dropped, so
 * a newer minor version that adds fields is still read.
 */
import * as v from 'valibot';
import { isHttpUrl } from '../url';
import { LIMITS } from './limits';

const at = (max: number) => `must be at most ${max} characters`;
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, at(max)));
const id = v.pipe(
  v.string(),
  v.maxLength(LIMITS.id, at(LIMITS.id)),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit'),
);
const httpUrl = v.pipe(v.string(), v.maxLength(LIMITS.url, at(LIMITS.url)), v.check(isHttpUrl, 'must be an absolute http or https URL'));
const date = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    'must be a date like 2015-09-19 or an ISO date-time',
  ),
);
const language = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en" or "zh-Hans"'));
const domain = v.pipe(v.string(), v.regex(/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'must be a domain name like example.com'), v.toLowerCase());
const list = <T extends v.GenericSchema>(item: T, max: number, min = 0) =>
  v.pipe(v.array(item), v.minLength(min, `must have at least ${min} entr${min === 1 ? 'y' : 'ies'}`), v.maxLength(max, `must have at most ${max} entries`));
const hashRange = 'must be a whole number from 0 to 4294967295';
const about = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));

export const STANCES = ['disputes', 'denies', 'corrects', 'adds-context', 'supports'] as const;
export const SOURCE_TYPES = ['person', 'official', 'document', 'organisation', 'unspecified'] as const;
export const SOURCE_FORMATS = ['counterpoint', 'claimreview', 'webannotation'] as const;

/** A W3C Web Annotation TextQuoteSelector, optionally for one language version of the article. */
export const QuoteSchema = about(
  v.object({
    type: v.optional(v.literal('TextQuoteSelector', 'must be "TextQuoteSelector"')),
    exact: about(text(LIMITS.quote), 'The passage, word for word as the article has it.'),
    prefix: about(v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context, at(LIMITS.context)))), 'Text just before the passage.'),
    suffix: about(v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context, at(LIMITS.context)))), 'Text just after the passage.'),
    language: about(v.optional(language), 'The language version of the article this quote is from.'),
  }),
  'A W3C Web Annotation TextQuoteSelector.',
);

/** Whom an outlet cites for what it says. */
export const AttributionSchema = about(
  v.object({
    text: text(LIMITS.shortText),
    type: v.picklist(SOURCE_TYPES, `must be one of ${SOURCE_TYPES.join(', ')}`),
    named: v.boolean('must be true or false'),
  }),
  'Whom the outlet cites for what it says, and whether that source is named.',
);

export const OutletSchema = v.object({
  id,
  name: text(LIMITS.shortText),
  domains: about(list(domain, LIMITS.domainsPerOutlet), 'Domain names the outlet publishes on.'),
  languages: v.optional(list(language, 20), []),
});

export const ArticleSchema = v.object({
  id,
  outlet: about(id, 'The id of an outlet of this dataset.'),
  title: text(LIMITS.shortText),
  published: about(date, 'Date of first publication.'),
  language: language,
  url: about(v.optional(httpUrl), 'The canonical address of the article.'),
  urls: about(v.optional(list(httpUrl, LIMITS.urlsPerArticle), []), 'Other addresses of the same article.'),
  translations: about(v.optional(list(v.object({ language, article: id }), 50), []), 'Versions of this article in other languages (ids of articles).'),
  revisions: about(v.optional(list(v.object({ date, note: text(LIMITS.text) }), 100), []), 'Revisions and corrections of the article, with dates.'),
  fingerprint: about(
    v.optional(
      v.object({
        scheme: v.literal('cw3-fnv1a-bottom', 'must be "cw3-fnv1a-bottom"'),
        hashes: list(
          v.pipe(v.number(), v.integer(hashRange), v.minValue(0, hashRange), v.maxValue(0xffffffff, hashRange)),
          LIMITS.fingerprintHashes,
          8,
        ),
      }),
    ),
    'A text fingerprint to recognise copies of the article (npm run dataset -- fingerprint).',
  ),
});

export const ClaimSchema = v.object({
  id,
  article: about(id, 'The id of the article that makes the claim.'),
  summary: text(LIMITS.text),
  attribution: AttributionSchema,
  quotes: v.optional(list(QuoteSchema, LIMITS.quotesPerItem), []),
});

export const ResponseSchema = v.object({
  id,
  article: about(id, 'The id of the article that responds.'),
  respondsTo: about(list(id, LIMITS.claimsPerDispute, 1), 'Ids of claims of the same dispute.'),
  stance: v.picklist(STANCES, `must be one of ${STANCES.join(', ')}`),
  summary: text(LIMITS.text),
  attribution: AttributionSchema,
  quotes: v.optional(list(QuoteSchema, LIMITS.quotesPerItem), []),
  rating: about(v.optional(text(LIMITS.shortText)), "The responder's own verdict, as it wrote it (a fact-checker's rating)."),
});

export const DisputeSchema = v.object({
  id,
  topic: text(LIMITS.shortText),
  claims: list(ClaimSchema, LIMITS.claimsPerDispute, 1),
  responses: list(ResponseSchema, LIMITS.responsesPerDispute, 1),
});

export const SourceSchema = about(
  v.object({
    format: v.picklist(SOURCE_FORMATS, `must be one of ${SOURCE_FORMATS.join(', ')}`),
    file: v.optional(text(LIMITS.shortText)),
    assumptions: v.optional(list(text(LIMITS.text), LIMITS.assumptions), []),
  }),
  'Where a converted dataset came from and what the conversion assumed.',
);

export const DatasetSchema = about(
  v.object({
    format: v.literal('counterpoint-dataset', 'must be "counterpoint-dataset"'),
    version: about(v.pipe(v.string(), v.regex(/^1\.\d+$/, 'must be a 1.x version of the format')), 'Version of the format: 1.x.'),
    dataset: v.object({
      id,
      title: text(LIMITS.shortText),
      version: about(text(64), 'Version of this dataset.'),
      publisher: text(LIMITS.shortText),
      licence: text(LIMITS.shortText),
      updated: date,
      description: v.optional(text(LIMITS.text)),
      homepage: v.optional(httpUrl),
      notes: v.optional(text(LIMITS.text)),
      source: v.optional(SourceSchema),
    }),
    outlets: list(OutletSchema, LIMITS.outlets, 1),
    articles: list(ArticleSchema, LIMITS.articles, 1),
    disputes: list(DisputeSchema, LIMITS.disputes, 1),
  }),
  'A Counterpoint dataset: outlets, their articles, and disputes between them (docs/dataset-format.md).',
);

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Outlet = v.InferOutput<typeof OutletSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type Dispute = v.InferOutput<typeof DisputeSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Response = v.InferOutput<typeof ResponseSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Attribution = v.InferOutput<typeof AttributionSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Stance = (typeof STANCES)[number];
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
