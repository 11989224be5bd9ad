/**
 * The part of the catalog the background needs to answer "does this page carry disputes?" (`match`):
 * known articles by address and by text fingerprint, and claims by their words. It is kept apart
 * from the datasets themselves, as typed arrays and strings, so that it can be persisted and read
 * back when the service worker restarts (lib/platform/catalog-cache.ts, dataset-db.ts) instead of rebuilt: at 100k
 * claims the build takes seconds, while the notes (lib/core/catalog.ts) are needed only on the rare
 * page it says "maybe" to.
 */
import type { Article, Dataset, Dispute, Outlet } from './dataset/schema';
import { COPY_CONTAINMENT } from './fingerprint';
import type { IdentifiedArticle } from './notes';
import { checkedPostings, PostingsBuilder, type PackedPostings, type PostingsArrays } from './postings';
import { ClaimIndex, type ClaimIndexSnapshot } from './similar/claim-index';
import { siteKey, urlKey } from './url';

/**
 * Bumped whenever what the index holds or how it is derived from the datasets changes, so that an
 * index persisted by an older version of the code is rebuilt rather than trusted.
 */
export const INDEX_FORMAT = 2;

/**
 * A digest of everything an index holds (FNV-1a over its strings and numbers, in a fixed order). The
 * background keys a persisted index with the digest of the index that the built-in datasets give
 * under the running code, so a change to how text or addresses are hashed invalidates the stored
 * index by itself, even if nobody bumps INDEX_FORMAT.
 */
export function snapshotDigest(snapshot: CatalogIndexSnapshot): string {
  let hash = 0x811c9dc5;
  const mix = (value: number) => {
    hash = Math.imul(hash ^ (value & 0xffff), 0x01000193);
    hash = Math.imul(hash ^ (value >>> 16), 0x01000193);
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      mix(value.length);
      for (let i = 0; i < value.length; i++) mix(value.charCodeAt(i));
    } else if (typeof value === 'number') {
      mix(value);
    } else if (ArrayBuffer.isView(value)) {
      const numbers = value as unknown as ArrayLike<number>;
      mix(numbers.length);
      for (let i = 0; i < numbers.length; i++) mix(numbers[i]!);
    } else if (Array.isArray(value)) {
      mix(value.length);
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value).sort()) {
        visit(key);
        visit((value as Record<string, unknown>)[key]);
      }
    }
  };
  visit(snapshot);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

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

/** Most candidate claims one page is checked for. */
export const MAX_SIMILAR = 12;

export interface PageSignals {
  url: string;
  canonical: string | null;
  ogUrl: string | null;
  /** Distinct content n-gram hashes of the page text (see text/tokens). */
  hashes: readonly number[];
}

/** An article that is one side of a dispute, with its outlet and its disputes. */
export interface DisputedArticle {
  ref: string;
  dataset: Dataset;
  article: Article;
  outlet: Outlet;
  disputes: Dispute[];
}

/** The articles of a dataset that are a side of some dispute and whose outlet is known, in dataset order. */
export function disputedArticles(dataset: Dataset): DisputedArticle[] {
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
  const found: DisputedArticle[] = [];
  for (const article of dataset.articles) {
    const outlet = outlets.get(article.outlet);
    const disputes = disputesOf.get(article.id);
    if (outlet && disputes) found.push({ ref: `${dataset.dataset.id}/${article.id}`, dataset, article, outlet, disputes });
  }
  return found;
}

