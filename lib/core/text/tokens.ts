/**
 * Tokens and content-word n-gram hashes: the cheap fingerprint of a text. Words are runs of letters
 * and digits; CJK runs (no spaces between words) become overlapping character bigrams. Stop words
 * are dropped so that n-grams carry content.
 */
import { STOP_WORDS } from './stop-words';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HIGH = /[\u2e80-\uffff]/;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Content tokens of lower-cased text (see tokenText). */
export function contentTokens(normalised: string): string[] {
  const tokens: string[] = [];
  for (const match of normalised.matchAll(WORD)) {
    const word = match[0];
    // Only a word with a character past U+2E7F can hold CJK: skip the Unicode test for the rest.
    if (!HIGH.test(word) || !CJK.test(word)) {
      if (!STOP_WORDS.has(word)) tokens.push(word);
      continue;
    }
    // Mixed runs: split into CJK and non-CJK parts.
    let last = 0;
    for (const run of word.matchAll(CJK_RUN)) {
      const before = word.slice(last, run.index);
      if (before && !STOP_WORDS.has(before)) tokens.push(before);
      const chars = Array.from(run[0]);
      if (chars.length === 1) tokens.push(chars[0]!);
      for (let k = 0; k + 1 < chars.length; k++) tokens.push(chars[k]! + chars[k + 1]!);
      last = (run.index ?? 0) + run[0].length;
    }
    const after = word.slice(last);
    if (after && !STOP_WORDS.has(after)) tokens.push(after);
  }
  return tokens;
}

/** 32-bit FNV-1a of a string's UTF-16 units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Length of the token n-grams that fingerprints are made of. */
export const NGRAM = 3;

/**
 * Distinct hashes of content-token n-grams of `tokens`, added to `into`: each is
 * `fnv1a(tokens.slice(i, i + NGRAM).join(' '))`, computed without building those strings (this
 * runs on every page the always-on script sees).
 */
export function addNgramHashes(tokens: readonly string[], into: Set<number>, limit = Infinity): Set<number> {
  for (let i = 0; i + NGRAM <= tokens.length && into.size < limit; i++) {
    let hash = 0x811c9dc5;
    for (let k = 0; k < NGRAM; k++) {
      if (k > 0) hash = Math.imul(hash ^ 32, 0x01000193);
      const token = tokens[i + k]!;
      for (let c = 0; c < token.length; c++) hash = Math.imul(hash ^ token.charCodeAt(c), 0x01000193);
    }
    into.add(hash >>> 0);
  }
  return into;
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Lower case without invisible characters: all that tokens need (quotes, dashes and spaces are not
 * part of words anyway), and much cheaper than full normalisation on the always-on path.
 */
export function tokenText(text: string): string {
  return text.replace(INVISIBLE, '').toLowerCase();
}

/** Distinct n-gram hashes of raw text. */
export function textHashes(text: string, limit = Infinity): Set<number> {
  return addNgramHashes(contentTokens(tokenText(text)), new Set(), limit);
}
