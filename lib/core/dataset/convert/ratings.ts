/**
 * From a fact-checker's verdict to a stance of our vocabulary. Verdicts are free text ("Pants on
 * Fire", "Missing context", "Falso"), so they are matched by words, most specific first; a numeric
 * rating is placed on its own scale. Nothing is guessed: an unknown verdict returns null.
 */
import type { Stance } from '../schema';

const RULES: [RegExp, Stance][] = [
  [/\b(?:mostly|largely) (?:true|correct|accurate)\b/, 'supports'],
  [/\b(?:one|two|1|2) pinocchios?\b/, 'adds-context'],
  [/\b(?:half|partly|partially|mixed|mixture|part)\b/, 'adds-context'],
  [/misattribut|miscaption|outdated|wrong date/, 'corrects'],
  [/mislead|context|exaggerat|cherry|satire|spin\b|enganos|tromp|irrefuhr|fuorvian|misleid/, 'adds-context'],
  [
    /\b(?:false|fake|hoax|incorrect|inaccurate|wrong|untrue|not (?:true|correct|accurate|proven)|fabricat|baseless|unproven|unverified|unsupported|no evidence|unsubstantiated|debunk|pants on fire|pinocchio|bottomless|scam|falso|falsa|faux|fausse|falsch|onwaar|fals)/,
    'disputes',
  ],
  [/\b(?:true|correct|accurate|verdadeir|verdader|vrai|wahr|richtig|vero|waar|geppetto)/, 'supports'],
];

/** The verdict as plain lower-case words: accents, punctuation and case do not matter. */
export function normaliseVerdict(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stance a verdict label stands for, or null if it is not one this table knows. */
export function stanceOfVerdict(label: string): Stance | null {
  const words = normaliseVerdict(label);
  for (const [pattern, stance] of RULES) if (pattern.test(words)) return stance;
  return null;
}

/**
 * The stance of a numeric rating on its scale (schema.org: worst 1 and best 5 unless given): the
 * lowest quarter disputes, the highest quarter supports, the middle adds context.
 */
export function stanceOfRatingValue(value: number, best = 5, worst = 1): Stance | null {
  if (!Number.isFinite(value) || !Number.isFinite(best) || !Number.isFinite(worst) || best <= worst) return null;
  if (value < worst || value > best) return null;
  const share = (value - worst) / (best - worst);
  if (share <= 0.25) return 'disputes';
  if (share >= 0.75) return 'supports';
  return 'adds-context';
}
