/**
 * The one way UI enters a page: a single shadow-root host (created with WXT's createShadowRootUi)
 * holding every badge and note, plus highlights through the CSS Custom Highlight API. Badge
 * positions follow the passages on resize, font loading and reflow.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay, type PlacedNote } from '../../components/Overlay';
import { OVERLAY_CSS } from '../../components/overlay.css';
import type { IdentifiedArticle } from '../core/notes';
import type { Anchoring } from '../dom/anchor';
import { Highlighter } from '../dom/highlight';
import { layoutBadges } from '../dom/layout';
import { OVERLAY_HOST_TAG } from '../dom/text-map';
import { pageTheme } from '../dom/theme';

/** The host sits at the document's top-left with no size; its styles win over any page rule. */
const HOST_CSS = `:host { all: initial !important; display: block !important; position: absolute !important;
  top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;
  z-index: 2147483646 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  transform: none !important; visibility: visible !important; opacity: 1 !important; }`;

export interface OverlayView {
  show(): void;
  hide(): void;
}

export async function mountOverlayView(ctx: ContentScriptContext, article: IdentifiedArticle, anchoring: Anchoring): Promise<OverlayView> {
  const highlighter = new Highlighter(document);
  const theme = pageTheme(document);
  let shown = false;
  let frame = 0;

  const ui = await createShadowRootUi(ctx, {
    name: OVERLAY_HOST_TAG,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    inheritStyles: true,
    css: `${HOST_CSS}\n${OVERLAY_CSS}`,
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });

  const draw = () => {
    frame = 0;
    if (!shown || ctx.isInvalid) return;
    const ranges = anchoring.placed.map((p) => p.range);
    const positions = layoutBadges(ranges, ui.shadowHost, document.documentElement.clientWidth);
    const placed: PlacedNote[] = [];
    anchoring.placed.forEach((p, i) => {
      const position = positions[i];
      if (position) placed.push({ note: p.note, passage: p.passage, ...position });
    });
    render(<Overlay article={article} placed={placed} unplaced={anchoring.unplaced} theme={theme} />, ui.uiContainer);
  };
  const schedule = () => {
    if (shown && !frame) frame = requestAnimationFrame(draw);
  };

  ctx.addEventListener(window, 'resize', schedule);
  document.fonts?.addEventListener('loadingdone', schedule);
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  ctx.onInvalidated(() => {
    document.fonts?.removeEventListener('loadingdone', schedule);
    resizes?.disconnect();
    if (frame) cancelAnimationFrame(frame);
    highlighter.clear();
  });

  return {
    show() {
      if (shown) return;
      shown = true;
      ui.mount();
      highlighter.show(anchoring.placed.map((p) => p.range));
      if (document.body) resizes?.observe(document.body);
      draw();
    },
    hide() {
      if (!shown) return;
      shown = false;
      resizes?.disconnect();
      highlighter.clear();
      ui.remove();
    },
  };
}
