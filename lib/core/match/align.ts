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

/**
 * The DP counts in whole units of GAP_EXTEND, so its sums are exact integers (ties are true ties,
 * not rounding noise) and the rows are Int32Arrays: 1 per extended gap character, 25 per edit.
 */
const UNIT = Math.round(1 / GAP_EXTEND);
const EDIT_UNITS = UNIT;
const SINGLE_UNITS = Math.round(SINGLE_EXTRA * UNIT);
const OPEN_UNITS = Math.round((GAP_OPEN + GAP_EXTEND) * UNIT);
const EXTEND_UNITS = 1;
/** Larger than any real cost, small enough that adding to it stays a 32-bit integer. */
const NO_GAP = 0x3fffffff;

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

/** Moves recorded per cell for the traceback: how the cell's best cost was reached. */
const SUB = 0;
const DEL = 1;
const SINGLE = 2;
const GAP = 3;
/** Bit set when the gap state at the cell opened a gap there (else it extended one). */
const OPENED = 4;

/**
 * Best alignment of `quote` inside `window` (semi-global: free leading and trailing window text),
 * or null when either is empty or the best costs more than `maxCost`. O(|quote| · |window|) time:
 * one pass fills the costs (two rows) and a byte per cell saying which move won; the passage's
 * start, edits and gaps are read back along the winning moves, not carried through every cell
 * (that was six arrays per row).
 */
export function alignInWindow(quote: string, window: string, maxCost = Infinity): Alignment | null {
  const m = quote.length;
  const n = window.length;
  if (m === 0 || n === 0) return null;
  const moves = movesFor(m * n);
  // In units, rounded down: a cost over it is over maxCost (costs are whole units).
  const last = fillCosts(quote, window, moves, Math.min(NO_GAP, Math.floor(maxCost * UNIT + 1e-9)));
  if (!last) return null;
  let bestJ = 1;
  for (let j = 2; j <= n; j++) if (last[j]! < last[bestJ]!) bestJ = j;
  return traceBack(moves, m, n, bestJ, last[bestJ]!, quote, window);
}

let moveScratch = new Uint8Array(1 << 16);
let rowA = new Int32Array(1024);
let rowB = new Int32Array(1024);
let windowUnits = new Uint16Array(1024);

function movesFor(cells: number): Uint8Array {
  if (moveScratch.length < cells) moveScratch = new Uint8Array(Math.max(cells, 2 * moveScratch.length));
  return moveScratch;
}

/**
 * The cost rows, row by row (row i: quote[0..i) aligned ending at each window position); returns
 * the last row, or null as soon as a whole row costs more than `maxUnits` (every alignment passes
 * through each row and no move costs less than nothing, so none can end cheaper).
 * moves[(i - 1) * n + (j - 1)] records cell (i, j). Ties go to a substitution, then a missing
 * quote character, then a single extra character, then a gap; a gap is opened rather than
 * extended on a tie.
 */
function fillCosts(quote: string, window: string, moves: Uint8Array, maxUnits: number): Int32Array | null {
  const m = quote.length;
  const n = window.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  // The window's units read once, not once per row: the window is usually a slice of the page text,
  // whose units the engine reaches through the parent string at every read.
  if (windowUnits.length < n) windowUnits = new Uint16Array(2 * n);
  const units = windowUnits;
  for (let j = 0; j < n; j++) units[j] = window.charCodeAt(j);
  let prev = rowA;
  let cur = rowB;
  prev.fill(0, 0, n + 1); // free start anywhere
  for (let i = 1; i <= m; i++) {
    const qc = quote.charCodeAt(i - 1);
    const base = (i - 1) * n - 1;
    cur[0] = i * EDIT_UNITS;
    let gap = NO_GAP;
    let left = cur[0]!;
    let rowBest = left;
    for (let j = 1; j <= n; j++) {
      const open = left + OPEN_UNITS;
      const extend = gap + EXTEND_UNITS;
      let move = SUB;
      if (open <= extend) {
        gap = open;
        move = OPENED;
      } else gap = extend;
      let best = prev[j - 1]! + (qc === units[j - 1] ? 0 : EDIT_UNITS);
      const del = prev[j]! + EDIT_UNITS;
      if (del < best) {
        best = del;
        move |= DEL;
      }
      const single = left + SINGLE_UNITS;
      if (single < best) {
        best = single;
        move = (move & OPENED) | SINGLE;
      }
      if (gap < best) {
        best = gap;
        move = (move & OPENED) | GAP;
      }
      cur[j] = best;
      moves[base + j] = move;
      left = best;
      if (best < rowBest) rowBest = best;
    }
    if (rowBest > maxUnits) return null;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev;
}

/** The alignment ending at cell (m, end), read back along the recorded moves. */
function traceBack(moves: Uint8Array, m: number, n: number, end: number, cost: number, quote: string, window: string): Alignment {
  let i = m;
  let j = end;
  let edits = 0;
  let skipped = 0;
  let firstGap = -1;
  let lastGapEnd = -1;
  let inGap = false;
  while (i > 0 && j > 0) {
    const move = moves[(i - 1) * n + (j - 1)]!;
    if (inGap) {
      // In the gap state: one extra page character, opened here or extended from the left.
      skipped++;
      if (move & OPENED) {
        firstGap = j - 1;
        inGap = false;
      }
      j--;
      continue;
    }
    switch (move & 3) {
      case SUB:
        if (quote.charCodeAt(i - 1) !== window.charCodeAt(j - 1)) edits++;
        i--;
        j--;
        break;
      case DEL:
        edits++;
        i--;
        break;
      case SINGLE:
        edits++;
        j--;
        break;
      default:
        if (lastGapEnd === -1) lastGapEnd = j;
        inGap = true;
    }
  }
  // Quote characters left at the window's start are missing (a gap cannot open before column 1).
  edits += i;
  return { start: j, end, cost: cost / UNIT, edits, skipped, firstGap, lastGapEnd };
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
export function alignPassage(quote: string, window: string, maxCost = Infinity): Alignment | null {
  let aligned = alignInWindow(quote, window, maxCost);
  // Only a gap between two words of the quote (its index there estimated by the characters beyond
  // the gap): one splitting a word is an insertion inside it, whose far part the quote needs.
  const betweenWords = (at: number) => !WORD.test(quote[at - 1] ?? '') || !WORD.test(quote[at] ?? '');
  if (aligned && aligned.skipped >= LONG_GAP && aligned.firstGap - aligned.start < MIN_EDGE_RUN && betweenWords(aligned.firstGap - aligned.start)) {
    aligned = withoutEdgeGap(aligned, shifted(alignInWindow(quote, window.slice(aligned.firstGap), aligned.cost + EDGE_COST), aligned.firstGap));
  }
  if (aligned && aligned.skipped >= LONG_GAP && aligned.end - aligned.lastGapEnd < MIN_EDGE_RUN && betweenWords(quote.length - (aligned.end - aligned.lastGapEnd))) {
    aligned = withoutEdgeGap(aligned, alignInWindow(quote, window.slice(0, aligned.lastGapEnd), aligned.cost + EDGE_COST));
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
