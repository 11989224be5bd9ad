/**
 * The catalog: every enabled dataset indexed for the two questions the background answers.
 * `identify`: is this page a known article (by URL, canonical URL, or as a copy of its text)?
 * `notesFor`: which notes does a known article get?
 */
import type { Article, Claim, Dataset, Dispute, Outlet, Quote, Response } from './dataset/schema';
import { containment, COPY_CONTAINMENT } from './fingerprint';
import type { ArticleHow, CounterView, IdentifiedArticle, NoteView, SimilarTexts } from './notes';
import { PackedPostings, PostingsBuilder } from './postings';
import { ClaimIndex } from './similar/claim-index';
import { textFragmentLink } from './text-fragment';
import { siteKey, urlKey } from './url';

/** How many of an article's fingerprint hashes (its smallest) go into the candidate index. */
const INDEXED_SKETCH = 16;
/**
 * How many of its indexed hashes a page must have for an article to be checked as a copy. A copy
 * (containment ≥ 0.6 of the whole sketch) has fewer than 4 of 16 with odds under 1 in 1,000, while
 * a page that merely shares a few sentences with thousands of articles no longer has each of them
 * checked (that made the worst case lookup 40 ms at 100k claims). A sketch of 16 hashes or fewer is
 * indexed whole, and needs no more hits than containment ≥ 0.6 implies.
 */
const MIN_SKETCH_HITS = 4;

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

interface ClaimEntry {
  entry: ArticleEntry;
  dispute: Dispute;
  claim: Claim;
}

export interface CatalogOptions {
  mutedOutlets?: ReadonlySet<string>;
}

/** Most candidate claims one page is checked for. */
const MAX_SIMILAR = 12;

export class Catalog {
  private readonly byUrl = new Map<string, ArticleEntry>();
  /** Articles with a fingerprint, numbered for `byHash`: their smallest sketch hashes → their numbers. */
  private readonly fingerprinted: ArticleEntry[] = [];
  private readonly byHash: PackedPostings;
  /** Per fingerprinted article: the hits on its indexed hashes `bestCopy` needs before checking it. */
  private readonly needed: number[] = [];
  /** Indexed-hash hits per fingerprinted article during one look-up; all zero between look-ups. */
  private readonly copyHits: Uint8Array;
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly muted: ReadonlySet<string>;
  /** Claims by note key, for pages the datasets do not know (see similar/). */
  private readonly claims = new Map<string, ClaimEntry>();
  private readonly claimIndex = new ClaimIndex();

  constructor(datasets: readonly Dataset[], options: CatalogOptions = {}) {
    this.muted = options.mutedOutlets ?? new Set();
    const sketches = new PostingsBuilder();
    for (const dataset of datasets) this.add(dataset, sketches);
    this.byHash = sketches.build();
    this.copyHits = new Uint8Array(this.fingerprinted.length);
    this.claimIndex.pack();
  }

  get size(): number {
    return this.articles.size;
  }

  private add(dataset: Dataset, sketches: PostingsBuilder): void {
    const outlets = new Map(dataset.outlets.map((outlet) => [outlet.id, outlet]));
    const disputesOf = new Map<string, Dispute[]>();
    for (const dispute of dataset.disputes) {
      const ids = new Set([...dispute.claims, ...dispute.responses].map((item) => item.article));
      for (const id of ids) {
        const list = disputesOf.get(id);
        if (list) list.push(dispute);
        else disputesOf.set(id, [dispute]);
      }
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
      // Only the smallest hashes of each sketch are indexed, to find candidates; containment is then
      // measured on the whole sketch. A copy (containment ≥ 0.6) misses all 16 with odds of 0.4^16.
      const indexed = [...new Set(article.fingerprint?.hashes ?? [])].sort((a, b) => a - b).slice(0, INDEXED_SKETCH);
      if (indexed.length === 0) continue;
      const id = this.fingerprinted.push(entry) - 1;
      this.needed.push(Math.min(MIN_SKETCH_HITS, Math.ceil(COPY_CONTAINMENT * indexed.length)));
      for (const hash of indexed) sketches.add(hash, id);
    }
    this.indexClaims(dataset);
  }

