/** Limits shared by the content scripts and the background. */

/** Most n-gram hashes one page is fingerprinted by (a very long page by its first part). */
export const MAX_HASHES = 40_000;

/**
 * Most characters of page text a content script sends. The background hashes at most MAX_HASHES
 * n-grams of it, which English prose reaches after roughly 400,000 characters (about 10 characters
 * per content n-gram on the corpus) and CJK text after about 40,000, so text past this cap could
 * rarely change the fingerprint; it also bounds the message (at most about 600 kB of JSON for
 * Latin script).
 */
export const MAX_TEXT = 600_000;
