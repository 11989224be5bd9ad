/**
 * Choosing quotes for the anchoring eval: sentences of the article's own paragraphs, each marked in
 * the DOM with `<span data-cp-target="k">` wrappers (inline, no text change) so its true place can be
 * read back after the page is perturbed. Quotes are TextQuoteSelectors with 32 characters of
 * prefix and suffix from the root's textContent, as Hypothesis and dom-anchor-text-quote make them.
 */
import { normalise } from '../../lib/core/text/normalise';
import type { Random } from './random';

export const TARGET_ATTR = 'data-cp-target';
/** On elements the `inserted` perturbation adds (an ad, a caption): not part of any target. */
export const INSERTED_ATTR = 'data-cp-inserted';
export const CONTEXT = 32;

export interface EvalQuote {
  id: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const SENTENCE = /[^.!?。！？]+(?:[.!?。！？]+["'”’」』)]*|$)/gu;
const compact = (text: string) => normalise(text).replace(/ /g, '');

/** Paragraphs of the live document whose text is part of the article text. */
export function articleParagraphs(doc: Document, articleText: string): Element[] {
  const article = compact(articleText);
  return [...doc.body.querySelectorAll('p')].filter((p) => {
    const text = compact(p.textContent ?? '');
    return text.length >= 60 && article.includes(text) && !p.querySelector('p');
  });
}

interface Choice {
  paragraph: Element;
  start: number;
  end: number;
}

/** Up to `count` sentences (40 to 260 characters, each once on the page) from distinct article paragraphs. */
export function chooseSentences(paragraphs: Element[], count: number, random: Random, pageText: string): Choice[] {
  const page = compact(pageText);
  const unique = (sentence: string) => {
    const key = compact(sentence);
    return page.indexOf(key) === page.lastIndexOf(key);
  };
  const pool: Choice[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.textContent ?? '';
    const options: Choice[] = [];
    for (const m of text.matchAll(SENTENCE)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const sentence = raw.trim();
      const length = normalise(sentence).length;
      if (length < 40 || length > 260 || !unique(sentence)) continue;
      const start = (m.index ?? 0) + lead;
      options.push({ paragraph, start, end: start + sentence.length });
    }
    if (options.length) pool.push(random.pick(options));
  }
  const chosen: Choice[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(random.int(pool.length), 1)[0]!);
  return chosen;
}

function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Wraps the characters [start, end) of `paragraph`'s text in marker spans for target `id`. */
export function markTarget(paragraph: Element, start: number, end: number, id: number): void {
  let offset = 0;
  for (const node of textNodes(paragraph)) {
    const length = node.data.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    offset += length;
    if (from >= to) continue;
    let piece = node;
    const localStart = from - (offset - length);
    if (localStart > 0) piece = piece.splitText(localStart);
    if (to - from < piece.data.length) piece.splitText(to - from);
    const span = piece.ownerDocument.createElement('span');
    span.setAttribute(TARGET_ATTR, String(id));
    piece.parentNode!.insertBefore(span, piece);
    span.appendChild(piece);
  }
}

/** Offsets in root.textContent of every text node under root. */
export function textOffsets(root: Node): Map<Node, number> {
  const offsets = new Map<Node, number>();
  let offset = 0;
  for (const node of textNodes(root)) {
    offsets.set(node, offset);
    offset += node.data.length;
  }
  return offsets;
}

/** [start, end) in root.textContent of the marked target `id`, or null if it vanished. */
export function targetExtent(root: Element, id: number, offsets: Map<Node, number>): [number, number] | null {
  const spans = [...root.querySelectorAll(`[${TARGET_ATTR}="${id}"]`)];
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    for (const node of textNodes(span)) {
      const at = offsets.get(node);
      if (at === undefined || node.data.length === 0) continue;
      start = Math.min(start, at);
      end = Math.max(end, at + node.data.length);
    }
  }
  return start < end ? [start, end] : null;
}

/** [start, end) in root.textContent of a Range. */
export function rangeExtent(range: Range, offsets: Map<Node, number>): [number, number] | null {
  const point = (node: Node, offset: number, isEnd: boolean): number | null => {
    if (node.nodeType === 3) {
      const at = offsets.get(node);
      return at === undefined ? null : at + offset;
    }
    // An element boundary: the first text node at or after it (start) or before it (end).
    const children = node.childNodes;
    const child = children[isEnd ? offset - 1 : offset] ?? null;
    if (!child) return null;
    const nodes = child.nodeType === 3 ? [child] : textNodes(child);
    const edge = isEnd ? nodes[nodes.length - 1] : nodes[0];
    if (!edge) return null;
    const at = offsets.get(edge);
    return at === undefined ? null : isEnd ? at + (edge as Text).data.length : at;
  };
  const start = point(range.startContainer, range.startOffset, false);
  const end = point(range.endContainer, range.endOffset, true);
  return start === null || end === null || end <= start ? null : [start, end];
}

/** The TextQuoteSelector of each marked target, from the unperturbed page. */
export function quotesOf(root: Element, ids: number[]): EvalQuote[] {
  const offsets = textOffsets(root);
  const text = root.textContent ?? '';
  const quotes: EvalQuote[] = [];
  for (const id of ids) {
    const extent = targetExtent(root, id, offsets);
    if (!extent) continue;
    const [start, end] = extent;
    quotes.push({ id, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) });
  }
  return quotes;
}

/** [start, end) in root.textContent of each text node of the marked target `id` (its own characters, not an insert's). */
export function targetPieces(root: Element, id: number, offsets: Map<Node, number>): [number, number][] {
  const pieces: [number, number][] = [];
  for (const span of root.querySelectorAll(`[${TARGET_ATTR}="${id}"]`)) {
    for (const node of textNodes(span)) {
      const at = offsets.get(node);
      if (node.parentElement?.closest(`[${INSERTED_ATTR}]`)) continue;
      if (at !== undefined && node.data.length > 0) pieces.push([at, at + node.data.length]);
    }
  }
  return pieces;
}

/** Outcome of one anchoring attempt against the truth. */
export type Outcome = 'right' | 'wrong' | 'unplaced';

const overlapOf = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/**
 * Right when the place found covers at least half of the target's own characters and at least half
 * of it lies within the target's extent. The target's own characters, not its extent, are what must
 * be covered: an ad or caption inserted inside the passage is part of the extent but not of the
 * passage, and a place that stops where the ad begins and holds most of the sentence is right.
 */
export function judge(found: [number, number] | null, truth: [number, number] | null, pieces: [number, number][] = truth ? [truth] : []): Outcome {
  if (!found) return 'unplaced';
  if (!truth) return 'wrong';
  const overlap = overlapOf(found, truth);
  if (overlap <= 0) return 'wrong';
  const own = pieces.reduce((n, piece) => n + piece[1] - piece[0], 0);
  const covered = pieces.reduce((n, piece) => n + overlapOf(found, piece), 0);
  return own > 0 && covered / own >= 0.5 && overlap / (found[1] - found[0]) >= 0.5 ? 'right' : 'wrong';
}