  /**
   * Every claim's words (quotes and summary) into the claim index. What a candidate claim needs
   * besides (who answers it, its rebuttals' words) is looked up when it is a candidate: at 100k
   * claims, keeping it for every claim cost build time and memory.
   */
  private indexClaims(dataset: Dataset): void {
    for (const dispute of dataset.disputes) {
      for (const claim of dispute.claims) {
        const entry = this.articles.get(`${dataset.dataset.id}/${claim.article}`);
        if (!entry) continue;
        const key = `${dataset.dataset.id}/${dispute.id}/${claim.id}`;
        this.claims.set(key, { entry, dispute, claim });
        for (const quote of claim.quotes) this.claimIndex.add(key, quote.exact);
        this.claimIndex.add(key, claim.summary);
      }
    }
  }

  /** The outlet of an article of the claim's dataset (every article in a dispute is in `articles`). */
  private outletOf(claim: ClaimEntry, articleId: string): Outlet | undefined {
    return this.articles.get(`${claim.entry.dataset.dataset.id}/${articleId}`)?.outlet;
  }

  private responsesTo({ dispute, claim }: ClaimEntry): Response[] {
    return dispute.responses.filter((r) => r.respondsTo.includes(claim.id));
  }

  /** Domains of the outlets that answer the claim: their pages quote it to dispute it. */
  private responders(claim: ClaimEntry): string[] {
    return this.responsesTo(claim).flatMap((r) => this.outletOf(claim, r.article)?.domains ?? []);
  }

  /** The claim's words and its rebuttals' words, for verification on the page. */
  private similarTexts(found: ClaimEntry): SimilarTexts {
    const { entry, claim } = found;
    const responses = this.responsesTo(found);
    const texts = [...claim.quotes.map((q) => q.exact), claim.summary];
    const rebuttals = responses.flatMap((r) => [...r.quotes.map((q) => q.exact), r.summary]);
    const names = [entry.outlet.name, ...responses.map((r) => this.outletOf(found, r.article)?.name ?? '')].filter(Boolean);
    return { texts, rebuttals, names: [...new Set(names)] };
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

  /**
   * `identify`, or else (`how: 'similar'`) a page the datasets do not know that may repeat claims
   * they know: its candidate claims, to be verified on the page before any note is shown.
   */
  match(page: PageSignals): IdentifiedArticle | null {
    return this.identify(page) ?? this.similar(page);
  }

  /**
   * The page taken as one the datasets do not know, which may repeat known claims: the candidate
   * claims by the claim index, except those its own site answers (the rebutting outlet quotes them
   * to dispute them). `match` asks it only after `identify` found nothing.
   */
  similar(page: PageSignals): IdentifiedArticle | null {
    const site = siteKey(page.url);
    const onSite = (domains: readonly string[]) => site !== null && domains.some((d) => site === d || site.endsWith(`.${d}`));
    const keys: string[] = [];
    // A page sharing sentences with the datasets can have hundreds of candidates: stop at the first MAX_SIMILAR that count.
    for (const { key } of this.claimIndex.candidates(page.hashes)) {
      const claim = this.claims.get(key);
      if (!claim || this.muted.has(claim.entry.outlet.id) || onSite(this.responders(claim))) continue;
      if (keys.push(key) === MAX_SIMILAR) break;
    }
    const first = keys[0] ? this.claims.get(keys[0]) : undefined;
    if (!first) return null;
    return { id: '', datasetId: first.entry.dataset.dataset.id, outlet: '', outletId: '', title: '', how: 'similar', similar: keys };
  }

  private lookupUrl(url: string): ArticleEntry | null {
    const key = urlKey(url);
    return key ? (this.byUrl.get(key) ?? null) : null;
  }

  /** The article the page contains most of (containment ≥ COPY_CONTAINMENT), among those with enough indexed hashes on it. */
  private bestCopy(hashes: readonly number[]): ArticleEntry | null {
    const { offsets, ids } = this.byHash;
    const hits = this.copyHits;
    const touched: number[] = [];
    for (const hash of hashes) {
      const k = this.byHash.find(hash);
      if (k < 0) continue;
      for (let p = offsets[k]!; p < offsets[k + 1]!; p++) {
        const id = ids[p]!;
        // Saturates at 255: a page repeating a hash could otherwise wrap the count around.
        if (hits[id]! < 255 && hits[id]!++ === 0) touched.push(id);
      }
    }
    let best: ArticleEntry | null = null;
    let bestShare = 0;
    // Only built when some article has enough hits: most pages need none.
    let pageSet: Set<number> | null = null;
    for (const id of touched) {
      const enough = hits[id]! >= this.needed[id]!;
      hits[id] = 0;
      if (!enough) continue;
      const entry = this.fingerprinted[id]!;
      pageSet ??= new Set(hashes);
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
