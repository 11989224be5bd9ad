/**
 * One normalised string for the text under a root element, with a map back to DOM positions.
 * Block boundaries count as spaces; hidden and non-text subtrees (scripts, styles, Counterpoint's
 * own host) are skipped. No layout is read: block-ness is decided by tag name.
 */
import { normalisePacked } from '../core/text/normalise';

export const OVERLAY_HOST_TAG = 'counterpoint-overlay';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', OVERLAY_HOST_TAG.toUpperCase()]);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD',
  'TH', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML', 'DETAILS', 'SUMMARY', 'CAPTION',
]);

/** Elements whose text is set apart from the article's running text: a pull quote is a blockquote or an aside. */
const APART = new Set(['BLOCKQUOTE', 'ASIDE', 'FIGURE', 'FIGCAPTION']);

export function isBlockElement(element: Element): boolean {
  return BLOCK.has(element.tagName.toUpperCase());
}

/** The nearest block-level element containing `node`. */
export function blockAncestor(node: Node): Element | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && isBlockElement(current as Element)) return current as Element;
  }
  return null;
}

export interface TextMap {
  /** Normalised text of the root. */
  text: string;
  /** The DOM position of normalised offset `index` (start of a character). */
  positionAt(index: number): { node: Text; offset: number } | null;
  /** A Range for normalised [start, end), or null if it cannot be made. */
  range(start: number, end: number): Range | null;
  /** Normalised spans [from, to) of text set apart from the running text (pull quotes, asides, figures), in order. */
  apart: readonly { from: number; to: number }[];
}

const SEPARATOR = '\n';

/**
 * One TreeWalker pass (elements and text, no filter callback: the fast path in browsers and in
 * happy-dom alike). A stack of open elements, kept from each node's parent, tells when a block
 * ends (a separator) and when the walk is inside a skipped subtree.
 */
export function buildTextMap(root: Element, limit = 2_000_000): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  const separate = () => {
    pieces.push(SEPARATOR);
    length += 1;
  };
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */ | 4 /* SHOW_TEXT */);
  const open: Node[] = [root];
  const blocks: boolean[] = [isBlockElement(root)];
  const skipped: boolean[] = [false];
  // Raw start of each open element that begins a set-apart span (outermost only), else -1.
  const apartStarts: number[] = [-1];
  const rawApart: [number, number][] = [];
  let apartDepth = 0;
  const close = () => {
    open.pop();
    skipped.pop();
    if (blocks.pop()) separate();
    const apartStart = apartStarts.pop()!;
    if (apartStart !== -1) {
      rawApart.push([apartStart, length]);
      apartDepth--;
    }
  };
  if (blocks[0]) separate();
  for (let node = walker.nextNode(); node && length <= limit; node = walker.nextNode()) {
    const parent = node.parentNode;
    while (open.length > 1 && open[open.length - 1] !== parent) close();
    const inSkipped = skipped[skipped.length - 1]!;
    if (node.nodeType === 3) {
      if (inSkipped) continue;
      const value = (node as Text).data;
      if (value.length > 0) {
        nodes.push(node as Text);
        starts.push(length);
        pieces.push(value);
        length += value.length;
      }
      continue;
    }
    const element = node as Element;
    const tag = element.nodeName.toUpperCase();
    const skip = inSkipped || SKIP.has(tag) || element.hasAttribute('hidden');
    const block = !skip && BLOCK.has(tag);
    const apart = !skip && apartDepth === 0 && APART.has(tag);
    if (apart) apartDepth++;
    apartStarts.push(apart ? length : -1);
    if (block) separate();
    open.push(node);
    blocks.push(block);
    skipped.push(skip);
  }
  while (open.length > 1) close();
  while (blocks.length) if (blocks.pop()) separate();
  const raw = pieces.join('');
  const { text, map } = normalisePacked(raw);
  // The first normalised offset at or after a raw one (the map only grows).
  const normalisedAt = (rawIndex: number): number => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < rawIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const apart = rawApart.map(([from, to]) => ({ from: normalisedAt(from), to: normalisedAt(to) })).filter((span) => span.to > span.from);

  const locate = (rawIndex: number, forward: boolean): { node: Text; offset: number } | null => {
    // Binary search for the last text node starting at or before rawIndex.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= rawIndex) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return null;
    const node = nodes[found]!;
    const offset = rawIndex - starts[found]!;
    if (offset <= node.data.length) return { node, offset };
    // rawIndex is a separator after this node: snap to the next node (forward) or this node's end.
    if (forward) {
      const next = nodes[found + 1];
      return next ? { node: next, offset: 0 } : null;
    }
    return { node, offset: node.data.length };
  };

  return {
    text,
    apart,
    positionAt(index) {
      const rawIndex = map[index];
      return rawIndex === undefined ? null : locate(rawIndex, true);
    },
    range(start, end) {
      if (start >= end || end > text.length) return null;
      const first = map[start];
      const last = map[end - 1];
      if (first === undefined || last === undefined) return null;
      const from = locate(first, true);
      const lastChar = raw.charCodeAt(last);
      const to = locate(last + (lastChar >= 0xd800 && lastChar <= 0xdbff ? 2 : 1), false);
      if (!from || !to) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    },
  };
}
