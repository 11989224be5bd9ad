/**
 * The two browsers the Chromium runs compare, launched the same way (demo/browser.ts, same flags
 * and request routing): one with a snapshot of the built extension, one with an inert extension
 * (a manifest and an empty service worker: no content script, no permission), so both pay for
 * the same launcher and only Counterpoint's own work differs.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../demo/browser';
import { ROOT } from './pages';

export const OUT_DIR = join(ROOT, 'bench-output');

/** Copies the build, so a rebuild by someone else mid-run cannot change what is measured. */
export function snapshotExtension(target = 'chrome-mv3'): string {
  const from = join(ROOT, '.output', target);
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no build at ${from}: run npx wxt build first`);
  const to = join(OUT_DIR, `extension-${target}`);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  return to;
}

export function inertExtension(): string {
  const dir = join(OUT_DIR, 'inert-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Inert (benchmark baseline)', version: '1.0', background: { service_worker: 'background.js' } }));
  writeFileSync(join(dir, 'background.js'), '// Nothing: the baseline for "without Counterpoint".\n');
  return dir;
}

export async function launchPair(extensionDir: string): Promise<{ withExt: ExtensionBrowser; without: ExtensionBrowser }> {
  const withExt = await launchWithExtension({ extensionDir });
  try {
    return { withExt, without: await launchWithExtension({ extensionDir: inertExtension() }) };
  } catch (error) {
    await withExt.close();
    throw error;
  }
}
