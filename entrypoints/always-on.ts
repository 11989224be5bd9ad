import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchPage } from '../lib/platform/page-watch';

// The always-on content script, top frame only: sends the page's URLs and visible text, nothing
// heavy. Built as a plain script rather than with defineContentScript, whose runtime (a WXT
// context, webextension-polyfill) would be most of its size and start-up cost on every page; so no
// window.postMessage on start either (WXT's would tell every page the extension's id). It is listed
// in the manifest by wxt.config.ts, and injected into open tabs after an update (lib/platform/inject.ts).
// Its lifetime is its own (lib/overlay/lifetime.ts), not WXT's page-spoofable context.
export default defineUnlistedScript(() => {
  watchPage();
});
