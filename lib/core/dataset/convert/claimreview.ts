/**
 * schema.org ClaimReview (JSON-LD, as fact-checkers publish it: one object, a list, an `@graph`, or a
 * DataFeed) to our format. Each review becomes a dispute: the claim as it appeared on each page of
 * `itemReviewed.appearance`/`firstAppearance` (an article of the claimant's outlet), and the review
 * itself as the response of the fact-checker's outlet, with its rating as the stance. What the
 * source does not say is assumed and listed (docs/dataset-format.md, "Converted formats").
 */
import { LIMITS } from '../limits';
import type { Problem } from '../parse';
import type { Attribution } from '../schema';
import { DatasetBuilder, slug, type ClaimDraft } from './builder';
import {
  agentOf,
  Assumptions,
  child,
  clip,
  dateOf,
  hasType,
  isObject,
  languageOf,
  latest,
  oneLine,
  prop,
  shortUrl,
  str,
  types,
  urlAt,
  type ConvertOptions,
  type ConvertResult,
  type Found,
  type Json,
} from './common';
import { appearanceOutlet, appearancesOf, httpId, quotesOf, ratingOf, required, type Context } from './claimreview-parts';

/** The ClaimReview objects of a JSON-LD file, where fact-checkers put them, and the types of the others. */
export function findClaimReviews(json: unknown): { reviews: Found[]; others: string[]; byId: Map<string, Json> } {
  const reviews: Found[] = [];
  const others: string[] = [];
  const byId = new Map<string, Json>();
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    const id = str(prop(value, '@id'));
    if (id && Object.keys(value).length > 1) byId.set(id, value);
    if (hasType(value, 'ClaimReview')) reviews.push({ node: value, path });
    else if (prop(value, '@graph') !== undefined) visit(prop(value, '@graph'), child(path, '@graph'), depth + 1);
    else if (hasType(value, 'DataFeed')) visit(prop(value, 'dataFeedElement'), child(path, 'dataFeedElement'), depth + 1);
    else if (hasType(value, 'DataFeedItem')) visit(prop(value, 'item'), child(path, 'item'), depth + 1);
    else others.push(types(value)[0] ?? 'untyped');
  };
  visit(json, '$', 0);
  return { reviews, others, byId };
}

export function convertClaimReview(json: unknown, options: ConvertOptions): ConvertResult {
  const { reviews, others, byId } = findClaimReviews(json);
  const problems: Problem[] = [];
  const notes = new Assumptions();
  const builder = new DatasetBuilder();
  if (reviews.length === 0) {
    return { ok: false, problems: [{ path: '$', message: 'no ClaimReview found (looked at the top level, in "@graph" and in a DataFeed\'s "dataFeedElement")' }] };
  }
  if (others.length) notes.add(`ignored ${others.length} JSON-LD object(s) that are not ClaimReview (${[...new Set(others)].slice(0, 5).join(', ')})`);
  const resolve = (value: unknown) => {
    const id = isObject(value) && Object.keys(value).length === 1 ? str(prop(value, '@id')) : undefined;
    return (id && byId.get(id)) || value;
  };
  const checkers = new Set<string>();
  const dates: (string | undefined)[] = [];
  for (const { node, path } of reviews) {
    const review = convertReview(node, path, { builder, notes, problems, resolve, today: options.today });
    if (review) {
      checkers.add(review.checker);
      dates.push(review.date);
    }
  }
  if (problems.length) return { ok: false, problems };
  const updated = latest(dates) ?? options.today;
  if (!latest(dates)) notes.add(`no review is dated; the dataset is dated ${options.today}, the day of the conversion`);
  notes.add('the licence is not stated in ClaimReview; the dataset says so, see the fact-checkers\' terms');
  const names = [...checkers];
  const base = options.fileName.replace(/\.[^.]*$/, '');
  const meta = {
    id: slug(base),
    title: clip(names.length === 1 ? `Fact-checks by ${names[0]}` : `Fact-checks from ${options.fileName}`, LIMITS.shortText),
    version: updated.slice(0, 10),
    publisher: clip(names.join(', '), LIMITS.shortText),
    licence: 'Not stated (converted from ClaimReview; see the fact-checkers\' terms)',
    updated,
    description: clip(`Converted from schema.org ClaimReview (${options.fileName}): ${reviews.length} review(s) by ${names.join(', ')}.`, LIMITS.text),
  };
  return { ok: true, json: builder.build(meta, 'claimreview', options.fileName, notes.list()), assumptions: notes.list(), origins: builder.origins };
}

