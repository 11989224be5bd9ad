/** The small margin button beside a passage naming the outlet(s) on the other side. */
import type { TargetedKeyboardEvent } from 'preact';
import { noteHeading, type NoteView } from '../lib/core/notes';
import { outletLabel, uniqueOutlets } from './format';

export interface BadgeProps {
  note: NoteView;
  /** px from the overlay root's top-left (the document's top-left). */
  top: number;
  left: number;
  /** Only the mark, for narrow margins; the outlet stays in the label and tooltip. */
  compact?: boolean | undefined;
  expanded: boolean;
  /** The id of the card this badge opens, set while it is open (aria-controls). */
  controls?: string | undefined;
  onToggle: () => void;
  buttonRef?: ((element: HTMLButtonElement | null) => void) | undefined;
}

export function Badge({ note, top, left, compact, expanded, controls, onToggle, buttonRef }: BadgeProps) {
  const outlets = uniqueOutlets(note.counters);
  const label = outletLabel(outlets);
  const full = outlets.join(', ');

  // Handled here (not left to the button's own activation) so that it works the same everywhere;
  // preventDefault stops the browser from also firing a click, which would toggle twice.
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    if (!event.repeat) onToggle();
  };
  const onKeyUp = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key === ' ') event.preventDefault();
  };

  return (
    <button
      type="button"
      class={['cp-badge', expanded && 'cp-badge--open', compact && 'cp-badge--compact'].filter(Boolean).join(' ')}
      data-note-key={note.key}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-label={`${noteHeading(note)}: open note`}
      title={compact || label !== full ? full : undefined}
      style={{ top: `${top}px`, left: `${left}px` }}
      onClick={onToggle}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      ref={buttonRef}
    >
      <span class="cp-badge-mark" aria-hidden="true">
        ⇄
      </span>
      <span class="cp-badge-label">{label}</span>
    </button>
  );
}
