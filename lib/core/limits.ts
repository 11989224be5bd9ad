/** Limits shared by the always-on script and the background. */

/** Most n-gram hashes one page sends (a very long page is fingerprinted by its first part). */
export const MAX_HASHES = 40_000;
