import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../lib/overlay/controller';

// Injected by the background only into pages that may carry known disputes.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    void runOverlay(ctx);
  },
});
