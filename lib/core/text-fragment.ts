/**
 * Links that open an article at a passage: Text Fragments (`#:~:text=`). Long quotes become a
 * `start,end` pair of plain words, which browsers match more reliably than punctuation.
 */

const CLEAN_WORD = /^[\p{L}\p{N}]+$/u;
const EDGE_WORDS = 4;

function encodePart(part: string): string {
  return encodeURIComponent(part).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** `url` with a text fragment that selects `exact`; any fragment already in `url` is replaced. */
export function textFragmentLink(url: string, exact: string): string {
  const base = url.split('#')[0] ?? url;
  const words = exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return base;
  if (words.length <= EDGE_WORDS * 2 + 1) return `${base}#:~:text=${encodePart(words.join(' '))}`;
  const start = cleanRun(words);
  const end = cleanRun([...words].reverse()).reverse();
  if (start.length === 0 || end.length === 0) return `${base}#:~:text=${encodePart(words.join(' '))}`;
  return `${base}#:~:text=${encodePart(start.join(' '))},${encodePart(end.join(' '))}`;
}

/** The leading words up to EDGE_WORDS, stopping at the first word with punctuation. */
function cleanRun(words: string[]): string[] {
  const run: string[] = [];
  for (const word of words) {
    if (run.length === EDGE_WORDS || !CLEAN_WORD.test(word)) break;
    run.push(word);
  }
  return run;
}
