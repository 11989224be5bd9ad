import type { IdentifiedArticle, NoteView } from '../core/notes';

/** The background's answer to `notes`: the article (null if the page is not one) and its notes. */
export interface NotesReply {
  article: IdentifiedArticle | null;
  notes: NoteView[];
}
