/**
 * The always-on script's signals, in slices. The text is the same as lib/dom/page-signals.ts's
 * `visibleText` and the hashes the same as its `hashesOf` (a DOM test holds them equal), but a
 * very big page is walked a few thousand nodes at a time and hashed a few tens of thousands of
 * characters at a time, yielding to the page in between: on a page of 100,000 nodes the one-task
 * walk took about 65 ms here, and hashing a 200,000-word page about 160 ms. An ordinary page fits
 * in the first slice of each, so it costs what it did before and never yields.
 */
import type { PageSignals } from '../core/catalog';
import { MAX_HASHES } from '../core/limits';
import { addNgramHashes, contentTokens, NGRAM, tokenText } from '../core/text/tokens';
import { MAX_TEXT, pageUrls, walkVisibleText } from '../dom/page-signals';
import { yieldToPage } from './lifetime';

export const NODES_PER_SLICE = 5_000;
export const CHARS_PER_SLICE = 40_000;

/** `visibleText(root)`, a slice of nodes at a time; null if `stillWanted()` turns false. */
export async function visibleTextInSlices(root: Node, stillWanted: () => boolean = () => true, maxChars = MAX_TEXT): Promise<string | null> {
  const parts: string[] = [];
  for (const walk = walkVisibleText(root, parts, NODES_PER_SLICE, maxChars); !walk.next().done; ) {
    await yieldToPage();
    if (!stillWanted()) return null;
  }
  return parts.join(' ');
}

/** `hashesOf(text)`, a slice of text at a time (cut at spaces, n-grams carried across cuts). */
export async function hashesInSlices(text: string, stillWanted: () => boolean = () => true): Promise<number[] | null> {
  const hashes = new Set<number>();
  let carry: string[] = [];
  for (let start = 0; start < text.length && hashes.size < MAX_HASHES; ) {
    let end = Math.min(text.length, start + CHARS_PER_SLICE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    const tokens = carry.concat(contentTokens(tokenText(text.slice(start, end))));
    addNgramHashes(tokens, hashes, MAX_HASHES);
    carry = tokens.slice(-(NGRAM - 1));
    start = end;
    if (start < text.length) {
      await yieldToPage();
      if (!stillWanted()) return null;
    }
  }
  return [...hashes];
}

/** The page's signals (as `collectSignals`), or null if no longer wanted. */
export async function pageSignalsInSlices(doc: Document, stillWanted: () => boolean = () => true): Promise<PageSignals | null> {
  const urls = pageUrls(doc);
  const text = doc.body ? await visibleTextInSlices(doc.body, stillWanted) : '';
  if (text === null) return null;
  const hashes = await hashesInSlices(text, stillWanted);
  return hashes ? { ...urls, hashes } : null;
}

/** A cheap measure of how much text the page has (native, no walk in script): for noticing growth. */
export const textSize = (doc: Document): number => doc.body?.textContent?.length ?? 0;
