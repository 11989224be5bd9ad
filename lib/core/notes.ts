/**
 * What the overlay shows, as plain data: for each passage of this article that is one side of a
 * dispute, the other side. Every field is text to be rendered as text.
 */
import type { Attribution, Quote, Stance } from './dataset/schema';

/**
 * How the page was matched: a known article by its address (`url`), its canonical address
 * (`canonical`) or its text (`copy`); or (`similar`) a page the datasets do not know that may
 * repeat claims they do (its notes say "a similar claim was disputed").
 */
export type ArticleHow = 'url' | 'canonical' | 'copy' | 'similar';
export type NoteHow = 'quote' | 'fuzzy' | 'similar';
/** `reported` marks the original claim, shown beside the article that answers it. */
export type CounterStance = Stance | 'reported';

export interface CounterView {
  outlet: string;
  outletId: string;
  articleTitle: string;
  published: string;
  stance: CounterStance;
  summary: string;
  attribution: Attribution;
  /** The other article at the passage (a `#:~:text=` link), or null when its address is unknown. */
  link: string | null;
}

export interface NoteView {
  /** Stable key: dataset/dispute/claim-or-response. */
  key: string;
  /** The claim id this note is about (for a response: the response id). */
  claim: string;
  dispute: string;
  topic: string;
  /** `claim`: this article makes the claim; `response`: this article answers one. */
  side: 'claim' | 'response';
  /** The passages of this article to anchor (its own words). */
  quotes: Quote[];
  counters: CounterView[];
  /** Only for a page matched as `similar`: the words to verify the claim by, and the rebuttals' words. */
  similar?: SimilarTexts;
}

export interface SimilarTexts {
  /** The claim's own words: its quotes (any language) and its summary. */
  texts: string[];
  /** The responses' words: a page carrying them answers the claim rather than making it. */
  rebuttals: string[];
  /** Names of the outlets on both sides: every report of the dispute names them, so they prove nothing. */
  names?: string[];
}

export interface IdentifiedArticle {
  id: string;
  datasetId: string;
  outlet: string;
  outletId: string;
  title: string;
  how: ArticleHow;
  /** For `similar`: the note keys of the candidate claims (to verify on the page). */
  similar?: string[];
}

const STANCE_HEADINGS: Record<CounterStance, string> = {
  disputes: 'Disputed by',
  denies: 'Denied by',
  corrects: 'Corrected by',
  'adds-context': 'Context from',
  supports: 'Supported by',
  reported: 'Responds to',
};

const STANCE_LABELS: Record<CounterStance, string> = {
  disputes: 'disputes',
  denies: 'denies',
  corrects: 'corrects',
  'adds-context': 'adds context',
  supports: 'supports',
  reported: 'reported',
};

/** "Disputed by Global Times", "Responds to The New York Times": the neutral heading of a note. */
export function noteHeading(note: NoteView): string {
  const first = note.counters[0];
  if (!first) return '';
  const outlets = [...new Set(note.counters.map((counter) => counter.outlet))];
  return `${STANCE_HEADINGS[first.stance]} ${outlets.join(', ')}`;
}

export function stanceLabel(stance: CounterStance): string {
  return STANCE_LABELS[stance];
}
