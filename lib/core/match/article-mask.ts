/**
 * Which parts of a page's normalised text belong to the article Readability found. The article
 * text is walked in windows; each window is found in the page text (spaces ignored on both sides,
 * since block boundaries differ), preferring the place that continues the previous window, so a
 * teaser or "most read" box repeating a sentence elsewhere is not taken for the article.
 */
import { normalise } from '../text/normalise';

const WINDOW = 48;
const SMALL_WINDOW = 20;
const MAX_OCCURRENCES = 8;
const MAX_AGREEMENT = 2000;

export interface ArticleMask {
  /** Sorted, disjoint [start, end) intervals of the page text that are article text. */
  intervals: [number, number][];
  /** First and last article offsets (the region to search), or null when nothing matched. */
  extent: { from: number; to: number } | null;
  /** Share of [start, end) covered by article text. */
  coverage(start: number, end: number): number;
}

/** The page text without spaces, and for each of its units the index in the page text. */
export function compactWithMap(text: string): { compact: string; map: Int32Array } {
  const map = new Int32Array(text.length);
  const pieces: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 32) {
      map[n++] = i;
      continue;
    }
    if (i > runStart) pieces.push(text.slice(runStart, i));
    runStart = i + 1;
  }
  return { compact: pieces.join(''), map: map.subarray(0, n) };
}

export function articleMask(pageText: string, articleText: string): ArticleMask {
  const page = compactWithMap(pageText);
  const article = normalise(articleText).replace(/ /g, '');
  const found: [number, number][] = []; // compact page intervals
  let cursor = 0;
  let expected = -1; // where the next window would continue the previous one
  /** How far the page, from `at`, goes on agreeing with the article from `i` (capped). */
  const agreement = (at: number, i: number): number => {
    let n = 0;
    while (n < MAX_AGREEMENT && i + n < article.length && page.compact.charCodeAt(at + n) === article.charCodeAt(i + n)) n++;
    return n;
  };
  /** Where the article window at `i` is on the page: the continuation of the last window, else the occurrence that agrees longest. */
  const place = (i: number, size: number): number => {
    const window = article.slice(i, i + size);
    if (expected >= 0 && page.compact.startsWith(window, expected)) return expected;
    let best = -1;
    let bestAgreement = -1;
    let at = page.compact.indexOf(window, cursor);
    for (let k = 0; at !== -1 && k < MAX_OCCURRENCES; k++) {
      const length = agreement(at, i);
      if (length > bestAgreement) {
        best = at;
        bestAgreement = length;
      }
      at = page.compact.indexOf(window, at + 1);
    }
    return best;
  };
  for (let i = 0; i < article.length; ) {
    if (expected >= 0) {
      // Extend the current run as far as page and article agree.
      let n = 0;
      while (i + n < article.length && page.compact.charCodeAt(expected + n) === article.charCodeAt(i + n)) n++;
      if (n > 0) {
        found.push([expected, expected + n]);
        i += n;
        expected += n;
        cursor = expected;
        continue;
      }
      expected = -1;
    }
    const size = Math.min(WINDOW, article.length - i);
    if (size < SMALL_WINDOW) break;
    let at = place(i, size);
    if (at === -1) at = place(i, SMALL_WINDOW);
    if (at !== -1) expected = at;
    else i += 4; // article text not on the page (Readability's own additions): skip ahead
  }
  // To page-text intervals, merged.
  const intervals: [number, number][] = [];
  for (const [s, e] of found.sort((a, b) => a[0] - b[0])) {
    const start = page.map[s]!;
    const end = page.map[e - 1]! + 1;
    const last = intervals[intervals.length - 1];
    // Gaps of only spaces between windows are closed.
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
  }
  const extent = intervals.length ? { from: intervals[0]![0], to: intervals[intervals.length - 1]![1] } : null;
  return {
    intervals,
    extent,
    coverage(start, end) {
      if (end <= start) return 0;
      let covered = 0;
      // Binary search for the first interval ending after start.
      let lo = 0;
      let hi = intervals.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (intervals[mid]![1] <= start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < intervals.length && intervals[k]![0] < end; k++) {
        const [s, e] = intervals[k]!;
        covered += Math.min(e, end) - Math.max(s, start);
      }
      return covered / (end - start);
    },
  };
}