/** The index as plain data (strings, arrays of strings, typed arrays): what is persisted. */
export interface CatalogIndexSnapshot {
  format: number;
  datasetIds: string[];
  /** Outlets of the disputed articles, one entry per dataset and outlet. */
  outletIds: string[];
  outletNames: string[];
  outletDomains: string[][];
  /** Disputed articles: id, title, dataset (in datasetIds), outlet (in outlets). */
  articleIds: string[];
  articleTitles: string[];
  articleDatasets: Uint32Array;
  articleOutlets: Uint32Array;
  /** Address keys (url.ts) and the article each leads to. */
  urlKeys: string[];
  urlArticles: Uint32Array;
  /** Articles with a fingerprint, numbered for `sketches`: their article, the hits they need, their whole sketch. */
  fingerprinted: Uint32Array;
  needed: Uint8Array;
  sketchOffsets: Uint32Array;
  sketchHashes: Uint32Array;
  /** Smallest sketch hashes → fingerprinted numbers. */
  sketches: PostingsArrays;
  /** Claims, numbered as the claim index numbers their keys: the article making it, the outlets answering it (in outlets). */
  claimArticles: Uint32Array;
  responderOffsets: Uint32Array;
  responderOutlets: Uint32Array;
  claimIndex: ClaimIndexSnapshot;
}

export class CatalogIndex {
  private readonly byUrl: Map<string, number>;
  private readonly copyHits: Uint8Array;

  private constructor(
    private readonly data: CatalogIndexSnapshot,
    private readonly sketches: PackedPostings,
    private readonly claimIndex: ClaimIndex,
    /** Address keys → articles, as `build` made them (or else from urlKeys and urlArticles). */
    byUrl?: Map<string, number>,
  ) {
    if (!byUrl) {
      byUrl = new Map();
      for (let i = 0; i < data.urlKeys.length; i++) byUrl.set(data.urlKeys[i]!, data.urlArticles[i]!);
    }
    this.byUrl = byUrl;
    this.copyHits = new Uint8Array(data.fingerprinted.length);
  }

