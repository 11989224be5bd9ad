/**
 * Gap-tolerant alignment of a quote against a window of page text. Every character of the quote
 * must be matched or paid for (1 per substitution or missing character), while a run of extra page
 * characters — an ad, a caption or a "related" box inserted into the passage — costs little:
 * GAP_OPEN once plus GAP_EXTEND per character. The window's text before and after the passage is free.
 */

export const GAP_OPEN = 2;
export const GAP_EXTEND = 0.04;
/** A single extra page character costs at most this (a typo is not a gap). */
const SINGLE_EXTRA = 1;

export interface Alignment {
  /** Offsets in the window of the aligned passage. */
  start: number;
  end: number;
  /** Total cost (see above). */
  cost: number;
  /** Substitutions and quote characters missing from the page: the words that changed. */
  edits: number;
  /** Extra page characters skipped inside the passage. */
  skipped: number;
  /** Window offset where the first run of skipped characters begins, and where the last one ends (-1: none). */
  firstGap: number;
  lastGapEnd: number;
}

/**
 * Best alignment of `quote` inside `window` (semi-global: free leading and trailing window text),
 * or null when either is empty. O(|quote| · |window|) time, O(|window|) memory.
 */
export function alignInWindow(quote: string, window: string): Alignment | null {
  const m = quote.length;
  const n = window.length;
  if (m === 0 || n === 0) return null;
  // Row i of H: best cost of aligning quote[0..i) ending at window position j. E: same, ending in a gap.
  // The rows live in scratch arrays shared by every call: a page aligns many windows, and fresh
  // arrays for each were most of the garbage collector's work.
  if (scratch.size < n + 1) scratch = newScratch(Math.max(n + 1, 2 * scratch.size));
  let { hPrev, hCur, sPrev, sCur, ePrev, eCur, kPrev, kCur, fPrev, fCur, cPrev, cCur } = scratch;
  hPrev.fill(0, 0, n + 1);
  ePrev.fill(0, 0, n + 1);
  kPrev.fill(0, 0, n + 1);
  fPrev.fill(-1, 0, n + 1);
  cPrev.fill(-1, 0, n + 1);
  for (let j = 0; j <= n; j++) sPrev[j] = j; // free start anywhere
  for (let i = 1; i <= m; i++) {
    const qc = quote.charCodeAt(i - 1);
    hCur[0] = i;
    sCur[0] = 0;
    eCur[0] = i;
    kCur[0] = 0;
    fCur[0] = -1;
    cCur[0] = -1;
    // Gap state carried along the row.
    let gCost = Infinity;
    let gStart = 0;
    let gEdits = 0;
    let gSkip = 0;
    let gFirst = -1;
    for (let j = 1; j <= n; j++) {
      // Extend or open a gap of extra page characters ending at j.
      const openCost = hCur[j - 1]! + GAP_OPEN + GAP_EXTEND;
      const extendCost = gCost + GAP_EXTEND;
      if (openCost <= extendCost) {
        gCost = openCost;
        gStart = sCur[j - 1]!;
        gEdits = eCur[j - 1]!;
        gSkip = kCur[j - 1]! + 1;
        gFirst = fCur[j - 1] === -1 ? j - 1 : fCur[j - 1]!;
      } else {
        gCost = extendCost;
        gSkip += 1;
      }
      const sub = hPrev[j - 1]! + (qc === window.charCodeAt(j - 1) ? 0 : 1);
      const del = hPrev[j]! + 1;
      // A lone extra character (typo) as a cheap alternative to opening a gap.
      const single = hCur[j - 1]! + SINGLE_EXTRA;
      let best = sub;
      let start = sPrev[j - 1]!;
      let edits = ePrev[j - 1]! + (qc === window.charCodeAt(j - 1) ? 0 : 1);
      let skip = kPrev[j - 1]!;
      let first = fPrev[j - 1]!;
      let gapEnd = cPrev[j - 1]!;
      if (del < best) {
        best = del;
        start = sPrev[j]!;
        edits = ePrev[j]! + 1;
        skip = kPrev[j]!;
        first = fPrev[j]!;
        gapEnd = cPrev[j]!;
      }
      if (single < best) {
        best = single;
        start = sCur[j - 1]!;
        edits = eCur[j - 1]! + 1;
        skip = kCur[j - 1]!;
        first = fCur[j - 1]!;
        gapEnd = cCur[j - 1]!;
      }
      if (gCost < best) {
        best = gCost;
        start = gStart;
        edits = gEdits;
        skip = gSkip;
        first = gFirst;
        gapEnd = j;
      }
      hCur[j] = best;
      sCur[j] = start;
      eCur[j] = edits;
      kCur[j] = skip;
      fCur[j] = first;
      cCur[j] = gapEnd;
    }
    [hPrev, hCur] = [hCur, hPrev];
    [sPrev, sCur] = [sCur, sPrev];
    [ePrev, eCur] = [eCur, ePrev];
    [kPrev, kCur] = [kCur, kPrev];
    [fPrev, fCur] = [fCur, fPrev];
    [cPrev, cCur] = [cCur, cPrev];
  }
  let bestJ = 1;
  for (let j = 2; j <= n; j++) if (hPrev[j]! < hPrev[bestJ]!) bestJ = j;
  return { start: sPrev[bestJ]!, end: bestJ, cost: hPrev[bestJ]!, edits: ePrev[bestJ]!, skipped: kPrev[bestJ]!, firstGap: fPrev[bestJ]!, lastGapEnd: cPrev[bestJ]! };
}

