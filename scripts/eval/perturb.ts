/**
 * What real pages do to text, applied to a page whose quote targets are marked (see targets.ts).
 * Every kind changes each target, so no quote passes a kind untouched (except `exact`).
 */
import type { Random } from './random';
import { INSERTED_ATTR, TARGET_ATTR } from './targets';

export const KINDS = ['exact', 'typography', 'whitespace', 'split', 'inserted', 'edited', 'boilerplate', 'reordered', 'mixed'] as const;
export type Kind = (typeof KINDS)[number];

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

function textNodesIn(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!SKIP.has(node.parentNode?.nodeName ?? '')) nodes.push(node as Text);
  }
  return nodes;
}

function targetNodes(doc: Document, id: number): Text[] {
  return [...doc.querySelectorAll(`[${TARGET_ATTR}="${id}"]`)].flatMap((span) => textNodesIn(span)).filter((n) => n.data.length > 0);
}

/** Perturbs `doc` in place. `paragraphs` are the article's paragraphs; `ids` the marked targets. */
export function perturb(doc: Document, kind: Kind, ids: number[], paragraphs: Element[], random: Random): void {
  switch (kind) {
    case 'exact':
      return;
    case 'typography':
      return typography(doc, ids, random);
    case 'whitespace':
      return whitespace(doc, ids, random);
    case 'split':
      return split(doc, ids, random);
    case 'inserted':
      return inserted(doc, ids, random);
    case 'edited':
      return edited(doc, ids, random);
    case 'boilerplate':
      return boilerplate(doc, ids, paragraphs, random);
    case 'reordered':
      return reordered(paragraphs, random);
    case 'mixed':
      typography(doc, ids, random);
      whitespace(doc, ids, random);
      split(doc, ids, random);
      inserted(doc, ids, random);
      return;
  }
}

// Typography: curly quotes, dashes, no-break and thin spaces, soft hyphens, zero-width characters, case.
function retype(text: string, random: Random, force: boolean): string {
  let out = text
    .replace(/(\w)'(\w)/g, '$1\u2019$2')
    .replace(/"([^"]*)"/g, '\u201C$1\u201D')
    .replace(/ - /g, ' \u2014 ')
    .replace(/\.\.\./g, '\u2026');
  out = out.replace(/ /g, () => (random.chance(force ? 0.25 : 0.05) ? random.pick(['\u00A0', '\u2009', '\u202F', '\u3000']) : ' '));
  out = out.replace(/\b([A-Za-z]{4})([A-Za-z]{4,})/g, (word, a: string, b: string) => (random.chance(force ? 0.3 : 0.05) ? `${a}\u00AD${b}` : word));
  out = out.replace(/\b([A-Za-z]{3})([A-Za-z]{3,})/g, (word, a: string, b: string) => (random.chance(force ? 0.15 : 0.02) ? `${a}\u200B${b}` : word));
  if (force) out = out.replace(/\b[a-z]{5,}\b/, (word) => word.toUpperCase());
  return out;
}

function typography(doc: Document, ids: number[], random: Random): void {
  const targets = new Set(ids.flatMap((id) => targetNodes(doc, id)));
  for (const node of textNodesIn(doc.body)) node.data = retype(node.data, random, targets.has(node));
}

function whitespace(doc: Document, ids: number[], random: Random): void {
  const targets = new Set(ids.flatMap((id) => targetNodes(doc, id)));
  const runs = ['  ', '\n', ' \n\t ', '\t', '   \n  '];
  for (const node of textNodesIn(doc.body)) {
    const force = targets.has(node);
    node.data = node.data.replace(/ /g, () => (random.chance(force ? 0.3 : 0.05) ? random.pick(runs) : ' '));
    if (force) node.data = `${random.pick(runs)}${node.data}`;
  }
}

const INLINE = ['em', 'b', 'a', 'span', 'strong', 'i'];

function split(doc: Document, ids: number[], random: Random): void {
  for (const id of ids) {
    for (const node of targetNodes(doc, id)) {
      // Cut the text node at two to three random places (mid-word too) and wrap some pieces in inline elements.
      const cuts = [...new Set([1, 2, 3].slice(0, 2 + random.int(2)).map(() => 1 + random.int(Math.max(1, node.data.length - 1))))].sort((a, b) => b - a);
      const pieces: Text[] = [];
      const rest = node;
      for (const cut of cuts) if (cut < rest.data.length) pieces.unshift(rest.splitText(cut));
      pieces.unshift(rest);
      for (const piece of pieces) {
        if (!random.chance(0.5)) continue;
        const wrapper = doc.createElement(random.pick(INLINE));
        if (wrapper.tagName === 'A') wrapper.setAttribute('href', 'https://example.com/topic');
        piece.parentNode!.insertBefore(wrapper, piece);
        wrapper.appendChild(piece);
      }
    }
  }
}

