/**
 * The claim index kept in the background: content-word n-gram hashes (the same hashes the always-on
 * script sends for a page) of every claim's and response's words — its quotes in each language and
 * its summary — in an inverted index. A page is a candidate for a claim when enough distinct
 * hashes of one of the claim's texts are on it; verification (verify.ts) decides the rest.
 */
import { addNgramHashes, contentTokens, tokenText } from '../text/tokens';

export interface IndexedText {
  /** The note key of the claim or response (dataset/dispute/item). */
  key: string;
  text: string;
  /** The quote's language, or null (a summary is in the dataset's language). */
  language: string | null;
  hashes: number[];
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

export class ClaimIndex {
  private readonly texts: IndexedText[] = [];
  private readonly byHash = new Map<number, number[]>();

  get size(): number {
    return this.texts.length;
  }

  add(key: string, text: string, language: string | null): void {
    const hashes = [...addNgramHashes(contentTokens(tokenText(text)), new Set())];
    if (hashes.length === 0) return;
    const id = this.texts.length;
    this.texts.push({ key, text, language, hashes });
    for (const hash of hashes) {
      const list = this.byHash.get(hash);
      if (list) list.push(id);
      else this.byHash.set(hash, [id]);
    }
  }

  /** Claims and responses with enough of their n-grams among the page's hashes, best first. */
  candidates(pageHashes: readonly number[]): ClaimCandidate[] {
    const hits = new Map<number, number>();
    for (const hash of pageHashes) {
      const ids = this.byHash.get(hash);
      if (!ids) continue;
      for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    const best = new Map<string, ClaimCandidate>();
    for (const [id, count] of hits) {
      const entry = this.texts[id]!;
      const share = count / entry.hashes.length;
      if (count < MIN_HITS || share < MIN_SHARE) continue;
      const previous = best.get(entry.key);
      if (!previous || count > previous.hits) best.set(entry.key, { key: entry.key, hits: count, share });
    }
    return [...best.values()].sort((a, b) => b.hits - a.hits || b.share - a.share);
  }
}
