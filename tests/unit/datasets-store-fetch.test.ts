import { describe, expect, it } from 'vitest';
import { fetchDatasetText, isJsonContentType } from '../../lib/platform/dataset-fetch';

const URL_ = 'https://datasets.example/d.json';

/** A fake server: `answer` gets the request init and returns a Response (or throws, like fetch). */
function server(answer: (init: RequestInit) => Response | Promise<Response>) {
  const requests: RequestInit[] = [];
  const fake = (async (_url: string, init: RequestInit = {}) => {
    requests.push(init);
    return answer(init);
  }) as unknown as typeof fetch;
  return { fake, requests };
}

const json = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('isJsonContentType', () => {
  it('knows JSON types, and plain text as many file hosts serve .json', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/ld+json', 'application/vnd.api+json', 'text/json', 'text/plain; charset=utf-8']) {
      expect(isJsonContentType(type), type).toBe(true);
    }
    for (const type of ['text/html', 'text/html; charset=utf-8', 'application/octet-stream', 'application/javascript', 'image/png', '', null]) {
      expect(isJsonContentType(type), String(type)).toBe(false);
    }
  });
});

describe('fetchDatasetText', () => {
  it('returns the text, sending no credentials, referrer or cache', async () => {
    const { fake, requests } = server(() => json('{"a":1}'));
    expect(await fetchDatasetText(URL_, { fetch: fake })).toEqual({ ok: true, text: '{"a":1}', finalUrl: URL_ });
    expect(requests[0]).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'follow' });
  });

  it('refuses HTML and answers without a content type', async () => {
    expect(await fetchDatasetText(URL_, { fetch: server(() => new Response('<html>', { headers: { 'content-type': 'text/html; charset=utf-8' } })).fake })).toEqual({
      ok: false,
      message: 'the server says this is text/html, not JSON',
    });
    const bare = new Response(new Blob(['{}']));
    bare.headers.delete('content-type');
    expect(await fetchDatasetText(URL_, { fetch: server(() => bare).fake })).toMatchObject({ ok: false, message: expect.stringContaining('no Content-Type') });
  });

  it('reports HTTP errors with their status', async () => {
    const result = await fetchDatasetText(URL_, { fetch: server(() => new Response('gone', { status: 404, statusText: 'Not Found' })).fake });
    expect(result).toEqual({ ok: false, message: 'the server answered 404 Not Found' });
  });

  it('tells a refused redirect (to data:, file: ...) from a server that is down', async () => {
    const redirecting = server((init) => {
      if (init.redirect === 'follow') throw new TypeError('fetch failed');
      return new Response(null, { status: 302, headers: { location: 'data:application/json,{}' } });
    });
    const redirected = await fetchDatasetText(URL_, { fetch: redirecting.fake });
    expect(redirected).toEqual({ ok: false, message: 'redirects to an address that is not http or https; Counterpoint follows redirects only to http and https addresses' });
    expect(redirecting.requests.map((r) => r.redirect)).toEqual(['follow', 'manual']);
    const down = await fetchDatasetText(URL_, {
      fetch: server(() => {
        throw new TypeError('getaddrinfo ENOTFOUND datasets.example');
      }).fake,
    });
    expect(down).toEqual({ ok: false, message: 'could not be reached (getaddrinfo ENOTFOUND datasets.example)' });
  });

  it('refuses a redirect from https down to http', async () => {
    const response = json('{}');
    Object.defineProperty(response, 'url', { value: 'http://datasets.example/d.json' });
    expect(await fetchDatasetText(URL_, { fetch: server(() => response).fake })).toEqual({
      ok: false,
      message: 'redirects from https to the unencrypted address http://datasets.example/d.json; refused',
    });
  });

  it('gives up on a server that does not answer in time, and on one that sends slowly', async () => {
    const never = server(
      (init) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    expect(await fetchDatasetText(URL_, { fetch: never.fake, timeoutMs: 50 })).toEqual({ ok: false, message: 'the server did not answer within 1 second' });
    const dripping = server((init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"a":'));
          init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    expect(await fetchDatasetText(URL_, { fetch: dripping.fake, timeoutMs: 1500 })).toEqual({ ok: false, message: 'the server did not answer within 2 seconds' });
  });

  it('refuses bodies over the size limit, by header or as they arrive', async () => {
    expect(await fetchDatasetText(URL_, { fetch: server(() => json('{}', { 'content-length': '5000' })).fake, maxChars: 100 })).toEqual({
      ok: false,
      message: 'is 5000 bytes long; the limit is 100',
    });
    expect(await fetchDatasetText(URL_, { fetch: server(() => json('x'.repeat(500))).fake, maxChars: 100 })).toEqual({
      ok: false,
      message: 'is longer than the limit of 100 characters',
    });
  });
});