const INSERTS = [
  (doc: Document) => el(doc, 'div', { class: 'ad-slot' }, 'Advertisement'),
  (doc: Document) => {
    const figure = el(doc, 'figure', { class: 'inline-media' }, '');
    figure.appendChild(el(doc, 'img', { src: 'data:,', alt: '' }, ''));
    figure.appendChild(el(doc, 'figcaption', {}, 'Delegates arrive for the opening session on Tuesday. Photo: Staff photographer'));
    return figure;
  },
  (doc: Document) => {
    const aside = el(doc, 'aside', { class: 'related-inline' }, 'Related: ');
    aside.appendChild(el(doc, 'a', { href: 'https://example.com/related' }, 'Markets slip as investors weigh the latest figures'));
    return aside;
  },
  (doc: Document) => el(doc, 'span', { class: 'promo' }, ' Sign up for our morning newsletter. '),
  (doc: Document) => el(doc, 'div', { class: 'video-embed' }, 'Watch: what the new rules mean for you (2:14)'),
];

function el(doc: Document, tag: string, attrs: Record<string, string>, text: string): Element {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  return element;
}

function inserted(doc: Document, ids: number[], random: Random): void {
  for (const id of ids) {
    const nodes = targetNodes(doc, id);
    const total = nodes.reduce((n, node) => n + node.data.length, 0);
    // A word boundary near the middle of the sentence.
    let goal = Math.floor(total * (0.3 + random.next() * 0.4));
    for (const node of nodes) {
      if (goal >= node.data.length) {
        goal -= node.data.length;
        continue;
      }
      const space = node.data.indexOf(' ', goal);
      const at = space === -1 ? node.data.length : space + 1;
      const after = at < node.data.length ? node.splitText(at) : null;
      const insert = random.pick(INSERTS)(doc);
      // Marked so the judge does not count its text as the target's (it can land inside a target's marker span).
      insert.setAttribute(INSERTED_ATTR, '');
      node.parentNode!.insertBefore(insert, after ?? node.nextSibling);
      break;
    }
  }
}

function edited(doc: Document, ids: number[], random: Random): void {
  const fillers = ['reportedly', 'new', 'also', 'several', 'later', 'officials'];
  for (const id of ids) {
    const nodes = targetNodes(doc, id).filter((n) => /\w{3,}/.test(n.data));
    const edits = 1 + random.int(2);
    for (let k = 0; k < edits && nodes.length; k++) {
      const node = random.pick(nodes);
      const words = [...node.data.matchAll(/\b\w{3,}\b/g)];
      if (!words.length) continue;
      const word = random.pick(words);
      const at = word.index ?? 0;
      const choice = random.int(3);
      const replacement = choice === 0 ? random.pick(fillers) : choice === 1 ? '' : `${word[0]} ${random.pick(fillers)}`;
      node.data = node.data.slice(0, at) + replacement + node.data.slice(at + word[0].length).replace(choice === 1 ? /^ / : /$^/, '');
    }
  }
}

function boilerplate(doc: Document, ids: number[], paragraphs: Element[], random: Random): void {
  const body = doc.body;
  const box = el(doc, 'aside', { class: 'most-read' }, '');
  box.appendChild(el(doc, 'h3', {}, 'Most read'));
  const list = el(doc, 'ul', {}, '');
  box.appendChild(list);
  for (const id of ids) {
    const text = targetNodes(doc, id).map((n) => n.data).join('');
    list.appendChild(el(doc, 'li', {}, text));
    // A pull quote of the same sentence inside the article, and a teaser at the end of the page.
    const paragraph = random.pick(paragraphs);
    paragraph.parentNode?.insertBefore(el(doc, 'blockquote', { class: 'pull-quote' }, text), paragraph);
    const teaser = el(doc, 'div', { class: 'teaser' }, '');
    teaser.appendChild(el(doc, 'a', { href: 'https://example.com/picks' }, `Editor's pick: ${text}`));
    body.appendChild(teaser);
  }
  body.insertBefore(box, body.firstChild);
}

function reordered(paragraphs: Element[], random: Random): void {
  const byParent = new Map<Node, Element[]>();
  for (const p of paragraphs) {
    const parent = p.parentNode;
    if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
  }
  for (const [parent, children] of byParent) {
    if (children.length < 2) continue;
    const shuffled = [...children];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    // Put the shuffled paragraphs where the originals were, slot by slot.
    const slots = children.map((child) => {
      const marker = child.ownerDocument.createComment('slot');
      parent.insertBefore(marker, child);
      return marker;
    });
    shuffled.forEach((child, i) => parent.insertBefore(child, slots[i]!));
    for (const slot of slots) slot.remove();
  }
}
