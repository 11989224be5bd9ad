/**
 * Messages from the options page (the dataset manager) to the background, one schema each. Only
 * what needs the background: fetching a dataset from an address the user typed, and refreshing one.
 * Files are checked in the options page's worker and stored from there.
 */
import * as v from 'valibot';

const SCHEDULES = ['off', 'daily', 'weekly'] as const;
const datasetId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));

export const OptionsToBackgroundSchema = v.variant('type', [
  /** Fetch the dataset at `url` now, install it, and refresh it on `schedule`. Answer: UrlReply. */
  v.object({ type: v.literal('add-url'), url: v.pipe(v.string(), v.maxLength(4096)), schedule: v.picklist(SCHEDULES) }),
  /** Fetch an installed URL dataset again now. Answer: UrlReply. */
  v.object({ type: v.literal('refresh'), id: datasetId }),
]);

export type OptionsToBackground = v.InferOutput<typeof OptionsToBackgroundSchema>;

/**
 * The outcome of fetching a dataset. On failure, every problem as a line for people:
 * `URL: $.path: what is wrong` (or `URL: what is wrong` when the address itself failed).
 */
export type UrlReply = { ok: true; id: string; title: string; replaced: boolean } | { ok: false; lines: string[] };

export function parseOptionsMessage(message: unknown): OptionsToBackground | null {
  const result = v.safeParse(OptionsToBackgroundSchema, message);
  return result.success ? result.output : null;
}
