/**
 * W3C Web Annotation (JSON-LD: one Annotation, a list, an AnnotationCollection with its pages
 * embedded, or an AnnotationPage) to our format. Each annotation becomes a dispute: each target (a
 * page, with its TextQuoteSelector if it has one) a claim, and the body (its text, or the page it
 * links to) the response of the annotation's creator. What the source does not say is assumed and
 * listed (docs/dataset-format.md, "Converted formats").
 */
import { LIMITS } from '../limits';
import type { Problem } from '../parse';
import type { Stance } from '../schema';
import { DatasetBuilder, slug, type ClaimDraft } from './builder';
import { bodyOf, targetOf, type Context } from './webannotation-parts';
import {
  agentOf,
  Assumptions,
  child,
  clip,
  dateOf,
  hasType,
  isObject,
  items,
  latest,
  oneLine,
  prop,
  shortUrl,
  str,
  urlAt,
  type ConvertOptions,
  type ConvertResult,
  type Found,
  type Json,
} from './common';

/** The annotations of a file, and the collection around them if there is one. */
export function findAnnotations(json: unknown): { annotations: Found[]; collection: Json | undefined; linkedPages: number } {
  const annotations: Found[] = [];
  let collection: Json | undefined;
  let linkedPages = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    if (hasType(value, 'Annotation') || (!hasType(value, 'AnnotationCollection', 'AnnotationPage') && prop(value, 'target') !== undefined)) {
      annotations.push({ node: value, path });
      return;
    }
    if (hasType(value, 'AnnotationCollection')) collection ??= value;
    for (const key of ['first', 'items', 'next', '@graph']) {
      const inner = prop(value, key);
      if (typeof inner === 'string' && key !== 'items') linkedPages++;
      else if (inner !== undefined) visit(inner, child(path, key), depth + 1);
    }
  };
  visit(json, '$', 0);
  return { annotations, collection, linkedPages };
}

const MOTIVATIONS: [string, Stance][] = [
  ['disagreeing', 'disputes'],
  ['correcting', 'corrects'],
  ['editing', 'corrects'],
  ['assessing', 'disputes'],
  ['agreeing', 'supports'],
  ['questioning', 'adds-context'],
  ['commenting', 'adds-context'],
  ['describing', 'adds-context'],
  ['replying', 'adds-context'],
  ['linking', 'adds-context'],
  ['classifying', 'adds-context'],
  ['identifying', 'adds-context'],
];

export function convertWebAnnotation(json: unknown, options: ConvertOptions): ConvertResult {
  const { annotations, collection, linkedPages } = findAnnotations(json);
  const problems: Problem[] = [];
  const notes = new Assumptions();
  const builder = new DatasetBuilder();
  if (linkedPages) notes.add(`${linkedPages} page(s) of the collection are only linked (first/next), not in the file, and were not read: Counterpoint fetches nothing`);
  if (annotations.length === 0 && linkedPages) {
    return { ok: false, problems: [{ path: '$', message: "no annotation in the file: the collection's pages are only linked (first/next), and Counterpoint fetches nothing; export the collection with its pages and their items included" }] };
  }
  if (annotations.length === 0) {
    return { ok: false, problems: [{ path: '$', message: 'no annotation found (an Annotation, a list of them, or an AnnotationCollection or AnnotationPage with its items in the file)' }] };
  }
  const creators = new Set<string>();
  const dates: (string | undefined)[] = [];
  for (const { node, path } of annotations) {
    const done = convertAnnotation(node, path, { builder, notes, problems, today: options.today, fileName: options.fileName });
    if (done) {
      creators.add(done.creator);
      dates.push(done.date);
    }
  }
  if (problems.length) return { ok: false, problems };
  if (builder.size === 0) return { ok: false, problems: [{ path: '$', message: 'no annotation has a body (a comment or a link) to show as a response' }] };
  const label = collection ? (str(prop(collection, 'label')) ?? str(prop(collection, 'name'))) : undefined;
  const owner = collection ? agentOf(prop(collection, 'creator'), '$.creator', []) : undefined;
  const rights = str(prop(collection ?? (isObject(json) ? json : {}), 'rights'));
  if (!rights) notes.add('the licence (rights) is not stated; the dataset says so');
  const updated = (collection && dateOf(prop(collection, 'modified'))) ?? latest(dates) ?? options.today;
  if (!latest(dates)) notes.add(`no annotation is dated; the dataset is dated ${options.today}, the day of the conversion`);
  const names = [...creators];
  const meta = {
    id: slug(options.fileName.replace(/\.[^.]*$/, '')),
    title: clip(oneLine(label ?? `Web annotations from ${options.fileName}`), LIMITS.shortText),
    version: updated.slice(0, 10),
    publisher: clip(owner?.name ?? (names.length === 1 ? names[0]! : `${names.length} annotators: ${names.join(', ')}`), LIMITS.shortText),
    licence: clip(rights ?? 'Not stated (converted from Web Annotation)', LIMITS.shortText),
    updated,
    description: clip(`Converted from W3C Web Annotation (${options.fileName}): ${builder.size} annotation(s).`, LIMITS.text),
  };
  return { ok: true, json: builder.build(meta, 'webannotation', options.fileName, notes.list()), assumptions: notes.list(), origins: builder.origins };
}

