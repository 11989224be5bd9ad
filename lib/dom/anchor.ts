/**
 * Anchoring notes' quotes in the live page. A hit counts only if its paragraph is part of the
 * article Readability found (not a teaser, caption or related-links box repeating the words);
 * a quote with no such hit leaves its note unplaced rather than badged somewhere wrong.
 */
import type { NoteHow, NoteView } from '../core/notes';
import { findQuote } from '../core/match/find-quote';
import { normalise } from '../core/text/normalise';
import { blockAncestor, buildTextMap, type TextMap } from './text-map';

export interface AnchoredNote {
  note: NoteView;
  range: Range;
  passage: string;
  how: NoteHow;
  /** 0..1: for an exact quote, how much of its prefix and suffix agrees with the page (1 when it has none). */
  confidence: number;
}

export interface UnplacedNote {
  note: NoteView;
  reason: string;
}

export interface Anchoring {
  placed: AnchoredNote[];
  unplaced: UnplacedNote[];
}

const MAX_BLOCK_CHECK = 4000;

const compact = (text: string) => normalise(text).replace(/ /g, '');

export function anchorNotes(root: Element, notes: readonly NoteView[], articleText: string | null): Anchoring {
  const map = buildTextMap(root);
  const articleKey = articleText ? compact(articleText) : null;
  const placed: AnchoredNote[] = [];
  const unplaced: UnplacedNote[] = [];
  for (const note of notes) {
    if (note.quotes.length === 0) {
      unplaced.push({ note, reason: 'the dataset gives no words to look for' });
      continue;
    }
    const found = anchorNote(map, note, articleKey);
    if (found) placed.push({ note, ...found, how: 'quote', passage: found.range.toString().replace(/\s+/g, ' ').trim() });
    else unplaced.push({ note, reason: 'the passage was not found in this version of the article' });
  }
  placed.sort((a, b) => a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range));
  return { placed, unplaced };
}

function anchorNote(map: TextMap, note: NoteView, articleKey: string | null): { range: Range; confidence: number } | null {
  for (const quote of note.quotes) {
    for (const hit of findQuote(map.text, quote)) {
      const range = map.range(hit.start, hit.end);
      if (range && (articleKey === null || inArticle(range, articleKey))) return { range, confidence: hit.context };
    }
  }
  return null;
}

function inArticle(range: Range, articleKey: string): boolean {
  if (!articleKey.includes(compact(range.toString()))) return false;
  const block = blockAncestor(range.startContainer);
  const text = block?.textContent ?? '';
  if (!block || text.length > MAX_BLOCK_CHECK) return true;
  return articleKey.includes(compact(text));
}