  /** Indexes the datasets (their disputed articles and their claims). */
  static build(datasets: readonly Dataset[]): CatalogIndex {
    const outletAt = new Map<string, number>();
    const outlets = { ids: [] as string[], names: [] as string[], domains: [] as string[][] };
    const outletOf = (dataset: Dataset, outlet: Outlet) => {
      const key = `${dataset.dataset.id}/${outlet.id}`;
      let at = outletAt.get(key);
      if (at === undefined) {
        at = outlets.ids.push(outlet.id) - 1;
        outlets.names.push(outlet.name);
        outlets.domains.push([...outlet.domains]);
        outletAt.set(key, at);
      }
      return at;
    };
    const disputed = datasets.map(disputedArticles);
    // Typed arrays sized for every disputed article and its whole sketch (an upper bound: a ref
    // twice is indexed once), filled in place rather than pushed to plain arrays and copied.
    let most = 0;
    let mostHashes = 0;
    for (const list of disputed) {
      most += list.length;
      for (const { article } of list) mostHashes += article.fingerprint?.hashes.length ?? 0;
    }
    const articleIds: string[] = [];
    const articleTitles: string[] = [];
    const articleDatasets = new Uint32Array(most);
    const articleOutlets = new Uint32Array(most);
    const articleAt = new Map<string, number>();
    const urls = new Map<string, number>();
    const fingerprinted = new Uint32Array(most);
    const needed = new Uint8Array(most);
    const sketchOffsets = new Uint32Array(most + 1);
    const sketchHashes = new Uint32Array(mostHashes);
    let f = 0;
    let sketchEnd = 0;
    let sorted = new Uint32Array(256);
    const sketches = new PostingsBuilder();
    const claimAt = new Set<string>();
    const claimArticles: number[] = [];
    const responderOffsets = [0];
    const responderOutlets: number[] = [];
    const claimIndex = new ClaimIndex();
    const datasetIds = datasets.map((dataset) => dataset.dataset.id);
    datasets.forEach((dataset, d) => {
      for (const { ref, article, outlet } of disputed[d]!) {
        // A ref twice (two datasets with one id) keeps the first article, as the notes do.
        if (articleAt.has(ref)) continue;
        const a = articleIds.push(article.id) - 1;
        articleAt.set(ref, a);
        articleTitles.push(article.title);
        articleDatasets[a] = d;
        articleOutlets[a] = outletOf(dataset, outlet);
        for (const url of [article.url, ...article.urls]) {
          const key = url ? urlKey(url) : null;
          if (key && !urls.has(key)) urls.set(key, a);
        }
        const hashes = article.fingerprint?.hashes ?? [];
        if (hashes.length === 0) continue;
        fingerprinted[f] = a;
        sketchHashes.set(hashes, sketchEnd);
        sketchEnd += hashes.length;
        sketchOffsets[++f] = sketchEnd;
        // Only the smallest hashes of each sketch are indexed, to find candidates; containment is then
        // measured on the whole sketch. A copy (containment ≥ 0.6) misses all 16 with odds of 0.4^16.
        // (The schema keeps hashes to 32-bit integers, so a typed array sorts them as numbers.)
        if (hashes.length > sorted.length) sorted = new Uint32Array(hashes.length);
        const smallest = sorted.subarray(0, hashes.length);
        smallest.set(hashes);
        smallest.sort();
        let indexed = 0;
        for (let i = 0; i < smallest.length && indexed < INDEXED_SKETCH; i++) {
          if (i > 0 && smallest[i] === smallest[i - 1]) continue;
          sketches.add(smallest[i]!, f - 1);
          indexed++;
        }
        needed[f - 1] = Math.min(MIN_SKETCH_HITS, Math.ceil(COPY_CONTAINMENT * indexed));
      }
      // Every claim's words (quotes and summary) into the claim index, with what `similar` needs to
      // pass it over: its outlet (muted?) and the outlets answering it (their own pages quote it).
      // A claim is numbered by its key's place in the claim index; one with no words indexed could
      // never be a candidate, and is left out.
      for (const dispute of dataset.disputes) {
        for (const claim of dispute.claims) {
          const a = articleAt.get(`${dataset.dataset.id}/${claim.article}`);
          if (a === undefined || articleDatasets[a] !== d) continue;
          const key = `${dataset.dataset.id}/${dispute.id}/${claim.id}`;
          if (claimAt.has(key)) continue;
          claimAt.add(key);
          const before = claimIndex.keyList.length;
          for (const quote of claim.quotes) claimIndex.add(key, quote.exact);
          claimIndex.add(key, claim.summary);
          if (claimIndex.keyList.length === before) continue;
          claimArticles.push(a);
          for (const response of dispute.responses) {
            if (!response.respondsTo.includes(claim.id)) continue;
            const responder = articleAt.get(`${dataset.dataset.id}/${response.article}`);
            if (responder !== undefined) responderOutlets.push(articleOutlets[responder]!);
          }
          responderOffsets.push(responderOutlets.length);
        }
      }
    });
    const articles = articleIds.length;
    // Cut to length only when something was left out (a copy), so the persisted arrays hold no slack.
    const fit = <T extends Uint32Array | Uint8Array>(array: T, length: number): T => (array.length === length ? array : (array.slice(0, length) as T));
    const data: CatalogIndexSnapshot = {
      format: INDEX_FORMAT,
      datasetIds,
      outletIds: outlets.ids,
      outletNames: outlets.names,
      outletDomains: outlets.domains,
      articleIds,
      articleTitles,
      articleDatasets: fit(articleDatasets, articles),
      articleOutlets: fit(articleOutlets, articles),
      urlKeys: [...urls.keys()],
      urlArticles: Uint32Array.from(urls.values()),
      fingerprinted: fit(fingerprinted, f),
      needed: fit(needed, f),
      sketchOffsets: fit(sketchOffsets, f + 1),
      sketchHashes: fit(sketchHashes, sketchEnd),
      sketches: sketches.build().arrays(),
      claimArticles: Uint32Array.from(claimArticles),
      responderOffsets: Uint32Array.from(responderOffsets),
      responderOutlets: Uint32Array.from(responderOutlets),
      claimIndex: claimIndex.snapshot(),
    };
    return new CatalogIndex(data, checkedPostings(data.sketches, f)!, claimIndex, urls);
  }

