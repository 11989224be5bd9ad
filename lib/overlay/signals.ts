/**
 * What the always-on script sends, gathered in slices: the page's URLs and its visible text (the
 * same text as lib/dom/page-signals.ts's `visibleText`; a DOM test holds them equal). A very big
 * page is walked a few thousand nodes at a time, yielding to the page in between: on a page of
 * 100,000 nodes the one-task walk took about 65 ms here. An ordinary page fits in the first slice,
 * so it never yields. Tokenising and hashing happen in the background, not on the page's thread.
 */
import { MAX_TEXT } from '../core/limits';
import type { PageText } from '../core/page-text';
import { pageUrls, walkVisibleText } from '../dom/page-signals';
import { yieldToPage } from './lifetime';

export const NODES_PER_SLICE = 5_000;

/** `visibleText(root)`, a slice of nodes at a time; null if `stillWanted()` turns false. */
export async function visibleTextInSlices(root: Node, stillWanted: () => boolean = () => true, maxChars = MAX_TEXT): Promise<string | null> {
  const parts: string[] = [];
  for (const walk = walkVisibleText(root, parts, NODES_PER_SLICE, maxChars); !walk.next().done; ) {
    await yieldToPage();
    if (!stillWanted()) return null;
  }
  return parts.join(' ');
}

/** The page as `pageText` gives it, or null if no longer wanted. */
export async function pageTextInSlices(doc: Document, stillWanted: () => boolean = () => true): Promise<PageText | null> {
  const urls = pageUrls(doc);
  const text = doc.body ? await visibleTextInSlices(doc.body, stillWanted) : '';
  return text === null ? null : { ...urls, text: text.slice(0, MAX_TEXT) };
}

/** A cheap measure of how much text the page has (native, no walk in script): for noticing growth. */
export const textSize = (doc: Document): number => doc.body?.textContent?.length ?? 0;
