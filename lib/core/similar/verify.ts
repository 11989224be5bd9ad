/**
 * Verifying a candidate claim against an article: each window of one to three sentences is scored
 * against each of the claim's texts (its quotes and its summary) by the share of the claim's
 * content words it contains, weighted by how rare each word is among the claim texts, with a bonus
 * for word pairs in the claim's order. Precision first: a window must carry most of the claim's
 * words, several of its word pairs, and no words that deny it; a page that carries the other
 * side's rebuttal is not taken to make the claim.
 */
import { contentWords, isCjkText, sentences } from './words';

export interface ClaimTexts {
  key: string;
  /** The claim's own words: quotes (any language) and summary. */
  texts: string[];
  /** The rebuttals' words (responses of the same dispute): a page carrying them answers the claim. */
  rebuttals: string[];
  /** Outlet names of both sides (their words prove nothing). */
  names?: string[];
}

export interface Verified {
  key: string;
  /** [start, end) in the article text of the best window. */
  start: number;
  end: number;
  /** 0..1 */
  score: number;
}

/** Thresholds (English; CJK bigrams are denser and use their own). */
export const MIN_COVERAGE = 0.6;
export const MIN_PAIRS = 3;
export const MIN_SIMILAR_SCORE = 0.62;
const CJK_MIN_COVERAGE = 0.55;
/** A page whose article carries this share of a rebuttal's own words (those not in the claim) answers the claim. */
const REBUTTAL_COVERAGE = 0.6;
const MIN_REBUTTAL_WORDS = 4;

/** Words of any report about a report: they say nothing about which side a page takes. */
const REPORTING = ['report', 'reported', 'article', 'newspaper', 'said', 'told', 'according', 'cited', 'claim', 'claimed'].map((w) => contentWords(w)[0] ?? w);

/** Words that, near the claim, mean the article disputes it rather than repeats it. */
const DENIAL = /\b(?:den(?:y|ies|ied|ial)|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?|reject(?:s|ed)?|inaccurate|untrue|false(?:ly)?|fabricat(?:ed|ion)|baseless|groundless|speculation|misleading|not true|no such)\b|否认|驳斥|不实|失实|不准确|纯属|捏造|毫无根据|澄清|辟谣/iu;

interface Window {
  sentences: number;
  start: number;
  end: number;
  words: string[];
  text: string;
}

function windowsOf(article: string): Window[] {
  const parts = sentences(article).map((s) => ({ ...s, words: contentWords(s.text) }));
  const windows: Window[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let size = 1; size <= 3 && i + size <= parts.length; size++) {
      const group = parts.slice(i, i + size);
      windows.push({ sentences: size, start: group[0]!.start, end: group[group.length - 1]!.end, words: group.flatMap((p) => p.words), text: group.map((p) => p.text).join(' ') });
    }
  }
  return windows;
}

/** Similarity 0..1 of a window to one claim text, and the number of the claim's word pairs in it. */
export function similarity(claimWords: readonly string[], windowWords: readonly string[], weight: (w: string) => number): { coverage: number; pairs: number; score: number } {
  if (claimWords.length === 0 || windowWords.length === 0) return { coverage: 0, pairs: 0, score: 0 };
  const inWindow = new Set(windowWords);
  const unique = [...new Set(claimWords)];
  let total = 0;
  let found = 0;
  for (const word of unique) {
    const w = weight(word);
    total += w;
    if (inWindow.has(word)) found += w;
  }
  const coverage = total ? found / total : 0;
  // Adjacent claim word pairs that also occur within a short span, in order, in the window.
  const positions = new Map<string, number[]>();
  windowWords.forEach((word, i) => positions.set(word, [...(positions.get(word) ?? []), i]));
  let pairs = 0;
  for (let i = 0; i + 1 < claimWords.length; i++) {
    const a = positions.get(claimWords[i]!);
    const b = positions.get(claimWords[i + 1]!);
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= 3))) pairs++;
  }
  const pairShare = claimWords.length > 1 ? pairs / (claimWords.length - 1) : 0;
  // Penalise windows much longer than the claim (a long paragraph that happens to share words).
  const lengthRatio = windowWords.length / Math.max(1, claimWords.length);
  const dilution = lengthRatio > 3 ? Math.min(0.15, (lengthRatio - 3) * 0.03) : 0;
  return { coverage, pairs, score: Math.max(0, 0.75 * coverage + 0.25 * pairShare - dilution) };
}

/** Word weights: rarer words among all the candidate texts count more (a crude IDF). */
function weights(texts: string[][]): (w: string) => number {
  const df = new Map<string, number>();
  for (const words of texts) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1);
  const n = texts.length;
  return (word) => 1 + Math.log((n + 1) / ((df.get(word) ?? 0) + 1));
}

function best(textWords: string[][], windows: Window[], weight: (w: string) => number, cjk: boolean) {
  let top: { window: Window; score: number; coverage: number; pairs: number } | null = null;
  for (const words of textWords) {
    if (words.length < (cjk ? 6 : 4)) continue;
    for (const window of windows) {
      const s = similarity(words, window.words, weight);
      if (!top || s.score > top.score) top = { window, ...s };
    }
  }
  return top;
}

/** The claims an article makes (among the candidates), each with its best window. */
export function verifyClaims(article: string, candidates: readonly ClaimTexts[]): Verified[] {
  if (!article.trim() || candidates.length === 0) return [];
  const windows = windowsOf(article);
  const cjk = isCjkText(article);
  const allTexts = candidates.flatMap((c) => [...c.texts, ...c.rebuttals].map(contentWords));
  const weight = weights(allTexts);
  const verified: Verified[] = [];
  for (const candidate of candidates) {
    const claimWords = candidate.texts.map(contentWords);
    const known = new Set([...claimWords.flat(), ...(candidate.names ?? []).flatMap(contentWords), ...REPORTING]);
    if (carriesRebuttal(candidate.rebuttals, known, windows)) continue;
    const top = best(claimWords, windows, weight, cjk);
    if (!top) continue;
    const minCoverage = cjk ? CJK_MIN_COVERAGE : MIN_COVERAGE;
    if (top.coverage < minCoverage || top.pairs < MIN_PAIRS || top.score < MIN_SIMILAR_SCORE) continue;
    if (DENIAL.test(top.window.text) || DENIAL.test(neighbourhood(article, top.window))) continue;
    verified.push({ key: candidate.key, start: top.window.start, end: top.window.end, score: Number(top.score.toFixed(3)) });
  }
  return verified;
}

/**
 * Whether some window of the article carries one of the rebuttals: most of the rebuttal's own words
 * (rebuttals restate the claim, so the claim's words prove nothing).
 */
function carriesRebuttal(rebuttals: readonly string[], claimWords: ReadonlySet<string>, windows: Window[]): boolean {
  for (const rebuttal of rebuttals) {
    const own = [...new Set(contentWords(rebuttal))].filter((w) => !claimWords.has(w));
    if (own.length < MIN_REBUTTAL_WORDS) continue;
    for (const window of windows) {
      if (window.sentences > 2) continue;
      const words = new Set(window.words);
      let found = 0;
      for (const word of own) if (words.has(word)) found++;
      if (found / own.length >= REBUTTAL_COVERAGE) return true;
    }
  }
  return false;
}

/** The sentence before a window: "X denied that ..." often precedes the claim. */
function neighbourhood(article: string, window: Window): string {
  const before = article.slice(Math.max(0, window.start - 200), window.start);
  const cut = Math.max(before.lastIndexOf('. ', before.length - 3), before.lastIndexOf('。', before.length - 2));
  return cut >= 0 ? before.slice(cut + 1) : before;
}
