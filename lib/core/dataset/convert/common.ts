/**
 * Helpers shared by the converters: reading JSON-LD values safely, turning them into the fields of
 * our format, and keeping the list of what a conversion had to assume.
 */
import { isHttpUrl, siteKey } from '../../url';
import { appendKey, describe, type Problem } from '../parse';

export type Json = Record<string, unknown>;

/** An object a converter found in the input, with where it was (for problems and assumptions). */
export interface Found {
  node: Json;
  path: string;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: never `constructor` or `toString` from the prototype. */
export function prop(node: Json, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** A JSON-LD value that may be one item or a list, as a list with the path of each item. */
export function items(value: unknown, path: string): { value: unknown; path: string }[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((item, i) => ({ value: item, path: `${path}[${i}]` }));
  return [{ value, path }];
}

export function child(path: string, key: string): string {
  return appendKey(path, key);
}

const TYPE_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:|http:\/\/www\.w3\.org\/ns\/oa#|oa:|as:)/;

/** The node's `@type`/`type` names, without schema.org or Web Annotation prefixes. */
export function types(node: Json): string[] {
  const raw = prop(node, '@type') ?? prop(node, 'type');
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(TYPE_PREFIX, ''));
}

export function hasType(node: Json, ...names: string[]): boolean {
  return types(node).some((t) => names.includes(t));
}

/** A non-empty trimmed string, or undefined. Numbers are accepted as text (ratings often are). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Text for one line: runs of white space, line breaks included, become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A language tag from `inLanguage`/`language`: "en", "pt-BR", or a Language object. */
export function languageOf(value: unknown): string | undefined {
  const candidates = isObject(value) ? [prop(value, 'alternateName'), prop(value, 'identifier')] : Array.isArray(value) ? value.slice(0, 1) : [value];
  for (const candidate of candidates) {
    const text = str(candidate);
    if (!text) continue;
    const [first, ...rest] = text.split(/[-_]/);
    const tag = [first!.toLowerCase(), ...rest].join('-');
    if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag)) return tag;
  }
  return undefined;
}

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date of our format from a schema.org or Web Annotation date: the day, kept exactly when it can be. */
export function dateOf(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  if (DATE.test(text)) return text;
  const day = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text)?.[1];
  if (day && DATE.test(day)) return day;
  return undefined;
}

/** The latest of some dates of our format (they sort as text by their day). */
export function latest(dates: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const date of dates) if (date && (!best || date.slice(0, 10) > best.slice(0, 10))) best = date;
  return best;
}

export type UrlCheck = { url: string } | { problem: Problem } | null;

/** An http(s) URL from a string or a node's `url`/`@id`/`id`; a problem for any other scheme. */
export function urlAt(value: unknown, path: string): UrlCheck {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return { problem: { path, message: `must be a URL, got ${describe(value)}` } };
  const text = value.trim();
  if (text.length > 2048) return { problem: { path, message: 'must be at most 2048 characters' } };
  if (!isHttpUrl(text)) return { problem: { path, message: `must be an absolute http or https URL, got ${describe(text)}` } };
  return { url: text };
}

/** The host of an http(s) URL without `www.`, for outlet domains and names. */
export function hostOf(url: string): string {
  return siteKey(url) ?? url;
}

/** Where a URL points, short enough to read: host and path. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${hostOf(url)}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** Display text cut to `max` characters at a word boundary, with an ellipsis. The caller notes it. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** What a conversion assumed, each kind of assumption once, with where (a few paths and a count). */
export class Assumptions {
  private readonly entries = new Map<string, { paths: string[]; count: number }>();

  add(message: string, path?: string): void {
    const entry = this.entries.get(message) ?? { paths: [], count: 0 };
    entry.count++;
    if (path !== undefined && entry.paths.length < 3) entry.paths.push(path);
    this.entries.set(message, entry);
  }

  list(): string[] {
    return [...this.entries].map(([message, { paths, count }]) => {
      if (paths.length === 0) return count > 1 ? `${message} (${count} times)` : message;
      const more = count - paths.length;
      const where = more > 0 ? `${paths.join(', ')} and ${more} more` : paths.join(', ');
      return `${message} (at ${where})`;
    });
  }
}

export interface ConvertOptions {
  /** The file's name, for the dataset's id and title and its `source`. */
  fileName: string;
  /** The date to use when the source gives none (YYYY-MM-DD). */
  today: string;
}

export type ConvertResult =
  | { ok: true; json: unknown; assumptions: string[]; origins: ReadonlyMap<string, string> }
  | { ok: false; problems: Problem[] };

export interface Agent {
  name?: string;
  url?: string;
  type: 'person' | 'official' | 'organisation' | 'unspecified';
}

const OFFICIAL = ['GovernmentOrganization', 'GovernmentOffice', 'GovernmentService', 'Legislature'];
const ORGANISATION = ['Organization', 'NewsMediaOrganization', 'Corporation', 'NGO', 'EducationalOrganization', 'PoliticalParty', 'Group'];

/**
 * A person or organisation (`author`, `publisher`, `creator`): a name, a web address if it has one,
 * and its kind. A bare string is a name, or an address if it is one. Bad addresses are problems.
 */
export function agentOf(value: unknown, path: string, problems: Problem[]): Agent | undefined {
  const [first] = items(value, path);
  if (!first) return undefined;
  if (typeof first.value === 'string') {
    const text = first.value.trim();
    if (/^[a-z][a-z0-9+.-]*:\S*$/i.test(text)) {
      const url = urlAt(text, first.path);
      if (url && 'problem' in url) problems.push(url.problem);
      return url && 'url' in url ? { url: url.url, type: 'unspecified' } : undefined;
    }
    return text ? { name: oneLine(text).slice(0, 300), type: 'unspecified' } : undefined;
  }
  if (!isObject(first.value)) return undefined;
  const node = first.value;
  const name = str(prop(node, 'name')) ?? str(prop(node, 'nickname')) ?? str(prop(node, 'alternateName'));
  let url: string | undefined;
  for (const key of ['url', 'homepage', 'sameAs', 'id', '@id']) {
    const raw = prop(node, key);
    if (typeof raw !== 'string' || (key !== 'url' && key !== 'homepage' && !/^https?:/i.test(raw.trim()))) continue;
    const found = urlAt(raw, child(first.path, key));
    if (found && 'problem' in found) problems.push(found.problem);
    else if (found) url = found.url;
    break;
  }
  const type = hasType(node, 'Person') ? 'person' : hasType(node, ...OFFICIAL) ? 'official' : hasType(node, ...ORGANISATION) ? 'organisation' : 'unspecified';
  return { ...(name ? { name: oneLine(name).slice(0, 300) } : {}), ...(url ? { url } : {}), type };
}
