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
/** Text that normalisation turns into a single space (or nothing): ASCII whitespace only. */
const BLANK = /^[\t-\r ]+$/;

/** An element the walk is inside: where it is among the element's children, and what to do when it is left. */
interface Frame {
  element: Node;
  block: boolean;
  /** Raw start of the set-apart span it begins (outermost only), else -1. */
  apartStart: number;
  /** Index of the child the walk is at (or under). */
  at: number;
  /** Past WIDE children, the element's child list, read by index. */
  children: NodeListOf<ChildNode> | null;
}

/**
 * After this many children of one element the walk reads the element's child list by index rather
 * than calling `nextSibling`: in happy-dom (where the eval runs) `nextSibling` searches the parent's
 * children, so a parent of thousands of children cost millions of steps. Reading by index is as
 * fast as `nextSibling` in browsers (a live list caches its last position); an iterator over the
 * list, tried first, made the walk up to 1.5x slower in Chromium on wide pages.
 */
const WIDE = 32;

function siblingAfter(frame: Frame, node: Node): Node | null {
  frame.at++;
  if (frame.at < WIDE) return node.nextSibling;
  frame.children ??= frame.element.childNodes as NodeListOf<ChildNode>;
  return frame.children[frame.at] ?? null;
}

/**
 * One depth-first pass by first child and next sibling (no TreeWalker, which in happy-dom costs
 * a filter call per node, and no child lists made but for wide parents). Skipped and hidden
 * subtrees are not entered at all. Leaving a block adds a separator; leaving the element that
 * began a set-apart span ends it.
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
  const rawApart: [number, number][] = [];
  let apartDepth = 0;
  const leave = (frame: Frame) => {
    if (frame.block) separate();
    if (frame.apartStart !== -1) {
      rawApart.push([frame.apartStart, length]);
      apartDepth--;
    }
  };
  const rootBlock = isBlockElement(root);
  if (rootBlock) separate();
  // The root and the elements entered below it, innermost last: the top one is the current node's parent.
  const frames: Frame[] = [{ element: root, block: rootBlock, apartStart: -1, at: 0, children: null }];
  let node: Node | null = root.firstChild;
  while (node && length <= limit) {
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        // Whitespace alone (the indentation between tags: often most of a page's characters)
        // normalises as one space does, so one space stands for it in the raw text. Its node
        // keeps its place in `nodes`; no match starts or ends in it, as none starts or ends with a space.
        const piece = value.length > 1 && BLANK.test(value) ? ' ' : value;
        nodes.push(node as Text);
        starts.push(length);
        pieces.push(piece);
        length += piece.length;
      }
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.nodeName.toUpperCase();
      // Most elements of an article have no attributes at all: that is known without a lookup.
      if (!SKIP.has(tag) && !(element.hasAttributes() && element.hasAttribute('hidden'))) {
        const block = BLOCK.has(tag);
        const apart = apartDepth === 0 && APART.has(tag);
        if (apart) apartDepth++;
        if (block) separate();
        const frame: Frame = { element, block, apartStart: apart ? length : -1, at: 0, children: null };
        const child = element.firstChild;
        if (child) {
          frames.push(frame);
          node = child;
          continue;
        }
        leave(frame);
      }
    }
    // On to the next node in document order, leaving each element whose children are done.
    let next = siblingAfter(frames[frames.length - 1]!, node);
    while (!next && frames.length > 1) {
      const done = frames.pop()!;
      leave(done);
      node = done.element;
      next = siblingAfter(frames[frames.length - 1]!, node);
    }
    node = next;
  }
  while (frames.length > 0) leave(frames.pop()!);
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
