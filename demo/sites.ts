/**
 * Demo pages used by Counterpoint's tests and demo script. The HTML lives in
 * ./pages/ and is served by ./server.ts under the real-looking URLs below.
 */

export interface DemoPage {
  id: string;
  /** URL the page is served at (http; https is matched too). */
  url: string;
  /** File name relative to demo/pages. */
  file: string;
  title: string;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    id: 'nyt-article',
    url: 'http://www.nytimes.com/2015/09/17/technology/china-tries-to-extract-pledge-of-compliance-from-us-tech-firms.html',
    file: 'nyt-article.html',
    title: 'China tries to extract pledge of compliance from US tech firms',
  },
  {
    id: 'gt-article',
    url: 'http://www.globaltimes.cn/content/official-disputes-pledge-claims.shtml',
    file: 'gt-article.html',
    title: 'Official disputes pledge claims',
  },
  {
    id: 'nyt-syndicated',
    url: 'http://www.daily-herald.example/business/2015/09/16/china-tech-pledge',
    file: 'nyt-syndicated.html',
    title: 'China tries to extract pledge of compliance from US tech firms',
  },
  {
    id: 'gt-reprint',
    url: 'http://english.news-portal.example/world/2015-09/19/content_21919.htm',
    file: 'gt-reprint.html',
    title: 'Official disputes pledge claims',
  },
  {
    id: 'unrelated',
    url: 'http://www.nytimes.com/2015/09/18/science/unrelated-demo-story.html',
    file: 'unrelated.html',
    title: 'City Coyotes Learn to Keep Time With the Rush Hour',
  },
  {
    id: 'index',
    url: 'http://demo.counterpoint.example/',
    file: 'index.html',
    title: 'Counterpoint demo pages',
  },
  {
    id: 'gt-zh',
    url: 'http://www.globaltimes.cn/content/zh-official-disputes-pledge-claims.shtml',
    file: 'gt-zh.html',
    title: '官员否认“承诺书”报道 (Chinese test page, own translation)',
  },
  {
    id: 'wire-rewrite',
    url: 'http://www.pacific-wire.example/asia/2015/09/17/china-tech-pledge',
    file: 'wire-rewrite.html',
    title: 'A wire rewrite repeating the claim with attribution',
  },
  {
    id: 'blog-paraphrase',
    url: 'http://techpolicy-notes.example/2015/09/beijing-wants-a-promise',
    file: 'blog-paraphrase.html',
    title: 'A blog paraphrase of the claim',
  },
  {
    id: 'nyt-copy-boilerplate',
    url: 'http://www.valley-courier.example/news/world/china-pledge-tech-firms.html',
    file: 'nyt-copy-boilerplate.html',
    title: 'A syndicated copy with boilerplate and no canonical link',
  },
  {
    id: 'nyt-revised',
    url: 'http://www.nytimes.com/2015/09/17/technology/china-tech-pledge-updated.html',
    file: 'nyt-revised.html',
    title: 'A later revision of the New York Times article, passages edited',
  },
  {
    id: 'gt-rebuttal-rewrite',
    url: 'http://www.asia-digest.example/china/2015/09/20/official-rejects-pledge-report',
    file: 'gt-rebuttal-rewrite.html',
    title: 'A rewrite of the rebuttal that quotes the claims (must not be badged as making them)',
  },
  {
    id: 'zh-wire-rewrite',
    url: 'http://news.zh-portal.example/world/2015-09-17/nyt-pledge.html',
    file: 'zh-wire-rewrite.html',
    title: 'A Chinese rewrite repeating the claim with attribution',
  },
];

export const DEMO_HOSTS: string[] = [...new Set(DEMO_PAGES.map((p) => new URL(p.url).hostname))];

/**
 * Lookup key for a URL: lower-case host name + path. Scheme, port, query and
 * hash are ignored; a missing scheme ("www.nytimes.com/...") is tolerated.
 */
export function urlKey(url: string): string | undefined {
  let input = url.trim();
  if (input.startsWith('//')) input = `http:${input}`;
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) input = `http://${input}`;
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return undefined;
  }
  if (!parsed.hostname) return undefined;
  return parsed.hostname.replace(/\.$/, '') + (parsed.pathname || '/');
}

const BY_KEY = new Map<string, DemoPage>(DEMO_PAGES.map((p) => [urlKey(p.url) ?? p.url, p]));

export function pageFor(url: string): DemoPage | undefined {
  const key = urlKey(url);
  return key === undefined ? undefined : BY_KEY.get(key);
}