  /**
   * An index read back from storage, or null unless it is a whole one of this format whose every
   * reference points inside it: a damaged record is rebuilt, never searched.
   */
  static restore(value: unknown): CatalogIndex | null {
    if (typeof value !== 'object' || value === null) return null;
    const data = value as CatalogIndexSnapshot;
    if (data.format !== INDEX_FORMAT) return null;
    const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === 'string');
    const u32 = (array: unknown, length: number, below: number) => array instanceof Uint32Array && array.length === length && allBelow(array, below);
    const offsets = (array: unknown, length: number, end: number) =>
      array instanceof Uint32Array && array.length === length + 1 && array[0] === 0 && array[length] === end && ascending(array);
    const outlets = data.outletIds?.length;
    const articles = data.articleIds?.length;
    const fingerprinted = data.fingerprinted?.length;
    const claimKeys = (data.claimIndex as Partial<ClaimIndexSnapshot> | undefined)?.keys;
    const claims = Array.isArray(claimKeys) ? claimKeys.length : -1;
    const ok =
      strings(data.datasetIds) &&
      strings(data.outletIds) &&
      strings(data.outletNames) &&
      data.outletNames.length === outlets &&
      Array.isArray(data.outletDomains) &&
      data.outletDomains.length === outlets &&
      data.outletDomains.every(strings) &&
      strings(data.articleIds) &&
      strings(data.articleTitles) &&
      data.articleTitles.length === articles &&
      u32(data.articleDatasets, articles, data.datasetIds.length) &&
      u32(data.articleOutlets, articles, outlets) &&
      strings(data.urlKeys) &&
      u32(data.urlArticles, data.urlKeys.length, articles) &&
      u32(data.fingerprinted, fingerprinted, articles) &&
      data.needed instanceof Uint8Array &&
      data.needed.length === fingerprinted &&
      data.sketchHashes instanceof Uint32Array &&
      offsets(data.sketchOffsets, fingerprinted, data.sketchHashes.length) &&
      u32(data.claimArticles, claims, articles) &&
      data.responderOutlets instanceof Uint32Array &&
      u32(data.responderOutlets, data.responderOutlets.length, outlets) &&
      offsets(data.responderOffsets, claims, data.responderOutlets.length);
    if (!ok) return null;
    const sketches = checkedPostings(data.sketches, fingerprinted);
    const claimIndex = ClaimIndex.restore(data.claimIndex);
    return sketches && claimIndex ? new CatalogIndex(data, sketches, claimIndex) : null;
  }

  /** The index as plain data, for `restore` (shares its arrays: not to be changed). */
  snapshot(): CatalogIndexSnapshot {
    return this.data;
  }

  /** Disputed articles indexed. */
  get size(): number {
    return this.data.articleIds.length;
  }

  /** The known article this page is, or null. Cheap: URL look-ups and one pass over the hashes. */
  identify(page: PageSignals): IdentifiedArticle | null {
    const direct = this.lookupUrl(page.url);
    if (direct !== null) return this.describe(direct, 'url');
    for (const url of [page.canonical, page.ogUrl]) {
      const found = url ? this.lookupUrl(url) : null;
      if (found !== null) return this.describe(found, 'canonical');
    }
    const copy = this.bestCopy(page.hashes);
    return copy !== null ? this.describe(copy, 'copy') : null;
  }

  /**
   * `identify`, or else (`how: 'similar'`) a page the datasets do not know that may repeat claims
   * they know: its candidate claims, to be verified on the page before any note is shown.
   */
  match(page: PageSignals, muted: ReadonlySet<string> = new Set()): IdentifiedArticle | null {
    return this.identify(page) ?? this.similar(page, muted);
  }

  /**
   * The page taken as one the datasets do not know, which may repeat known claims: the candidate
   * claims by the claim index, except those of muted outlets and those its own site answers (the
   * rebutting outlet quotes them to dispute them).
   */
  similar(page: PageSignals, muted: ReadonlySet<string> = new Set()): IdentifiedArticle | null {
    const { data } = this;
    const site = siteKey(page.url);
    const onSite = (c: number) => {
      if (site === null) return false;
      for (let r = data.responderOffsets[c]!; r < data.responderOffsets[c + 1]!; r++) {
        if (data.outletDomains[data.responderOutlets[r]!]!.some((d) => site === d || site.endsWith(`.${d}`))) return true;
      }
      return false;
    };
    const keys: string[] = [];
    let first = -1;
    // A page sharing sentences with the datasets can have hundreds of candidates: stop at the first MAX_SIMILAR that count.
    for (const { key, at: c } of this.claimIndex.rank(page.hashes)) {
      const a = data.claimArticles[c]!;
      if (muted.has(data.outletIds[data.articleOutlets[a]!]!) || onSite(c)) continue;
      if (first < 0) first = a;
      if (keys.push(key) === MAX_SIMILAR) break;
    }
    if (first < 0) return null;
    return { id: '', datasetId: data.datasetIds[data.articleDatasets[first]!]!, outlet: '', outletId: '', title: '', how: 'similar', similar: keys };
  }

  private lookupUrl(url: string): number | null {
    const key = urlKey(url);
    return key ? (this.byUrl.get(key) ?? null) : null;
  }

  /** The fingerprinted article the page contains most of (≥ COPY_CONTAINMENT), among those with enough indexed hashes on it. */
  private bestCopy(hashes: readonly number[]): number | null {
    const { keys, ids } = this.sketches;
    const { fingerprinted, needed, sketchOffsets, sketchHashes } = this.data;
    const hits = this.copyHits;
    const touched: number[] = [];
    for (const hash of hashes) {
      for (let p = this.sketches.find(hash); p >= 0 && p < keys.length && keys[p] === hash; p++) {
        const id = ids[p]!;
        // Saturates at 255: a page repeating a hash could otherwise wrap the count around.
        if (hits[id]! < 255 && hits[id]!++ === 0) touched.push(id);
      }
    }
    let best: number | null = null;
    let bestShare = 0;
    // Only built when some article has enough hits: most pages need none.
    let pageSet: Set<number> | null = null;
    for (const id of touched) {
      const enough = hits[id]! >= needed[id]!;
      hits[id] = 0;
      if (!enough) continue;
      pageSet ??= new Set(hashes);
      const start = sketchOffsets[id]!;
      const end = sketchOffsets[id + 1]!;
      let found = 0;
      for (let h = start; h < end; h++) if (pageSet.has(sketchHashes[h]!)) found++;
      const share = end > start ? found / (end - start) : 0;
      if (share >= COPY_CONTAINMENT && share > bestShare) {
        best = fingerprinted[id]!;
        bestShare = share;
      }
    }
    return best;
  }

  private describe(a: number, how: IdentifiedArticle['how']): IdentifiedArticle {
    const { data } = this;
    const outlet = data.articleOutlets[a]!;
    return {
      id: data.articleIds[a]!,
      datasetId: data.datasetIds[data.articleDatasets[a]!]!,
      outlet: data.outletNames[outlet]!,
      outletId: data.outletIds[outlet]!,
      title: data.articleTitles[a]!,
      how,
    };
  }
}

function allBelow(array: Uint32Array, limit: number): boolean {
  for (let i = 0; i < array.length; i++) if (array[i]! >= limit) return false;
  return true;
}

function ascending(array: Uint32Array): boolean {
  for (let i = 1; i < array.length; i++) if (array[i]! < array[i - 1]!) return false;
  return true;
}
