/**
 * The matching engine for one quote in normalised page text: exact search first; then, only if no
 * exact hit was acceptable, a bounded approximate search. Approximate candidates come from the
 * head, tail and middle of the quote and from its prefix and suffix context, each searched with
 * Myers' bit-parallel algorithm (ends only, see align.ts), so an insertion or an edit in one part does
 * not hide the passage; each candidate is then aligned gap-tolerantly and scored on quote closeness,
 * prefix and suffix context and expected position. When identical words stand both in the running
 * text and in a pull quote, aside or figure and context does not clearly favour the latter, the
 * running text is taken: a pull quote copies the body, not the other way round (and a copy whose
 * running original the caller does not accept is no place at all). Below a minimum
 * score, or when two places score alike, the quote is unplaced: never guessed.
 */
import type { Quote } from '../dataset/schema';
import { normalise } from '../text/normalise';
import { alignPassage, approximateEnds, contextSimilarity } from './align';
import { findQuote, inSpan, MIN_QUOTE_LENGTH, runningAfter, runningBefore, type Span } from './find-quote';

export interface MatchOptions {
  /** Only spans this accepts may be returned (e.g. spans inside the article). */
  accept?: (start: number, end: number) => boolean;
  /** Approximate search looks only inside [from, to) of the text (e.g. the article's extent). */
  region?: { from: number; to: number };
  /** Expected start offset of the passage, when known (a TextPositionSelector hint). */
  hint?: number;
  /** True for a span set apart from the running text (a pull quote, aside or figure). */
  aside?: (start: number, end: number) => boolean;
  /** Spans set apart from the running text, in order: context is also scored on the running text without them. */
  apart?: readonly Span[];
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** `quote`: the words are on the page as quoted; `fuzzy`: found approximately. */
  how: 'quote' | 'fuzzy';
  /** 0..1. Exact: agreement of prefix and suffix context. Fuzzy: the candidate's overall score. */
  confidence: number;
  /** True when words of the passage differ from the quote (a later revision edited it). */
  changed: boolean;
  /** Characters of the quote substituted or missing on the page (0 for exact). */
  edits: number;
}

/** Weights of the score, as in Hypothesis (quote, prefix, suffix, position). */
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;
/** Below these the passage is unplaced. */
export const MIN_QUOTE_SCORE = 0.75;
export const MIN_SCORE = 0.72;
/** An exact quote at least this long that occurs once in the article is its place, whatever its context says. */
export const MIN_UNIQUE_LENGTH = 24;
/** A quote shorter than this is never searched approximately. */
export const MIN_APPROX_LENGTH = 20;
/** Two places whose scores differ by less than this are ambiguous: unplaced (about 0.2 of context). */
const AMBIGUITY = 0.08;
/** A copy set apart from the running text is taken only when its context agrees by this much more. */
const ASIDE_CONTEXT_MARGIN = 0.25;
const CHUNK = 32;
const CHUNK_ERRORS = 6;
const MAX_GUESSES = 12;
/** Slack around the end of the passage a probe pinned down: the errors a probe allows, and more. */
const PINNED_SLACK = 24;
/** A probe found with at most this many errors pins its end of the passage. */
const PINNED_ERRORS = 1;

interface Guess {
  start: number;
  side: 'start' | 'end' | 'both';
}

interface Prepared {
  exact: string;
  prefix: string;
  suffix: string;
}

interface Candidate {
  start: number;
  end: number;
  quoteScore: number;
  context: number;
  score: number;
  edits: number;
  aside: boolean;
}

export function prepareQuote(quote: Quote): Prepared {
  return { exact: normalise(quote.exact), prefix: normalise(quote.prefix ?? ''), suffix: normalise(quote.suffix ?? '') };
}

