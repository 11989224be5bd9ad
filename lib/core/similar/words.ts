/**
 * Words for comparing a claim with a window of article text: content words, lightly stemmed so
 * "companies" meets "company" and "stored" meets "store"; CJK text as character bigrams (what the
 * cheap fingerprint uses), or as words from Intl.Segmenter where the runtime has it.
 */
import { normalise } from '../text/normalise';
import { STOP_WORDS } from '../text/stop-words';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

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

interface SegmenterLike {
  segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }>;
}

let segmenter: SegmenterLike | null | undefined;
function cjkSegmenter(): SegmenterLike | null {
  if (segmenter === undefined) {
    const Intl_ = (globalThis as { Intl?: { Segmenter?: new (locale: string, options: { granularity: 'word' }) => SegmenterLike } }).Intl;
    segmenter = Intl_?.Segmenter ? new Intl_.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Content words of a text (normalised first). CJK runs become overlapping character bigrams. */
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
      const chars = Array.from(run[0]);
      if (chars.length === 1) words.push(chars[0]!);
      for (let k = 0; k + 1 < chars.length; k++) words.push(chars[k]! + chars[k + 1]!);
      last = (run.index ?? 0) + run[0].length;
    }
    const after = word.slice(last);
    if (after && !STOP_WORDS.has(after)) words.push(stem(after));
  }
  return words;
}

/** Words of CJK text by Intl.Segmenter (falls back to bigrams): for the demo of word-level matching and tests. */
export function segmentWords(text: string): string[] {
  const seg = cjkSegmenter();
  if (!seg) return contentWords(text);
  const words: string[] = [];
  for (const part of seg.segment(normalise(text))) if (part.isWordLike !== false && /[\p{L}\p{N}]/u.test(part.segment)) words.push(part.segment);
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

const SENTENCE_END = /[.!?。！？]+["'”’」』)）]*\s+|[。！？]+["'”’」』)）]*/gu;

const ABBREVIATION = /(?:^|[\s(])(?:mr|mrs|ms|dr|st|sen|rep|gov|gen|prof|jr|sr|no|vs|u\.s|u\.k|e\.g|i\.e)\.\s*$/i;

/** Sentences of a text with their offsets in it (raw text; ends by punctuation). */
export function sentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) {
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    // "U.S." and "Mr." are not sentence ends: a lower-case letter or a digit follows.
    const next = text.slice(end, end + 1);
    if (next && /[a-z0-9]/.test(next)) continue;
    if (ABBREVIATION.test(text.slice(Math.max(start, end - 6), end))) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}