function convertAnnotation(node: Json, path: string, cx: Context): { creator: string; date: string | undefined } | null {
  const { builder, notes, problems } = cx;
  const before = problems.length;
  const targetPath = child(path, 'target');
  const targets = items(prop(node, 'target'), targetPath).flatMap((t) => targetOf(t.value, t.path, cx) ?? []);
  if (prop(node, 'target') === undefined) problems.push({ path: targetPath, message: 'is required: the page (and passage) the annotation is about' });
  const body = bodyOf(node, path, cx);
  const creator = agentOf(prop(node, 'creator'), child(path, 'creator'), problems);
  if (problems.length > before || targets.length === 0) return null;
  if (!body.text && !body.link) {
    notes.add('an annotation without a body (a highlight or a bookmark) says nothing in response and is left out', path);
    return null;
  }

  const date = dateOf(prop(node, 'created')) ?? dateOf(prop(node, 'modified')) ?? dateOf(prop(node, 'generated'));
  if (!date) notes.add(`an annotation without a date (created) is dated ${cx.today}, the day of the conversion`, path);
  const day = date ?? cx.today;
  const stance = stanceOf(node, body.purposes, path, notes);

  // The responding side: the annotation's creator, answering with the body.
  if (!creator?.name) notes.add(body.link ? 'an annotation without a named creator is answered by the outlet of the page its body links to' : 'an annotation without a named creator is answered by an "Unknown annotator"', path);
  const outlet = creator?.name ? builder.outlet(creator.name, creator.url) : body.link ? builder.outlet(undefined, body.link) : builder.outlet('Unknown annotator', undefined);
  const outletName = builder.outletName(outlet);
  const ownUrl = urlAt(prop(node, 'id') ?? prop(node, '@id'), child(path, 'id'));
  const articleUrl = body.link ?? (ownUrl && 'url' in ownUrl ? ownUrl.url : undefined);
  if (body.link) notes.add('the page a body links to becomes the response article, dated as the annotation and titled after its address', path);
  else if (articleUrl) notes.add("an annotation's own address (id) becomes the response article, titled \"Annotation by\" its creator", path);
  const responseArticle = builder.article(
    {
      outlet,
      title: clip(body.link ? `Page at ${shortUrl(body.link)}` : `Annotation by ${outletName}`, LIMITS.shortText),
      published: day,
      language: body.language ?? 'und',
      ...(articleUrl ? { url: articleUrl } : {}),
    },
    path,
  );
  if (!body.language) notes.add('a response without a language is marked "und" (undetermined)', path);
  if (!body.text) notes.add(body.quote ? "a body that links to a passage is summarised by that passage's words" : 'a body that only links to a page is summarised as that link', path);

  // The claimed side: each target page, with its passage.
  const claims: ClaimDraft[] = [];
  for (const target of targets) {
    notes.add('a target page is an article of an outlet named after its domain, titled after its address and dated as the annotation (the latest it can be)', target.path);
    const article = builder.article(
      { outlet: builder.outlet(undefined, target.url), title: clip(`Page at ${shortUrl(target.url)}`, LIMITS.shortText), published: day, language: target.language ?? 'und', url: target.url },
      target.path,
    );
    if (!target.language) notes.add('a target without a language is marked "und" (undetermined)', target.path);
    const summary = target.quote ? clip(oneLine(target.quote.exact), LIMITS.text) : `The page at ${shortUrl(target.url)} as a whole`;
    if (!target.quote) notes.add('a target without a TextQuoteSelector stands for the whole page: nothing on it is highlighted', target.path);
    claims.push({ article, summary, attribution: { text: 'Not stated in the annotation', type: 'unspecified', named: false }, quotes: target.quote ? [target.quote] : [] });
  }
  notes.add("a claim's summary is its quoted passage, and its source is not stated (attribution: unspecified, not named)");
  const summary = body.text ?? (body.quote ? oneLine(body.quote.exact) : `${outletName} links to ${shortUrl(body.link!)} in response.`);
  if (summary.length > LIMITS.text) notes.add(`a body longer than ${LIMITS.text} characters is cut`, path);
  const id = str(prop(node, 'id')) ?? str(prop(node, '@id')) ?? `${cx.fileName}#${path}`;
  const topic = targets[0]!.quote?.exact ?? body.text ?? shortUrl(targets[0]!.url);
  builder.dispute(
    'wa',
    id,
    clip(oneLine(topic), LIMITS.shortText),
    claims,
    [
      {
        article: responseArticle,
        stance,
        summary: clip(summary, LIMITS.text),
        attribution: creator?.name ? { text: creator.name, type: creator.type, named: true } : { text: 'Not named in the annotation', type: 'unspecified', named: false },
        quotes: body.quote ? [body.quote] : [],
      },
    ],
    path,
  );
  return { creator: outletName, date };
}

function stanceOf(node: Json, purposes: string[], path: string, notes: Assumptions): Stance {
  const motivations = [...items(prop(node, 'motivation'), path).map((m) => (typeof m.value === 'string' ? m.value.replace(/^oa:/, '') : '')), ...purposes];
  for (const [motivation, stance] of MOTIVATIONS) {
    if (!motivations.includes(motivation)) continue;
    if (motivation === 'assessing') notes.add('the motivation "assessing" is taken to dispute the passage', path);
    if (stance === 'adds-context') notes.add(`the motivation "${motivation}" is taken to add context, not to dispute`, path);
    return stance;
  }
  notes.add('an annotation without a motivation this converter knows is taken to add context, not to dispute', path);
  return 'adds-context';
}
