import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../lib/overlay/controller';

// Injected by the background only into pages that may carry known disputes (top frame).
// A newer injection replaces an older run itself; see lib/overlay/lifetime.ts for why WXT's context is not used.
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  noScriptStartedPostMessage: true,
  main() {
    void runOverlay().catch(() => undefined);
  },
});
