/**
 * Fetching a dataset from an address the user typed: the only network request Counterpoint makes.
 * No cookies, no referrer, no cache. Refuses what is not JSON, redirects to anything but http(s)
 * (and from https down to http), bodies over the size limit, and gives up on slow servers.
 * `fetch` is a parameter so the unit tests can play the server.
 */
import { LIMITS } from '../core/dataset/limits';

export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxChars?: number;
}

export type FetchResult = { ok: true; text: string; finalUrl: string } | { ok: false; message: string };

const JSON_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/json|text\/plain)$/i;

/** Whether a Content-Type names JSON (or plain text, as many file hosts serve .json files). */
export function isJsonContentType(header: string | null): boolean {
  const type = header?.split(';')[0]?.trim() ?? '';
  return JSON_TYPE.test(type);
}

const isHttp = (url: string) => /^https?:/i.test(url);

export async function fetchDatasetText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxChars = options.maxChars ?? LIMITS.fileBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const slow = (): FetchResult => ({ ok: false, message: `the server did not answer within ${seconds} second${seconds === 1 ? '' : 's'}` });
  const init: RequestInit = {
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal: controller.signal,
    headers: { accept: 'application/json, application/ld+json;q=0.9, text/plain;q=0.5' },
  };
  try {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, redirect: 'follow' });
    } catch (error) {
      if (controller.signal.aborted) return slow();
      // fetch refuses to follow a redirect to data:, file:, javascript: and the like, with the same
      // error as a network failure; ask once more without following, to tell which it was.
      const probe = await doFetch(url, { ...init, redirect: 'manual' }).catch(() => null);
      if (probe && (probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400))) {
        return { ok: false, message: 'redirects to an address that is not http or https; Counterpoint follows redirects only to http and https addresses' };
      }
      if (controller.signal.aborted) return slow();
      return { ok: false, message: `could not be reached (${error instanceof Error ? error.message : String(error)})` };
    }
    const finalUrl = response.url || url;
    if (!isHttp(finalUrl)) return { ok: false, message: `redirects to ${finalUrl.split(':')[0]}: address; only http and https are followed` };
    if (/^https:/i.test(url) && /^http:/i.test(finalUrl)) return { ok: false, message: `redirects from https to the unencrypted address ${finalUrl}; refused` };
    if (!response.ok) return { ok: false, message: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    const type = response.headers.get('content-type');
    if (!isJsonContentType(type)) {
      return { ok: false, message: type ? `the server says this is ${type.split(';')[0]}, not JSON` : 'the server does not say what this is (no Content-Type); a dataset must be served as JSON' };
    }
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxChars) return { ok: false, message: `is ${length} bytes long; the limit is ${maxChars}` };
    const text = await readLimited(response, maxChars);
    if (text === null) return { ok: false, message: `is longer than the limit of ${maxChars} characters` };
    return { ok: true, text, finalUrl };
  } catch (error) {
    if (controller.signal.aborted) return slow();
    return { ok: false, message: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it passes `maxChars` (the rest is not downloaded). */
async function readLimited(response: Response, maxChars: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return text.length > maxChars ? null : text;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxChars) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return parts.join('');
}
