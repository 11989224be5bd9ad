/**
 * Verifying a candidate claim against an article: each sentence, and each passage of up to three,
 * is scored against each of the claim's texts (its quotes and its summary) by the share of the claim's content words it contains,
 * weighted by how rare each word is among the claim texts, with a bonus for word pairs in the
 * claim's order. Precision first: the sentence must carry most of the claim's words, several of its
 * word pairs, and no words that deny it, nor may the sentences around it; a page that carries the
 * other side's rebuttal is not taken to make the claim. A note is one sentence, and one sentence
 * carries at most one note: where two claims want the same sentence, the stronger keeps it.
 */
import { contentWords, isCjkText, sentences, type Sentence } from './words';

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
  /** [start, end) in the article text of the one sentence that carries the claim. */
  start: number;
  end: number;
  /** 0..1 */
  score: number;
}

/** Thresholds (English; CJK text, cut into fewer and shorter words, has its own coverage). */
export const MIN_COVERAGE = 0.6;
export const MIN_PAIRS = 3;
export const MIN_SIMILAR_SCORE = 0.62;
const CJK_MIN_COVERAGE = 0.55;
/** A page whose article carries this share of a rebuttal's own words (those not in the claim) answers the claim. */
const REBUTTAL_COVERAGE = 0.6;
const MIN_REBUTTAL_WORDS = 4;
/** A claim may be spread over this many sentences of a rewrite; its note still marks one of them. */
const MAX_PASSAGE = 3;
/** Share of the claim's words the one marked sentence of a longer passage must carry by itself. */
const CARRIER_COVERAGE = 0.5;

/**
 * Words of any report about a report: they say nothing about which side a page takes. Made on first
 * use, not when the module loads: the overlay's script loads it on every matched page, and most of
 * those are matched by address or copy and never verify a claim.
 */
let reporting: readonly string[] | undefined;
const reportingWords = () =>
  (reporting ??= ['report', 'reported', 'article', 'newspaper', 'said', 'told', 'according', 'cited', 'claim', 'claimed'].map((w) => contentWords(w)[0] ?? w));

/**
 * Words that, in or next to the claim's sentence, mean the article disputes the claim rather than
 * repeats it ("the report that X is inaccurate"). A word the claim itself uses proves nothing.
 */
const DENIAL = /\b(?:den(?:y|ies|ied|ial|ials)|disput(?:e|es|ed|ing)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?|reject(?:s|ed)?|dismiss(?:es|ed)?|inaccurate|untrue|false(?:ly|hood)?|fabricat(?:ed|ion)|baseless|groundless|unfounded|speculation|misleading|nonsense|not (?:true|accurate|correct)|no such|no evidence)\b|否认|否定|驳斥|不实|失实|不准确|纯属|捏造|毫无根据|澄清|辟谣|虚假|谣言/giu;

/** A sentence that opens by pointing back ("That is false"): it speaks of the sentence before. */
const ANAPHORA = /^(?:["'“‘]?\s*)(?:this|that|it|such|these|those|the (?:report|claim|story|allegation|article)s?)\b|^(?:这|此|该|上述)/iu;

interface Window extends Sentence {
  words: string[];
}

function windowsOf(article: string): Window[] {
  return sentences(article).map((s) => ({ ...s, words: contentWords(s.text) }));
}

/** A window's words indexed once for scoring against every claim text (passing() scores each passage against many). */
export interface WindowWords {
  length: number;
  /** Each word's positions in the window, ascending. */
  positions: ReadonlyMap<string, readonly number[]>;
}

export function indexWords(windowWords: readonly string[]): WindowWords {
  const positions = new Map<string, number[]>();
  windowWords.forEach((word, i) => {
    const at = positions.get(word);
    if (at) at.push(i);
    else positions.set(word, [i]);
  });
  return { length: windowWords.length, positions };
}

/** Similarity 0..1 of a window to one claim text, and the number of the claim's word pairs in it. */
export function similarity(claimWords: readonly string[], window: WindowWords, weight: (w: string) => number): { coverage: number; pairs: number; score: number } {
  if (claimWords.length === 0 || window.length === 0) return { coverage: 0, pairs: 0, score: 0 };
  const { positions } = window;
  const unique = [...new Set(claimWords)];
  let total = 0;
  let found = 0;
  for (const word of unique) {
    const w = weight(word);
    total += w;
    if (positions.has(word)) found += w;
  }
  const coverage = total ? found / total : 0;
  // Adjacent claim word pairs that also occur within a short span, in order, in the window.
  let pairs = 0;
  for (let i = 0; i + 1 < claimWords.length; i++) {
    const a = positions.get(claimWords[i]!);
    const b = positions.get(claimWords[i + 1]!);
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= 3))) pairs++;
  }
  const pairShare = claimWords.length > 1 ? pairs / (claimWords.length - 1) : 0;
  // Penalise windows much longer than the claim (a long paragraph that happens to share words).
  const lengthRatio = window.length / Math.max(1, claimWords.length);
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

interface Scored {
  key: string;
  at: number;
  score: number;
}

/** One to three adjacent sentences [from, to) and their words, made once for all candidates. */
interface Passage {
  from: number;
  to: number;
  words: string[];
}

