/**
 * The one way UI enters a page: a single shadow-root host (lib/overlay/host.ts) holding every badge
 * and note, plus highlights through the CSS Custom Highlight API. Badge positions follow the
 * passages on resize, font loading and reflow.
 */
import { render } from 'preact';
import { Overlay, type PlacedNote } from '../../components/Overlay';
import { OVERLAY_CSS } from '../../components/overlay.css';
import type { IdentifiedArticle } from '../core/notes';
import type { Anchoring } from '../dom/anchor';
import { Highlighter } from '../dom/highlight';
import { layoutBadges } from '../dom/layout';
import { pageTheme } from '../dom/theme';
import { createOverlayHost } from './host';
import type { Lifetime } from './lifetime';

/** The host sits at the document's top-left with no size; its styles win over any page rule. */
const HOST_CSS = `:host { all: initial !important; display: block !important; position: absolute !important;
  top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;
  z-index: 2147483646 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  transform: none !important; visibility: visible !important; opacity: 1 !important; }`;

export interface OverlayView {
  show(): void;
  hide(): void;
  /** New notes for the same view (after a rescan). */
  update(article: IdentifiedArticle, anchoring: Anchoring): void;
  /** Whether any placed passage lost its text (the page replaced those nodes). */
  broken(): boolean;
  /** Whether the page removed the host too often and the view gave up. */
  readonly gaveUp: boolean;
}

const rangeBroken = (range: Range) => range.collapsed || !range.startContainer.isConnected || !range.endContainer.isConnected;

export function mountOverlayView(life: Lifetime, first: { article: IdentifiedArticle; anchoring: Anchoring }, onGiveUp: () => void): OverlayView {
  const highlighter = new Highlighter(document);
  const theme = pageTheme(document);
  let { article, anchoring } = first;
  let shown = false;
  let frame = 0;
  /** The body's border box when badges were last laid out (see the ResizeObserver below). */
  let drawnSize = '';

  const host = createOverlayHost(life, `${HOST_CSS}\n${OVERLAY_CSS}`, () => {
    hide();
    onGiveUp();
  });
  const live = () => anchoring.placed.filter((p) => !rangeBroken(p.range));

  const draw = () => {
    frame = 0;
    if (!shown || life.ended) return;
    highlighter.keepStyle();
    const notes = live();
    const positions = layoutBadges(
      notes.map((p) => p.range),
      host.element,
      document.documentElement.clientWidth,
    );
    // Layout is fresh here (just read): this costs nothing more.
    const body = document.body?.getBoundingClientRect();
    drawnSize = body ? `${body.width}x${body.height}` : '';
    const placed: PlacedNote[] = [];
    notes.forEach((p, i) => {
      const position = positions[i];
      if (position) placed.push({ note: p.note, passage: p.passage, ...position, match: { how: p.how, confidence: p.confidence, changed: p.changed } });
    });
    render(<Overlay article={article} placed={placed} unplaced={anchoring.unplaced} theme={theme} />, host.container);
  };
  const schedule = () => {
    if (shown && !frame && !life.ended) frame = requestAnimationFrame(draw);
  };

  addEventListener('resize', schedule, { signal: life.signal });
  document.fonts?.addEventListener('loadingdone', schedule, { signal: life.signal });
  // A ResizeObserver reports once right after observe(): at the size the first draw just used,
  // unless the page changed since. Only a size other than the drawn one needs another layout.
  const resizes =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]?.borderBoxSize?.[0];
          if (!box || `${box.inlineSize}x${box.blockSize}` !== drawnSize) schedule();
        })
      : null;
  const hide = () => {
    if (!shown) return;
    shown = false;
    resizes?.disconnect();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    highlighter.clear();
    render(null, host.container);
    host.unmount();
  };
  life.onEnd(hide);

  return {
    show() {
      if (shown || life.ended || host.gaveUp) return;
      shown = true;
      host.mount();
      highlighter.show(live().map((p) => p.range));
      if (document.body) resizes?.observe(document.body);
      draw();
    },
    hide,
    update(nextArticle, nextAnchoring) {
      article = nextArticle;
      anchoring = nextAnchoring;
      if (!shown) return;
      highlighter.show(live().map((p) => p.range));
      draw();
    },
    broken: () => anchoring.placed.some((p) => rangeBroken(p.range)),
    get gaveUp() {
      return host.gaveUp;
    },
  };
}
