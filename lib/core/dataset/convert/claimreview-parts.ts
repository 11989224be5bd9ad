/**
 * The parts of a ClaimReview the converter reads: where the claim appeared, its quote if it is one,
 * and the rating. Problems and assumptions go to the conversion's context.
 */
import { LIMITS } from '../limits';
import type { Problem } from '../parse';
import type { Quote, Stance } from '../schema';
import type { DatasetBuilder } from './builder';
import { agentOf, Assumptions, child, dateOf, hasType, hostOf, isObject, items, languageOf, oneLine, prop, str, urlAt, type Agent, type Json } from './common';
import { stanceOfRatingValue, stanceOfVerdict } from './ratings';

export interface Context {
  builder: DatasetBuilder;
  notes: Assumptions;
  problems: Problem[];
  resolve: (value: unknown) => unknown;
  today: string;
}

export function required(node: Json, key: string, path: string, what: string, problems: Problem[]): string | undefined {
  const value = prop(node, key);
  const text = str(value);
  if (text === undefined) {
    const message = value === undefined || value === null || value === '' ? `is required: ${what}` : `must be text: ${what}`;
    problems.push({ path: child(path, key), message });
  }
  return text;
}

export function httpId(node: Json): unknown {
  const id = prop(node, '@id');
  return typeof id === 'string' && /^https?:/i.test(id) ? id : undefined;
}

export interface Appearance {
  url: string;
  path: string;
  title?: string;
  date?: string;
  language?: string;
  publisher?: Agent;
}

export function appearancesOf(item: Json, path: string, cx: Context): Appearance[] {
  const found: Appearance[] = [];
  const sources = [...items(prop(item, 'appearance'), child(path, 'appearance')), ...items(prop(item, 'firstAppearance'), child(path, 'firstAppearance'))];
  // Older markup reviews a CreativeWork with its own url instead of a Claim with appearances.
  if (!hasType(item, 'Claim') && prop(item, 'url') !== undefined) sources.push({ value: item, path });
  for (const source of sources) {
    const value = cx.resolve(source.value);
    const node = isObject(value) ? value : undefined;
    const raw = node ? (prop(node, 'url') ?? httpId(node)) : value;
    const urlPath = node ? child(source.path, 'url') : source.path;
    const url = urlAt(raw, urlPath);
    if (!url) {
      cx.problems.push({ path: urlPath, message: 'is required: the address of the page where the claim appeared' });
      continue;
    }
    if ('problem' in url) {
      cx.problems.push(url.problem);
      continue;
    }
    const title = node ? (str(prop(node, 'headline')) ?? str(prop(node, 'name'))) : undefined;
    const date = node ? dateOf(prop(node, 'datePublished')) : undefined;
    const language = node ? (languageOf(prop(node, 'inLanguage')) ?? languageOf(prop(item, 'inLanguage'))) : languageOf(prop(item, 'inLanguage'));
    const publisher = node ? agentOf(cx.resolve(prop(node, 'publisher')), child(source.path, 'publisher'), cx.problems) : undefined;
    found.push({
      url: url.url,
      path: source.path,
      ...(title ? { title: oneLine(title) } : {}),
      ...(date ? { date } : {}),
      ...(language ? { language } : {}),
      ...(publisher?.name ? { publisher } : {}),
    });
  }
  return found;
}

/** The outlet of a page: its publisher; else the claimant if the page is on the claimant's site; else its domain. */
export function appearanceOutlet(appearance: Appearance, claimant: Agent | undefined, builder: DatasetBuilder, notes: Assumptions): string {
  if (appearance.publisher?.name) return builder.outlet(appearance.publisher.name, appearance.url);
  if (claimant?.name && claimant.url && hostOf(claimant.url) === hostOf(appearance.url)) return builder.outlet(claimant.name, appearance.url);
  notes.add('a page where the claim appeared names no publisher; its outlet is named after its domain', appearance.path);
  return builder.outlet(undefined, appearance.url);
}

export const QUOTED = /^\s*(?:"([^"]+)"|“([^”]+)”|‘([^’]+)’|«\s?([^»]+?)\s?»|„([^“”]+)[“”])\s*$/;

/**
 * A claim's quote: only when `claimReviewed` is wholly in quotation marks, the sign that it gives the
 * claimant's own words; a paraphrase is not text to look for on the page.
 */
export function quotesOf(claimText: string, path: string, notes: Assumptions): Quote[] {
  const match = QUOTED.exec(claimText);
  const inner = match?.slice(1).find((group) => group !== undefined)?.trim();
  if (!inner) {
    notes.add('claimReviewed is taken as a summary of the claim, not a quote: the claim has no passage to highlight, but the pages where it appeared are still recognised', child(path, 'claimReviewed'));
    return [];
  }
  notes.add('claimReviewed in quotation marks is taken as the words of the pages where the claim appeared, and becomes the quote to highlight', child(path, 'claimReviewed'));
  if (inner.length > LIMITS.quote) notes.add(`a quoted claim longer than ${LIMITS.quote} characters is cut to its first ${LIMITS.quote}`, child(path, 'claimReviewed'));
  return [{ type: 'TextQuoteSelector', exact: inner.slice(0, LIMITS.quote).trim() }];
}

export function ratingOf(value: unknown, path: string, notes: Assumptions): { stance: Stance; label?: string } {
  const [first] = items(value, path);
  const node = first && isObject(first.value) ? first.value : undefined;
  if (!node) {
    notes.add('a review without a reviewRating is taken to dispute the claim', path);
    return { stance: 'disputes' };
  }
  const label = str(prop(node, 'alternateName')) ?? str(prop(node, 'name'));
  const number = (key: string) => {
    const raw = prop(node, key);
    const parsed = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const fromLabel = label ? stanceOfVerdict(label) : null;
  if (fromLabel) return { stance: fromLabel, label };
  const ratingValue = number('ratingValue');
  const fromValue = ratingValue === undefined ? null : stanceOfRatingValue(ratingValue, number('bestRating') ?? 5, number('worstRating') ?? 1);
  const scale = `${ratingValue} on a scale from ${number('worstRating') ?? 1} to ${number('bestRating') ?? 5}`;
  if (fromValue) {
    notes.add(
      `a rating${label ? ' whose name is not known' : ' without a name (alternateName)'} is read from its ratingValue: the lowest quarter of the scale disputes, the highest supports, the middle adds context`,
      path,
    );
    return { stance: fromValue, label: label ?? scale };
  }
  notes.add('a rating that is not known (neither its alternateName nor its ratingValue) is taken to dispute the claim', path);
  return { stance: 'disputes', ...(label ? { label } : ratingValue !== undefined ? { label: scale } : {}) };
}
