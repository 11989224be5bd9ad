/**
 * The heavy half of the pipeline, run only on pages the background said "maybe" to: Readability
 * on a clone, the notes of the article it is, their quotes anchored in the live page. The overlay
 * runs it against the background; `npm run check` and the tests run it against a catalog in Node.
 */
import type { PageSignals } from '../core/catalog';
import type { IdentifiedArticle, NoteView } from '../core/notes';
import { anchorNotes, type Anchoring } from './anchor';
import { extractArticle, type ExtractedArticle } from './extract';
import { hashesOf, pageUrls, visibleText } from './page-signals';

export interface NotesSource {
  (signals: PageSignals): Promise<{ article: IdentifiedArticle | null; notes: NoteView[] }>;
}

export interface FoundNotes {
  extracted: ExtractedArticle | null;
  article: IdentifiedArticle | null;
  anchoring: Anchoring;
}

export async function findNotes(doc: Document, source: NotesSource): Promise<FoundNotes> {
  const extracted = extractArticle(doc);
  const text = extracted?.text ?? (doc.body ? visibleText(doc.body) : '');
  const reply = await source({ ...pageUrls(doc), hashes: hashesOf(text) });
  const empty: Anchoring = { placed: [], unplaced: [] };
  if (!reply?.article || reply.notes.length === 0 || !doc.body) return { extracted, article: reply?.article ?? null, anchoring: empty };
  return { extracted, article: reply.article, anchoring: anchorNotes(doc.body, reply.notes, extracted?.text ?? null) };
}
