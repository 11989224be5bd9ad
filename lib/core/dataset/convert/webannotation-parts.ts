/**
 * The parts of a Web Annotation the converter reads: targets with their TextQuoteSelector, and
 * bodies (text, HTML reduced to text, links with their own quote). Problems and assumptions go to the
 * conversion's context.
 */
import { LIMITS } from '../limits';
import type { Problem } from '../parse';
import type { Quote } from '../schema';
import type { DatasetBuilder } from './builder';
import { Assumptions, child, hasType, isObject, items, languageOf, oneLine, prop, str, urlAt, type Json } from './common';

export interface Context {
  builder: DatasetBuilder;
  notes: Assumptions;
  problems: Problem[];
  today: string;
  fileName: string;
}

export interface Target {
  url: string;
  path: string;
  quote?: Quote;
  language?: string;
}

export function targetOf(value: unknown, path: string, cx: Context): Target | null {
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

export function urlOrProblem(value: unknown, path: string, cx: Context): { url: string; path: string } | null {
  const url = urlAt(value, path);
  if (url && 'problem' in url) cx.problems.push(url.problem);
  return url && 'url' in url ? { url: url.url, path } : null;
}

/** The first TextQuoteSelector of a selector or list of them, fitted to our limits. */
export function quoteOf(value: unknown, path: string, cx: Context): Quote | undefined {
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

export interface Body {
  text?: string;
  link?: string;
  quote?: Quote;
  language?: string;
  purposes: string[];
}

export function bodyOf(node: Json, path: string, cx: Context): Body {
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
export function plainText(value: string, format: string | undefined, path: string, cx: Context): string | undefined {
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
