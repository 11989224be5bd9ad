/**
 * URL canonicalisation: one key for every address under which the same article is served.
 * Scheme, `www.`/`m.`/`amp.` hosts, default ports, fragments, tracking parameters, AMP and print
 * variants and trailing slashes do not change the key. Only http(s) URLs have a key.
 */

const HOST_PREFIXES = /^(?:www\d?|m|mobile|amp|amp-)\./;
const TRACKING_PARAM =
  /^(?:utm_\w+|_r|rss|mbid|guccounter|guce_\w+|ncid|emc|__twitter_impression|fb_\w+|hsa?_\w+|mtm_\w+|pk_\w+|oly_\w+|vero_\w+|cmpid|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|smid|smtyp|cmpid|campaign_id|partner|ref|ref_src|referrer|source|src|share|s_cid|icid|mod|ito|yclid|spm|from|cid|amp|outputtype|print|output)$/i;
const PRINT_OR_AMP_SEGMENT = /^(?:amp|print|amphtml)$/i;

/** True for absolute http and https URLs. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The canonical key of an http(s) URL (`host/path?sorted-query`), or null for anything else. */
export function urlKey(value: string): string | null {
  let url: URL;
  try {
    url = new URL(unwrapAmpCache(value.trim()));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(HOST_PREFIXES, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '' && !PRINT_OR_AMP_SEGMENT.test(segment))
    .map((segment) => safeDecode(segment.replace(/;jsessionid=[^/]*$/i, '')).replace(/\.amp(\.html?)$/i, '$1'));
  // "/story/index.html" is "/story/".
  if (segments.length && /^(?:index|default)\.(?:html?|php|aspx?)$/i.test(segments[segments.length - 1]!)) segments.pop();
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, val]) => `${name}=${val}`);
  const query = params.length ? `?${params.join('&')}` : '';
  return `${host}${port}/${segments.join('/')}${query}`;
}

/**
 * The publisher's URL inside an AMP cache or viewer address:
 * `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` and
 * `https://www.google.com/amp/s/www.example.com/a` are `https://www.example.com/a`.
 */
export function unwrapAmpCache(value: string): string {
  const cache = /^https?:\/\/[^/]+\.cdn\.ampproject\.org\/[cvir]\/(s\/)?(.+)$/i.exec(value);
  if (cache) return `${cache[1] ? 'https' : 'http'}://${cache[2]}`;
  const viewer = /^https?:\/\/(?:www\.)?google\.[a-z.]+\/amp\/(s\/)?(.+)$/i.exec(value);
  if (viewer) return `${viewer[1] ? 'https' : 'http'}://${viewer[2]}`;
  return value;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The site key of a URL for per-site settings: the host without `www.`-like prefixes. */
export function siteKey(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/\.$/, '').replace(HOST_PREFIXES, '');
  } catch {
    return null;
  }
}
