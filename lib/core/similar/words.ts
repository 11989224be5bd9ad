/**
 * Words for comparing a claim with a sentence of article text: content words, lightly stemmed so
 * "companies" meets "company" and "stored" meets "store"; CJK text, which has no spaces, as the
 * words Intl.Segmenter finds (the cheap retrieval index uses character bigrams; verification wants
 * words, so that 国家 meeting 家安 proves nothing). Sentences by Intl.Segmenter too, with the
 * abbreviations it would cut at ("Mr.", "U.S.") put back together.
 */
import { normalise } from '../text/normalise';
import { STOP_WORDS } from '../text/stop-words';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Chinese and Japanese function words: every sentence has them, so they would only inflate a match. */
const CJK_STOP_WORDS: ReadonlySet<string> = new Set('的 了 在 是 和 与 及 并 将 也 都 而 对 把 被 这 那 其 之 于 为 以 就 或 等 中 上 の に は を が と で た も'.split(' '));

/** A light English stemmer: enough to meet inflected forms, never a dictionary. */
export function stem(word: string): string {
  if (word.length <= 4 || CJK.test(word)) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

let wordSegmenter: Intl.Segmenter | undefined;
let sentenceSegmenter: Intl.Segmenter | undefined;

/** The words of a run of CJK characters, function words dropped. */
function cjkWords(run: string, into: string[]): void {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const part of wordSegmenter.segment(run)) if (part.isWordLike && !CJK_STOP_WORDS.has(part.segment)) into.push(part.segment);
}

/** Content words of a text (normalised first). CJK runs are cut into words by Intl.Segmenter. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of normalise(text).matchAll(WORD)) {
    const word = match[0];
    if (!CJK.test(word)) {
      if (!STOP_WORDS.has(word) && word.length > 1) words.push(stem(word));
      continue;
    }
    let last = 0;
    for (const run of word.matchAll(CJK_RUN)) {
      const before = word.slice(last, run.index);
      if (before && !STOP_WORDS.has(before)) words.push(stem(before));
      cjkWords(run[0], words);
      last = (run.index ?? 0) + run[0].length;
    }
    const after = word.slice(last);
    if (after && !STOP_WORDS.has(after)) words.push(stem(after));
  }
  return words;
}

/** Whether a text is mostly CJK (decides sentence splitting and thresholds). */
export function isCjkText(text: string): boolean {
  let cjk = 0;
  let letters = 0;
  for (const ch of text.slice(0, 400)) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (CJK.test(ch)) cjk++;
    }
  }
  return letters > 0 && cjk / letters > 0.3;
}

/**
 * Abbreviations Intl.Segmenter ends a sentence at when a capital follows ("Mr. Obama", "the U.S.
 * Senate"): titles, initials, and dotted short forms. A sentence really ending in "U.S." is then
 * joined to the next one, which only makes that passage longer, never wrong.
 */
const ABBREVIATION = /(?:^|[\s("'“‘])(?:mr|mrs|ms|dr|st|sen|rep|gov|gen|col|lt|sgt|capt|prof|rev|jr|sr|vs|inc|corp|co|ltd|jan|feb|aug|sept|oct|nov|dec|[a-z](?:\.[a-z])+)\.["'”’)]*\s*$/i;
const INITIAL = /(?:^|\s)\p{Lu}\.\s*$/u;

export interface Sentence {
  text: string;
  /** [start, end) in the text, trimmed. */
  start: number;
  end: number;
}

/**
 * Makes the sentence segmenter `sentences` uses. The first Intl object a page's script makes loads
 * the locale data (about 15 to 25 ms in Chromium here, more than the verification using it): a
 * caller that works in slices makes it here, in a slice of its own.
 */
export function prepareSentences(): void {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
}

/** Sentences of a text with their offsets in it: ends by punctuation (also 。！？) and by line breaks. */
export function sentences(text: string): Sentence[] {
  prepareSentences();
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
    start = end;
  };
  for (const part of sentenceSegmenter!.segment(text)) {
    const end = part.index + part.segment.length;
    if (end < text.length && !part.segment.includes('\n') && (ABBREVIATION.test(part.segment) || INITIAL.test(part.segment))) continue;
    push(end);
  }
  push(text.length);
  return out;
}
