/**
 * The claim index kept in the background: content-word n-gram hashes (the same hashes the always-on
 * script sends for a page) of every claim's and response's words — its quotes in each language and
 * its summary — in an inverted index. A page is a candidate for a claim when enough distinct
 * hashes of one of the claim's texts are on it; verification (verify.ts) decides the rest.
 */
import { addNgramHashes, contentTokens, tokenText } from '../text/tokens';

interface IndexedText {
  /** The note key of the claim or response (dataset/dispute/item). */
  key: string;
  /** How many distinct n-grams the text has. */
  size: number;
}

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
 * Postings are kept small for datasets of 100,000 claims: most n-grams belong to one text, so a
 * posting is a plain text id until a second text shares it, and only then a list.
 */
export class ClaimIndex {
  private readonly texts: IndexedText[] = [];
  private readonly byHash = new Map<number, number | number[]>();

  get size(): number {
    return this.texts.length;
  }

  /** Indexes one text of a claim (a quote in any language, or its summary). */
  add(key: string, text: string): void {
    const hashes = addNgramHashes(contentTokens(tokenText(text)), new Set());
    if (hashes.size === 0) return;
    const id = this.texts.length;
    this.texts.push({ key, size: hashes.size });
    for (const hash of hashes) {
      const posting = this.byHash.get(hash);
      if (posting === undefined) this.byHash.set(hash, id);
      else if (typeof posting === 'number') this.byHash.set(hash, [posting, id]);
      else posting.push(id);
    }
  }

  /** Claims and responses with enough of their n-grams among the page's hashes, best first. */
  candidates(pageHashes: readonly number[]): ClaimCandidate[] {
    const hits = new Map<number, number>();
    for (const hash of pageHashes) {
      const posting = this.byHash.get(hash);
      if (posting === undefined) continue;
      if (typeof posting === 'number') hits.set(posting, (hits.get(posting) ?? 0) + 1);
      else for (const id of posting) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const best = new Map<string, ClaimCandidate>();
    for (const [id, count] of hits) {
      const entry = this.texts[id]!;
      const share = count / entry.size;
      if (count < MIN_HITS || share < MIN_SHARE) continue;
      const previous = best.get(entry.key);
      if (!previous || count > previous.hits) best.set(entry.key, { key: entry.key, hits: count, share });
    }
    return [...best.values()].sort((a, b) => b.hits - a.hits || b.share - a.share);
  }
}
