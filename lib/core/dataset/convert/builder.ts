/**
 * Builds a dataset of our format from converted pieces: outlets merged by name (or by domain when
 * nothing names them), articles merged by their canonical URL, ids that are valid, unique and stable
 * across conversions of the same source. Remembers which source path each piece came from, so that a
 * problem found in the result can be reported where the author can fix it.
 */
import { fnv1a } from '../../text/tokens';
import { urlKey } from '../../url';
import { LIMITS } from '../limits';
import type { Attribution, Quote, SourceFormat, Stance } from '../schema';
import { hostOf } from './common';

const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/;

export interface ArticleDraft {
  outlet: string;
  title: string;
  published: string;
  language: string;
  url?: string;
}

export interface ClaimDraft {
  article: string;
  summary: string;
  attribution: Attribution;
  quotes: Quote[];
}

export interface ResponseDraft {
  article: string;
  stance: Stance;
  summary: string;
  attribution: Attribution;
  quotes: Quote[];
  rating?: string;
}

export interface DatasetMeta {
  id: string;
  title: string;
  version: string;
  publisher: string;
  licence: string;
  updated: string;
  description?: string;
  homepage?: string;
}

interface OutletEntry {
  id: string;
  name: string;
  domains: Set<string>;
}

export class DatasetBuilder {
  private readonly outlets = new Map<string, OutletEntry>();
  private readonly articles: (ArticleDraft & { id: string; urls: string[] })[] = [];
  private readonly articleByUrl = new Map<string, string>();
  private readonly disputes: object[] = [];
  private readonly ids = new Set<string>();
  /** Path in the converted dataset → path in the source file. */
  readonly origins = new Map<string, string>();

  /** The id of the outlet called `name` (or known only by the host of `url`), made on first use. */
  outlet(name: string | undefined, url: string | undefined): string {
    const host = url ? hostOf(url) : undefined;
    const key = name ? `name:${name.toLowerCase()}` : `host:${host ?? 'unknown'}`;
    let entry = this.outlets.get(key);
    if (!entry) {
      entry = { id: this.uniqueId(slug(name ?? host ?? 'unknown-outlet')), name: name ?? host ?? 'Unknown outlet', domains: new Set() };
      this.outlets.set(key, entry);
    }
    if (host && DOMAIN.test(host) && entry.domains.size < LIMITS.domainsPerOutlet) entry.domains.add(host);
    return entry.id;
  }

  outletName(id: string): string {
    for (const entry of this.outlets.values()) if (entry.id === id) return entry.name;
    return id;
  }

  /** The id of the article at `draft.url` (one article per canonical URL), or of a new article without one. */
  article(draft: ArticleDraft, source: string): string {
    const key = draft.url ? urlKey(draft.url) : null;
    const known = key ? this.articleByUrl.get(key) : undefined;
    if (known) return known;
    const id = this.uniqueId(key ? `a-${hex(key)}` : `a-${this.articles.length + 1}`);
    if (key) this.articleByUrl.set(key, id);
    this.origins.set(`$.articles[${this.articles.length}]`, source);
    this.articles.push({ ...draft, id, urls: [] });
    return id;
  }

  /** A dispute with its claims and responses; ids derive from `stableKey` (the source's own id or URL). */
  dispute(prefix: string, stableKey: string, topic: string, claims: ClaimDraft[], responses: ResponseDraft[], source: string): void {
    const id = this.uniqueId(`${prefix}-${hex(stableKey)}`);
    const claimIds = claims.map((_, k) => this.uniqueId(`${id}-c${k + 1}`));
    const path = `$.disputes[${this.disputes.length}]`;
    this.origins.set(path, source);
    this.disputes.push({
      id,
      topic,
      claims: claims.map((claim, k) => ({ id: claimIds[k], ...claim })),
      responses: responses.map((response, k) => ({ id: this.uniqueId(`${id}-r${k + 1}`), ...response, respondsTo: claimIds })),
    });
  }

  get size(): number {
    return this.disputes.length;
  }

  /** The dataset as JSON of our format (still to be validated). */
  build(meta: DatasetMeta, format: SourceFormat, file: string, assumptions: string[]): unknown {
    const notes = assumptions.slice(0, LIMITS.assumptions).map((note) => (note.length > LIMITS.text ? `${note.slice(0, LIMITS.text - 1)}…` : note));
    return {
      format: 'counterpoint-dataset',
      version: '1.0',
      dataset: { ...meta, source: { format, file: file.slice(0, LIMITS.shortText), assumptions: notes } },
      outlets: [...this.outlets.values()].map((outlet) => ({ id: outlet.id, name: outlet.name, domains: [...outlet.domains] })),
      articles: this.articles.map(({ id, outlet, title, published, language, url }) => ({ id, outlet, title, published, language, ...(url ? { url } : {}) })),
      disputes: this.disputes,
    };
  }

  private uniqueId(base: string): string {
    let id = base.slice(0, LIMITS.id - 8);
    for (let n = 2; this.ids.has(id); n++) id = `${base.slice(0, LIMITS.id - 8)}-${n}`;
    this.ids.add(id);
    return id;
  }
}

/** A valid id from any text: lower case letters, digits and "-", starting with a letter or digit. */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 60);
  return cleaned === '' ? `id-${hex(text)}` : cleaned;
}

/** Eight hex digits of a text's hash: short, stable ids. */
export function hex(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}
