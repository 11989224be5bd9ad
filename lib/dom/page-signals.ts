/**
 * What the always-on script gathers: the page's URLs and its visible text, from one TreeWalker
 * pass with no filter callback. The background hashes the text (lib/core/page-text.ts); the
 * one-pass `collectSignals` does both, for the tools and tests that run the pipeline in Node.
 */
import type { PageSignals } from '../core/catalog';
import { MAX_HASHES, MAX_TEXT } from '../core/limits';
import { signalsOf, type PageText } from '../core/page-text';
import { textHashes } from '../core/text/tokens';
const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

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
 * Walks the visible text of `root` into `parts` (one TreeWalker pass, no filter callback), pausing
 * after every `nodesPerPause` text nodes so that a caller can slice the walk.
 */
export function* walkVisibleText(root: Node, parts: string[], nodesPerPause = Infinity, maxChars = MAX_TEXT): Generator<void> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  let seen = 0;
  for (let node = walker.nextNode(); node && total < maxChars; node = walker.nextNode()) {
    if (++seen > nodesPerPause) {
      seen = 0;
      yield;
    }
    const parent = node.parentNode as Element | null;
    if (parent && SKIP_PARENTS.has(parent.nodeName)) continue;
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
