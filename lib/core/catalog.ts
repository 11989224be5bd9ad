/**
 * The catalog: every enabled dataset indexed for the two questions the background answers.
 * `identify`: is this page a known article (by URL, canonical URL, or as a copy of its text)?
 * `notesFor`: which notes does a known article get?
 * The first (and `match`) is answered by its match index (catalog-index.ts), which can also be had
 * without the datasets; the notes are read from the datasets themselves.
 */
import { CatalogIndex, disputedArticles, MAX_SIMILAR, type DisputedArticle, type PageSignals } from './catalog-index';
import type { Article, Claim, Dataset, Dispute, Quote, Response } from './dataset/schema';
import type { CounterView, IdentifiedArticle, NoteView, SimilarTexts } from './notes';
import { textFragmentLink } from './text-fragment';

export type { PageSignals };

interface ClaimEntry {
  entry: DisputedArticle;
  dispute: Dispute;
  claim: Claim;
}

export interface CatalogOptions {
  mutedOutlets?: ReadonlySet<string>;
  /**
   * The index of exactly these datasets, built before (`catalog.index`) or read back from storage:
   * the catalog then only reads the datasets for the notes, a small part of the build's work.
   * Without it, the index is built on the first look-up.
   */
  index?: CatalogIndex;
}

export class Catalog {
  private built: CatalogIndex | null;
  private readonly datasets: readonly Dataset[];
  private readonly muted: ReadonlySet<string>;
  /**
   * The datasets' disputed articles by ref, and their claims by note key (for the notes of pages the
   * datasets do not know, see similar/): made on the first notes asked for, as a catalog that only
   * matches pages never needs them (at 100k claims they are a fifth of the build and tens of MB).
   */
  private notes: { articles: Map<string, DisputedArticle>; claims: Map<string, ClaimEntry> } | null = null;

  constructor(datasets: readonly Dataset[], options: CatalogOptions = {}) {
    this.datasets = datasets;
    this.muted = options.mutedOutlets ?? new Set();
    this.built = options.index ?? null;
  }

  /**
   * What `match` and `identify` look up (see catalog-index.ts); persisted by the background. Built
   * when first wanted: a catalog made for notes alone (notes-records.ts) never needs it.
   */
  get index(): CatalogIndex {
    return (this.built ??= CatalogIndex.build(this.datasets));
  }

  /** Disputed articles (the index and the notes keep the same ones). */
  get size(): number {
    return this.index.size;
  }

  private get articles(): Map<string, DisputedArticle> {
    return (this.notes ??= this.readNotes()).articles;
  }

  private get claims(): Map<string, ClaimEntry> {
    return (this.notes ??= this.readNotes()).claims;
  }

  private readNotes(): { articles: Map<string, DisputedArticle>; claims: Map<string, ClaimEntry> } {
    const articles = new Map<string, DisputedArticle>();
    const claims = new Map<string, ClaimEntry>();
    for (const dataset of this.datasets) {
      for (const entry of disputedArticles(dataset)) if (!articles.has(entry.ref)) articles.set(entry.ref, entry);
      for (const dispute of dataset.disputes) {
        for (const claim of dispute.claims) {
          const entry = articles.get(`${dataset.dataset.id}/${claim.article}`);
          const key = `${dataset.dataset.id}/${dispute.id}/${claim.id}`;
          if (entry?.dataset === dataset && !claims.has(key)) claims.set(key, { entry, dispute, claim });
        }
      }
    }
    return { articles, claims };
  }

  private responsesTo({ dispute, claim }: ClaimEntry): Response[] {
    return dispute.responses.filter((r) => r.respondsTo.includes(claim.id));
  }

  /** The claim's words and its rebuttals' words, for verification on the page. */
  private similarTexts(found: ClaimEntry): SimilarTexts {
    const { entry, claim } = found;
    const responses = this.responsesTo(found);
    const texts = [...claim.quotes.map((q) => q.exact), claim.summary];
    const rebuttals = responses.flatMap((r) => [...r.quotes.map((q) => q.exact), r.summary]);
    const outletOf = (articleId: string) => this.articles.get(`${entry.dataset.dataset.id}/${articleId}`)?.outlet;
    const names = [entry.outlet.name, ...responses.map((r) => outletOf(r.article)?.name ?? '')].filter(Boolean);
    return { texts, rebuttals, names: [...new Set(names)] };
  }

  /** The known article this page is, or null. Cheap: URL look-ups and one pass over the hashes. */
  identify(page: PageSignals): IdentifiedArticle | null {
    return this.index.identify(page);
  }

  /**
   * `identify`, or else (`how: 'similar'`) a page the datasets do not know that may repeat claims
   * they know: its candidate claims, to be verified on the page before any note is shown.
   */
  match(page: PageSignals): IdentifiedArticle | null {
    return this.index.match(page, this.muted);
  }

  /** Candidate claims of a page taken as one the datasets do not know (see CatalogIndex.similar). */
  similar(page: PageSignals): IdentifiedArticle | null {
    return this.index.similar(page, this.muted);
  }

  /** The notes of an identified article: its claims with their responses, its responses with their claims. */
  notesFor(article: IdentifiedArticle): NoteView[] {
    if (article.how === 'similar') return this.similarNotes(article.similar ?? []);
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

  /** Candidate claims as notes to verify on the page: the claim's side, its words, its rebuttals. */
  private similarNotes(keys: readonly string[]): NoteView[] {
    const notes: NoteView[] = [];
    for (const key of keys.slice(0, MAX_SIMILAR)) {
      const found = this.claims.get(key);
      if (!found) continue;
      const { entry, dispute, claim } = found;
      const find = (id: string) => this.articles.get(`${entry.dataset.dataset.id}/${id}`);
      const counters = dispute.responses
        .filter((r) => r.respondsTo.includes(claim.id) && r.article !== claim.article)
        .map((r) => this.counter(r, find(r.article)))
        .filter((c): c is CounterView => c !== null);
      if (counters.length) notes.push({ key, claim: claim.id, dispute: dispute.id, topic: dispute.topic, side: 'claim', quotes: claim.quotes, counters, similar: this.similarTexts(found) });
    }
    return notes;
  }

  private counter(item: Claim | Response, other: DisputedArticle | undefined): CounterView | null {
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
