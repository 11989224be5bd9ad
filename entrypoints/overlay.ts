import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runOverlay } from '../lib/overlay/controller';

// Injected by the background only into pages that may carry known disputes (top frame; see
// lib/platform/inject.ts). A plain script, like the always-on one, not a WXT content script: WXT's
// content-script runtime (its context, with an AbortController, a page-visible start-up event and
// listeners) is code every matched page would compile and run for nothing, since its context is
// not used. A newer injection replaces an older run itself; see lib/overlay/lifetime.ts for why.
export default defineUnlistedScript(() => {
  void runOverlay().catch(() => undefined);
});
