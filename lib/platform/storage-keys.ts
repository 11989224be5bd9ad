/** Keys of storage.local that content scripts watch; no imports, so the always-on script stays small. */

/** The user's settings (lib/platform/settings.ts). */
export const SETTINGS_KEY = 'settings';

/** Bumped by the background after its catalog changed (lib/platform/catalog-version.ts). */
export const CATALOG_VERSION_KEY = 'catalogVersion';
