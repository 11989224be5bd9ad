/**
 * The catalog: every enabled dataset indexed for the two questions the background answers.
 * `identify`: is this page a known article (by URL, canonical URL, or as a copy of its text)?
 * `notesFor`: which notes does a known article get?
 */
import type { Article, Claim, Dataset, Dispute, Outlet, Quote, Response } from './dataset/schema';
import { containment, COPY_CONTAINMENT } from './fingerprint';
import type { ArticleHow, CounterView, IdentifiedArticle, NoteView } from './notes';
import { textFragmentLink } from './text-fragment';
import { urlKey } from './url';

export interface PageSignals {
  url: string;
  canonical: string | null;
  ogUrl: string | null;
  /** Distinct content n-gram hashes of the page text (see text/tokens). */
  hashes: readonly number[];
}

interface ArticleEntry {
  ref: string;
  dataset: Dataset;
  article: Article;
  outlet: Outlet;
  disputes: Dispute[];
}

export interface CatalogOptions {
  mutedOutlets?: ReadonlySet<string>;
}

export class Catalog {
  private readonly byUrl = new Map<string, ArticleEntry>();
  private readonly byHash = new Map<number, ArticleEntry[]>();
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly muted: ReadonlySet<string>;

  constructor(datasets: readonly Dataset[], options: CatalogOptions = {}) {
    this.muted = options.mutedOutlets ?? new Set();
    for (const dataset of datasets) this.add(dataset);
  }

  get size(): number {
    return this.articles.size;
  }

  private add(dataset: Dataset): void {
    const outlets = new Map(dataset.outlets.map((outlet) => [outlet.id, outlet]));
    const disputesOf = new Map<string, Dispute[]>();
    for (const dispute of dataset.disputes) {
      const ids = new Set([...dispute.claims, ...dispute.responses].map((item) => item.article));
      for (const id of ids) disputesOf.set(id, [...(disputesOf.get(id) ?? []), dispute]);
    }
    for (const article of dataset.articles) {
      const outlet = outlets.get(article.outlet);
      if (!outlet) continue;
      const entry: ArticleEntry = { ref: `${dataset.dataset.id}/${article.id}`, dataset, article, outlet, disputes: disputesOf.get(article.id) ?? [] };
      if (entry.disputes.length === 0) continue;
      this.articles.set(entry.ref, entry);
      for (const url of [article.url, ...article.urls]) {
        const key = url ? urlKey(url) : null;
        if (key && !this.byUrl.has(key)) this.byUrl.set(key, entry);
      }
      for (const hash of article.fingerprint?.hashes ?? []) {
        const list = this.byHash.get(hash);
        if (list) list.push(entry);
        else this.byHash.set(hash, [entry]);
      }
    }
  }

  /** The known article this page is, or null. Cheap: URL look-ups and one pass over the hashes. */
  identify(page: PageSignals): IdentifiedArticle | null {
    const direct = this.lookupUrl(page.url);
    if (direct) return this.describe(direct, 'url');
    for (const url of [page.canonical, page.ogUrl]) {
      const entry = url ? this.lookupUrl(url) : null;
      if (entry) return this.describe(entry, 'canonical');
    }
    const copy = this.bestCopy(page.hashes);
    return copy ? this.describe(copy, 'copy') : null;
  }

  private lookupUrl(url: string): ArticleEntry | null {
    const key = urlKey(url);
    return key ? (this.byUrl.get(key) ?? null) : null;
  }

  private bestCopy(hashes: readonly number[]): ArticleEntry | null {
    const hits = new Map<ArticleEntry, number>();
    for (const hash of hashes) {
      for (const entry of this.byHash.get(hash) ?? []) hits.set(entry, (hits.get(entry) ?? 0) + 1);
    }
    let best: ArticleEntry | null = null;
    let bestShare = 0;
    const pageSet = new Set(hashes);
    for (const entry of hits.keys()) {
      const share = containment(entry.article.fingerprint!, pageSet);
      if (share >= COPY_CONTAINMENT && share > bestShare) {
        best = entry;
        bestShare = share;
      }
    }
    return best;
  }

  private describe(entry: ArticleEntry, how: ArticleHow): IdentifiedArticle {
    return {
      id: entry.article.id,
      datasetId: entry.dataset.dataset.id,
      outlet: entry.outlet.name,
      outletId: entry.outlet.id,
      title: entry.article.title,
      how,
    };
  }

  /** The notes of an identified article: its claims with their responses, its responses with their claims. */
  notesFor(article: IdentifiedArticle): NoteView[] {
    const entry = this.articles.get(`${article.datasetId}/${article.id}`);
    if (!entry) return [];
    const notes: NoteView[] = [];
    const find = (id: string) => this.articles.get(`${entry.dataset.dataset.id}/${id}`);
    for (const dispute of entry.disputes) {
      const base = { dispute: dispute.id, topic: dispute.topic };
      for (const claim of dispute.claims.filter((c) => c.article === entry.article.id)) {
        const counters = dispute.responses
          .filter((r) => r.respondsTo.includes(claim.id) && r.article !== claim.article)
          .map((r) => this.counter(r, find(r.article)))
          .filter((c): c is CounterView => c !== null);
        if (counters.length) notes.push({ ...base, key: `${entry.dataset.dataset.id}/${dispute.id}/${claim.id}`, claim: claim.id, side: 'claim', quotes: claim.quotes, counters });
      }
      for (const response of dispute.responses.filter((r) => r.article === entry.article.id)) {
        const counters = dispute.claims
          .filter((c) => response.respondsTo.includes(c.id) && c.article !== response.article)
          .map((c) => this.counter(c, find(c.article)))
          .filter((c): c is CounterView => c !== null);
        if (counters.length) notes.push({ ...base, key: `${entry.dataset.dataset.id}/${dispute.id}/${response.id}`, claim: response.id, side: 'response', quotes: response.quotes, counters });
      }
    }
    return notes;
  }

  private counter(item: Claim | Response, other: ArticleEntry | undefined): CounterView | null {
    if (!other || this.muted.has(other.outlet.id)) return null;
    const { article, outlet } = other;
    return {
      outlet: outlet.name,
      outletId: outlet.id,
      articleTitle: article.title,
      published: article.published,
      stance: 'stance' in item ? item.stance : 'reported',
      summary: item.summary,
      attribution: item.attribution,
      link: linkTo(article, item.quotes),
    };
  }
}

function linkTo(article: Article, quotes: readonly Quote[]): string | null {
  const url = article.url ?? article.urls[0];
  if (!url) return null;
  const quote = quotes.find((q) => !q.language || q.language === article.language) ?? quotes[0];
  return quote ? textFragmentLink(url, quote.exact) : url;
}