/** The best place of `quote` in `text` (normalised), or null when no place is good enough. */
export function matchQuote(text: string, quote: Quote, options: MatchOptions = {}): QuoteMatch | null {
  const q = prepareQuote(quote);
  if (q.exact.length === 0) return null;
  const accept = options.accept ?? (() => true);
  const hasContext = q.prefix.length > 0 || q.suffix.length > 0;

  const isAside = options.aside ?? (() => false);
  const allHits = findQuote(text, quote, options.apart);
  const exactHits = preferRunningText(
    allHits.filter((hit) => accept(hit.start, hit.end)),
    (hit) => isAside(hit.start, hit.end),
    (hit) => hit.context,
    ASIDE_CONTEXT_MARGIN,
  );
  const bestExact = exactHits[0];
  // A pull quote, aside or figure copies the running text. When the best acceptable place is such
  // a copy and the same words stand in the page's running text, outside the accepted spans, with
  // context agreeing clearly better, that passage is the one the copy repeats and it was left out
  // (Readability dropped it from the article): the copy is not its place, and no place is given.
  if (bestExact && isAside(bestExact.start, bestExact.end)) {
    const bar = bestExact.context + ASIDE_CONTEXT_MARGIN;
    if (allHits.some((hit) => hit.context >= bar && !isAside(hit.start, hit.end) && !accept(hit.start, hit.end))) return null;
  }
  // Kept when words found exactly only in a pull quote, aside or figure are not found in the running text either.
  let setApartExact: QuoteMatch | null = null;
  if (bestExact) {
    const second = exactHits[1];
    const clear = !hasContext
      ? !second // no context to choose by: only a single place is certain
      : second
        ? bestExact.context >= 0.75 && bestExact.context - second.context >= 0.25
        : bestExact.context >= 0.5 || q.exact.length >= MIN_UNIQUE_LENGTH;
    // Words found exactly only in a pull quote, aside or figure may stand in the running text too,
    // split by a line break or a stray mark: the approximate search looks there before the copy is taken.
    const onlySetApart = isAside(bestExact.start, bestExact.end) && q.exact.length >= MIN_APPROX_LENGTH;
    const exactMatch: QuoteMatch = { start: bestExact.start, end: bestExact.end, how: 'quote', confidence: bestExact.context, changed: false, edits: 0 };
    if (clear && !onlySetApart) return exactMatch;
    if (clear) setApartExact = exactMatch;
  }
  if (q.exact.length < MIN_APPROX_LENGTH) return null;

  const candidates: Candidate[] = exactHits.map((hit) => {
    const context = contextOf(text, hit.start, hit.end, q, options.apart);
    return { start: hit.start, end: hit.end, quoteScore: 1, context, edits: 0, aside: isAside(hit.start, hit.end), score: combine(1, context, hasContext, positionScore(hit.start, text.length, options.hint)) };
  });
  // The copies set apart are kept out of the windows: aligned there, they would hide a running-text passage near them.
  const avoid = bestExact && isAside(bestExact.start, bestExact.end) ? exactHits.filter((hit) => isAside(hit.start, hit.end)) : [];
  for (const candidate of approximateCandidates(text, q, options, hasContext, avoid)) {
    if (accept(candidate.start, candidate.end)) candidates.push({ ...candidate, aside: isAside(candidate.start, candidate.end) });
  }
  const best = pickBest(candidates, hasContext);
  if (setApartExact && (!best || best.aside)) return setApartExact;
  if (!best) return null;
  const exact = best.edits === 0 && best.quoteScore === 1;
  const [start, end] = exact ? [best.start, best.end] : snapToWords(text, best.start, best.end);
  return {
    start,
    end,
    how: exact ? 'quote' : 'fuzzy',
    confidence: Number(best.score.toFixed(3)),
    changed: best.edits >= 2,
    edits: best.edits,
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const MAX_SNAP = 24;

/** An approximate match widened to whole words, so a highlight never starts or ends mid-word. */
export function snapToWords(text: string, start: number, end: number): [number, number] {
  const inWord = (i: number) => {
    const ch = text[i];
    return ch !== undefined && WORD_CHAR.test(ch) && !NO_SPACES_SCRIPT.test(ch);
  };
  let from = start;
  while (from > 0 && start - from < MAX_SNAP && inWord(from - 1) && inWord(from)) from--;
  let to = end;
  while (to < text.length && to - end < MAX_SNAP && inWord(to - 1) && inWord(to)) to++;
  return [from, to];
}

/**
 * An aligned passage without leading or trailing spaces and punctuation that the quote does not
 * have there: an edited first word can be aligned onto the end of the sentence before.
 */
export function trimToQuote(text: string, start: number, end: number, exact: string): [number, number] {
  const loose = (ch: string, own: string | undefined) => ch !== own && !WORD_CHAR.test(ch);
  let from = start;
  while (from < end && loose(text[from]!, exact[0])) from++;
  let to = end;
  while (to > from && loose(text[to - 1]!, exact[exact.length - 1])) to--;
  return [from, to];
}

/**
 * `items` without those set apart from the running text, unless none is in it or one set apart
 * scores `margin` more than the best in it.
 */
function preferRunningText<T>(items: T[], aside: (item: T) => boolean, score: (item: T) => number, margin: number): T[] {
  if (items.length < 2) return items;
  const running = items.filter((item) => !aside(item));
  if (running.length === 0 || running.length === items.length) return items;
  const bar = Math.max(...running.map(score)) + margin;
  return items.filter((item) => !aside(item) || score(item) >= bar);
}

function pickBest(candidates: Candidate[], hasContext: boolean): Candidate | null {
  const acceptable = candidates.filter((c) => c.quoteScore >= MIN_QUOTE_SCORE && c.score >= MIN_SCORE && (!hasContext || c.context >= 0.35 || c.quoteScore >= 0.9));
  const good = preferRunningText(acceptable, (c) => c.aside, (c) => c.score, AMBIGUITY).sort((a, b) => b.score - a.score);
  const best = good[0];
  if (!best) return null;
  const rival = good.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.score - rival.score < AMBIGUITY) return null;
  return best;
}

function combine(quoteScore: number, context: number, hasContext: boolean, position: number): number {
  if (!hasContext) return (W_QUOTE * quoteScore + W_POSITION * position) / (W_QUOTE + W_POSITION);
  // context is the mean of prefix and suffix similarity
  return (W_QUOTE * quoteScore + (W_PREFIX + W_SUFFIX) * context + W_POSITION * position) / (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION);
}

function positionScore(start: number, length: number, hint: number | undefined): number {
  if (hint === undefined || length === 0) return 1;
  return Math.max(0, 1 - Math.abs(start - hint) / length);
}

/**
 * Mean similarity of the prefix and suffix to the text around [start, end): around it in the page
 * or, for a span in the running text, in the running text with the `apart` spans left out, whichever agrees better.
 */
function contextOf(text: string, start: number, end: number, q: Prepared, apart: readonly Span[] = []): number {
  const beforeLength = Math.ceil(q.prefix.length * 1.25) + 1;
  const afterLength = Math.ceil(q.suffix.length * 1.25) + 1;
  const around = (before: string, after: string) => {
    let total = 0;
    let parts = 0;
    if (q.prefix) {
      total += contextSimilarity(q.prefix.trimEnd(), before.trimEnd(), true);
      parts++;
    }
    if (q.suffix) {
      total += contextSimilarity(q.suffix.trimStart(), after.trimStart(), false);
      parts++;
    }
    return parts ? total / parts : 1;
  };
  const before = text.slice(Math.max(0, start - beforeLength), start);
  const after = text.slice(end, end + afterLength);
  const inPage = around(before, after);
  if (inPage === 1 || apart.length === 0 || inSpan(apart, start)) return inPage;
  const runningBeforeText = runningBefore(text, start, beforeLength, apart);
  const runningAfterText = runningAfter(text, end, afterLength, apart);
  if (runningBeforeText === before && runningAfterText === after) return inPage;
  return Math.max(inPage, around(runningBeforeText, runningAfterText));
}

/** The parts of [start, end) outside the `avoid` spans. */
function apartFrom(start: number, end: number, avoid: readonly { start: number; end: number }[]): [number, number][] {
  const parts: [number, number][] = [];
  let at = start;
  for (const span of [...avoid].sort((a, b) => a.start - b.start)) {
    if (span.end <= at || span.start >= end) continue;
    if (span.start > at) parts.push([at, span.start]);
    at = span.end;
  }
  if (at < end) parts.push([at, end]);
  return parts;
}

/** Approximate candidates: guesses of the passage's start from pieces of the quote and its context, each aligned. */
function approximateCandidates(text: string, q: Prepared, options: MatchOptions, hasContext: boolean, avoid: readonly { start: number; end: number }[] = []): Omit<Candidate, 'aside'>[] {
  const from = Math.max(0, options.region?.from ?? 0);
  const to = Math.min(text.length, options.region?.to ?? text.length);
  if (to - from < Math.min(q.exact.length, MIN_QUOTE_LENGTH)) return [];
  const qLen = q.exact.length;
  // A guess is where the passage would start; `side` says which end of it a probe found intact
  // pinned down (a piece of its head or the prefix: the start; of its tail or the suffix: the end),
  // so the window to align in needs slack for inserted text on the other side only. A probe found
  // with errors pins nothing: an insertion inside the piece may have moved that end.
  const guesses: Guess[] = [];
  const probe = (pattern: string, maxErrors: number, side: Guess['side'], toStart: (end: number) => number) => {
    if (pattern.length < 12) return;
    for (const { end, errors } of approximateEnds(text, pattern, maxErrors, from, to)) guesses.push({ start: toStart(end), side: errors <= PINNED_ERRORS ? side : 'both' });
  };
  if (qLen <= CHUNK) {
    probe(q.exact, Math.floor(qLen * 0.25), 'both', (end) => end - qLen);
  } else {
    probe(q.exact.slice(0, CHUNK), CHUNK_ERRORS, 'start', (end) => end - CHUNK);
    probe(q.exact.slice(-CHUNK), CHUNK_ERRORS, 'end', (end) => end - qLen);
    if (qLen > 3 * CHUNK) {
      const mid = Math.floor(qLen / 2) - CHUNK / 2;
      probe(q.exact.slice(mid, mid + CHUNK), CHUNK_ERRORS, 'both', (end) => end - CHUNK - mid);
    }
  }
  if (hasContext) {
    const prefix = q.prefix.slice(-CHUNK);
    const suffix = q.suffix.slice(0, CHUNK);
    probe(prefix, Math.floor(prefix.length * 0.2), 'start', (end) => end + 1);
    probe(suffix, Math.floor(suffix.length * 0.2), 'end', (end) => end - suffix.length - qLen - 1);
  }
  // Distinct guesses, in order of first appearance (head first), at most MAX_GUESSES.
  const distinct: Guess[] = [];
  for (const guess of guesses) {
    if (distinct.length >= MAX_GUESSES) break;
    if (!distinct.some((d) => Math.abs(d.start - guess.start) < qLen / 4 + 8)) distinct.push(guess);
  }
  const slack = 160 + Math.ceil(qLen / 4);
  // A pinned start and pinned ends that fit one passage (its length give or take the slack) bound
  // its window on both sides, so it is narrower, and those ends' own windows are not needed.
  const pairedEnds = new Set<Guess>();
  const windows = distinct.flatMap((guess): [number, number][] => {
    if (guess.side === 'end' && pairedEnds.has(guess)) return [];
    if (guess.side === 'start') {
      let pair: Guess | null = null;
      for (const other of guesses) {
        if (other.side !== 'end' || other.start < guess.start - qLen / 2 || other.start > guess.start + slack) continue;
        // The farthest: a wider window can only align better, and stays inside the unpaired one.
        if (!pair || other.start > pair.start) pair = other;
      }
      if (pair) {
        for (const other of distinct) if (other.side === 'end' && Math.abs(other.start - pair.start) < qLen / 4 + 8) pairedEnds.add(other);
        return [[guess.start - PINNED_SLACK, Math.max(guess.start, pair.start) + qLen + PINNED_SLACK]];
      }
    }
    return [[guess.start - (guess.side === 'start' ? PINNED_SLACK : slack), guess.start + qLen + (guess.side === 'end' ? PINNED_SLACK : slack)]];
  });
  const candidates: Omit<Candidate, 'aside'>[] = [];
  const seen = new Map<number, number>(); // start -> index in candidates
  for (const [wStart, wEnd] of windows.flatMap(([left, right]) => apartFrom(Math.max(from, left), Math.min(to, right), avoid))) {
    // Cut short once no alignment can reach the minimum quote score: it would be dropped below anyway.
    const aligned = alignPassage(q.exact, text.slice(wStart, wEnd), (1 - MIN_QUOTE_SCORE) * qLen);
    if (!aligned) continue;
    const [start, end] = trimToQuote(text, wStart + aligned.start, wStart + aligned.end, q.exact);
    if (end <= start) continue;
    const quoteScore = Math.max(0, 1 - aligned.cost / qLen);
    if (quoteScore < MIN_QUOTE_SCORE) continue;
    // A window cut short of the passage aligns it worse than one holding all of it: keep the better.
    const earlier = seen.get(start);
    if (earlier !== undefined && candidates[earlier]!.quoteScore >= quoteScore) continue;
    const context = contextOf(text, start, end, q, options.apart);
    const candidate = { start, end, quoteScore, context, edits: aligned.edits, score: combine(quoteScore, context, hasContext, positionScore(start, text.length, options.hint)) };
    if (earlier !== undefined) candidates[earlier] = candidate;
    else seen.set(start, candidates.push(candidate) - 1);
  }
  return candidates;
}
