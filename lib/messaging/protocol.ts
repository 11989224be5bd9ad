/**
 * The messages between Counterpoint's parts, one schema per message, named by direction.
 * Every handler parses its payload with these before it does anything.
 */
import * as v from 'valibot';
import { MAX_HASHES } from '../core/limits';

/** Every index checked (`every` would skip the holes of a sparse array). */
function isHashList(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length > MAX_HASHES) return false;
  for (let i = 0; i < value.length; i += 1) {
    const n: unknown = value[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return false;
  }
  return true;
}

const optionalUrl = v.nullable(v.pipe(v.string(), v.maxLength(8192)));

export const PageSignalsSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192)),
  canonical: optionalUrl,
  ogUrl: optionalUrl,
  hashes: v.custom<number[]>(isHashList, `must be a list of at most ${MAX_HASHES} 32-bit hashes`),
});

/** From the always-on script and the overlay (content scripts) to the background. */
export const ContentToBackgroundSchema = v.variant('type', [
  /** Always-on script: may this page carry known disputes? Answer: PageVerdict. */
  v.object({ type: v.literal('page'), signals: PageSignalsSchema }),
  /** Overlay: the article and its notes, from the article text Readability found. Answer: NotesReply. */
  v.object({ type: v.literal('notes'), signals: PageSignalsSchema }),
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
