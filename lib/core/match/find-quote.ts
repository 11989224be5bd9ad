/**
 * Finding a quote in normalised text. Exact search after normalisation; each occurrence is scored
 * by how well the quote's prefix and suffix agree with the text around it. Tolerant (approximate)
 * search is layered on top of this by the matching engine.
 */
import type { Quote } from '../dataset/schema';
import { normalise } from '../text/normalise';

export interface QuoteHit {
  start: number;
  end: number;
  /** 0..1: how much of the prefix and suffix context agrees (1 when the quote has none). */
  context: number;
}

/** Quotes shorter than this (normalised) are too common to anchor without agreeing context. */
export const MIN_QUOTE_LENGTH = 12;

/** Every exact occurrence of the quote in `haystack` (already normalised), best context first. */
export function findQuote(haystack: string, quote: Quote): QuoteHit[] {
  const exact = normalise(quote.exact);
  if (exact.length === 0) return [];
  const prefix = normalise(quote.prefix ?? '');
  const suffix = normalise(quote.suffix ?? '');
  const hits: QuoteHit[] = [];
  for (let at = haystack.indexOf(exact); at !== -1; at = haystack.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const context = contextScore(haystack, at, end, prefix, suffix);
    // A short quote is anchored only where its recorded context agrees; with none recorded, nowhere.
    if (exact.length < MIN_QUOTE_LENGTH && (!(prefix || suffix) || context < 0.5)) continue;
    hits.push({ start: at, end, context });
  }
  return hits.sort((a, b) => b.context - a.context || a.start - b.start);
}

function contextScore(haystack: string, start: number, end: number, prefix: string, suffix: string): number {
  if (!prefix && !suffix) return 1;
  let score = 0;
  let weight = 0;
  if (prefix) {
    weight += prefix.length;
    score += commonSuffixLength(haystack.slice(Math.max(0, start - prefix.length - 1), start).trimEnd(), prefix.trimEnd());
  }
  if (suffix) {
    weight += suffix.length;
    score += commonPrefixLength(haystack.slice(end, end + suffix.length + 1).trimStart(), suffix.trimStart());
  }
  return weight ? Math.min(1, score / weight) : 1;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
