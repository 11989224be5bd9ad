/**
 * W3C Web Annotation (JSON-LD: one Annotation, a list, an AnnotationCollection with its pages
 * embedded, or an AnnotationPage) to our format. Each annotation becomes a dispute: each target (a
 * page, with its TextQuoteSelector if it has one) a claim, and the body (its text, or the page it
 * links to) the response of the annotation's creator. What the source does not say is assumed and
 * listed (docs/dataset-format.md, "Converted formats").
 */
import { LIMITS } from '../limits';
import type { Problem } from '../parse';
import type { Quote, Stance } from '../schema';
import { DatasetBuilder, slug, type ClaimDraft } from './builder';
import {
  agentOf,
  Assumptions,
  child,
  clip,
  dateOf,
  hasType,
  isObject,
  items,
  languageOf,
  latest,
  oneLine,
  prop,
  shortUrl,
  str,
  urlAt,
  type ConvertOptions,
  type ConvertResult,
  type Json,
} from './common';

interface Found {
  node: Json;
  path: string;
}

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

interface Context {
  builder: DatasetBuilder;
  notes: Assumptions;
  problems: Problem[];
  today: string;
  fileName: string;
}

interface Target {
  url: string;
  path: string;
  quote?: Quote;
  language?: string;
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

function targetOf(value: unknown, path: string, cx: Context): Target | null {
  if (typeof value === 'string') return urlOrProblem(value, path, cx);
  if (!isObject(value)) {
    cx.problems.push({ path, message: 'must be the address of a page or an object with a "source"' });
    return null;
  }
  const rawSource = prop(value, 'source');
  const sourceNode = isObject(rawSource) ? rawSource : undefined;
  const sourcePath = child(path, 'source');
  const raw = sourceNode ? (prop(sourceNode, 'id') ?? prop(sourceNode, '@id')) : (rawSource ?? prop(value, 'id') ?? prop(value, '@id'));
  if (raw === undefined) {
    cx.problems.push({ path: sourcePath, message: 'is required: the address of the page the annotation is about' });
    return null;
  }
  const target = urlOrProblem(raw, sourceNode ? child(sourcePath, 'id') : rawSource !== undefined ? sourcePath : child(path, 'id'), cx);
  if (!target) return null;
  const quote = quoteOf(prop(value, 'selector'), child(path, 'selector'), cx);
  const language = languageOf(prop(value, 'language')) ?? (sourceNode ? languageOf(prop(sourceNode, 'language')) : undefined);
  return { ...target, path, ...(quote ? { quote } : {}), ...(language ? { language } : {}) };
}

function urlOrProblem(value: unknown, path: string, cx: Context): { url: string; path: string } | null {
  const url = urlAt(value, path);
  if (url && 'problem' in url) cx.problems.push(url.problem);
  return url && 'url' in url ? { url: url.url, path } : null;
}

/** The first TextQuoteSelector of a selector or list of them, fitted to our limits. */
function quoteOf(value: unknown, path: string, cx: Context): Quote | undefined {
  const selectors = items(value, path).filter((s) => isObject(s.value) && hasType(s.value, 'TextQuoteSelector'));
  const [first, ...rest] = selectors;
  if (!first) {
    if (value !== undefined) cx.notes.add('selectors other than TextQuoteSelector (position, range, CSS, fragment) are not used', path);
    return undefined;
  }
  if (rest.length) cx.notes.add('of several TextQuoteSelectors for one target (alternatives for the same passage), the first is used', path);
  if (items(value, path).length > selectors.length) cx.notes.add('selectors other than TextQuoteSelector (position, range, CSS, fragment) are not used', path);
  const node = first.value as Json;
  const exact = prop(node, 'exact');
  if (typeof exact !== 'string' || exact.trim() === '') {
    cx.problems.push({ path: child(first.path, 'exact'), message: exact === undefined ? 'is required: the quoted passage' : 'must be non-empty text' });
    return undefined;
  }
  const context = (key: 'prefix' | 'suffix') => {
    const text = prop(node, key);
    if (typeof text !== 'string' || text === '') return undefined;
    if (text.length > LIMITS.context) cx.notes.add(`a prefix or suffix longer than ${LIMITS.context} characters keeps only the ${LIMITS.context} next to the quote`, child(first.path, key));
    return key === 'prefix' ? text.slice(-LIMITS.context) : text.slice(0, LIMITS.context);
  };
  let quote = exact;
  let suffix = context('suffix');
  if (quote.length > LIMITS.quote) {
    cx.notes.add(`a quote longer than ${LIMITS.quote} characters is cut to its first ${LIMITS.quote}, without its suffix`, child(first.path, 'exact'));
    quote = quote.slice(0, LIMITS.quote);
    suffix = undefined;
  }
  const prefix = context('prefix');
  return { type: 'TextQuoteSelector', exact: quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

interface Body {
  text?: string;
  link?: string;
  quote?: Quote;
  language?: string;
  purposes: string[];
}

function bodyOf(node: Json, path: string, cx: Context): Body {
  const body: Body = { purposes: [] };
  const texts: string[] = [];
  const bodyValue = str(prop(node, 'bodyValue'));
  if (bodyValue) texts.push(bodyValue);
  const queue = items(prop(node, 'body'), child(path, 'body'));
  for (let i = 0; i < queue.length && i < 50; i++) {
    const { value, path: bodyPath } = queue[i]!;
    if (typeof value === 'string') {
      if (body.link) continue;
      const url = urlOrProblem(value, bodyPath, cx);
      if (url) body.link = url.url;
      continue;
    }
    if (!isObject(value)) continue;
    if (hasType(value, 'Choice')) {
      const [option] = items(prop(value, 'items'), child(bodyPath, 'items'));
      if (option) queue.push(option);
      cx.notes.add('of a Choice of bodies, the first is used', bodyPath);
      continue;
    }
    const purpose = str(prop(value, 'purpose'));
    if (purpose) body.purposes.push(purpose.replace(/^oa:/, ''));
    const textValue = prop(value, 'value');
    if (typeof textValue === 'string' || hasType(value, 'TextualBody')) {
      if (purpose === 'tagging') {
        cx.notes.add('tags (bodies with the purpose "tagging") are not part of the response', bodyPath);
        continue;
      }
      const text = typeof textValue === 'string' ? plainText(textValue, str(prop(value, 'format')), bodyPath, cx) : undefined;
      if (text) texts.push(text);
      body.language ??= languageOf(prop(value, 'language'));
      continue;
    }
    if (body.link) continue;
    const source = prop(value, 'source') ?? prop(value, 'id') ?? prop(value, '@id');
    const sourcePath = child(bodyPath, prop(value, 'source') !== undefined ? 'source' : 'id');
    const url = urlOrProblem(isObject(source) ? prop(source, 'id') : source, sourcePath, cx);
    if (!url) continue;
    body.link = url.url;
    const quote = quoteOf(prop(value, 'selector'), child(bodyPath, 'selector'), cx);
    if (quote) body.quote = quote;
    body.language ??= languageOf(prop(value, 'language'));
  }
  if (texts.length) body.text = oneLine(texts.join(' '));
  return body;
}

/** Text of an HTML body: tags dropped and the common entities decoded. The result is only ever shown as text. */
function plainText(value: string, format: string | undefined, path: string, cx: Context): string | undefined {
  if (format !== 'text/html') return str(value);
  cx.notes.add('an HTML body (format text/html) is reduced to its text', path);
  const text = value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec: string, hexa: string, name: string) => {
      if (dec || hexa) {
        const code = Number.parseInt(dec ?? hexa, dec ? 10 : 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name.toLowerCase() as 'amp'];
    });
  return str(oneLine(text));
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
