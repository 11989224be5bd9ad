/**
 * One normalised string for the text under a root element, with a map back to DOM positions.
 * Block boundaries count as spaces; hidden and non-text subtrees (scripts, styles, Counterpoint's
 * own host) are skipped. No layout is read: block-ness is decided by tag name.
 */
import { normaliseWithMap } from '../core/text/normalise';

export const OVERLAY_HOST_TAG = 'counterpoint-overlay';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', OVERLAY_HOST_TAG.toUpperCase()]);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD',
  'TH', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML', 'DETAILS', 'SUMMARY', 'CAPTION',
]);

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
}

const SEPARATOR = '\n';

export function buildTextMap(root: Element, limit = 2_000_000): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  const separate = () => {
    pieces.push(SEPARATOR);
    length += 1;
  };
  const enters = (node: Node): boolean => {
    if (node.nodeType !== 1) return false;
    const tag = (node as Element).tagName.toUpperCase();
    return !SKIP.has(tag) && !(node as Element).hasAttribute('hidden');
  };
  // Iterative depth-first walk: no recursion, so deeply nested hostile pages cannot overflow the stack.
  let node: Node | null = root;
  while (node && length <= limit) {
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        nodes.push(node as Text);
        starts.push(length);
        pieces.push(value);
        length += value.length;
      }
    } else if (enters(node)) {
      if (isBlockElement(node as Element)) separate();
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (isBlockElement(node as Element)) separate();
    }
    // Move to the next sibling, closing blocks on the way up.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === 1 && isBlockElement(node as Element)) separate();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  const raw = pieces.join('');
  const { text, map } = normaliseWithMap(raw);

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
