import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { editReadabilitySource } from './scripts/build/readability-source';

/**
 * The overlay script uses the browser's own promise-based extension API (Chrome MV3's `chrome`,
 * Firefox's `browser`) instead of webextension-polyfill: it only sends messages and reads storage,
 * both promise-based natively, and the polyfill was a tenth of the script every matched page
 * parses. Decided per build from the entry being built (WXT builds each script alone).
 */
function overlayWithoutPolyfill(): Plugin {
  return {
    name: 'counterpoint:overlay-native-extension-api',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== '@wxt-dev/webextension-polyfill/browser') return null;
      const entry = this.environment.config.build.lib ? this.environment.config.build.lib.entry : null;
      if (!String(entry).replaceAll('\\', '/').endsWith('/entrypoints/overlay.ts')) return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}

/**
 * V8's explicit compile hint for overlay.js: the magic comment as the script's first line makes
 * Chrome (136 and later) compile every function eagerly while compiling the script, instead of
 * pre-parsing each one then parsing it again on its first call. Most of the script runs on every
 * matched page (Readability, anchoring, the badges), so the second parse was work paid on each
 * one; measured in scripts/bench/compare.ts (docs/performance.md). Other browsers read a comment.
 */
function overlayCompiledEagerly(): Plugin {
  return {
    name: 'counterpoint:overlay-compile-hint',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName.endsWith('overlay.js')) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

/** Readability with the edits of scripts/build/readability-source.ts (work its parse did for nothing). */
function readabilityEdited(): Plugin {
  return {
    name: 'counterpoint:readability-edits',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/@mozilla/readability/Readability.js')) return null;
      return { code: editReadabilitySource(code), map: null };
    },
  };
}

// Manifest and build settings. Permissions are the fewest the features need; the README says why each is there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [overlayWithoutPolyfill(), overlayCompiledEagerly(), readabilityEdited()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Counterpoint',
    description: 'Quiet margin notes on news passages that another outlet has publicly disputed. Works from datasets inside your browser; sends nothing about your browsing.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'scripting'],
    // Where the scripts run (both are plain scripts: WXT adds no host permissions for them).
    host_permissions: ['http://*/*', 'https://*/*'],
    // The always-on script (entrypoints/always-on.ts) is a plain script, not a WXT content script: listed here.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['always-on.js'], run_at: 'document_idle', all_frames: false }],
    icons: { 16: 'icons/on-16.png', 32: 'icons/on-32.png', 48: 'icons/on-48.png', 128: 'icons/on-128.png' },
    action: {
      default_title: 'Counterpoint: notes on',
      default_icon: { 16: 'icons/on-16.png', 32: 'icons/on-32.png' },
    },
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Turn Counterpoint notes off or on',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'counterpoint@counterpoint.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
