/**
 * The claim index kept in the background: content-word n-gram hashes (the same hashes the always-on
 * script sends for a page) of every claim's and response's words — its quotes in each language and
 * its summary — in an inverted index. A page is a candidate for a claim when enough distinct
 * hashes of one of the claim's texts are on it; verification (verify.ts) decides the rest.
 */
import { PackedPostings, PostingsBuilder } from '../postings';
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

/**
 * Texts are numbered as added; their n-grams go into a packed index (postings.ts), packed when the
 * first page is looked up after texts were added (or on `pack`), as the catalog adds every text first.
 */
export class ClaimIndex {
  /** Per text: the note key of its claim (dataset/dispute/item), and how many distinct n-grams it has. */
  private readonly keys: string[] = [];
  private readonly sizes: number[] = [];
  private packed: PackedPostings | null = null;
  private pending: PostingsBuilder | null = null;
  /** Hits per text during one look-up, all zero between look-ups (a Map per look-up cost more on busy pages). */
  private hits = new Uint32Array(0);

  get size(): number {
    return this.keys.length;
  }

  /** Indexes one text of a claim (a quote in any language, or its summary). */
  add(key: string, text: string): void {
    const hashes = addNgramHashes(contentTokens(tokenText(text)), new Set());
    if (hashes.size === 0) return;
    const id = this.keys.length;
    this.keys.push(key);
    this.sizes.push(hashes.size);
    this.pending ??= new PostingsBuilder(this.packed ?? undefined);
    for (const hash of hashes) this.pending.add(hash, id);
  }

  /** Packs the texts added since the last look-up. */
  pack(): void {
    if (!this.pending) return;
    this.packed = this.pending.build();
    this.pending = null;
    this.hits = new Uint32Array(this.keys.length);
  }

  /** Claims and responses with enough of their n-grams among the page's hashes, best first. */
  candidates(pageHashes: readonly number[]): ClaimCandidate[] {
    this.pack();
    const index = this.packed;
    if (!index) return [];
    const { offsets, ids } = index;
    const hits = this.hits;
    // Texts in the order of their first hit, which orders candidates with equal scores.
    const touched: number[] = [];
    for (const hash of pageHashes) {
      const k = index.find(hash);
      if (k < 0) continue;
      for (let p = offsets[k]!; p < offsets[k + 1]!; p++) {
        const id = ids[p]!;
        if (hits[id]!++ === 0) touched.push(id);
      }
    }
    const best = new Map<string, ClaimCandidate>();
    for (const id of touched) {
      const count = hits[id]!;
      hits[id] = 0;
      const share = count / this.sizes[id]!;
      if (count < MIN_HITS || share < MIN_SHARE) continue;
      const key = this.keys[id]!;
      const previous = best.get(key);
      if (!previous || count > previous.hits) best.set(key, { key, hits: count, share });
    }
    return [...best.values()].sort((a, b) => b.hits - a.hits || b.share - a.share);
  }
}
