/** Limits shared by the content scripts and the background. */

/** Most n-gram hashes one page is fingerprinted by (a very long page by its first part). */
export const MAX_HASHES = 40_000;

/**
 * Most characters of page text a content script sends. The background hashes at most MAX_HASHES
 * n-grams of it: on the 130 corpus pages visible text gives one distinct n-gram per 25 characters
 * (median; 12 at the 5th percentile), so past about 500,000 characters more text could rarely add
 * a hash (CJK text, one n-gram per character, reaches the cap sooner). The message stays modest:
 * median 33 kB, 95th percentile 129 kB, largest 517 kB of JSON on those pages (the hash lists it
 * replaced were 11, 36 and 147 kB), serialised by the browser's native code.
 */
export const MAX_TEXT = 600_000;
