/**
 * Finding a quote in normalised text. Exact search after normalisation; each occurrence is scored
 * by how well the quote's prefix and suffix agree with the text around it — around it in the page,
 * or in the running text with pull quotes, asides and figures left out, whichever agrees better: a
 * pull quote set between a sentence and its neighbour must not cost the sentence its context.
 * Tolerant (approximate) search is layered on top of this by the matching engine.
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

/** A span [from, to) of normalised text set apart from the running text (a pull quote, aside or figure). */
export interface Span {
  from: number;
  to: number;
}

/** Every exact occurrence of the quote in `haystack` (already normalised), best context first. `apart`: set-apart spans, in order. */
export function findQuote(haystack: string, quote: Quote, apart: readonly Span[] = []): QuoteHit[] {
  const exact = normalise(quote.exact);
  if (exact.length === 0) return [];
  const prefix = normalise(quote.prefix ?? '');
  const suffix = normalise(quote.suffix ?? '');
  const hits: QuoteHit[] = [];
  for (let at = haystack.indexOf(exact); at !== -1; at = haystack.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    let context = contextScore(haystack.slice(Math.max(0, at - prefix.length - 1), at), haystack.slice(end, end + suffix.length + 1), prefix, suffix);
    if (context < 1 && apart.length > 0 && !inSpan(apart, at)) {
      const before = runningBefore(haystack, at, prefix.length + 1, apart);
      const after = runningAfter(haystack, end, suffix.length + 1, apart);
      context = Math.max(context, contextScore(before, after, prefix, suffix));
    }
    // A short quote is anchored only where its recorded context agrees; with none recorded, nowhere.
    if (exact.length < MIN_QUOTE_LENGTH && (!(prefix || suffix) || context < 0.5)) continue;
    hits.push({ start: at, end, context });
  }
  return hits.sort((a, b) => b.context - a.context || a.start - b.start);
}

/** Whether `offset` lies in one of the spans. */
export function inSpan(spans: readonly Span[], offset: number): boolean {
  return spans.some((span) => offset >= span.from && offset < span.to);
}

/** Up to `length` characters of the running text that end at `at`, set-apart spans left out. */
export function runningBefore(text: string, at: number, length: number, apart: readonly Span[]): string {
  const pieces: string[] = [];
  let need = length;
  let pos = at;
  let i = apart.length - 1;
  while (need > 0 && pos > 0) {
    while (i >= 0 && apart[i]!.from >= pos) i--;
    const span = apart[i];
    if (span && span.to >= pos) {
      pos = span.from; // the text just before pos is set apart: jump over it
      continue;
    }
    const from = Math.max(span ? span.to : 0, pos - need);
    const piece = text.slice(from, pos);
    pieces.unshift(piece);
    if (piece.trim()) need -= pos - from; // the space left between two set-apart blocks is no context
    pos = from;
  }
  return pieces.join(' ').replace(/ {2,}/g, ' ');
}

/** Up to `length` characters of the running text that start at `at`, set-apart spans left out. */
export function runningAfter(text: string, at: number, length: number, apart: readonly Span[]): string {
  const pieces: string[] = [];
  let need = length;
  let pos = at;
  let j = 0;
  while (need > 0 && pos < text.length) {
    while (j < apart.length && apart[j]!.to <= pos) j++;
    const span = apart[j];
    if (span && span.from <= pos) {
      pos = span.to;
      continue;
    }
    const to = Math.min(span ? span.from : text.length, pos + need);
    const piece = text.slice(pos, to);
    pieces.push(piece);
    if (piece.trim()) need -= to - pos;
    pos = to;
  }
  return pieces.join(' ').replace(/ {2,}/g, ' ');
}

/** Agreement of the prefix with the end of `before` and of the suffix with the start of `after`. */
function contextScore(before: string, after: string, prefix: string, suffix: string): number {
  if (!prefix && !suffix) return 1;
  let score = 0;
  let weight = 0;
  if (prefix) {
    weight += prefix.length;
    score += commonSuffixLength(before.trimEnd(), prefix.trimEnd());
  }
  if (suffix) {
    weight += suffix.length;
    score += commonPrefixLength(after.trimStart(), suffix.trimStart());
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
