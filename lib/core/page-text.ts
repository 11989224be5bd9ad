/**
 * What a content script tells the background about a page: its addresses and its text. The
 * background turns the text into the catalog's hash signals here, off the page's thread.
 */
import type { PageSignals } from './catalog';
import { MAX_HASHES, MAX_TEXT } from './limits';
import { textHashes } from './text/tokens';

export interface PageText {
  url: string;
  canonical: string | null;
  ogUrl: string | null;
  /** Visible text (always-on script) or article text (overlay), at most MAX_TEXT characters. */
  text: string;
}

/** The page's signals for the catalog: its addresses and the content n-gram hashes of its text. */
export function signalsOf(page: PageText): PageSignals {
  return { url: page.url, canonical: page.canonical, ogUrl: page.ogUrl, hashes: [...textHashes(page.text.slice(0, MAX_TEXT), MAX_HASHES)] };
}
