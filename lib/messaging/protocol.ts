/**
 * The messages between Counterpoint's parts, one schema per message, named by direction.
 * Every handler parses its payload with these before it does anything.
 */
import * as v from 'valibot';
import { MAX_TEXT } from '../core/limits';

export const MAX_URL = 8192;

const optionalUrl = v.nullable(v.pipe(v.string(), v.maxLength(MAX_URL)));

/** A page as content scripts send it (lib/core/page-text.ts); the background hashes the text. */
export const PageTextSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(MAX_URL)),
  canonical: optionalUrl,
  ogUrl: optionalUrl,
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
});

/** From the always-on script and the overlay (content scripts) to the background. */
export const ContentToBackgroundSchema = v.variant('type', [
  /** Always-on script: may this page (its visible text) carry known disputes? Answer: PageVerdict. */
  v.object({ type: v.literal('page'), page: PageTextSchema }),
  /** Overlay: the article and its notes, from the article text Readability found. Answer: NotesReply. */
  v.object({ type: v.literal('notes'), page: PageTextSchema }),
  /** Overlay: how many passages it placed and shows (0 when hidden). */
  v.object({ type: v.literal('count'), count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)) }),
]);

export type ContentToBackground = v.InferOutput<typeof ContentToBackgroundSchema>;

export interface PageVerdict {
  maybe: boolean;
}

export { type NotesReply } from './replies';

/** The message if it is one of the protocol's, else null. Never throws (see tests/unit/messaging-fuzz.test.ts). */
export function parseContentMessage(message: unknown): ContentToBackground | null {
  try {
    const result = v.safeParse(ContentToBackgroundSchema, message);
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}
