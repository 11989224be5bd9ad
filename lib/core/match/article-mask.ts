/**
 * Which parts of a page's normalised text belong to the article Readability found. The article
 * text is walked in windows; each window is found in the page text (spaces ignored on both sides,
 * since block boundaries differ), preferring the place that continues the previous window, so a
 * teaser or "most read" box repeating a sentence elsewhere is not taken for the article.
 */
import { normalise } from '../text/normalise';

const WINDOW = 48;
const SMALL_WINDOW = 20;
const MAX_OCCURRENCES = 6;

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
  const place = (window: string, next: string | null): number => {
    if (expected >= 0 && page.compact.startsWith(window, expected)) return expected;
    let first = -1;
    let at = page.compact.indexOf(window, cursor);
    for (let k = 0; at !== -1 && k < MAX_OCCURRENCES; k++) {
      if (first === -1) first = at;
      if (next === null || page.compact.startsWith(next.slice(0, SMALL_WINDOW), at + window.length)) return at;
      at = page.compact.indexOf(window, at + 1);
    }
    return first;
  };
  for (let i = 0; i < article.length; ) {
    const size = Math.min(WINDOW, article.length - i);
    const window = article.slice(i, i + size);
    const next = i + size < article.length ? article.slice(i + size, i + size + WINDOW) : null;
    let at = size >= SMALL_WINDOW ? place(window, next) : -1;
    if (at !== -1) {
      found.push([at, at + size]);
      cursor = at + size;
      expected = cursor;
      i += size;
      continue;
    }
    // Not found whole (an edit, or a block boundary Readability handled differently): smaller pieces.
    at = size >= SMALL_WINDOW ? place(window.slice(0, SMALL_WINDOW), null) : -1;
    if (at !== -1) {
      found.push([at, at + SMALL_WINDOW]);
      cursor = at + SMALL_WINDOW;
      expected = cursor;
      i += SMALL_WINDOW;
    } else {
      expected = -1;
      i += Math.max(1, Math.floor(SMALL_WINDOW / 2));
    }
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
