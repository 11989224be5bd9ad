/**
 * The heavy half of the pipeline, run only on pages the background said "maybe" to: Readability
 * on a clone, the notes of the article it is, their quotes anchored in the live page. On a page the
 * datasets do not know (matched as `similar`), each candidate claim is first verified against the
 * article's sentences; only verified claims are anchored (at the sentences that carry them), and
 * if none is, the page is not an article with notes at all. The overlay runs it against the
 * background; `npm run check` and the tests run it against a catalog in Node.
 */
import { MAX_TEXT } from '../core/limits';
import type { IdentifiedArticle, NoteView } from '../core/notes';
import type { PageText } from '../core/page-text';
import { verifyClaims } from '../core/similar/verify';
import { prepareSentences } from '../core/similar/words';
import { anchorNotes, anchorNotesInSlices, type Anchoring, type Pause } from './anchor';
import { extractArticle, type ExtractedArticle } from './extract';
import { pageUrls, visibleText } from './page-signals';

/** Identifies the page from its text (the background hashes it: lib/core/page-text.ts). */
export interface NotesSource {
  (page: PageText): Promise<{ article: IdentifiedArticle | null; notes: NoteView[] }>;
}

export interface FoundNotes {
  extracted: ExtractedArticle | null;
  article: IdentifiedArticle | null;
  anchoring: Anchoring;
}

export async function findNotes(doc: Document, source: NotesSource, pause?: Pause): Promise<FoundNotes> {
  const extracted = extractArticle(doc);
  const text = extracted?.text ?? (doc.body ? visibleText(doc.body) : '');
  const reply = await source({ ...pageUrls(doc), text: text.slice(0, MAX_TEXT) });
  const empty: Anchoring = { placed: [], unplaced: [] };
  if (!reply?.article || reply.notes.length === 0 || !doc.body) return { extracted, article: reply?.article ?? null, anchoring: empty };
  const language = extracted?.lang ?? doc.documentElement.getAttribute('lang');
  const anchor = (notes: readonly NoteView[]) =>
    pause
      ? anchorNotesInSlices(doc.body!, notes, extracted?.text ?? null, { language }, pause)
      : Promise.resolve(anchorNotes(doc.body!, notes, extracted?.text ?? null, { language }));
  if (reply.article.how === 'similar') {
    const anchoring = extracted ? await anchorSimilar(extracted.text, reply.notes, anchor, pause) : empty;
    return { extracted, article: anchoring.placed.length ? reply.article : null, anchoring };
  }
  return { extracted, article: reply.article, anchoring: await anchor(reply.notes) };
}

/** Candidate claims the article's sentences verify: as notes quoting the sentence that carries each, with their scores. */
export interface VerifiedClaims {
  notes: NoteView[];
  scores: Map<string, number>;
}

export function verifiedClaims(articleText: string, notes: readonly NoteView[]): VerifiedClaims {
  const verified = verifyClaims(
    articleText,
    notes.filter((n) => n.similar).map((n) => ({ key: n.key, ...n.similar! })),
  );
  const byKey = new Map(notes.map((n) => [n.key, n]));
  return {
    notes: verified.map((v) => ({ ...byKey.get(v.key)!, quotes: [{ exact: articleText.slice(v.start, v.end) }] })),
    scores: new Map(verified.map((v) => [v.key, v.score])),
  };
}

/** Verified claims once anchored: "similar" notes carrying their verification score. */
export function asSimilar(anchoring: Anchoring, scores: ReadonlyMap<string, number>): Anchoring {
  const placed = anchoring.placed.map((p) => {
    // The passage is the article's own sentences: "changed" means nothing here.
    const { changed: _unused, ...rest } = p;
    return { ...rest, how: 'similar' as const, confidence: scores.get(p.note.key) ?? p.confidence };
  });
  return { placed, unplaced: [] };
}

/**
 * Claims verified in the article text, anchored at the sentences that carry them. Unverified
 * candidates are dropped, not listed as unplaced: the page never claimed to be about them. With a
 * `pause`, the page runs after the sentence segmenter is made (loading the locale data) and after
 * verification, so neither adds to the other's task nor to anchoring's.
 */
export async function anchorSimilar(
  articleText: string,
  notes: readonly NoteView[],
  anchor: (notes: readonly NoteView[]) => Promise<Anchoring>,
  pause?: Pause,
): Promise<Anchoring> {
  if (pause) {
    prepareSentences();
    await pause();
  }
  const verified = verifiedClaims(articleText, notes);
  if (verified.notes.length === 0) return { placed: [], unplaced: [] };
  if (pause) await pause();
  return asSimilar(await anchor(verified.notes), verified.scores);
}
