/**
 * Content fingerprints of articles: a bottom-k sketch (the k smallest n-gram hashes of the text).
 * The share of an article's sketch found among a page's n-gram hashes estimates how much of the
 * article the page contains, however much boilerplate surrounds it.
 */
import { textHashes } from './text/tokens';

export const FINGERPRINT_SCHEME = 'cw3-fnv1a-bottom';
export const FINGERPRINT_SIZE = 64;
/** Share of an article's sketch a page must contain to be taken for a copy of it. */
export const COPY_CONTAINMENT = 0.6;

export interface Fingerprint {
  scheme: typeof FINGERPRINT_SCHEME;
  hashes: number[];
}

export function fingerprintText(text: string, size = FINGERPRINT_SIZE): Fingerprint {
  const hashes = [...textHashes(text)].sort((a, b) => a - b).slice(0, size);
  return { scheme: FINGERPRINT_SCHEME, hashes };
}

/** Share of the sketch's hashes present in `pageHashes` (0 to 1). */
export function containment(fingerprint: Fingerprint, pageHashes: ReadonlySet<number>): number {
  if (fingerprint.hashes.length === 0) return 0;
  let hits = 0;
  for (const hash of fingerprint.hashes) if (pageHashes.has(hash)) hits++;
  return hits / fingerprint.hashes.length;
}