/**
 * A gap this long with fewer than MIN_EDGE_RUN window characters beyond it, at an edge of the
 * passage, is dropped when aligning without it costs at most EDGE_COST more: the far part bought
 * little (an inserted box before the last words buys their whole length).
 */
const LONG_GAP = 16;
const MIN_EDGE_RUN = 32;
const EDGE_COST = 3;
const WORD = /[\p{L}\p{N}]/u;

/**
 * `alignInWindow`, without reaching across a long gap for a few characters at either end: an edited
 * first or last word can be matched by the same word further off, and the passage then takes in all
 * the text between. Such an end is aligned again without the far part, and edits pay for the word.
 */
export function alignPassage(quote: string, window: string): Alignment | null {
  let aligned = alignInWindow(quote, window);
  // Only a gap between two words of the quote (its index there estimated by the characters beyond
  // the gap): one splitting a word is an insertion inside it, whose far part the quote needs.
  const betweenWords = (at: number) => !WORD.test(quote[at - 1] ?? '') || !WORD.test(quote[at] ?? '');
  if (aligned && aligned.skipped >= LONG_GAP && aligned.firstGap - aligned.start < MIN_EDGE_RUN && betweenWords(aligned.firstGap - aligned.start)) {
    aligned = withoutEdgeGap(aligned, shifted(alignInWindow(quote, window.slice(aligned.firstGap)), aligned.firstGap));
  }
  if (aligned && aligned.skipped >= LONG_GAP && aligned.end - aligned.lastGapEnd < MIN_EDGE_RUN && betweenWords(quote.length - (aligned.end - aligned.lastGapEnd))) {
    aligned = withoutEdgeGap(aligned, alignInWindow(quote, window.slice(0, aligned.lastGapEnd)));
  }
  return aligned;
}

/** The alignment without the edge gap when it no longer crosses a long gap (one elsewhere may be what left few characters beyond a short one) and costs little more. */
function withoutEdgeGap(aligned: Alignment, again: Alignment | null): Alignment {
  return again && again.skipped <= aligned.skipped - LONG_GAP && again.cost <= aligned.cost + EDGE_COST ? again : aligned;
}

function shifted(alignment: Alignment | null, by: number): Alignment | null {
  if (!alignment) return null;
  const move = (at: number) => (at === -1 ? -1 : at + by);
  return { ...alignment, start: alignment.start + by, end: alignment.end + by, firstGap: move(alignment.firstGap), lastGapEnd: move(alignment.lastGapEnd) };
}

function newScratch(size: number) {
  return {
    size,
    hPrev: new Float64Array(size),
    hCur: new Float64Array(size),
    sPrev: new Int32Array(size),
    sCur: new Int32Array(size),
    ePrev: new Int32Array(size),
    eCur: new Int32Array(size),
    kPrev: new Int32Array(size),
    kCur: new Int32Array(size),
    fPrev: new Int32Array(size),
    fCur: new Int32Array(size),
    cPrev: new Int32Array(size),
    cCur: new Int32Array(size),
  };
}

let scratch = newScratch(1024);

/** Longest pattern `approximateEnds` takes: one 32-bit word. */
export const MAX_BIT_PATTERN = 32;
/** Pattern bit masks by UTF-16 unit, shared and cleared after each search. */
const peq = new Int32Array(65536);

/**
 * Where `pattern` (at most 32 units) ends in `text[from, to)` with at most `maxErrors` edits:
 * Myers' bit-parallel edit distance, free start anywhere. One end is reported for each run of
 * consecutive ends (the one with fewest errors), with its errors. Ends only: the matching engine needs a guess of
 * where the passage is, not the exact start of every near-miss, and computing starts is most of the
 * cost of a general approximate search.
 */
export function approximateEnds(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): { end: number; errors: number }[] {
  const m = pattern.length;
  if (m === 0 || m > MAX_BIT_PATTERN) throw new RangeError('pattern must have 1 to 32 units');
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)]! |= 1 << i;
  const last = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  const ends: { end: number; errors: number }[] = [];
  let runBest = -1;
  let runScore = Infinity;
  for (let j = from; j < to; j++) {
    const eq = peq[text.charCodeAt(j)]!;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= maxErrors) {
      if (score < runScore) {
        runScore = score;
        runBest = j + 1;
      }
    } else if (runBest !== -1) {
      ends.push({ end: runBest, errors: runScore });
      runBest = -1;
      runScore = Infinity;
    }
  }
  if (runBest !== -1) ends.push({ end: runBest, errors: runScore });
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0;
  return ends;
}

/** Similarity 0..1 of two short strings aligned end to end (for prefix and suffix context). */
export function contextSimilarity(expected: string, actual: string, anchorAtEnd: boolean): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  // Compare the parts nearest the passage: the end of a prefix, the start of a suffix.
  const a = anchorAtEnd ? reverse(expected) : expected;
  const b = anchorAtEnd ? reverse(actual) : actual;
  return 1 - prefixEditDistance(a, b) / a.length;
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** Edit distance between `a` and the best-matching prefix of `b` (b's tail is free). */
function prefixEditDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}
