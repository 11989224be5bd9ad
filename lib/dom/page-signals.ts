/**
 * What the always-on script gathers: the page's URLs and its visible text, from one TreeWalker
 * pass with no filter callback. The background hashes the text (lib/core/page-text.ts); the
 * one-pass `collectSignals` does both, for the tools and tests that run the pipeline in Node.
 */
import type { PageSignals } from '../core/catalog';
import { MAX_HASHES, MAX_TEXT } from '../core/limits';
import { signalsOf, type PageText } from '../core/page-text';
import { textHashes } from '../core/text/tokens';
/** Elements whose text is not the page's visible text (also the always-on growth count's, page-watch.ts). */
export const HIDDEN_TEXT_TAGS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const HIDDEN_TEXT = [...HIDDEN_TEXT_TAGS].map((tag) => tag.toLowerCase()).join(', ');

export function pageUrls(doc: Document): Pick<PageSignals, 'url' | 'canonical' | 'ogUrl'> {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.href ?? null;
  const ogUrl = doc.querySelector<HTMLMetaElement>('meta[property="og:url" i]')?.content ?? null;
  return { url: doc.location?.href ?? doc.URL, canonical: canonical || null, ogUrl: ogUrl ? resolve(ogUrl, doc.URL) : null };
}

function resolve(value: string, base: string): string | null {
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

/**
 * The text nodes of the elements whose text is not visible, found by one selector query instead
 * of asking every text node for its parent: reading a parent gives it an object in the script's
 * world, and the first element of each kind (paragraph, link, heading...) costs that world the
 * set-up of the kind: about 1 ms of the 2.4 ms walk on corpus pages (Chromium medians).
 */
function hiddenTextNodes(root: Node): Set<Node> {
  const hidden = new Set<Node>();
  const scope = root as Partial<Element>;
  const elements = [...(scope.matches?.(HIDDEN_TEXT) ? [root] : []), ...(scope.querySelectorAll?.(HIDDEN_TEXT) ?? [])];
  for (const element of elements) for (let child = element.firstChild; child; child = child.nextSibling) hidden.add(child);
  return hidden;
}

/**
 * Walks the visible text of `root` into `parts` (one TreeWalker pass, no filter callback), pausing
 * after every `nodesPerPause` text nodes so that a caller can slice the walk. The hidden elements
 * are looked up when the walk starts: the text of a script added while a long walk is paused
 * counts as page text (only pages big enough to be walked in slices can see this).
 */
export function* walkVisibleText(root: Node, parts: string[], nodesPerPause = Infinity, maxChars = MAX_TEXT): Generator<void> {
  const doc = root.ownerDocument ?? (root as Document);
  const hidden = hiddenTextNodes(root);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  let seen = 0;
  for (let node = walker.nextNode(); node && total < maxChars; node = walker.nextNode()) {
    if (++seen > nodesPerPause) {
      seen = 0;
      yield;
    }
    if (hidden.has(node)) continue;
    const value = (node as Text).data;
    parts.push(value);
    total += value.length;
  }
}

export function visibleText(root: Node, maxChars = MAX_TEXT): string {
  const parts: string[] = [];
  const walk = walkVisibleText(root, parts, Infinity, maxChars);
  while (!walk.next().done);
  return parts.join(' ');
}

/** Distinct content n-gram hashes of a text, capped at MAX_HASHES. */
export function hashesOf(text: string): number[] {
  return [...textHashes(text, MAX_HASHES)];
}

/** The page as the always-on script sends it (text cut at MAX_TEXT, as the protocol allows). */
export function pageText(doc: Document): PageText {
  return { ...pageUrls(doc), text: doc.body ? visibleText(doc.body).slice(0, MAX_TEXT) : '' };
}

/** The page's signals as the background computes them from `pageText`. */
export function collectSignals(doc: Document): PageSignals {
  return signalsOf(pageText(doc));
}
