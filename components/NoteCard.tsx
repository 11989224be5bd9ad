/** The note a badge opens: the other outlet's side of the passage, with its source and a link. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { noteHeading, stanceLabel, type CounterView, type IdentifiedArticle, type NoteView } from '../lib/core/notes';
import { formatDate, howPhrase, matchLine, safeHttpUrl, sourceLine, truncate, type MatchInfo } from './format';

export interface NoteCardProps {
  note: NoteView;
  article: IdentifiedArticle;
  /** Unique within the shadow root; the heading gets `${id}-heading`. */
  id: string;
  onClose: () => void;
  /** px from the overlay root's top-left; without it the card flows in place (the unplaced panel). */
  position?: { top: number; left: number } | undefined;
  /** The words of this article the note is about, shown as a short reminder. */
  passage?: string | undefined;
  /** How the passage was found, when not simply the dataset's exact quote. */
  match?: MatchInfo | undefined;
}

export function NoteCard({ note, article, id, onClose, position, passage, match }: NoteCardProps) {
  const matchText = matchLine(match);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `${id}-heading`;

  // Opening a card moves focus to its heading (the card is remounted for each note).
  useLayoutEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div
      id={id}
      class={position ? 'cp-note' : 'cp-note cp-note--inline'}
      role="dialog"
      aria-labelledby={headingId}
      data-note-key={note.key}
      style={position ? { top: `${position.top}px`, left: `${position.left}px` } : undefined}
    >
      <div class="cp-note-head">
        <h2 class="cp-note-heading" id={headingId} tabIndex={-1} ref={headingRef}>
          {noteHeading(note)}
        </h2>
        <button type="button" class="cp-close" aria-label="Close note" onClick={onClose}>
          ×
        </button>
      </div>
      {passage ? <p class="cp-passage">On the passage “{truncate(passage, 140)}”</p> : null}
      {matchText ? <p class="cp-match">{matchText}</p> : null}
      {note.counters.map((counter, index) => (
        <Counter key={`${counter.outletId}:${index}`} counter={counter} side={note.side} />
      ))}
      <p class="cp-footer">
        From dataset {article.datasetId} · {howPhrase(article.how)}
      </p>
    </div>
  );
}

function Counter({ counter, side }: { counter: CounterView; side: NoteView['side'] }) {
  const href = safeHttpUrl(counter.link);
  return (
    <section class="cp-counter">
      <div class="cp-counter-head">
        <h3 class="cp-outlet">{counter.outlet}</h3>
        <span class="cp-chip">{stanceLabel(counter.stance)}</span>
      </div>
      <p class="cp-article">
        <cite>“{counter.articleTitle}”</cite> · <time dateTime={counter.published}>{formatDate(counter.published)}</time>
      </p>
      <p class="cp-summary-label">
        {side === 'response' ? `What ${counter.outlet} reported:` : `What ${counter.outlet} says:`}
      </p>
      <p class="cp-summary">{counter.summary}</p>
      <p class="cp-source">{sourceLine(counter.attribution)}</p>
      {href ? (
        <a class="cp-read" href={href} target="_blank" rel="noopener noreferrer">
          Read in {counter.outlet} <span aria-hidden="true">↗</span>
          <span class="cp-sr"> (opens in a new tab)</span>
        </a>
      ) : (
        <p class="cp-muted">No web address known for this article</p>
      )}
    </section>
  );
}
