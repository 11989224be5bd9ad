/**
 * Anchoring notes' quotes in the live page: one normalised text of the root with a map back to the
 * DOM, the matching engine (exact first, then bounded approximate search) on it, and only spans
 * inside the article Readability found (not a teaser, caption or related-links box repeating the
 * words), and the running text before a pull quote, aside or figure repeating them. A quote with no good enough place leaves its note unplaced rather than badged somewhere wrong.
 */
import type { Quote } from '../core/dataset/schema';
import { matchQuote, type QuoteMatch } from '../core/match/anchor-quote';
import { articleMask, type ArticleMask } from '../core/match/article-mask';
import type { NoteHow, NoteView } from '../core/notes';
import { buildTextMap, type TextMap } from './text-map';

export interface AnchoredNote {
  note: NoteView;
  range: Range;
  passage: string;
  how: NoteHow;
  /** 0..1: exact quote: how much of its prefix and suffix agrees (1 when it has none); fuzzy or similar: the match score. */
  confidence: number;
  /** The passage differs in words from the quote: the article was probably edited since (UI: "this passage has changed"). */
  changed?: boolean;
}

export interface UnplacedNote {
  note: NoteView;
  reason: string;
}

export interface Anchoring {
  placed: AnchoredNote[];
  unplaced: UnplacedNote[];
}

export interface AnchorOptions {
  /** The page's language (`<html lang>` or Readability's); quotes for another language are skipped. */
  language?: string | null;
}

/** Share of each end of a span that must be article text. */
const MIN_ARTICLE_COVERAGE = 0.5;
const END_PROBE = 24;

/** A note's passage as offsets in the text map, before any Range is made. */
export interface LocatedNote {
  note: NoteView;
  match: QuoteMatch | null;
}

/** The matching half of anchoring: offsets in `map.text` for each note (null: no good enough place). */
export function locateNotes(map: TextMap, notes: readonly NoteView[], articleText: string | null, options: AnchorOptions = {}): LocatedNote[] {
  const mask = articleText ? articleMask(map.text, articleText) : null;
  return notes.map((note) => ({ note, match: note.quotes.length ? anchorNote(map, note, mask, options.language ?? null) : null }));
}

export function anchorNotes(root: Element, notes: readonly NoteView[], articleText: string | null, options: AnchorOptions = {}): Anchoring {
  const map = buildTextMap(root);
  return rangesFor(map, locateNotes(map, notes, articleText, options));
}

/** Lets the page run (the overlay passes a yield to the event loop); resolves when work may go on. */
export type Pause = () => Promise<void>;

/**
 * `anchorNotes` in slices: the page runs after the text map and mask are made and between notes,
 * so anchoring many quotes approximately is not one long task. Offsets into the map are only true
 * of the DOM it was made from: if the page changed in a pause, the slices are thrown away and the
 * notes anchored again in one go on the page as it is now (never a range on stale offsets).
 */
export async function anchorNotesInSlices(
  root: Element,
  notes: readonly NoteView[],
  articleText: string | null,
  options: AnchorOptions,
  pause: Pause,
): Promise<Anchoring> {
  let changedInPause = false;
  const changes = new MutationObserver(() => (changedInPause = true));
  changes.observe(root, { childList: true, subtree: true, characterData: true });
  const changed = () => changes.takeRecords().length > 0 || changedInPause;
  try {
    const map = buildTextMap(root);
    const mask = articleText ? articleMask(map.text, articleText) : null;
    const located: LocatedNote[] = [];
    for (const note of notes) {
      await pause();
      if (changed()) return anchorNotes(root, notes, articleText, options);
      located.push({ note, match: note.quotes.length ? anchorNote(map, note, mask, options.language ?? null) : null });
    }
    if (changed()) return anchorNotes(root, notes, articleText, options);
    return rangesFor(map, located);
  } finally {
    changes.disconnect();
  }
}

/** Ranges for located notes, in page order; notes without a place are unplaced with a reason. */
export function rangesFor(map: TextMap, located: readonly LocatedNote[]): Anchoring {
  const placed: AnchoredNote[] = [];
  const unplaced: UnplacedNote[] = [];
  for (const { note, match } of located) {
    if (note.quotes.length === 0) {
      unplaced.push({ note, reason: 'the dataset gives no words to look for' });
      continue;
    }
    if (!match) {
      unplaced.push({ note, reason: 'the passage was not found in this version of the article' });
      continue;
    }
    const range = map.range(match.start, match.end);
    if (!range) {
      unplaced.push({ note, reason: 'the passage was found but could not be marked' });
      continue;
    }
    const anchored: AnchoredNote = { note, range, how: match.how, confidence: match.confidence, passage: range.toString().replace(/\s+/g, ' ').trim() };
    if (match.changed) anchored.changed = true;
    placed.push(anchored);
  }
  placed.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
  return { placed, unplaced };
}

/** Whether normalised offset `start` lies inside a pull quote, aside or figure under the map's root. */
export function setApart(map: TextMap, start: number): boolean {
  return map.apart.some((span) => start >= span.from && start < span.to);
}

/** Whether the two ends of [start, end) lie in the article. */
export function inArticle(mask: ArticleMask | null, start: number, end: number): boolean {
  if (!mask) return true;
  const probe = Math.min(END_PROBE, end - start);
  return mask.coverage(start, start + probe) >= MIN_ARTICLE_COVERAGE && mask.coverage(end - probe, end) >= MIN_ARTICLE_COVERAGE;
}

/** The quotes worth trying for a page in `language`: that language's first, then those with none. */
export function quotesFor(quotes: readonly Quote[], language: string | null): Quote[] {
  const primary = (tag: string | null | undefined) => (tag ? tag.toLowerCase().split('-')[0]! : null);
  const page = primary(language);
  const own = quotes.filter((q) => q.language && page && primary(q.language) === page);
  const neutral = quotes.filter((q) => !q.language);
  // Without a known page language every quote is tried (its text decides).
  const others = page ? [] : quotes.filter((q) => q.language);
  return [...own, ...neutral, ...others];
}

function anchorNote(map: TextMap, note: NoteView, mask: ArticleMask | null, language: string | null): QuoteMatch | null {
  const accept = (start: number, end: number) => inArticle(mask, start, end);
  const aside = (start: number) => setApart(map, start);
  const region = mask?.extent ?? undefined;
  const apart = map.apart;
  let best: QuoteMatch | null = null;
  for (const quote of quotesFor(note.quotes, language)) {
    const match = matchQuote(map.text, quote, region ? { accept, aside, apart, region } : { accept, aside, apart });
    if (match && match.how === 'quote') return match;
    if (match && (!best || match.confidence > best.confidence)) best = match;
  }
  return best;
}
