import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../lib/platform/page-watch';

// Always on, top frame only: sends the page's URLs and text fingerprint, nothing heavy.
// No window.postMessage on start (WXT's default would tell every page the extension's id); the
// script's lifetime is its own (lib/overlay/lifetime.ts), not WXT's page-spoofable context.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  noScriptStartedPostMessage: true,
  main() {
    watchPage();
  },
});
