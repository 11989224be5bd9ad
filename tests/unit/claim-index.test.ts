import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimIndex, MIN_HITS, MIN_SHARE, type ClaimCandidate } from '../../lib/core/similar/claim-index';
import { addNgramHashes, contentTokens, textHashes, tokenText } from '../../lib/core/text/tokens';

/** The candidates by the plain definition: every text, its distinct n-grams found on the page, best text per key. */
function reference(texts: readonly (readonly [string, string])[], page: readonly number[]): ClaimCandidate[] {
  const best = new Map<string, ClaimCandidate>();
  const scored = texts
    .map(([key, text]) => ({ key, hashes: addNgramHashes(contentTokens(tokenText(text)), new Set<number>()) }))
    .filter((t) => t.hashes.size > 0)
    .map((t) => ({ ...t, hits: page.filter((h) => t.hashes.has(h)).length, first: page.findIndex((h) => t.hashes.has(h)) }))
    .filter((t) => t.hits > 0);
  // Ties keep the order in which the page's hashes first reach each text (then the order added).
  scored.sort((a, b) => a.first - b.first);
  for (const { key, hashes, hits } of scored) {
    const share = hits / hashes.size;
    if (hits < MIN_HITS || share < MIN_SHARE) continue;
    const previous = best.get(key);
    if (!previous || hits > previous.hits) best.set(key, { key, hits, share });
  }
  return [...best.values()].sort((a, b) => b.hits - a.hits || b.share - a.share);
}

const WORDS = ['china', 'security', 'data', 'firms', 'pledge', 'users', 'store', 'country', 'harm', 'promise', 'market', 'police', 'records', 'violent', 'cinema'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 14 }).map((words) => words.join(' '));

describe('ClaimIndex', () => {
  it('returns the same candidates, in the same order, as the plain definition on random texts and pages', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), sentence), { maxLength: 20 }), sentence, sentence, (texts, pageA, pageB) => {
        const index = new ClaimIndex();
        for (const [key, text] of texts) index.add(key, text);
        for (const text of [pageA, `${pageA} ${pageB}`]) {
          const page = [...textHashes(text)];
          expect(index.candidates(page)).toEqual(reference(texts, page));
        }
      }),
    );
  });

  it('can be added to after a look-up', () => {
    const index = new ClaimIndex();
    index.add('a', 'the cinema gunman had a violent past according to police records');
    const page = [...textHashes('The cinema gunman had a violent past, police records show. Firms must store Chinese user data within the country.')];
    expect(index.candidates(page).map((c) => c.key)).toEqual(['a']);
    index.add('b', 'firms must store chinese user data within the country and never harm security');
    expect(index.candidates(page).map((c) => c.key).sort()).toEqual(['a', 'b']);
    expect(index.size).toBe(2);
  });

  it('leaves no count behind between look-ups', () => {
    const index = new ClaimIndex();
    index.add('a', 'the cinema gunman had a violent past according to police records');
    const page = [...textHashes('the cinema gunman had a violent past')];
    const first = index.candidates(page);
    expect(index.candidates(page)).toEqual(first);
    expect(index.candidates([])).toEqual([]);
  });
});