function passagesOf(windows: readonly Window[]): Passage[] {
  const out: Passage[] = [];
  for (let size = 1; size <= MAX_PASSAGE; size++) {
    for (let i = 0; i + size <= windows.length; i++) out.push({ from: i, to: i + size, words: windows.slice(i, i + size).flatMap((w) => w.words) });
  }
  return out;
}

/**
 * The sentences that could carry a claim, each with the best score of a passage of one to three
 * sentences around it that verifies the claim (a rewrite may spread a claim over sentences). The
 * note goes on the one sentence of the passage that matches the claim best, and only if that
 * sentence alone carries half the claim's words and several of its pairs.
 */
function passing(textWords: string[][], windows: Window[], passages: readonly Passage[], weight: (w: string) => number, cjk: boolean, denies: (text: string) => boolean): { at: number; score: number }[] {
  const minCoverage = cjk ? CJK_MIN_COVERAGE : MIN_COVERAGE;
  const texts = textWords.filter((words) => words.length >= (cjk ? 6 : 4));
  // Single sentences come first in `passages`, so each sentence's own match is known before longer passages need it.
  const alone: { coverage: number; pairs: number; score: number }[] = [];
  const best = new Map<number, number>();
  for (const { from, to, words } of passages) {
    let top = { coverage: 0, pairs: 0, score: 0 };
    let score = 0;
    const window = indexWords(words);
    for (const claim of texts) {
      const s = similarity(claim, window, weight);
      if (s.score > top.score) top = s;
      if (s.coverage >= minCoverage && s.pairs >= MIN_PAIRS && s.score >= MIN_SIMILAR_SCORE) score = Math.max(score, s.score);
    }
    if (to - from === 1) alone[from] = top;
    if (score === 0) continue;
    let at = from;
    for (let k = from + 1; k < to; k++) if (alone[k]!.score > alone[at]!.score) at = k;
    const carrier = alone[at]!;
    if (to - from > 1 && (carrier.coverage < CARRIER_COVERAGE || carrier.pairs < MIN_PAIRS)) continue;
    if (deniedAround(windows, from, to, denies)) continue;
    best.set(at, Math.max(best.get(at) ?? 0, score));
  }
  return [...best].map(([at, score]) => ({ at, score }));
}

/** Whether a passage, the sentence before it ("X denied that ..."), or an anaphoric one after it denies. */
function deniedAround(windows: Window[], from: number, to: number, denies: (text: string) => boolean): boolean {
  for (let k = Math.max(0, from - 1); k < to; k++) if (denies(windows[k]!.text)) return true;
  const next = windows[to];
  return !!next && ANAPHORA.test(next.text) && denies(next.text);
}

/** A denial test for one claim: denial words its own texts use do not count. */
function denialOf(texts: readonly string[]): (text: string) => boolean {
  const own = texts.join(' ').toLowerCase();
  return (text) => {
    for (const m of text.matchAll(DENIAL)) if (!own.includes(m[0].toLowerCase())) return true;
    return false;
  };
}

/** The claims an article makes (among the candidates), each at the one sentence that carries it best. */
export function verifyClaims(article: string, candidates: readonly ClaimTexts[]): Verified[] {
  if (!article.trim() || candidates.length === 0) return [];
  const windows = windowsOf(article);
  const passages = passagesOf(windows);
  const pairs = passages.filter((p) => p.to - p.from <= 2).map((p) => new Set(p.words));
  const cjk = isCjkText(article);
  // Candidates of one dispute share texts (summaries, rebuttals): each is cut into words once.
  const cache = new Map<string, string[]>();
  const wordsOf = (text: string) => cache.get(text) ?? cache.set(text, contentWords(text)).get(text)!;
  const weight = weights(candidates.flatMap((c) => [...c.texts, ...c.rebuttals].map(wordsOf)));
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    const claimWords = candidate.texts.map(wordsOf);
    const known = new Set([...claimWords.flat(), ...(candidate.names ?? []).flatMap(wordsOf), ...reportingWords()]);
    if (carriesRebuttal(candidate.rebuttals.map(wordsOf), known, pairs)) continue;
    for (const s of passing(claimWords, windows, passages, weight, cjk, denialOf(candidate.texts))) scored.push({ key: candidate.key, ...s });
  }
  // Strongest first; each claim takes its best sentence still free, each sentence carries one claim.
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  const taken = new Set<number>();
  const done = new Set<string>();
  const verified: Verified[] = [];
  for (const s of scored) {
    if (taken.has(s.at) || done.has(s.key)) continue;
    taken.add(s.at);
    done.add(s.key);
    const window = windows[s.at]!;
    verified.push({ key: s.key, start: window.start, end: window.end, score: Number(s.score.toFixed(3)) });
  }
  return verified;
}

/**
 * Whether one sentence, or two adjacent ones, of the article carry one of the rebuttals: most of
 * the rebuttal's own words (rebuttals restate the claim, so the claim's words prove nothing).
 */
function carriesRebuttal(rebuttals: readonly string[][], claimWords: ReadonlySet<string>, passages: readonly ReadonlySet<string>[]): boolean {
  for (const rebuttal of rebuttals) {
    const own = [...new Set(rebuttal)].filter((w) => !claimWords.has(w));
    if (own.length < MIN_REBUTTAL_WORDS) continue;
    for (const words of passages) {
      let found = 0;
      for (const word of own) if (words.has(word)) found++;
      if (found / own.length >= REBUTTAL_COVERAGE) return true;
    }
  }
  return false;
}