function convertReview(node: Json, path: string, cx: Context): { checker: string; date: string | undefined } | null {
  const { builder, notes, problems } = cx;
  const before = problems.length;
  const claimText = required(node, 'claimReviewed', path, 'the claim the fact-check reviews', problems);
  const reviewUrl = urlAt(prop(node, 'url') ?? httpId(node), child(path, 'url'));
  if (!reviewUrl) problems.push({ path: child(path, 'url'), message: 'is required: the address of the fact-check' });
  else if ('problem' in reviewUrl) problems.push(reviewUrl.problem);
  const checker = agentOf(cx.resolve(prop(node, 'author')), child(path, 'author'), problems) ?? agentOf(cx.resolve(prop(node, 'publisher')), child(path, 'publisher'), problems);
  const item = cx.resolve(prop(node, 'itemReviewed'));
  const itemPath = child(path, 'itemReviewed');
  const claimant = isObject(item) ? agentOf(cx.resolve(prop(item, 'author')), child(itemPath, 'author'), problems) : undefined;
  const appearances = isObject(item) ? appearancesOf(item, itemPath, cx) : [];
  if (problems.length > before || !claimText || !reviewUrl || 'problem' in reviewUrl) return null;

  // The fact-checker's side: its outlet and the review as an article.
  if (!checker?.name) notes.add("the review names no fact-checker (author or publisher); its outlet is named after the review's domain", path);
  const checkerId = builder.outlet(checker?.name, checker?.url ?? reviewUrl.url);
  if (checker?.name && checker.url) builder.outlet(checker.name, reviewUrl.url);
  const reviewDate = dateOf(prop(node, 'datePublished')) ?? dateOf(prop(node, 'dateModified'));
  if (!reviewDate) notes.add(`a review without a date (datePublished) is dated ${cx.today}, the day of the conversion`, child(path, 'datePublished'));
  const reviewLanguage = languageOf(prop(node, 'inLanguage'));
  if (!reviewLanguage) notes.add('a review without a language (inLanguage) is marked "und" (undetermined)', path);
  const headline = str(prop(node, 'headline')) ?? str(prop(node, 'name'));
  if (!headline) notes.add('a review without a headline or name is titled "Fact-check: " and the claim', path);
  const reviewArticle = builder.article(
    {
      outlet: checkerId,
      title: clip(oneLine(headline ?? `Fact-check: ${claimText}`), LIMITS.shortText),
      published: reviewDate ?? cx.today,
      language: reviewLanguage ?? 'und',
      url: reviewUrl.url,
    },
    path,
  );

  // The claim's side: one claim per page it appeared on.
  const claimDate = isObject(item) ? dateOf(prop(item, 'datePublished')) : undefined;
  const attribution: Attribution = claimant?.name
    ? { text: claimant.name, type: claimant.type, named: true }
    : { text: 'Not named in the fact-check', type: 'unspecified', named: false };
  if (!claimant?.name) notes.add('a claim whose author (itemReviewed.author) is not named is attributed to an unnamed, unspecified source', itemPath);
  const quotes = quotesOf(claimText, path, notes);
  const summary = clip(oneLine(claimText), LIMITS.text);
  const claims: ClaimDraft[] = [];
  for (const appearance of appearances) {
    const outlet = appearanceOutlet(appearance, claimant, builder, notes);
    if (!appearance.date && !claimDate) notes.add("a page where the claim appeared has no date; it is dated as the review, the latest it can be", appearance.path);
    if (!appearance.language) notes.add('a page where the claim appeared has no language (inLanguage); it is marked "und" (undetermined)', appearance.path);
    if (!appearance.title) notes.add('a page where the claim appeared has no headline or name; it is titled after its address', appearance.path);
    const article = builder.article(
      {
        outlet,
        title: clip(appearance.title ?? `Page at ${shortUrl(appearance.url)}`, LIMITS.shortText),
        published: appearance.date ?? claimDate ?? reviewDate ?? cx.today,
        language: appearance.language ?? 'und',
        url: appearance.url,
      },
      appearance.path,
    );
    if (!claims.some((claim) => claim.article === article)) claims.push({ article, summary, attribution, quotes });
  }
  if (claims.length === 0) {
    notes.add('a review gives no page where the claim appeared (itemReviewed.appearance); the claim is kept on an article without an address (of an outlet named after the claimant), which no page matches until one is added', itemPath);
    const outlet = builder.outlet(claimant?.name ?? 'Unknown source', claimant?.url);
    const title = clip(`Where ${claimant?.name ?? 'the claimant'} made the claim (no address given)`, LIMITS.shortText);
    const article = builder.article({ outlet, title, published: claimDate ?? reviewDate ?? cx.today, language: reviewLanguage ?? 'und' }, itemPath);
    claims.push({ article, summary, attribution, quotes });
  }

  const rating = ratingOf(prop(node, 'reviewRating'), child(path, 'reviewRating'), notes);
  const checkerName = builder.outletName(checkerId);
  const body = str(prop(node, 'reviewBody')) ?? str(prop(node, 'description'));
  const verdict = rating.label ? `${checkerName} rates this claim "${rating.label}".` : `${checkerName} reviewed this claim.`;
  if (!body) notes.add("a review without a reviewBody or description is summarised by its rating alone", path);
  builder.dispute(
    'cr',
    reviewUrl.url,
    clip(oneLine(claimText), LIMITS.shortText),
    claims,
    [
      {
        article: reviewArticle,
        stance: rating.stance,
        summary: clip(oneLine(body ? `${verdict} ${body}` : verdict), LIMITS.text),
        attribution: { text: checkerName, type: 'organisation', named: true },
        quotes: [],
        ...(rating.label ? { rating: clip(rating.label, LIMITS.shortText) } : {}),
      },
    ],
    path,
  );
  notes.add('the fact-checker is given as the source of its own review (attribution: organisation, named)');
  notes.add('a review carries no quote of its own text, so its side of the dispute has no passage to highlight');
  return { checker: checkerName, date: reviewDate };
}

