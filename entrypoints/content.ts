import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../lib/platform/page-watch';

// Always on, top frame only: sends the page's URLs and text fingerprint, nothing heavy.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    watchPage(ctx);
  },
});
