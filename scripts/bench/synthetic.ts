/**
 * Synthetic datasets for the scale runs, from corpus sentences. An article is eight random corpus
 * sentences "with half of their words swapped": its fingerprint is the bottom 64 of the sentences'
 * word-trigram hashes (lib/core/text/tokens, as real fingerprints), each kept with probability 1/8
 * (all three words unswapped) and otherwise replaced by a fresh random hash (a trigram with a new
 * word). So articles are distinct, as real ones are, yet share some n-grams with real pages. Quotes
 * and summaries (indexed by the claim index) are corpus sentences with half of their words swapped.
 * Shape: `claims` claims in claims/2 disputes; each dispute has one article making two claims and
 * one article answering both; every article has a URL and a fingerprint.
 */
import type { Dataset } from '../../lib/core/dataset/schema';
import { FINGERPRINT_SCHEME, FINGERPRINT_SIZE } from '../../lib/core/fingerprint';
import { textHashes } from '../../lib/core/text/tokens';

const SENTENCES_PER_ARTICLE = 8;
/** Chance that a trigram survives when half of the words are swapped: (1/2)^3. */
const KEEP = 1 / 8;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentencesOf(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z"“])/)).filter((s) => s.length >= 40 && s.length <= 400);
}

export function syntheticDataset(claims: number, sentences: readonly string[], seed = 1): Dataset {
  const next = random(seed);
  const hashesOf = sentences.map((s) => [...textHashes(s)]);
  const vocabulary = [...new Set(sentences.flatMap((s) => s.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)))];
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  /** A corpus sentence with half of its words swapped for other corpus words. */
  const swapped = () =>
    pick(sentences)
      .split(' ')
      .map((word) => (next() < 0.5 ? pick(vocabulary) : word))
      .join(' ');
  const attribution = { text: 'a synthetic source', type: 'unspecified' as const, named: false };
  const articles: Dataset['articles'] = [];
  const disputes: Dataset['disputes'] = [];
  const article = (id: string, outlet: string): Dataset['articles'][number] => {
    const picked = Array.from({ length: SENTENCES_PER_ARTICLE }, () => Math.floor(next() * sentences.length));
    const hashes = new Set<number>();
    for (const index of picked) for (const hash of hashesOf[index]!) hashes.add(next() < KEEP ? hash : Math.floor(next() * 4294967296));
    return {
      id,
      outlet,
      title: sentences[picked[0]!]!.slice(0, 60),
      published: '2020-01-01',
      language: 'en',
      url: `https://www.${outlet}.example/${id}.html`,
      urls: [],
      translations: [],
      revisions: [],
      fingerprint: { scheme: FINGERPRINT_SCHEME, hashes: [...hashes].sort((a, b) => a - b).slice(0, FINGERPRINT_SIZE) },
    };
  };
  for (let d = 0; d < Math.ceil(claims / 2); d++) {
    articles.push(article(`a${d}`, `outlet${d % 500}`), article(`r${d}`, `outlet${(d + 250) % 500}`));
    const claimIds = [`c${d}a`, `c${d}b`].slice(0, Math.min(2, claims - 2 * d));
    disputes.push({
      id: `d${d}`,
      topic: `synthetic dispute ${d}`,
      claims: claimIds.map((id) => ({ id, article: `a${d}`, summary: swapped(), attribution, quotes: [{ exact: swapped() }] })),
      responses: [{ id: `r${d}x`, article: `r${d}`, respondsTo: claimIds, stance: 'disputes', summary: swapped(), attribution, quotes: [{ exact: swapped() }] }],
    });
  }
  const outlets = Array.from({ length: 500 }, (_, i) => ({ id: `outlet${i}`, name: `Outlet ${i}`, domains: [`outlet${i}.example`], languages: ['en'] }));
  return {
    format: 'counterpoint-dataset',
    version: '1.0',
    dataset: { id: `synthetic-${claims}`, title: `Synthetic, ${claims} claims`, version: '1', publisher: 'benchmark', licence: 'CC0-1.0', updated: '2026-01-01' },
    outlets,
    articles,
    disputes,
  };
}
