/**
 * Who may send the options page's messages: this extension's own options page, decided from the
 * sender the browser reports (its extension id and the page's address), never from the payload.
 * Content scripts report the web page's address, so they can never pass.
 */
import type { SenderLike } from './guards';

/** `optionsUrl` is the options page's address, e.g. `chrome-extension://ID/options.html`. */
export function isOwnOptionsPage(sender: SenderLike, extensionId: string, optionsUrl: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return false;
  let url: URL;
  let expected: URL;
  try {
    url = new URL(sender.url);
    expected = new URL(optionsUrl);
  } catch {
    return false;
  }
  return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname;
}
