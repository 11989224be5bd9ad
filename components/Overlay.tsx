/**
 * Everything Counterpoint shows on a page, rendered into the content script's shadow root: a badge
 * per placed note, the one open note card, and a pill listing the notes that could not be placed.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { noteHeading, type IdentifiedArticle, type NoteView } from '../lib/core/notes';
import { Badge } from './Badge';
import { NoteCard } from './NoteCard';
import { clampCardLeft, unplacedSummary, type MatchInfo } from './format';

export interface PlacedNote {
  note: NoteView;
  passage: string;
  top: number;
  left: number;
  compact?: boolean;
  match?: MatchInfo;
}
export interface UnplacedNote {
  note: NoteView;
  reason: string;
}
export interface OverlayProps {
  article: IdentifiedArticle;
  placed: PlacedNote[];
  unplaced: UnplacedNote[];
  theme: 'light' | 'dark';
}

/** Badge height (22px) + a small gap: where a card opens below its badge. */
const CARD_OFFSET = 28;
const PANEL_ID = 'cp-unplaced-panel';

/** A stable id per entry: `prefix:key#n`, n counting repeats of a key (a note may be placed twice). */
function slotIds(items: readonly { note: NoteView }[], prefix: string): string[] {
  const seen = new Map<string, number>();
  return items.map(({ note }) => {
    const n = seen.get(note.key) ?? 0;
    seen.set(note.key, n + 1);
    return `${prefix}:${note.key}#${n}`;
  });
}

function viewportWidth(): number {
  return document.documentElement.clientWidth || window.innerWidth;
}

export function Overlay({ article, placed, unplaced, theme }: OverlayProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  /** The button that opened each card, to return focus to. */
  const triggers = useRef(new Map<string, HTMLElement>());
  const [openId, setOpenId] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);

  const placedIds = slotIds(placed, 'p');
  const unplacedIds = slotIds(unplaced, 'u');
  const hasUnplaced = unplaced.length > 0;

  const triggerRef = (id: string) => (element: HTMLElement | null) => {
    if (element) triggers.current.set(id, element);
    else triggers.current.delete(id);
  };
  const close = (returnFocus: boolean) => {
    if (returnFocus && openId !== null) triggers.current.get(openId)?.focus();
    setOpenId(null);
  };
  const toggle = (id: string) => {
    if (openId === id) close(true);
    else setOpenId(id);
  };
  const togglePanel = () => {
    if (panelOpen && openId?.startsWith('u:')) setOpenId(null);
    setPanelOpen(!panelOpen);
  };

  // Forget an open note or panel whose entries are gone after a re-render with new props.
  useEffect(() => {
    if (openId !== null && !placedIds.includes(openId) && !unplacedIds.includes(openId)) setOpenId(null);
    if (panelOpen && !hasUnplaced) setPanelOpen(false);
  });

  // While something is open: Esc closes it, a pointerdown or click outside the overlay closes all.
  // A layout effect, so the listeners are in place as soon as the card is (effects wait for a frame,
  // and background tabs get no frames).
  useLayoutEffect(() => {
    if (openId === null && !panelOpen) return;
    const inside = (event: Event) => {
      const root = rootRef.current;
      return root !== null && event.composedPath().includes(root);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' && event.key !== 'Esc') return;
      // Focus comes back to the overlay only if it was in the overlay.
      const fromInside = inside(event);
      if (openId !== null) {
        if (fromInside) triggers.current.get(openId)?.focus();
        setOpenId(null);
      } else {
        if (fromInside) pillRef.current?.focus();
        setPanelOpen(false);
      }
    };
    const onOutside = (event: Event) => {
      if (inside(event)) return;
      setOpenId(null);
      setPanelOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onOutside, true);
    document.addEventListener('click', onOutside, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onOutside, true);
      document.removeEventListener('click', onOutside, true);
    };
  }, [openId, panelOpen]);

  const openPlaced = placedIds.indexOf(openId ?? '');
  const openEntry = placed[openPlaced];

  return (
    <div class="cp-root" data-theme={theme} ref={rootRef}>
      {placed.map((entry, index) => {
        const id = placedIds[index] ?? '';
        return (
          <Badge
            key={id}
            note={entry.note}
            top={entry.top}
            left={entry.left}
            compact={entry.compact}
            expanded={openId === id}
            controls={`cp-note-p${index}`}
            onToggle={() => toggle(id)}
            buttonRef={triggerRef(id)}
          />
        );
      })}
      {openEntry ? (
        <NoteCard
          key={openId}
          id={`cp-note-p${openPlaced}`}
          note={openEntry.note}
          article={article}
          passage={openEntry.passage}
          match={openEntry.match}
          position={{
            top: openEntry.top + CARD_OFFSET,
            left: clampCardLeft(openEntry.left, viewportWidth(), window.scrollX),
          }}
          onClose={() => close(true)}
        />
      ) : null}
      {hasUnplaced ? (
        <div class="cp-unplaced">
          <button
            type="button"
            class="cp-pill"
            aria-expanded={panelOpen}
            aria-controls={PANEL_ID}
            onClick={togglePanel}
            ref={pillRef}
          >
            {unplacedSummary(unplaced.length)}
          </button>
          {panelOpen ? (
            <div class="cp-panel" id={PANEL_ID} role="region" aria-label="Notes not placed on this page">
              <ul class="cp-list">
                {unplaced.map((entry, index) => {
                  const id = unplacedIds[index] ?? '';
                  const heading = noteHeading(entry.note);
                  const open = openId === id;
                  return (
                    <li key={id} class="cp-list-item" data-note-key={entry.note.key}>
                      <p class="cp-list-heading">{heading}</p>
                      <p class="cp-muted">{entry.reason}</p>
                      <button
                        type="button"
                        class="cp-open"
                        aria-expanded={open}
                        aria-controls={open ? `cp-note-u${index}` : undefined}
                        aria-label={`${heading}: open note`}
                        onClick={() => toggle(id)}
                        ref={triggerRef(id)}
                      >
                        Open note
                      </button>
                      {open ? (
                        <NoteCard id={`cp-note-u${index}`} note={entry.note} article={article} onClose={() => close(true)} />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
