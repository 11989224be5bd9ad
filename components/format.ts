/**
 * Small pure helpers for the overlay's wording and layout. No DOM, no locale: the output is the
 * same in every browser.
 */
import type { ArticleHow, CounterView, NoteHow } from '../lib/core/notes';
import type { Attribution } from '../lib/core/dataset/schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2015-09-19" (or an ISO date-time starting so) → "19 Sep 2015"; anything else is returned as is. */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year = '', month = '', day = ''] = match;
  const name = MONTHS[Number(month) - 1];
  const dayNumber = Number(day);
  if (!name || dayNumber < 1 || dayNumber > 31) return value;
  return `${dayNumber} ${name} ${year}`;
}

/** The outlets of a note's counters, each once, in order. */
export function uniqueOutlets(counters: readonly CounterView[]): string[] {
  return [...new Set(counters.map((counter) => counter.outlet))];
}

/**
 * The badge text: the outlet names joined by ", "; when that is longer than `max` characters, the
 * first name + " +N" (a single long name is kept whole and left to CSS to ellipsise).
 */
export function outletLabel(outlets: readonly string[], max = 22): string {
  const unique = [...new Set(outlets)];
  const [first] = unique;
  if (first === undefined) return '';
  const joined = unique.join(', ');
  if (joined.length <= max || unique.length === 1) return joined;
  return `${first} +${unique.length - 1}`;
}

const HOW: Record<ArticleHow, string> = {
  url: 'recognised by its address',
  canonical: 'recognised by its canonical address',
  copy: 'recognised as a copy of the original',
  similar: 'not a known article: a similar claim was found in its text',
};

/** How the page was matched to an article in the dataset, as a phrase. */
export function howPhrase(how: ArticleHow): string {
  return HOW[how];
}

/** "1 more note not placed on this page", "3 more notes not placed on this page". */
export function unplacedSummary(count: number): string {
  return `${count} more ${count === 1 ? 'note' : 'notes'} not placed on this page`;
}

/** "Source: An official … · not named". */
export function sourceLine(attribution: Attribution): string {
  return `Source: ${attribution.text}${attribution.named ? '' : ' · not named'}`;
}

/** `link` when it is an absolute http(s) URL, else null: nothing else may become an href. */
export function safeHttpUrl(link: string | null): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? link : null;
  } catch {
    return null;
  }
}

/** At most `max` characters of `text`, with "…" when cut. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export const CARD_WIDTH = 340;
export const VIEWPORT_MARGIN = 12;

/**
 * The left edge (document px) for a card wanted at `left`, kept inside the visible viewport
 * [scrollX, scrollX + viewportWidth] with a margin; the card is `min(CARD_WIDTH, viewport - 2·margin)` wide.
 */
export function clampCardLeft(left: number, viewportWidth: number, scrollX = 0): number {
  const width = Math.min(CARD_WIDTH, Math.max(0, viewportWidth - 2 * VIEWPORT_MARGIN));
  const min = scrollX + VIEWPORT_MARGIN;
  const max = scrollX + viewportWidth - VIEWPORT_MARGIN - width;
  return Math.max(min, Math.min(left, max));
}

export interface MatchInfo {
  how: NoteHow;
  confidence: number;
  changed?: boolean | undefined;
}

/** What the reader should know about how a passage was found; null for an exact quote. */
export function matchLine(match: MatchInfo | undefined): string | null {
  if (!match || match.how === 'quote') return null;
  const percent = `${Math.round(Math.max(0, Math.min(1, match.confidence)) * 100)}% match`;
  if (match.how === 'similar') return `A similar claim was disputed: this article is not in the dataset, but this passage repeats the claim (${percent}).`;
  if (match.changed) return `This passage has changed since it was quoted; found approximately (${percent}).`;
  return `Found approximately (${percent}).`;
}
