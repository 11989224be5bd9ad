/**
 * Two edits to @mozilla/readability's source as the overlay bundles it, for work its parse does
 * on every matched page that changes nothing it returns. Both are checked against the library's
 * own output on the corpus pages (tests/corpus/readability-source.test.ts); an edit whose text is
 * not found fails the build, so a new version of the library cannot slip past them unedited.
 *
 * - Debug logging: parse() serialises the whole article (`innerHTML`) into a log message even with
 *   debugging off, where the message is dropped. Each `this.log(…)` becomes
 *   `this._debug && this.log(…)`, so the message is built only when it would be logged.
 * - The page kept for a retry: _grabArticle serialises the page (`innerHTML`) before its first
 *   attempt, and parses that HTML back into the page if the attempt finds too little text. A deep
 *   clone is kept instead (a copy of the nodes is cheaper than their HTML), and a retry puts a fresh
 *   copy of the clone's children in place: no HTML is written or parsed at all (the edited library
 *   has no HTML sink on this path), and the corpus test shows the retries give the same article.
 */

const LOG_CALL = /\bthis\.log\(/g;
const CACHE = 'var pageCacheHtml = page.innerHTML;';
const RESTORE = 'page.innerHTML = pageCacheHtml;';

/** The edited source of Readability.js; throws if the library's code is not the one edited here. */
export function editReadabilitySource(code: string): string {
  const logs = code.match(LOG_CALL)?.length ?? 0;
  if (logs === 0) throw new Error('Readability.js: no this.log( call found; check scripts/build/readability-source.ts');
  for (const text of [CACHE, RESTORE]) {
    if (code.split(text).length !== 2) throw new Error(`Readability.js: expected "${text}" once; check scripts/build/readability-source.ts`);
  }
  return code
    .replace(LOG_CALL, 'this._debug && this.log(')
    .replace(CACHE, 'var pageCache = page.cloneNode(true);')
    .replace(RESTORE, 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);');
}
