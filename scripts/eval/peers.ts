/**
 * The peers the anchoring eval compares against, on the same pages and quotes.
 * - dom-anchor-text-quote: diff-match-patch bitap on the root's textContent.
 * - Hypothesis-style: the Hypothesis client's match-quote algorithm, rebuilt on approx-string-match:
 *   exact hits first, else approximate search with up to half the quote length in errors; each match
 *   scored 50 quote / 20 prefix / 20 suffix / 2 position; the best wins, with no threshold.
 */
import search from 'approx-string-match';
import * as textQuote from 'dom-anchor-text-quote';
import type { EvalQuote } from './targets';

export type Extent = [number, number];

export function domAnchorTextQuote(root: Element, quote: EvalQuote): Extent | null {
  const position = textQuote.toTextPosition(root, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
  return position ? [position.start, position.end] : null;
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

function searchQuote(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  return exact.length ? exact : search(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = searchQuote(text, str, str.length);
  return 1 - matches[0]!.errors / str.length;
}

/** Hypothesis' matchQuote on `text` (the root's textContent). */
export function hypothesisMatch(text: string, quote: EvalQuote, hint?: number): Extent | null {
  if (quote.exact.length === 0) return null;
  const maxErrors = Math.min(256, quote.exact.length / 2);
  const matches = searchQuote(text, quote.exact, maxErrors);
  if (matches.length === 0) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = quote.prefix ? textMatchScore(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix) : 1;
    const suffixScore = quote.suffix ? textMatchScore(text.slice(match.end, match.end + quote.suffix.length), quote.suffix) : 1;
    const posScore = hint === undefined ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best ? [best.start, best.end] : null;
}
