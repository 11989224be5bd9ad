/**
 * The claim index kept in the background: content-word n-gram hashes (the same hashes the always-on
 * script sends for a page) of every claim's and response's words — its quotes in each language and
 * its summary — in an inverted index. A page is a candidate for a claim when enough distinct
 * hashes of one of the claim's texts are on it; verification (verify.ts) decides the rest.
 */
import { checkedPostings, PackedPostings, PostingsBuilder, type PostingsArrays } from '../postings';
import { addNgramHashes, contentTokens, tokenText } from '../text/tokens';

export interface ClaimCandidate {
  key: string;
  /** Most distinct hashes of one of its texts found on the page. */
  hits: number;
  /** That text's share of hashes found. */
  share: number;
}

/** A text needs this many distinct n-grams on the page, and this share of its own, to be a candidate. */
export const MIN_HITS = 2;
export const MIN_SHARE = 0.08;

/** What a packed claim index is made of, to be persisted and read back (see `ClaimIndex.restore`). */
export interface ClaimIndexSnapshot {
  /** Note keys, each once per run of texts added under it. */
  keys: string[];
  /** Per text: its key's place in `keys`, and its count of distinct n-grams. */
  textKeys: Uint32Array;
  sizes: Uint32Array;
  postings: PostingsArrays;
}

/**
 * Texts are numbered as added; their n-grams go into a packed index (postings.ts), packed when the
 * first page is looked up after texts were added (or on `pack`), as the catalog adds every text first.
 */
export class ClaimIndex {
  /** Note keys of claims (dataset/dispute/item); the texts of one claim, added in a row, share one. */
  private keys: string[] = [];
  /** Per text: its key's place in `keys`, and how many distinct n-grams it has. */
  private textKeys: number[] | Uint32Array = [];
  private sizes: number[] | Uint32Array = [];
  private packed: PackedPostings | null = null;
  private pending: PostingsBuilder | null = null;
  /** `keys` as handed out by the last snapshot. */
  private sharedKeys: string[] | null = null;
  /** Hits per text during one look-up, all zero between look-ups (a Map per look-up cost more on busy pages). */
  private hits = new Uint32Array(0);

  /** How many texts are indexed. */
  get size(): number {
    return this.sizes.length;
  }

  /** A packed index read back from storage, or null if the snapshot is not a whole, consistent one. */
  static restore(value: unknown): ClaimIndex | null {
    if (typeof value !== 'object' || value === null) return null;
    const { keys, textKeys, sizes, postings } = value as Partial<ClaimIndexSnapshot>;
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) return null;
    if (!(textKeys instanceof Uint32Array && sizes instanceof Uint32Array) || textKeys.length !== sizes.length) return null;
    for (let t = 0; t < textKeys.length; t++) if (textKeys[t]! >= keys.length || sizes[t] === 0) return null;
    const packed = checkedPostings(postings, sizes.length);
    if (!packed) return null;
    const index = new ClaimIndex();
    index.keys = keys;
    index.sharedKeys = keys;
    index.textKeys = textKeys;
    index.sizes = sizes;
    index.packed = packed;
    index.hits = new Uint32Array(sizes.length);
    return index;
  }

  /** The packed index as plain data (typed arrays and strings), for `restore`; shares its arrays (not to be changed). */
  snapshot(): ClaimIndexSnapshot {
    this.pack();
    const postings = this.packed?.arrays() ?? { keys: new Uint32Array(0), ids: new Uint32Array(0) };
    this.sharedKeys = this.keys;
    const typed = (array: number[] | Uint32Array) => (array instanceof Uint32Array ? array : Uint32Array.from(array));
    return { keys: this.keys, textKeys: typed(this.textKeys), sizes: typed(this.sizes), postings };
  }

  /** The note keys, each once per run of texts added under it: what `rank` numbers them by. */
  get keyList(): readonly string[] {
    return this.keys;
  }

  /** Indexes one text of a claim (a quote in any language, or its summary). */
  add(key: string, text: string): void {
    const hashes = addNgramHashes(contentTokens(tokenText(text)), new Set());
    if (hashes.size === 0) return;
    // Restored arrays are typed and fixed in length: back to plain ones to add to them.
    const sizes = Array.isArray(this.sizes) ? this.sizes : [...this.sizes];
    const textKeys = Array.isArray(this.textKeys) ? this.textKeys : [...this.textKeys];
    const id = sizes.length;
    if (this.keys[this.keys.length - 1] !== key) {
      // A snapshot taken before holds the list as it was.
      if (this.keys === this.sharedKeys) this.keys = [...this.keys];
      this.keys.push(key);
    }
    textKeys.push(this.keys.length - 1);
    sizes.push(hashes.size);
    this.sizes = sizes;
    this.textKeys = textKeys;
    this.pending ??= new PostingsBuilder(this.packed ?? undefined);
    for (const hash of hashes) this.pending.add(hash, id);
  }

  /** Packs the texts added since the last look-up. */
  pack(): void {
    if (!this.pending) return;
    this.packed = this.pending.build();
    this.pending = null;
    // Typed from now on: half the memory of plain arrays, and what a snapshot holds (no copy).
    this.textKeys = Uint32Array.from(this.textKeys);
    this.sizes = Uint32Array.from(this.sizes);
    this.hits = new Uint32Array(this.sizes.length);
  }

  /** Claims and responses with enough of their n-grams among the page's hashes, best first. */
  candidates(pageHashes: readonly number[]): ClaimCandidate[] {
    return this.rank(pageHashes).map(({ key, hits, share }) => ({ key, hits, share }));
  }

  /** `candidates`, each with the place of its key in `keyList` (of the best of its texts). */
  rank(pageHashes: readonly number[]): (ClaimCandidate & { at: number })[] {
    this.pack();
    const index = this.packed;
    if (!index) return [];
    const { keys, ids } = index;
    const hits = this.hits;
    // Texts in the order of their first hit, which orders candidates with equal scores.
    const touched: number[] = [];
    for (const hash of pageHashes) {
      for (let p = index.find(hash); p >= 0 && p < keys.length && keys[p] === hash; p++) {
        const id = ids[p]!;
        if (hits[id]!++ === 0) touched.push(id);
      }
    }
    const best = new Map<string, ClaimCandidate & { at: number }>();
    for (const id of touched) {
      const count = hits[id]!;
      hits[id] = 0;
      const share = count / this.sizes[id]!;
      if (count < MIN_HITS || share < MIN_SHARE) continue;
      const at = this.textKeys[id]!;
      const key = this.keys[at]!;
      const previous = best.get(key);
      if (!previous || count > previous.hits) best.set(key, { key, hits: count, share, at });
    }
    return [...best.values()].sort((a, b) => b.hits - a.hits || b.share - a.share);
  }
}
