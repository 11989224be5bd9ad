/**
 * Highlights with the CSS Custom Highlight API: no element is added to or changed in the page.
 * The `::highlight()` style lives in a constructed stylesheet adopted by the document, which is not
 * part of the DOM tree either. Pages (their frameworks) may replace `document.adoptedStyleSheets`
 * wholesale, dropping that sheet: `keepStyle` puts it back, and is cheap enough to call on every
 * re-layout.
 */

export const HIGHLIGHT_NAME = 'counterpoint-disputed';
export const ACTIVE_HIGHLIGHT_NAME = 'counterpoint-active';

const STYLE = `
::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(96, 140, 220, 0.16); text-decoration: underline dotted rgba(70, 110, 190, 0.9); text-underline-offset: 3px; }
::highlight(${ACTIVE_HIGHLIGHT_NAME}) { background-color: rgba(96, 140, 220, 0.34); }
`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export class Highlighter {
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {}

  show(ranges: readonly Range[], active: Range | null = null): void {
    if (!highlightsSupported()) return;
    this.adoptStyle();
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    if (active) CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, new Highlight(active));
    else CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
  }

  clear(): void {
    if (highlightsSupported()) {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
    }
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = null;
    }
  }

  /** Adopts the highlight style again if the page's own stylesheet assignment dropped it. */
  keepStyle(): void {
    const sheet = this.sheet;
    if (sheet && !this.doc.adoptedStyleSheets.includes(sheet)) this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
  }

  private adoptStyle(): void {
    if (this.sheet) return this.keepStyle();
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // Constructed stylesheets unavailable: ranges stay registered, unstyled; badges still show.
    }
  }
}
