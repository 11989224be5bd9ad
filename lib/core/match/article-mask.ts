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

/** A text without its spaces, and the way back from an offset in it to one in the text. */
export interface Compacted {
  compact: string;
  /** Index in the text of the compact string's unit `i`. */
  toText(i: number): number;
}

/**
 * Built from the spaces alone (found natively, one step per space), not unit by unit: this runs
 * cold, once per page, on every unit of the page text.
 */
export function compactText(text: string): Compacted {
  // For each space, how many non-space units precede it: compact unit i sits after every space
  // whose count is at most i.
  const before: number[] = [];
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) before.push(at - before.length);
  return {
    compact: before.length ? text.replace(/ /g, '') : text,
    toText(i) {
      let lo = 0;
      let hi = before.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before[mid]! <= i) lo = mid + 1;
        else hi = mid;
      }
      return i + lo;
    },
  };
}

/**
 * How far `a` from `i` and `b` from `j` agree, at most `cap` units. Compared a chunk at a time by
 * the engine (galloping, then halving to where they part) rather than unit by unit in script:
 * the article usually agrees with the page for thousands of units at a stretch.
 */
export function agreement(a: string, i: number, b: string, j: number, cap: number): number {
  const limit = Math.max(0, Math.min(cap, a.length - i, b.length - j));
  const same = (from: number, size: number) => a.startsWith(b.slice(j + from, j + from + size), i + from);
  let n = 0;
  let step = 16;
  while (n + step <= limit && same(n, step)) {
    n += step;
    step *= 2;
  }
  // They part (or the limit falls) within [n, n + step).
  while (step > 1) {
    step >>= 1;
    if (n + step <= limit && same(n, step)) n += step;
  }
  return n;
}

export function articleMask(pageText: string, articleText: string): ArticleMask {
  const page = compactText(pageText);
  const article = normalise(articleText).replace(/ /g, '');
  const found: [number, number][] = []; // compact page intervals
  let cursor = 0;
  let expected = -1; // where the next window would continue the previous one
  /** Where the article window at `i` is on the page: the continuation of the last window, else the occurrence that agrees longest. */
  const place = (i: number, size: number): number => {
    const window = article.slice(i, i + size);
    if (expected >= 0 && page.compact.startsWith(window, expected)) return expected;
    let best = -1;
    let bestAgreement = -1;
    let at = page.compact.indexOf(window, cursor);
    for (let k = 0; at !== -1 && k < MAX_OCCURRENCES; k++) {
      const length = agreement(page.compact, at, article, i, MAX_AGREEMENT);
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
      const n = agreement(page.compact, expected, article, i, Infinity);
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
    const start = page.toText(s);
    const end = page.toText(e - 1) + 1;
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
